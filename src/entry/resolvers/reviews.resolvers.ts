import { projectReviewQueue } from '../../app/register/review-queue';
import { attestReview } from '../../app/reviews/attest-review';
import { failure, success, type AttestationView } from '../../contract';
import type { RecordedReviewAttestation } from '../../app/ports/review-attestation-repository';
import { projectKeyOf } from './register.resolvers';
import { pageProject, person, projectOfIssue, type KeyDefinitions } from './resolver-kit';

/** The quarterly review (SEC-PROC-009 step 4): the project's queue and one attestation at a time. */

const attestationViewOf = (attestation: RecordedReviewAttestation): AttestationView => ({
  quarter: attestation.quarter,
  reviewer: person(attestation.reviewer),
  attestedAt: attestation.attestedAt,
  outcome: attestation.outcome,
  note: attestation.note ?? null,
});

export const reviewResolvers = {
  'reviews/queue': {
    capability: 'read-reviews',
    projectOf: pageProject,
    async run(request, scope) {
      const { services, policy } = scope;
      const storage = services.storage();
      const queue = await projectReviewQueue(
        { register: storage.register, attestations: storage.attestations, policy, now: services.nowIso },
        {
          projectKey: projectKeyOf(scope),
          includeAttested: request.includeAttested,
          pageSize: request.pageSize,
          ...(request.quarter === undefined ? {} : { quarter: request.quarter }),
          ...(request.cursor === undefined ? {} : { cursor: request.cursor }),
        },
      );
      if (!queue.ok) {
        return failure(queue.error.code === 'REGISTER.INVALID_CURSOR' ? 'CONTRACT.INVALID_CURSOR' : queue.error.code, queue.error.message);
      }
      return success({
        quarter: queue.value.quarter,
        items: queue.value.items.map(({ entry, dueOn, overdue, attestation }) => ({
          key: entry.issueKey,
          title: entry.title,
          tier: entry.tier,
          owner: person(entry.assetOwner),
          expiresOn: entry.expiresOn ?? null,
          dueOn,
          overdue,
          attestation: attestation === null ? null : attestationViewOf(attestation),
        })),
        total: queue.value.total,
        nextCursor: queue.value.next ?? null,
      });
    },
  },
  'reviews/attest': {
    capability: 'attest-reviews',
    projectOf: (request) => projectOfIssue(request.issueKey),
    issueOf: (request) => request.issueKey,
    async run(request, { services, policy, caller }) {
      const storage = services.storage();
      const exceptions = await services.exceptions(policy);
      if (!exceptions.ok) return failure('REVIEW.JIRA_FAILED', `Could not reach Jira (${exceptions.error.message}); try again in a minute.`);
      const attested = await attestReview(
        {
          policy,
          now: services.nowIso,
          register: storage.register,
          attestations: storage.attestations,
          exceptions: exceptions.value,
          ledger: storage.ledger,
          audit: await services.audit(),
        },
        {
          issueKey: request.issueKey,
          quarter: request.quarter,
          stillValid: request.stillValid,
          stillNecessary: request.stillNecessary,
          controlsInPlace: request.controlsInPlace,
          ...(request.note === undefined ? {} : { note: request.note }),
          reviewer: { accountId: caller.accountId, groups: caller.groups },
        },
      );
      if (!attested.ok) return failure(attested.error.code, attested.error.message);
      return success({
        issueKey: request.issueKey,
        recorded: attested.value.recorded,
        attestation: attestationViewOf(attested.value.attestation),
        nextReviewDue: attested.value.nextReviewDue,
      });
    },
  },
} satisfies Pick<KeyDefinitions, 'reviews/queue' | 'reviews/attest'>;
