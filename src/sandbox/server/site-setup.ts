import { adminAuditorsGrantResponseSchema } from '../../contract/auditors';
import { envelopeSchema } from '../../contract/envelope';
import { adminSetupRunResponseSchema, setupSucceeded } from '../../contract/setup';
import { findProject } from '../jira/jira-state';
import type { Person } from '../seed/cast';
import type { ResolverCall } from '../seed/quarterly-reviews';
import type { DeployedApp } from './app-deployment';
import { adminPageExtension, forgeContextOf, projectPageExtension, type SiteFacts } from './frame-context';
import type { FrameRegistry, UiPage } from './frames';
import type { ManifestUiModule } from './manifest-modules';
import type { SandboxWorld } from './sandbox-world';

/**
 * What people do on the app's pages while the sandbox sets itself up, done the way they would do it: calls of the
 * page's own resolver from a frame opened for them ("Set up project" on the admin page as the administrator, the
 * quarterly review on the register page as a security lead, an auditor's time-bound, read-only access granted on the
 * admin page).
 */

export type SiteDeps = { readonly world: SandboxWorld; readonly app: DeployedApp; readonly frames: FrameRegistry; readonly site: SiteFacts };

export class SiteSetupFailedError extends Error {
  override readonly name = 'SiteSetupFailedError';
}

const PAGES: Readonly<Record<ManifestUiModule['type'], UiPage>> = {
  'jira:projectPage': 'register',
  'jira:issuePanel': 'issue-panel',
  'jira:adminPage': 'admin',
};

/** Resolver calls from a page of the app, as `person` would make them by using it. */
export const callsFromPage = (deps: SiteDeps, person: Person, type: 'jira:projectPage' | 'jira:adminPage'): ResolverCall => {
  const { world } = deps;
  const module = world.manifest.uiModules.find((candidate) => candidate.type === type);
  if (module === undefined) throw new SiteSetupFailedError(`manifest.yml declares no ${type}, whose page the sandbox would use here`);
  const project = findProject(world.jira.state, world.projectKey);
  if (project === undefined) throw new SiteSetupFailedError(`the site has no project ${world.projectKey}`);
  const frame = deps.frames.open({
    page: PAGES[type],
    accountId: person.accountId,
    moduleKey: module.key,
    colorMode: 'light',
    extension: type === 'jira:adminPage' ? adminPageExtension() : projectPageExtension({ id: project.id, key: project.key }),
    location: { pathname: '/', search: '' },
    returnTo: '/',
  });
  return (functionKey, payload) => deps.app.invoke(frame, forgeContextOf(frame, deps.site), functionKey, payload);
};

export const setUpProjectAsAdmin = async (deps: SiteDeps, admin: Person): Promise<void> => {
  const { projectKey } = deps.world;
  const answer = envelopeSchema(adminSetupRunResponseSchema).parse(await callsFromPage(deps, admin, 'jira:adminPage')('admin/setup/run', { projectKey }));
  if (!answer.ok) throw new SiteSetupFailedError(`${admin.displayName} could not set up ${projectKey}: ${answer.error.message}`);
  if (!setupSucceeded(answer.data)) {
    const failed = answer.data.steps.filter((step) => step.outcome === 'failed').map((step) => `${step.name}: ${step.detail}`);
    throw new SiteSetupFailedError(`Set-up of ${projectKey} failed: ${failed.join('; ')}`);
  }
};

export const grantAuditorAccess = async (deps: SiteDeps, grant: { readonly auditor: Person; readonly by: Person; readonly days: number }): Promise<void> => {
  const until = new Date(deps.world.jira.clock.now().getTime() + grant.days * 86_400_000).toISOString();
  const answer = envelopeSchema(adminAuditorsGrantResponseSchema).parse(
    await callsFromPage(deps, grant.by, 'jira:adminPage')('admin/auditors/grant', { accountId: grant.auditor.accountId, until }),
  );
  if (!answer.ok) throw new SiteSetupFailedError(`${grant.by.displayName} could not grant ${grant.auditor.displayName} auditor access: ${answer.error.message}`);
};
