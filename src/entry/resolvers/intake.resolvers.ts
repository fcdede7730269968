import { intakePreflight, type RequestPatch } from '../../app/register/intake-preflight';
import { failure, success, type ExceptionDraft } from '../../contract';
import { pageProject, projectOfIssue, type KeyDefinitions } from './resolver-kit';
import { riskViewOf } from './risk-view';

/** Pre-flight while a request is written in the field editors: what the workflow will enforce, before submitting. */

/** The editor's field values in the domain's shape: each field present in the draft replaces the issue's. */
export const patchOf = (draft: ExceptionDraft): RequestPatch => {
  const { assets, riskInputs, compensatingControls, ...plain } = draft;
  return {
    ...plain,
    ...(assets === undefined
      ? {}
      : {
          assets: assets.items.map((asset) => ({ ...asset, retired: asset.retired ?? false })),
          ...(assets.owner === undefined ? {} : { assetOwner: assets.owner }),
          ...(assets.businessUnit === undefined ? {} : { businessUnit: assets.businessUnit }),
        }),
    ...(riskInputs === undefined
      ? {}
      : {
          riskInputs:
            riskInputs.method === 'cvss'
              ? { method: 'cvss', vector: riskInputs.vector }
              : { method: 'matrix', likelihood: riskInputs.likelihood, impact: riskInputs.impact },
          ...(riskInputs.threatVectors === undefined ? {} : { threatVectors: riskInputs.threatVectors }),
        }),
    ...(compensatingControls === undefined
      ? {}
      : { compensatingControls: compensatingControls.items.map((control) => ({ ...control, evidence: control.evidence ?? [] })) }),
  };
};

export const intakeResolvers = {
  'intake/preflight': {
    capability: 'read-register',
    projectOf: (request, context) => (request.issueKey === undefined ? pageProject(request, context) : projectOfIssue(request.issueKey)),
    async run(request, { services, policy, caller }) {
      // An auditor's access is the app's own grant, not a Jira permission, so the app reads for them.
      const renewals = await (caller.roles.auditor ? services.renewalRecordsAsApp() : services.renewals());
      if (!renewals.ok) return failure('INTAKE.JIRA_FAILED', `Could not reach Jira (${renewals.error.message}); try again in a minute.`);
      const checked = await intakePreflight(
        {
          policy,
          now: services.nowIso,
          register: services.storage().register,
          issues: caller.roles.auditor ? services.issuesAsApp() : services.issuesAsUser(),
          renewals: renewals.value,
        },
        { patch: patchOf(request.draft), caller: caller.accountId, ...(request.issueKey === undefined ? {} : { issueKey: request.issueKey }) },
      );
      if (!checked.ok) return failure(checked.error.code === 'INTAKE.ISSUE_NOT_FOUND' ? 'NOT_FOUND' : checked.error.code, checked.error.message);
      const result = checked.value;
      return success({
        ready: result.ready,
        tier: result.tier,
        risk: result.risk === null ? null : riskViewOf(result.risk),
        requiredApprovers: result.requiredApprovers.map(({ levelId, name, group }) => ({ levelId, name, group })),
        maxExpiry: result.maxExpiry,
        notices: [...result.notices],
        problems: result.problems.map(({ path, code, message }) => ({ path, code, message })),
      });
    },
  },
} satisfies Pick<KeyDefinitions, 'intake/preflight'>;
