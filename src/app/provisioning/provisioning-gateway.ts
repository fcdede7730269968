import type { StatusCategory } from '../../domain/provisioning/status-categories';
import type { Ok, Refusal } from '../../domain/shared/result';

/**
 * What project set-up needs from Jira: a subset of the Jira gateway's operations with the gateway's own
 * signatures and result shapes, declared here so the use case never imports an adapter. The production
 * gateway satisfies it as it is.
 */

/** Why a Jira call did not succeed: the gateway's stable code, a message for the admin, and what Jira said. */
export type GatewayFailure = Refusal & {
  /** The operation and request line, e.g. `createIssueType POST /rest/api/3/issuetype`. */
  readonly operation: string;
  readonly status?: number;
  readonly errorMessages: readonly string[];
  /** What Jira said about individual fields, by field id. */
  readonly errors?: Readonly<Record<string, string>>;
};
export type GatewayResult<T> = Ok<T> | { readonly ok: false; readonly error: GatewayFailure };

export type Page<T> = { readonly values: readonly T[]; readonly isLast: boolean; readonly startAt: number };
export type PageRequest = { readonly startAt?: number; readonly pageSize?: number };

export type NamedItem = { readonly id: string; readonly name: string };
export type JiraStatus = NamedItem & { readonly statusCategory: StatusCategory | undefined };
export type ConfigurationScope = { readonly type: 'GLOBAL' } | { readonly type: 'PROJECT'; readonly project: { readonly id: string } };

export type ProjectSummary = {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly management: 'company-managed' | 'team-managed';
};

export type IssueTypeItem = NamedItem & { readonly hierarchyLevel: number | undefined };

/** The Atlassian Document Format the app writes into descriptions: plain paragraphs. */
export type AdfParagraphs = {
  readonly type: 'doc';
  readonly version: 1;
  readonly content: readonly { readonly type: 'paragraph'; readonly content: readonly { readonly type: 'text'; readonly text: string }[] }[];
};

export type IssueCreation = {
  readonly projectKey: string;
  readonly issueTypeName: string;
  readonly summary: string;
  readonly description: AdfParagraphs;
  /** Other field values by field id, as Jira's create screen takes them. */
  readonly fields: Readonly<Record<string, readonly string[]>>;
};

export type IssueSummary = { readonly key: string; readonly issueType: { readonly id: string; readonly name: string } };

export type WorkflowRule = { readonly ruleKey: string; readonly parameters?: Readonly<Record<string, string>> };

export type WorkflowTransitionDraft = {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly type: 'INITIAL' | 'GLOBAL' | 'DIRECTED';
  readonly toStatusReference: string;
  readonly links?: readonly { readonly fromStatusReference?: string }[];
  readonly validators?: readonly WorkflowRule[];
  readonly conditions?: { readonly operation: 'ALL' | 'ANY'; readonly conditions?: readonly WorkflowRule[] };
  readonly properties?: Readonly<Record<string, string>>;
};

export type WorkflowCreation = {
  readonly scope: ConfigurationScope;
  readonly statuses: readonly { readonly statusReference: string; readonly name: string; readonly statusCategory: StatusCategory; readonly id?: string }[];
  readonly workflows: readonly {
    readonly name: string;
    readonly description?: string;
    readonly statuses: readonly { readonly statusReference: string; readonly properties: Readonly<Record<string, string>> }[];
    readonly transitions: readonly WorkflowTransitionDraft[];
  }[];
};

export type JiraWorkflow = NamedItem & { readonly version: { readonly id: string; readonly versionNumber: number } | undefined };
export type ForgeRule = { readonly id: string; readonly ruleKey: string; readonly ruleType: string; readonly name: string | undefined };
export type WorkflowScheme = { readonly id: number | undefined; readonly name: string };
export type SchemeAssignment = { readonly projectId: string; readonly schemeId: string };
export type ProjectSchemes = { readonly scheme: NamedItem; readonly projectIds: readonly string[] };
export type NamedDraft = { readonly name: string; readonly description?: string };
export type ScreenTypes = { readonly default: number; readonly create?: number; readonly edit?: number; readonly view?: number };

export interface ProvisioningGateway {
  getProject(projectIdOrKey: string): Promise<GatewayResult<ProjectSummary>>;
  searchIssues(search: {
    readonly jql: string;
    readonly fieldIds: Readonly<Record<never, string>>;
    readonly pageSize?: number;
  }): AsyncIterable<GatewayResult<{ readonly issues: readonly IssueSummary[] }>>;
  resolveFieldIds<N extends string>(moduleKeys: Readonly<Record<N, string>>): Promise<GatewayResult<Readonly<Record<N, string>>>>;

