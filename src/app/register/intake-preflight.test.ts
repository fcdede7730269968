import { SqlRegisterRepository } from '../../adapters/sql/sql-register-repository';
import { aRegisterEntry } from '../../adapters/sql/testing/builders';
import { sqliteInMemory, type TestDatabase } from '../../adapters/sql/testing/test-database';
import type { ActiveExceptionCounts } from '../../domain/approval/concurrency-limits';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import type { Policy } from '../../domain/policy/policy-config';
import { anAsset, anExceptionRequest } from '../../domain/testing/builders';
import type { ConcurrencyQuery } from '../ports/register-repository';
import { anExceptionIssue } from '../projection/testing/exception-issue-builder';
import type { RenewalRecord } from '../renewal/renewal-record';
import { intakePreflight, type IntakePreflightDeps } from './intake-preflight';

const NOW = '2026-11-02T10:00:00.000Z';
const CALLER = 'acc-requester';
const ASSET = anAsset();

const renewalOf = (original: string): RenewalRecord => ({
  renewalOf: original,
  originKey: original,
  chainBefore: { renewalCount: 0, cumulativeDays: 90 },
  requestedAt: '2026-11-01T09:00:00.000Z',
  reassessment: null,
});

/** Every issue is a draft of the default request; `renewals` names the issues that renew another. */
const depsWith = (register: IntakePreflightDeps['register'], policy: Policy, renewals: Readonly<Record<string, string>> = {}): IntakePreflightDeps => ({
  policy,
  now: () => NOW,
  register,
  issues: { get: (key) => Promise.resolve({ kind: 'found', issue: anExceptionIssue({ key, status: { name: 'Draft' } }) }) },
  renewals: {
    readRecord: (key) => {
      const original = renewals[key];
      return Promise.resolve({ ok: true, value: original === undefined ? null : renewalOf(original) });
    },
  },
});

const askedRegister = (active: ActiveExceptionCounts = { perAsset: {}, perBusinessUnit: 0 }) => {
  const asked: ConcurrencyQuery[] = [];
  const register: IntakePreflightDeps['register'] = {
    concurrencyCounts: (query) => {
      asked.push(query);
      return Promise.resolve(active);
    },
  };
  return { register, asked };
};

describe('the intake pre-flight’s concurrency counts', () => {
  it.each<[string, string | undefined, ConcurrencyQuery]>([
    ['a request not yet raised, which leaves nothing out', undefined, { assetIds: [ASSET.id], businessUnit: 'Payments' }],
    ['a saved draft, which leaves itself and what it renews out', 'SEC-7', { assetIds: [ASSET.id], businessUnit: 'Payments', candidateIssueKey: 'SEC-7' }],
  ])('reads them in one query for %s', async (_name, issueKey, expected) => {
    const { register, asked } = askedRegister();
    const patch = issueKey === undefined ? anExceptionRequest() : {};
    await intakePreflight(depsWith(register, DEFAULT_POLICY), { patch, caller: CALLER, ...(issueKey === undefined ? {} : { issueKey }) });
    expect(asked).toEqual([expected]);
  });

  it('counts the assets and the unit the editor holds, not the ones saved on the issue', async () => {
    const { register, asked } = askedRegister();
    const moved = anAsset({ id: 'asset-db-02', name: 'Ledger database' });
    await intakePreflight(depsWith(register, DEFAULT_POLICY), { issueKey: 'SEC-7', patch: { assets: [moved], businessUnit: 'Treasury' }, caller: CALLER });
    expect(asked).toEqual([{ assetIds: [moved.id], businessUnit: 'Treasury', candidateIssueKey: 'SEC-7' }]);
  });
});

const LIMIT_CODES = ['APPROVAL.ASSET_LIMIT_REACHED', 'APPROVAL.BUSINESS_UNIT_LIMIT_REACHED'];

describe('the intake pre-flight at a concurrency limit, over a SQLite register', () => {
  let testDb: TestDatabase;
  let register: SqlRegisterRepository;

  /** SEC-1 is active on the asset; SEC-2 is the draft renewing it, created with its register entry; SEC-3 is a fresh draft. */
  beforeAll(async () => {
    testDb = await sqliteInMemory.create();
    register = new SqlRegisterRepository(testDb.database);
    for (const entry of [
      aRegisterEntry({ issueKey: 'SEC-1', assetIds: [ASSET.id], businessUnit: 'Payments' }),
      aRegisterEntry({ issueKey: 'SEC-2', status: 'draft', renewalOf: 'SEC-1', assetIds: [ASSET.id], businessUnit: 'Payments' }),
      aRegisterEntry({ issueKey: 'SEC-3', status: 'draft', assetIds: [ASSET.id], businessUnit: 'Payments' }),
    ]) {
      const saved = await register.save(entry, 'absent');
      if (!saved.ok) throw new Error(saved.error.message);
    }
  });
  afterAll(() => testDb.close());

  it.each<[string, Policy['limits'], string | undefined, readonly string[]]>([
    ['a renewal of the one exception on the asset', { activePerAsset: 1, activePerBusinessUnit: 50 }, 'SEC-2', []],
    ['a fresh draft on the same asset', { activePerAsset: 1, activePerBusinessUnit: 50 }, 'SEC-3', ['APPROVAL.ASSET_LIMIT_REACHED']],
    ['a request not yet raised on the same asset', { activePerAsset: 1, activePerBusinessUnit: 50 }, undefined, ['APPROVAL.ASSET_LIMIT_REACHED']],
    ['a renewal of the one exception in the unit', { activePerAsset: 3, activePerBusinessUnit: 1 }, 'SEC-2', []],
    ['a fresh draft in the same unit', { activePerAsset: 3, activePerBusinessUnit: 1 }, 'SEC-3', ['APPROVAL.BUSINESS_UNIT_LIMIT_REACHED']],
  ])('%s', async (_name, limits, issueKey, expected) => {
    const deps = depsWith(register, { ...DEFAULT_POLICY, limits }, { 'SEC-2': 'SEC-1' });
    const patch = issueKey === undefined ? anExceptionRequest({ assets: [ASSET] }) : {};
    const checked = await intakePreflight(deps, { patch, caller: CALLER, ...(issueKey === undefined ? {} : { issueKey }) });
    if (!checked.ok) throw new Error(checked.error.message);
    expect(checked.value.problems.map((problem) => problem.code).filter((code) => LIMIT_CODES.includes(code))).toEqual(expected);
  });
});
