import type { Policy } from '../../domain/policy/policy-config';
import { ok, refuse, type Result } from '../../domain/shared/result';
import type { AccessDirectory, AuditorGrants } from './access-ports';
import { callerOf, type Caller } from './caller-roles';

export type ResolveCallerDeps = {
  readonly directory: AccessDirectory;
  readonly auditors: AuditorGrants;
  /** Null when the stored policy cannot be used (see callerOf). */
  readonly policy: Policy | null;
  readonly now: () => Date;
};

export type ResolveCallerCode = 'ACCESS.UNVERIFIABLE';

const unverifiable = (code: string) =>
  refuse<ResolveCallerCode>(
    'ACCESS.UNVERIFIABLE',
    `Jira could not confirm your groups and permissions just now (${code}), so nothing was done. Try again in a minute.`,
  );

/**
 * The caller's roles. When Jira cannot say who the caller is (busy, down), nobody is granted anything on a guess:
 * the call is refused with a message to try again.
 */
export const resolveCaller = async (
  deps: ResolveCallerDeps,
  request: { readonly accountId: string; readonly projectKey: string | null },
): Promise<Result<Caller, ResolveCallerCode>> => {
  const [groups, permissions, grant, settings] = await Promise.all([
    deps.directory.groupsOf(request.accountId),
    deps.directory.permissionsOf(request.accountId, request.projectKey),
    deps.auditors.grantOf(request.accountId),
    deps.auditors.settings(),
  ]);
  if (!groups.ok) return unverifiable(groups.error.code);
  if (!permissions.ok) return unverifiable(permissions.error.code);
  return ok(
    callerOf(
      { ...request, groups: groups.value, permissions: permissions.value, grant, auditorGroup: settings.group },
      deps.policy,
      deps.now(),
    ),
  );
};
