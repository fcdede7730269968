import { z } from 'zod';
import { ok } from '../../domain/shared/result';
import type { JiraClient } from './jira-client';
import type { JiraResult } from './jira-errors';
import { DEFAULT_PAGE_SIZE, pageSchema, toPage, type Page, type PageRequest } from './jira-page';
import { jiraPath, withQuery } from './jira-path';

export type JiraGroup = { readonly groupId: string | null; readonly name: string };
export type GroupMember = { readonly accountId: string; readonly displayName: string | undefined; readonly active: boolean };

export type ProjectPermissionQuery = {
  readonly permissions: readonly string[];
  readonly projects?: readonly number[];
  readonly issues?: readonly number[];
};
export type PermissionCheck = {
  /** Whose permissions; left out, the caller's own. Asking about someone else needs Administer Jira. */
  readonly accountId?: string;
  readonly globalPermissions?: readonly string[];
  readonly projectPermissions?: readonly ProjectPermissionQuery[];
};
export type PermissionGrants = {
  readonly globalPermissions: readonly string[];
  readonly projectPermissions: readonly {
    readonly permission: string;
    readonly projects: readonly number[];
    readonly issues: readonly number[];
  }[];
};

/** Workflow schemes, screen schemes and issue type schemes can be assigned only to company-managed projects. */
export type JiraProject = {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly management: 'company-managed' | 'team-managed';
};

export const accessOperations = (client: JiraClient) => ({
  /** The groups an account belongs to: how approvers' entitlement to a level is checked. */
  async getUserGroups(accountId: string): Promise<JiraResult<JiraGroup[]>> {
    const result = await client.send({
      operation: 'getUserGroups',
      method: 'GET',
      path: withQuery('/rest/api/3/user/groups', { accountId }),
      response: z.array(z.looseObject({ name: z.string(), groupId: z.string().nullish() })),
    });
    return result.ok ? ok(result.value.map((group) => ({ groupId: group.groupId ?? null, name: group.name }))) : result;
  },

  async listGroupMembers(groupId: string, page: PageRequest = {}): Promise<JiraResult<Page<GroupMember>>> {
    const pageSize = page.pageSize ?? DEFAULT_PAGE_SIZE;
    const result = await client.send({
      operation: 'listGroupMembers',
      method: 'GET',
      path: withQuery('/rest/api/3/group/member', { groupId, startAt: page.startAt ?? 0, maxResults: pageSize }),
      response: pageSchema(z.looseObject({ accountId: z.string(), displayName: z.string().optional(), active: z.boolean().default(true) })),
    });
    return result.ok ? ok(toPage(result.value, pageSize, ({ accountId, displayName, active }) => ({ accountId, displayName, active }))) : result;
  },

  /** Global and project/issue permissions of the caller, or of another account when `accountId` is given. */
  async checkPermissions(check: PermissionCheck): Promise<JiraResult<PermissionGrants>> {
    const result = await client.send({
      operation: 'checkPermissions',
      method: 'POST',
      path: '/rest/api/3/permissions/check',
      body: check,
      idempotent: true,
      response: z.looseObject({
        globalPermissions: z.array(z.string()).default([]),
        projectPermissions: z
          .array(
            z.looseObject({
              permission: z.string(),
              projects: z.array(z.number()).default([]),
              issues: z.array(z.number()).default([]),
            }),
          )
          .default([]),
      }),
    });
    return result.ok
      ? ok({
          globalPermissions: result.value.globalPermissions,
          projectPermissions: result.value.projectPermissions.map(({ permission, projects, issues }) => ({ permission, projects, issues })),
        })
      : result;
  },

  async getProject(projectIdOrKey: string): Promise<JiraResult<JiraProject>> {
    const result = await client.send({
      operation: 'getProject',
      method: 'GET',
      path: jiraPath`/rest/api/3/project/${projectIdOrKey}`,
      response: z.looseObject({
        id: z.string(),
        key: z.string(),
        name: z.string(),
        style: z.string().optional(),
        simplified: z.boolean().optional(),
      }),
    });
    if (!result.ok) return result;
    const { id, key, name, style, simplified } = result.value;
    const teamManaged = style === 'next-gen' || simplified === true;
    return ok({ id, key, name, management: teamManaged ? 'team-managed' : 'company-managed' });
  },
});
