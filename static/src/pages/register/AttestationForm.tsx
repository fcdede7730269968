import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { useState, type FormEvent } from 'react';
import { attestationOutcome, type ContractError } from '@contract';
import { Field } from '../../shared/field';
import { byPath } from '../../shared/field-errors';
import { ErrorMessage } from '../../shared/feedback';
import { useServices } from '../../shared/services';

/** One quarterly attestation: three questions and a note; any "no" marks the exception for revocation. */
export function AttestationForm({
  issueKey,
  quarter,
  onDone,
  onCancel,
}: {
  issueKey: string;
  quarter: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { api } = useServices();
  const [answers, setAnswers] = useState({ stillValid: false, stillNecessary: false, controlsInPlace: false });
  const [note, setNote] = useState('');
  const [error, setError] = useState<ContractError | null>(null);
  const [saving, setSaving] = useState(false);
  const fieldErrors = byPath(error?.fieldErrors ?? []);
  const outcome = attestationOutcome(answers);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const trimmed = note.trim();
    const result = await api.call('reviews/attest', { issueKey, quarter, ...answers, ...(trimmed.length > 0 ? { note: trimmed } : {}) });
    setSaving(false);
    if (result.ok) onDone();
    else setError(result.error);
  };

  return (
    <form aria-label={`Attest ${issueKey} for ${quarter}`} className="ser-stack" onSubmit={(e) => void submit(e)}>
      <fieldset className="ser-fieldset">
        <legend>{`Review of ${issueKey}`}</legend>
        <Checkbox
          label="The exception is still valid"
          isChecked={answers.stillValid}
          onChange={(e) => setAnswers({ ...answers, stillValid: e.currentTarget.checked })}
        />
        <Checkbox
          label="The exception is still necessary"
          isChecked={answers.stillNecessary}
          onChange={(e) => setAnswers({ ...answers, stillNecessary: e.currentTarget.checked })}
        />
        <Checkbox
          label="The compensating controls are in place"
          isChecked={answers.controlsInPlace}
          onChange={(e) => setAnswers({ ...answers, controlsInPlace: e.currentTarget.checked })}
        />
      </fieldset>
      <Field
        id={`attest-note-${issueKey}`}
        label="Note"
        help={outcome === 'revoke' ? 'Required: say what the review found.' : 'Optional.'}
        error={fieldErrors.get('note')}
      >
        {(props) => <TextArea {...props} value={note} onChange={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      {outcome === 'revoke' && (
        <SectionMessage appearance="warning">
          <p>Any “no” records the outcome “revoke”: the exception will be revoked.</p>
        </SectionMessage>
      )}
      {error !== null && fieldErrors.size === 0 && <ErrorMessage error={error} title="The attestation was not recorded" />}
      <div className="ser-row">
        <Button type="submit" appearance="primary" isDisabled={saving}>
          Record attestation
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
