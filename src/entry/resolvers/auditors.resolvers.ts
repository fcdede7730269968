import type { AuditorGrant } from '../../app/access/access-ports';
import { grantAuditorAccess } from '../../app/access/grant-auditor-access';
import { failure, MAX_AUDITOR_GRANT_DAYS, success, type AuditorGrantView } from '../../contract';
import { noProject, person, type KeyDefinitions } from './resolver-kit';

/** Who holds auditor access until when, and granting it. */

const viewOf = (grant: AuditorGrant, now: Date): AuditorGrantView => ({
  auditor: person(grant.accountId),
  until: grant.until,
  grantedBy: person(grant.grantedBy),
  grantedAt: grant.grantedAt,
  active: Date.parse(grant.until) > now.getTime(),
});

export const auditorResolvers = {
  'admin/auditors/get': {
    capability: 'manage-auditors',
    projectOf: noProject,
    async run(_request, { services }) {
      const [settings, grants] = await Promise.all([services.auditors.settings(), services.auditors.list()]);
      const now = services.now();
      return success({ group: settings.group, grants: grants.map((grant) => viewOf(grant, now)) });
    },
  },
  'admin/auditors/grant': {
    capability: 'manage-auditors',
    projectOf: noProject,
    async run(request, { services, caller }) {
      const granted = await grantAuditorAccess(
        { auditors: services.auditors, audit: await services.audit(), now: services.nowIso, maxDays: MAX_AUDITOR_GRANT_DAYS },
        { accountId: request.accountId, until: request.until, by: caller.accountId },
      );
      if (!granted.ok) return failure(granted.error.code, granted.error.message);
      return success({ grant: viewOf(granted.value, services.now()) });
    },
  },
} satisfies Pick<KeyDefinitions, 'admin/auditors/get' | 'admin/auditors/grant'>;
