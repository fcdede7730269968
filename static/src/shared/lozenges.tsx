import Lozenge from '@atlaskit/lozenge';
import { STATUS_LABELS, type Status, type Tier } from '@contract';

type Appearance = 'default' | 'success' | 'removed' | 'inprogress' | 'new' | 'moved';

const TIER_APPEARANCE: Readonly<Record<Tier, Appearance>> = {
  low: 'default',
  medium: 'moved',
  high: 'removed',
  critical: 'removed',
};

const STATUS_APPEARANCE: Readonly<Record<Status, Appearance>> = {
  draft: 'default',
  submitted: 'new',
  'risk-review': 'inprogress',
  'awaiting-approval': 'inprogress',
  active: 'success',
  expired: 'default',
  revoked: 'removed',
  remediated: 'success',
  rejected: 'removed',
  withdrawn: 'default',
  superseded: 'default',
};

export function TierLozenge({ tier }: { tier: Tier }) {
  return (
    <Lozenge appearance={TIER_APPEARANCE[tier]} isBold={tier === 'critical'}>
      {tier}
    </Lozenge>
  );
}

export function StatusLozenge({ status }: { status: Status }) {
  return <Lozenge appearance={STATUS_APPEARANCE[status]}>{STATUS_LABELS[status]}</Lozenge>;
}
