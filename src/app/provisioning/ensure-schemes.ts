import { SETUP_DESCRIPTIONS, SETUP_NAMES } from '../../domain/provisioning/setup-names';
import { ensureAssignedScheme, ensureNamedItem } from './ensure-assigned-scheme';
import type { ScreenIds } from './ensure-screens';
import { findByName } from './find-by-name';
import { JIRA_DEFAULTS, type RegisterIssueTypes } from './home-issue-type';
import type { GatewayResult, Page, PageRequest, ProjectSchemes, ProjectSummary, ProvisioningGateway } from './provisioning-gateway';
import type { StepResult } from './setup-steps';

/**
 * The schemes that bind the issue type, its workflow and its screens to the project. The issue type scheme
 * holds the Security Exception issue type and, when the site has one, the standard type of the register's
 * home issue (see home-issue-type.ts), which keeps Jira's own workflow and screens; nothing else can be
 * created in the project. Schemes are matched by name, so a scheme made before the home type existed keeps
 * its content and the home step says what to change.
 */

const schemeOf = (page: GatewayResult<Page<ProjectSchemes>>, projectId: string): GatewayResult<string | undefined> =>
  page.ok ? { ok: true, value: page.value.values.find((entry) => entry.projectIds.includes(projectId))?.scheme.name } : page;

export const ensureScreenScheme = (jira: ProvisioningGateway, screens: ScreenIds): Promise<StepResult<string>> => {
  const name = SETUP_NAMES.screenScheme;
  return ensureNamedItem({
    kind: 'screen scheme',
    name,
    find: () => findByName(name, (page) => jira.listScreenSchemes(name, page)),
    create: () =>
      jira.createScreenScheme({
        name,
        description: SETUP_DESCRIPTIONS.screenScheme,
        screens: { default: screens.edit, create: screens.create, edit: screens.edit, view: screens.view },
      }),
  });
};

/** The home type gets Jira's default screens when the site still has them; otherwise it shares the exception's. */
const homeScreenMapping = async (jira: ProvisioningGateway, types: RegisterIssueTypes) => {
  if (types.home === undefined) return { ok: true as const, value: [] };
  const homeTypeId = types.home.id;
  const found = await findByName(JIRA_DEFAULTS.screenScheme, (page) => jira.listScreenSchemes(JIRA_DEFAULTS.screenScheme, page));
  if (!found.ok) return found;
  return { ok: true as const, value: found.value === undefined ? [] : [{ issueTypeId: homeTypeId, screenSchemeId: found.value.id }] };
};

export const ensureIssueTypeScreenScheme = (
  jira: ProvisioningGateway,
  project: ProjectSummary,
  types: RegisterIssueTypes,
  screenSchemeId: string,
): Promise<StepResult<string>> => {
  const name = SETUP_NAMES.issueTypeScreenScheme;
  return ensureAssignedScheme({
    kind: 'issue type screen scheme',
    name,
    project,
    find: () => findByName(name, (page) => jira.listIssueTypeScreenSchemes(name, page)),
    create: async () => {
      const home = await homeScreenMapping(jira, types);
      if (!home.ok) return home;
      return jira.createIssueTypeScreenScheme({
        name,
        description: SETUP_DESCRIPTIONS.issueTypeScreenScheme,
        issueTypeMappings: [{ issueTypeId: 'default', screenSchemeId }, { issueTypeId: types.exception.id, screenSchemeId }, ...home.value],
      });
    },
    assigned: async () => schemeOf(await jira.getIssueTypeScreenSchemesOfProjects([project.id]), project.id),
    assign: (schemeId) => jira.assignIssueTypeScreenScheme({ projectId: project.id, schemeId }),
    refusedAssignment: 'Jira assigns screen schemes only to company-managed projects; check the project, then run set-up again.',
  });
};

/** Workflow schemes are listed without a name filter; Jira's default scheme has no id and can never be ours. */
const workflowSchemePage = async (jira: ProvisioningGateway, page: PageRequest) => {
  const listed = await jira.listWorkflowSchemes(page);
  if (!listed.ok) return listed;
  const values = listed.value.values.flatMap((scheme) => (scheme.id === undefined ? [] : [{ id: String(scheme.id), name: scheme.name }]));
  return { ok: true as const, value: { ...listed.value, values } };
};

const missingId = {
  ok: false,
  error: {
    code: 'JIRA.INVALID_RESPONSE',
    message: `Jira created the workflow scheme "${SETUP_NAMES.workflowScheme}" without saying its id; run set-up again, which will find it.`,
    operation: 'createWorkflowScheme POST /rest/api/3/workflowscheme',
    errorMessages: [],
  },
} as const;

export const ensureWorkflowScheme = (
  jira: ProvisioningGateway,
  project: ProjectSummary,
  types: RegisterIssueTypes,
  workflowName: string,
): Promise<StepResult<string>> => {
  const name = SETUP_NAMES.workflowScheme;
  return ensureAssignedScheme({
    kind: 'workflow scheme',
    name,
    project,
    find: () => findByName(name, (page) => workflowSchemePage(jira, page)),
    create: async () => {
      const created = await jira.createWorkflowScheme({
        name,
        description: SETUP_DESCRIPTIONS.workflowScheme,
        defaultWorkflow: workflowName,
        issueTypeMappings: {
          [types.exception.id]: workflowName,
          ...(types.home === undefined ? {} : { [types.home.id]: JIRA_DEFAULTS.workflow }),
        },
      });
      if (!created.ok) return created;
      const { id } = created.value;
      return id === undefined ? missingId : { ok: true, value: { id: String(id) } };
    },
    assigned: async () => {
      const schemes = await jira.getWorkflowSchemesOfProjects([project.id]);
      return schemes.ok ? { ok: true, value: schemes.value.find((entry) => entry.projectIds.includes(project.id))?.scheme.name } : schemes;
    },
    assign: (schemeId) => jira.assignWorkflowScheme({ projectId: project.id, schemeId }),
    refusedAssignment:
      'Jira assigns a workflow scheme only to a company-managed project that has no issues. If issues were created in the project ' +
      'since set-up began, move them to another project or set up a new, empty project, then run set-up again.',
  });
};

export const ensureIssueTypeScheme = (jira: ProvisioningGateway, project: ProjectSummary, types: RegisterIssueTypes): Promise<StepResult<string>> => {
  const issueTypeId = types.exception.id;
  const name = SETUP_NAMES.issueTypeScheme;
  return ensureAssignedScheme({
    kind: 'issue type scheme',
    name,
    project,
    find: () => findByName(name, (page) => jira.listIssueTypeSchemes(name, page)),
    create: () =>
      jira.createIssueTypeScheme({
        name,
        description: SETUP_DESCRIPTIONS.issueTypeScheme,
        issueTypeIds: types.home === undefined ? [issueTypeId] : [issueTypeId, types.home.id],
        defaultIssueTypeId: issueTypeId,
      }),
    assigned: async () => schemeOf(await jira.getIssueTypeSchemesOfProjects([project.id]), project.id),
    assign: (schemeId) => jira.assignIssueTypeScheme({ projectId: project.id, schemeId }),
    refusedAssignment:
      'Jira refuses it while the project has issues of types the scheme leaves out (it holds Security Exception and the home issue’s type). Move those ' +
      'issues to another project or set up a new, empty project, then run set-up again.',
  });
};
