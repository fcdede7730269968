import { isValid, parseISO } from 'date-fns';
import type { FieldDefinition, ForgeFieldValueType } from './jira-model';
import { findGroupByName, type JiraState } from './jira-state';
import { dateTime, groupView, userRefView, type ViewContext } from './jira-views';

/**
 * Field values crossing the REST boundary: incoming values (create, edit, transition, app field API) are
 * checked and normalised with the messages Jira answers, stored values are rendered in "Get issue" format,
 * and every change is described the way Jira's changelog describes it.
 */

export type FieldInput = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly message: string };

const accepted = (value: unknown): FieldInput => ({ ok: true, value });
const rejected = (message: string): FieldInput => ({ ok: false, message });

const MAX_TEXT = 255;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isAdfDocument = (value: unknown): boolean =>
  isRecord(value) && value.type === 'doc' && value.version === 1 && Array.isArray(value.content);

const accountIdOf = (state: JiraState, value: unknown): string | undefined => {
  if (!isRecord(value) || typeof value.accountId !== 'string') return undefined;
  return state.users.has(value.accountId) ? value.accountId : undefined;
};

const groupNameOf = (state: JiraState, value: unknown): string | undefined => {
  if (!isRecord(value)) return undefined;
  if (typeof value.groupId === 'string') return state.groups.get(value.groupId)?.name;
  return typeof value.name === 'string' ? findGroupByName(state, value.name)?.name : undefined;
};

const parseScalar = (state: JiraState, type: ForgeFieldValueType, raw: unknown): FieldInput => {
  switch (type) {
    case 'string':
      if (typeof raw !== 'string') return rejected('Operation value must be a string');
      return raw.length > MAX_TEXT
        ? rejected(`The entered text is too long. It exceeds the allowed limit of ${MAX_TEXT} characters.`)
        : accepted(raw);
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? accepted(raw) : rejected('Operation value must be a number');
    case 'date':
      return typeof raw === 'string' && DATE.test(raw) && isValid(parseISO(raw))
        ? accepted(raw)
        : rejected(`Error parsing date string: ${String(raw)}`);
    case 'datetime': {
      const parsed = typeof raw === 'string' ? parseISO(raw) : new Date(Number.NaN);
      return isValid(parsed) ? accepted(parsed.toISOString()) : rejected(`Error parsing date-time string: ${String(raw)}`);
    }
    case 'user': {
      const accountId = accountIdOf(state, raw);
      return accountId === undefined ? rejected('Specify a valid accountId of an existing user') : accepted(accountId);
    }
    case 'group': {
      const name = groupNameOf(state, raw);
      return name === undefined ? rejected('Specify a valid group name or groupId') : accepted(name);
    }
    case 'object':
      return isRecord(raw) ? accepted(raw) : rejected('Operation value must be a JSON object');
  }
};

const parseForgeValue = (state: JiraState, forge: NonNullable<FieldDefinition['forge']>, raw: unknown): FieldInput => {
  if (raw === null) return accepted(null);
  if (!forge.collection) return parseScalar(state, forge.valueType, raw);
  if (!Array.isArray(raw)) return rejected('Operation value must be an array');
  if (raw.length > 100) return rejected('A collection field holds at most 100 values');
  const items: unknown[] = [];
  for (const item of raw) {
    const parsed = parseScalar(state, forge.valueType, item);
    if (!parsed.ok) return parsed;
    items.push(parsed.value);
  }
  return accepted(items.length === 0 ? null : items);
};

