import type { Approval } from '../../domain/approval/approval';
import { policyDay } from '../../domain/approval/policy-day';
import { contentHash } from '../../domain/exception/content-hash';
import type { ControlReference, SecurityException } from '../../domain/exception/security-exception';
import { controlsRequired, type Policy } from '../../domain/policy/policy-config';
import type { RiskAssessment } from '../../domain/risk';
import { reviewDueBy } from '../../domain/schedule/due-reviews';
import { firstDayOfNextQuarter, quarterOf, type IsoDate } from '../../domain/shared/dates';
import type { RegisterEntry, StoredRegisterEntry } from '../ports/register-repository';
import type { PriorProjection } from './read-exception-issue';

export type RegisterEntryInput = {
  readonly projectKey: string;
  readonly exception: SecurityException;
  readonly risk: RiskAssessment;
  readonly jiraUpdatedAt: string;
  readonly approvals: readonly Approval[];
  /** Quarters (`2027-Q1`) for which the exception's review was attested. */
  readonly attestedQuarters: ReadonlySet<string>;
  readonly policy: Policy;
  /** ISO instant of the projection: "today" for the review clock. */
  readonly now: string;
  readonly prior: PriorProjection | null;
};

const unique = <T>(items: readonly T[], keyOf: (item: T) => string): T[] => [
  ...new Map(items.map((item) => [keyOf(item), item] as const)).values(),
];

/** Everyone whose approval still stands for the content as it is now. */
export const currentApprovers = (approvals: readonly Approval[], hash: string): string[] =>
  unique(
    approvals.filter((a) => a.decision === 'approved' && a.voidedAt === undefined && a.contentHash === hash).map((a) => a.approver),
    (approver) => approver,
  );

/** A tier that needs compensating controls, without one implemented or verified. */
export const lacksControls = (exception: SecurityException, policy: Policy): boolean =>
  controlsRequired(policy, exception.tier) &&
  !exception.compensatingControls.some((control) => control.status === 'implemented' || control.status === 'verified');

/** The day the next quarterly review is due: this quarter's unless it is already attested, then next quarter's. */
export const nextReviewDue = (
  exception: SecurityException,
  attestedQuarters: ReadonlySet<string>,
  policy: Policy,
  now: string,
): IsoDate | undefined => {
  if (exception.status !== 'active') return undefined;
  const today = policyDay(now, policy);
  return reviewDueBy(exception, attestedQuarters.has(quarterOf(today)) ? firstDayOfNextQuarter(today) : today, policy);
};

const controlKey = (ref: ControlReference): string => `${ref.framework}\u0000${ref.id}`;

export const registerEntryOf = (input: RegisterEntryInput): RegisterEntry => {
  const { exception, policy } = input;
  const hash = contentHash(exception);
  const review = nextReviewDue(exception, input.attestedQuarters, policy, input.now);
  return {
    issueKey: exception.key,
    projectKey: input.projectKey,
    title: exception.title,
    kind: exception.kind,
    status: exception.status,
    tier: input.risk.tier,
    riskScore: Math.round(input.risk.residualScore * 10) / 10,
    requester: exception.requester,
    assetOwner: exception.assetOwner,
    businessUnit: exception.businessUnit,
    assetIds: unique(
      exception.assets.map((asset) => asset.id),
      (id) => id,
    ),
    controlReferences: unique(exception.controlReferences, controlKey).map(({ framework, id }) => ({ framework, id })),
    approvers: currentApprovers(input.approvals, hash),
    ...(exception.expiresOn === undefined ? {} : { expiresOn: exception.expiresOn }),
    ...(exception.activatedAt === undefined ? {} : { activatedAt: exception.activatedAt }),
    statusChangedAt: exception.statusChangedAt,
    ...(review === undefined ? {} : { nextReviewDue: review }),
    lacksControls: lacksControls(exception, policy),
    ...(exception.renewalOf === undefined ? {} : { renewalOf: exception.renewalOf }),
    renewalCount: input.prior?.renewalCount ?? 0,
    contentHash: hash,
    jiraUpdatedAt: input.jiraUpdatedAt,
  };
};

const COMPARED_FIELDS = [
  'issueKey',
  'projectKey',
  'title',
  'kind',
  'status',
  'tier',
  'riskScore',
  'requester',
  'assetOwner',
  'businessUnit',
  'assetIds',
  'controlReferences',
  'approvers',
  'expiresOn',
  'activatedAt',
  'statusChangedAt',
  'nextReviewDue',
  'lacksControls',
  'renewalOf',
  'renewalCount',
  'contentHash',
  'jiraUpdatedAt',
] as const satisfies readonly (keyof RegisterEntry)[];

const instantOf = (value: string | undefined): string | undefined => (value === undefined ? undefined : new Date(value).toISOString());

const comparable = (entry: RegisterEntry): string =>
  JSON.stringify(
    COMPARED_FIELDS.map((field) => {
      if (field === 'activatedAt' || field === 'statusChangedAt' || field === 'jiraUpdatedAt') return instantOf(entry[field]) ?? null;
      return entry[field] ?? null;
    }),
  );

/** Whether the stored row already says what the issue says (the version is the store's, not the issue's). */
export const sameEntry = (stored: StoredRegisterEntry, computed: RegisterEntry): boolean => comparable(stored) === comparable(computed);
