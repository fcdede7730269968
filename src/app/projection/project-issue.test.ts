import { createDatabase, type SqlDatabase } from '../../adapters/sql/database';
import { SqlApprovalRepository } from '../../adapters/sql/sql-approval-repository';
import { SqlNotificationLedger } from '../../adapters/sql/sql-notification-ledger';
import { SqlRegisterRepository } from '../../adapters/sql/sql-register-repository';
import { SqlReviewAttestationRepository } from '../../adapters/sql/sql-review-attestation-repository';
import { testSigningKey } from '../../domain/audit/testing/signed-chain';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { anApproval, anException } from '../../domain/testing/builders';
import { InMemoryAuditStore } from '../audit/testing/in-memory-audit-store';
import { signerOf } from '../audit/testing/test-signer';
import { COMPUTED_FIELD_NAMES, type ComputedFieldValues } from './computed-fields';
import type { ComputedFieldName } from './exception-issue';
import { projectIssue, type ProjectionDeps, type ProjectionResult } from './project-issue';
import type { ComputedFieldWriter, Remote, RemoteFailure } from './projection-ports';
import { anExceptionIssue } from './testing/exception-issue-builder';

const NOW = '2026-11-10T08:00:00.000Z';
const KEY = 'SEC-1';
const REJECTED: RemoteFailure = { code: 'JIRA.BAD_REQUEST', message: 'Jira refused the field values' };

/** The issue's computed fields as Jira holds them, written through the writer port as the app field API would. */
class FieldSite implements ComputedFieldWriter {
  held: Partial<Record<ComputedFieldName, unknown>> = {};
  fields: readonly ComputedFieldName[] = COMPUTED_FIELD_NAMES;
  answer: Remote<undefined> = { ok: true, value: undefined };
  readonly writes: { readonly issueId: string; readonly values: Partial<ComputedFieldValues> }[] = [];

  onSite() {
    return Promise.resolve({ ok: true as const, value: this.fields });
  }

  write(issueId: string, values: Partial<ComputedFieldValues>) {
    this.writes.push({ issueId, values });
    if (this.answer.ok) this.held = { ...this.held, ...structuredClone(values) };
    return Promise.resolve(this.answer);
  }
}

type World = { readonly deps: ProjectionDeps; readonly site: FieldSite; readonly register: SqlRegisterRepository; readonly database: SqlDatabase };

const worldOf = async (): Promise<World> => {
  const database = createDatabase({ dialect: 'sqlite', filename: ':memory:' });
  await database.migrate();
  const site = new FieldSite();
  const register = new SqlRegisterRepository(database);
  const issue = () => anExceptionIssue({ key: KEY, status: { name: 'Awaiting Approval' }, custom: { ...site.held } });
  const deps: ProjectionDeps = {
    issues: {
      get: () => Promise.resolve({ kind: 'found', issue: issue() }),
      getMany: () => Promise.resolve({ ok: true, value: { issues: [issue()], missing: [] } }),
      pages: async function* () {
        yield await Promise.resolve({ ok: true as const, value: [issue()] });
      },
    },
    computedFields: site,
    register,
    approvals: new SqlApprovalRepository(database),
    attestations: new SqlReviewAttestationRepository(database),
    ledger: new SqlNotificationLedger(database),
    audit: { store: new InMemoryAuditStore(), signer: signerOf(testSigningKey(5)), pauseBeforeRetry: () => Promise.resolve() },
    policy: DEFAULT_POLICY,
  };
  return { deps, site, register, database };
};

const project = async (world: World): Promise<ProjectionResult> => (await projectIssue(world.deps, { issueKey: KEY, now: NOW, actor: 'acc-requester' })).result;

const fieldsOf = (result: ProjectionResult) => (result.kind === 'projected' ? result.fields : undefined);

describe('projecting an issue writes its computed fields', () => {
  let world: World;

  beforeEach(async () => {
    world = await worldOf();
  });

  afterEach(() => world.database.destroy());

  it('writes all three in one request when Jira holds none, with the values the register stored', async () => {
    const result = await project(world);

    expect(fieldsOf(result)).toEqual({ kind: 'written', fields: ['riskScore', 'riskTier', 'approvalState'] });
    expect(world.site.writes).toHaveLength(1);
    const entry = await world.register.get(KEY);
    expect(world.site.writes[0]).toEqual({
      issueId: '10001',
      values: {
        riskScore: entry?.riskScore,
        riskTier: entry?.tier,
        approvalState: expect.objectContaining({ tier: entry?.tier, approvedLevels: [], contentHash: entry?.contentHash, complete: false }) as unknown,
      },
    });
  });

  it.each<[string, (world: World) => Promise<unknown> | void, readonly string[]]>([
    ['Jira already holds them (a replayed event, the write’s own update event)', () => undefined, []],
    [
      'someone cleared the tier',
      (w) => {
        delete w.site.held.riskTier;
      },
      ['riskTier'],
    ],
    [
      'Jira holds a score of an earlier rating',
      (w) => {
        w.site.held.riskScore = 9.9;
      },
      ['riskScore'],
    ],
    [
      'an approval was recorded for the current content',
      async (w) => w.deps.approvals.record(KEY, anApproval(anException(), { contentHash: (await w.register.get(KEY))?.contentHash ?? '' })),
      ['approvalState'],
    ],
  ])('on a second projection where %s, writes only what changed', async (_case, change, expected) => {
    await project(world);
    await change(world);
    world.site.writes.length = 0;

    const result = await project(world);

    expect(world.site.writes.map((write) => Object.keys(write.values))).toEqual(expected.length === 0 ? [] : [expected]);
    expect(fieldsOf(result)).toEqual(expected.length === 0 ? { kind: 'in-step' } : { kind: 'written', fields: expected });
  });

  it('writes only the fields the site has, and nothing on a site without them', async () => {
    world.site.fields = ['riskTier'];
    expect(fieldsOf(await project(world))).toEqual({ kind: 'written', fields: ['riskTier'] });
    expect(Object.keys(world.site.writes[0]?.values ?? {})).toEqual(['riskTier']);

    world.site.fields = [];
    world.site.writes.length = 0;
    expect(fieldsOf(await project(world))).toEqual({ kind: 'not-on-site' });
    expect(world.site.writes).toEqual([]);
  });

  it('keeps the projection when Jira refuses the write, reports the failure, and writes on the next projection', async () => {
    world.site.answer = { ok: false, error: REJECTED };

    const failed = await project(world);

    expect(failed).toMatchObject({ kind: 'projected', outcome: 'inserted', fields: { kind: 'failed', failure: REJECTED } });
    expect(await world.register.get(KEY)).toMatchObject({ issueKey: KEY, status: 'awaiting-approval' });

    world.site.answer = { ok: true, value: undefined };
    const repaired = await project(world);

    expect(repaired).toMatchObject({ kind: 'projected', outcome: 'unchanged', fields: { kind: 'written' } });
    expect(Object.keys(world.site.held).sort()).toEqual(['approvalState', 'riskScore', 'riskTier']);
  });
});
