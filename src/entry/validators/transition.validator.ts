import { z } from 'zod';
import { checkTransition, type TransitionCheckDeps } from '../../app/approvals/check-transition';
import { cannotCheck, type TransitionVerdict } from '../../app/approvals/transition-verdict';
import { parseWorkflowRuleConfig, type RuleCheck } from '../../contract/workflow-rule-config';
import { issueKeySchema } from '../../domain/exception/security-exception';
import { adfPlainText } from '../composition/adf-text';
import { forgePlatform, type Platform } from '../composition/platform';
import { transitionCheckDeps } from '../composition/rule-deps';
import { logLine } from '../log-line';

/**
 * `jira:workflowValidator` (function) of every rule the workflow configures: intake on Submit, the peer review,
 * each approval level, activation, rejection, withdrawal, revocation and remediation. Jira passes the issue key, the rule's configuration
 * and the transition; the person transitioning comes from the invocation context (`principal.accountId`), never
 * from the payload. The answer is `{ result, errorMessage }`; anything that goes wrong answers `result: false`
 * (a security rule fails closed), with a message saying the check could not be made and may be retried.
 */

export type ValidatorAnswer = { readonly result: boolean; readonly errorMessage?: string };

const payloadSchema = z.looseObject({
  issue: z.looseObject({ key: issueKeySchema }),
  configuration: z.unknown().optional(),
  transition: z.looseObject({ modifiedFields: z.record(z.string(), z.unknown()).nullish() }).optional(),
});

const contextSchema = z.looseObject({
  principal: z.looseObject({ accountId: z.string().trim().min(1) }).optional(),
  installContext: z.string().min(1).optional(),
});

const commentBody = z.looseObject({ body: z.unknown() });

/** A comment typed on the transition screen, however Jira shapes it: a page of comments, a list, or one comment. */
const commentSchema = z.union([
  z.looseObject({ comments: z.array(commentBody) }).transform((page) => page.comments),
  z.array(commentBody),
  commentBody.transform((comment) => [comment]),
]);

export const commentOnTransition = (modifiedFields: Readonly<Record<string, unknown>> | null | undefined): string | undefined => {
  const parsed = commentSchema.safeParse(modifiedFields?.comment);
  if (!parsed.success) return undefined;
  const text = parsed.data.map((comment) => adfPlainText(comment.body)).filter((body) => body !== '').join('\n\n');
  return text === '' ? undefined : text;
};

/** The checks whose rule needs a reason, which the person types as the transition's comment. */
const NEEDS_REASON: ReadonlySet<RuleCheck> = new Set(['rejection', 'revocation']);

const answerOf = (verdict: TransitionVerdict): ValidatorAnswer => (verdict.allowed ? { result: true } : { result: false, errorMessage: verdict.message });

export const transitionValidatorHandler =
  (platform: Platform, depsFor: (installation: string | undefined) => TransitionCheckDeps = (installation) => transitionCheckDeps(platform, installation)) =>
  async (payload: unknown, context: unknown): Promise<ValidatorAnswer> => {
    const parsed = payloadSchema.safeParse(payload);
    const issueKey = parsed.success ? parsed.data.issue.key : 'this issue';
    const check = parsed.success ? parseWorkflowRuleConfig(parsed.data.configuration) : null;
    if (!parsed.success || check === null) {
      logLine('error', 'transition-validator', 'refused a transition its rule could not be read for', { issueKey, payload: parsed.success });
      return answerOf(cannotCheck('configuration', { issueKey, check }));
    }
    const invocation = contextSchema.safeParse(context);
    try {
      const verdict = await checkTransition(depsFor(invocation.success ? invocation.data.installContext : undefined), {
        issueKey,
        check,
        actor: invocation.success ? invocation.data.principal?.accountId : undefined,
        now: platform.now().toISOString(),
        ...(NEEDS_REASON.has(check.check) ? withComment(commentOnTransition(parsed.data.transition?.modifiedFields)) : {}),
      });
      if (!verdict.allowed && verdict.retryable) logLine('warn', 'transition-validator', 'a check could not be made', { issueKey, code: verdict.code });
      return answerOf(verdict);
    } catch (error) {
      logLine('error', 'transition-validator', 'the check failed unexpectedly', { issueKey, error: error instanceof Error ? error.name : 'unknown' });
      return answerOf(cannotCheck('unexpected', { issueKey, check }));
    }
  };

const withComment = (comment: string | undefined): { comment?: string } => (comment === undefined ? {} : { comment });

/** The Forge function of every `jira:workflowValidator` module of the app. */
export const validateTransition = transitionValidatorHandler(forgePlatform);
