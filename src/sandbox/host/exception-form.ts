import { EXCEPTION_FIELD_MODULE_KEYS } from '../../app/projection/exception-issue';
import { descriptionOf } from '../../app/projection/testing/exception-issue-builder';
import { EXCEPTION_KINDS, FRAMEWORKS, type ControlReference, type Framework } from '../../domain/exception/security-exception';
import { html, type Html } from './html';

/**
 * Jira's create and edit screens for the parts of an exception that are plain fields: summary, description (the
 * justification and the business impact), kind, requested expiry, control references and findings. The structured
 * parts (risk inputs, assets, compensating controls, remediation plan) are edited with the app's own field editors.
 */

export type ExceptionFormValues = {
  readonly summary: string;
  readonly kind: string;
  readonly justification: string;
  readonly businessImpact: string;
  readonly requestedExpiry: string;
  readonly controlReferences: string;
  readonly cves: string;
  readonly knownExploited: boolean;
};

export const EMPTY_FORM: ExceptionFormValues = {
  summary: '',
  kind: 'vulnerability-sla',
  justification: '',
  businessImpact: '',
  requestedExpiry: '',
  controlReferences: '',
  cves: '',
  knownExploited: false,
};

export const formValuesOf = (form: URLSearchParams): ExceptionFormValues => ({
  summary: form.get('summary')?.trim() ?? '',
  kind: form.get('kind') ?? '',
  justification: form.get('justification')?.trim() ?? '',
  businessImpact: form.get('businessImpact')?.trim() ?? '',
  requestedExpiry: form.get('requestedExpiry')?.trim() ?? '',
  controlReferences: form.get('controlReferences')?.trim() ?? '',
  cves: form.get('cves')?.trim() ?? '',
  knownExploited: form.get('knownExploited') === 'on',
});

const tokens = (text: string): string[] =>
  text
    .split(/[,;\n]/)
    .map((token) => token.trim())
    .filter((token) => token !== '');

const isFramework = (text: string): text is Framework => (FRAMEWORKS as readonly string[]).includes(text);

type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const parseControlReferences = (text: string): Parsed<ControlReference[]> => {
  const references: ControlReference[] = [];
  for (const token of tokens(text)) {
    const [framework = '', ...rest] = token.split(/\s+/);
    const id = rest.join(' ');
    if (!isFramework(framework) || id === '') {
      return { ok: false, message: `"${token}" is not a control reference: write the framework (${FRAMEWORKS.join(', ')}) and the control id, e.g. SOC2 CC7.1.` };
    }
    references.push({ framework, id });
  }
  return { ok: true, value: references };
};

const CVE = /^CVE-\d{4}-\d{4,}$/;

const parseCves = (text: string): Parsed<string[]> => {
  const cves = tokens(text).map((token) => token.toUpperCase());
  const wrong = cves.find((cve) => !CVE.test(cve));
  return wrong === undefined ? { ok: true, value: [...new Set(cves)] } : { ok: false, message: `"${wrong}" is not a CVE id such as CVE-2024-3094.` };
};

/** Findings keep what the stored ones say about a CVE (scanner, vector, title) when the form lists it again. */
const findingsValue = (cves: readonly string[], knownExploited: boolean, stored: unknown): Record<string, unknown> => {
  const storedItems = (stored as { items?: unknown } | null | undefined)?.items;
  const previous = Array.isArray(storedItems) ? (storedItems as Record<string, unknown>[]) : [];
  const items = cves.map((cve) => ({ ...(previous.find((item) => item['cve'] === cve) ?? {}), cve, knownExploited }));
  return { items, cves: [...cves], knownExploited: knownExploited && cves.length > 0 };
};

