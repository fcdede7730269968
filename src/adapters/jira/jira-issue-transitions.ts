import { REGISTER_TRANSITIONS, type IssueTransitions, type NoticeText, type Remote, type RegisterTransition } from '../../app/jobs/job-ports';
import { STATUS_NAMES } from '../../domain/exception/security-exception';
import { ok } from '../../domain/shared/result';
import { adfDocument, paragraph } from './adf';
import type { JiraGateway } from './jira-gateway';

/**
 * The register's own transitions, taken by name. Every exception shares one workflow, so a transition's id is
 * looked up once (from the first issue that needs it) and reused: the jobs spend one Jira call per action, not two.
 * A cached id Jira refuses is looked up again for that issue before the refusal is reported.
 */
export class JiraIssueTransitions implements IssueTransitions {
  private readonly ids = new Map<RegisterTransition, string>();

  constructor(private readonly jira: Pick<JiraGateway, 'getTransitions' | 'transitionIssue'>) {}

  async transition(issueKey: string, transition: RegisterTransition, comment: NoticeText): Promise<Remote<undefined>> {
    const cached = this.ids.get(transition);
    if (cached !== undefined) {
      const taken = await this.take(issueKey, cached, comment);
      if (taken.ok || taken.error.code !== 'JIRA.BAD_REQUEST') return taken;
    }
    const found = await this.lookUp(issueKey, transition);
    if (!found.ok) return found;
    this.ids.set(transition, found.value);
    return this.take(issueKey, found.value, comment);
  }

  private async lookUp(issueKey: string, transition: RegisterTransition): Promise<Remote<string>> {
    const { name, to } = REGISTER_TRANSITIONS[transition];
    const offered = await this.jira.getTransitions(issueKey);
    if (!offered.ok) return offered;
    const match = offered.value.find((candidate) => candidate.name === name && candidate.to.name === STATUS_NAMES[to] && candidate.isAvailable);
    return match === undefined
      ? {
          ok: false,
          error: {
            code: 'TRANSITION.UNAVAILABLE',
            message: `Jira offers no "${name}" transition to ${STATUS_NAMES[to]} for ${issueKey} now (offered: ${
              offered.value.map((candidate) => candidate.name).join(', ') || 'none'
            }): the issue is not in a status it starts from, or the workflow was changed outside the app's set-up.`,
          },
        }
      : ok(match.id);
  }

  private async take(issueKey: string, transitionId: string, comment: NoticeText): Promise<Remote<undefined>> {
    const result = await this.jira.transitionIssue(issueKey, {
      transitionId,
      comment: adfDocument(...comment.map((line) => paragraph(line))),
    });
    return result.ok ? ok(undefined) : result;
  }
}
