import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UI_PAGES } from '../frames';
import { defaultSandboxOptions, startSandbox, type Sandbox, type SeedOptions } from '../start-sandbox';

export type SandboxUnderTest = { readonly sandbox: Sandbox; close(): Promise<void> };

/**
 * A sandbox seeded as asked, in a temporary directory, serving an empty page per Custom UI page: tests of the
 * sandbox's server side need the frames to exist, not the UI build (which the browser tests use).
 */
export async function startSandboxWithStubUi(today: Date, seed: SeedOptions): Promise<SandboxUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-test-'));
  const build = join(dir, 'build');
  for (const page of UI_PAGES) {
    mkdirSync(join(build, page), { recursive: true });
    writeFileSync(join(build, page, 'index.html'), `<!doctype html><html><head><title>${page}</title></head><body><div id="root"></div></body></html>`);
  }
  const sandbox = await startSandbox({ ...defaultSandboxOptions(), dataDir: join(dir, 'data'), uiBuildDir: build, today, seed });
  return {
    sandbox,
    async close() {
      await sandbox.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
