import { dashboardSummary } from '../../app/register/dashboard-summary';
import { listRegister, type RegisterOrder, type RegisterRow as AppRegisterRow, type RegisterSearch } from '../../app/register/register-listing';
import {
  EXPORT_COLUMNS,
  STATUS_LABELS,
  failure,
  success,
  type RegisterFilter,
  type RegisterRow,
  type RegisterSort,
} from '../../contract';
import type { Policy } from '../../domain/policy/policy-config';
import { pageProject, person, type CallScope, type KeyDefinitions } from './resolver-kit';

/** The register page: its table, its CSV export and its dashboard, all for the project the page is shown in. */

export const searchOf = (filter: RegisterFilter): RegisterSearch => ({
  ...(filter.status === undefined ? {} : { statuses: filter.status }),
  ...(filter.tier === undefined ? {} : { tiers: filter.tier }),
  ...(filter.asset === undefined ? {} : { assetId: filter.asset }),
  ...(filter.owner === undefined ? {} : { owner: filter.owner }),
  ...(filter.requester === undefined ? {} : { requester: filter.requester }),
  ...(filter.approver === undefined ? {} : { approver: filter.approver }),
  ...(filter.businessUnit === undefined ? {} : { businessUnit: filter.businessUnit }),
  ...(filter.controlRef === undefined ? {} : { controlReference: filter.controlRef }),
  ...(filter.expiringWithinDays === undefined ? {} : { expiringWithinDays: filter.expiringWithinDays }),
  ...(filter.reviewOverdue === undefined ? {} : { reviewOverdue: filter.reviewOverdue }),
  ...(filter.lacksControls === undefined ? {} : { lacksControls: filter.lacksControls }),
  ...(filter.text === undefined ? {} : { text: filter.text }),
});

export const orderOf = (sort: RegisterSort): RegisterOrder => ({
  by: sort.field === 'updated' ? 'jiraUpdatedAt' : sort.field,
  direction: sort.direction,
});

/** The register stores asset ids, not their names; the id is what it can show truthfully. */
export const registerRowOf = ({ entry, daysLeft, flags }: AppRegisterRow): RegisterRow => ({
  key: entry.issueKey,
  title: entry.title,
  status: entry.status,
  tier: entry.tier,
  residualScore: entry.riskScore,
  assets: entry.assetIds.map((id) => ({ id, name: id })),
  owner: person(entry.assetOwner),
  requester: person(entry.requester),
  businessUnit: entry.businessUnit,
  expiresOn: entry.expiresOn ?? null,
  daysLeft,
  nextReviewDue: entry.nextReviewDue ?? null,
  flags: [...flags],
});

const exportCellsOf = ({ entry, daysLeft, flags }: AppRegisterRow): string[] => [
  entry.issueKey,
  entry.title,
  STATUS_LABELS[entry.status],
  entry.tier,
  entry.riskScore.toFixed(1),
  entry.assetIds.join('; '),
  entry.assetOwner,
  entry.requester,
  entry.businessUnit,
  entry.controlReferences.map((ref) => `${ref.framework} ${ref.id}`).join('; '),
  entry.approvers.join('; '),
  entry.expiresOn ?? '',
  daysLeft === null ? '' : String(daysLeft),
  entry.nextReviewDue ?? '',
  flags.join(' '),
];

/** Keys routed through pageProject always carry a project; reaching here without one is a wiring bug. */
export const projectKeyOf = (scope: CallScope): string => {
  if (scope.caller.projectKey === null) throw new Error('a project-scoped resolver ran without a project');
  return scope.caller.projectKey;
};

type ListingRequest = { readonly filter: RegisterFilter; readonly sort: RegisterSort; readonly pageSize: number; readonly cursor?: string | undefined };

/** The table and the export read the same listing, so an export holds exactly the rows the filter shows. */
const listingFor = ({ filter, sort, pageSize, cursor }: ListingRequest, scope: CallScope & { readonly policy: Policy }) =>
  listRegister(
    { register: scope.services.storage().register, policy: scope.policy, now: scope.services.nowIso },
    {
      projectKey: projectKeyOf(scope),
      search: searchOf(filter),
      order: orderOf(sort),
      limit: pageSize,
      ...(cursor === undefined ? {} : { cursor }),
    },
  );

const invalidCursor = (message: string) => failure('CONTRACT.INVALID_CURSOR', message);

export const registerResolvers = {
  'register/list': {
    capability: 'read-register',
    projectOf: pageProject,
    async run(request, scope) {
      const listing = await listingFor(request, scope);
      if (!listing.ok) return invalidCursor(listing.error.message);
      const { rows, total, next, asOf } = listing.value;
      return success({ rows: rows.map(registerRowOf), total, nextCursor: next ?? null, asOf });
    },
  },
  'register/export-page': {
    capability: 'export-register',
    projectOf: pageProject,
    async run(request, scope) {
      const listing = await listingFor(request, scope);
      if (!listing.ok) return invalidCursor(listing.error.message);
      const { rows, total, next } = listing.value;
      return success({
        columns: [...EXPORT_COLUMNS],
        rows: rows.map(exportCellsOf),
        total,
        nextCursor: next ?? null,
        generatedAt: scope.services.nowIso(),
      });
    },
  },
  'dashboard/summary': {
    capability: 'read-register',
    projectOf: pageProject,
    async run(request, scope) {
      const { services, policy } = scope;
      const summary = await dashboardSummary(
        { register: services.storage().register, statistics: services.statistics(), policy, now: services.nowIso },
        { projectKey: projectKeyOf(scope), months: request.months },
      );
      return success({
        ...summary,
        topApprovers: summary.topApprovers.map(({ approver, approvals }) => ({ approver: person(approver), approvals })),
        // The register does not record when an exception was submitted, so the time to decision cannot be measured.
        meanTimeToDecisionDays: null,
        decisionsByMonth: [...summary.decisionsByMonth],
        renewals: { pending: summary.renewals.pending, byMonth: [...summary.renewals.byMonth] },
      });
    },
  },
} satisfies Pick<KeyDefinitions, 'register/list' | 'register/export-page' | 'dashboard/summary'>;
