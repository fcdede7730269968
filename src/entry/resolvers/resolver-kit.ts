import { z } from 'zod';
import { authorize, mayUse, type Capability } from '../../app/access/access-rules';
import type { Caller } from '../../app/access/caller-roles';
import { recordAuditorAccess } from '../../app/access/record-auditor-access';
import { resolveCaller } from '../../app/access/resolve-caller';
import { isStorageError } from '../../app/ports/storage-error';
import {
  CONTRACT,
  ERROR_CODES,
  failure,
  invalidRequest,
  type Envelope,
  type ParsedRequestOf,
  type Person,
  type ResolverKey,
  type ResponseOf,
} from '../../contract';
import type { Policy } from '../../domain/policy/policy-config';
import type { ResolverServices } from '../composition/resolver-services';
import { logLine } from '../log-line';
import { fillDisplayNames } from './person-names';

/**
 * How every resolver key runs: parse the payload with the contract -> work out who the caller is from the
 * platform's account id (never from the payload) -> record an auditor's call in the audit chain -> authorize ->
 * run the use case -> check the answer against the contract -> name the people it mentions. Nothing thrown
 * crosses the bridge: failures become envelopes with a stable code and a message for the person, and internals
 * stay in the logs.
 */

/** What the invocation says about where the UI runs. It selects (a project, an issue); it never authorizes. */
export type InvocationContext = {
  readonly accountId: string | null;
  readonly projectKey: string | null;
  readonly issueKey: string | null;
};

const contextSchema = z.looseObject({
  accountId: z.string().min(1).optional(),
  extension: z
    .looseObject({
      project: z.looseObject({ key: z.string().regex(/^[A-Z][A-Z0-9_]{0,254}$/).optional() }).nullish(),
      issue: z.looseObject({ key: z.string().regex(/^[A-Z][A-Z0-9_]+-[1-9]\d*$/).optional() }).nullish(),
    })
    .nullish(),
});

export const invocationContextOf = (raw: unknown): InvocationContext => {
  const parsed = contextSchema.safeParse(raw);
  if (!parsed.success) return { accountId: null, projectKey: null, issueKey: null };
  return {
    accountId: parsed.data.accountId ?? null,
    projectKey: parsed.data.extension?.project?.key ?? null,
    issueKey: parsed.data.extension?.issue?.key ?? null,
  };
};

export type CallScope = {
  readonly caller: Caller;
  readonly services: ResolverServices;
  readonly context: InvocationContext;
  /** Null only for keys that declare they work without a usable policy. */
  readonly policy: Policy | null;
};

/** The project a call is about: a key, none (`null`), or `missing` when the key needs one the context did not give. */
export type ProjectChoice = string | null | { readonly missing: string };

export type KeyDefinition<K extends ResolverKey> = {
  readonly capability: Capability | 'signed-in';
  readonly projectOf: (request: ParsedRequestOf<K>, context: InvocationContext) => ProjectChoice;
  /** The issue a call is about, for the auditor's access record. */
  readonly issueOf?: (request: ParsedRequestOf<K>) => string;
  /** Keys that must work while the stored policy is unusable, so that an administrator can repair it. */
  readonly worksWithoutPolicy?: boolean;
  readonly run: (request: ParsedRequestOf<K>, scope: CallScope & { readonly policy: Policy }) => Promise<Envelope<ResponseOf<K>>>;
  readonly runWithoutPolicy?: (request: ParsedRequestOf<K>, scope: CallScope) => Promise<Envelope<ResponseOf<K>>>;
};

export type KeyDefinitions = { readonly [K in ResolverKey]: KeyDefinition<K> };

export const person = (accountId: string): Person => ({ accountId, displayName: null });

/** The project of the page the UI runs in. */
export const pageProject = (_request: unknown, context: InvocationContext): ProjectChoice =>
  context.projectKey ?? { missing: 'Open this from a project: the register belongs to the project whose page shows it.' };

/** The project an issue key belongs to; the issue itself is then read with the caller's own permissions. */
export const projectOfIssue = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));

