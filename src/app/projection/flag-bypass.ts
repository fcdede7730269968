import { z } from 'zod';
import { appendAuditOnce, type AuditOnceDeps } from './audit-once';
import type { IssueAnnotations, IssueComment, RemoteFailure } from './projection-ports';
import type { BypassedRule } from './transition-rules';

/** The issue property holding the register's flags; the issue panel and JQL read it. */
export const FLAGS_PROPERTY = 'secexc.flags';

/** Jira caps a property at 32 KB of JSON: the newest flags are kept. */
const MAX_FLAGS = 25;

export type RecordedTransition = {
  /** Jira's changelog id: one status change, however often its event is delivered. */
  readonly changelogId: string;
  readonly fromName: string | undefined;
  readonly toName: string;
  readonly actor: string | undefined;
  readonly at: string;
};

const flagSchema = z.object({
  changelogId: z.string(),
  code: z.string(),
  ruleCode: z.string(),
  message: z.string(),
  transition: z.object({ from: z.string().nullable(), to: z.string() }),
  actor: z.string().nullable(),
  at: z.string(),
  detectedAt: z.string(),
  commentId: z.string().optional(),
});
export type BypassFlag = z.infer<typeof flagSchema>;

const flagsSchema = z.object({ flags: z.array(flagSchema) });

/** The flags on record; a property the register cannot read is replaced rather than trusted. */
export const readFlags = (value: unknown): BypassFlag[] => {
  const parsed = flagsSchema.safeParse(value);
  return parsed.success ? parsed.data.flags : [];
};

export const bypassComment = (issueKey: string, transition: RecordedTransition, rule: BypassedRule): IssueComment => ({
  paragraphs: [
    `Security exception register: ${issueKey} was moved from ${transition.fromName ?? 'an unknown status'} to ${transition.toName}` +
      `${transition.actor === undefined ? '' : ` by ${transition.actor}`} at ${transition.at}, bypassing the rule that ${rule.rule}.`,
    rule.message,
    `What to do: ${rule.remedy}`,
  ],
  bullets: [`Rule: ${rule.ruleCode}`, `Flag: ${rule.code}`, `Jira change: ${transition.changelogId}`],
});

export type FlagBypassDeps = AuditOnceDeps & { readonly annotations: IssueAnnotations };

export type FlagBypassRequest = {
  readonly issueKey: string;
  readonly transition: RecordedTransition;
  readonly rule: BypassedRule;
  readonly detectedAt: string;
  /** `system:<job>` of the code that noticed. */
  readonly detectedBy: string;
};

export type FlagBypassResult =
  | { readonly kind: 'flagged'; readonly flag: BypassFlag; readonly firstTime: boolean }
  | { readonly kind: 'failed'; readonly failure: RemoteFailure };

/**
 * Marks a bypassed transition on the issue (property and comment) and in the audit trail, once per changelog
 * entry. The flag is written before the comment and records the comment's id after it, so a re-delivered event
 * finds the comment already made; only a failure between posting the comment and recording it can repeat it.
 */
export const flagBypass = async (deps: FlagBypassDeps, request: FlagBypassRequest): Promise<FlagBypassResult> => {
  const { issueKey, transition, rule } = request;
  const current = await deps.annotations.readProperty(issueKey, FLAGS_PROPERTY);
  if (!current.ok) return { kind: 'failed', failure: current.error };
  const flags = readFlags(current.value);
  const existing = flags.find((flag) => flag.changelogId === transition.changelogId);
  let flag: BypassFlag = existing ?? {
    changelogId: transition.changelogId,
    code: rule.code,
    ruleCode: rule.ruleCode,
    message: rule.message,
    transition: { from: transition.fromName ?? null, to: transition.toName },
    actor: transition.actor ?? null,
    at: transition.at,
    detectedAt: request.detectedAt,
  };
  const others = flags.filter((candidate) => candidate.changelogId !== transition.changelogId);
  const save = (value: BypassFlag) => deps.annotations.writeProperty(issueKey, FLAGS_PROPERTY, { flags: [...others, value].slice(-MAX_FLAGS) });

  if (existing === undefined) {
    const written = await save(flag);
    if (!written.ok) return { kind: 'failed', failure: written.error };
  }
  if (flag.commentId === undefined) {
    const comment = await deps.annotations.addComment(issueKey, bypassComment(issueKey, transition, rule));
    if (!comment.ok) return { kind: 'failed', failure: comment.error };
    flag = { ...flag, commentId: comment.value.id };
    const recorded = await save(flag);
    if (!recorded.ok) return { kind: 'failed', failure: recorded.error };
  }
  await appendAuditOnce(deps, `bypass:${issueKey}:${transition.changelogId}`, {
    at: request.detectedAt,
    actor: transition.actor ?? request.detectedBy,
    action: 'exception.bypass-detected',
    issueKey,
    payload: {
      changelogId: transition.changelogId,
      from: transition.fromName ?? null,
      to: transition.toName,
      transitionAt: transition.at,
      code: rule.code,
      ruleCode: rule.ruleCode,
      message: rule.message,
      detectedBy: request.detectedBy,
    },
  });
  return { kind: 'flagged', flag, firstTime: existing === undefined };
};