/** The Jira `fields` of a create or edit request, or what the person must correct. */
export const jiraFieldsOf = (
  values: ExceptionFormValues,
  fieldIds: Readonly<Record<string, string>>,
  storedFindings?: unknown,
): Parsed<Record<string, unknown>> => {
  if (values.summary === '') return { ok: false, message: 'Give the exception a summary.' };
  const references = parseControlReferences(values.controlReferences);
  if (!references.ok) return references;
  const cves = parseCves(values.cves);
  if (!cves.ok) return cves;
  const idOf = (name: keyof typeof EXCEPTION_FIELD_MODULE_KEYS): string => {
    const id = fieldIds[EXCEPTION_FIELD_MODULE_KEYS[name]];
    if (id === undefined) throw new Error(`the app's ${EXCEPTION_FIELD_MODULE_KEYS[name]} field is not deployed to the site`);
    return id;
  };
  return {
    ok: true,
    value: {
      summary: values.summary,
      description: descriptionOf({
        ...(values.justification === '' ? {} : { justification: values.justification }),
        ...(values.businessImpact === '' ? {} : { businessImpact: values.businessImpact }),
      }),
      [idOf('kind')]: values.kind === '' ? null : values.kind,
      [idOf('requestedExpiry')]: values.requestedExpiry === '' ? null : values.requestedExpiry,
      [idOf('controlReferences')]: {
        references: references.value,
        frameworks: [...new Set(references.value.map((reference) => reference.framework))],
        controlIds: references.value.map((reference) => reference.id),
      },
      [idOf('findings')]: findingsValue(cves.value, values.knownExploited, storedFindings),
    },
  };
};

export const exceptionForm = (options: { readonly action: string; readonly values: ExceptionFormValues; readonly submitLabel: string }): Html => {
  const { values } = options;
  return html`
  <form class="stack" method="post" action="${options.action}" aria-label="Exception details">
    <label>Summary <input name="summary" required maxlength="255" value="${values.summary}" /></label>
    <label>Exception kind
      <select name="kind">
        ${EXCEPTION_KINDS.map((kind) => html`<option value="${kind}" ${kind === values.kind ? html`selected` : ''}>${kind}</option>`)}
      </select>
    </label>
    <label>Justification <span class="hint">Why the control cannot be met now.</span>
      <textarea name="justification">${values.justification}</textarea>
    </label>
    <label>Business impact <span class="hint">What happens to the business if the exception is refused.</span>
      <textarea name="businessImpact">${values.businessImpact}</textarea>
    </label>
    <label>Requested expiry <span class="hint">The last day the exception should be in force.</span>
      <input type="date" name="requestedExpiry" value="${values.requestedExpiry}" />
    </label>
    <label>Control references <span class="hint">Framework and control id, separated by commas, e.g. SOC2 CC7.1, ISO27001 A.8.8</span>
      <input name="controlReferences" value="${values.controlReferences}" />
    </label>
    <label>Findings <span class="hint">CVE ids, separated by commas</span>
      <input name="cves" value="${values.cves}" />
    </label>
    <label class="row"><input type="checkbox" name="knownExploited" ${values.knownExploited ? html`checked` : ''} /> A finding is known to be exploited (KEV)</label>
    <div class="row"><button type="submit" class="primary">${options.submitLabel}</button></div>
  </form>`;
};

const stringAt = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The edit screen starts from what the issue holds now. */
export const formValuesFromIssue = (issue: {
  readonly summary: string;
  readonly justification: string | undefined;
  readonly businessImpact: string | undefined;
  readonly fields: readonly { readonly moduleKey: string; readonly value: unknown }[];
}): ExceptionFormValues => {
  const valueOf = (name: keyof typeof EXCEPTION_FIELD_MODULE_KEYS): unknown =>
    issue.fields.find((field) => field.moduleKey === EXCEPTION_FIELD_MODULE_KEYS[name])?.value;
  const references = (valueOf('controlReferences') as { references?: unknown } | null | undefined)?.references;
  const findings = valueOf('findings') as { cves?: unknown; knownExploited?: unknown } | null | undefined;
  return {
    summary: issue.summary,
    kind: stringAt(valueOf('kind')),
    justification: issue.justification ?? '',
    businessImpact: issue.businessImpact ?? '',
    requestedExpiry: stringAt(valueOf('requestedExpiry')),
    controlReferences: Array.isArray(references)
      ? (references as { framework?: unknown; id?: unknown }[]).map((ref) => `${stringAt(ref.framework)} ${stringAt(ref.id)}`).join(', ')
      : '',
    cves: Array.isArray(findings?.cves) ? (findings.cves as unknown[]).map(stringAt).join(', ') : '',
    knownExploited: findings?.knownExploited === true,
  };
};
