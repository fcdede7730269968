import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import boundaries from 'eslint-plugin-boundaries';
import globals from 'globals';

/**
 * The architecture's arrows (DESIGN.md) are enforced here, not by convention:
 * entry -> app -> domain; entry -> adapters; adapters -> app/ports + domain; static -> contract.
 * The domain imports nothing outside itself but a short list of pure libraries.
 */
const PURE_LIBRARIES = ['zod', 'ae-cvss-calculator', 'canonicalize', 'date-fns', '@date-fns/tz', 'crypto', 'node:crypto'];
// Tests of the domain may also use the property-testing libraries.
const DOMAIN_TEST_LIBRARIES = [...PURE_LIBRARIES, 'fast-check', '@fast-check/jest'];
const onlyImports = (libraries) => ({
  regex: `^(?!\\.|(${libraries.map((l) => l.replace(/[/.]/g, '\\$&')).join('|')})(/|$))`,
  message: 'src/domain is pure: it may import only the pure libraries listed in eslint.config.mjs',
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'coverage/**', '.ci-out/**', 'static/**/build/**', 'bin/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { alwaysTryTypes: true }, node: true },
      'boundaries/include': ['src/**/*'],
      'boundaries/elements': [
        { type: 'domain', pattern: 'src/domain' },
        { type: 'app', pattern: 'src/app' },
        { type: 'adapters', pattern: 'src/adapters' },
        { type: 'entry', pattern: 'src/entry' },
        { type: 'contract', pattern: 'src/contract' },
        { type: 'sandbox', pattern: 'src/sandbox' },
        { type: 'cli', pattern: 'src/cli' },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { type: 'domain' } },
              disallow: { to: { element: { type: '!domain' } } },
              message: 'src/domain is pure: it may import only other domain modules',
            },
            {
              from: { element: { types: { anyOf: ['app'] } } },
              disallow: { to: { element: { types: { anyOf: ['adapters', 'entry', 'sandbox', 'cli'] } } } },
              message: 'src/app depends on ports, never on adapters or entry points',
            },
            {
              from: { element: { type: 'contract' } },
              disallow: { to: { element: { type: '!contract' } } },
              message: 'src/contract is shared with the UI and must not import src/*',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      // The clock, randomness, the environment and logging come in through parameters, never from globals.
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'pass `now` in: the domain has no clock' },
        { object: 'Math', property: 'random', message: 'pass ids in: the domain has no randomness' },
      ],
      'no-restricted-globals': ['error', 'process', 'console', 'fetch', 'setTimeout', 'setInterval'],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'pass `now` in: the domain has no clock' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [onlyImports(PURE_LIBRARIES)],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [onlyImports(DOMAIN_TEST_LIBRARIES)] }] },
  },
  {
    // Use-case tests may wire the real adapters and the sandbox around a use case (integration tests); the
    // layer rule guards the production code of src/app, which must depend on ports only.
    files: ['src/app/**/*.test.ts', 'src/app/**/testing/**/*.ts'],
    rules: { 'boundaries/dependencies': 'off' },
  },
);