export const noProject = (): ProjectChoice => null;

const unavailable = (message: string) => failure('STORAGE.UNAVAILABLE', message);

const checkedAnswer = <K extends ResolverKey>(key: K, answer: Envelope<ResponseOf<K>>): Envelope<ResponseOf<K>> => {
  if (!answer.ok) return answer;
  const parsed = CONTRACT[key].response.safeParse(answer.data);
  if (parsed.success) return answer;
  logLine('error', 'ui-resolver', 'an answer broke the contract', { key, problems: parsed.error.issues.length, firstPath: parsed.error.issues[0]?.path.join('.') });
  return failure(ERROR_CODES.internal, 'The register could not put together a valid answer. Try again; if it keeps failing, tell your Jira administrator.');
};

/** A valid answer with its people named; filling a name in keeps the answer within the contract. */
const namedAnswer = async <K extends ResolverKey>(key: K, answer: Envelope<ResponseOf<K>>, services: ResolverServices): Promise<Envelope<ResponseOf<K>>> => {
  const checked = checkedAnswer(key, answer);
  return checked.ok ? { ...checked, data: await fillDisplayNames(key, checked.data, services.displayNames) } : checked;
};

export const runKey = async <K extends ResolverKey>(
  key: K,
  definition: KeyDefinition<K>,
  services: ResolverServices,
  payload: unknown,
  rawContext: unknown,
): Promise<Envelope<ResponseOf<K>>> => {
  const context = invocationContextOf(rawContext);
  if (context.accountId === null) {
    return failure(ERROR_CODES.forbidden, 'Sign in to Jira to use the exception register: it does not answer anonymous requests.');
  }
  const parsed = CONTRACT[key].request.safeParse(payload);
  if (!parsed.success) return invalidRequest(parsed.error);
  const request = parsed.data as ParsedRequestOf<K>;
  try {
    const loaded = await services.policy();
    if (!loaded.ok && definition.worksWithoutPolicy !== true) {
      return failure(
        'POLICY.INVALID',
        `The register does nothing until its policy configuration is fixed: ${loaded.error.message} A Jira administrator can correct it on the app's settings page.`,
      );
    }
    const policy = loaded.ok ? loaded.value : null;
    const project = definition.projectOf(request, context);
    if (project !== null && typeof project === 'object') return failure('CONTEXT.NO_PROJECT', project.missing);
    const resolved = await resolveCaller(
      { directory: services.directory, auditors: services.auditors, policy, now: services.now },
      { accountId: context.accountId, projectKey: project },
    );
    if (!resolved.ok) return failure(resolved.error.code, resolved.error.message);
    const caller = resolved.value;
    const { capability } = definition;
    const allowed = capability === 'signed-in' || mayUse(capability, caller.roles);
    await recordAuditorAccess(services.audit, caller, {
      key,
      issueKey: definition.issueOf?.(request) ?? context.issueKey,
      allowed,
      at: services.nowIso(),
    });
    if (capability !== 'signed-in') {
      const refused = authorize(capability, caller, policy);
      if (!refused.ok) return failure(refused.error.code, refused.error.message);
    }
    const scope = { caller, services, context };
    if (policy !== null) return await namedAnswer(key, await definition.run(request, { ...scope, policy }), services);
    if (definition.runWithoutPolicy === undefined) {
      return failure('POLICY.INVALID', 'The register does nothing until its policy configuration is fixed; a Jira administrator can correct it.');
    }
    return await namedAnswer(key, await definition.runWithoutPolicy(request, { ...scope, policy }), services);
  } catch (error) {
    if (isStorageError(error)) {
      logLine('warn', 'ui-resolver', 'storage failed', { key, code: error.code });
      return unavailable("The register's database did not answer in time. Try again in a minute.");
    }
    logLine('error', 'ui-resolver', 'a resolver failed', { key, error: error instanceof Error ? error.name : 'unknown' });
    return failure(ERROR_CODES.internal, 'Something went wrong in the exception register. Try again; if it keeps failing, tell your Jira administrator.');
  }
};
