import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import { Radio } from '@atlaskit/radio';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { CONTROL_STATUSES, CRITICALITIES, DATA_CLASSIFICATIONS, THREAT_VECTORS } from '@contract';
import { Field } from '../../shared/field';
import { emptyAsset, emptyControl, type AssetsModel, type ControlsModel, type RemediationModel, type RiskModel } from './field-models';

/** Field errors of the value being edited, by dotted path relative to the field value. */
export type Errors = ReadonlyMap<string, string>;
type EditorProps<M> = { readonly model: M; readonly onChange: (model: M) => void; readonly errors: Errors };

const options = <T extends string>(values: readonly T[]) => values.map((value) => ({ value, label: value.replace(/-/g, ' ') }));

function Choice<T extends string>({ id, label, values, value, onChange }: { id: string; label: string; values: readonly T[]; value: T; onChange: (v: T) => void }) {
  const all = options(values);
  return (
    <div className="ser-field">
      <label htmlFor={id} className="ser-label">
        {label}
      </label>
      <Select inputId={id} options={all} value={all.find((o) => o.value === value) ?? null} onChange={(o) => o !== null && onChange(o.value)} />
    </div>
  );
}

export function RiskInputsEditor({ model, onChange, errors }: EditorProps<RiskModel>) {
  return (
    <div className="ser-stack">
      <fieldset className="ser-fieldset">
        <legend>How is the inherent risk rated?</legend>
        <div className="ser-row">
          <Radio name="risk-method" value="cvss" label="CVSS vector" isChecked={model.method === 'cvss'} onChange={() => onChange({ ...model, method: 'cvss' })} />
          <Radio
            name="risk-method"
            value="matrix"
            label="Likelihood and impact"
            isChecked={model.method === 'matrix'}
            onChange={() => onChange({ ...model, method: 'matrix' })}
          />
        </div>
      </fieldset>
      {model.method === 'cvss' ? (
        <Field id="risk-vector" label="CVSS vector" help="CVSS 3.1 or 4.0, such as CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H" error={errors.get('vector')}>
          {(props) => <Textfield {...props} value={model.vector} onChange={(e) => onChange({ ...model, vector: e.currentTarget.value })} />}
        </Field>
      ) : (
        <div className="ser-row">
          <Field id="risk-likelihood" label="Likelihood (1–10)" error={errors.get('likelihood')}>
            {(props) => (
              <Textfield {...props} inputMode="numeric" value={model.likelihood} onChange={(e) => onChange({ ...model, likelihood: e.currentTarget.value })} />
            )}
          </Field>
          <Field id="risk-impact" label="Impact (1–10)" error={errors.get('impact')}>
            {(props) => <Textfield {...props} inputMode="numeric" value={model.impact} onChange={(e) => onChange({ ...model, impact: e.currentTarget.value })} />}
          </Field>
        </div>
      )}
      <fieldset className="ser-fieldset">
        <legend>Threat vectors</legend>
        <div className="ser-row">
          {THREAT_VECTORS.map((v) => (
            <Checkbox
              key={v}
              label={v.replace(/-/g, ' ')}
              isChecked={model.threatVectors.includes(v)}
              onChange={(e) =>
                onChange({ ...model, threatVectors: e.currentTarget.checked ? [...model.threatVectors, v] : model.threatVectors.filter((t) => t !== v) })
              }
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function AssetsEditor({ model, onChange, errors }: EditorProps<AssetsModel>) {
  const setItem = (i: number, change: Partial<AssetsModel['items'][number]>) =>
    onChange({ ...model, items: model.items.map((a, j) => (j === i ? { ...a, ...change } : a)) });
  return (
    <div className="ser-stack">
      <div className="ser-row">
        <Field id="assets-bu" label="Business unit" error={errors.get('businessUnit')}>
          {(props) => <Textfield {...props} value={model.businessUnit} onChange={(e) => onChange({ ...model, businessUnit: e.currentTarget.value })} />}
        </Field>
        <Field id="assets-owner" label="Asset owner (account id)" error={errors.get('owner')}>
          {(props) => <Textfield {...props} value={model.owner} onChange={(e) => onChange({ ...model, owner: e.currentTarget.value })} />}
        </Field>
      </div>
      {model.items.map((asset, i) => (
        <fieldset key={i} className="ser-fieldset">
          <legend>{`Asset ${i + 1}`}</legend>
          <div className="ser-grid">
            <Field id={`asset-${i}-id`} label="Asset id" error={errors.get(`items.${i}.id`)}>
              {(props) => <Textfield {...props} value={asset.id} onChange={(e) => setItem(i, { id: e.currentTarget.value })} />}
            </Field>
            <Field id={`asset-${i}-name`} label="Name" error={errors.get(`items.${i}.name`)}>
              {(props) => <Textfield {...props} value={asset.name} onChange={(e) => setItem(i, { name: e.currentTarget.value })} />}
            </Field>
            <Choice id={`asset-${i}-criticality`} label="Criticality" values={CRITICALITIES} value={asset.criticality} onChange={(criticality) => setItem(i, { criticality })} />
            <Choice
              id={`asset-${i}-classification`}
              label="Data classification"
              values={DATA_CLASSIFICATIONS}
              value={asset.dataClassification}
              onChange={(dataClassification) => setItem(i, { dataClassification })}
            />
            <Checkbox label="Internet facing" isChecked={asset.internetFacing} onChange={(e) => setItem(i, { internetFacing: e.currentTarget.checked })} />
            <Checkbox label="Retired" isChecked={asset.retired} onChange={(e) => setItem(i, { retired: e.currentTarget.checked })} />
          </div>
          <Button onClick={() => onChange({ ...model, items: model.items.filter((_, j) => j !== i) })}>{`Remove asset ${i + 1}`}</Button>
        </fieldset>
      ))}
      {errors.get('items') !== undefined && <div className="ser-error">{errors.get('items')}</div>}
      <Button onClick={() => onChange({ ...model, items: [...model.items, emptyAsset()] })}>Add asset</Button>
    </div>
  );
}

export function ControlsEditor({ model, onChange, errors }: EditorProps<ControlsModel>) {
  const setItem = (i: number, change: Partial<ControlsModel['items'][number]>) =>
    onChange({ items: model.items.map((c, j) => (j === i ? { ...c, ...change } : c)) });
  return (
    <div className="ser-stack">
      <p className="ser-muted">Only implemented or verified controls reduce the risk; planned ones are recorded but do not count.</p>
      {model.items.map((control, i) => (
        <fieldset key={control.id} className="ser-fieldset">
          <legend>{`Control ${i + 1}`}</legend>
          <div className="ser-grid">
            <Field id={`control-${i}-type`} label="Type" help="Such as waf, network-segmentation, enhanced-monitoring" error={errors.get(`items.${i}.type`)}>
              {(props) => <Textfield {...props} value={control.type} onChange={(e) => setItem(i, { type: e.currentTarget.value })} />}
            </Field>
            <Choice id={`control-${i}-status`} label="Status" values={CONTROL_STATUSES} value={control.status} onChange={(status) => setItem(i, { status })} />
          </div>
          <Field id={`control-${i}-description`} label="Description" error={errors.get(`items.${i}.description`)}>
            {(props) => <TextArea {...props} value={control.description} onChange={(e) => setItem(i, { description: e.currentTarget.value })} />}
          </Field>
          <Field id={`control-${i}-evidence`} label="Evidence" help="One link or reference per line." error={errors.get(`items.${i}.evidence`)}>
            {(props) => <TextArea {...props} value={control.evidence} onChange={(e) => setItem(i, { evidence: e.currentTarget.value })} />}
          </Field>
          <Button onClick={() => onChange({ items: model.items.filter((_, j) => j !== i) })}>{`Remove control ${i + 1}`}</Button>
        </fieldset>
      ))}
      <Button onClick={() => onChange({ items: [...model.items, emptyControl(model.items)] })}>Add control</Button>
    </div>
  );
}

export function RemediationEditor({ model, onChange, errors }: EditorProps<RemediationModel>) {
  return (
    <div className="ser-stack">
      <Field id="remediation-summary" label="How will the issue be fixed?" error={errors.get('summary')}>
        {(props) => <TextArea {...props} value={model.summary} onChange={(e) => onChange({ ...model, summary: e.currentTarget.value })} />}
      </Field>
      <div className="ser-row">
        <Field id="remediation-date" label="Target date" help="YYYY-MM-DD" error={errors.get('targetDate')}>
          {(props) => <Textfield {...props} type="date" value={model.targetDate} onChange={(e) => onChange({ ...model, targetDate: e.currentTarget.value })} />}
        </Field>
        <Field id="remediation-ticket" label="Tracking ticket" error={errors.get('ticket')}>
          {(props) => <Textfield {...props} value={model.ticket} onChange={(e) => onChange({ ...model, ticket: e.currentTarget.value })} />}
        </Field>
      </div>
    </div>
  );
}
