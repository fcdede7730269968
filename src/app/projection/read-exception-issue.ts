import { z } from 'zod';
import {
  assetSchema,
  compensatingControlSchema,
  controlReferenceSchema,
  EXCEPTION_KINDS,
  exceptionRequestSchema,
  findingSchema,
  isoDateSchema,
  remediationPlanSchema,
  riskInputsSchema,
  securityExceptionSchema,
  STATUS_NAMES,
  STATUSES,
  THREAT_VECTORS,
  type ExceptionRequest,
  type SecurityException,
  type Status,
} from '../../domain/exception/security-exception';
import type { Policy } from '../../domain/policy/policy-config';
import { assessRisk, type RiskAssessment } from '../../domain/risk';
import type { RegisterEntry } from '../ports/register-repository';
import { descriptionSections } from './description-sections';
import type { ExceptionFieldName, ExceptionIssue } from './exception-issue';
import { normalizeJiraInstant } from './jira-instant';

/**
 * Reads a Security Exception issue into the domain model. Jira's field values are parsed with the domain's own
 * schemas; the small index arrays each object field carries for JQL (`assetIds`, `cves`, `statuses`, ...) are
 * ignored and re-derived from the items, so an index that drifted from its items cannot mislead the register.
 * Nothing is defaulted that the issue does not say: a missing or malformed part is a problem, listed by path.
 */

export type ReadProblem = { readonly path: string; readonly message: string };

/** What the register already knows about the issue: Jira keeps no record of when its status last changed. */
export type PriorProjection = Pick<RegisterEntry, 'status' | 'statusChangedAt' | 'activatedAt' | 'renewalOf' | 'renewalCount'>;

export type IssueReading =
  | {
      readonly kind: 'exception';
      readonly exception: SecurityException;
      readonly risk: RiskAssessment;
      readonly jiraUpdatedAt: string;
    }
  | {
      readonly kind: 'incomplete';
      /** The issue's status when it is one of the workflow's, so a draft can be told from a broken submission. */
      readonly status: Status | undefined;
      readonly problems: readonly ReadProblem[];
    };

const FIELD_SCHEMAS = {
  kind: z.enum(EXCEPTION_KINDS),
  assets: z.looseObject({
    businessUnit: z.string().optional(),
    owner: z.string().optional(),
    items: z.array(assetSchema),
  }),
  controlReferences: z.looseObject({ references: z.array(controlReferenceSchema) }),
  findings: z.looseObject({ items: z.array(findingSchema) }),
  riskInputs: z.intersection(riskInputsSchema, z.looseObject({ threatVectors: z.array(z.enum(THREAT_VECTORS)).default([]) })),
  compensatingControls: z.looseObject({ items: z.array(compensatingControlSchema) }),
  requestedExpiry: isoDateSchema,
  remediationPlan: remediationPlanSchema,
} satisfies Record<ExceptionFieldName, z.ZodType>;

type FieldValues = { -readonly [F in ExceptionFieldName]?: z.infer<(typeof FIELD_SCHEMAS)[F]> };

const problemsOf = (prefix: string, error: z.ZodError): ReadProblem[] =>
  error.issues.map((issue) => ({ path: [prefix, ...issue.path.map(String)].join('.'), message: issue.message }));

const readFields = (issue: ExceptionIssue): { values: FieldValues; problems: ReadProblem[] } => {
  const values: Record<string, unknown> = {};
  const problems: ReadProblem[] = [];
  for (const name of Object.keys(FIELD_SCHEMAS) as ExceptionFieldName[]) {
    const raw = issue.custom[name];
    if (raw === undefined || raw === null) continue;
    const parsed = FIELD_SCHEMAS[name].safeParse(raw);
    if (parsed.success) values[name] = parsed.data;
    else problems.push(...problemsOf(name, parsed.error));
  }
  return { values, problems };
};

const STATUS_BY_NAME: ReadonlyMap<string, Status> = new Map(STATUSES.map((status) => [STATUS_NAMES[status].toLowerCase(), status]));

/** The register status a Jira status name stands for; undefined for a status outside the exception workflow. */
export const statusNamed = (name: string | undefined): Status | undefined =>
  name === undefined ? undefined : STATUS_BY_NAME.get(name.trim().toLowerCase());

const riskInputsOf = (value: NonNullable<FieldValues['riskInputs']>): ExceptionRequest['riskInputs'] =>
  value.method === 'cvss' ? { method: 'cvss', vector: value.vector } : { method: 'matrix', likelihood: value.likelihood, impact: value.impact };

/**
 * The request as the issue states it: every readable part, with malformed fields left out and listed as problems.
 * Pre-flight runs on this, so a submission that skipped the intake validator is judged on what it actually holds.
 */
