import { z } from 'zod';
import { ok } from '../../domain/shared/result';
import type { JiraClient } from './jira-client';
import { describeFailure, jiraFailure, type JiraErrorCode, type JiraResult } from './jira-errors';

/**
 * The app's Forge custom fields get site-specific ids (`customfield_10042`) on deploy. The app names them
 * by logical name and module key; the ids are looked up once from `GET /rest/api/3/field`.
 */
export type FieldIds<N extends string> = Readonly<Record<N, string>>;

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

export type FieldIdLookup<N extends string> =
  | { readonly ok: true; readonly value: FieldIds<N> }
  | { readonly ok: false; readonly missing: readonly string[]; readonly ambiguous: readonly string[] };

/** Matches each logical name's module key to exactly one field. */
export const matchFieldIds = <N extends string>(
  fields: readonly FieldDetails[],
  moduleKeys: Readonly<Record<N, string>>,
): FieldIdLookup<N> => {
  const ids: Partial<Record<N, string>> = {};
  const missing: string[] = [];
  const ambiguous: string[] = [];
  for (const name of Object.keys(moduleKeys) as N[]) {
    const moduleKey = moduleKeys[name];
    const candidates = fields.filter((field) => isFieldOfModule(field, moduleKey));
    if (candidates.length === 0) missing.push(moduleKey);
    else if (candidates.length > 1) ambiguous.push(`${moduleKey} (${candidates.map((field) => field.id).join(', ')})`);
    else ids[name] = candidates[0]?.id;
  }
  return missing.length === 0 && ambiguous.length === 0 ? { ok: true, value: ids as FieldIds<N> } : { ok: false, missing, ambiguous };
};

const OPERATION = 'resolveFieldIds GET /rest/api/3/field';

const lookupFailure = (code: JiraErrorCode, problem: string): JiraResult<never> => {
  const detail = { attempts: 1, errorMessages: [problem], errors: {} };
  return jiraFailure({ code, message: describeFailure(code, OPERATION, detail), operation: OPERATION, ...detail });
};

export const fieldOperations = (client: JiraClient) => ({
  /** Resolves the site's field ids for the app's custom fields, given each logical name's Forge module key. */
  async resolveFieldIds<N extends string>(moduleKeys: Readonly<Record<N, string>>): Promise<JiraResult<FieldIds<N>>> {
    const fields = await client.send({
      operation: 'resolveFieldIds',
      method: 'GET',
      path: '/rest/api/3/field',
      response: z.array(fieldDetailsSchema),
    });
    if (!fields.ok) return fields;
    const lookup = matchFieldIds(fields.value, moduleKeys);
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
