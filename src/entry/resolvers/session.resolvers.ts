import { success } from '../../contract';
import { person, projectOfIssue, type CallScope, type InvocationContext, type KeyDefinitions } from './resolver-kit';

/**
 * Who the caller is, for the UI to hide what the caller cannot do. Any signed-in person may ask; the roles are the
 * same server-side roles every other key authorizes with.
 */
const me = (_request: unknown, { caller }: CallScope) => {
  const grant = caller.auditorGrant;
  return Promise.resolve(
    success({
      user: person(caller.accountId),
      roles: { ...caller.roles, approverLevels: [...caller.roles.approverLevels] },
      auditorAccessUntil: grant.state === 'active' ? grant.until : null,
    }),
  );
};

export const sessionResolvers = {
  'session/me': {
    capability: 'signed-in',
    projectOf: (_request, context: InvocationContext) => context.projectKey ?? (context.issueKey === null ? null : projectOfIssue(context.issueKey)),
    worksWithoutPolicy: true,
    run: me,
    runWithoutPolicy: me,
  },
} satisfies Pick<KeyDefinitions, 'session/me'>;
