import { isDeepStrictEqual } from 'node:util';
import { changeStrings, parseFieldInput } from './field-values';
import { failure, fieldErrors, success, unsupportedInStandIn, type Outcome } from './jira-http';
import type { ChangeItem, FieldDefinition, JiraIssue } from './jira-model';
import type { JiraState } from './jira-state';
import { EDITABLE_SYSTEM_FIELDS } from './system-fields';

/**
 * Turning the `fields` and `update` parts of create, edit and transition requests into new stored values,
 * with the same refusals Jira gives: a field that is not on the screen for the operation (or is read-only,
 * or unknown) "cannot be set", a bad value is reported against its field id, all errors at once.
 */

export type FieldEditRequest = {
  readonly fields?: Readonly<Record<string, unknown>>;
  readonly update?: Readonly<Record<string, unknown>>;
};

export type PlannedEdits = {
  readonly values: ReadonlyMap<string, unknown>;
  /** ADF bodies of comments added through `update.comment[].add`. */
  readonly comments: readonly unknown[];
};

export const cannotBeSet = (fieldId: string): string =>
  `Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`;

const requiredMessage = (state: JiraState, fieldId: string): string =>
  fieldId === 'summary' ? 'You must specify a summary of the issue.' : `${state.fields.get(fieldId)?.name ?? fieldId} is required.`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isSettable = (field: FieldDefinition | undefined, onScreen: ReadonlySet<string>): field is FieldDefinition =>
  field !== undefined &&
  onScreen.has(field.id) &&
  (field.forge === undefined ? EDITABLE_SYSTEM_FIELDS.has(field.id) : !field.forge.readOnly);

const supportsAddRemove = (field: FieldDefinition): boolean => field.id === 'labels' || field.forge?.collection === true;

type OperationResult = { readonly ok: true; readonly raw: unknown } | { readonly ok: false; readonly message: string };

/** Applies `update` operations in order to the current value; `set` replaces, `add`/`remove` edit lists. */
const applyOperations = (field: FieldDefinition, current: unknown, operations: unknown): OperationResult => {
  if (!Array.isArray(operations)) return { ok: false, message: 'Operations must be an array' };
  let value: unknown = current;
  for (const operation of operations) {
    if (!isRecord(operation) || Object.keys(operation).length !== 1) return { ok: false, message: 'Each operation names exactly one verb' };
    const [verb, argument] = Object.entries(operation)[0] as [string, unknown];
    if (verb === 'set') value = argument;
    else if ((verb === 'add' || verb === 'remove') && supportsAddRemove(field)) {
      const list = Array.isArray(value) ? [...(value as unknown[])] : [];
      value = verb === 'add' ? [...list, argument] : list.filter((item) => !isDeepStrictEqual(item, argument));
    } else {
      return { ok: false, message: `Field '${field.id}' does not support the operation '${verb}' in the stand-in` };
    }
  }
  return { ok: true, raw: value };
};

const commentBodies = (operations: unknown): Outcome<unknown[]> => {
  if (!Array.isArray(operations)) return failure(fieldErrors({ comment: 'Operations must be an array' }));
  const bodies: unknown[] = [];
  for (const operation of operations) {
    if (!isRecord(operation) || !isRecord(operation.add) || operation.add.body === undefined) {
      return failure(unsupportedInStandIn("only 'add' with a body is supported for comments in an update by the stand-in"));
    }
    bodies.push(operation.add.body);
  }
  return success(bodies);
};

/**
 * Plans the new stored values of every field the request touches. `issue` is absent on create. Stored
 * values of users and groups are ids, so callers pass the issue's stored values through unchanged.
 */
export function planFieldEdits(
  state: JiraState,
  issue: JiraIssue | undefined,
  onScreen: ReadonlySet<string>,
  request: FieldEditRequest,
  rules: { readonly ignored?: ReadonlySet<string>; readonly required?: readonly string[] } = {},
): Outcome<PlannedEdits> {
  const errors: Record<string, string> = {};
  for (const fieldId of rules.required ?? []) {
    if (request.fields?.[fieldId] === undefined && request.update?.[fieldId] === undefined) errors[fieldId] = requiredMessage(state, fieldId);
  }
  const values = new Map<string, unknown>();
  let comments: unknown[] = [];

  for (const [fieldId, raw] of Object.entries(request.fields ?? {})) {
    if (rules.ignored?.has(fieldId) === true || errors[fieldId] !== undefined) continue;
    const field = state.fields.get(fieldId);
    if (!isSettable(field, onScreen)) {
      errors[fieldId] = cannotBeSet(fieldId);
      continue;
    }
    const parsed = parseFieldInput(state, field, raw);
    if (parsed.ok) values.set(fieldId, parsed.value);
    else errors[fieldId] = parsed.message;
  }

  for (const [fieldId, operations] of Object.entries(request.update ?? {})) {
    if (fieldId === 'comment') {
      const bodies = commentBodies(operations);
      if (!bodies.ok) return bodies;
      comments = bodies.value;
      continue;
    }
    const field = state.fields.get(fieldId);
    if (request.fields?.[fieldId] !== undefined) {
      errors[fieldId] = `Field '${fieldId}' cannot be set in both 'fields' and 'update'`;
      continue;
    }
    if (!isSettable(field, onScreen)) {
      errors[fieldId] = cannotBeSet(fieldId);
      continue;
    }
    const applied = applyOperations(field, issue?.values.get(fieldId) ?? null, operations);
    if (!applied.ok) {
      errors[fieldId] = applied.message;
      continue;
    }
    const parsed = parseFieldInput(state, field, applied.raw);
    if (parsed.ok) values.set(fieldId, parsed.value);
    else errors[fieldId] = parsed.message;
  }

  return Object.keys(errors).length > 0 ? failure(fieldErrors(errors)) : success({ values, comments });
}

/** Writes planned values into the issue; returns the changelog items of the values that really changed. */
export function applyFieldEdits(state: JiraState, issue: JiraIssue, values: ReadonlyMap<string, unknown>): ChangeItem[] {
  const items: ChangeItem[] = [];
  for (const [fieldId, next] of values) {
    const field = state.fields.get(fieldId);
    if (field === undefined) throw new Error(`planned edit for unknown field ${fieldId}`);
    const previous = issue.values.get(fieldId) ?? null;
    if (isDeepStrictEqual(previous, next ?? null)) continue;
    issue.values.set(fieldId, next);
    const from = changeStrings(state, field, previous);
    const to = changeStrings(state, field, next);
    items.push({
      field: field.custom ? field.name : field.id,
      fieldtype: field.custom ? 'custom' : 'jira',
      fieldId,
      from: from.raw,
      fromString: from.display,
      to: to.raw,
      toString: to.display,
    });
  }
  return items;
}
