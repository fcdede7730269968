import type { ExpiryReminderAction, ReviewAction, StalledApprovalAction } from '../../domain/schedule/due-action';
import { STATUS_NAMES } from '../../domain/exception/security-exception';
import type { Policy } from '../../domain/policy/policy-config';
import type { StoredRegisterEntry } from '../ports/register-repository';
import type { NoticeText } from './job-ports';

/**
 * What the jobs write on issues and send to people. Each text says what happened, why, and what the reader can do.
 */

const dayCount = (days: number): string => (days === 1 ? '1 day' : `${days} days`);

export const expiryComment = (issueKey: string, expiresOn: string, policy: Policy, pendingRenewalKey: string | null): NoticeText => [
  `${issueKey} has expired: its last day in force was ${expiresOn} (${policy.timeZone}), so the register revoked it automatically. ` +
    'The risk it accepted is no longer covered by an exception.',
  ...(pendingRenewalKey === null
    ? ['If the exception is still needed, request a renewal or raise a new exception.']
    : [`Its renewal ${pendingRenewalKey} is still awaiting a decision; it may still be approved and would then take over.`]),
];

export const unreadableExpiryComment = (issueKey: string, expiresOn: string, reason: string): NoticeText => [
  `${issueKey} has expired: the register records ${expiresOn} as its last day in force, so it revoked it automatically.`,
  `The issue's fields could not be read (${reason}); an exception never stays in force because its record is damaged. Correct the fields if it is renewed.`,
];

export const supersedeComment = (issueKey: string, renewalKey: string): NoticeText => [
  `${issueKey} is superseded by its renewal ${renewalKey}, which is now active. From now on ${renewalKey} is the exception in force.`,
];

export const expiredNotice = (entry: StoredRegisterEntry, pendingRenewalKey: string | null): { subject: string; text: NoticeText } => ({
  subject: `${entry.issueKey} has expired and no longer covers the risk`,
  text: [
    `The security exception ${entry.issueKey} "${entry.title}" expired when its last day in force (${entry.expiresOn ?? 'unknown'}) ended. ` +
      'The register has revoked it: systems relying on it are out of policy from now on.',
    pendingRenewalKey === null
      ? 'Remediate the underlying issue, or request a renewal if the exception is still needed.'
      : `Its renewal ${pendingRenewalKey} is awaiting a decision; the approvers can still approve it.`,
  ],
});

export const supersededNotice = (entry: StoredRegisterEntry, renewalKey: string | null): { subject: string; text: NoticeText } => ({
  subject: `${entry.issueKey} is superseded by its renewal`,
  text: [
    `The security exception ${entry.issueKey} "${entry.title}" is superseded${renewalKey === null ? '' : ` by its renewal ${renewalKey}`}, which is now in force. ` +
      'Nothing else is needed from you.',
  ],
});

const RECIPIENT_REASONS: Readonly<Record<ExpiryReminderAction['recipient'], string>> = {
  requester: 'you requested it',
  'asset-owner': 'you own the affected asset',
  approvers: 'you approved it',
};

export const reminderNotice = (entry: StoredRegisterEntry, action: ExpiryReminderAction): { subject: string; text: NoticeText } => ({
  subject:
    action.daysLeft === 0
      ? `${action.issueKey} expires at the end of today (${action.expiresOn})`
      : `${action.issueKey} expires in ${dayCount(action.daysLeft)} (${action.expiresOn})`,
  text: [
    `The security exception ${action.issueKey} "${entry.title}" is in force until the end of ${action.expiresOn}; ` +
      `you receive this ${dayCount(action.threshold)} reminder because ${RECIPIENT_REASONS[action.recipient]}.`,
    'When it expires the register revokes it automatically. Remediate the underlying issue before then, or request a renewal.',
  ],
});

export const stalledNotice = (entry: StoredRegisterEntry, action: StalledApprovalAction, policy: Policy): { subject: string; text: NoticeText } => {
  const level = policy.levels.find((candidate) => candidate.id === action.levelId);
  const levelName = level?.name ?? action.levelId;
  const waiting = `${action.issueKey} "${entry.title}" has waited ${dayCount(action.waitingDays)} in ${STATUS_NAMES[action.status]} for the ${levelName}.`;
  const rejectsAfter = `The register rejects it as timed out after ${dayCount(policy.approvalTimeouts.autoRejectAfterDays)} without a decision.`;
  switch (action.stage) {
    case 'remind':
      return {
        subject: `${action.issueKey} is waiting for a ${levelName} decision`,
        text: [waiting, `Approve or reject it as a member of "${action.notifyGroup}". ${rejectsAfter}`],
      };
    case 'escalate':
      return {
        subject: `Escalation: ${action.issueKey} has no ${levelName} decision after ${dayCount(action.waitingDays)}`,
        text: [waiting, `You receive this as the escalation group "${action.notifyGroup}": make sure someone of the level decides. ${rejectsAfter}`],
      };
    case 'timeout':
      return { subject: `${action.issueKey} was rejected: its approval timed out`, text: [action.reason] };
  }
};

export const timedOutNotice = (entry: StoredRegisterEntry, policy: Policy): { subject: string; text: NoticeText } => ({
  subject: `${entry.issueKey} was rejected: its approval timed out`,
  text: [
    `The security exception request ${entry.issueKey} "${entry.title}" received no decision within ${dayCount(policy.approvalTimeouts.autoRejectAfterDays)}, ` +
      'so the register rejected it as timed out.',
    'If the exception is still needed, raise it again and agree a decision date with the approvers.',
  ],
});

export const overdueReviewNotice = (entry: StoredRegisterEntry, action: ReviewAction): { subject: string; text: NoticeText } => ({
  subject: `Quarterly review of ${action.issueKey} is overdue (${action.quarter})`,
  text: [
    `The ${action.quarter} review of the active security exception ${action.issueKey} "${entry.title}" was due by ${action.dueBy} and has not been attested.`,
    `A member of "${action.reviewGroup}" must attest that it is still valid, still necessary and that its controls are still in place, ` +
      'or record that it should be revoked (SEC-PROC-009 step 4).',
  ],
});
