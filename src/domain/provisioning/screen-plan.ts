import { SETUP_DESCRIPTIONS, SETUP_NAMES } from './setup-names';

/**
 * Which fields each screen of a security exception carries. The justification is the Description, so it is
 * on every screen. The app's read-only fields (risk score and tier, approval state) are shown once an
 * exception exists but can never be typed in, so they stay off the create screen.
 */

export const SCREEN_KINDS = ['create', 'edit', 'view'] as const;
export type ScreenKind = (typeof SCREEN_KINDS)[number];

/** Site-specific field ids of the app's Forge custom fields, resolved from their module keys. */
export type AppFieldIds = { readonly editable: readonly string[]; readonly readOnly: readonly string[] };

export type PlannedScreen = { readonly kind: ScreenKind; readonly name: string; readonly description: string; readonly fieldIds: readonly string[] };

const SYSTEM_FIELDS: Readonly<Record<ScreenKind, readonly string[]>> = {
  create: ['summary', 'issuetype', 'description'],
  edit: ['summary', 'description', 'assignee'],
  view: ['summary', 'issuetype', 'description', 'reporter', 'assignee'],
};

export const planScreens = (fields: AppFieldIds): PlannedScreen[] =>
  SCREEN_KINDS.map((kind) => ({
    kind,
    name: SETUP_NAMES.screens[kind],
    description: SETUP_DESCRIPTIONS.screens,
    fieldIds: [...new Set([...SYSTEM_FIELDS[kind], ...fields.editable, ...(kind === 'create' ? [] : fields.readOnly)])],
  }));

/** Field ids `wanted` on a screen that `present` (the fields already on any of its tabs) lacks, in screen order. */
export const missingFields = (wanted: readonly string[], present: readonly string[]): string[] =>
  wanted.filter((fieldId) => !present.includes(fieldId));
