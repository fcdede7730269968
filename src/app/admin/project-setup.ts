import type { Policy } from '../../domain/policy/policy-config';
import type { ValidatorModuleKeys } from '../../domain/provisioning/workflow-plan';
import { appendAuditEntry, type AppendAuditEntryDeps } from '../audit/append-audit-entry';
import type { FieldModuleKeys } from '../provisioning/ensure-screens';
import type { ProvisioningGateway } from '../provisioning/provisioning-gateway';
import { setUpProject, type ProjectSetupReport } from '../provisioning/set-up-project';
import type { StepReport } from '../provisioning/setup-steps';
import type { RegisterHomeStore, SetupRun, SetupRuns } from './admin-ports';
import { chooseRegisterHome, describeRegisterHomeChoice, type RegisterHomeChoice } from './register-home-choice';

export type ProjectSetupDeps = {
  /** Acting as the administrator who asked, so Jira itself refuses anyone who may not change its configuration. */
  readonly jira: ProvisioningGateway;
  readonly runs: SetupRuns;
  readonly registerHome: RegisterHomeStore;
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

/** Records the home the set-up found unless another project's stands; undefined when set-up stopped before it. */
const recordRegisterHome = async (store: RegisterHomeStore, report: ProjectSetupReport): Promise<RegisterHomeChoice | undefined> => {
  if (report.registerHome === undefined) return undefined;
  const choice = chooseRegisterHome(await store.get(), report.registerHome);
  if (choice.kind === 'record') await store.set(choice.home);
  return choice;
};

const withHomeDetail = (steps: readonly StepReport[], choice: RegisterHomeChoice | undefined, projectKey: string): StepReport[] => {
  const said = choice === undefined ? undefined : describeRegisterHomeChoice(choice, projectKey);
  return steps.map((step) => (step.step === 'register-home' && said !== undefined ? { ...step, detail: `${step.detail} ${said}` } : step));
};

/**
 * Runs set-up for a project, records the register's home it found (the first project's stands), keeps the report as
 * the project's last run and records the run in the audit chain.
 */
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
  const home = await recordRegisterHome(deps.registerHome, report);
  const run: SetupRun = {
    projectKey: request.projectKey,
    startedAt,
    finishedAt: deps.now(),
    by: request.by,
    steps: withHomeDetail(report.steps, home, request.projectKey).map(({ step, name, outcome, detail }) => ({ step, name, outcome, detail })),
  };
  await deps.runs.record(run);
  await appendAuditEntry(deps.audit, {
    at: run.finishedAt,
    actor: request.by,
    action: PROJECT_SET_UP,
    issueKey: null,
    payload: {
      projectKey: request.projectKey,
      result: report.result,
      steps: run.steps.map(({ step, outcome }) => ({ step, outcome })),
      ...(home === undefined ? {} : { registerHome: { issueKey: home.home.issueKey, projectKey: home.home.projectKey, recorded: home.kind === 'record' } }),
    },
  });
  return run;
};
