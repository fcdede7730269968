import type { Approval } from '../../domain/approval/approval';
import type { ApprovalLevel, Policy } from '../../domain/policy/policy-config';
import type { SecurityException, Tier } from '../../domain/exception/security-exception';
import type { RiskRelevantField } from '../../domain/exception/content-hash';
import type { IssueComment } from '../projection/projection-ports';
import { fieldNameOf } from './approved-content';

/** What the comment on an exception whose approvals stopped counting says: what changed, whose approvals, what now. */
export type VoidedNotice = {
  readonly exception: SecurityException;
  /** Null when the register could not tell which fields changed. */
  readonly changedFields: readonly RiskRelevantField[] | null;
  readonly voided: readonly Approval[];
  /** Set when the change raised the risk tier. */
  readonly raisedFrom?: Tier;
  readonly requiredLevels: readonly ApprovalLevel[];
  /** The status the exception was in when its approvals stopped counting. */
  readonly wasActive: boolean;
  readonly policy: Policy;
};

const levelName = (policy: Policy, levelId: string): string => policy.levels.find((level) => level.id === levelId)?.name ?? levelId;

const describeDecision = (approval: Approval, policy: Policy): string =>
  `${levelName(policy, approval.levelId)}: ${approval.approver} (${approval.decision} on ${approval.decidedAt.slice(0, 10)})`;

export const voidedNotice = (notice: VoidedNotice): IssueComment => {
  const { exception, policy } = notice;
  const changed =
    notice.changedFields === null || notice.changedFields.length === 0
      ? 'its risk-relevant content changed'
      : `its risk-relevant content changed (${notice.changedFields.map(fieldNameOf).join(', ')})`;
  const who = [...new Set(notice.voided.map((approval) => approval.approver))].join(', ');
  const [first] = notice.requiredLevels;
  return {
    paragraphs: [
      `Security exception register: ${exception.key} was approved, but ${changed} afterwards, so the approvals of ${who} no longer count.`,
      ...(notice.raisedFrom === undefined
        ? []
        : [
            `The change raises its risk tier from ${notice.raisedFrom} to ${exception.tier}, which needs ${notice.requiredLevels
              .map((level) => `${level.name} (group ${level.group})`)
              .join(', then ')}.`,
          ]),
      `${notice.wasActive ? `${exception.key} is no longer in force: it is back in Awaiting Approval` : `${exception.key} stays in Awaiting Approval`}` +
        (first === undefined ? '.' : `, and approval starts again with ${first.name} (group ${first.group}) on the content as it is now.`),
    ],
    bullets: notice.voided.map((approval) => `Voided: ${describeDecision(approval, policy)}`),
  };
};
