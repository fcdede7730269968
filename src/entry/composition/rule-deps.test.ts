import type { GroupDirectory, Remote } from '../../app/projection/projection-ports';
import { installLocalForgeRuntime, type LocalForgeRuntime } from '../../sandbox/forge-runtime/install-local-forge-runtime';
import { createLocalKvsStore } from '../../sandbox/forge-runtime/local-kvs-store';
import { createStandInWorld, type StandInWorld } from '../../sandbox/jira/testing/stand-in-world';
import { cachedGroupDirectory, GROUPS_TTL_SECONDS, groupsCacheKey } from './rule-deps';

let site: StandInWorld;
let runtime: LocalForgeRuntime;
beforeEach(() => {
  site = createStandInWorld();
  runtime = installLocalForgeRuntime({ jira: site.jira, kvs: createLocalKvsStore({ now: () => site.jira.clock.now() }) });
});
afterEach(() => runtime.uninstall());

const counting = (answers: Remote<readonly string[]>[]): GroupDirectory & { readonly asked: string[] } => {
  const asked: string[] = [];
  return {
    asked,
    groupsOf: (accountId) => {
      asked.push(accountId);
      return Promise.resolve(answers.shift() ?? { ok: true, value: ['security-leads'] });
    },
  };
};

describe('group memberships cached for the validators', () => {
  it('are looked up once per person and installation while fresh, and again once stale', async () => {
    const directory = counting([]);
    const cached = cachedGroupDirectory(directory, 'ari:cloud:jira::site/one');

    await runtime.runAs(null, async () => {
      expect(await cached.groupsOf('acc-lead')).toEqual({ ok: true, value: ['security-leads'] });
      expect(await cached.groupsOf('acc-lead')).toEqual({ ok: true, value: ['security-leads'] });
      await cached.groupsOf('acc-risk');
      await cachedGroupDirectory(directory, 'ari:cloud:jira::site/two').groupsOf('acc-lead');
      site.jira.clock.advance({ ms: (GROUPS_TTL_SECONDS + 1) * 1000 });
      await cached.groupsOf('acc-lead');
    });

    expect(directory.asked).toEqual(['acc-lead', 'acc-risk', 'acc-lead', 'acc-lead']);
  });

  it('never keep a failed lookup', async () => {
    const directory = counting([{ ok: false, error: { code: 'JIRA.UNAVAILABLE', message: 'down' } }]);
    const cached = cachedGroupDirectory(directory, 'ari:cloud:jira::site/one');

    const answers = await runtime.runAs(null, async () => [await cached.groupsOf('acc-lead'), await cached.groupsOf('acc-lead')]);

    expect(answers.map((answer) => answer.ok)).toEqual([false, true]);
    expect(directory.asked).toEqual(['acc-lead', 'acc-lead']);
  });

  it('are keyed by a digest the store accepts, different per installation', () => {
    const key = groupsCacheKey('ari:cloud:jira::site/one', '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077');
    expect(key).toMatch(/^cache:groups:[0-9a-f]{40}$/);
    expect(groupsCacheKey('ari:cloud:jira::site/two', '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077')).not.toBe(key);
  });
});
