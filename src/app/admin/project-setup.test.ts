import api, { assumeTrustedRoute } from '@forge/api';
import { KvsRegisterHome } from '../../adapters/forge/kvs-register-home';
import { createJiraGateway } from '../../adapters/jira/jira-gateway';
import { DEFAULT_POLICY } from '../../domain/policy/default-policy';
import { testSigningKey } from '../../domain/audit/testing/signed-chain';
import { installLocalForgeRuntime, type LocalForgeRuntime } from '../../sandbox/forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore } from '../../sandbox/forge-runtime/local-kvs-store';
import { APP, call, createStandInWorld, PEOPLE } from '../../sandbox/jira/testing/stand-in-world';
import { InMemoryAuditStore } from '../audit/testing/in-memory-audit-store';
import { signerOf } from '../audit/testing/test-signer';
import type { SetupRun, SetupRuns } from './admin-ports';
import { PROJECT_SET_UP, runProjectSetup } from './project-setup';

const VALIDATORS = { intake: 'intake-validator', peerReview: 'peer-review-validator', approval: 'approval-validator', activation: 'activation-validator' };

let runtime: LocalForgeRuntime | undefined;
afterEach(() => runtime?.uninstall());

const memoryRuns = (): SetupRuns => {
  const last = new Map<string, SetupRun>();
  return {
    last: (projectKey) => Promise.resolve(last.get(projectKey) ?? null),
    record: (run) => Promise.resolve(void last.set(run.projectKey, run)),
  };
};

/** A site with two empty company-managed projects; set-up runs as the Jira administrator who asked, as on the admin page. */
function createSite() {
  const { jira } = createStandInWorld();
  jira.registerForgeCustomField({ moduleKey: 'exception-assets', name: 'Exception assets', type: 'object' });
  for (const moduleKey of Object.values(VALIDATORS)) jira.registerWorkflowValidator(moduleKey, () => ({ result: true }));
  jira.registerWorkflowPostFunction('decision-recorder', () => undefined);
  jira.seedProject({ key: 'EXC', name: 'Exceptions', leadAccountId: PEOPLE.lead });
  jira.seedProject({ key: 'OPS', name: 'Operations exceptions', leadAccountId: PEOPLE.lead });
  runtime?.uninstall();
  const local = installLocalForgeRuntime({ jira, kvs: createLocalKvsStore({ now: () => jira.clock.now() }) });
  runtime = local;
  const auditStore = new InMemoryAuditStore();
  const gateway = createJiraGateway({
    request: (path, init) => api.asUser().requestJira(assumeTrustedRoute(path), init),
    sleep: () => Promise.resolve(),
    random: () => 0,
    now: () => jira.clock.now(),
  });
  const deps = {
    jira: gateway,
    runs: memoryRuns(),
    registerHome: new KvsRegisterHome(),
    audit: { store: auditStore, signer: signerOf(testSigningKey(1)), pauseBeforeRetry: () => Promise.resolve() },
    policy: DEFAULT_POLICY,
    now: () => jira.clock.now().toISOString(),
    app: { appId: APP.appId, environmentId: APP.environmentId },
    validatorModuleKeys: VALIDATORS,
    recorderModuleKey: 'decision-recorder',
    fieldModuleKeys: { editable: ['exception-assets'], readOnly: [] },
  };
  return {
    jira,
    auditStore,
    run: (projectKey: string) => local.runAs(PEOPLE.admin, () => runProjectSetup(deps, { projectKey, by: PEOPLE.admin })),
    home: () => local.runAs(null, () => new KvsRegisterHome().get()),
  };
}

const homeDetail = (run: SetupRun): string => run.steps.find((step) => step.step === 'register-home')?.detail ?? '';

const auditedHomes = async (auditStore: InMemoryAuditStore) =>
  (await auditStore.page(0, 100)).filter((entry) => entry.action === PROJECT_SET_UP).map((entry) => (entry.payload as { registerHome?: unknown }).registerHome);

describe('running project set-up from the admin page', () => {
  it('records the first project’s home issue as the register’s home, once', async () => {
    const site = createSite();

    const first = await site.run('EXC');
    const again = await site.run('EXC');

    expect(await site.home()).toEqual({ projectKey: 'EXC', issueKey: 'EXC-1', siteUrl: 'https://jira-stand-in.invalid' });
    expect(homeDetail(first)).toMatch(/^Created EXC-1 \(Task\) .* Recorded EXC-1 as the register's home: monthly reports are e-mailed about it from now on\.$/);
    expect(homeDetail(again)).toBe('Found EXC-1 (Task), the register\'s home issue in EXC, by its label "exception-register-home".');
    expect(await auditedHomes(site.auditStore)).toEqual([
      { issueKey: 'EXC-1', projectKey: 'EXC', recorded: true },
      { issueKey: 'EXC-1', projectKey: 'EXC', recorded: false },
    ]);
  });

  it('keeps the first project’s home when a second project is set up, and says so', async () => {
    const site = createSite();
    await site.run('EXC');

    const second = await site.run('OPS');

    expect(homeDetail(second)).toMatch(/^Created OPS-1 \(Task\) .*\. The register's home stays EXC-1 in EXC, the project set up first: .* setting up OPS does not move it\.$/);
    expect(await site.home()).toMatchObject({ projectKey: 'EXC', issueKey: 'EXC-1' });
  });

  it('records the home issue the project re-creates after its own was deleted', async () => {
    const site = createSite();
    await site.run('EXC');
    expect((await call(site.jira, 'DELETE', '/rest/api/3/issue/EXC-1')).status).toBe(204);

    const rerun = await site.run('EXC');

    expect(homeDetail(rerun)).toMatch(/Recorded EXC-2 as the register's home/);
    expect(await site.home()).toMatchObject({ projectKey: 'EXC', issueKey: 'EXC-2' });
  });

  it('records no home when set-up stops before it', async () => {
    const site = createSite();
    site.jira.injectFault({ status: 500, method: 'GET', pathPattern: /^\/rest\/api\/3\/serverInfo$/ });

    const stopped = await site.run('EXC');

    expect(stopped.steps.find((step) => step.step === 'register-home')?.outcome).toBe('failed');
    expect(await site.home()).toBeNull();
    expect(await auditedHomes(site.auditStore)).toEqual([undefined]);
  });

  it('tells an administrator who may not create issues in the project what to do, and records nothing', async () => {
    const site = createSite();

    const stopped = await site.run('SEC');

    expect(homeDetail(stopped)).toMatch(/^Could not create the register's home issue in SEC\. .* Set-up acts as you, so you need the Create issues permission in SEC/);
    expect(await site.home()).toBeNull();
  });
});
