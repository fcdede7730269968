import { z } from 'zod';
import { boundedText, isoDateTimeSchema, personSchema, projectKeySchema } from './primitives';

/**
 * Project set-up: issue type, statuses, workflow with the app's validators, screens and scheme assignment have
 * no Forge module, so the admin page provisions them through the Jira REST API. Every step is idempotent and
 * reports what it found; a run can be repeated safely after a failure.
 */

export const SETUP_OUTCOMES = ['created', 'already-present', 'updated', 'failed', 'skipped'] as const;
export type SetupOutcome = (typeof SETUP_OUTCOMES)[number];

export const setupStepSchema = z.object({
  /** Stable id of the step, such as `issue-type` or `workflow-scheme`. */
  step: z.string().regex(/^[a-z][a-z0-9-]{0,63}$/),
  name: boundedText(200),
  outcome: z.enum(SETUP_OUTCOMES),
  /** What was found or done, or for a failure what to do about it. */
  detail: z.string().max(2000),
});
export type SetupStep = z.infer<typeof setupStepSchema>;

export const setupReportSchema = z.object({
  projectKey: projectKeySchema,
  startedAt: isoDateTimeSchema,
  finishedAt: isoDateTimeSchema,
  by: personSchema,
  steps: z.array(setupStepSchema).max(100),
});
export type SetupReport = z.infer<typeof setupReportSchema>;

export const adminSetupRunRequestSchema = z.object({ projectKey: projectKeySchema });
export type AdminSetupRunRequest = z.input<typeof adminSetupRunRequestSchema>;
export const adminSetupRunResponseSchema = setupReportSchema;

export const adminSetupStatusRequestSchema = z.object({ projectKey: projectKeySchema });
export type AdminSetupStatusRequest = z.input<typeof adminSetupStatusRequestSchema>;
export const adminSetupStatusResponseSchema = z.object({
  projectKey: projectKeySchema,
  /** The last run for the project; null when set-up never ran there. */
  lastRun: setupReportSchema.nullable(),
});
export type SetupStatus = z.infer<typeof adminSetupStatusResponseSchema>;

export const setupSucceeded = (report: SetupReport): boolean => report.steps.every((s) => s.outcome !== 'failed');
