import { startSandboxWithStubUi, type SandboxUnderTest } from '../server/testing/sandbox-with-stub-ui';
import { SqlMonthlyReportRepository } from '../../adapters/sql/sql-monthly-report-repository';
import { SqlRegisterRepository } from '../../adapters/sql/sql-register-repository';
import type { Sandbox } from '../server/start-sandbox';
import { CAST } from './cast';

/**
 * The demo's "Set up project" on the admin page creates the register's home issue and records it, so the monthly
 * reports the daily jobs compile while the demo history is played are e-mailed about it, and it stays out of the
 * register whatever the reconcile finds in Jira.
 */

const TODAY = new Date('2026-11-23T09:00:00.000Z');

describe('the demo’s monthly reports', () => {
  let underTest: SandboxUnderTest;
  let sandbox: Sandbox;

  beforeAll(async () => {
    underTest = await startSandboxWithStubUi(TODAY, { mode: 'workflow', size: 12, seed: 7, historyDays: 45 });
    sandbox = underTest.sandbox;
  }, 120_000);

  afterAll(() => underTest.close());

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
