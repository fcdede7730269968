import { z } from 'zod';
import {
  CRITICALITIES,
  DATA_CLASSIFICATIONS,
  EXCEPTION_KINDS,
  TIERS,
  type Tier,
  tierRank,
} from '../exception/security-exception';
import { ok, refuse, type Result } from '../shared/result';

/**
 * One policy configuration object drives every rule. It is parsed as a whole: a bad configuration is
 * refused with every problem listed by path and is never half-applied.
 */

const groupName = z.string().trim().min(1).max(255);
const dayCount = z.number().int().min(1).max(3650);

export const approvalLevelSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lower-case id such as security-lead'),
  name: z.string().trim().min(1).max(80),
  group: groupName,
});
export type ApprovalLevel = z.infer<typeof approvalLevelSchema>;

export const tierPolicySchema = z
  .object({
  /** Ordered: level n may only approve once levels 0..n-1 have. Each level needs a distinct person. */
  levels: z.array(z.string()).min(1).max(10),
  maxDurationDays: dayCount,
  maxRenewals: z.number().int().min(0).max(20),
  /** Cap on the whole renewal chain, original included. */
  maxCumulativeDays: dayCount,
  /** Days before expiry at which requester and owner are reminded, most distant first. */
  reminderDays: z.array(z.number().int().min(1).max(365)).min(1).max(10),
  })
  .superRefine((tp, ctx) => {
    if (tp.maxCumulativeDays < tp.maxDurationDays)
      ctx.addIssue({ code: 'custom', message: 'must be at least maxDurationDays', path: ['maxCumulativeDays'] });
    const sorted = [...tp.reminderDays].sort((a, b) => b - a);
    if (sorted.some((d, i) => d !== tp.reminderDays[i]) || new Set(sorted).size !== sorted.length)
      ctx.addIssue({ code: 'custom', message: 'must be distinct and in descending order', path: ['reminderDays'] });
  });
export type TierPolicy = z.infer<typeof tierPolicySchema>;

const kindPolicySchema = z.object({
  eligible: z.boolean(),
  /** What a requester should do instead when the kind is not exception-eligible. */
  redirect: z.string().trim().min(1).max(500).optional(),
});

const matrixSchema = z.object({
  /** scores[likelihood-1][impact-1] on the 0-10 scale CVSS uses, so both methods share one tier scale. */
  scores: z.array(z.array(z.number().min(0).max(10)).min(2).max(10)).min(2).max(10),
});

