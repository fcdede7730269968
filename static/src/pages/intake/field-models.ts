import {
  CUSTOM_FIELD_KEYS,
  EDITABLE_FIELD_SCHEMAS,
  assetSchema,
  compensatingControlSchema,
  remediationPlanFieldSchema,
  riskInputsFieldSchema,
  toAssetsFieldValue,
  toCompensatingControlsFieldValue,
  type Asset,
  type CompensatingControl,
  type ControlStatus,
  type Criticality,
  type DataClassification,
  type EditableFieldKey,
  type ExceptionDraft,
  type ThreatVector,
} from '@contract';
import type { z } from 'zod';
import { blankToUndefined, parsedOrUndefined } from '../../shared/parse';

/**
 * What each field editor holds while the user types (text, as typed) and how it becomes the field value Jira
 * stores. The value is then checked against the field's schema, so the editor shows the same rules Jira applies.
 */

export type RiskModel = {
  readonly method: 'cvss' | 'matrix';
  readonly vector: string;
  readonly likelihood: string;
  readonly impact: string;
  readonly threatVectors: readonly ThreatVector[];
};

export type AssetRow = {
  readonly id: string;
  readonly name: string;
  readonly criticality: Criticality;
  readonly dataClassification: DataClassification;
  readonly internetFacing: boolean;
  readonly retired: boolean;
};
export type AssetsModel = { readonly businessUnit: string; readonly owner: string; readonly items: readonly AssetRow[] };

export type ControlRow = {
  readonly id: string;
  readonly type: string;
  readonly description: string;
  readonly status: ControlStatus;
  /** One piece of evidence per line. */
  readonly evidence: string;
};
export type ControlsModel = { readonly items: readonly ControlRow[] };

export type RemediationModel = { readonly summary: string; readonly targetDate: string; readonly ticket: string };

export type FieldModels = {
  [CUSTOM_FIELD_KEYS.riskInputs]: RiskModel;
  [CUSTOM_FIELD_KEYS.assets]: AssetsModel;
  [CUSTOM_FIELD_KEYS.compensatingControls]: ControlsModel;
  [CUSTOM_FIELD_KEYS.remediationPlan]: RemediationModel;
};

/** Where the field sits in a request, for pre-flight's draft and for its problem paths. */
export const DRAFT_KEYS = {
  [CUSTOM_FIELD_KEYS.riskInputs]: 'riskInputs',
  [CUSTOM_FIELD_KEYS.assets]: 'assets',
  [CUSTOM_FIELD_KEYS.compensatingControls]: 'compensatingControls',
  [CUSTOM_FIELD_KEYS.remediationPlan]: 'remediationPlan',
} as const satisfies Record<EditableFieldKey, keyof ExceptionDraft>;

export const FIELD_TITLES: Readonly<Record<EditableFieldKey, string>> = {
  [CUSTOM_FIELD_KEYS.riskInputs]: 'Risk inputs',
  [CUSTOM_FIELD_KEYS.assets]: 'Assets',
  [CUSTOM_FIELD_KEYS.compensatingControls]: 'Compensating controls',
  [CUSTOM_FIELD_KEYS.remediationPlan]: 'Remediation plan',
};

const whole = (value: string): number | undefined => (/^\s*\d+\s*$/.test(value) ? Number(value) : undefined);
const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

export const emptyAsset = (): AssetRow => ({ id: '', name: '', criticality: 'medium', dataClassification: 'internal', internetFacing: false, retired: false });

/** Control ids are only for telling controls apart; the next free `ctl-n` keeps them stable and readable. */
export const nextControlId = (items: readonly ControlRow[]): string => {
  let n = items.length + 1;
  while (items.some((c) => c.id === `ctl-${n}`)) n += 1;
  return `ctl-${n}`;
};
export const emptyControl = (items: readonly ControlRow[]): ControlRow => ({ id: nextControlId(items), type: '', description: '', status: 'implemented', evidence: '' });

