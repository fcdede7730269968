/**
 * What the stand-in holds, in its own normalised form. Wire shapes (REST v3) are produced from these by the
 * views; nothing here is ever sent as is. Ids follow Jira's conventions: numeric strings for issues,
 * projects, statuses and issue types, numbers for screens and schemes, UUIDs for workflows and groups.
 */

export type JiraUser = {
  readonly accountId: string;
  readonly displayName: string;
  readonly emailAddress?: string;
  readonly active: boolean;
  readonly accountType: 'atlassian' | 'app';
  readonly timeZone: string;
};

export type JiraGroup = { readonly groupId: string; readonly name: string; readonly members: Set<string> };

export type ProjectStyle = 'company-managed' | 'team-managed';

export const PROJECT_PERMISSIONS = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'TRANSITION_ISSUES',
  'DELETE_ISSUES',
  'ADD_COMMENTS',
  'ASSIGN_ISSUES',
  'ADMINISTER_PROJECTS',
] as const;
export type ProjectPermission = (typeof PROJECT_PERMISSIONS)[number];

export const GLOBAL_PERMISSIONS = ['ADMINISTER', 'USER_PICKER'] as const;
export type GlobalPermission = (typeof GLOBAL_PERMISSIONS)[number];

/** Who holds a permission: everyone with site access, or named groups and accounts. */
export type PermissionGrant = {
  readonly anyoneWithSiteAccess: boolean;
  readonly groups: readonly string[];
  readonly accountIds: readonly string[];
};

export type JiraProject = {
  readonly id: string;
  readonly key: string;
  name: string;
  readonly style: ProjectStyle;
  readonly projectTypeKey: 'software' | 'business' | 'service_desk';
  readonly leadAccountId: string;
  description: string;
  readonly properties: Map<string, unknown>;
  readonly permissions: Map<ProjectPermission, PermissionGrant>;
  /** Company-managed projects use schemes; absent means Jira's defaults. */
  issueTypeSchemeId?: string;
  workflowSchemeId?: number;
  issueTypeScreenSchemeId?: string;
  /** Team-managed projects own their issue types and map each to a workflow directly. */
  readonly teamManagedWorkflows: Map<string, string>;
  nextIssueNumber: number;
};

export type JiraIssueType = {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly hierarchyLevel: number;
  readonly avatarId: number;
  readonly entityId?: string;
  /** Set for team-managed projects' own issue types. */
  readonly projectId?: string;
};

export type StatusCategoryKey = 'TODO' | 'IN_PROGRESS' | 'DONE';

export type JiraStatus = {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly category: StatusCategoryKey;
  readonly projectId?: string;
};

/** A workflow rule as the workflows API carries it (`ruleKey` plus string parameters). */
export type WorkflowRule = {
  readonly id: string;
  readonly ruleKey: string;
  readonly parameters: Readonly<Record<string, string>>;
};

export type WorkflowTransition = {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly type: 'INITIAL' | 'GLOBAL' | 'DIRECTED';
  readonly toStatusId: string;
  /** Statuses it starts from (DIRECTED); empty for GLOBAL and INITIAL. */
  readonly fromStatusIds: readonly string[];
  readonly validators: readonly WorkflowRule[];
  readonly conditions?: unknown;
  readonly actions: readonly WorkflowRule[];
  readonly triggers: readonly unknown[];
  readonly properties: Readonly<Record<string, string>>;
  readonly screenId?: number;
  readonly links: readonly unknown[];
};

export type WorkflowStatusLayout = {
  readonly statusId: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly layout?: unknown;
};

export type JiraWorkflow = {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly projectId?: string;
  readonly statuses: readonly WorkflowStatusLayout[];
  readonly transitions: readonly WorkflowTransition[];
  readonly versionNumber: number;
  readonly created: Date;
  readonly updated: Date;
};

export type WorkflowScheme = {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly defaultWorkflow: string;
  readonly issueTypeMappings: Readonly<Record<string, string>>;
};

export type ScreenTab = { readonly id: number; readonly name: string; readonly fieldIds: string[] };
export type Screen = { readonly id: number; readonly name: string; readonly description: string; readonly tabs: ScreenTab[] };

export type ScreenScheme = {
  readonly id: number;
  readonly name: string;
  readonly description: string;
  readonly screens: { readonly default: number; readonly create?: number; readonly edit?: number; readonly view?: number };
};

export type IssueTypeScreenScheme = {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Issue type id (or `default`) to screen scheme id. */
  readonly mappings: ReadonlyMap<string, string>;
};

export type IssueTypeScheme = {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly issueTypeIds: readonly string[];
  readonly defaultIssueTypeId?: string;
  readonly isDefault: boolean;
};

export type ForgeFieldValueType = 'string' | 'number' | 'user' | 'group' | 'date' | 'datetime' | 'object';

export type FieldDefinition = {
  readonly id: string;
  readonly name: string;
  readonly custom: boolean;
  readonly navigable: boolean;
  readonly orderable: boolean;
  readonly searchable: boolean;
  readonly schema: {
    readonly type: string;
    readonly items?: string;
    readonly system?: string;
    readonly custom?: string;
    readonly customId?: number;
  };
  /** Present for Forge custom fields: who owns it and how its values are typed. */
  readonly forge?: {
    readonly extensionAri: string;
    readonly appId: string;
    readonly moduleKey: string;
    readonly valueType: ForgeFieldValueType;
    readonly collection: boolean;
    readonly readOnly: boolean;
  };
};

export type ChangeItem = {
  readonly field: string;
  readonly fieldtype: 'jira' | 'custom';
  readonly fieldId: string;
  readonly from: string | null;
  readonly fromString: string | null;
  readonly to: string | null;
  readonly toString: string | null;
};

export type ChangelogEntry = {
  readonly id: string;
  readonly authorAccountId: string;
  readonly created: Date;
  readonly items: readonly ChangeItem[];
};

export type JiraComment = {
  readonly id: string;
  readonly authorAccountId: string;
  readonly body: unknown;
  readonly created: Date;
  readonly visibility?: unknown;
};

/**
 * An issue's field values are kept in a normalised form: users and groups by id, dates as `YYYY-MM-DD`,
 * rich text as the ADF document, Forge object fields as the JSON value.
 */
export type JiraIssue = {
  readonly id: string;
  readonly key: string;
  readonly projectId: string;
  issueTypeId: string;
  statusId: string;
  readonly values: Map<string, unknown>;
  readonly creatorAccountId: string;
  readonly created: Date;
  updated: Date;
  statusCategoryChanged: Date;
  readonly changelog: ChangelogEntry[];
  readonly comments: JiraComment[];
  readonly properties: Map<string, unknown>;
};

export type SentNotification = {
  readonly issueKey: string;
  readonly senderAccountId: string;
  readonly subject: string;
  readonly textBody?: string;
  readonly htmlBody?: string;
  readonly recipientAccountIds: readonly string[];
  readonly sentAt: Date;
};

export type IssueLinkType = {
  readonly id: string;
  readonly name: string;
  readonly inward: string;
  readonly outward: string;
};

/** A link between two issues: the inward issue carries the type's outward description ("SEC-9 renews SEC-1"). */
export type IssueLink = {
  readonly id: string;
  readonly typeId: string;
  readonly inwardIssueId: string;
  readonly outwardIssueId: string;
};
