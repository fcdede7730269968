import type { PolicyPreview } from '@contract';
import { TierLozenge } from '../../shared/lozenges';

/** What the edited policy would do, before it is saved: per tier, and to the exceptions already active. */
export function PolicyPreviewTable({ preview }: { preview: PolicyPreview }) {
  return (
    <section aria-label="Effect of the new policy" className="ser-stack">
      <table className="ser-table">
        <caption className="ser-label">Effect of the new policy</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Approvers, in order</th>
            <th scope="col">Max duration</th>
            <th scope="col">Renewals</th>
            <th scope="col">Reminders</th>
            <th scope="col">Active</th>
            <th scope="col">Active beyond the new limits</th>
          </tr>
        </thead>
        <tbody>
          {preview.tiers.map((t) => (
            <tr key={t.tier}>
              <th scope="row">
                <TierLozenge tier={t.tier} />
              </th>
              <td>{t.approvers.map((a) => `${a.name} (${a.group})`).join(' → ')}</td>
              <td>{`${t.maxDurationDays} days`}</td>
              <td>{`${t.maxRenewals}, at most ${t.maxCumulativeDays} days in all`}</td>
              <td>{t.reminderDays.map((d) => `${d}d`).join(', ')}</td>
              <td>{t.activeCount}</td>
              <td>{`${t.activeBeyondMaxDuration} over the duration, ${t.activeBeyondRenewalCaps} over the renewal caps`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {`Limits: ${preview.limits.activePerAsset} per asset (${preview.limits.assetsOverLimit} assets already over), ${preview.limits.activePerBusinessUnit} per business unit (${preview.limits.businessUnitsOverLimit} over).`}
      </p>
      {preview.changes.length > 0 && (
        <ul aria-label="Changes from the saved policy">
          {preview.changes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
