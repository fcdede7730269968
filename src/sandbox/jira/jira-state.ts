import type {
  FieldDefinition,
  IssueLink,
  IssueLinkType,
  IssueTypeScheme,
  IssueTypeScreenScheme,
  JiraGroup,
  JiraIssue,
  JiraIssueType,
  JiraProject,
  JiraStatus,
  JiraUser,
  JiraWorkflow,
  Screen,
  ScreenScheme,
  SentNotification,
  WorkflowScheme,
} from './jira-model';
import { DEFAULT_SCREEN_FIELDS, SYSTEM_FIELDS } from './system-fields';

/**
 * The stand-in's site: every entity by id plus the id sequences. Ids are deterministic (counters), so a
 * test or a seeded sandbox always produces the same keys, ids and UUIDs.
 */
export type JiraState = {
  readonly users: Map<string, JiraUser>;
  readonly groups: Map<string, JiraGroup>;
  readonly projects: Map<string, JiraProject>;
  readonly issueTypes: Map<string, JiraIssueType>;
  readonly statuses: Map<string, JiraStatus>;
  readonly workflows: Map<string, JiraWorkflow>;
  readonly workflowSchemes: Map<number, WorkflowScheme>;
  readonly screens: Map<number, Screen>;
  readonly screenSchemes: Map<number, ScreenScheme>;
  readonly issueTypeScreenSchemes: Map<string, IssueTypeScreenScheme>;
  readonly issueTypeSchemes: Map<string, IssueTypeScheme>;
  readonly fields: Map<string, FieldDefinition>;
  readonly issues: Map<string, JiraIssue>;
  readonly issueLinkTypes: Map<string, IssueLinkType>;
  readonly issueLinks: IssueLink[];
  readonly notifications: SentNotification[];
  readonly nextId: (sequence: IdSequence) => number;
  readonly nextUuid: () => string;
};

export type IdSequence =
  | 'project'
  | 'issue'
  | 'issueType'
  | 'status'
  | 'customField'
  | 'comment'
  | 'changelog'
  | 'screen'
  | 'screenTab'
  | 'screenScheme'
  | 'issueTypeScreenScheme'
  | 'issueTypeScheme'
  | 'workflowScheme'
  | 'transition'
  | 'rule'
  | 'issueLinkType'
  | 'issueLink';

const SEQUENCE_STARTS: Readonly<Record<IdSequence, number>> = {
  project: 10000,
  issue: 10000,
  issueType: 10004,
  status: 10002,
  customField: 10050,
  comment: 10000,
  changelog: 10000,
  screen: 10000,
  screenTab: 10000,
  screenScheme: 10000,
  issueTypeScreenScheme: 10000,
  issueTypeScheme: 10001,
  workflowScheme: 10000,
  transition: 1,
  rule: 1,
  issueLinkType: 10100,
  issueLink: 10000,
};

/** Ids of the defaults every new Jira Cloud site has. */
export const DEFAULTS = {
  issueTypeSchemeId: '10000',
  issueTypeScreenSchemeId: '1',
  screenSchemeId: 1,
  screenId: 1,
  workflowName: 'jira',
  statuses: { toDo: '10000', inProgress: '3', done: '10001' },
} as const;

