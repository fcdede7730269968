import { TIERS, type FieldError, type PolicyDocument } from '@contract';

/**
 * The policy editor edits text and turns it into a policy document. Only the shape is checked here (a number
 * must be a number); whether the values make a valid policy is the server's answer to `admin/policy/validate`,
 * whose field errors use the same dotted paths as these fields.
 */

export type FieldKind = 'int' | 'number' | 'text' | 'int-list' | 'text-list';
export type PolicyField = { readonly path: string; readonly label: string; readonly kind: FieldKind; readonly help?: string };
export type PolicySection = { readonly title: string; readonly fields: readonly PolicyField[] };

export const policySections = (policy: PolicyDocument): PolicySection[] => [
  {
    title: 'General',
    fields: [
      { path: 'timeZone', label: 'Time zone (IANA)', kind: 'text', help: 'Expiry days and quarters are reckoned in this zone.' },
      { path: 'controlsRequiredFromTier', label: 'Compensating controls required from tier', kind: 'text', help: `One of ${TIERS.join(', ')}.` },
    ],
  },
  {
    title: 'Approval levels',
    fields: policy.levels.flatMap((level, i) => [
      { path: `levels.${i}.id`, label: `Level ${i + 1} id`, kind: 'text' as const },
      { path: `levels.${i}.name`, label: `Level ${i + 1} name`, kind: 'text' as const },
      { path: `levels.${i}.group`, label: `Level ${i + 1} Jira group`, kind: 'text' as const, help: `Members approve as ${level.name}.` },
    ]),
  },
  ...TIERS.map((tier) => ({
    title: `Tier ${tier}`,
    fields: [
      { path: `tiers.${tier}.levels`, label: `${tier}: approval levels, in order`, kind: 'text-list' as const, help: 'Level ids separated by commas.' },
      { path: `tiers.${tier}.maxDurationDays`, label: `${tier}: maximum duration (days)`, kind: 'int' as const },
      { path: `tiers.${tier}.maxRenewals`, label: `${tier}: maximum renewals`, kind: 'int' as const },
      { path: `tiers.${tier}.maxCumulativeDays`, label: `${tier}: maximum days across renewals`, kind: 'int' as const },
      { path: `tiers.${tier}.reminderDays`, label: `${tier}: expiry reminders (days before)`, kind: 'int-list' as const, help: 'Most distant first, separated by commas.' },
    ],
  })),
  {
    title: 'Risk thresholds',
    fields: (['medium', 'high', 'critical'] as const).map((t) => ({
      path: `risk.thresholds.${t}`,
      label: `Lowest residual score of ${t}`,
      kind: 'number' as const,
    })),
  },
  {
    title: 'Limits and timeouts',
    fields: [
      { path: 'limits.activePerAsset', label: 'Active exceptions per asset', kind: 'int' },
      { path: 'limits.activePerBusinessUnit', label: 'Active exceptions per business unit', kind: 'int' },
      { path: 'approvalTimeouts.remindAfterDays', label: 'Remind approvers after (days)', kind: 'int' },
      { path: 'approvalTimeouts.escalateAfterDays', label: 'Escalate after (days)', kind: 'int' },
      { path: 'approvalTimeouts.autoRejectAfterDays', label: 'Reject as timed out after (days)', kind: 'int' },
      { path: 'approvalTimeouts.escalationGroup', label: 'Escalation group', kind: 'text' },
      { path: 'reminders.approversFromDays', label: 'Remind approvers of expiry from (days before)', kind: 'int' },
    ],
  },
  {
    title: 'Reviews',
    fields: [
      { path: 'peerReview.group', label: 'Peer review group', kind: 'text' },
      { path: 'review.group', label: 'Quarterly review group', kind: 'text' },
      { path: 'review.graceDays', label: 'Quarterly review grace (days into the quarter)', kind: 'int' },
    ],
  },
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const segments = (path: string): string[] => path.split('.');

export const readPath = (value: unknown, path: string): unknown =>
  segments(path).reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), value);

const writePath = (root: Json, path: string, value: Json): void => {
  const keys = segments(path);
  const last = keys.pop();
  let node: Json = root;
  for (const key of keys) node = (node as Record<string, Json>)[key] ?? null;
  if (last !== undefined && node !== null && typeof node === 'object') (node as Record<string, Json>)[last] = value;
};

export const toText = (value: unknown): string => {
  if (Array.isArray(value)) return value.map(toText).join(', ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value === undefined || value === null ? '' : JSON.stringify(value);
};

export const textsOf = (policy: PolicyDocument, fields: readonly PolicyField[]): Record<string, string> =>
  Object.fromEntries(fields.map((f) => [f.path, toText(readPath(policy, f.path))]));

const listItems = (text: string): string[] => text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);

function convert(field: PolicyField, text: string): { value: Json } | { error: string } {
  const trimmed = text.trim();
  switch (field.kind) {
    case 'text':
      return { value: trimmed };
    case 'text-list':
      return { value: listItems(trimmed) };
    case 'int':
      return /^-?\d+$/.test(trimmed) ? { value: Number(trimmed) } : { error: 'Enter a whole number.' };
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(trimmed) ? { value: Number(trimmed) } : { error: 'Enter a number such as 7 or 6.5.' };
    case 'int-list': {
      const items = listItems(trimmed);
      return items.every((i) => /^-?\d+$/.test(i)) ? { value: items.map(Number) } : { error: 'Enter whole numbers separated by commas.' };
    }
  }
}

/** The policy with the edited texts applied, or one error per text that is not even the right kind of value. */
export function applyTexts(
  base: PolicyDocument,
  fields: readonly PolicyField[],
  texts: Readonly<Record<string, string>>,
): { ok: true; policy: PolicyDocument } | { ok: false; errors: FieldError[] } {
  const policy = JSON.parse(JSON.stringify(base)) as Json;
  const errors: FieldError[] = [];
  for (const field of fields) {
    const converted = convert(field, texts[field.path] ?? '');
    if ('error' in converted) errors.push({ path: field.path, message: converted.error });
    else writePath(policy, field.path, converted.value);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, policy: policy as unknown as PolicyDocument };
}

/**
 * Shows each server error at the closest field on the form: `tiers.high.levels.1` belongs to `tiers.high.levels`.
 * Errors about something no field edits (a rule across fields, say) are returned as unplaced.
 */
export function placeErrors(errors: readonly FieldError[], fieldPaths: readonly string[]) {
  const placed = new Map<string, string>();
  const unplaced: FieldError[] = [];
  for (const error of errors) {
    const owner = fieldPaths
      .filter((p) => error.path === p || error.path.startsWith(`${p}.`))
      .sort((a, b) => b.length - a.length)[0];
    if (owner === undefined) unplaced.push(error);
    else if (!placed.has(owner)) placed.set(owner, error.message);
  }
  return { placed, unplaced };
}
