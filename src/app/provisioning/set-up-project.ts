import type { ValidatorModuleKeys } from '../../domain/provisioning/workflow-plan';
import type { ApprovalLevel } from '../../domain/policy/policy-config';
import { checkProject } from './check-project';
import { ensureIssueType } from './ensure-issue-type';
import { ensureRegisterHome, type RegisterHome } from './ensure-register-home';
import { ensureIssueTypeScheme, ensureIssueTypeScreenScheme, ensureScreenScheme, ensureWorkflowScheme } from './ensure-schemes';
import { ensureScreens, type FieldModuleKeys } from './ensure-screens';
import { ensureStatuses } from './ensure-statuses';
import { ensureWorkflow } from './ensure-workflow';
import type { ProvisioningGateway } from './provisioning-gateway';
import { SETUP_STEPS, type SetupStepId, type StepReport, type StepResult } from './setup-steps';

/**
 * "Set up project": makes a company-managed project ready for security exceptions. Every step first looks
 * for what it would create, so running it again changes nothing, and a run that stopped at any step is
 * completed by the next one without duplicating what was already made.
 */

export type SetUpProjectDeps = {
  /**
   * Needs *Administer Jira* (scope manage:jira-configuration). Wire it as the admin who asked, so Jira itself
   * refuses anyone else.
   */
  readonly jira: ProvisioningGateway;
};

export type SetUpProjectInput = {
  readonly projectKey: string;
  /** The running app's ids (`getAppContext()`), from which the validators' extension references are built. */
  readonly app: { readonly appId: string; readonly environmentId: string };
  /** The manifest's `jira:workflowValidator` module keys. */
  readonly validatorModuleKeys: ValidatorModuleKeys;
  /** The policy's approval levels, in approval order: one "Approve as <level>" transition each. */
  readonly approvalLevels: readonly Pick<ApprovalLevel, 'id' | 'name'>[];
  /**
   * The manifest's `jira:workflowPostFunction` that records approvals and decisions. Without it the workflow
   * records nothing, so no approval would ever count: callers outside tests always pass it.
   */
  readonly recorderModuleKey?: string;
  /** The manifest's `jira:customField` module keys: editable ones go on every screen, read-only ones on edit and view. */
  readonly fieldModuleKeys: FieldModuleKeys;
};

export type ProjectSetupReport = {
  readonly projectKey: string;
  /** `set-up`: something was created or changed; `already-set-up`: nothing needed doing; `stopped`: a step failed. */
  readonly result: 'set-up' | 'already-set-up' | 'stopped';
  readonly summary: string;
  readonly steps: readonly StepReport[];
  /** The register's home issue this project has, once set-up reached it. */
  readonly registerHome?: RegisterHome;
};

const MAX_DETAIL = 2000;

const clip = (text: string): string => (text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text);

const stepRecorder = (projectKey: string) => {
  const steps: StepReport[] = [];
  let registerHome: RegisterHome | undefined;
  const nameOf = (step: SetupStepId): string => SETUP_STEPS.find((candidate) => candidate.step === step)?.name ?? step;
  return {
    async run<T>(step: SetupStepId, body: () => Promise<StepResult<T>>): Promise<StepResult<T>> {
      const result = await body();
      steps.push({ step, name: nameOf(step), outcome: result.ok ? result.outcome : 'failed', detail: clip(result.detail) });
      return result;
    },
    home(found: RegisterHome): void {
      registerHome = found;
    },
    report(): ProjectSetupReport {
      const ran = new Set(steps.map((entry) => entry.step));
      const skipped: StepReport[] = SETUP_STEPS.filter((entry) => !ran.has(entry.step)).map((entry) => ({
        ...entry,
        outcome: 'skipped',
        detail: 'Not run because an earlier step failed.',
      }));
      const failedStep = steps.find((entry) => entry.outcome === 'failed');
      if (failedStep !== undefined) {
        return {
          projectKey,
          result: 'stopped',
          summary:
            `Set-up of ${projectKey} stopped at "${failedStep.name}"; that step says why and what to do. ` +
            'What earlier steps made is kept; running set-up again finds it and carries on from there.',
          steps: [...steps, ...skipped],
        };
      }
      const changed = steps.some((entry) => entry.outcome !== 'already-present');
      return {
        projectKey,
        result: changed ? 'set-up' : 'already-set-up',
        summary: changed
          ? `${projectKey} is ready for security exceptions.`
          : `${projectKey} was already set up for security exceptions; nothing was changed.`,
        steps,
        ...(registerHome === undefined ? {} : { registerHome }),
      };
    },
  };
};

export async function setUpProject(deps: SetUpProjectDeps, input: SetUpProjectInput): Promise<ProjectSetupReport> {
  const { jira } = deps;
  const steps = stepRecorder(input.projectKey);

  const project = await steps.run('project', () => checkProject(jira, input.projectKey));
  if (!project.ok) return steps.report();
  const issueTypes = await steps.run('issue-type', () => ensureIssueType(jira));
  if (!issueTypes.ok) return steps.report();
  const types = issueTypes.value;
  const statuses = await steps.run('statuses', () => ensureStatuses(jira));
  if (!statuses.ok) return steps.report();
  const workflow = await steps.run('workflow', () =>
    ensureWorkflow(jira, {
      project: project.value,
      issueTypeId: types.exception.id,
      statusIds: statuses.value,
      plan: {
        app: input.app,
        validatorModuleKeys: input.validatorModuleKeys,
        approvalLevels: input.approvalLevels,
        ...(input.recorderModuleKey === undefined ? {} : { recorderModuleKey: input.recorderModuleKey }),
      },
    }),
  );
  if (!workflow.ok) return steps.report();
  const screens = await steps.run('screens', () => ensureScreens(jira, input.fieldModuleKeys));
  if (!screens.ok) return steps.report();
  const screenScheme = await steps.run('screen-scheme', () => ensureScreenScheme(jira, screens.value));
  if (!screenScheme.ok) return steps.report();
  const screensAssigned = await steps.run('issue-type-screen-scheme', () =>
    ensureIssueTypeScreenScheme(jira, project.value, types, screenScheme.value),
  );
  if (!screensAssigned.ok) return steps.report();
  const workflowAssigned = await steps.run('workflow-scheme', () => ensureWorkflowScheme(jira, project.value, types, workflow.value));
  if (!workflowAssigned.ok) return steps.report();
  const typesAssigned = await steps.run('issue-type-scheme', () => ensureIssueTypeScheme(jira, project.value, types));
  if (!typesAssigned.ok) return steps.report();
  // Last: the home issue is created in the project once its schemes are in place, since Jira switches a project's
  // workflow scheme only while it has no issues.
  const home = await steps.run('register-home', () => ensureRegisterHome(jira, project.value));
  if (home.ok) steps.home(home.value);
  return steps.report();
}