const uuidFromCounter = (counter: number): string =>
  `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;

function seedDefaults(state: JiraState, now: Date): void {
  for (const field of SYSTEM_FIELDS) state.fields.set(field.id, field);

  const statuses: JiraStatus[] = [
    { id: DEFAULTS.statuses.toDo, name: 'To Do', description: '', category: 'TODO' },
    { id: DEFAULTS.statuses.inProgress, name: 'In Progress', description: 'This issue is being actively worked on at the moment by the assignee.', category: 'IN_PROGRESS' },
    { id: DEFAULTS.statuses.done, name: 'Done', description: '', category: 'DONE' },
  ];
  for (const status of statuses) state.statuses.set(status.id, status);

  const issueTypes: JiraIssueType[] = [
    { id: '10000', name: 'Epic', description: 'A big user story that needs to be broken down.', hierarchyLevel: 1, avatarId: 10307 },
    { id: '10001', name: 'Task', description: 'A small, distinct piece of work.', hierarchyLevel: 0, avatarId: 10318 },
    { id: '10002', name: 'Bug', description: 'A problem or error.', hierarchyLevel: 0, avatarId: 10303 },
    { id: '10003', name: 'Subtask', description: 'A small piece of work that is part of a larger task.', hierarchyLevel: -1, avatarId: 10316 },
  ];
  for (const type of issueTypes) state.issueTypes.set(type.id, type);

  state.issueTypeSchemes.set(DEFAULTS.issueTypeSchemeId, {
    id: DEFAULTS.issueTypeSchemeId,
    name: 'Default Issue Type Scheme',
    description: 'Default issue type scheme is the list of global issue types. All newly created issue types will automatically be added to this scheme.',
    issueTypeIds: issueTypes.map((type) => type.id),
    defaultIssueTypeId: '10001',
    isDefault: true,
  });

  const { toDo, inProgress, done } = DEFAULTS.statuses;
  const workflowStatuses = [toDo, inProgress, done];
  const workflowId = state.nextUuid();
  state.workflows.set(workflowId, {
    id: workflowId,
    name: DEFAULTS.workflowName,
    description: 'The default Jira workflow.',
    statuses: workflowStatuses.map((statusId) => ({ statusId, properties: {} })),
    transitions: [
      { id: '1', name: 'Create', type: 'INITIAL', toStatusId: toDo },
      { id: '11', name: 'To Do', type: 'GLOBAL', toStatusId: toDo },
      { id: '21', name: 'In Progress', type: 'GLOBAL', toStatusId: inProgress },
      { id: '31', name: 'Done', type: 'GLOBAL', toStatusId: done },
    ].map((transition) => ({
      ...transition,
      type: transition.type as 'INITIAL' | 'GLOBAL',
      description: '',
      fromStatusIds: [],
      validators: [],
      actions: [],
      triggers: [],
      properties: {},
      links: [],
    })),
    versionNumber: 1,
    created: now,
    updated: now,
  });

  const linkTypes: IssueLinkType[] = [
    { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
    { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
    { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
    { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
  ];
  for (const type of linkTypes) state.issueLinkTypes.set(type.id, type);

  state.screens.set(DEFAULTS.screenId, {
    id: DEFAULTS.screenId,
    name: 'Default Screen',
    description: 'Allows to update all system fields.',
    tabs: [{ id: state.nextId('screenTab'), name: 'Field Tab', fieldIds: [...DEFAULT_SCREEN_FIELDS] }],
  });
  state.screenSchemes.set(DEFAULTS.screenSchemeId, {
    id: DEFAULTS.screenSchemeId,
    name: 'Default Screen Scheme',
    description: 'Default Screen Scheme',
    screens: { default: DEFAULTS.screenId },
  });
  state.issueTypeScreenSchemes.set(DEFAULTS.issueTypeScreenSchemeId, {
    id: DEFAULTS.issueTypeScreenSchemeId,
    name: 'Default Issue Type Screen Scheme',
    description: 'The default issue type screen scheme',
    mappings: new Map([['default', String(DEFAULTS.screenSchemeId)]]),
  });
}

export function createJiraState(now: Date): JiraState {
  const counters = new Map<IdSequence, number>();
  let uuidCounter = 0;
  const state: JiraState = {
    users: new Map(),
    groups: new Map(),
    projects: new Map(),
    issueTypes: new Map(),
    statuses: new Map(),
    workflows: new Map(),
    workflowSchemes: new Map(),
    screens: new Map(),
    screenSchemes: new Map(),
    issueTypeScreenSchemes: new Map(),
    issueTypeSchemes: new Map(),
    fields: new Map(),
    issues: new Map(),
    issueLinkTypes: new Map(),
    issueLinks: [],
    notifications: [],
    nextId(sequence) {
      const next = counters.get(sequence) ?? SEQUENCE_STARTS[sequence];
      counters.set(sequence, next + 1);
      return next;
    },
    nextUuid: () => uuidFromCounter(++uuidCounter),
  };
  seedDefaults(state, now);
  return state;
}

/** Issues are addressed by id or key everywhere in the REST API. */
export const findIssue = (state: JiraState, idOrKey: string): JiraIssue | undefined => {
  const byId = state.issues.get(idOrKey);
  if (byId !== undefined) return byId;
  const upper = idOrKey.toUpperCase();
  for (const issue of state.issues.values()) if (issue.key === upper) return issue;
  return undefined;
};

export const findProject = (state: JiraState, idOrKey: string): JiraProject | undefined => {
  const byId = state.projects.get(idOrKey);
  if (byId !== undefined) return byId;
  const upper = idOrKey.toUpperCase();
  for (const project of state.projects.values()) if (project.key === upper) return project;
  return undefined;
};

export const findGroupByName = (state: JiraState, name: string): JiraGroup | undefined => {
  const lower = name.toLowerCase();
  for (const group of state.groups.values()) if (group.name.toLowerCase() === lower) return group;
  return undefined;
};

export const findWorkflowByName = (state: JiraState, name: string): JiraWorkflow | undefined => {
  for (const workflow of state.workflows.values()) if (workflow.name === name) return workflow;
  return undefined;
};

export const projectOf = (state: JiraState, issue: JiraIssue): JiraProject => {
  const project = state.projects.get(issue.projectId);
  if (project === undefined) throw new Error(`issue ${issue.key} belongs to unknown project ${issue.projectId}`);
  return project;
};