export const readExceptionRequest = (issue: ExceptionIssue): { request: ExceptionRequest; problems: readonly ReadProblem[] } => {
  const { values, problems } = readFields(issue);
  const sections = descriptionSections(issue.description);
  const candidate = {
    kind: values.kind,
    title: issue.summary.trim() === '' ? undefined : issue.summary,
    requester: issue.reporterAccountId,
    assetOwner: values.assets?.owner,
    businessUnit: values.assets?.businessUnit,
    assets: values.assets?.items ?? [],
    controlReferences: values.controlReferences?.references ?? [],
    findings: values.findings?.items ?? [],
    justification: sections.justification,
    businessImpact: sections.businessImpact,
    compensatingControls: values.compensatingControls?.items ?? [],
    threatVectors: values.riskInputs?.threatVectors ?? [],
    riskInputs: values.riskInputs === undefined ? undefined : riskInputsOf(values.riskInputs),
    requestedExpiry: values.requestedExpiry,
    remediationPlan: values.remediationPlan,
  };
  const parsed = exceptionRequestSchema.safeParse(candidate);
  if (parsed.success) return { request: parsed.data, problems };
  const invalid = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(candidate).filter(([field]) => !invalid.has(field)));
  return { request: exceptionRequestSchema.parse(kept), problems: [...problems, ...problemsOf('request', parsed.error)] };
};

const POST_ACTIVATION: readonly Status[] = ['expired', 'revoked', 'remediated', 'superseded'];

/**
 * When the current status began, and when the exception came into force. Jira does not say when a status was
 * entered, so a status already projected keeps its recorded time; a new status is dated by the issue's last
 * update, the latest moment the change can have happened.
 */
export const lifecycleTimes = (
  status: Status,
  times: { readonly created: string; readonly updated: string },
  prior: PriorProjection | null,
): { statusChangedAt: string; activatedAt?: string } => {
  if (prior !== null && prior.status === status) {
    const activatedAt = prior.activatedAt ?? (status === 'active' ? prior.statusChangedAt : undefined);
    return { statusChangedAt: prior.statusChangedAt, ...(activatedAt === undefined ? {} : { activatedAt }) };
  }
  const statusChangedAt = prior === null && status === 'draft' ? times.created : times.updated;
  if (status === 'active') return { statusChangedAt, activatedAt: statusChangedAt };
  const activatedAt = POST_ACTIVATION.includes(status) ? prior?.activatedAt : undefined;
  return { statusChangedAt, ...(activatedAt === undefined ? {} : { activatedAt }) };
};

/** Only an exception in force, or one that ran out, has a last day in force: the approved requested expiry. */
const expiresOnFor = (status: Status, requestedExpiry: string | undefined): string | undefined =>
  status === 'active' || status === 'expired' ? requestedExpiry : undefined;

export const readExceptionIssue = (issue: ExceptionIssue, policy: Policy, prior: PriorProjection | null): IssueReading => {
  const status = statusNamed(issue.status.name);
  const { request, problems } = readExceptionRequest(issue);
  const created = normalizeJiraInstant(issue.created);
  const updated = normalizeJiraInstant(issue.updated);
  const found: ReadProblem[] = [...problems];
  if (status === undefined) found.push({ path: 'status', message: `"${issue.status.name}" is not a status of the exception workflow` });
  if (created === undefined) found.push({ path: 'created', message: `Jira gave no readable creation time (${String(issue.created)})` });
  if (updated === undefined) found.push({ path: 'updated', message: `Jira gave no readable update time (${String(issue.updated)})` });
  if (request.riskInputs === undefined) found.push({ path: 'riskInputs', message: 'the risk inputs are missing' });
  if (status === undefined || created === undefined || updated === undefined || request.riskInputs === undefined) {
    return { kind: 'incomplete', status, problems: found };
  }
  const risk = assessRisk({ ...request, riskInputs: request.riskInputs }, policy);
  if (!risk.ok) return { kind: 'incomplete', status, problems: [...found, { path: 'riskInputs', message: risk.error.message }] };

  const expiresOn = expiresOnFor(status, request.requestedExpiry);
  const candidate = {
    ...request,
    key: issue.key,
    status,
    tier: risk.value.tier,
    ...(prior?.renewalOf === undefined ? {} : { renewalOf: prior.renewalOf }),
    createdAt: created,
    ...lifecycleTimes(status, { created, updated }, prior),
    ...(expiresOn === undefined ? {} : { expiresOn }),
  };
  const parsed = securityExceptionSchema.safeParse(candidate);
  if (!parsed.success || found.length > 0) {
    return { kind: 'incomplete', status, problems: [...found, ...(parsed.success ? [] : problemsOf('exception', parsed.error))] };
  }
  return { kind: 'exception', exception: parsed.data, risk: risk.value, jiraUpdatedAt: updated };
};

/** One line naming the first problems, for a failure report or a log line. */
export const describeProblems = (problems: readonly ReadProblem[], limit = 5): string => {
  const shown = problems.slice(0, limit).map((problem) => `${problem.path}: ${problem.message}`);
  const more = problems.length > limit ? ` (and ${problems.length - limit} more)` : '';
  return `${shown.join('; ')}${more}`;
};