  getProjectIssueTypes(projectIdOrKey: string): Promise<GatewayResult<readonly IssueTypeItem[]>>;
  getServerInfo(): Promise<GatewayResult<{ readonly baseUrl: string }>>;
  createIssue(creation: IssueCreation): Promise<GatewayResult<{ readonly id: string; readonly key: string }>>;

  listIssueTypes(): Promise<GatewayResult<readonly IssueTypeItem[]>>;
  createIssueType(draft: { readonly name: string; readonly description?: string; readonly hierarchyLevel?: 0 | -1 }): Promise<GatewayResult<NamedItem>>;

  findStatusesByName(names: readonly string[], projectId?: string): Promise<GatewayResult<readonly JiraStatus[]>>;
  createStatuses(
    scope: ConfigurationScope,
    statuses: readonly { readonly name: string; readonly statusCategory: StatusCategory; readonly description?: string }[],
  ): Promise<GatewayResult<readonly JiraStatus[]>>;

  searchWorkflows(queryString: string, page?: PageRequest): Promise<GatewayResult<Page<JiraWorkflow>>>;
  createWorkflows(creation: WorkflowCreation): Promise<GatewayResult<{ readonly workflows: readonly JiraWorkflow[]; readonly statuses: readonly JiraStatus[] }>>;
  getForgeWorkflowRules(projectId: string, issueTypeId: string): Promise<GatewayResult<readonly ForgeRule[]>>;

  listWorkflowSchemes(page?: PageRequest): Promise<GatewayResult<Page<WorkflowScheme>>>;
  createWorkflowScheme(draft: {
    readonly name: string;
    readonly description?: string;
    readonly defaultWorkflow: string;
    readonly issueTypeMappings: Readonly<Record<string, string>>;
  }): Promise<GatewayResult<WorkflowScheme>>;
  getWorkflowSchemesOfProjects(
    projectIds: readonly string[],
  ): Promise<GatewayResult<readonly { readonly scheme: WorkflowScheme; readonly projectIds: readonly string[] }[]>>;
  assignWorkflowScheme(assignment: SchemeAssignment): Promise<GatewayResult<undefined>>;

  listScreens(queryString: string, page?: PageRequest): Promise<GatewayResult<Page<NamedItem>>>;
  createScreen(draft: NamedDraft): Promise<GatewayResult<NamedItem>>;
  listScreenTabs(screenId: string): Promise<GatewayResult<readonly NamedItem[]>>;
  addScreenTab(screenId: string, name: string): Promise<GatewayResult<NamedItem>>;
  listScreenTabFields(screenId: string, tabId: string): Promise<GatewayResult<readonly NamedItem[]>>;
  addScreenTabField(screenId: string, tabId: string, fieldId: string): Promise<GatewayResult<NamedItem>>;

  listScreenSchemes(queryString: string, page?: PageRequest): Promise<GatewayResult<Page<NamedItem>>>;
  createScreenScheme(draft: NamedDraft & { readonly screens: ScreenTypes }): Promise<GatewayResult<{ readonly id: string }>>;

  listIssueTypeScreenSchemes(queryString: string, page?: PageRequest): Promise<GatewayResult<Page<NamedItem>>>;
  createIssueTypeScreenScheme(
    draft: NamedDraft & { readonly issueTypeMappings: readonly { readonly issueTypeId: string; readonly screenSchemeId: string }[] },
  ): Promise<GatewayResult<{ readonly id: string }>>;
  getIssueTypeScreenSchemesOfProjects(projectIds: readonly string[], page?: PageRequest): Promise<GatewayResult<Page<ProjectSchemes>>>;
  assignIssueTypeScreenScheme(assignment: SchemeAssignment): Promise<GatewayResult<undefined>>;

  listIssueTypeSchemes(queryString: string, page?: PageRequest): Promise<GatewayResult<Page<NamedItem>>>;
  createIssueTypeScheme(
    draft: NamedDraft & { readonly issueTypeIds: readonly string[]; readonly defaultIssueTypeId?: string },
  ): Promise<GatewayResult<{ readonly id: string }>>;
  getIssueTypeSchemesOfProjects(projectIds: readonly string[], page?: PageRequest): Promise<GatewayResult<Page<ProjectSchemes>>>;
  assignIssueTypeScheme(assignment: SchemeAssignment): Promise<GatewayResult<undefined>>;
}
