import Button from '@atlaskit/button/new';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { CUSTOM_FIELD_KEYS, isEditableFieldKey, toFieldErrors, type ContractError, type EditableFieldKey, type PreflightView } from '@contract';
import { byPath } from '../../shared/field-errors';
import { ErrorMessage, Loading } from '../../shared/feedback';
import { useServices } from '../../shared/services';
import { useDebounced } from '../../shared/use-debounced';
import { AssetsEditor, ControlsEditor, RemediationEditor, RiskInputsEditor, type Errors } from './editors';
import {
  DRAFT_KEYS,
  FIELD_TITLES,
  fieldSchema,
  modelFromValue,
  valueFromModel,
  type AssetsModel,
  type ControlsModel,
  type FieldModels,
  type RemediationModel,
  type RiskModel,
} from './field-models';
import { PreflightPanel } from './PreflightPanel';

export const PREFLIGHT_DELAY_MS = 400;
const NO_ERRORS: Errors = new Map();

type Preflight =
  | { readonly phase: 'waiting' }
  | { readonly phase: 'checking' }
  | { readonly phase: 'checked'; readonly result: PreflightView }
  | { readonly phase: 'failed'; readonly error: ContractError };

function editorFor<K extends EditableFieldKey>(key: K, model: FieldModels[K], onChange: (m: FieldModels[K]) => void, errors: Errors): ReactNode {
  // A generic key does not narrow its model; each case pairs the key with its own model type.
  const change = onChange as (m: FieldModels[EditableFieldKey]) => void;
  switch (key) {
    case CUSTOM_FIELD_KEYS.riskInputs:
      return <RiskInputsEditor model={model as RiskModel} onChange={change} errors={errors} />;
    case CUSTOM_FIELD_KEYS.assets:
      return <AssetsEditor model={model as AssetsModel} onChange={change} errors={errors} />;
    case CUSTOM_FIELD_KEYS.compensatingControls:
      return <ControlsEditor model={model as ControlsModel} onChange={change} errors={errors} />;
    default:
      return <RemediationEditor model={model as RemediationModel} onChange={change} errors={errors} />;
  }
}

function FieldEditor<K extends EditableFieldKey>({ fieldKey, stored, issueKey }: { fieldKey: K; stored: unknown; issueKey: string | null }) {
  const { api, host } = useServices();
  const [model, setModel] = useState<FieldModels[K]>(() => modelFromValue(fieldKey, stored));
  const [preflight, setPreflight] = useState<Preflight>({ phase: 'waiting' });
  const [saving, setSaving] = useState(false);
  // A field nobody has touched yet is not wrong, only empty: errors show from the first edit or save attempt.
  const [touched, setTouched] = useState(false);
  const checked = useMemo(() => fieldSchema(fieldKey).safeParse(valueFromModel(fieldKey, model)), [fieldKey, model]);
  const errors = useMemo(() => (checked.success ? new Map<string, string>() : byPath(toFieldErrors(checked.error))), [checked]);
  const settled = useDebounced(checked, PREFLIGHT_DELAY_MS);
  const draftKey = DRAFT_KEYS[fieldKey];

  useEffect(() => {
    if (!settled.success) {
      setPreflight({ phase: 'waiting' });
      return;
    }
    let current = true;
    setPreflight({ phase: 'checking' });
    const draft = { [draftKey]: settled.data };
    void api.call('intake/preflight', { ...(issueKey === null ? {} : { issueKey }), draft }).then((answer) => {
      if (!current) return;
      setPreflight(answer.ok ? { phase: 'checked', result: answer.data } : { phase: 'failed', error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [api, draftKey, issueKey, settled]);

  const edit = (next: FieldModels[K]) => {
    setModel(next);
    setTouched(true);
  };

  const save = async () => {
    setTouched(true);
    if (!checked.success) return;
    setSaving(true);
    await host.submit(checked.data);
    setSaving(false);
  };

  return (
    <form
      aria-label={FIELD_TITLES[fieldKey]}
      className="ser-stack"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h1>{FIELD_TITLES[fieldKey]}</h1>
      {editorFor(fieldKey, model, edit, touched ? errors : NO_ERRORS)}
      <div aria-live="polite" className="ser-stack">
        {preflight.phase === 'waiting' && !checked.success && (
          <p className="ser-muted">{touched ? 'Fix the highlighted entries to see the pre-flight check.' : 'Fill in this field to see the pre-flight check.'}</p>
        )}
        {preflight.phase === 'checking' && <Loading label="Checking the request" />}
        {preflight.phase === 'checked' && <PreflightPanel result={preflight.result} draftKey={draftKey} />}
        {preflight.phase === 'failed' && <ErrorMessage error={preflight.error} title="The pre-flight check did not run" />}
      </div>
      <div className="ser-row">
        <Button type="submit" appearance="primary" isDisabled={(touched && !checked.success) || saving}>
          Save
        </Button>
        <Button onClick={() => void host.close()}>Cancel</Button>
      </div>
    </form>
  );
}

/** The edit experience of the exception's object fields, chosen by the field module that opened it. */
export function IntakeApp() {
  const { context } = useServices();
  const key = context.moduleKey;
  if (key.length === 0) return <Loading label="Opening the field" />;
  if (!isEditableFieldKey(key)) return <p>{`This editor is for the exception's object fields; ${key} is not one of them.`}</p>;
  return <FieldEditor fieldKey={key} stored={context.extension.fieldValue} issueKey={context.issueKey} />;
}
