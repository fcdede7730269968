import type { Insertable } from 'kysely';
import { z } from 'zod';
import type { AuditEntry, JsonValue } from '../../domain/audit/audit-entry';
import { dbInteger } from './db-values';
import { parseRow } from './sql-errors';
import type { AuditChainTable } from './schema';

/**
 * Pure mapping between audit entries and rows. Every field the hash covers is stored verbatim (no instant
 * normalisation, the canonical payload as text) so verification never depends on how a value was re-encoded;
 * the structured payload is read back from the canonical text.
 */
export const auditRowOf = (entry: AuditEntry): Insertable<AuditChainTable> => ({
  sequence: entry.sequence,
  at: entry.at,
  actor: entry.actor,
  action: entry.action,
  issue_key: entry.issueKey,
  canonical_payload: entry.canonicalPayload,
  previous_hash: entry.previousHash,
  hash: entry.hash,
  signature: entry.signature,
  key_id: entry.keyId,
});

/** JSON.parse only ever yields JSON values, so re-validating its result would only slow chain verification down. */
const parseJson = (text: string): { ok: true; value: JsonValue } | { ok: false } => {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue };
  } catch {
    return { ok: false };
  }
};

const auditRowSchema = z
  .object({
    sequence: dbInteger,
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    issue_key: z.string().nullable(),
    canonical_payload: z.string(),
    previous_hash: z.string(),
    hash: z.string(),
    signature: z.string(),
    key_id: z.string(),
  })
  .transform((row, ctx): AuditEntry => {
    const payload = parseJson(row.canonical_payload);
    if (!payload.ok) {
      ctx.addIssue({ code: 'custom', message: 'canonical_payload is not JSON', path: ['canonical_payload'] });
      return z.NEVER;
    }
    return {
      sequence: row.sequence,
      at: row.at,
      actor: row.actor,
      action: row.action,
      issueKey: row.issue_key,
      payload: payload.value,
      canonicalPayload: row.canonical_payload,
      previousHash: row.previous_hash,
      hash: row.hash,
      signature: row.signature,
      keyId: row.key_id,
    };
  });

export const auditEntryOf = (row: unknown): AuditEntry => parseRow(auditRowSchema, row, 'audit_chain');
