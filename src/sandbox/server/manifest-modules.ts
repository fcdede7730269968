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
      .array(keyed.extend({ name: z.string().min(1), function: z.string().optional(), errorMessage: z.string().optional() }))
      .default([]),
    'jira:workflowPostFunction': z.array(keyed.extend({ name: z.string().min(1), function: z.string().optional() })).default([]),
    'jira:projectPage': z.array(keyed.extend({ resource: z.string().optional() })).default([]),
    'jira:issuePanel': z.array(keyed.extend({ resource: z.string().optional() })).default([]),
    'jira:adminPage': z.array(keyed.extend({ resource: z.string().optional() })).default([]),
  }),
  resources: z.array(z.object({ key: z.string().min(1), path: z.string().min(1) })).default([]),
});

export type ManifestField = { readonly key: string; readonly name: string; readonly type: (typeof FIELD_TYPES)[number]; readonly readOnly: boolean };
export type ManifestRule = { readonly key: string; readonly name: string; readonly errorMessage?: string };
export type ManifestUiModule = {
  readonly type: 'jira:projectPage' | 'jira:issuePanel' | 'jira:adminPage';
  readonly key: string;
  /** The resource's path, e.g. `static/build/register`. */
  readonly resourcePath: string | undefined;
};

export type ManifestModules = {
  /** The app's id as extension ARIs carry it: the uuid of its app ARI. */
  readonly appId: string;
  readonly customFields: readonly ManifestField[];
  readonly workflowValidators: readonly ManifestRule[];
  readonly workflowPostFunctions: readonly ManifestRule[];
  readonly uiModules: readonly ManifestUiModule[];
};

export const parseManifestModules = (yamlText: string): ManifestModules => {
  const manifest = manifestSchema.parse(parse(yamlText));
  const { modules } = manifest;
  const resourcePath = (resource: string | undefined): string | undefined =>
    resource === undefined ? undefined : manifest.resources.find((candidate) => candidate.key === resource)?.path;
  const ui = (type: ManifestUiModule['type']): ManifestUiModule[] =>
    modules[type].map((module) => ({ type, key: module.key, resourcePath: resourcePath(module.resource) }));
  return {
    appId: manifest.app.id,
    customFields: modules['jira:customField'].map((field) => ({ key: field.key, name: field.name, type: field.type, readOnly: field.readOnly ?? false })),
    workflowValidators: modules['jira:workflowValidator'].map((rule) => ({
      key: rule.key,
      name: rule.name,
      ...(rule.errorMessage === undefined ? {} : { errorMessage: rule.errorMessage }),
    })),
    workflowPostFunctions: modules['jira:workflowPostFunction'].map((rule) => ({ key: rule.key, name: rule.name })),
    uiModules: [...ui('jira:projectPage'), ...ui('jira:issuePanel'), ...ui('jira:adminPage')],
  };
};

export const readManifestModules = (manifestPath: string): ManifestModules => parseManifestModules(readFileSync(manifestPath, 'utf8'));
