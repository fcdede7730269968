import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { useState } from 'react';
import { canAttestReviews, type ReviewQueueItem } from '@contract';
import { ErrorMessage, Loading } from '../../shared/feedback';
import { TierLozenge } from '../../shared/lozenges';
import { PersonName } from '../../shared/person';
import { useSession } from '../../shared/session';
import { useResolver } from '../../shared/use-resolver';
import { AttestationForm } from './AttestationForm';

/** The quarter's review queue (SEC-PROC-009 step 4); reviewers attest each exception in place. */
export default function ReviewsTab() {
  const session = useSession();
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [open, setOpen] = useState<string | null>(null);
  const cursor = cursors[cursors.length - 1];
  const { state, reload } = useResolver('reviews/queue', { includeAttested: true, ...(cursor === undefined ? {} : { cursor }) });
  const mayAttest = session !== null && canAttestReviews(session);

  if (state.status === 'loading') return <Loading label="Loading the review queue" />;
  if (state.status === 'failure') return <ErrorMessage error={state.error} title="The review queue could not be loaded" />;
  const queue = state.data;
  return (
    <section aria-label={`Quarterly review ${queue.quarter}`} className="ser-stack">
      <p>{`${queue.total} active exception(s) to review in ${queue.quarter}.`}</p>
      {!mayAttest && <p className="ser-muted">You can read the queue; attesting is for members of the review group.</p>}
      <ul className="ser-stack">
        {queue.items.map((item) => (
          <li key={item.key}>
            <ReviewItem item={item} />
            {item.attestation === null && mayAttest && open !== item.key && (
              <Button onClick={() => setOpen(item.key)}>{`Attest ${item.key}`}</Button>
            )}
            {open === item.key && (
              <AttestationForm
                issueKey={item.key}
                quarter={queue.quarter}
                onDone={() => {
                  setOpen(null);
                  reload();
                }}
                onCancel={() => setOpen(null)}
              />
            )}
          </li>
        ))}
      </ul>
      <nav aria-label="Review pages" className="ser-row">
        <Button isDisabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          Previous page
        </Button>
        <Button
          isDisabled={queue.nextCursor === null}
          onClick={() => {
            const next = queue.nextCursor;
            if (next !== null) setCursors((c) => [...c, next]);
          }}
        >
          Next page
        </Button>
      </nav>
    </section>
  );
}

function ReviewItem({ item }: { item: ReviewQueueItem }) {
  return (
    <div className="ser-row">
      <strong>{item.key}</strong>
      <span>{item.title}</span>
      <TierLozenge tier={item.tier} />
      <span>
        Owner <PersonName person={item.owner} />
      </span>
      <span>{`Due ${item.dueOn}`}</span>
      {item.overdue && item.attestation === null && <Lozenge appearance="removed">Overdue</Lozenge>}
      {item.attestation !== null && (
        <Lozenge appearance={item.attestation.outcome === 'still-required' ? 'success' : 'removed'}>
          {item.attestation.outcome === 'still-required' ? 'Attested' : 'Marked for revocation'}
        </Lozenge>
      )}
    </div>
  );
}
