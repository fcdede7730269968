import { evaluateApproval } from '../../domain/approval/evaluate-approval';
import { levelStandings } from '../../domain/approval/approval-standing';
import { policyDay } from '../../domain/approval/policy-day';
import { renewalCapExcess } from '../../domain/approval/required-levels';
import type { Approval } from '../../domain/approval/approval';
import type { AuditEntry } from '../../domain/audit/audit-entry';
import { isInApproval, isTerminal, type SecurityException, type Status, type Tier } from '../../domain/exception/security-exception';
import { highestLevel, levelsForTier, type ApprovalLevel, type Policy } from '../../domain/policy/policy-config';
import { assessRisk, type RiskAssessment } from '../../domain/risk';
import { daysBetween, type IsoDate } from '../../domain/shared/dates';
import { ok, refuse, type Result } from '../../domain/shared/result';
import type { AuditStore } from '../audit/audit-ports';
import type { ApprovalRepository } from '../ports/approval-repository';
import type { RegisterRepository } from '../ports/register-repository';
import { isExceptionIssueType } from '../projection/exception-issue';
import type { ExceptionIssueReader } from '../projection/projection-ports';
import { describeProblems, readExceptionIssue, readExceptionRequest } from '../projection/read-exception-issue';
import type { RenewalIssues } from '../renewal/renewal-ports';
import { chainBeforeRenewalOf, daysInForce, type RenewalRecord } from '../renewal/renewal-record';
import type { ChainState } from './audit-chain-status';

export type PanelDeps = {
  readonly policy: Policy;
  readonly now: () => string;
  /** Reads the issue with the caller's own Jira permissions, so a panel is only ever shown to who may see the issue. */
  readonly issues: Pick<ExceptionIssueReader, 'get'>;
  readonly register: Pick<RegisterRepository, 'get' | 'renewalsOf'>;
  readonly approvals: Pick<ApprovalRepository, 'forIssue'>;
  readonly auditStore: Pick<AuditStore, 'forIssue'>;
  readonly chainStatus: () => Promise<ChainState>;
  readonly renewals: Pick<RenewalIssues, 'readRecord'>;
};

export type PanelLevel = {
  readonly level: ApprovalLevel;
  /** done: approved for the current content; next: may approve now; pending: waits for earlier levels. */
  readonly state: 'done' | 'next' | 'pending';
  readonly approval: Approval | null;
};

export type NotAllowed = { readonly accountId: string; readonly code: string; readonly reason: string };

export type PanelAuditEntry = { readonly entry: AuditEntry; readonly summary: string; readonly integrity: 'verified' | 'broken' };

export type ExceptionPanelView = {
  readonly key: string;
  readonly title: string;
  readonly status: Status;
  readonly tier: Tier;
  readonly risk: RiskAssessment | null;
  readonly riskProblem: string | null;
  readonly approval: {
    readonly levels: readonly PanelLevel[];
    readonly complete: boolean;
    readonly eligibleGroup: string | null;
    readonly notAllowed: readonly NotAllowed[];
    readonly voidedAt: string | null;
  };
  readonly expiry: { readonly expiresOn: IsoDate | null; readonly daysLeft: number | null; readonly asOf: IsoDate };
  readonly renewal: {
    readonly allowed: boolean;
    readonly reason: string | null;
    readonly renewalCount: number;
    readonly maxRenewals: number;
    readonly cumulativeDays: number;
    readonly maxCumulativeDays: number;
    readonly pendingRenewal: string | null;
    readonly renewalOf: string | null;
  };
  readonly audit: { readonly chain: ChainState; readonly entries: readonly PanelAuditEntry[]; readonly hasMore: boolean };
};

export type PanelCode = 'PANEL.NOT_FOUND' | 'PANEL.NOT_AN_EXCEPTION' | 'PANEL.UNRATED' | 'PANEL.JIRA_FAILED';

const AUDIT_PAGE = 500;
const SUMMARY_LIMIT = 1000;

/** What the panel knows about the exception: complete, or readable enough to rate, or not even that. */
type Subject =
  | { readonly kind: 'complete'; readonly exception: SecurityException; readonly risk: RiskAssessment }
  | { readonly kind: 'partial'; readonly title: string; readonly status: Status; readonly tier: Tier; readonly risk: RiskAssessment | null; readonly problem: string };

