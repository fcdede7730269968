import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import Textfield from '@atlaskit/textfield';
import { useState, type FormEvent } from 'react';
import { STATUSES, STATUS_LABELS, TIERS, registerFilterSchema, toFieldErrors, type RegisterFilter, type Status, type Tier } from '@contract';
import { Field } from '../../shared/field';
import { byPath } from '../../shared/field-errors';
import { blankToUndefined } from '../../shared/parse';
import { CONTROL_REF_HELP, formatControlRef, parseControlRef } from './register-query';

type TextFilter = 'text' | 'asset' | 'owner' | 'requester' | 'approver' | 'businessUnit';

type Draft = {
  readonly status: readonly Status[];
  readonly tier: readonly Tier[];
  readonly texts: Readonly<Record<TextFilter, string>>;
  readonly controlRef: string;
  readonly expiringWithinDays: string;
  readonly reviewOverdue: boolean;
  readonly lacksControls: boolean;
};

const TEXT_FILTERS: readonly { key: TextFilter; label: string; help?: string }[] = [
  { key: 'text', label: 'Search key or title' },
  { key: 'asset', label: 'Asset id' },
  { key: 'owner', label: 'Owner (account id)' },
  { key: 'requester', label: 'Requester (account id)' },
  { key: 'approver', label: 'Approver (account id)' },
  { key: 'businessUnit', label: 'Business unit' },
];

const toDraft = (filter: RegisterFilter): Draft => ({
  status: filter.status ?? [],
  tier: filter.tier ?? [],
  texts: {
    text: filter.text ?? '',
    asset: filter.asset ?? '',
    owner: filter.owner ?? '',
    requester: filter.requester ?? '',
    approver: filter.approver ?? '',
    businessUnit: filter.businessUnit ?? '',
  },
  controlRef: filter.controlRef === undefined ? '' : formatControlRef(filter.controlRef),
  expiringWithinDays: filter.expiringWithinDays === undefined ? '' : String(filter.expiringWithinDays),
  reviewOverdue: filter.reviewOverdue === true,
  lacksControls: filter.lacksControls === true,
});

/** The filter the draft describes, or the problems that keep it from being one, by filter path. */
function fromDraft(draft: Draft): { filter: RegisterFilter } | { errors: ReadonlyMap<string, string> } {
  const controlRef = parseControlRef(draft.controlRef);
  if (controlRef === null) return { errors: new Map([['controlRef', CONTROL_REF_HELP]]) };
  const days = blankToUndefined(draft.expiringWithinDays);
  const candidate = {
    ...(draft.status.length > 0 ? { status: draft.status } : {}),
    ...(draft.tier.length > 0 ? { tier: draft.tier } : {}),
    ...Object.fromEntries(
      Object.entries(draft.texts)
        .map(([key, value]) => [key, blankToUndefined(value)] as const)
        .filter(([, value]) => value !== undefined),
    ),
    ...(controlRef === undefined ? {} : { controlRef }),
    ...(days === undefined ? {} : { expiringWithinDays: /^\d+$/.test(days) ? Number(days) : Number.NaN }),
    ...(draft.reviewOverdue ? { reviewOverdue: true } : {}),
    ...(draft.lacksControls ? { lacksControls: true } : {}),
  };
  const parsed = registerFilterSchema.safeParse(candidate);
  return parsed.success ? { filter: parsed.data } : { errors: byPath(toFieldErrors(parsed.error)) };
}

const toggle = <T,>(list: readonly T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((v) => v !== value));

export function FilterForm({ filter, onApply }: { filter: RegisterFilter; onApply: (filter: RegisterFilter) => void }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(filter));
  const [errors, setErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const firstError = (prefix: string) => [...errors].find(([path]) => path === prefix || path.startsWith(`${prefix}.`))?.[1];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = fromDraft(draft);
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    setErrors(new Map());
    onApply(result.filter);
  };

  return (
    <form onSubmit={submit} aria-label="Filter exceptions" className="ser-stack">
      <div className="ser-grid">
        {TEXT_FILTERS.map(({ key, label }) => (
          <Field key={key} id={`filter-${key}`} label={label} error={firstError(key)}>
            {(props) => (
              <Textfield
                {...props}
                value={draft.texts[key]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setDraft((d) => ({ ...d, texts: { ...d.texts, [key]: value } }));
                }}
              />
            )}
          </Field>
        ))}
        <Field id="filter-control" label="Control reference" help="For example SOC2:CC7.1" error={firstError('controlRef')}>
          {(props) => (
            <Textfield {...props} value={draft.controlRef} onChange={(e) => setDraft({ ...draft, controlRef: e.currentTarget.value })} />
          )}
        </Field>
        <Field id="filter-expiring" label="Expiring within (days)" error={firstError('expiringWithinDays')}>
          {(props) => (
            <Textfield
              {...props}
              inputMode="numeric"
              value={draft.expiringWithinDays}
              onChange={(e) => setDraft({ ...draft, expiringWithinDays: e.currentTarget.value })}
            />
          )}
        </Field>
      </div>
      <div className="ser-row">
        <fieldset className="ser-fieldset">
          <legend>Status</legend>
          <div className="ser-row">
            {STATUSES.map((status) => (
              <Checkbox
                key={status}
                label={STATUS_LABELS[status]}
                isChecked={draft.status.includes(status)}
                onChange={(e) => setDraft({ ...draft, status: toggle(draft.status, status, e.currentTarget.checked) })}
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="ser-fieldset">
          <legend>Tier</legend>
          <div className="ser-row">
            {TIERS.map((tier) => (
              <Checkbox
                key={tier}
                label={tier}
                isChecked={draft.tier.includes(tier)}
                onChange={(e) => setDraft({ ...draft, tier: toggle(draft.tier, tier, e.currentTarget.checked) })}
              />
            ))}
          </div>
        </fieldset>
        <fieldset className="ser-fieldset">
          <legend>Needs attention</legend>
          <Checkbox
            label="Quarterly review overdue"
            isChecked={draft.reviewOverdue}
            onChange={(e) => setDraft({ ...draft, reviewOverdue: e.currentTarget.checked })}
          />
          <Checkbox
            label="Lacks compensating controls"
            isChecked={draft.lacksControls}
            onChange={(e) => setDraft({ ...draft, lacksControls: e.currentTarget.checked })}
          />
        </fieldset>
      </div>
      <div className="ser-row">
        <Button type="submit" appearance="primary">
          Apply filters
        </Button>
        <Button
          onClick={() => {
            setDraft(toDraft({}));
            setErrors(new Map());
            onApply({});
          }}
        >
          Clear filters
        </Button>
      </div>
    </form>
  );
}
