import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { CompensatingControl, ExceptionRequest } from './security-exception';

/**
 * Approvals are bound to what was approved, not to an issue key: the hash covers exactly the fields that
 * change the risk an approver signed off. Status, title, people and timestamps are left out on purpose, so
 * moving an exception through its lifecycle never voids its own approvals.
 */
export const RISK_RELEVANT_FIELDS = [
  'kind',
  'assets',
  'controlReferences',
  'findings',
  'justification',
  'businessImpact',
  'compensatingControls',
  'threatVectors',
  'riskInputs',
  'requestedExpiry',
  'remediationPlan',
] as const;
export type RiskRelevantField = (typeof RISK_RELEVANT_FIELDS)[number];

/** A SecurityException satisfies this as well as an ExceptionRequest, so a draft and its issue hash alike. */
export type RiskRelevantContent = Pick<ExceptionRequest, RiskRelevantField>;

const canonical = (value: unknown): string => {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('content is not JSON-serialisable');
  return text;
};

/** Set-like lists carry no meaning in their order; sorting by canonical form makes reordering a no-op. */
const asSet = <T>(items: readonly T[]): T[] =>
  items
    .map((item) => ({ item, key: canonical(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item);

const normalizedControl = (control: CompensatingControl): CompensatingControl => ({
  ...control,
  evidence: asSet(control.evidence),
});

const NORMALIZERS: { readonly [F in RiskRelevantField]: (value: RiskRelevantContent[F]) => unknown } = {
  kind: (kind) => kind,
  assets: (assets) => asSet(assets),
  controlReferences: (refs) => asSet(refs),
  findings: (findings) => asSet(findings),
  justification: (text) => text,
  businessImpact: (text) => text,
  compensatingControls: (controls) => asSet(controls.map(normalizedControl)),
  threatVectors: (vectors) => asSet(vectors),
  riskInputs: (inputs) => inputs,
  requestedExpiry: (day) => day,
  remediationPlan: (plan) => plan,
};

const normalized = <F extends RiskRelevantField>(content: RiskRelevantContent, field: F): unknown =>
  NORMALIZERS[field](content[field]);

/** RFC 8785 canonical JSON of the risk-relevant fields only; extra properties on the input are ignored. */
export const canonicalContent = (content: RiskRelevantContent): string =>
  canonical(Object.fromEntries(RISK_RELEVANT_FIELDS.map((field) => [field, normalized(content, field)])));

/** SHA-256 hex of the canonical risk-relevant content: the value every approval is bound to. */
export const contentHash = (content: RiskRelevantContent): string =>
  createHash('sha256').update(canonicalContent(content), 'utf8').digest('hex');

/** Which risk-relevant fields differ, in a stable order: the "what changed" line when approvals are voided. */
export const riskRelevantChanges = (before: RiskRelevantContent, after: RiskRelevantContent): RiskRelevantField[] =>
  RISK_RELEVANT_FIELDS.filter((field) => canonical(normalized(before, field) ?? null) !== canonical(normalized(after, field) ?? null));
