import { z } from 'zod';
import { cachedInKvs } from '../../adapters/forge/kvs-cache';
import { kvsKeyPart } from '../../adapters/forge/kvs-keys';
import type { JiraGateways } from '../../adapters/jira/jira-gateway-factory';
import type { AccessDirectory, CallerPermissions } from '../../app/access/access-ports';
import type { Remote } from '../../app/projection/projection-ports';
import { ok } from '../../domain/shared/result';
import { groupDirectory } from './jira-ports';
import { GROUPS_TTL_SECONDS } from './rule-deps';

/**
 * What Jira says about the caller, cached in the installation's KVS for a minute: a person opening page after page
 * costs Jira one groups look-up and one permission check a minute, and a change of group or permission takes effect
 * within that minute. Groups are read as the app (a person may lack *Browse users and groups*); permissions are
 * asked as the caller, so Jira answers for exactly that person.
 */
const ROLE_TTL_SECONDS = GROUPS_TTL_SECONDS;
/** A project's id never changes for its key's lifetime; an hour bounds the effect of a key being reused. */
const PROJECT_ID_TTL_SECONDS = 3600;

const groupsSchema = z.array(z.string());
const permissionsSchema = z.object({ jiraAdmin: z.boolean(), browseProject: z.boolean() });
const projectIdSchema = z.object({ id: z.number().int().nullable() });

export const accessDirectory = (gateways: JiraGateways): AccessDirectory => {
  /** The project's numeric id, or null when the project does not exist. */
  const projectIdOf = (projectKey: string): Promise<Remote<{ id: number | null }>> =>
    cachedInKvs(`cache:project-id:${kvsKeyPart(projectKey)}`, projectIdSchema, PROJECT_ID_TTL_SECONDS, async () => {
      const project = await gateways.asApp.getProject(projectKey);
      if (project.ok) return ok({ id: Number(project.value.id) });
      return project.error.code === 'JIRA.NOT_FOUND' ? ok({ id: null }) : project;
    });

  return {
    groupsOf: (accountId) =>
      cachedInKvs(`cache:groups:${kvsKeyPart(accountId)}`, groupsSchema, ROLE_TTL_SECONDS, () => groupDirectory(gateways.asApp).groupsOf(accountId)),

    permissionsOf: (accountId, projectKey) =>
      cachedInKvs(
        `cache:permissions:${kvsKeyPart(accountId)}:${projectKey === null ? '-' : kvsKeyPart(projectKey)}`,
        permissionsSchema,
        ROLE_TTL_SECONDS,
        async (): Promise<Remote<CallerPermissions>> => {
          const project = projectKey === null ? ok({ id: null }) : await projectIdOf(projectKey);
          if (!project.ok) return project;
          const { id } = project.value;
          const granted = await gateways.asUser.checkPermissions({
            globalPermissions: ['ADMINISTER'],
            projectPermissions: id === null ? [] : [{ permissions: ['BROWSE_PROJECTS'], projects: [id] }],
          });
          if (!granted.ok) return granted;
          return ok({
            jiraAdmin: granted.value.globalPermissions.includes('ADMINISTER'),
            browseProject: id !== null && granted.value.projectPermissions.some((grant) => grant.permission === 'BROWSE_PROJECTS' && grant.projects.includes(id)),
          });
        },
      ),
  };
};
