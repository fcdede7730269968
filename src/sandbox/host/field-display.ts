import { z } from 'zod';
import { html, type Html } from './html';

/**
 * How the issue view shows a Forge custom field: Jira renders object fields with the module's formatter, so the host
 * shows the same short summaries, listing the parts a person needs to check. Values in a shape the host does not know
 * are shown as their JSON, never hidden.
 */

const assetsSchema = z.looseObject({
  businessUnit: z.string().optional(),
  owner: z.string().optional(),
  items: z.array(z.looseObject({ id: z.string(), name: z.string(), criticality: z.string(), dataClassification: z.string(), internetFacing: z.boolean() })),
});
const controlRefsSchema = z.looseObject({ references: z.array(z.looseObject({ framework: z.string(), id: z.string() })) });
const findingsSchema = z.looseObject({ cves: z.array(z.string()), knownExploited: z.boolean() });
const riskInputsSchema = z.union([
  z.looseObject({ method: z.literal('cvss'), vector: z.string(), threatVectors: z.array(z.string()).optional() }),
  z.looseObject({ method: z.literal('matrix'), likelihood: z.number(), impact: z.number(), threatVectors: z.array(z.string()).optional() }),
]);
const controlsSchema = z.looseObject({ items: z.array(z.looseObject({ type: z.string(), description: z.string(), status: z.string() })) });
const remediationSchema = z.looseObject({ summary: z.string(), targetDate: z.string().optional(), ticket: z.string().optional() });
const approvalStateSchema = z.looseObject({
  requiredLevels: z.array(z.string()),
  approvedLevels: z.array(z.string()),
  nextLevel: z.string().optional(),
});

const list = (items: readonly Html[]): Html => (items.length === 0 ? html`<span class="muted">none</span>` : html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`);

type Formatter = (value: unknown, nameOf: (accountId: string) => string) => Html | undefined;

const FORMATTERS: Readonly<Record<string, Formatter>> = {
  'exception-assets': (value, nameOf) => {
    const parsed = assetsSchema.safeParse(value);
    if (!parsed.success) return undefined;
    const { businessUnit, owner, items } = parsed.data;
    return html`${businessUnit ?? 'No business unit'}${owner === undefined ? '' : html`, owned by ${nameOf(owner)}`}
      ${list(items.map((asset) => html`${asset.name} (${asset.id}): ${asset.criticality} criticality, ${asset.dataClassification}${asset.internetFacing ? ', internet-facing' : ''}`))}`;
  },
  'exception-control-refs': (value) => {
    const parsed = controlRefsSchema.safeParse(value);
    return parsed.success ? html`${parsed.data.references.map((ref) => `${ref.framework} ${ref.id}`).join(', ') || 'none'}` : undefined;
  },
  'exception-findings': (value) => {
    const parsed = findingsSchema.safeParse(value);
    return parsed.success ? html`${parsed.data.cves.join(', ') || 'no CVE'}${parsed.data.knownExploited ? ' (known exploited)' : ''}` : undefined;
  },
  'exception-risk-inputs': (value) => {
    const parsed = riskInputsSchema.safeParse(value);
    if (!parsed.success) return undefined;
    const risk = parsed.data;
    const inherent = risk.method === 'cvss' ? html`<code>${risk.vector}</code>` : html`Likelihood ${risk.likelihood} x impact ${risk.impact}`;
    return html`${inherent}${(risk.threatVectors ?? []).length > 0 ? html`<br /><span class="muted">Threats: ${(risk.threatVectors ?? []).join(', ')}</span>` : ''}`;
  },
  'exception-compensating-controls': (value) => {
    const parsed = controlsSchema.safeParse(value);
    return parsed.success ? list(parsed.data.items.map((control) => html`${control.type}: ${control.description} (${control.status})`)) : undefined;
  },
  'exception-remediation-plan': (value) => {
    const parsed = remediationSchema.safeParse(value);
    if (!parsed.success) return undefined;
    const { summary, targetDate, ticket } = parsed.data;
    return html`${summary}${targetDate === undefined ? '' : html`<br /><span class="muted">By ${targetDate}</span>`}${ticket === undefined ? '' : html` <span class="muted">(${ticket})</span>`}`;
  },
  'exception-approval-state': (value) => {
    const parsed = approvalStateSchema.safeParse(value);
    if (!parsed.success) return undefined;
    const { requiredLevels, approvedLevels, nextLevel } = parsed.data;
    return html`${approvedLevels.length} of ${requiredLevels.length} approvals${nextLevel === undefined ? '' : `, next: ${nextLevel}`}`;
  },
};

export const displayField = (moduleKey: string, value: unknown, nameOf: (accountId: string) => string): Html => {
  if (value === null || value === undefined) return html`<span class="muted">None</span>`;
  const formatted = FORMATTERS[moduleKey]?.(value, nameOf);
  if (formatted !== undefined) return formatted;
  return typeof value === 'string' ? html`${value}` : html`<code>${JSON.stringify(value)}</code>`;
};
