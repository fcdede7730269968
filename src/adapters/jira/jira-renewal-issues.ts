import type { Remote } from '../../app/jobs/job-ports';
import type { RenewalCreation, RenewalIssues } from '../../app/renewal/renewal-ports';
import { RENEWAL_PROPERTY, renewalRecordSchema, type RenewalRecord } from '../../app/renewal/renewal-record';
import { ok, refuse } from '../../domain/shared/result';
import type { FieldIds } from './field-ids';
import type { JiraGateway } from './jira-gateway';
import type { JsonValue } from './property-operations';

/** The issue link type renewals use; set-up may create it, and linking creates it when it is missing. */
export const RENEWAL_LINK_TYPE = { name: 'Renewal', inward: 'is renewed by', outward: 'renews' } as const;

export type JiraRenewalIssuesOptions<N extends string> = {
  /** Acts for the person requesting the renewal (`asUser`), so they are its reporter and Jira applies their permissions. */
  readonly jira: Pick<JiraGateway, 'getIssue' | 'createIssue' | 'createIssueLink' | 'getIssueProperty' | 'setIssueProperty'>;
  /** The app (`asApp`): creating a link type needs Administer Jira, which the requester rarely has. */
  readonly admin: Pick<JiraGateway, 'listIssueLinkTypes' | 'createIssueLinkType'>;
  /** The exception's custom fields, all copied to the renewal. */
  readonly fieldIds: FieldIds<N>;
  /** Which of them holds the requested expiry, which the renewal asks anew. */
  readonly requestedExpiryField: N;
};

/**
 * Renewal issues in Jira. Creating one copies the original's fields raw (as Jira holds them, so nothing is lost
 * in a round trip through the domain) and sets the renewal record as an issue property in the same request.
 */
export class JiraRenewalIssues<N extends string> implements RenewalIssues {
  constructor(private readonly options: JiraRenewalIssuesOptions<N>) {}

  async create(creation: RenewalCreation): Promise<Remote<{ readonly key: string }>> {
    const { jira, fieldIds, requestedExpiryField } = this.options;
    const original = await jira.getIssue(creation.originalKey, fieldIds);
    if (!original.ok) return original;
    const copied: Record<string, JsonValue> = {};
    for (const name of Object.keys(fieldIds) as N[]) {
      const value = original.value.custom[name];
      // Values Jira returned are JSON by construction: copied as they are.
      if (name !== requestedExpiryField && value !== undefined) copied[fieldIds[name]] = value as JsonValue;
    }
    copied[fieldIds[requestedExpiryField]] = creation.requestedExpiry;
    const created = await jira.createIssue({
      projectKey: original.value.project.key,
      issueTypeName: original.value.issueType.name,
      summary: creation.summary,
      ...(original.value.description === undefined || original.value.description === null ? {} : { description: original.value.description as JsonValue }),
      fields: copied,
      properties: { [RENEWAL_PROPERTY]: creation.record },
    });
    return created.ok ? ok({ key: created.value.key }) : created;
  }

  async link(renewalKey: string, originalKey: string): Promise<Remote<undefined>> {
    const { jira, admin } = this.options;
    const link = () => jira.createIssueLink({ typeName: RENEWAL_LINK_TYPE.name, inwardIssueKey: renewalKey, outwardIssueKey: originalKey });
    const first = await link();
    if (first.ok) return ok(undefined);
    if (first.error.code !== 'JIRA.NOT_FOUND') return first;
    const types = await admin.listIssueLinkTypes();
    if (!types.ok) return types;
    if (!types.value.some((type) => type.name.toLowerCase() === RENEWAL_LINK_TYPE.name.toLowerCase())) {
      const createdType = await admin.createIssueLinkType(RENEWAL_LINK_TYPE);
      if (!createdType.ok) return createdType;
    }
    const second = await link();
    return second.ok ? ok(undefined) : second;
  }

  async readRecord(issueKey: string): Promise<Remote<RenewalRecord | null>> {
    const value = await this.options.jira.getIssueProperty(issueKey, RENEWAL_PROPERTY);
    if (!value.ok) return value.error.code === 'JIRA.NOT_FOUND' ? ok(null) : value;
    const parsed = renewalRecordSchema.safeParse(value.value);
    return parsed.success
      ? ok(parsed.data)
      : refuse('RENEWAL.INVALID_RECORD', `the renewal record on ${issueKey} is unreadable: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
  }

  async writeRecord(issueKey: string, record: RenewalRecord): Promise<Remote<undefined>> {
    const written = await this.options.jira.setIssueProperty(issueKey, RENEWAL_PROPERTY, record);
    return written.ok ? ok(undefined) : written;
  }
}
