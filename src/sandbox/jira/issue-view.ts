import { renderStoredValue } from './field-values';
import type { ChangelogEntry, FieldDefinition, JiraComment, JiraIssue, WorkflowTransition } from './jira-model';
import { projectOf } from './jira-state';
import {
  dateTime,
  issueTypeView,
  projectRefView,
  statusView,
  userRefView,
  type ViewContext,
} from './jira-views';
import { transitionsFrom, workflowFor } from './workflow-resolution';

/**
 * The IssueBean of "Get issue", "Search" and "Bulk fetch", honouring `fields`, `properties` and `expand`
 * the way Jira reads them: comma-separated and repeatable, `*all`/`*navigable`, `-field` to exclude.
 */

export type FieldSelection =
  | { readonly kind: 'ids-only' }
  | { readonly kind: 'fields'; readonly base: 'all' | 'navigable' | 'none'; readonly include: ReadonlySet<string>; readonly exclude: ReadonlySet<string> };

export type IssueViewOptions = {
  readonly fields: FieldSelection;
  readonly properties: readonly string[];
  readonly expand: ReadonlySet<string>;
};

export const SUPPORTED_EXPANDS: ReadonlySet<string> = new Set(['changelog', 'names', 'schema', 'transitions']);

const tokensOf = (values: readonly string[]): string[] =>
  values.flatMap((value) => value.split(',')).map((token) => token.trim()).filter((token) => token !== '');

/** `defaultBase` is what an absent `fields` means: all for Get issue, navigable for bulk fetch, ids for search. */
export const parseFieldSelection = (values: readonly string[], defaultBase: 'all' | 'navigable' | 'ids-only'): FieldSelection => {
  const tokens = tokensOf(values);
  const include = new Set<string>();
  const exclude = new Set<string>();
  let base: 'all' | 'navigable' | 'none' | undefined;
  for (const token of tokens) {
    if (token === '*all') base = 'all';
    else if (token === '*navigable') base = 'navigable';
    else if (token.startsWith('-')) exclude.add(token.slice(1));
    else include.add(token);
  }
  if (base === undefined && include.size === 0) {
    if (defaultBase === 'ids-only') return { kind: 'ids-only' };
    base = defaultBase;
  }
  if (base === undefined && include.size === 1 && include.has('id')) return { kind: 'ids-only' };
  return { kind: 'fields', base: base ?? 'none', include, exclude };
};

export const parseExpand = (values: readonly string[]): Set<string> => new Set(tokensOf(values));
export const parsePropertyKeys = (values: readonly string[]): string[] => tokensOf(values);

const selectedFields = (ctx: ViewContext, selection: Extract<FieldSelection, { kind: 'fields' }>): FieldDefinition[] =>
  [...ctx.state.fields.values()].filter(
    (field) =>
      !selection.exclude.has(field.id) &&
      (selection.include.has(field.id) || selection.base === 'all' || (selection.base === 'navigable' && field.navigable)),
  );

export const commentView = (ctx: ViewContext, issue: JiraIssue, comment: JiraComment): Record<string, unknown> => ({
  self: `${ctx.baseUrl}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
  id: comment.id,
  author: userRefView(ctx, comment.authorAccountId),
  body: comment.body,
  updateAuthor: userRefView(ctx, comment.authorAccountId),
  created: dateTime(ctx, comment.created),
  updated: dateTime(ctx, comment.created),
  jsdPublic: true,
  ...(comment.visibility === undefined ? {} : { visibility: comment.visibility }),
});

const fieldValue = (ctx: ViewContext, issue: JiraIssue, field: FieldDefinition): unknown => {
  const { state } = ctx;
  switch (field.id) {
    case 'issuetype': {
      const type = state.issueTypes.get(issue.issueTypeId);
      return type === undefined ? null : issueTypeView(ctx, type);
    }
    case 'project':
      return projectRefView(ctx, projectOf(state, issue));
    case 'status': {
      const status = state.statuses.get(issue.statusId);
      return status === undefined ? null : statusView(ctx, status);
    }
    case 'creator':
      return userRefView(ctx, issue.creatorAccountId);
    case 'created':
      return dateTime(ctx, issue.created);
    case 'updated':
      return dateTime(ctx, issue.updated);
    case 'statuscategorychangedate':
      return dateTime(ctx, issue.statusCategoryChanged);
    case 'comment':
      return {
        comments: issue.comments.map((comment) => commentView(ctx, issue, comment)),
        self: `${ctx.baseUrl}/rest/api/3/issue/${issue.id}/comment`,
        maxResults: issue.comments.length,
        total: issue.comments.length,
        startAt: 0,
      };
    default:
      return renderStoredValue(ctx, field, issue.values.get(field.id));
  }
};

export const changelogEntryView = (ctx: ViewContext, entry: ChangelogEntry): Record<string, unknown> => ({
  id: entry.id,
  author: userRefView(ctx, entry.authorAccountId),
  created: dateTime(ctx, entry.created),
  items: entry.items.map((item) => ({ ...item })),
});

export const transitionView = (ctx: ViewContext, transition: WorkflowTransition): Record<string, unknown> => {
  const status = ctx.state.statuses.get(transition.toStatusId);
  if (status === undefined) throw new Error(`transition ${transition.id} leads to unknown status ${transition.toStatusId}`);
  return {
    id: transition.id,
    name: transition.name,
    to: statusView(ctx, status),
    hasScreen: transition.screenId !== undefined,
    isGlobal: transition.type === 'GLOBAL',
    isInitial: transition.type === 'INITIAL',
    isAvailable: true,
    isConditional: transition.conditions !== undefined,
    isLooped: false,
  };
};

const ISSUE_EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

export function renderIssue(ctx: ViewContext, issue: JiraIssue, options: IssueViewOptions): Record<string, unknown> {
  if (options.fields.kind === 'ids-only' && options.expand.size === 0 && options.properties.length === 0) return { id: issue.id };
  const fields = options.fields.kind === 'ids-only' ? [] : selectedFields(ctx, options.fields);
  const view: Record<string, unknown> = {
    expand: ISSUE_EXPAND,
    id: issue.id,
    self: `${ctx.baseUrl}/rest/api/3/issue/${issue.id}`,
    key: issue.key,
    fields: Object.fromEntries(fields.map((field) => [field.id, fieldValue(ctx, issue, field)])),
  };
  if (options.expand.has('names')) view.names = Object.fromEntries(fields.map((field) => [field.id, field.name]));
  if (options.expand.has('schema')) view.schema = Object.fromEntries(fields.map((field) => [field.id, field.schema]));
  if (options.expand.has('changelog')) {
    const histories = [...issue.changelog].reverse().map((entry) => changelogEntryView(ctx, entry));
    view.changelog = { startAt: 0, maxResults: histories.length, total: histories.length, histories };
  }
  if (options.expand.has('transitions')) {
    const workflow = workflowFor(ctx.state, projectOf(ctx.state, issue), issue.issueTypeId);
    view.transitions = transitionsFrom(workflow, issue.statusId).map((transition) => transitionView(ctx, transition));
  }
  if (options.properties.length > 0) {
    const excluded = new Set(options.properties.filter((key) => key.startsWith('-')).map((key) => key.slice(1)));
    const named = options.properties.filter((key) => !key.startsWith('-') && key !== '*all');
    const wanted = options.properties.includes('*all') ? [...issue.properties.keys()] : named;
    view.properties = Object.fromEntries(
      wanted.filter((key) => !excluded.has(key) && issue.properties.has(key)).map((key) => [key, issue.properties.get(key)]),
    );
  }
  return view;
}
