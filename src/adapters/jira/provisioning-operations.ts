import { z } from 'zod';
import type { StatusCategory } from '../../domain/provisioning/status-categories';
import { ok } from '../../domain/shared/result';
import { noContent, type JiraClient } from './jira-client';
import type { JiraResult } from './jira-errors';
import { DEFAULT_PAGE_SIZE, pageSchema, toPage, type Page, type PageRequest } from './jira-page';
import { jiraPath, withQuery } from './jira-path';

/**
 * The configuration Jira has no Forge module for: issue type, statuses, workflow, workflow scheme, screens
 * and schemes, and assigning the schemes to a (company-managed) project. Each create has a matching lookup
 * so the set-up use case can find what an earlier run made and stay idempotent. Also what set-up reads to
 * place the register's home issue: the issue types a project offers and the site's address.
 */

export type ConfigurationScope = { readonly type: 'GLOBAL' } | { readonly type: 'PROJECT'; readonly project: { readonly id: string } };
export type NamedItem = { readonly id: string; readonly name: string };
export type JiraStatus = NamedItem & { readonly statusCategory: StatusCategory | undefined };

export type IssueTypeDraft = { readonly name: string; readonly description?: string; readonly hierarchyLevel?: 0 | -1 };

/** A workflow rule: a Forge validator is `forge:expression-validator` with its extension ARI in `parameters.key`. */
export type WorkflowRule = { readonly ruleKey: string; readonly parameters?: Readonly<Record<string, string>>; readonly id?: string };

export type WorkflowTransitionDraft = {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly type: 'INITIAL' | 'GLOBAL' | 'DIRECTED';
  readonly toStatusReference: string;
  readonly links?: readonly { readonly fromStatusReference?: string; readonly fromPort?: number; readonly toPort?: number }[];
  readonly validators?: readonly WorkflowRule[];
  readonly conditions?: { readonly operation: 'ALL' | 'ANY'; readonly conditions?: readonly WorkflowRule[] };
  readonly actions?: readonly WorkflowRule[];
  readonly properties?: Readonly<Record<string, string>>;
};

export type WorkflowDraft = {
  readonly name: string;
  readonly description?: string;
  readonly statuses: readonly {
    readonly statusReference: string;
    readonly properties: Readonly<Record<string, string>>;
    readonly layout?: { readonly x: number; readonly y: number };
  }[];
  readonly transitions: readonly WorkflowTransitionDraft[];
};

export type WorkflowCreation = {
  readonly scope: ConfigurationScope;
  /** Every status the workflows use; `id` refers to an existing status, without it Jira creates one. */
  readonly statuses: readonly { readonly statusReference: string; readonly name: string; readonly statusCategory: StatusCategory; readonly id?: string }[];
  readonly workflows: readonly WorkflowDraft[];
};

export type JiraWorkflow = NamedItem & { readonly version: { readonly id: string; readonly versionNumber: number } | undefined };
export type ForgeRule = { readonly id: string; readonly ruleKey: string; readonly ruleType: string; readonly name: string | undefined };

export type WorkflowSchemeDraft = {
  readonly name: string;
  readonly description?: string;
  readonly defaultWorkflow: string;
  /** Issue type id to workflow name. */
  readonly issueTypeMappings: Readonly<Record<string, string>>;
};
export type WorkflowScheme = { readonly id: number | undefined; readonly name: string };

export type ScreenTypes = { readonly default: number; readonly create?: number; readonly edit?: number; readonly view?: number };
export type NamedDraft = { readonly name: string; readonly description?: string };

export type SchemeAssignment = { readonly projectId: string; readonly schemeId: string };
export type ProjectSchemes = { readonly scheme: NamedItem; readonly projectIds: readonly string[] };

const STATUS_CATEGORIES = ['TODO', 'IN_PROGRESS', 'DONE'] as const;

const namedItemSchema = z.looseObject({ id: z.string(), name: z.string() });
const numericItemSchema = z.looseObject({ id: z.number().int(), name: z.string() });
const statusSchema = z.looseObject({ id: z.string(), name: z.string(), statusCategory: z.enum(STATUS_CATEGORIES).optional() });
const workflowSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  version: z.looseObject({ id: z.string(), versionNumber: z.number().int() }).optional(),
});

const issueTypeSchema = z.looseObject({ id: z.string(), name: z.string(), hierarchyLevel: z.number().int().optional() });
type IssueTypeItem = NamedItem & { readonly hierarchyLevel: number | undefined };
const asIssueType = ({ id, name, hierarchyLevel }: z.infer<typeof issueTypeSchema>): IssueTypeItem => ({ id, name, hierarchyLevel });