/** Starts each editor from the stored value; anything unreadable starts empty rather than blocking the edit. */
export function modelFromValue<K extends EditableFieldKey>(key: K, stored: unknown): FieldModels[K] {
  const record = (stored ?? {}) as Record<string, unknown>;
  const items = Array.isArray(record.items) ? (record.items as unknown[]) : [];
  const models: { [F in EditableFieldKey]: () => FieldModels[F] } = {
    [CUSTOM_FIELD_KEYS.riskInputs]: () => {
      const risk = parsedOrUndefined(riskInputsFieldSchema, stored);
      return {
        method: risk?.method ?? 'cvss',
        vector: risk?.method === 'cvss' ? risk.vector : '',
        likelihood: risk?.method === 'matrix' ? String(risk.likelihood) : '',
        impact: risk?.method === 'matrix' ? String(risk.impact) : '',
        threatVectors: risk?.threatVectors ?? [],
      };
    },
    [CUSTOM_FIELD_KEYS.assets]: () => ({
      businessUnit: typeof record.businessUnit === 'string' ? record.businessUnit : '',
      owner: typeof record.owner === 'string' ? record.owner : '',
      items: items.flatMap((i) => {
        const asset: Asset | undefined = parsedOrUndefined(assetSchema, i);
        return asset === undefined ? [] : [{ ...asset, retired: asset.retired === true }];
      }),
    }),
    [CUSTOM_FIELD_KEYS.compensatingControls]: () => ({
      items: items.flatMap((i) => {
        const control: CompensatingControl | undefined = parsedOrUndefined(compensatingControlSchema, i);
        return control === undefined ? [] : [{ ...control, evidence: (control.evidence ?? []).join('\n') }];
      }),
    }),
    [CUSTOM_FIELD_KEYS.remediationPlan]: () => {
      const plan = parsedOrUndefined(remediationPlanFieldSchema, stored);
      return { summary: plan?.summary ?? '', targetDate: plan?.targetDate ?? '', ticket: plan?.ticket ?? '' };
    },
  };
  return models[key]();
}

/** The value the model describes, as Jira would store it; the field schema then says whether it is valid. */
export function valueFromModel<K extends EditableFieldKey>(key: K, model: FieldModels[K]): unknown {
  const build: { [F in EditableFieldKey]: (m: FieldModels[F]) => unknown } = {
    [CUSTOM_FIELD_KEYS.riskInputs]: (m) => {
      const threatVectors = m.threatVectors.length > 0 ? [...m.threatVectors] : undefined;
      return m.method === 'cvss'
        ? defined({ method: 'cvss', vector: m.vector.trim(), threatVectors })
        : defined({ method: 'matrix', likelihood: whole(m.likelihood), impact: whole(m.impact), threatVectors });
    },
    [CUSTOM_FIELD_KEYS.assets]: (m) =>
      toAssetsFieldValue(
        m.items.map(({ retired, ...a }) => defined({ ...a, id: a.id.trim(), name: a.name.trim(), retired: retired ? true : undefined })),
        blankToUndefined(m.businessUnit),
        blankToUndefined(m.owner),
      ),
    [CUSTOM_FIELD_KEYS.compensatingControls]: (m) =>
      toCompensatingControlsFieldValue(
        m.items.map((c) => {
          const evidence = c.evidence.split('\n').map((e) => e.trim()).filter((e) => e.length > 0);
          return defined({ id: c.id, type: c.type.trim(), description: c.description.trim(), status: c.status, evidence: evidence.length > 0 ? evidence : undefined });
        }),
      ),
    [CUSTOM_FIELD_KEYS.remediationPlan]: (m) => defined({ summary: m.summary.trim(), targetDate: blankToUndefined(m.targetDate), ticket: blankToUndefined(m.ticket) }),
  };
  return build[key](model);
}

export const fieldSchema = (key: EditableFieldKey): z.ZodType => EDITABLE_FIELD_SCHEMAS[key];
