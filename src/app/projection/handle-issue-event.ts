import type { ApprovalStateTransitions } from '../approvals/decision-ports';
import { voidStaleApprovals, type VoidStaleOutcome } from '../approvals/void-stale-approvals';
import { isExceptionIssueType } from './exception-issue';
import { flagBypass, type FlagBypassResult, type RecordedTransition } from './flag-bypass';
import { forgetIssue } from './forget-issue';
import { projectIssue, type ProjectionDeps, type ProjectionResult, type ProjectionSubject } from './project-issue';
import type { GroupDirectory, IssueAnnotations, RemoteFailure } from './projection-ports';
import { readExceptionRequest, statusNamed } from './read-exception-issue';
import { bypassedRule, isGuardedStatus } from './transition-rules';

export type StatusChange = { readonly changelogId: string; readonly fromName: string | undefined; readonly toName: string };

/** A Jira issue event, as the entry layer parsed it from the platform payload. */
export type IssueChangeEvent = {
  readonly type: 'created' | 'updated';
  readonly issueKey: string;
  readonly issueTypeName: string | undefined;
  /** Account that caused the event; absent when Jira names nobody. */
  readonly actor: string | undefined;
  readonly at: string;
  /** Present on an update whose changelog moved the status. */
  readonly statusChange?: StatusChange;
};

export type IssueDeletedEvent = {
  readonly type: 'deleted';
  readonly issueKey: string;
  readonly issueTypeName: string | undefined;
  readonly actor: string | undefined;
  readonly at: string;
};

export type IssueEvent = IssueChangeEvent | IssueDeletedEvent;

export type IssueEventDeps = ProjectionDeps & {
  readonly annotations: IssueAnnotations;
  readonly groups: GroupDirectory;
  /** The register's transitions back to Awaiting Approval, for an active exception whose approvals stop counting. */
  readonly transitions: ApprovalStateTransitions;
};

export type BypassCheck =
  | { readonly kind: 'not-guarded' }
  | { readonly kind: 'rules-passed' }
  | { readonly kind: 'failed'; readonly failure: RemoteFailure }
  | FlagBypassResult;

export type IssueEventOutcome = {
  readonly projection: ProjectionResult;
  readonly bypass?: BypassCheck;
  /** Approvals given to content the change made stale. */
  readonly voiding?: VoidStaleOutcome;
};

/** The job name the trigger acts under when no person is named. */
const ISSUE_EVENTS_JOB = 'system:issue-events';

const actorOf = (event: IssueEvent): string => event.actor ?? ISSUE_EVENTS_JOB;

const checkTransition = async (
  deps: IssueEventDeps,
  event: IssueChangeEvent,
  change: StatusChange,
  subject: ProjectionSubject,
  now: string,
): Promise<BypassCheck> => {
  const to = statusNamed(change.toName);
  if (!isGuardedStatus(to)) return { kind: 'not-guarded' };
  const from = statusNamed(change.fromName);
  let actor: { accountId: string; groups: readonly string[] } | null = null;
  if (event.actor !== undefined && to === 'awaiting-approval' && from === 'risk-review') {
    const groups = await deps.groups.groupsOf(event.actor);
    if (!groups.ok) return { kind: 'failed', failure: groups.error };
    actor = { accountId: event.actor, groups: groups.value };
  }
  const rule = bypassedRule({
    issueKey: event.issueKey,
    from,
    fromName: change.fromName,
    to,
    request: readExceptionRequest(subject.issue).request,
    reading: subject.reading,
    approvals: subject.approvals,
    actor,
    policy: deps.policy,
    at: event.at,
  });
  if (rule === null) return { kind: 'rules-passed' };
  const transition: RecordedTransition = { ...change, actor: event.actor, at: event.at };
  return flagBypass(deps, { issueKey: event.issueKey, transition, rule, detectedAt: now, detectedBy: ISSUE_EVENTS_JOB });
};

/**
 * Keeps the register in step with one issue event. Creates and updates re-project the issue from Jira; a status
 * change into a guarded status is then re-checked against the rules the workflow validators enforce. A delete
 * removes the entry and audits who deleted it.
 */
export const handleIssueEvent = async (deps: IssueEventDeps, event: IssueEvent, now: string): Promise<IssueEventOutcome> => {
  if (event.type === 'deleted') {
    const forgotten = await forgetIssue(deps, {
      issueKey: event.issueKey,
      actor: actorOf(event),
      at: event.at,
      action: 'exception.deleted',
      reason: 'the issue was deleted in Jira',
      knownException: isExceptionIssueType(event.issueTypeName),
    });
    return { projection: { kind: 'forgotten', removed: forgotten.removed, reason: 'the issue was deleted in Jira' } };
  }
  if (event.issueTypeName !== undefined && !isExceptionIssueType(event.issueTypeName) && (await deps.register.get(event.issueKey)) === null) {
    return { projection: { kind: 'skipped', reason: `a ${event.issueTypeName} issue, not a Security Exception` } };
  }
  const { result, subject } = await projectIssue(deps, { issueKey: event.issueKey, now, actor: actorOf(event) });
  if (event.type !== 'updated' || subject === undefined) return { projection: result };
  const bypass = event.statusChange === undefined ? undefined : await checkTransition(deps, event, event.statusChange, subject, now);
  const voiding = await voidApprovalsOfChangedContent(deps, event, subject, now);
  // The register's own transition back to Awaiting Approval raises no event the app receives (`ignoreSelf`).
  const projection = voiding?.kind === 'voided' && voiding.returned ? (await projectIssue(deps, { issueKey: event.issueKey, now, actor: ISSUE_EVENTS_JOB })).result : result;
  return { projection, ...(bypass === undefined ? {} : { bypass }), ...(voiding === undefined ? {} : { voiding }) };
};

const voidApprovalsOfChangedContent = async (
  deps: IssueEventDeps,
  event: IssueChangeEvent,
  subject: ProjectionSubject,
  now: string,
): Promise<VoidStaleOutcome | undefined> => {
  if (subject.reading.kind !== 'exception') return undefined;
  return voidStaleApprovals(
    { ...deps, auditTrail: deps.audit.store },
    { exception: subject.reading.exception, approvals: subject.approvals, editor: event.actor, now },
  );
};
