import type { AuditEntry } from '../../domain/audit/audit-entry';
import { auditSummary } from './exception-panel';

const entry = (action: string, payload: AuditEntry['payload']): AuditEntry => ({
  sequence: 1,
  at: '2026-11-02T09:00:00.000Z',
  actor: 'acc-lead',
  action,
  issueKey: 'SEC-1',
  payload,
  canonicalPayload: JSON.stringify(payload),
  previousHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
  signature: 'sig',
  keyId: 'key',
});

describe('one line per audit entry', () => {
  it.each([
    ['exception.review-attested', { quarter: '2026-Q4', note: 'Controls re-checked' }, 'Review attested: Controls re-checked'],
    ['exception.approved', { levelId: 'security-lead' }, 'Approved: security-lead'],
    ['exception.rejected', { reason: 'No compensating control' }, 'Rejected: No compensating control'],
    ['exception.expired', {}, 'Expired'],
    ['auditor.accessed', ['not', 'an', 'object'], 'Accessed'],
    ['exception.revoked', { reason: '' }, 'Revoked'],
  ])('%s with %j reads %j', (action, payload, expected) => {
    expect(auditSummary(entry(action, payload))).toBe(expected);
  });

  it('clips a long detail to what the panel shows', () => {
    const summary = auditSummary(entry('exception.rejected', { reason: 'x'.repeat(5000) }));
    expect(summary).toHaveLength(1000);
    expect(summary.endsWith('…')).toBe(true);
  });
});
