import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { canonicalContent, RISK_RELEVANT_FIELDS, type RiskRelevantContent, type RiskRelevantField } from '../../domain/exception/content-hash';

/**
 * What an approver approved, field by field, kept small: a digest of each risk-relevant field as the content hash
 * normalises it. An approval's audit entry carries these, so when the content later changes the register can say
 * which fields changed without storing the content itself a second time.
 */

export type ContentDigests = Readonly<Record<RiskRelevantField, string>>;

/** 64 bits of SHA-256 per field: enough to notice a change, not meant to protect the content. */
const DIGEST_HEX_LENGTH = 16;

const digestOf = (value: unknown): string =>
  createHash('sha256')
    .update(canonicalize(value ?? null) ?? 'null', 'utf8')
    .digest('hex')
    .slice(0, DIGEST_HEX_LENGTH);

const normalizedFieldsSchema = z.record(z.string(), z.unknown());

export const contentDigests = (content: RiskRelevantContent): ContentDigests => {
  const normalized = normalizedFieldsSchema.parse(JSON.parse(canonicalContent(content)));
  return Object.fromEntries(RISK_RELEVANT_FIELDS.map((field) => [field, digestOf(normalized[field])])) as Record<RiskRelevantField, string>;
};

export const contentDigestsSchema: z.ZodType<ContentDigests> = z.object(
  Object.fromEntries(RISK_RELEVANT_FIELDS.map((field) => [field, z.string().regex(/^[0-9a-f]{16}$/)])) as Record<RiskRelevantField, z.ZodString>,
);

/** The risk-relevant fields whose content differs from what was approved, in the content hash's order. */
export const fieldsChangedSince = (approved: ContentDigests, current: RiskRelevantContent): RiskRelevantField[] => {
  const now = contentDigests(current);
  return RISK_RELEVANT_FIELDS.filter((field) => approved[field] !== now[field]);
};

const FIELD_NAMES: Readonly<Record<RiskRelevantField, string>> = {
  kind: 'exception kind',
  assets: 'assets',
  controlReferences: 'control references',
  findings: 'findings',
  justification: 'justification',
  businessImpact: 'business impact',
  compensatingControls: 'compensating controls',
  threatVectors: 'threat vectors',
  riskInputs: 'risk inputs',
  requestedExpiry: 'requested expiry',
  remediationPlan: 'remediation plan',
};

export const fieldNameOf = (field: RiskRelevantField): string => FIELD_NAMES[field];
