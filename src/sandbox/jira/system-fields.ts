import type { FieldDefinition } from './jira-model';

/** The system fields the stand-in models, as Jira Cloud describes them in `GET /rest/api/3/field`. */

const system = (
  id: string,
  name: string,
  schema: FieldDefinition['schema'] | undefined,
  flags: { orderable?: boolean; navigable?: boolean; searchable?: boolean } = {},
): FieldDefinition => ({
  id,
  name,
  custom: false,
  orderable: flags.orderable ?? true,
  navigable: flags.navigable ?? true,
  searchable: flags.searchable ?? true,
  schema: schema ?? { type: 'string', system: id },
});

export const SYSTEM_FIELDS: readonly FieldDefinition[] = [
  system('summary', 'Summary', { type: 'string', system: 'summary' }),
  system('description', 'Description', { type: 'string', system: 'description' }),
  system('issuetype', 'Issue Type', { type: 'issuetype', system: 'issuetype' }),
  system('project', 'Project', { type: 'project', system: 'project' }),
  system('status', 'Status', { type: 'status', system: 'status' }, { orderable: false }),
  system('reporter', 'Reporter', { type: 'user', system: 'reporter' }),
  system('assignee', 'Assignee', { type: 'user', system: 'assignee' }),
  system('creator', 'Creator', { type: 'user', system: 'creator' }, { orderable: false }),
  system('created', 'Created', { type: 'datetime', system: 'created' }, { orderable: false }),
  system('updated', 'Updated', { type: 'datetime', system: 'updated' }, { orderable: false }),
  system('statuscategorychangedate', 'Status Category Changed', { type: 'datetime', system: 'statuscategorychangedate' }, { orderable: false }),
  system('labels', 'Labels', { type: 'array', items: 'string', system: 'labels' }),
  system('duedate', 'Due date', { type: 'date', system: 'duedate' }),
  system('comment', 'Comment', { type: 'comments-page', system: 'comment' }, { navigable: false }),
];

/** Fields a user can set through create, edit or transition screens (the others are Jira-maintained). */
export const EDITABLE_SYSTEM_FIELDS: ReadonlySet<string> = new Set([
  'summary',
  'description',
  'issuetype',
  'project',
  'reporter',
  'assignee',
  'labels',
  'duedate',
]);

/** What Jira's "Default Screen" carries in a new site. */
export const DEFAULT_SCREEN_FIELDS: readonly string[] = ['summary', 'issuetype', 'description', 'reporter', 'assignee', 'labels', 'duedate'];
