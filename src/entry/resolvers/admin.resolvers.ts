import { INTEGRATIONS, listIntegrations, saveIntegration, type IntegrationView } from '../../app/admin/integrations-admin';
import { currentPolicy, savePolicy, validatePolicy } from '../../app/admin/policy-admin';
import { runProjectSetup } from '../../app/admin/project-setup';
import type { SetupRun } from '../../app/admin/admin-ports';
import { COMPUTED_FIELD_MODULE_KEYS, EXCEPTION_FIELD_MODULE_KEYS } from '../../app/projection/exception-issue';
import {
  failure,
  policyDocumentSchema,
  success,
  type PolicyEnvelope,
  type IntegrationSettings,
  type SetupReport,
} from '../../contract';
import { RECORDER_MODULE_KEY, VALIDATOR_MODULE_KEYS } from '../composition/module-keys';
import type { ResolverServices } from '../composition/resolver-services';
import { noProject, person, type CallScope, type KeyDefinitions } from './resolver-kit';

/** The admin page: the approval policy, project set-up and integrations. */

/** The manifest's exception fields: people edit the request's fields; the app alone writes the computed ones. */
export const FIELD_MODULE_KEYS = {
  editable: Object.values(EXCEPTION_FIELD_MODULE_KEYS),
  readOnly: Object.values(COMPUTED_FIELD_MODULE_KEYS),
};

const getPolicy = async (services: ResolverServices) => {
  const stored = await currentPolicy(services.policyStore);
  const document = policyDocumentSchema.safeParse(stored.document);
  if (!document.success) {
    return failure(
      'POLICY.UNREADABLE',
      `The stored policy (revision ${stored.revision}) is not in a shape this page can edit. Restore a saved revision or ask the app's support to repair it.`,
    );
  }
  return success({
    policy: document.data,
    revision: stored.revision,
    updatedAt: stored.updatedAt,
    updatedBy: stored.updatedBy === null ? null : person(stored.updatedBy),
  } satisfies PolicyEnvelope);
};

const validate = async (request: { readonly policy: unknown }, { services }: CallScope) => {
  const checked = await validatePolicy({ store: services.policyStore, statistics: services.statistics() }, request.policy);
  if (!checked.valid) {
    return success({ valid: false as const, fieldErrors: checked.problems.map(({ path, message }) => ({ path, message })), preview: null });
  }
  const { preview } = checked;
  return success({
    valid: true as const,
    fieldErrors: [],
    preview: {
      tiers: preview.tiers.map((tier) => ({ ...tier, approvers: [...tier.approvers], reminderDays: [...tier.reminderDays] })),
      limits: preview.limits,
      changes: [...preview.changes],
    },
  });
};

const save = async (request: { readonly policy: unknown; readonly expectedRevision: number }, { services, caller }: CallScope) => {
  const saved = await savePolicy(
    { store: services.policyStore, statistics: services.statistics(), audit: await services.audit(), now: services.nowIso },
    { candidate: request.policy, expectedRevision: request.expectedRevision, by: caller.accountId },
  );
  if (saved.ok) return success(saved.value);
  const fieldErrors = saved.problems?.map(({ path, message }) => ({ path, message }));
  return failure(saved.error.code, saved.error.message, fieldErrors !== undefined && fieldErrors.length > 0 ? fieldErrors : undefined);
};

const setupReportOf = (run: SetupRun): SetupReport => ({
  projectKey: run.projectKey,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
  by: person(run.by),
  steps: run.steps.map((step) => ({ ...step })),
});

const integrationOf = (view: IntegrationView): IntegrationSettings => ({ ...view });

export const adminResolvers = {
  'admin/policy/get': {
    capability: 'read-policy',
    projectOf: noProject,
    worksWithoutPolicy: true,
    run: (_request, { services }) => getPolicy(services),
    runWithoutPolicy: (_request, { services }) => getPolicy(services),
  },
  'admin/policy/validate': {
    capability: 'edit-policy',
    projectOf: noProject,
    worksWithoutPolicy: true,
    run: validate,
    runWithoutPolicy: validate,
  },
  'admin/policy/save': {
    capability: 'edit-policy',
    projectOf: noProject,
    worksWithoutPolicy: true,
    run: save,
    runWithoutPolicy: save,
  },
  'admin/setup/run': {
    capability: 'run-setup',
    projectOf: noProject,
    async run(request, { services, policy, caller }) {
      const run = await runProjectSetup(
        {
          jira: services.gateways.asUser,
          runs: services.setupRuns,
          registerHome: services.registerHome,
          audit: await services.audit(),
          policy,
          now: services.nowIso,
          app: services.appIds(),
          validatorModuleKeys: VALIDATOR_MODULE_KEYS,
          recorderModuleKey: RECORDER_MODULE_KEY,
          fieldModuleKeys: FIELD_MODULE_KEYS,
        },
        { projectKey: request.projectKey, by: caller.accountId },
      );
      return success(setupReportOf(run));
    },
  },
  'admin/setup/status': {
    capability: 'read-setup',
    projectOf: noProject,
    async run(request, { services }) {
      const last = await services.setupRuns.last(request.projectKey);
      return success({ projectKey: request.projectKey, lastRun: last === null ? null : setupReportOf(last) });
    },
  },
  'admin/integrations/get': {
    capability: 'read-integrations',
    projectOf: noProject,
    async run(_request, { services }) {
      const views = await listIntegrations({ settings: services.integrations, urls: services.webTriggerUrls });
      return success({ integrations: views.map(integrationOf) });
    },
  },
  'admin/integrations/save': {
    capability: 'edit-integrations',
    projectOf: noProject,
    async run(request, { services, caller }) {
      const known = INTEGRATIONS.find((integration) => integration.id === request.id);
      if (known === undefined) return failure('NOT_FOUND', `There is no integration "${request.id}".`);
      const saved = await saveIntegration(
        {
          settings: services.integrations,
          urls: services.webTriggerUrls,
          audit: await services.audit(),
          now: services.nowIso,
          newSecret: services.newSecret,
        },
        { id: known.id, enabled: request.enabled, rotateSecret: request.rotateSecret, by: caller.accountId },
      );
      return success({ integration: integrationOf(saved.integration), newSecret: saved.newSecret });
    },
  },
} satisfies Pick<
  KeyDefinitions,
  | 'admin/policy/get'
  | 'admin/policy/validate'
  | 'admin/policy/save'
  | 'admin/setup/run'
  | 'admin/setup/status'
  | 'admin/integrations/get'
  | 'admin/integrations/save'
>;
