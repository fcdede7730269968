import { adfDocument, bulletList, paragraph, type AdfBlock } from '../../adapters/jira/adf';
import type { FieldIds, SiteFieldIds } from '../../adapters/jira/field-ids';
import type { JiraGateway } from '../../adapters/jira/jira-gateway';
import type { JsonValue, MultiFieldUpdate } from '../../adapters/jira/property-operations';
import type { ApprovalStateTransitions } from '../../app/approvals/decision-ports';
import { COMPUTED_FIELD_NAMES } from '../../app/projection/computed-fields';
import { EXCEPTION_ISSUE_TYPE, type ComputedFieldName, type ExceptionFieldName } from '../../app/projection/exception-issue';
import { STATUS_NAMES } from '../../domain/exception/security-exception';
import { TRANSITION_NAMES } from '../../domain/provisioning/workflow-plan';
import type {
  ComputedFieldWriter,
  ExceptionIssueReader,
  GroupDirectory,
  IssueAnnotations,
  IssueComment,
  Remote,
} from '../../app/projection/projection-ports';

/**
 * The projection's Jira ports over the gateway, acting as the app (triggers and scheduled jobs have no user).
 * Gateway results already carry the ports' failure shape, so only the meaning of a 404 is decided here.
 */

export type FieldIdSource = () => Promise<Remote<FieldIds<ExceptionFieldName>>>;

/** The exception fields' ids, and those of the computed fields the site has. */
export type AppFieldIds = FieldIds<ExceptionFieldName> & SiteFieldIds<ComputedFieldName>;
export type AppFieldIdSource = () => Promise<Remote<AppFieldIds>>;

/** Ordered by key so a resumed reconcile can tell which issues it already did. */
const EXCEPTION_SEARCH_JQL = `issuetype = "${EXCEPTION_ISSUE_TYPE}" ORDER BY key ASC`;

const SEARCH_PAGE_SIZE = 100;

/** Reads exception issues with the fields the ids name: the projection's reader also reads the computed fields' values. */
export const exceptionIssueReader = (gateway: JiraGateway, fieldIds: AppFieldIdSource): ExceptionIssueReader => ({
  async get(issueKey) {
    const ids = await fieldIds();
    if (!ids.ok) return { kind: 'failed', failure: ids.error };
    const result = await gateway.getIssue<ExceptionFieldName | ComputedFieldName>(issueKey, ids.value);
    if (result.ok) return { kind: 'found', issue: result.value };
    return result.error.code === 'JIRA.NOT_FOUND' ? { kind: 'gone' } : { kind: 'failed', failure: result.error };
  },

  async getMany(issueKeys) {
    const ids = await fieldIds();
    if (!ids.ok) return ids;
    const result = await gateway.bulkFetchIssues<ExceptionFieldName | ComputedFieldName>(issueKeys, ids.value);
    return result.ok ? { ok: true, value: { issues: result.value.issues, missing: result.value.misses.map((miss) => miss.idOrKey) } } : result;
  },

  async *pages() {
    const ids = await fieldIds();
    if (!ids.ok) {
      yield ids;
      return;
    }
    const search = { jql: EXCEPTION_SEARCH_JQL, fieldIds: ids.value, pageSize: SEARCH_PAGE_SIZE };
    for await (const page of gateway.searchIssues<ExceptionFieldName | ComputedFieldName>(search)) {
      yield page.ok ? { ok: true, value: page.value.issues } : page;
    }
  },
});

const asJson = (value: unknown): JsonValue => JSON.parse(JSON.stringify(value)) as JsonValue;

const adfOf = (comment: IssueComment) => {
  const blocks: AdfBlock[] = comment.paragraphs.map((text) => paragraph(text));
  if (comment.bullets.length > 0) blocks.push(bulletList(...comment.bullets));
  return adfDocument(...blocks);
};

export const issueAnnotations = (gateway: JiraGateway): IssueAnnotations => ({
  async readProperty(issueKey, propertyKey) {
    const result = await gateway.getIssueProperty(issueKey, propertyKey);
    if (result.ok || result.error.code !== 'JIRA.NOT_FOUND') return result;
    return { ok: true, value: undefined };
  },
  writeProperty: (issueKey, propertyKey, value) => gateway.setIssueProperty(issueKey, propertyKey, asJson(value)),
  addComment: (issueKey, comment) => gateway.addComment(issueKey, adfOf(comment)),
});

/** Jira's issue ids are numbers on the wire; the app field API takes them as such. */
const numericIssueId = (issueId: string): number => {
  if (!/^[1-9]\d{0,17}$/.test(issueId) || !Number.isSafeInteger(Number(issueId))) throw new Error(`Jira issue id ${issueId} is not a numeric id`);
  return Number(issueId);
};

/**
 * The computed fields, written as the app through the app field API in one request per issue. No changelog entry is
 * made: the values follow from the issue's own history, and an entry per re-rating would bury the people's edits.
 */
export const computedFieldWriter = (gateway: Pick<JiraGateway, 'setAppFieldValues'>, fieldIds: AppFieldIdSource): ComputedFieldWriter => ({
  async onSite() {
    const ids = await fieldIds();
    return ids.ok ? { ok: true, value: COMPUTED_FIELD_NAMES.filter((name) => ids.value[name] !== undefined) } : ids;
  },

  async write(issueId, values) {
    const ids = await fieldIds();
    if (!ids.ok) return ids;
    const issueIds = [numericIssueId(issueId)];
    const updates = COMPUTED_FIELD_NAMES.flatMap((name): MultiFieldUpdate[] => {
      const customField = ids.value[name];
      const value = values[name];
      return customField === undefined || value === undefined ? [] : [{ customField, issueIds, value: asJson(value) }];
    });
    if (updates.length === 0) return { ok: true, value: undefined };
    return gateway.setAppFieldValues(updates, { generateChangelog: false });
  },
});

export const groupDirectory = (gateway: JiraGateway): GroupDirectory => ({
  async groupsOf(accountId) {
    const result = await gateway.getUserGroups(accountId);
    return result.ok ? { ok: true, value: result.value.map((group) => group.name) } : result;
  },
});

/**
 * The register's own transitions back to Awaiting Approval, found by the names set-up gives them and taken as the
 * app with the comment in the same request. Set-up hides them from people; Jira still offers them to the app.
 */
export const approvalStateTransitions = (gateway: Pick<JiraGateway, 'getTransitions' | 'transitionIssue'>): ApprovalStateTransitions => ({
  async returnForApproval(issueKey, via, comment) {
    const name = TRANSITION_NAMES[via];
    const offered = await gateway.getTransitions(issueKey);
    if (!offered.ok) return offered;
    const transition = offered.value.find((candidate) => candidate.name === name && candidate.to.name === STATUS_NAMES['awaiting-approval']);
    if (transition === undefined) {
      return {
        ok: false,
        error: {
          code: 'TRANSITION.UNAVAILABLE',
          message:
            `Jira offers no "${name}" transition to ${STATUS_NAMES['awaiting-approval']} for ${issueKey} ` +
            `(offered: ${offered.value.map((candidate) => candidate.name).join(', ') || 'none'}); the workflow was changed outside the app's set-up.`,
        },
      };
    }
    const taken = await gateway.transitionIssue(issueKey, { transitionId: transition.id, comment: adfOf(comment) });
    return taken.ok ? { ok: true, value: undefined } : taken;
  },
});
