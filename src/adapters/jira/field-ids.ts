import { z } from 'zod';
import { ok } from '../../domain/shared/result';
import type { JiraClient } from './jira-client';
import { describeFailure, jiraFailure, type JiraErrorCode, type JiraResult } from './jira-errors';

/**
 * The app's Forge custom fields get site-specific ids (`customfield_10042`) on deploy. The app names them
 * by logical name and module key; the ids are looked up once from `GET /rest/api/3/field`.
 */
export type FieldIds<N extends string> = Readonly<Record<N, string>>;

/** The ids of the fields a site has among those asked for: a field it lacks is neither read nor written. */
export type SiteFieldIds<N extends string> = Readonly<Partial<Record<N, string>>>;

export const fieldDetailsSchema = z.looseObject({
  id: z.string(),
  key: z.string().optional(),
  name: z.string(),
  schema: z.looseObject({ custom: z.string().optional() }).optional(),
});
export type FieldDetails = z.infer<typeof fieldDetailsSchema>;

/**
 * A Forge field's key ends in `__<moduleKey>` (`{appId}__{environment}__{moduleKey}`) and its type ARI in
 * `/static/<moduleKey>`; either identifies it.
 */
const isFieldOfModule = (field: FieldDetails, moduleKey: string): boolean =>
  (field.key?.endsWith(`__${moduleKey}`) ?? false) || (field.schema?.custom?.endsWith(`/static/${moduleKey}`) ?? false);

export type FieldIdLookup<N extends string, O extends string = never> =
  | { readonly ok: true; readonly value: FieldIds<N> & SiteFieldIds<O> }
  | { readonly ok: false; readonly missing: readonly string[]; readonly ambiguous: readonly string[] };

/**
 * Matches each logical name's module key to exactly one field. A required field the site lacks is missing; an
 * optional one is left out, so code that reads it still runs on a site deployed without it.
 */
export const matchFieldIds = <N extends string, O extends string = never>(
  fields: readonly FieldDetails[],
  moduleKeys: Readonly<Record<N, string>>,
  optionalModuleKeys?: Readonly<Record<O, string>>,
): FieldIdLookup<N, O> => {
  const ids: Partial<Record<N | O, string>> = {};
  const missing: string[] = [];
  const ambiguous: string[] = [];
  const match = (name: N | O, moduleKey: string, required: boolean): void => {
    const candidates = fields.filter((field) => isFieldOfModule(field, moduleKey));
    if (candidates.length === 0 && required) missing.push(moduleKey);
    else if (candidates.length > 1) ambiguous.push(`${moduleKey} (${candidates.map((field) => field.id).join(', ')})`);
    else if (candidates[0] !== undefined) ids[name] = candidates[0].id;
  };
  for (const [name, moduleKey] of Object.entries(moduleKeys) as [N, string][]) match(name, moduleKey, true);
  for (const [name, moduleKey] of Object.entries(optionalModuleKeys ?? {}) as [O, string][]) match(name, moduleKey, false);
  return missing.length === 0 && ambiguous.length === 0
    ? { ok: true, value: ids as FieldIds<N> & SiteFieldIds<O> }
    : { ok: false, missing, ambiguous };
};

const OPERATION = 'resolveFieldIds GET /rest/api/3/field';

const lookupFailure = (code: JiraErrorCode, problem: string): JiraResult<never> => {
  const detail = { attempts: 1, errorMessages: [problem], errors: {} };
  return jiraFailure({ code, message: describeFailure(code, OPERATION, detail), operation: OPERATION, ...detail });
};

export const fieldOperations = (client: JiraClient) => ({
  /**
   * Resolves the site's field ids for the app's custom fields, given each logical name's Forge module key; the
   * optional ones are in the answer only when the site has them.
   */
  async resolveFieldIds<N extends string, O extends string = never>(
    moduleKeys: Readonly<Record<N, string>>,
    optionalModuleKeys?: Readonly<Record<O, string>>,
  ): Promise<JiraResult<FieldIds<N> & SiteFieldIds<O>>> {
    const fields = await client.send({
      operation: 'resolveFieldIds',
      method: 'GET',
      path: '/rest/api/3/field',
      response: z.array(fieldDetailsSchema),
    });
    if (!fields.ok) return fields;
    const lookup = matchFieldIds(fields.value, moduleKeys, optionalModuleKeys);
    if (lookup.ok) return ok(lookup.value);
    if (lookup.missing.length > 0) {
      return lookupFailure(
        'JIRA.NOT_FOUND',
        `the app's custom fields ${lookup.missing.join(', ')} are not in this Jira site; the app may need to be deployed or installed again`,
      );
    }
    return lookupFailure('JIRA.CONFLICT', `more than one field matches ${lookup.ambiguous.join('; ')}`);
  },
});
