import { isValid, parse } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import type { JiraIssue } from '../jira-model';
import { findProject, type JiraState } from '../jira-state';
import type { JqlQuery, ListField, SortKey } from './jql-parser';

/**
 * A parsed query resolved against the site: names become ids (an unknown value is Jira's 400, not an empty
 * result), dates are read in the searcher's time zone, and the result is a predicate plus an ordering.
 */

export type CompiledJql = {
  readonly matches: (issue: JiraIssue) => boolean;
  readonly compare: (a: JiraIssue, b: JiraIssue) => number;
};

export type CompileResult = { readonly ok: true; readonly compiled: CompiledJql } | { readonly ok: false; readonly messages: string[] };

const DATE_FORMATS = ['yyyy-MM-dd HH:mm', 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd', 'yyyy/MM/dd'];

const parseJqlDate = (value: string, timeZone: string): Date | undefined => {
  for (const pattern of DATE_FORMATS) {
    const parsed = parse(value, pattern, new TZDate(0, timeZone));
    if (isValid(parsed) && parsed.getFullYear() >= 1000) return new Date(parsed.getTime());
  }
  return undefined;
};

const doesNotExist = (value: string, field: string): string => `The value '${value}' does not exist for the field '${field}'.`;

type Resolved = { readonly ok: true; readonly ids: ReadonlySet<string> } | { readonly ok: false; readonly message: string };

/** Labels are free text: a label no issue carries matches nothing, where an unknown project is an error. */
const labelsOf = (issue: JiraIssue): readonly unknown[] => {
  const labels = issue.values.get('labels');
  return Array.isArray(labels) ? labels : [];
};

const resolveValues = (state: JiraState, clause: { readonly field: Exclude<ListField, 'labels'>; readonly values: readonly string[] }): Resolved => {
  const ids = new Set<string>();
  for (const value of clause.values) {
    const lower = value.toLowerCase();
    let found: string[] = [];
    if (clause.field === 'project') {
      const project = findProject(state, value);
      found = project === undefined ? [] : [project.id];
    } else if (clause.field === 'issuetype') {
      found = [...state.issueTypes.values()].filter((type) => type.id === value || type.name.toLowerCase() === lower).map((type) => type.id);
    } else if (clause.field === 'status') {
      found = [...state.statuses.values()].filter((status) => status.id === value || status.name.toLowerCase() === lower).map((status) => status.id);
    } else {
      const upper = value.toUpperCase();
      found = [...state.issues.values()].filter((issue) => issue.key === upper || issue.id === value).map((issue) => issue.id);
      if (found.length === 0) return { ok: false, message: `An issue with key '${value}' does not exist for field 'key'.` };
    }
    if (found.length === 0) return { ok: false, message: doesNotExist(value, clause.field) };
    for (const id of found) ids.add(id);
  }
  return { ok: true, ids };
};

const attributeOf = (issue: JiraIssue, field: Exclude<ListField, 'labels'>): string => {
  switch (field) {
    case 'project':
      return issue.projectId;
    case 'issuetype':
      return issue.issueTypeId;
    case 'status':
      return issue.statusId;
    case 'key':
      return issue.id;
  }
};

const inRange = (instant: number, operator: '>=' | '>' | '<=' | '<', bound: number): boolean => {
  switch (operator) {
    case '>=':
      return instant >= bound;
    case '>':
      return instant > bound;
    case '<=':
      return instant <= bound;
    case '<':
      return instant < bound;
  }
};

/** Keys sort by project key, then numerically by issue number, as Jira sorts them. */
const compareKeys = (a: JiraIssue, b: JiraIssue): number => {
  const [projectA = '', numberA = '0'] = a.key.split('-');
  const [projectB = '', numberB = '0'] = b.key.split('-');
  return projectA === projectB ? Number(numberA) - Number(numberB) : projectA < projectB ? -1 : 1;
};

const comparatorFor = (key: SortKey): ((a: JiraIssue, b: JiraIssue) => number) => {
  const sign = key.direction === 'ASC' ? 1 : -1;
  return key.field === 'key'
    ? (a, b) => sign * compareKeys(a, b)
    : (a, b) => sign * (a.updated.getTime() - b.updated.getTime());
};

export function compileJql(state: JiraState, query: JqlQuery, timeZone: string): CompileResult {
  const messages: string[] = [];
  const predicates: ((issue: JiraIssue) => boolean)[] = [];
  for (const clause of query.clauses) {
    if (clause.field === 'updated') {
      const bound = parseJqlDate(clause.value, timeZone);
      if (bound === undefined) {
        messages.push(`Date value '${clause.value}' for field 'updated' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd'.`);
        continue;
      }
      predicates.push((issue) => inRange(issue.updated.getTime(), clause.operator, bound.getTime()));
      continue;
    }
    if (clause.field === 'labels') {
      const wanted = clause.values;
      predicates.push((issue) => labelsOf(issue).some((label) => typeof label === 'string' && wanted.includes(label)));
      continue;
    }
    const { field } = clause;
    const resolved = resolveValues(state, { field, values: clause.values });
    if (!resolved.ok) {
      messages.push(resolved.message);
      continue;
    }
    predicates.push((issue) => resolved.ids.has(attributeOf(issue, field)));
  }
  if (messages.length > 0) return { ok: false, messages };
  // Without ORDER BY the newest issues come first.
  const comparators = query.orderBy.length > 0 ? query.orderBy.map(comparatorFor) : [(a: JiraIssue, b: JiraIssue) => Number(b.id) - Number(a.id)];
  return {
    ok: true,
    compiled: {
      matches: (issue) => predicates.every((predicate) => predicate(issue)),
      compare: (a, b) => {
        for (const comparator of comparators) {
          const order = comparator(a, b);
          if (order !== 0) return order;
        }
        return Number(a.id) - Number(b.id);
      },
    },
  };
}
