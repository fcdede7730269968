import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { useState, type FormEvent } from 'react';
import type { ContractError, RequestRenewalResponse } from '@contract';
import { Field } from '../../shared/field';
import { byPath } from '../../shared/field-errors';
import { ErrorMessage } from '../../shared/feedback';
import { useServices } from '../../shared/services';

/** Raises the linked renewal issue; it must then carry a fresh risk assessment before it is submitted. */
export function RenewalForm({ issueKey, onRenewed }: { issueKey: string; onRenewed: () => void }) {
  const { api, host } = useServices();
  const [open, setOpen] = useState(false);
  const [requestedExpiry, setRequestedExpiry] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const [done, setDone] = useState<RequestRenewalResponse | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = byPath(error?.fieldErrors ?? []);

  if (done !== null)
    return (
      <SectionMessage appearance="success" title={`Renewal ${done.renewalKey} raised`}>
        <p>{done.message}</p>
        <Button onClick={() => void host.navigate(`/browse/${done.renewalKey}`)}>{`Open ${done.renewalKey}`}</Button>
      </SectionMessage>
    );
  if (!open) return <Button onClick={() => setOpen(true)}>Request renewal</Button>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await api.call('exception/request-renewal', { issueKey, requestedExpiry, reason });
    setSaving(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setDone(result.data);
    onRenewed();
  };

  return (
    <form aria-label={`Renew ${issueKey}`} className="ser-stack" onSubmit={(e) => void submit(e)}>
      <Field id="renewal-expiry" label="Requested expiry" help="The last day the renewal should be in force (YYYY-MM-DD)." error={errors.get('requestedExpiry')}>
        {(props) => <Textfield {...props} type="date" value={requestedExpiry} onChange={(e) => setRequestedExpiry(e.currentTarget.value)} />}
      </Field>
      <Field id="renewal-reason" label="Why is the exception still needed?" error={errors.get('reason')}>
        {(props) => <TextArea {...props} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      {error !== null && errors.size === 0 && <ErrorMessage error={error} title="The renewal was not raised" />}
      <div className="ser-row">
        <Button type="submit" appearance="primary" isDisabled={saving}>
          Raise renewal
        </Button>
        <Button onClick={() => setOpen(false)}>Cancel</Button>
      </div>
    </form>
  );
}
