import { exceptionPanel } from '../../app/register/exception-panel';
import { requestRenewal } from '../../app/renewal/request-renewal';
import { failure, success } from '../../contract';
import { levelsForTier } from '../../domain/policy/policy-config';
import { person, projectOfIssue, type KeyDefinitions } from './resolver-kit';
import { riskViewOf } from './risk-view';

/** The issue panel of one exception, and the renewal it offers. */

const MESSAGE_LIMIT = 1000;
const clip = (text: string): string => (text.length > MESSAGE_LIMIT ? `${text.slice(0, MESSAGE_LIMIT - 1)}…` : text);

export const exceptionResolvers = {
  'exception/panel': {
    capability: 'read-register',
    projectOf: (request) => projectOfIssue(request.issueKey),
    issueOf: (request) => request.issueKey,
    async run(request, { services, policy, caller }) {
      const storage = services.storage();
      // An auditor's access is the app's own grant, not a Jira permission, so the app reads for them.
      const renewals = await (caller.roles.auditor ? services.renewalRecordsAsApp() : services.renewals());
      if (!renewals.ok) return failure('PANEL.JIRA_FAILED', `Could not reach Jira (${renewals.error.message}); reload in a minute.`);
      const panel = await exceptionPanel(
        {
          policy,
          now: services.nowIso,
          issues: caller.roles.auditor ? services.issuesAsApp() : services.issuesAsUser(),
          register: storage.register,
          approvals: storage.approvals,
          auditStore: storage.auditStore,
          chainStatus: services.chainStatus,
          renewals: renewals.value,
        },
        { issueKey: request.issueKey, auditLimit: request.auditLimit },
      );
      if (!panel.ok) return failure(panel.error.code === 'PANEL.NOT_FOUND' ? 'NOT_FOUND' : panel.error.code, panel.error.message);
      const view = panel.value;
      return success({
        key: view.key,
        title: view.title,
        status: view.status,
        tier: view.tier,
        risk: view.risk === null ? null : riskViewOf(view.risk),
        riskProblem: view.riskProblem,
        approval: {
          levels: view.approval.levels.map(({ level, state, approval }) => ({
            levelId: level.id,
            name: level.name,
            group: level.group,
            state,
            approver: approval === null ? null : person(approval.approver),
            decidedAt: approval?.decidedAt ?? null,
          })),
          complete: view.approval.complete,
          eligibleGroup: view.approval.eligibleGroup,
          notAllowed: view.approval.notAllowed.map(({ accountId, code, reason }) => ({ person: person(accountId), code, reason })),
          voidedAt: view.approval.voidedAt,
        },
        expiry: view.expiry,
        renewal: view.renewal,
        audit: {
          chain: view.audit.chain,
          entries: view.audit.entries.map(({ entry, summary, integrity }) => ({
            sequence: entry.sequence,
            at: entry.at,
            actor: person(entry.actor),
            action: entry.action,
            summary,
            hashPrefix: entry.hash.slice(0, 16),
            integrity,
          })),
          hasMore: view.audit.hasMore,
        },
      });
    },
  },
  'exception/request-renewal': {
    capability: 'request-renewal',
    projectOf: (request) => projectOfIssue(request.issueKey),
    issueOf: (request) => request.issueKey,
    async run(request, { services, policy, caller }) {
      const storage = services.storage();
      const [renewals, exceptions] = await Promise.all([services.renewals(), services.exceptions(policy)]);
      if (!renewals.ok || !exceptions.ok) return failure('RENEWAL.JIRA_FAILED', 'Could not reach Jira; try again in a minute.');
      const requested = await requestRenewal(
        {
          policy,
          now: services.nowIso,
          register: storage.register,
          ledger: storage.ledger,
          audit: await services.audit(),
          leases: services.leases,
          exceptions: exceptions.value,
          renewals: renewals.value,
          invocationId: services.invocationId,
        },
        { issueKey: request.issueKey, actor: { accountId: caller.accountId, groups: caller.groups } },
      );
      if (!requested.ok) return failure(requested.error.code, requested.error.message);
      const { renewalKey, created, linkProblem, preflight } = requested.value;
      const tierLevels = preflight?.tier === null || preflight === undefined ? null : levelsForTier(policy, preflight.tier).length;
      const escalated = tierLevels !== null && preflight !== undefined && preflight.requiredApprovers.length > tierLevels;
      const message = created
        ? `${renewalKey} renews ${request.issueKey} and proposes ${preflight?.maxExpiry ?? 'the latest allowed'} as its expiry: update its risk assessment and re-validate its controls, then submit it.`
        : `${renewalKey} already renews ${request.issueKey}: continue with it.`;
      return success({
        renewalKey,
        renewalOf: request.issueKey,
        escalated,
        message: clip(linkProblem === undefined ? message : `${message} The "renews" link could not be added (${linkProblem}); the renewal still records what it renews.`),
      });
    },
  },
} satisfies Pick<KeyDefinitions, 'exception/panel' | 'exception/request-renewal'>;
