import { exceptionRequestSchema, type ExceptionRequest } from '../../domain/exception/security-exception';
import type { Policy } from '../../domain/policy/policy-config';
import { preflight, type PreflightContext, type PreflightResult } from '../../domain/preflight/preflight';
import { ok, refuse, type Result } from '../../domain/shared/result';
import { activeCountsFor, type ActiveCountSource } from '../intake/active-counts';
import type { ExceptionIssueReader } from '../projection/projection-ports';
import { readExceptionRequest } from '../projection/read-exception-issue';
import type { RenewalIssues } from '../renewal/renewal-ports';

export type IntakePreflightDeps = {
  readonly policy: Policy;
  readonly now: () => string;
  readonly register: ActiveCountSource;
  /** Reads the issue with the caller's own Jira permissions. */
  readonly issues: Pick<ExceptionIssueReader, 'get'>;
  readonly renewals: Pick<RenewalIssues, 'readRecord'>;
};

/** The fields the editor knows better than the issue does: each one present replaces the issue's value. */
export type RequestPatch = { readonly [F in keyof ExceptionRequest]?: ExceptionRequest[F] };

export type IntakePreflightCode = 'INTAKE.ISSUE_NOT_FOUND' | 'INTAKE.JIRA_FAILED';

/**
 * Pre-flight while a request is being written: the issue's saved fields (when it exists) with the editor's values
 * on top, judged by the same function the Submit validator runs. A new request is the caller's own.
 */
export const intakePreflight = async (
  deps: IntakePreflightDeps,
  request: { readonly issueKey?: string; readonly patch: RequestPatch; readonly caller: string },
): Promise<Result<PreflightResult, IntakePreflightCode>> => {
  let saved: ExceptionRequest = exceptionRequestSchema.parse({ requester: request.caller });
  let context: PreflightContext = {};
  if (request.issueKey !== undefined) {
    const found = await deps.issues.get(request.issueKey);
    if (found.kind === 'gone') {
      return refuse('INTAKE.ISSUE_NOT_FOUND', `${request.issueKey} does not exist or you may not see it.`);
    }
    if (found.kind === 'failed') {
      return refuse('INTAKE.JIRA_FAILED', `Could not read ${request.issueKey} from Jira (${found.failure.message}); try again in a minute.`);
    }
    saved = readExceptionRequest(found.issue).request;
    const record = await deps.renewals.readRecord(request.issueKey);
    if (!record.ok) {
      return refuse('INTAKE.JIRA_FAILED', `Could not read whether ${request.issueKey} is a renewal (${record.error.message}); try again in a minute.`);
    }
    if (record.value !== null) context = { renewal: record.value.chainBefore };
  }
  const merged: ExceptionRequest = { ...saved, ...request.patch };
  const activeCounts = await activeCountsFor(deps.register, { ...merged, issueKey: request.issueKey });
  return ok(preflight(merged, deps.policy, new Date(deps.now()), { ...context, activeCounts }));
};
