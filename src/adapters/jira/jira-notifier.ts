import type { Notice, Notifier, Remote } from '../../app/jobs/job-ports';
import { ok } from '../../domain/shared/result';
import type { JiraGateway } from './jira-gateway';

export type JiraNotifierOptions = {
  readonly jira: Pick<JiraGateway, 'notifyIssue' | 'findGroupsByName'>;
  /** Where a person opens the issue, e.g. `https://acme.atlassian.net/browse/SEC-12`. */
  readonly issueUrl: (issueKey: string) => string;
};

/** How a person renews: the register's "Request renewal" action sits in the issue's ••• menu. */
export const renewalInstructions = (issueKey: string, url: string): string =>
  `To keep ${issueKey} in force beyond its expiry, request a renewal: open ${url} and choose "Request renewal" from the issue's ••• menu. ` +
  'The renewal needs an updated risk assessment and re-validated controls, and goes through approval like a new request.';

/**
 * Notices as Jira e-mails (`POST /issue/{key}/notify`), which Jira sends only to recipients who may see the issue.
 * The policy names groups; Jira addresses them by id, so names are looked up once per notifier (one per invocation)
 * and a group Jira does not know fails the notice instead of silently reaching nobody.
 */
export class JiraNotifier implements Notifier {
  private readonly groupIds = new Map<string, string>();

  constructor(private readonly options: JiraNotifierOptions) {}

  async notify(notice: Notice): Promise<Remote<undefined>> {
    const groupIds = await this.groupIdsOf(notice.to.groups ?? []);
    if (!groupIds.ok) return groupIds;
    const text = notice.renewalLink === true ? [...notice.text, renewalInstructions(notice.issueKey, this.options.issueUrl(notice.issueKey))] : notice.text;
    const sent = await this.options.jira.notifyIssue(notice.issueKey, {
      subject: notice.subject,
      textBody: text.join('\n\n'),
      to: { accountIds: notice.to.accountIds ?? [], groupIds: groupIds.value },
    });
    return sent.ok ? ok(undefined) : sent;
  }

  private async groupIdsOf(names: readonly string[]): Promise<Remote<string[]>> {
    const unknown = names.filter((name) => !this.groupIds.has(name));
    if (unknown.length > 0) {
      const found = await this.options.jira.findGroupsByName(unknown);
      if (!found.ok) return found;
      for (const group of found.value) if (group.groupId !== null) this.groupIds.set(group.name, group.groupId);
    }
    const missing = names.filter((name) => !this.groupIds.has(name));
    if (missing.length > 0) {
      return {
        ok: false,
        error: {
          code: 'NOTIFY.UNKNOWN_GROUP',
          message: `Jira has no group named ${missing.map((name) => `"${name}"`).join(', ')}: correct the group in the policy configuration.`,
        },
      };
    }
    return ok(names.map((name) => this.groupIds.get(name) ?? ''));
  }
}