const asNamed = ({ id, name }: { id: string | number; name: string }): NamedItem => ({ id: String(id), name });
const asStatus = ({ id, name, statusCategory }: z.infer<typeof statusSchema>): JiraStatus => ({ id, name, statusCategory });
const asWorkflow = ({ id, name, version }: z.infer<typeof workflowSchema>): JiraWorkflow => ({
  id,
  name,
  version: version === undefined ? undefined : { id: version.id, versionNumber: version.versionNumber },
});

const pageQuery = (page: PageRequest) => ({ startAt: page.startAt ?? 0, maxResults: page.pageSize ?? DEFAULT_PAGE_SIZE });
const listQuery = (page: PageRequest, queryString: string) => ({ ...pageQuery(page), queryString });

export const provisioningOperations = (client: JiraClient) => {
  const listPage = async <T extends z.ZodType, U>(
    operation: string,
    path: string,
    page: PageRequest,
    item: T,
    map: (value: z.infer<T>) => U,
  ): Promise<JiraResult<Page<U>>> => {
    const result = await client.send({ operation, method: 'GET', path, response: pageSchema(item) });
    return result.ok ? ok(toPage(result.value as { values: z.infer<T>[]; startAt: number }, page.pageSize ?? DEFAULT_PAGE_SIZE, map)) : result;
  };

  const assign = (operation: string, path: string, body: Record<string, string>): Promise<JiraResult<undefined>> =>
    client.send({ operation, method: 'PUT', path, body, response: noContent });

  return {
    async listIssueTypes(): Promise<JiraResult<IssueTypeItem[]>> {
      const result = await client.send({ operation: 'listIssueTypes', method: 'GET', path: '/rest/api/3/issuetype', response: z.array(issueTypeSchema) });
      return result.ok ? ok(result.value.map(asIssueType)) : result;
    },

    /** The issue types people can create in the project: those of the issue type scheme it uses. */
    async getProjectIssueTypes(projectIdOrKey: string): Promise<JiraResult<IssueTypeItem[]>> {
      const result = await client.send({
        operation: 'getProjectIssueTypes',
        method: 'GET',
        path: withQuery(jiraPath`/rest/api/3/project/${projectIdOrKey}`, { expand: 'issueTypes' }),
        response: z.looseObject({ issueTypes: z.array(issueTypeSchema).default([]) }),
      });
      return result.ok ? ok(result.value.issueTypes.map(asIssueType)) : result;
    },

    /** The site's address, which links in e-mails lead to; anything but an http(s) address is an invalid answer. */
    async getServerInfo(): Promise<JiraResult<{ baseUrl: string }>> {
      const result = await client.send({
        operation: 'getServerInfo',
        method: 'GET',
        path: '/rest/api/3/serverInfo',
        response: z.looseObject({ baseUrl: z.url({ protocol: /^https?$/ }) }),
      });
      return result.ok ? ok({ baseUrl: result.value.baseUrl }) : result;
    },

    async createIssueType(draft: IssueTypeDraft): Promise<JiraResult<NamedItem>> {
      const result = await client.send({
        operation: 'createIssueType',
        method: 'POST',
        path: '/rest/api/3/issuetype',
        body: { hierarchyLevel: 0, ...draft },
        response: namedItemSchema,
      });
      return result.ok ? ok(asNamed(result.value)) : result;
    },

    /** Statuses with exactly these names, global or in the given project. */
    async findStatusesByName(names: readonly string[], projectId?: string): Promise<JiraResult<JiraStatus[]>> {
      const result = await client.send({
        operation: 'findStatusesByName',
        method: 'GET',
        path: withQuery('/rest/api/3/statuses/byNames', { name: names, projectId }),
        response: z.array(statusSchema),
      });
      return result.ok ? ok(result.value.map(asStatus)) : result;
    },

    async createStatuses(
      scope: ConfigurationScope,
      statuses: readonly { readonly name: string; readonly statusCategory: StatusCategory; readonly description?: string }[],
    ): Promise<JiraResult<JiraStatus[]>> {
      const result = await client.send({
        operation: 'createStatuses',
        method: 'POST',
        path: '/rest/api/3/statuses',
        body: { scope, statuses },
        response: z.array(statusSchema),
      });
      return result.ok ? ok(result.value.map(asStatus)) : result;
    },

    async searchWorkflows(queryString: string, page: PageRequest = {}): Promise<JiraResult<Page<JiraWorkflow>>> {
      return listPage('searchWorkflows', withQuery('/rest/api/3/workflows/search', listQuery(page, queryString)), page, workflowSchema, asWorkflow);
    },

    async createWorkflows(creation: WorkflowCreation): Promise<JiraResult<{ workflows: JiraWorkflow[]; statuses: JiraStatus[] }>> {
      const result = await client.send({
        operation: 'createWorkflows',
        method: 'POST',
        path: '/rest/api/3/workflows/create',
        body: creation,
        response: z.looseObject({ workflows: z.array(workflowSchema).default([]), statuses: z.array(statusSchema).default([]) }),
      });
      return result.ok ? ok({ workflows: result.value.workflows.map(asWorkflow), statuses: result.value.statuses.map(asStatus) }) : result;
    },

    /** The Forge rules (validators, conditions, post functions) Jira offers for this project and issue type. */
    async getForgeWorkflowRules(projectId: string, issueTypeId: string): Promise<JiraResult<ForgeRule[]>> {
      const result = await client.send({
        operation: 'getForgeWorkflowRules',
        method: 'GET',
        path: withQuery('/rest/api/3/workflows/capabilities', { projectId, issueTypeId }),
        response: z.looseObject({
          forgeRules: z
            .array(z.looseObject({ id: z.string(), ruleKey: z.string(), ruleType: z.string(), name: z.string().optional() }))
            .default([]),
        }),
      });
      return result.ok ? ok(result.value.forgeRules.map(({ id, ruleKey, ruleType, name }) => ({ id, ruleKey, ruleType, name }))) : result;
    },

    async listWorkflowSchemes(page: PageRequest = {}): Promise<JiraResult<Page<WorkflowScheme>>> {
      return listPage(
        'listWorkflowSchemes',
        withQuery('/rest/api/3/workflowscheme', pageQuery(page)),
        page,
        z.looseObject({ id: z.number().int().optional(), name: z.string() }),
        ({ id, name }): WorkflowScheme => ({ id, name }),
      );
    },

    async createWorkflowScheme(draft: WorkflowSchemeDraft): Promise<JiraResult<WorkflowScheme>> {
      const result = await client.send({
        operation: 'createWorkflowScheme',
        method: 'POST',
        path: '/rest/api/3/workflowscheme',
        body: draft,
        response: z.looseObject({ id: z.number().int(), name: z.string() }),
      });
      return result.ok ? ok({ id: result.value.id, name: result.value.name }) : result;
    },

    async getWorkflowSchemesOfProjects(projectIds: readonly string[]): Promise<JiraResult<{ scheme: WorkflowScheme; projectIds: string[] }[]>> {
      const result = await client.send({
        operation: 'getWorkflowSchemesOfProjects',
        method: 'GET',
        path: withQuery('/rest/api/3/workflowscheme/project', { projectId: projectIds }),
        response: z.looseObject({
          values: z.array(
            z.looseObject({ projectIds: z.array(z.string()), workflowScheme: z.looseObject({ id: z.number().int().optional(), name: z.string() }) }),
          ),
        }),
      });
      return result.ok
        ? ok(result.value.values.map((value) => ({ scheme: { id: value.workflowScheme.id, name: value.workflowScheme.name }, projectIds: value.projectIds })))
        : result;
    },

    /** Jira accepts this only for a company-managed project whose issues all keep a valid status. */
    assignWorkflowScheme({ projectId, schemeId }: SchemeAssignment): Promise<JiraResult<undefined>> {
      return assign('assignWorkflowScheme', '/rest/api/3/workflowscheme/project', { projectId, workflowSchemeId: schemeId });
    },

    async listScreens(queryString: string, page: PageRequest = {}): Promise<JiraResult<Page<NamedItem>>> {
      return listPage('listScreens', withQuery('/rest/api/3/screens', listQuery(page, queryString)), page, numericItemSchema, asNamed);
    },

    async createScreen(draft: NamedDraft): Promise<JiraResult<NamedItem>> {
      const result = await client.send({ operation: 'createScreen', method: 'POST', path: '/rest/api/3/screens', body: draft, response: numericItemSchema });
      return result.ok ? ok(asNamed(result.value)) : result;
    },

    async listScreenTabs(screenId: string): Promise<JiraResult<NamedItem[]>> {
      const result = await client.send({
        operation: 'listScreenTabs',
        method: 'GET',
        path: jiraPath`/rest/api/3/screens/${screenId}/tabs`,
        response: z.array(numericItemSchema),
      });
      return result.ok ? ok(result.value.map(asNamed)) : result;
    },

    async addScreenTab(screenId: string, name: string): Promise<JiraResult<NamedItem>> {
      const result = await client.send({
        operation: 'addScreenTab',
        method: 'POST',
        path: jiraPath`/rest/api/3/screens/${screenId}/tabs`,
        body: { name },
        response: numericItemSchema,
      });
      return result.ok ? ok(asNamed(result.value)) : result;
    },

    async listScreenTabFields(screenId: string, tabId: string): Promise<JiraResult<NamedItem[]>> {
      const result = await client.send({
        operation: 'listScreenTabFields',
        method: 'GET',
        path: jiraPath`/rest/api/3/screens/${screenId}/tabs/${tabId}/fields`,
        response: z.array(namedItemSchema),
      });
      return result.ok ? ok(result.value.map(asNamed)) : result;
    },

    async addScreenTabField(screenId: string, tabId: string, fieldId: string): Promise<JiraResult<NamedItem>> {
      const result = await client.send({
        operation: 'addScreenTabField',
        method: 'POST',
        path: jiraPath`/rest/api/3/screens/${screenId}/tabs/${tabId}/fields`,
        body: { fieldId },
        response: namedItemSchema,
      });
      return result.ok ? ok(asNamed(result.value)) : result;
    },

    async listScreenSchemes(queryString: string, page: PageRequest = {}): Promise<JiraResult<Page<NamedItem>>> {
      return listPage('listScreenSchemes', withQuery('/rest/api/3/screenscheme', listQuery(page, queryString)), page, numericItemSchema, asNamed);
    },

    async createScreenScheme(draft: NamedDraft & { readonly screens: ScreenTypes }): Promise<JiraResult<{ id: string }>> {
      const result = await client.send({
        operation: 'createScreenScheme',
        method: 'POST',
        path: '/rest/api/3/screenscheme',
        body: draft,
        response: z.looseObject({ id: z.number().int() }),
      });
      return result.ok ? ok({ id: String(result.value.id) }) : result;
    },

    async listIssueTypeScreenSchemes(queryString: string, page: PageRequest = {}): Promise<JiraResult<Page<NamedItem>>> {
      return listPage(
        'listIssueTypeScreenSchemes',
        withQuery('/rest/api/3/issuetypescreenscheme', listQuery(page, queryString)),
        page,
        namedItemSchema,
        asNamed,
      );
    },

    async createIssueTypeScreenScheme(
      draft: NamedDraft & { readonly issueTypeMappings: readonly { readonly issueTypeId: string; readonly screenSchemeId: string }[] },
    ): Promise<JiraResult<{ id: string }>> {
      const result = await client.send({
        operation: 'createIssueTypeScreenScheme',
        method: 'POST',
        path: '/rest/api/3/issuetypescreenscheme',
        body: draft,
        response: z.looseObject({ id: z.string() }),
      });
      return result.ok ? ok({ id: result.value.id }) : result;
    },

    getIssueTypeScreenSchemesOfProjects(projectIds: readonly string[], page: PageRequest = {}): Promise<JiraResult<Page<ProjectSchemes>>> {
      return listPage(
        'getIssueTypeScreenSchemesOfProjects',
        withQuery('/rest/api/3/issuetypescreenscheme/project', { projectId: projectIds, ...pageQuery(page) }),
        page,
        z.looseObject({ issueTypeScreenScheme: namedItemSchema, projectIds: z.array(z.string()) }),
        (value): ProjectSchemes => ({ scheme: asNamed(value.issueTypeScreenScheme), projectIds: value.projectIds }),
      );
    },

    assignIssueTypeScreenScheme({ projectId, schemeId }: SchemeAssignment): Promise<JiraResult<undefined>> {
      return assign('assignIssueTypeScreenScheme', '/rest/api/3/issuetypescreenscheme/project', { projectId, issueTypeScreenSchemeId: schemeId });
    },

    async listIssueTypeSchemes(queryString: string, page: PageRequest = {}): Promise<JiraResult<Page<NamedItem>>> {
      return listPage('listIssueTypeSchemes', withQuery('/rest/api/3/issuetypescheme', listQuery(page, queryString)), page, namedItemSchema, asNamed);
    },

    async createIssueTypeScheme(
      draft: NamedDraft & { readonly issueTypeIds: readonly string[]; readonly defaultIssueTypeId?: string },
    ): Promise<JiraResult<{ id: string }>> {
      const result = await client.send({
        operation: 'createIssueTypeScheme',
        method: 'POST',
        path: '/rest/api/3/issuetypescheme',
        body: draft,
        response: z.looseObject({ issueTypeSchemeId: z.string() }),
      });
      return result.ok ? ok({ id: result.value.issueTypeSchemeId }) : result;
    },

    getIssueTypeSchemesOfProjects(projectIds: readonly string[], page: PageRequest = {}): Promise<JiraResult<Page<ProjectSchemes>>> {
      return listPage(
        'getIssueTypeSchemesOfProjects',
        withQuery('/rest/api/3/issuetypescheme/project', { projectId: projectIds, ...pageQuery(page) }),
        page,
        z.looseObject({ issueTypeScheme: namedItemSchema, projectIds: z.array(z.string()) }),
        (value): ProjectSchemes => ({ scheme: asNamed(value.issueTypeScheme), projectIds: value.projectIds }),
      );
    },

    /** Fails when the project has issues of types the scheme leaves out. */
    assignIssueTypeScheme({ projectId, schemeId }: SchemeAssignment): Promise<JiraResult<undefined>> {
      return assign('assignIssueTypeScheme', '/rest/api/3/issuetypescheme/project', { projectId, issueTypeSchemeId: schemeId });
    },
  };
};
