import { personById } from '../seed/cast';
import { cookie, localPath, redirect, respond, THEME_COOKIE, USER_COOKIE, type HostKit, type Route } from './host-kit';

/**
 * The sandbox's own controls in the top bar, which no Jira site has: who is signed in, the colour mode, and the site
 * clock, which runs the scheduled triggers of every day it skips. Each returns to the page it was used on.
 */

const MAX_DAYS = 366;

export const sandboxControlRoutes = (kit: HostKit): Route[] => {
  const home = `${kit.projectPath}/register`;
  return [
    {
      method: 'POST',
      path: /^\/sandbox\/user$/,
      handle: (_session, request) => {
        const form = new URLSearchParams(request.body);
        const person = personById(form.get('accountId') ?? '');
        if (person === undefined) return respond(400, 'Choose someone from the user switcher.', 'text/plain');
        return redirect(localPath(form.get('back'), home), { 'set-cookie': cookie(USER_COOKIE, person.accountId) });
      },
    },
    {
      method: 'POST',
      path: /^\/sandbox\/theme$/,
      handle: (_session, request) => {
        const form = new URLSearchParams(request.body);
        return redirect(localPath(form.get('back'), home), { 'set-cookie': cookie(THEME_COOKIE, form.get('colorMode') === 'dark' ? 'dark' : 'light') });
      },
    },
    {
      method: 'POST',
      path: /^\/sandbox\/clock$/,
      handle: async (session, request) => {
        const form = new URLSearchParams(request.body);
        const days = Number(form.get('days'));
        if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) return respond(400, `Advance the clock by 1 to ${MAX_DAYS} days.`, 'text/plain');
        kit.flash(session, { kind: 'success', message: await kit.deps.app.advanceDays(days) });
        return redirect(localPath(form.get('back'), home));
      },
    },
  ];
};
