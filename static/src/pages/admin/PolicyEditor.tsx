import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { useEffect, useMemo, useState } from 'react';
import {
  ERROR_CODES,
  canEditPolicy,
  type ContractError,
  type FieldError,
  type PolicyDocument,
  type PolicyEnvelope,
  type PolicyValidation,
} from '@contract';
import { ErrorMessage, Loading } from '../../shared/feedback';
import { Field } from '../../shared/field';
import { formatInstant } from '../../shared/format';
import { PersonName } from '../../shared/person';
import { useServices } from '../../shared/services';
import { useSession } from '../../shared/session';
import { useDebounced } from '../../shared/use-debounced';
import { useResolver } from '../../shared/use-resolver';
import { PolicyPreviewTable } from './PolicyPreviewTable';
import { applyTexts, placeErrors, policySections, textsOf } from './policy-form';

const EMPTY = {};
export const VALIDATE_DELAY_MS = 500;

/** Field errors of a refused request name the payload's `policy`; the form's paths start inside it. */
const relativeToPolicy = (errors: readonly FieldError[]): FieldError[] =>
  errors.map((e) => ({ ...e, path: e.path.startsWith('policy.') ? e.path.slice('policy.'.length) : e.path }));

type Check =
  | { readonly phase: 'idle' }
  | { readonly phase: 'checking' }
  | { readonly phase: 'checked'; readonly validation: PolicyValidation }
  | { readonly phase: 'failed'; readonly error: ContractError };

export function PolicyEditor() {
  const { state, reload } = useResolver('admin/policy/get', EMPTY);
  if (state.status === 'loading') return <Loading label="Loading the policy" />;
  if (state.status === 'failure') return <ErrorMessage error={state.error} title="The policy could not be loaded" />;
  return <LoadedPolicyEditor key={state.data.revision} saved={state.data} onSaved={reload} />;
}

function LoadedPolicyEditor({ saved, onSaved }: { saved: PolicyEnvelope; onSaved: () => void }) {
  const { api } = useServices();
  const session = useSession();
  const editable = session !== null && canEditPolicy(session);
  const sections = useMemo(() => policySections(saved.policy), [saved.policy]);
  const fields = useMemo(() => sections.flatMap((s) => s.fields), [sections]);
  const [texts, setTexts] = useState<Record<string, string>>(() => textsOf(saved.policy, fields));
  const [edited, setEdited] = useState(false);
  const [check, setCheck] = useState<Check>({ phase: 'idle' });
  const [saveError, setSaveError] = useState<ContractError | null>(null);
  const [saving, setSaving] = useState(false);

  const applied = useMemo(() => applyTexts(saved.policy, fields, texts), [saved.policy, fields, texts]);
  // Debounced together, so the first edit never validates the policy as it was before the edit.
  const draft = useMemo(() => ({ applied, edited }), [applied, edited]);
  const settled = useDebounced(draft, VALIDATE_DELAY_MS);

  useEffect(() => {
    if (!settled.edited || !settled.applied.ok) return;
    let current = true;
    setCheck({ phase: 'checking' });
    void api.call('admin/policy/validate', { policy: settled.applied.policy }).then((answer) => {
      if (!current) return;
      setCheck(answer.ok ? { phase: 'checked', validation: answer.data } : { phase: 'failed', error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [api, settled]);

  const serverErrors: FieldError[] =
    check.phase === 'checked'
      ? check.validation.fieldErrors
      : check.phase === 'failed' && check.error.code === ERROR_CODES.invalidRequest
        ? relativeToPolicy(check.error.fieldErrors ?? [])
        : [];
  const saveErrors = relativeToPolicy(saveError?.fieldErrors ?? []);
  const localErrors = applied.ok ? [] : applied.errors;
  const { placed, unplaced } = placeErrors([...localErrors, ...saveErrors, ...serverErrors], fields.map((f) => f.path));

  const save = async (policy: PolicyDocument) => {
    setSaving(true);
    const answer = await api.call('admin/policy/save', { policy, expectedRevision: saved.revision });
    setSaving(false);
    if (answer.ok) onSaved();
    else setSaveError(answer.error);
  };

  return (
    <section aria-label="Approval policy" className="ser-stack">
      <p className="ser-muted">
        {saved.revision === 0 ? 'The default policy is in force.' : `Revision ${saved.revision}`}
        {saved.updatedAt !== null && `, saved ${formatInstant(saved.updatedAt)}`}
        {saved.updatedBy !== null && (
          <>
            {' by '}
            <PersonName person={saved.updatedBy} />
          </>
        )}
      </p>
      {!editable && <SectionMessage appearance="information"><p>You can read the policy; only register administrators change it.</p></SectionMessage>}
      {sections.map((section) => (
        <fieldset key={section.title} className="ser-fieldset">
          <legend>{section.title}</legend>
          <div className="ser-grid">
            {section.fields.map((field) => (
              <Field key={field.path} id={`policy-${field.path}`} label={field.label} help={field.help} error={placed.get(field.path)}>
                {(props) => (
                  <Textfield
                    {...props}
                    isReadOnly={!editable}
                    value={texts[field.path] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setTexts((t) => ({ ...t, [field.path]: value }));
                      setEdited(true);
                      setSaveError(null);
                    }}
                  />
                )}
              </Field>
            ))}
          </div>
        </fieldset>
      ))}
      <div aria-live="polite" className="ser-stack">
        {check.phase === 'checking' && <Loading label="Checking the policy" />}
        {unplaced.length > 0 && (
          <SectionMessage appearance="error" title="The policy has problems">
            <ul>
              {unplaced.map((e) => (
                <li key={`${e.path}:${e.message}`}>
                  <code>{e.path}</code>: {e.message}
                </li>
              ))}
            </ul>
          </SectionMessage>
        )}
        {check.phase === 'failed' && check.error.code !== ERROR_CODES.invalidRequest && (
          <ErrorMessage error={check.error} title="The policy could not be checked" />
        )}
        {saveError !== null && saveErrors.length === 0 && <ErrorMessage error={saveError} title="The policy was not saved" />}
        {check.phase === 'checked' && check.validation.valid && <PolicyPreviewTable preview={check.validation.preview} />}
      </div>
      {editable && (
        <div className="ser-row">
          <Button
            appearance="primary"
            isDisabled={!edited || !applied.ok || saving || (check.phase === 'checked' && !check.validation.valid)}
            onClick={() => {
              if (applied.ok) void save(applied.policy);
            }}
          >
            Save policy
          </Button>
        </div>
      )}
    </section>
  );
}
