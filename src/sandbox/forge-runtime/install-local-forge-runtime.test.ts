import api, { getAppContext, route } from '@forge/api';
import { kvs, ForgeKvsAPIError, MetadataField } from '@forge/kvs';
import { sql } from '@forge/sql';
import { createStandInWorld, PEOPLE, APP, type StandInWorld } from '../jira/testing/stand-in-world';
import type { ForgeSqlHandler } from '../../adapters/forge/testing/forge-sql-fetch-shim';
import { installLocalForgeRuntime, type LocalForgeRuntime } from './install-local-forge-runtime';
import { createLocalKvsStore, type LocalKvsStore } from './local-kvs-store';

describe('the real Forge SDK over the local runtime', () => {
  let world: StandInWorld;
  let store: LocalKvsStore;
  let runtime: LocalForgeRuntime;
  // Typed as the storage layer's handler so the compiler checks the two fit together.
  const sqlHandler = jest.fn<ReturnType<ForgeSqlHandler>, Parameters<ForgeSqlHandler>>();

  beforeEach(() => {
    world = createStandInWorld();
    world.jira.seedIssue({ projectKey: 'SEC', issueType: 'Task', summary: 'TLS 1.0 on the legacy gateway', reporterAccountId: PEOPLE.requester });
    store = createLocalKvsStore({ now: () => world.jira.clock.now() });
    sqlHandler.mockReset();
    runtime = installLocalForgeRuntime({ jira: world.jira, kvs: store, sql: sqlHandler, appContext: { invocationTimeoutMs: 10_000 } });
  });

  afterEach(() => runtime.uninstall());

  describe('requestJira', () => {
    it('asApp() reads the stand-in issue', async () => {
      const response = await api.asApp().requestJira(route`/rest/api/3/issue/SEC-1?fields=summary,status`);
      expect(response.status).toBe(200);
      const issue = (await response.json()) as { key: string; fields: { summary: string; status: { name: string } } };
      expect(issue.key).toBe('SEC-1');
      expect(issue.fields.summary).toBe('TLS 1.0 on the legacy gateway');
      expect(issue.fields.status.name).toBe('To Do');
    });

    it('asUser() acts as the account of the surrounding runAs, with that account’s permissions', async () => {
      const asRequester = await runtime.runAs(PEOPLE.requester, () => api.asUser().requestJira(route`/rest/api/3/issue/SEC-1`));
      const asOutsider = await runtime.runAs(PEOPLE.outsider, () => api.asUser().requestJira(route`/rest/api/3/issue/SEC-1`));
      expect(asRequester.status).toBe(200);
      expect(asOutsider.status).toBe(404);
    });

    it('asUser(accountId) impersonates that account even outside runAs', async () => {
      const response = await api.asUser(PEOPLE.lead).requestJira(route`/rest/api/3/mypermissions?permissions=EDIT_ISSUES&projectKey=SEC`);
      const body = (await response.json()) as { permissions: { EDIT_ISSUES: { havePermission: boolean } } };
      expect(body.permissions.EDIT_ISSUES.havePermission).toBe(true);
    });

    it('asUser() without an acting user is a programming error, not a Jira answer', async () => {
      await expect(api.asUser().requestJira(route`/rest/api/3/issue/SEC-1`)).rejects.toThrow(/runAs/);
    });

    it('forwards request bodies (a new issue property answers 201)', async () => {
      const response = await api.asApp().requestJira(route`/rest/api/3/issue/SEC-1/properties/secexc`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ approvals: [] }),
      });
      expect(response.status).toBe(201);
      expect(world.jira.issue('SEC-1')?.properties.get('secexc')).toEqual({ approvals: [] });
    });

    it('passes Jira’s rate limiting through untouched: 429 with Retry-After', async () => {
      world.jira.injectFault({ status: 429, times: 1, retryAfterSeconds: 30 });
      const limited = await api.asApp().requestJira(route`/rest/api/3/issue/SEC-1`);
      const next = await api.asApp().requestJira(route`/rest/api/3/issue/SEC-1`);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('Retry-After')).toBe('30');
      expect(next.status).toBe(200);
    });
  });

  describe('@forge/kvs', () => {
    it('round-trips values and reports absent keys as undefined', async () => {
      await kvs.set('policy:config', { version: 3 });
      expect(await kvs.get('policy:config')).toEqual({ version: 3 });
      await kvs.delete('policy:config');
      expect(await kvs.get('policy:config')).toBeUndefined();
    });

    it('keeps secrets apart from values', async () => {
      await kvs.setSecret('integration:scanner', 'hmac-secret');
      expect(await kvs.getSecret('integration:scanner')).toBe('hmac-secret');
      expect(await kvs.get('integration:scanner')).toBeUndefined();
      await kvs.deleteSecret('integration:scanner');
      expect(await kvs.getSecret('integration:scanner')).toBeUndefined();
    });

    it('FAIL_IF_EXISTS lets exactly one writer take a lease, until its TTL runs out', async () => {
      const lease = () => kvs.set('lease:daily-job', 'holder', { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 10, unit: 'MINUTES' } });
      await expect(lease()).resolves.toBeUndefined();
      const second = await lease().catch((error: unknown) => error);
      expect(second).toBeInstanceOf(ForgeKvsAPIError);
      expect((second as ForgeKvsAPIError).code).toBe('KEY_CONFLICT');
      world.jira.clock.advance({ minutes: 11 });
      await expect(lease()).resolves.toBeUndefined();
    });

    it('returns metadata and previous values when asked', async () => {
      await kvs.set('counter', 1);
      const replaced = await kvs.set('counter', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
      expect(replaced).toEqual({ key: 'counter', value: 1 });
      const withMeta = await kvs.get('counter', { metadataFields: [MetadataField.CREATED_AT] });
      expect(withMeta).toEqual({ key: 'counter', value: 2, createdAt: Math.floor(world.jira.clock.now().getTime() / 1000) });
    });

    it('queries by key prefix in pages', async () => {
      for (const key of ['job:c', 'job:a', 'other:x', 'job:b']) await kvs.set(key, key);
      const first = await kvs.query().where('key', { condition: 'BEGINS_WITH', values: ['job:'] }).limit(2).getMany();
      expect(first.results.map((item) => item.key)).toEqual(['job:a', 'job:b']);
      const second = await kvs
        .query()
        .where('key', { condition: 'BEGINS_WITH', values: ['job:'] })
        .limit(2)
        .cursor(first.nextCursor ?? '')
        .getMany();
      expect(second.results.map((item) => item.key)).toEqual(['job:c']);
      expect(second.nextCursor).toBeUndefined();
    });

    it('refuses custom entities loudly instead of approximating them', async () => {
      await expect(kvs.entity('approvals').get('x')).rejects.toThrow(/not available in the local Forge runtime/);
    });
  });

  describe('runtime metadata', () => {
    it('getAppContext() names the app and environment the stand-in’s workflow rules reference', async () => {
      const context = await runtime.runAs(null, () => getAppContext());
      expect(String(context.appAri)).toBe(`ari:cloud:ecosystem::app/${APP.appId}`);
      expect(context.environmentAri.environmentId).toBe(APP.environmentId);
      expect(context.invocationRemainingTimeInMillis()).toBeGreaterThan(9_000);
      expect(context.invocationRemainingTimeInMillis()).toBeLessThanOrEqual(10_000);
    });
  });

  describe('@forge/sql', () => {
    it('delegates to the storage layer’s handler with the SDK’s request shape', async () => {
      sqlHandler.mockResolvedValue(new Response(JSON.stringify({ rows: [{ one: 1 }] }), { status: 200 }));
      const result = await sql.prepare<{ one: number }>('SELECT ? AS one').bindParams(1).execute();
      expect(result.rows).toEqual([{ one: 1 }]);
      const [path, init] = sqlHandler.mock.calls[0] ?? [];
      expect(path).toBe('/api/v1/execute');
      expect(JSON.parse(String(init?.body))).toEqual({ query: 'SELECT ? AS one', params: [1], method: 'all' });
    });
  });
});
