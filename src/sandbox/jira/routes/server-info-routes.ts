import { ok } from '../jira-http';
import { dateTime } from '../jira-views';
import type { RouteTable } from '../route-context';

/** `GET /serverInfo`: where the app reads the site's address for links in e-mails. Anyone may read it, as in Jira. */
export const serverInfoRoutes: RouteTable = {
  'GET /rest/api/3/serverInfo': {
    handle: (ctx) =>
      ok({
        baseUrl: ctx.services.baseUrl,
        deploymentType: 'Cloud',
        serverTitle: 'Jira',
        serverTime: dateTime(ctx.view, ctx.services.clock.now()),
        serverTimeZone: ctx.services.siteTimeZone,
      }),
  },
};
