import { z } from 'zod';
import { boundedText, isoDateSchema } from './primitives';
import { CONTROL_STATUSES, CRITICALITIES, DATA_CLASSIFICATIONS, THREAT_VECTORS } from './vocabulary';

/**
 * The values of the exception's object custom fields, exactly as the manifest's JSON schemas accept them.
 * Jira indexes only top-level scalars and arrays, so each value carries small derived index arrays
 * (`assetIds`, `statuses`) next to its items; `toXFieldValue` derives them so no writer can let them drift.
 */

export const CUSTOM_FIELD_KEYS = {
  assets: 'exception-assets',
  riskInputs: 'exception-risk-inputs',
  compensatingControls: 'exception-compensating-controls',
  remediationPlan: 'exception-remediation-plan',
} as const;
export type EditableFieldKey = (typeof CUSTOM_FIELD_KEYS)[keyof typeof CUSTOM_FIELD_KEYS];

export const assetSchema = z.object({
  id: boundedText(128),
  name: boundedText(255),
  criticality: z.enum(CRITICALITIES),
  dataClassification: z.enum(DATA_CLASSIFICATIONS),
  internetFacing: z.boolean(),
  retired: z.boolean().optional(),
});
export type Asset = z.infer<typeof assetSchema>;

export const assetsFieldSchema = z
  .object({
    businessUnit: boundedText(128).optional(),
    owner: boundedText(128).optional(),
    assetIds: z.array(boundedText(128)).max(100),
    items: z.array(assetSchema).max(100),
  })
  .strict()
  .refine((value) => sameList(value.assetIds, value.items.map((a) => a.id)), {
    message: 'assetIds must list the id of every item, in order',
    path: ['assetIds'],
  });
export type AssetsFieldValue = z.infer<typeof assetsFieldSchema>;

const ratingSchema = z
  .number({ error: 'enter a whole number from 1 to 10' })
  .int({ error: 'enter a whole number from 1 to 10' })
  .min(1, { error: 'enter a whole number from 1 to 10' })
  .max(10, { error: 'enter a whole number from 1 to 10' });

const threatVectorsSchema = z.array(z.enum(THREAT_VECTORS)).max(THREAT_VECTORS.length).optional();

export const riskInputsFieldSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('cvss'), vector: boundedText(512), threatVectors: threatVectorsSchema }).strict(),
  z
    .object({
      method: z.literal('matrix'),
      likelihood: ratingSchema,
      impact: ratingSchema,
      threatVectors: threatVectorsSchema,
    })
    .strict(),
]);
export type RiskInputsFieldValue = z.infer<typeof riskInputsFieldSchema>;

export const compensatingControlSchema = z.object({
  id: boundedText(64),
  type: boundedText(64),
  description: boundedText(2000),
  status: z.enum(CONTROL_STATUSES),
  evidence: z.array(boundedText(2000)).max(20).optional(),
});
export type CompensatingControl = z.infer<typeof compensatingControlSchema>;

export const compensatingControlsFieldSchema = z
  .object({
    items: z.array(compensatingControlSchema).max(50),
    statuses: z.array(z.enum(CONTROL_STATUSES)).max(CONTROL_STATUSES.length),
  })
  .strict()
  .refine((value) => sameList(value.statuses, distinctStatuses(value.items)), {
    message: 'statuses must list each control status used by the items once, in vocabulary order',
    path: ['statuses'],
  });
export type CompensatingControlsFieldValue = z.infer<typeof compensatingControlsFieldSchema>;

export const remediationPlanFieldSchema = z
  .object({
    summary: boundedText(4000),
    targetDate: isoDateSchema.optional(),
    ticket: boundedText(255).optional(),
  })
  .strict();
export type RemediationPlanFieldValue = z.infer<typeof remediationPlanFieldSchema>;

/** The schema of each editable object field, by module key: what `view.submit` must send for it. */
export const EDITABLE_FIELD_SCHEMAS = {
  [CUSTOM_FIELD_KEYS.assets]: assetsFieldSchema,
  [CUSTOM_FIELD_KEYS.riskInputs]: riskInputsFieldSchema,
  [CUSTOM_FIELD_KEYS.compensatingControls]: compensatingControlsFieldSchema,
  [CUSTOM_FIELD_KEYS.remediationPlan]: remediationPlanFieldSchema,
} as const;

export const isEditableFieldKey = (key: string): key is EditableFieldKey => Object.hasOwn(EDITABLE_FIELD_SCHEMAS, key);

export const toAssetsFieldValue = (items: readonly Asset[], businessUnit?: string, owner?: string): AssetsFieldValue => ({
  ...(businessUnit === undefined ? {} : { businessUnit }),
  ...(owner === undefined ? {} : { owner }),
  assetIds: items.map((a) => a.id),
  items: [...items],
});

export const toCompensatingControlsFieldValue = (items: readonly CompensatingControl[]): CompensatingControlsFieldValue => ({
  items: [...items],
  statuses: distinctStatuses(items),
});

function distinctStatuses(items: readonly CompensatingControl[]) {
  return CONTROL_STATUSES.filter((status) => items.some((c) => c.status === status));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
