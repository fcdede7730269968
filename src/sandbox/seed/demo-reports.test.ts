import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqlMonthlyReportRepository } from '../../adapters/sql/sql-monthly-report-repository';
import { SqlRegisterRepository } from '../../adapters/sql/sql-register-repository';
import { UI_PAGES } from '../server/frames';
import { defaultSandboxOptions, startSandbox, type Sandbox } from '../server/start-sandbox';
import { CAST } from './cast';

/**
 * The demo's "Set up project" on the admin page creates the register's home issue and records it, so the monthly
 * reports the daily jobs compile while the demo history is played are e-mailed about it, and it stays out of the
 * register whatever the reconcile finds in Jira.
 */

const TODAY = new Date('2026-11-23T09:00:00.000Z');

describe('the demo’s monthly reports', () => {
  let dir: string;
  let sandbox: Sandbox;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-reports-'));
    const build = join(dir, 'build');
    for (const page of UI_PAGES) {
      mkdirSync(join(build, page), { recursive: true });
      writeFileSync(join(build, page, 'index.html'), `<!doctype html><html><head><title>${page}</title></head><body></body></html>`);
    }
    sandbox = await startSandbox({
      ...defaultSandboxOptions(),
      dataDir: join(dir, 'data'),
      uiBuildDir: build,
      today: TODAY,
      seed: { mode: 'workflow', size: 12, seed: 7, historyDays: 45 },
    });
  }, 120_000);

  afterAll(async () => {
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const home = () => {
    const issue = sandbox.world.jira.issue('SEC-1');
    return { key: issue?.key, type: sandbox.world.jira.state.issueTypes.get(issue?.issueTypeId ?? '')?.name, labels: issue?.values.get('labels') };
  };

  it('are e-mailed to the security leads about the home issue set-up created, one per closed month', async () => {
    expect(home()).toEqual({ key: 'SEC-1', type: 'Task', labels: ['exception-register-home'] });
    const reports = sandbox.world.jira.notifications().filter((notification) => notification.subject.startsWith('Security exception report'));
    expect(reports.map(({ issueKey, subject }) => [issueKey, subject])).toEqual([
      ['SEC-1', 'Security exception report for 2026-09'],
      ['SEC-1', 'Security exception report for 2026-10'],
    ]);
    const isLead = (groups: readonly string[]): boolean => groups.includes('security-leads');
    const leads = Object.values(CAST).filter((person) => isLead(person.groups)).map((person) => person.accountId);
    expect(reports.every((report) => [...report.recipientAccountIds].sort().join() === [...leads].sort().join())).toBe(true);
    const stored = await new SqlMonthlyReportRepository(sandbox.world.database).get('2026-10');
    expect(stored?.notEmailedBecause).toBeUndefined();
  });

  it('leave the home issue out of the register, even after a reconcile', async () => {
    await sandbox.app.reconcile();
    expect(await new SqlRegisterRepository(sandbox.world.database).get('SEC-1')).toBeNull();
    expect(home().key).toBe('SEC-1');
  });
});
