import type { ExceptionRead, ExceptionReader, Remote } from '../../app/jobs/job-ports';
import type { StoredRegisterEntry } from '../../app/ports/register-repository';
import { ok } from '../../domain/shared/result';
import type { FieldIds } from './field-ids';
import type { JiraGateway } from './jira-gateway';
import type { JiraIssue } from './issue-operations';

/** Reads one Jira issue as an exception, knowing what the register held for it (Jira keeps no status history). */
export type ReadExceptionIssue<N extends string> = (issue: JiraIssue<N>, prior: StoredRegisterEntry) => ExceptionRead;

/**
 * The exceptions a job is about to act on, read from Jira in bulk (100 per request): the jobs decide on what Jira
 * holds now, not on a projection that may lag behind it. An issue Jira does not return is gone for the job.
 */
export class JiraExceptionReader<N extends string> implements ExceptionReader {
  constructor(
    private readonly jira: Pick<JiraGateway, 'bulkFetchIssues'>,
    private readonly fieldIds: FieldIds<N>,
    private readonly readIssue: ReadExceptionIssue<N>,
  ) {}

  async read(entries: readonly StoredRegisterEntry[]): Promise<Remote<ReadonlyMap<string, ExceptionRead>>> {
    const reads = new Map<string, ExceptionRead>();
    if (entries.length === 0) return ok(reads);
    const fetched = await this.jira.bulkFetchIssues(
      entries.map((entry) => entry.issueKey),
      this.fieldIds,
    );
    if (!fetched.ok) return fetched;
    const byKey = new Map(fetched.value.issues.map((issue) => [issue.key, issue]));
    for (const entry of entries) {
      const issue = byKey.get(entry.issueKey);
      reads.set(entry.issueKey, issue === undefined ? { kind: 'gone' } : this.readIssue(issue, entry));
    }
    return ok(reads);
  }
}
