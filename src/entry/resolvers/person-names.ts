import type { JiraUser } from '../../adapters/jira/user-operations';
import type { Remote } from '../../app/projection/projection-ports';
import { isSystemActor } from '../../domain/approval/approval';
import { logLine } from '../log-line';

/**
 * Resolvers name people by account id only; the display names are filled in here, once for every answer, so no
 * resolver has to look people up and a screen shows "Sam Okafor" where it would show an opaque id.
 */

/** Display names Jira gave for some of the asked ids; an id without an entry keeps its null name. */
export type DisplayNameLookup = (accountIds: readonly string[]) => Promise<Remote<ReadonlyMap<string, string>>>;

/** One bulk read per answer stays a handful of Jira requests; people past this many are shown by their id. */
export const MAX_NAMED_PER_ANSWER = 200;

/** The contract's limit on a display name. */
export const MAX_DISPLAY_NAME_LENGTH = 255;

type UnnamedPerson = { readonly accountId: string; readonly displayName: null };

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The contract's Person and nothing else: any object with more keys is some other thing that happens to name an account. */
const isUnnamedPerson = (value: unknown): value is UnnamedPerson =>
  isRecord(value) && Object.keys(value).length === 2 && typeof value.accountId === 'string' && value.displayName === null;

/** The register's own jobs act as `system:<job>`: Jira has no such account and the UI names them itself. */
const isJiraAccount = (accountId: string): boolean => !isSystemActor({ accountId, groups: [] });

const collectUnnamed = (value: unknown, into: Set<string>): void => {
  if (Array.isArray(value)) {
    for (const item of value) collectUnnamed(item, into);
  } else if (isUnnamedPerson(value)) {
    if (isJiraAccount(value.accountId)) into.add(value.accountId);
  } else if (isRecord(value)) {
    for (const item of Object.values(value)) collectUnnamed(item, into);
  }
};

/** The accounts of every person in `data` still shown without a name, each once, in the order the answer names them. */
export const unnamedAccountIds = (data: unknown): string[] => {
  const ids = new Set<string>();
  collectUnnamed(data, ids);
  return [...ids];
};

/** A name the contract accepts: blank stays null (the UI then shows the id), an overlong one is shortened. */
const shownName = (name: string): string | null => {
  const trimmed = name.trim();
  if (trimmed === '') return null;
  return trimmed.length > MAX_DISPLAY_NAME_LENGTH ? `${trimmed.slice(0, MAX_DISPLAY_NAME_LENGTH - 1)}…` : trimmed;
};

const named = (value: unknown, names: ReadonlyMap<string, string>): unknown => {
  if (Array.isArray(value)) return value.map((item) => named(item, names));
  if (isUnnamedPerson(value)) {
    const name = names.get(value.accountId);
    return { accountId: value.accountId, displayName: name === undefined ? null : shownName(name) };
  }
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, named(item, names)]));
  return value;
};

/** A copy of `data` in which every unnamed person whose id `names` holds carries that name; nothing else changes. */
export const withDisplayNames = <T>(data: T, names: ReadonlyMap<string, string>): T =>
  // Only null names are replaced, by strings the contract allows, so the copy keeps the type of the original.
  named(data, names) as T;

/** The names worth showing: a deactivated or deleted account keeps its id, as Jira's own screens mark it apart. */
export const displayNamesOf = (users: readonly JiraUser[]): ReadonlyMap<string, string> =>
  new Map(users.flatMap((user) => (user.active && user.displayName !== undefined ? [[user.accountId, user.displayName] as const] : [])));

/**
 * `data` with its people named, looked up in one read of at most MAX_NAMED_PER_ANSWER accounts. Names are a courtesy:
 * when the read fails the answer goes out as it was, and the log says why without naming anyone.
 */
export const fillDisplayNames = async <T>(key: string, data: T, lookUp: DisplayNameLookup): Promise<T> => {
  const wanted = unnamedAccountIds(data).slice(0, MAX_NAMED_PER_ANSWER);
  if (wanted.length === 0) return data;
  try {
    const found = await lookUp(wanted);
    if (found.ok) return withDisplayNames(data, found.value);
    logLine('warn', 'ui-resolver', 'display names could not be read', { key, code: found.error.code, accounts: wanted.length });
  } catch (error) {
    logLine('warn', 'ui-resolver', 'display names could not be read', { key, error: error instanceof Error ? error.name : 'unknown', accounts: wanted.length });
  }
  return data;
};
