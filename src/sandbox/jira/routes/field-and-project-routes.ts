import { ok } from '../jira-http';
import { fieldView, issueTypeView, projectRefView, userRefView } from '../jira-views';
import type { RouteTable } from '../route-context';
import { issueTypesOf } from '../workflow-resolution';
import { andThen, viewableProject } from './route-helpers';

/** `GET /field` and `GET /project/{projectIdOrKey}`: what the app reads to find its fields and projects. */
export const fieldAndProjectRoutes: RouteTable = {
  'GET /rest/api/3/field': {
    handle: (ctx) => ok([...ctx.services.state.fields.values()].map(fieldView)),
  },

  'GET /rest/api/3/project/{projectIdOrKey}': {
    query: ['expand', 'properties'],
    handle: (ctx) =>
      andThen(viewableProject(ctx, ctx.params.projectIdOrKey ?? ''), (project) => {
        const wantedProperties = ctx.query.all('properties').flatMap((value) => value.split(','));
        return ok({
          ...projectRefView(ctx.view, project),
          expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
          description: project.description,
          lead: userRefView(ctx.view, project.leadAccountId),
          components: [],
          issueTypes: issueTypesOf(ctx.services.state, project).map((type) => issueTypeView(ctx.view, type)),
          assigneeType: 'UNASSIGNED',
          versions: [],
          roles: {},
          style: project.style === 'team-managed' ? 'next-gen' : 'classic',
          isPrivate: false,
          properties: Object.fromEntries(
            wantedProperties.filter((key) => project.properties.has(key)).map((key) => [key, project.properties.get(key)]),
          ),
        });
      }),
  },
};
