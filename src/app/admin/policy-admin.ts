import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { parsePolicy, levelsForTier, type Policy, type PolicyProblem } from '../../domain/policy/policy-config';
import { TIERS, type Tier } from '../../domain/exception/security-exception';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { appendAuditEntry, type AppendAuditEntryDeps } from '../audit/append-audit-entry';
import type { RegisterStatistics } from '../register/statistics-ports';
import type { PolicyStore, StoredPolicy } from './admin-ports';

export type PolicyAdminDeps = {
  readonly store: PolicyStore;
  readonly statistics: Pick<
    RegisterStatistics,
    'activeByTier' | 'activeLongerThan' | 'activeRenewedMoreThan' | 'assetsOverActiveLimit' | 'businessUnitsOverActiveLimit'
  >;
  readonly audit: AppendAuditEntryDeps;
  readonly now: () => string;
};

export type TierPreview = {
  readonly tier: Tier;
  readonly approvers: readonly { readonly levelId: string; readonly name: string; readonly group: string }[];
  readonly maxDurationDays: number;
  readonly maxRenewals: number;
  readonly maxCumulativeDays: number;
  readonly reminderDays: readonly number[];
  readonly activeCount: number;
  readonly activeBeyondMaxDuration: number;
  /** By renewal count: the register does not keep a chain's cumulative days. */
  readonly activeBeyondRenewalCaps: number;
};

export type PolicyPreview = {
  readonly tiers: readonly TierPreview[];
  readonly limits: {
    readonly activePerAsset: number;
    readonly assetsOverLimit: number;
    readonly activePerBusinessUnit: number;
    readonly businessUnitsOverLimit: number;
  };
  readonly changes: readonly string[];
};

export type PolicyValidation = { readonly valid: true; readonly preview: PolicyPreview } | { readonly valid: false; readonly problems: readonly PolicyProblem[] };

export type PolicySaveCode = 'POLICY.INVALID' | 'POLICY.REVISION_CONFLICT';

export const POLICY_CHANGED = 'policy.changed';
const MAX_CHANGES = 200;

/** The policy in force: the saved one, or the design's defaults until one is saved. */
export const currentPolicy = async (store: PolicyStore): Promise<StoredPolicy> => {
  const stored = await store.current();
  return stored.document === null ? { ...stored, document: DEFAULT_POLICY } : stored;
};

type Leaf = string | number | boolean | null;

const leavesOf = (value: unknown, path: string, into: Map<string, Leaf>): Map<string, Leaf> => {
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
    into.set(path, value.map(String).join(', '));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) leavesOf(child, path === '' ? key : `${path}.${key}`, into);
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    into.set(path, value);
  } else {
    into.set(path, null);
  }
  return into;
};

const shown = (value: Leaf | undefined): string => (value === undefined || value === null ? '(none)' : String(value));

/** Every setting that differs from the saved policy, one line each, such as `tiers.high.maxDurationDays: 90 -> 60`. */
export const policyChanges = (saved: unknown, candidate: Policy): string[] => {
  const before = leavesOf(saved, '', new Map());
  const after = leavesOf(candidate, '', new Map());
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths
    .filter((path) => before.get(path) !== after.get(path))
    .map((path) => `${path}: ${shown(before.get(path))} -> ${shown(after.get(path))}`)
    .slice(0, MAX_CHANGES);
};

/** What the candidate policy would mean for the exceptions active today, counted by the database. */
export const previewPolicy = async (deps: Pick<PolicyAdminDeps, 'statistics'>, policy: Policy, saved: unknown): Promise<PolicyPreview> => {
  const { statistics } = deps;
  const active = await statistics.activeByTier(null);
  const tiers = await Promise.all(
    TIERS.map(async (tier): Promise<TierPreview> => {
      const caps = policy.tiers[tier];
      return {
        tier,
        approvers: levelsForTier(policy, tier).map((level) => ({ levelId: level.id, name: level.name, group: level.group })),
        maxDurationDays: caps.maxDurationDays,
        maxRenewals: caps.maxRenewals,
        maxCumulativeDays: caps.maxCumulativeDays,
        reminderDays: caps.reminderDays,
        activeCount: active[tier],
        activeBeyondMaxDuration: await statistics.activeLongerThan(tier, caps.maxDurationDays),
        activeBeyondRenewalCaps: await statistics.activeRenewedMoreThan(tier, caps.maxRenewals),
      };
    }),
  );
  const { activePerAsset, activePerBusinessUnit } = policy.limits;
  return {
    tiers,
    limits: {
      activePerAsset,
      assetsOverLimit: await statistics.assetsOverActiveLimit(activePerAsset),
      activePerBusinessUnit,
      businessUnitsOverLimit: await statistics.businessUnitsOverActiveLimit(activePerBusinessUnit),
    },
    changes: policyChanges(saved, policy),
  };
};

/** The domain decides what a valid policy is; a valid one comes back with what it would change. */
export const validatePolicy = async (deps: Pick<PolicyAdminDeps, 'statistics' | 'store'>, candidate: unknown): Promise<PolicyValidation> => {
  const parsed = parsePolicy(candidate);
  if (!parsed.ok) return { valid: false, problems: parsed.problems ?? [{ path: '(root)', message: parsed.error.message }] };
  const saved = await currentPolicy(deps.store);
  return { valid: true, preview: await previewPolicy(deps, parsed.value, saved.document) };
};

/**
 * Saves a policy as the next revision after the one the editor loaded. A policy with problems is never stored, and a
 * save based on a revision someone else has since replaced is refused, so no change is lost unseen.
 */
export const savePolicy = async (
  deps: PolicyAdminDeps,
  request: { readonly candidate: unknown; readonly expectedRevision: number; readonly by: string },
): Promise<Result<{ readonly revision: number; readonly updatedAt: string }, PolicySaveCode> & { readonly problems?: readonly PolicyProblem[] }> => {
  const parsed = parsePolicy(request.candidate);
  if (!parsed.ok) return { ...refuse('POLICY.INVALID', parsed.error.message), problems: parsed.problems ?? [] };
  const saved = await currentPolicy(deps.store);
  const conflict = (revision: number) =>
    refuse<PolicySaveCode>(
      'POLICY.REVISION_CONFLICT',
      `The policy was changed by someone else while you edited it (you started from revision ${request.expectedRevision}, it is now at ${revision}). ` +
        'Reload it, apply your changes again and save.',
    );
  if (saved.revision !== request.expectedRevision) return conflict(saved.revision);
  const revision = request.expectedRevision + 1;
  const at = deps.now();
  if ((await deps.store.saveRevision(revision, parsed.value, { at, accountId: request.by })) === 'conflict') return conflict(revision);
  await appendAuditEntry(deps.audit, {
    at,
    actor: request.by,
    action: POLICY_CHANGED,
    issueKey: null,
    payload: { revision, changes: policyChanges(saved.document, parsed.value) },
  });
  return ok({ revision, updatedAt: at });
};
