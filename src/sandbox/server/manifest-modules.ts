import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * What the sandbox deploys from manifest.yml, as Forge would on `forge deploy`: the app's custom fields (Jira creates
 * them), its workflow rules (Jira lists them) and its UI modules (Jira renders them). Reading them from the manifest
 * rather than restating them keeps the sandbox from drifting away from what the app really declares.
 */

const FIELD_TYPES = ['string', 'number', 'user', 'group', 'date', 'datetime', 'object'] as const;

const keyed = z.looseObject({ key: z.string().min(1) });
/** Any module may name a resolver function (UI pages, custom field editors, workflow rule configuration). */
const withResolver = z.looseObject({ key: z.string().min(1), resolver: z.looseObject({ function: z.string().min(1) }) });

const APP_ARI = /^ari:cloud:ecosystem::app\/([0-9a-f-]{36})$/;

const manifestSchema = z.looseObject({
  app: z.looseObject({
    id: z.string().transform((id, ctx) => {
      const uuid = APP_ARI.exec(id)?.[1];
      if (uuid === undefined) ctx.addIssue({ code: 'custom', message: 'must be an app ARI such as ari:cloud:ecosystem::app/<uuid>' });
      return uuid ?? z.NEVER;
    }),
  }),
  modules: z.looseObject({
    'jira:customField': z
      .array(keyed.extend({ name: z.string().min(1), type: z.enum(FIELD_TYPES), readOnly: z.boolean().optional() }))
      .default([]),
    'jira:workflowValidator': z
      .array(keyed.extend({ name: z.string().min(1), function: z.string().min(1), errorMessage: z.string().optional() }))
      .default([]),
    'jira:workflowPostFunction': z.array(keyed.extend({ name: z.string().min(1), function: z.string().min(1) })).default([]),
    trigger: z
      .array(keyed.extend({ function: z.string().min(1), events: z.array(z.string()).min(1), filter: z.looseObject({ ignoreSelf: z.boolean().optional() }).optional() }))
      .default([]),
    scheduledTrigger: z.array(keyed.extend({ function: z.string().min(1), interval: z.enum(['fiveMinute', 'hour', 'day', 'week']) })).default([]),
    'jira:projectPage': z.array(keyed).default([]),
    'jira:issuePanel': z.array(keyed).default([]),
    'jira:adminPage': z.array(keyed).default([]),
    function: z.array(keyed.extend({ handler: z.string().regex(/^index\.[A-Za-z_$][\w$]*$/, 'must be index.<export>') })).default([]),
  }),
});

export type ManifestField = { readonly key: string; readonly name: string; readonly type: (typeof FIELD_TYPES)[number]; readonly readOnly: boolean };
/** A function module, with the export of src/index.ts its function's handler names (`index.<export>`). */
type Handled = { readonly key: string; readonly handler: string };
export type ManifestRule = Handled & { readonly name: string; readonly errorMessage?: string };
export type ManifestTrigger = Handled & { readonly events: readonly string[]; readonly ignoreSelf: boolean };
export type ManifestSchedule = Handled & { readonly interval: 'fiveMinute' | 'hour' | 'day' | 'week' };
export type ManifestUiModule = { readonly type: 'jira:projectPage' | 'jira:issuePanel' | 'jira:adminPage'; readonly key: string };

export type ManifestModules = {
  /** The app's id as extension ARIs carry it: the uuid of its app ARI. */
  readonly appId: string;
  readonly customFields: readonly ManifestField[];
  readonly workflowValidators: readonly ManifestRule[];
  readonly workflowPostFunctions: readonly ManifestRule[];
  readonly triggers: readonly ManifestTrigger[];
  readonly scheduledTriggers: readonly ManifestSchedule[];
  readonly uiModules: readonly ManifestUiModule[];
  /** The handler of each module's resolver function, by module key. */
  readonly resolvers: Readonly<Record<string, string>>;
};

export class ManifestReferenceError extends Error {
  override readonly name = 'ManifestReferenceError';
}

export const parseManifestModules = (yamlText: string): ManifestModules => {
  const manifest = manifestSchema.parse(parse(yamlText));
  const { modules } = manifest;
  const handlerOf = (functionKey: string): string => {
    const declared = modules.function.find((candidate) => candidate.key === functionKey);
    if (declared === undefined) throw new ManifestReferenceError(`manifest.yml names the function ${functionKey}, which it does not declare`);
    return declared.handler.slice('index.'.length);
  };
  const ui = (type: ManifestUiModule['type']): ManifestUiModule[] =>
    modules[type].map((module) => ({ type, key: module.key }));
  const resolvers = Object.values(modules as Record<string, unknown>)
    .flatMap((list) => (Array.isArray(list) ? (list as unknown[]) : []))
    .flatMap((module) => {
      const parsed = withResolver.safeParse(module);
      return parsed.success ? [[parsed.data.key, handlerOf(parsed.data.resolver.function)] as const] : [];
    });
  return {
    appId: manifest.app.id,
    customFields: modules['jira:customField'].map((field) => ({ key: field.key, name: field.name, type: field.type, readOnly: field.readOnly ?? false })),
    workflowValidators: modules['jira:workflowValidator'].map((rule) => ({
      key: rule.key,
      name: rule.name,
      handler: handlerOf(rule.function),
      ...(rule.errorMessage === undefined ? {} : { errorMessage: rule.errorMessage }),
    })),
    workflowPostFunctions: modules['jira:workflowPostFunction'].map((rule) => ({ key: rule.key, name: rule.name, handler: handlerOf(rule.function) })),
    triggers: modules.trigger.map((trigger) => ({
      key: trigger.key,
      handler: handlerOf(trigger.function),
      events: trigger.events,
      ignoreSelf: trigger.filter?.ignoreSelf ?? false,
    })),
    scheduledTriggers: modules.scheduledTrigger.map((schedule) => ({ key: schedule.key, handler: handlerOf(schedule.function), interval: schedule.interval })),
    uiModules: [...ui('jira:projectPage'), ...ui('jira:issuePanel'), ...ui('jira:adminPage')],
    resolvers: Object.fromEntries(resolvers),
  };
};

export const readManifestModules = (manifestPath: string): ManifestModules => parseManifestModules(readFileSync(manifestPath, 'utf8'));
