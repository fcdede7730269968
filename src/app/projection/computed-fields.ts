import canonicalize from 'canonicalize';
import type { Approval } from '../../domain/approval/approval';
import { levelStandings } from '../../domain/approval/approval-standing';
import { contentHash } from '../../domain/exception/content-hash';
import { isInApproval, type SecurityException, type Tier } from '../../domain/exception/security-exception';
import type { Policy } from '../../domain/policy/policy-config';
import type { RegisterEntry } from '../ports/register-repository';
import { COMPUTED_FIELD_MODULE_KEYS, type ComputedFieldName, type ExceptionIssue } from './exception-issue';

/** The approval-state field's value, in the shape its schema in manifest.yml declares. */
export type ApprovalStateValue = {
  readonly tier: Tier;
  /** Level ids in approval order. */
  readonly requiredLevels: readonly string[];
  readonly approvedLevels: readonly string[];
  /** The level that may approve now; absent once the chain is complete or while the exception is not in approval. */
  readonly nextLevel?: string;
  /** Whose approvals count, in level order. */
  readonly approvers: readonly string[];
  readonly complete: boolean;
  readonly contentHash: string;
};

export type ComputedFieldValues = {
  readonly riskScore: number;
  readonly riskTier: Tier;
  readonly approvalState: ApprovalStateValue;
};

export const COMPUTED_FIELD_NAMES = Object.keys(COMPUTED_FIELD_MODULE_KEYS) as readonly ComputedFieldName[];

/**
 * Where the approval chain stands for the content as it is now, decided by the same standings the issue panel
 * shows: approvals given to other content, voided ones and the requester's never count.
 */
export const approvalStateOf = (exception: SecurityException, approvals: readonly Approval[], policy: Policy): ApprovalStateValue => {
  const standings = levelStandings(exception, approvals, policy);
  const approved = standings.flatMap(({ level, approval }) => (approval === null ? [] : [{ levelId: level.id, approver: approval.approver }]));
  const pending = standings.find((standing) => standing.approval === null);
  return {
    tier: exception.tier,
    requiredLevels: standings.map((standing) => standing.level.id),
    approvedLevels: approved.map((given) => given.levelId),
    ...(pending !== undefined && isInApproval(exception.status) ? { nextLevel: pending.level.id } : {}),
    approvers: approved.map((given) => given.approver),
    complete: pending === undefined,
    contentHash: contentHash(exception),
  };
};

/** The fields' values as the register has them: score and tier exactly as the entry stores them. */
export const computedFieldValues = (
  entry: Pick<RegisterEntry, 'riskScore' | 'tier'>,
  exception: SecurityException,
  approvals: readonly Approval[],
  policy: Policy,
): ComputedFieldValues => ({
  riskScore: entry.riskScore,
  riskTier: entry.tier,
  approvalState: approvalStateOf(exception, approvals, policy),
});

/** Jira gives an object field back as the JSON it stored: key order and absent optional keys mean nothing. */
const holdsValue = (held: unknown, computed: unknown): boolean => held !== undefined && canonicalize(held) === canonicalize(computed);

/**
 * The computed values Jira does not hold yet, among the fields the site has. Comparing before writing is what
 * keeps a replayed event, the reconcile and the app's own update event from writing anything when in step.
 */
export const fieldsOutOfStep = (
  held: ExceptionIssue['custom'],
  computed: ComputedFieldValues,
  onSite: readonly ComputedFieldName[],
): Partial<ComputedFieldValues> => {
  const changed: { -readonly [F in ComputedFieldName]?: ComputedFieldValues[F] } = {};
  const take = <F extends ComputedFieldName>(name: F): void => {
    changed[name] = computed[name];
  };
  for (const name of COMPUTED_FIELD_NAMES) {
    if (onSite.includes(name) && !holdsValue(held[name], computed[name])) take(name);
  }
  return changed;
};
