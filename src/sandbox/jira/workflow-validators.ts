import type { InvocationScope } from './event-dispatcher';
import type { WorkflowTransition } from './jira-model';

/**
 * Jira's side of `jira:workflowValidator` function modules. A transition's validators reference Forge
 * modules by extension ARI; Jira invokes the app's function with `{ issue: { key }, configuration,
 * transition: { from, to, modifiedFields } }` and blocks the transition unless it answers `{ result: true }`.
 * Anything Jira could not evaluate (a module of another app or environment, a missing handler, a throw, a
 * malformed answer) blocks too: a workflow rule fails closed.
 */

export type WorkflowValidatorPayload = {
  readonly issue: { readonly key: string };
  readonly configuration: unknown;
  readonly transition: {
    readonly from: { readonly id: string };
    readonly to: { readonly id: string };
    readonly modifiedFields: Readonly<Record<string, unknown>>;
  };
};

export type WorkflowValidatorResult = { readonly result: boolean; readonly errorMessage?: string };

export type WorkflowValidatorHandler = (
  payload: WorkflowValidatorPayload,
  context: Readonly<Record<string, unknown>>,
) => WorkflowValidatorResult | Promise<WorkflowValidatorResult>;

export type RegisteredValidator = {
  readonly handler: WorkflowValidatorHandler;
  /** The manifest's `name`, which Jira lists among the workflow's available rules. */
  readonly name?: string;
  /** The manifest's `errorMessage`, shown when the function answers `false` without its own message. */
  readonly errorMessage?: string;
};

export type ValidatorRegistry = Map<string, RegisteredValidator>;

const EXTENSION_ARI = /^ari:cloud:ecosystem::extension\/([^/]+)\/([^/]+)\/static\/([^/]+)$/;

export type ExtensionRef = { readonly appId: string; readonly environmentId: string; readonly moduleKey: string };

export const parseExtensionAri = (ari: string): ExtensionRef | undefined => {
  const match = EXTENSION_ARI.exec(ari);
  if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) return undefined;
  return { appId: match[1], environmentId: match[2], moduleKey: match[3] };
};

export const extensionAri = (ref: ExtensionRef): string =>
  `ari:cloud:ecosystem::extension/${ref.appId}/${ref.environmentId}/static/${ref.moduleKey}`;

export const isForgeRule = (ruleKey: string): boolean => ruleKey.startsWith('forge:');

const DEFAULT_FAILURE = 'The transition was blocked by a workflow validator.';

export const parseConfiguration = (config: string | undefined): unknown => {
  if (config === undefined) return {};
  try {
    return JSON.parse(config) as unknown;
  } catch {
    return config;
  }
};

const isValidatorResult = (value: unknown): value is WorkflowValidatorResult =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { result?: unknown }).result === 'boolean' &&
  ['string', 'undefined'].includes(typeof (value as { errorMessage?: unknown }).errorMessage);

export type ValidationVerdict = { readonly allowed: true } | { readonly allowed: false; readonly message: string };

export async function runTransitionValidators(input: {
  readonly transition: WorkflowTransition;
  readonly issueKey: string;
  readonly fromStatusId: string;
  readonly modifiedFields: Readonly<Record<string, unknown>>;
  readonly installed: { readonly appId: string; readonly environmentId: string };
  readonly registry: ValidatorRegistry;
  readonly scope: InvocationScope;
  readonly principalAccountId: string | null;
  readonly context: Readonly<Record<string, unknown>>;
}): Promise<ValidationVerdict> {
  for (const rule of input.transition.validators) {
    if (!isForgeRule(rule.ruleKey)) continue;
    const ref = parseExtensionAri(rule.parameters.key ?? '');
    if (ref === undefined || ref.appId !== input.installed.appId || ref.environmentId !== input.installed.environmentId) {
      return { allowed: false, message: `The app providing the workflow rule ${rule.parameters.key ?? rule.id} is not installed.` };
    }
    const registered = input.registry.get(ref.moduleKey);
    if (registered === undefined) return { allowed: false, message: `The workflow validator ${ref.moduleKey} could not be run.` };
    const payload: WorkflowValidatorPayload = {
      issue: { key: input.issueKey },
      configuration: parseConfiguration(rule.parameters.config),
      transition: { from: { id: input.fromStatusId }, to: { id: input.transition.toStatusId }, modifiedFields: input.modifiedFields },
    };
    let answer: unknown;
    try {
      answer = await input.scope(input.principalAccountId, async () => registered.handler(structuredClone(payload), input.context));
    } catch {
      return { allowed: false, message: `The workflow validator ${ref.moduleKey} failed to run.` };
    }
    if (!isValidatorResult(answer)) return { allowed: false, message: `The workflow validator ${ref.moduleKey} returned an invalid result.` };
    if (!answer.result) return { allowed: false, message: answer.errorMessage ?? registered.errorMessage ?? DEFAULT_FAILURE };
  }
  return { allowed: true };
}