const humanize = (action: string): string => {
  const words = (action.split('.').at(-1) ?? action).replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** One line per audit entry: what happened, and the detail a person gave (reason, note), if any. */
export const auditSummary = (entry: AuditEntry): string => {
  const { payload } = entry;
  const detail =
    typeof payload === 'object' && payload !== null && !Array.isArray(payload)
      ? ['summary', 'reason', 'note', 'levelId'].map((field) => payload[field]).find((value): value is string => typeof value === 'string' && value !== '')
      : undefined;
  const text = detail === undefined ? humanize(entry.action) : `${humanize(entry.action)}: ${detail}`;
  return text.length > SUMMARY_LIMIT ? `${text.slice(0, SUMMARY_LIMIT - 1)}…` : text;
};

/** The issue's audit entries, newest first, at most `limit`; its entries are read a page at a time. */
const recentAuditEntries = async (store: PanelDeps['auditStore'], issueKey: string, limit: number) => {
  const kept: AuditEntry[] = [];
  let total = 0;
  let after = 0;
  for (;;) {
    const page = await store.forIssue(issueKey, after, AUDIT_PAGE);
    total += page.length;
    kept.push(...page);
    if (kept.length > limit) kept.splice(0, kept.length - limit);
    const last = page.at(-1);
    if (last === undefined || page.length < AUDIT_PAGE) break;
    after = last.sequence;
  }
  return { entries: kept.reverse(), hasMore: total > limit };
};

const levelViews = (subject: Subject, approvals: readonly Approval[], policy: Policy): PanelLevel[] => {
  if (subject.kind === 'partial') return levelsForTier(policy, subject.tier).map((level) => ({ level, state: 'pending', approval: null }));
  const waiting = isInApproval(subject.exception.status);
  let nextGiven = false;
  return levelStandings(subject.exception, approvals, policy).map(({ level, approval }) => {
    if (approval !== null) return { level, state: 'done', approval };
    const state = waiting && !nextGiven ? 'next' : 'pending';
    nextGiven = true;
    return { level, state, approval: null };
  });
};

/**
 * Who will be stopped from approving the waiting level, and by which rule. The approval rules decide; the panel only
 * asks them about the people whose own involvement disqualifies them (the requester, approvers of other levels), as
 * members of the level's group, and words the answer for onlookers rather than for the person.
 */
const notAllowedFor = (exception: SecurityException, levels: readonly PanelLevel[], approvals: readonly Approval[], policy: Policy, now: string): NotAllowed[] => {
  const next = levels.find((view) => view.state === 'next')?.level;
  if (next === undefined) return [];
  // Before the exception reaches approval its rules are asked as of then: who is involved does not change on the way.
  const asAwaiting: SecurityException = { ...exception, status: 'awaiting-approval' };
  const approvedLevelOf = (accountId: string): ApprovalLevel | undefined => levels.find((view) => view.approval?.approver === accountId)?.level;
  const candidates = [exception.requester, ...levels.flatMap((view) => (view.approval === null ? [] : [view.approval.approver]))];
  return [...new Set(candidates)].flatMap((accountId): NotAllowed[] => {
    const decided = evaluateApproval(asAwaiting, approvals, { accountId, groups: [next.group] }, policy, now, next.id);
    if (decided.ok) return [];
    const { code } = decided.error;
    if (code === 'APPROVAL.REQUESTER_CANNOT_APPROVE') {
      return [{ accountId, code, reason: `${accountId} requested ${exception.key}: a requester never approves their own exception.` }];
    }
    if (code === 'APPROVAL.ALREADY_APPROVED_OTHER_LEVEL') {
      const other = approvedLevelOf(accountId);
      return [{ accountId, code, reason: `${accountId} approved the ${other?.name ?? 'another'} level: nobody approves two levels of one exception.` }];
    }
    return [];
  });
};

const renewalView = (
  subject: Subject,
  record: RenewalRecord | null,
  pendingRenewal: string | null,
  policy: Policy,
): ExceptionPanelView['renewal'] => {
  const tier = subject.kind === 'complete' ? subject.exception.tier : subject.tier;
  const status = subject.kind === 'complete' ? subject.exception.status : subject.status;
  const caps = policy.tiers[tier];
  const inForce = subject.kind === 'complete' ? daysInForce(subject.exception, policy) : 0;
  const base = {
    renewalCount: record === null ? 0 : record.chainBefore.renewalCount + 1,
    maxRenewals: caps.maxRenewals,
    cumulativeDays: (record?.chainBefore.cumulativeDays ?? 0) + inForce,
    maxCumulativeDays: caps.maxCumulativeDays,
    pendingRenewal,
    renewalOf: record?.renewalOf ?? null,
  };
  if (subject.kind === 'partial' || (status !== 'active' && status !== 'expired')) {
    return { ...base, allowed: false, reason: 'Only an active or expired exception can be renewed.' };
  }
  if (pendingRenewal !== null) return { ...base, allowed: false, reason: `${pendingRenewal} already renews ${subject.exception.key}: continue with it.` };
  const before = chainBeforeRenewalOf(subject.exception, record, policy);
  const excess = renewalCapExcess({ key: subject.exception.key, tier, renewal: { renewalCount: before.renewalCount + 1, cumulativeDays: before.cumulativeDays } }, policy);
  if (excess === null) return { ...base, allowed: true, reason: null };
  const top = highestLevel(policy);
  return { ...base, allowed: true, reason: `A renewal is over the cap (${excess}): it will also need ${top.name} approval (group ${top.group}).` };
};

/** Everything the issue panel shows for one exception. */
export const exceptionPanel = async (
  deps: PanelDeps,
  request: { readonly issueKey: string; readonly auditLimit: number },
): Promise<Result<ExceptionPanelView, PanelCode>> => {
  const { policy } = deps;
  const { issueKey } = request;
  const found = await deps.issues.get(issueKey);
  if (found.kind === 'gone') return refuse('PANEL.NOT_FOUND', `${issueKey} does not exist or you may not see it.`);
  if (found.kind === 'failed') return refuse('PANEL.JIRA_FAILED', `Could not read ${issueKey} from Jira (${found.failure.message}); reload in a minute.`);
  if (!isExceptionIssueType(found.issue.issueType.name)) {
    return refuse('PANEL.NOT_AN_EXCEPTION', `${issueKey} is a ${found.issue.issueType.name}, not a security exception.`);
  }
  const now = deps.now();
  const today = policyDay(now, policy);
  const prior = await deps.register.get(issueKey);
  const reading = readExceptionIssue(found.issue, policy, prior);
  let subject: Subject;
  if (reading.kind === 'exception') {
    subject = { kind: 'complete', exception: reading.exception, risk: reading.risk };
  } else {
    const { request: partial } = readExceptionRequest(found.issue);
    const rated =
      partial.riskInputs === undefined || partial.assets.length === 0
        ? null
        : assessRisk({ riskInputs: partial.riskInputs, assets: partial.assets, findings: partial.findings, compensatingControls: partial.compensatingControls }, policy);
    const risk = rated?.ok === true ? rated.value : null;
    const tier = risk?.tier ?? prior?.tier;
    const status = reading.status ?? prior?.status;
    if (tier === undefined || status === undefined) {
      return refuse('PANEL.UNRATED', `${issueKey} cannot be rated yet: ${describeProblems(reading.problems)}. Fill these in to see its risk and approvals.`);
    }
    subject = { kind: 'partial', title: found.issue.summary.trim() || issueKey, status, tier, risk, problem: describeProblems(reading.problems) };
  }

  const [approvals, audit, chain, record, renewals] = await Promise.all([
    deps.approvals.forIssue(issueKey),
    recentAuditEntries(deps.auditStore, issueKey, request.auditLimit),
    deps.chainStatus(),
    deps.renewals.readRecord(issueKey),
    deps.register.renewalsOf(issueKey),
  ]);
  if (!record.ok) return refuse('PANEL.JIRA_FAILED', `Could not read the renewal record of ${issueKey} (${record.error.message}); reload in a minute.`);
  const pendingRenewal = renewals.find((renewal) => !isTerminal(renewal.status))?.issueKey ?? null;
  const levels = levelViews(subject, approvals, policy);
  const exception = subject.kind === 'complete' ? subject.exception : null;
  const voided = approvals.filter((approval) => approval.voidedAt !== undefined).map((approval) => approval.voidedAt ?? '').sort();
  const expiresOn = exception?.expiresOn ?? null;
  const broken = chain.state === 'broken' ? chain.brokenAtSequence : null;
  const identity = subject.kind === 'complete' ? subject.exception : subject;
  return ok({
    key: issueKey,
    title: identity.title,
    status: identity.status,
    tier: identity.tier,
    risk: subject.risk,
    riskProblem: subject.kind === 'partial' && subject.risk === null ? subject.problem : null,
    approval: {
      levels,
      complete: exception !== null && levels.every((view) => view.state === 'done'),
      eligibleGroup: levels.find((view) => view.state === 'next')?.level.group ?? null,
      notAllowed: exception === null ? [] : notAllowedFor(exception, levels, approvals, policy, now),
      voidedAt: voided.at(-1) ?? null,
    },
    expiry: { expiresOn, daysLeft: expiresOn === null ? null : daysBetween(today, expiresOn), asOf: today },
    renewal: renewalView(subject, record.value, pendingRenewal, policy),
    audit: {
      chain,
      entries: audit.entries.map((entry) => ({
        entry,
        summary: auditSummary(entry),
        integrity: broken !== null && entry.sequence >= broken ? 'broken' : 'verified',
      })),
      hasMore: audit.hasMore,
    },
  });
};
