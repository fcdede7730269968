/**
 * The browser tests: each file starts the sandbox in-process (Jira stand-in, local Forge runtime, SQLite in a fresh
 * temporary directory, a small demo register) on a free port and drives Debian's Chromium through playwright-core.
 * They run one file at a time: each holds a sandbox and a browser, and the machines have two cores. The app's log
 * lines (one per scheduled job of every seeded day) are silenced; a failing test reports what the browser saw.
 * Transform and environment match jest.config.js.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  restoreMocks: true,
  maxWorkers: 1,
  silent: true,
  testTimeout: 180_000,
};
