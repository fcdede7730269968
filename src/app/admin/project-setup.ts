import type { Policy } from '../../domain/policy/policy-config';
import type { ValidatorModuleKeys } from '../../domain/provisioning/workflow-plan';
import { appendAuditEntry, type AppendAuditEntryDeps } from '../audit/append-audit-entry';
import type { FieldModuleKeys } from '../provisioning/ensure-screens';
import type { ProvisioningGateway } from '../provisioning/provisioning-gateway';
import { setUpProject } from '../provisioning/set-up-project';
import type { SetupRun, SetupRuns } from './admin-ports';

export type ProjectSetupDeps = {
  /** Acting as the administrator who asked, so Jira itself refuses anyone who may not change its configuration. */
  readonly jira: ProvisioningGateway;
  readonly runs: SetupRuns;
  readonly audit: AppendAuditEntryDeps;
  readonly policy: Policy;
  readonly now: () => string;
  readonly app: { readonly appId: string; readonly environmentId: string };
  readonly validatorModuleKeys: ValidatorModuleKeys;
  /** The post function that records approvals and decisions; without it no approval would ever count. */
  readonly recorderModuleKey: string;
  readonly fieldModuleKeys: FieldModuleKeys;
};

export const PROJECT_SET_UP = 'project.set-up';

/** Runs set-up for a project, keeps the report as the project's last run and records the run in the audit chain. */
export const runProjectSetup = async (deps: ProjectSetupDeps, request: { readonly projectKey: string; readonly by: string }): Promise<SetupRun> => {
  const startedAt = deps.now();
  const report = await setUpProject(
    { jira: deps.jira },
    {
      projectKey: request.projectKey,
      app: deps.app,
      validatorModuleKeys: deps.validatorModuleKeys,
      approvalLevels: deps.policy.levels,
      recorderModuleKey: deps.recorderModuleKey,
      fieldModuleKeys: deps.fieldModuleKeys,
    },
  );
  const run: SetupRun = {
    projectKey: request.projectKey,
    startedAt,
    finishedAt: deps.now(),
    by: request.by,
    steps: report.steps.map(({ step, name, outcome, detail }) => ({ step, name, outcome, detail })),
  };
  await deps.runs.record(run);
  await appendAuditEntry(deps.audit, {
    at: run.finishedAt,
    actor: request.by,
    action: PROJECT_SET_UP,
    issueKey: null,
    payload: { projectKey: request.projectKey, result: report.result, steps: run.steps.map(({ step, outcome }) => ({ step, outcome })) },
  });
  return run;
};