export const policySchema = z
  .object({
    version: z.literal(1),
    /** IANA zone in which "today", expiry days and quarters are reckoned. */
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine(isValidTimeZone, { error: (issue) => `unknown IANA time zone "${String(issue.input)}"` }),
    kinds: z.object(
      Object.fromEntries(EXCEPTION_KINDS.map((kind) => [kind, kindPolicySchema])) as Record<
        (typeof EXCEPTION_KINDS)[number],
        typeof kindPolicySchema
      >,
    ),
    levels: z.array(approvalLevelSchema).min(1).max(10),
    tiers: z.object({ low: tierPolicySchema, medium: tierPolicySchema, high: tierPolicySchema, critical: tierPolicySchema }),
    peerReview: z.object({ group: groupName }),
    risk: z.object({
      matrix: matrixSchema,
      modifiers: z.object({
        assetCriticality: z.object(
          Object.fromEntries(CRITICALITIES.map((c) => [c, z.number().min(-5).max(5)])) as Record<
            (typeof CRITICALITIES)[number],
            z.ZodNumber
          >,
        ),
        dataClassification: z.object(
          Object.fromEntries(DATA_CLASSIFICATIONS.map((c) => [c, z.number().min(-5).max(5)])) as Record<
            (typeof DATA_CLASSIFICATIONS)[number],
            z.ZodNumber
          >,
        ),
        internetFacing: z.number().min(-5).max(5),
        knownExploited: z.number().min(-5).max(5),
      }),
      controls: z.object({
        /** Score reduction per control type when implemented; verified controls get `verifiedBonus` on top. */
        effectiveness: z.record(z.string().min(1).max(64), z.number().min(0).max(5)),
        verifiedBonus: z.number().min(0).max(2),
        /** Total reduction never exceeds this, however many controls are listed. */
        maxReduction: z.number().min(0).max(10),
        /** Residual risk never drops below this fraction of the contextual score. */
        floorRatio: z.number().min(0).max(1),
      }),
      /** Lowest residual score of each tier above low. */
      thresholds: z.object({ medium: z.number().min(0).max(10), high: z.number().min(0).max(10), critical: z.number().min(0).max(10) }),
      overrides: z.object({
        knownExploitedMinTier: z.enum(TIERS),
        restrictedDataMinTier: z.enum(TIERS),
        internetFacingCriticalAssetMinTier: z.enum(TIERS),
      }),
    }),
    /** Compensating controls must be documented and implemented/verified from this tier up. */
    controlsRequiredFromTier: z.enum(TIERS),
    limits: z.object({
      activePerAsset: z.number().int().min(1).max(1000),
      activePerBusinessUnit: z.number().int().min(1).max(100000),
    }),
    approvalTimeouts: z.object({
      remindAfterDays: dayCount,
      escalateAfterDays: dayCount,
      autoRejectAfterDays: dayCount,
      escalationGroup: groupName,
    }),
    reminders: z.object({
      /** Approvers are reminded too once expiry is this close. */
      approversFromDays: z.number().int().min(0).max(365),
    }),
    review: z.object({
      /** Group whose members attest quarterly reviews (SEC-PROC-009 step 4). */
      group: groupName,
      /** Days into a quarter after which a missing attestation is overdue. */
      graceDays: z.number().int().min(0).max(90),
    }),
    renewal: z.object({
      /** What happens to the original when it expires while its renewal is pending. */
      originalExpiresWhileRenewalPending: z.boolean(),
    }),
  })
  .superRefine((policy, ctx) => {
    const levelIds = policy.levels.map((l) => l.id);
    const seen = new Set<string>();
    policy.levels.forEach((level, i) => {
      if (seen.has(level.id)) ctx.addIssue({ code: 'custom', message: `duplicate level id "${level.id}"`, path: ['levels', i, 'id'] });
      seen.add(level.id);
    });
    for (const tier of TIERS) {
      const tp = policy.tiers[tier];
      tp.levels.forEach((id, i) => {
        if (!levelIds.includes(id))
          ctx.addIssue({ code: 'custom', message: `unknown approval level "${id}" (known: ${levelIds.join(', ')})`, path: ['tiers', tier, 'levels', i] });
      });
      if (new Set(tp.levels).size !== tp.levels.length)
        ctx.addIssue({ code: 'custom', message: 'a level may appear only once per tier', path: ['tiers', tier, 'levels'] });
    }
    TIERS.slice(1).forEach((tier, i) => {
      const lower = TIERS[i] as Tier;
      if (policy.tiers[tier].levels.length < policy.tiers[lower].levels.length)
        ctx.addIssue({ code: 'custom', message: `a ${tier} tier must need at least as many approval levels as ${lower}`, path: ['tiers', tier, 'levels'] });
    });
    const { medium, high, critical } = policy.risk.thresholds;
    if (!(medium < high && high < critical))
      ctx.addIssue({ code: 'custom', message: 'thresholds must rise: medium < high < critical', path: ['risk', 'thresholds'] });
    const rows = policy.risk.matrix.scores;
    const width = rows[0]?.length ?? 0;
    rows.forEach((row, i) => {
      if (row.length !== width)
        ctx.addIssue({ code: 'custom', message: `every row needs ${width} impact columns`, path: ['risk', 'matrix', 'scores', i] });
    });
    const t = policy.approvalTimeouts;
    if (!(t.remindAfterDays < t.escalateAfterDays && t.escalateAfterDays < t.autoRejectAfterDays))
      ctx.addIssue({ code: 'custom', message: 'must satisfy remindAfterDays < escalateAfterDays < autoRejectAfterDays', path: ['approvalTimeouts'] });
    for (const [kind, kp] of Object.entries(policy.kinds)) {
      if (!kp.eligible && kp.redirect === undefined)
        ctx.addIssue({ code: 'custom', message: 'a non-eligible kind needs a redirect telling requesters what to do instead', path: ['kinds', kind, 'redirect'] });
    }
  });

export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type PolicyProblem = { readonly path: string; readonly message: string };

/** Parses a candidate policy; refuses with `POLICY.INVALID` listing every problem by dotted path. */
export function parsePolicy(candidate: unknown): Result<Policy, 'POLICY.INVALID'> & { problems?: PolicyProblem[] } {
  const parsed = policySchema.safeParse(candidate);
  if (parsed.success) return ok(parsed.data);
  const problems = listProblems(parsed.error);
  return {
    ...refuse('POLICY.INVALID', `The policy configuration has ${problems.length} problem(s): ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`),
    problems,
  };
}

export function listProblems(error: z.ZodError): PolicyProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

export const levelsForTier = (policy: Policy, tier: Tier): ApprovalLevel[] =>
  policy.tiers[tier].levels.map((id) => {
    const level = policy.levels.find((l) => l.id === id);
    // parsePolicy guarantees every tier level exists; reaching here means an unparsed policy was used.
    if (level === undefined) throw new Error(`policy invariant broken: unknown level ${id}`);
    return level;
  });

export const controlsRequired = (policy: Policy, tier: Tier): boolean =>
  tierRank(tier) >= tierRank(policy.controlsRequiredFromTier);

/** The highest approval level in the policy: where over-cap renewals must go. */
export const highestLevel = (policy: Policy): ApprovalLevel => {
  const top = levelsForTier(policy, 'critical');
  const last = top[top.length - 1];
  if (last === undefined) throw new Error('policy invariant broken: critical tier has no levels');
  return last;
};
