import type { IssueAnnotations, IssueComment, RemoteFailure } from '../projection-ports';

type Operation = 'readProperty' | 'writeProperty' | 'addComment';

/** Issue properties and comments kept in memory; `failNext` makes the next call of an operation fail as Jira would. */
export class InMemoryAnnotations implements IssueAnnotations {
  readonly properties = new Map<string, unknown>();
  readonly comments: { readonly issueKey: string; readonly id: string; readonly comment: IssueComment }[] = [];
  private readonly failures = new Map<Operation, RemoteFailure>();

  failNext(operation: Operation, failure: RemoteFailure): void {
    this.failures.set(operation, failure);
  }

  private failure(operation: Operation): { ok: false; error: RemoteFailure } | undefined {
    const failure = this.failures.get(operation);
    if (failure === undefined) return undefined;
    this.failures.delete(operation);
    return { ok: false, error: failure };
  }

  async readProperty(issueKey: string, propertyKey: string) {
    await Promise.resolve();
    return this.failure('readProperty') ?? { ok: true as const, value: structuredClone(this.properties.get(`${issueKey}/${propertyKey}`)) };
  }

  async writeProperty(issueKey: string, propertyKey: string, value: unknown) {
    await Promise.resolve();
    const failed = this.failure('writeProperty');
    if (failed !== undefined) return failed;
    this.properties.set(`${issueKey}/${propertyKey}`, structuredClone(value));
    return { ok: true as const, value: undefined };
  }

  async addComment(issueKey: string, comment: IssueComment) {
    await Promise.resolve();
    const failed = this.failure('addComment');
    if (failed !== undefined) return failed;
    const id = String(10_000 + this.comments.length);
    this.comments.push({ issueKey, id, comment });
    return { ok: true as const, value: { id } };
  }
}
