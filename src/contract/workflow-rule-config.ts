import { z } from 'zod';
import { levelIdSchema } from './primitives';

/**
 * What one workflow validator instance checks, chosen in the workflow editor and saved by Jira as the rule's
 * configuration (at most 32 KB). The validator function parses it with this schema and fails closed on anything else.
 */

export const RULE_CHECKS = ['submit', 'review', 'approval', 'activation', 'rejection', 'withdrawal', 'revocation', 'remediation'] as const;
export type RuleCheck = (typeof RULE_CHECKS)[number];

export const workflowRuleConfigSchema = z.discriminatedUnion('check', [
  /** Intake completeness: the same pre-flight the requester sees. */
  z.object({ check: z.literal('submit') }),
  /** Peer review of the risk assessment by an independent reviewer. */
  z.object({ check: z.literal('review') }),
  /** This transition records the approval of one level. */
  z.object({ check: z.literal('approval'), levelId: levelIdSchema }),
  /** Every required level approved the current content, and limits hold. */
  z.object({ check: z.literal('activation') }),
  /** Only an approver of the waiting level (or the peer reviewer) rejects, and always with a reason. */
  z.object({ check: z.literal('rejection') }),
  /** Only the requester withdraws their request. */
  z.object({ check: z.literal('withdrawal') }),
  /** Only a security lead revokes an active exception, and always with a reason. */
  z.object({ check: z.literal('revocation') }),
  /** Only the requester, the asset owner or a security lead marks an active exception remediated. */
  z.object({ check: z.literal('remediation') }),
]);
export type WorkflowRuleConfig = z.infer<typeof workflowRuleConfigSchema>;

/** Jira hands the saved configuration back either as the JSON string that was saved or already parsed. */
export const parseWorkflowRuleConfig = (saved: unknown): WorkflowRuleConfig | null => {
  let candidate = saved;
  if (typeof saved === 'string') {
    try {
      candidate = JSON.parse(saved) as unknown;
    } catch {
      return null;
    }
  }
  const parsed = workflowRuleConfigSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
};
