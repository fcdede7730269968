/**
 * The parity suite: the repository tests of the default run, again on a real MariaDB (through mysql2 and
 * through the real @forge/sql SDK). The global setup installs MariaDB when missing, starts a private server
 * on a free loopback port and stops it afterwards, so CI needs nothing but this config.
 * Transform and environment match jest.config.js.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.parity.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  restoreMocks: true,
  globalSetup: '<rootDir>/test/parity/global-setup.ts',
  globalTeardown: '<rootDir>/test/parity/global-teardown.ts',
  testTimeout: 120_000,
};