const parseSystemValue = (state: JiraState, fieldId: string, raw: unknown): FieldInput => {
  switch (fieldId) {
    case 'summary':
      if (typeof raw !== 'string' || raw.trim() === '') return rejected('You must specify a summary of the issue.');
      return raw.length > MAX_TEXT ? rejected('Summary must be less than 255 characters.') : accepted(raw);
    case 'description':
      return raw === null || isAdfDocument(raw)
        ? accepted(raw)
        : rejected('Operation value must be an Atlassian Document (see the Atlassian Document Format)');
    case 'labels': {
      if (raw === null) return accepted([]);
      if (!Array.isArray(raw) || raw.some((label) => typeof label !== 'string')) return rejected('Operation value must be an array of strings');
      const spaced = (raw as string[]).find((label) => /\s/.test(label));
      return spaced === undefined ? accepted([...new Set(raw as string[])]) : rejected(`The label '${spaced}' contains spaces which is invalid.`);
    }
    case 'duedate':
      return raw === null ? accepted(null) : parseScalar(state, 'date', raw);
    case 'reporter': {
      const accountId = accountIdOf(state, raw);
      return accountId === undefined ? rejected('The reporter specified is not a user.') : accepted(accountId);
    }
    case 'assignee': {
      if (raw === null) return accepted(null);
      const accountId = accountIdOf(state, raw);
      return accountId === undefined ? rejected(`User '${isRecord(raw) && typeof raw.accountId === 'string' ? raw.accountId : 'unknown'}' cannot be assigned issues.`) : accepted(accountId);
    }
    default:
      throw new Error(`system field ${fieldId} is not settable through parseFieldInput`);
  }
};

/** Checks and normalises a value for `field`; the caller has already checked the field may be set. */
export const parseFieldInput = (state: JiraState, field: FieldDefinition, raw: unknown): FieldInput =>
  field.forge === undefined ? parseSystemValue(state, field.id, raw) : parseForgeValue(state, field.forge, raw);

const renderScalar = (ctx: ViewContext, type: ForgeFieldValueType, stored: unknown): unknown => {
  switch (type) {
    case 'user':
      return userRefView(ctx, stored as string);
    case 'group': {
      const group = findGroupByName(ctx.state, stored as string);
      return group === undefined ? { name: stored } : groupView(ctx, group);
    }
    case 'datetime':
      return dateTime(ctx, new Date(stored as string));
    default:
      return stored;
  }
};

/** A stored custom or simple system value in "Get issue" format (`null` when unset). */
export const renderStoredValue = (ctx: ViewContext, field: FieldDefinition, stored: unknown): unknown => {
  if (stored === undefined || stored === null) return field.id === 'labels' ? [] : null;
  const forge = field.forge;
  if (forge === undefined) return field.id === 'reporter' || field.id === 'assignee' ? userRefView(ctx, stored as string) : stored;
  return forge.collection
    ? (stored as unknown[]).map((item) => renderScalar(ctx, forge.valueType, item))
    : renderScalar(ctx, forge.valueType, stored);
};

/** The `{ from, fromString }` (or `to`) pair Jira writes into the changelog for a stored value. */
export const changeStrings = (state: JiraState, field: FieldDefinition, stored: unknown): { raw: string | null; display: string | null } => {
  if (stored === undefined || stored === null) return { raw: null, display: null };
  const isUser = field.id === 'reporter' || field.id === 'assignee' || field.forge?.valueType === 'user';
  if (isUser && typeof stored === 'string') return { raw: stored, display: state.users.get(stored)?.displayName ?? stored };
  if (Array.isArray(stored) && stored.every((item) => typeof item === 'string')) return { raw: null, display: stored.join(' ') };
  if (typeof stored === 'string') return { raw: null, display: stored };
  if (typeof stored === 'number') return { raw: null, display: String(stored) };
  return { raw: null, display: JSON.stringify(stored) };
};

/** The value a workflow validator sees in `modifiedFields`: "Get issue" format, users reduced to `accountId`. */
export const modifiedFieldValue = (field: FieldDefinition, stored: unknown): unknown => {
  if (stored === undefined || stored === null) return null;
  const isUser = field.id === 'reporter' || field.id === 'assignee' || field.forge?.valueType === 'user';
  if (!isUser) return Array.isArray(stored) && stored.length === 0 ? null : stored;
  return Array.isArray(stored) ? stored.map((accountId: unknown) => ({ accountId })) : { accountId: stored };
};
