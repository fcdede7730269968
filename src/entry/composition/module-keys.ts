import type { ValidatorModuleKeys } from '../../domain/provisioning/workflow-plan';

/**
 * The manifest keys of the app's workflow rules, as project set-up references them from the workflow. A key here
 * that the manifest does not declare makes set-up stop before it creates the workflow; a test holds the two together.
 */
export const VALIDATOR_MODULE_KEYS: ValidatorModuleKeys = {
  intake: 'intake-validator',
  peerReview: 'peer-review-validator',
  approval: 'approval-validator',
  activation: 'activation-validator',
};

/** The `jira:workflowPostFunction` that records approvals and decisions. */
export const RECORDER_MODULE_KEY = 'decision-recorder';
