import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { DEFAULT_POLICY_INPUT } from '../domain/policy/default-policy';
import { anExceptionRequest } from '../domain/testing/builders';
import { main } from './main';

const dir = mkdtempSync(join(tmpdir(), 'exception-register-cli-'));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, () => new Date('2026-11-23T09:00:00Z'));
  return { code, stdout, stderr };
}

describe('exception-register CLI', () => {
  it('scores a CVSS vector with context and explains the tier', async () => {
    const { code, stdout } = await run('risk', '--vector', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', '--asset-criticality', 'critical', '--kev');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { tier: string; inherentScore: number; explanation: string[]; cvss: { version: string } };
    expect(out.inherentScore).toBe(9.8);
    expect(out.cvss.version).toBe('3.1');
    expect(out.tier).toBe('critical');
    expect(out.explanation.length).toBeGreaterThan(2);
  });

  it('rates with the likelihood x impact matrix', async () => {
    const { code, stdout } = await run('risk', '--likelihood', '2', '--impact', '3');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ method: 'matrix', inherentScore: 4, tier: 'medium' });
  });

  it('prints the pre-flight result and exits 0 when the request is ready', async () => {
    const request = file('ready.json', JSON.stringify(anExceptionRequest({ requestedExpiry: '2027-01-15' })));
    const { code, stdout } = await run('preflight', request, '--now', '2026-11-23T09:00:00Z');
    expect(JSON.parse(stdout)).toMatchObject({ ready: true, tier: 'low', maxExpiry: '2027-05-22' });
    expect(code).toBe(0);
  });

  it('exits 1 with every problem listed when the request is not ready', async () => {
    const request = file('incomplete.json', JSON.stringify({ kind: 'policy' }));
    const { code, stdout } = await run('preflight', request);
    const out = JSON.parse(stdout) as { ready: boolean; problems: unknown[] };
    expect(code).toBe(1);
    expect(out.ready).toBe(false);
    expect(out.problems.length).toBeGreaterThan(5);
  });

  it('validates a policy and lists every problem', async () => {
    const good = file('policy.json', JSON.stringify(DEFAULT_POLICY_INPUT));
    expect((await run('policy', 'check', good)).code).toBe(0);
    const bad = file('bad-policy.json', JSON.stringify({ ...DEFAULT_POLICY_INPUT, timeZone: 'Nowhere/City', limits: { activePerAsset: 0 } }));
    const { code, stdout } = await run('policy', 'check', bad);
    expect(code).toBe(1);
    const paths = (JSON.parse(stdout) as { problems: { path: string }[] }).problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['timeZone', 'limits.activePerAsset', 'limits.activePerBusinessUnit']));
  });

  it.each([
    ['a malformed vector', ['risk', '--vector', 'CVSS:3.1/AV:Q'], /CVSS/],
    ['an unreadable file', ['preflight', join(dir, 'missing.json')], /cannot read request file .*ENOENT/],
    ['invalid JSON', ['policy', 'check', file('broken.json', '{ nope')], /not valid JSON/],
    ['a malformed request', ['preflight', file('typo.json', '{"kind":"holiday"}')], /malformed: kind:/],
    ['an invalid --policy file', ['risk', '--likelihood', '1', '--impact', '1', '--policy', file('p.json', '{}')], /policy file .* is invalid/],
    ['an unknown flag', ['risk', '--bogus'], /bogus/],
    ['a bad --now', ['preflight', file('r.json', '{}'), '--now', 'yesterday'], /--now must be/],
    ['an unknown command', ['frobnicate'], /unknown command/],
  ])('refuses %s with a one-line error and no stack trace', async (_label, argv, message) => {
    const { code, stderr, stdout } = await run(...argv);
    expect(code).toBeGreaterThan(0);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('is installed as the exception-register bin', () => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: join(__dirname, '../..'), stdio: 'ignore' });
    const bin = join(__dirname, '../../bin/exception-register.js');
    const ok = spawnSync(process.execPath, [bin, 'risk', '--likelihood', '5', '--impact', '5'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ tier: 'critical' });
    const bad = spawnSync(process.execPath, [bin, 'risk', '--vector', 'nonsense'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
