// @ts-check
// `npm run lint` (and so `npm test`): angular-eslint for the app and its templates, typescript-eslint
// for the server and the browser tests. Layout is Prettier's job: eslint-config-prettier, last,
// turns off every rule that would argue with it.
const js = require('@eslint/js');
const { defineConfig, globalIgnores } = require('eslint/config');
const tseslint = require('typescript-eslint');
const angular = require('angular-eslint');
const prettier = require('eslint-config-prettier/flat');

const onlyKafkaCoreImportsTheClient = {
  name: '@platformatic/kafka',
  message: 'Only server/kafka/ imports the Kafka client; use server/kafka/client.ts.',
};
const noFeatureImports = {
  regex: '^\\.\\./(?!kafka/|shared/)',
  message: 'server/kafka/ and server/shared/ sit below every feature: they import only each other.',
};

module.exports = defineConfig([
  globalIgnores([
    'dist/',
    '.angular/',
    '.cache/',
    '.local-stack*/',
    '.test-results/',
    'test-results/',
    'playwright-report/',
    'bench/results/',
  ]),
  {
    name: 'kpc/typescript',
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    rules: {
      // A parameter a signature demands but the body does not read is named `_…`: Express knows an
      // error middleware by its four parameters, `(err, req, res, _next)`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The test API's responses are whatever the route answered: a spec reads `res.body.error.code`
    // without declaring a type per route, and the response check is the assertion itself.
    name: 'kpc/server-testing',
    files: ['server/testing/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Imports point down: features → server/kafka/ and server/shared/, never the reverse; and only
  // the Kafka core speaks to the client library (features, the demo, the bench and the test
  // helpers take what they need from server/kafka/client.ts).
  {
    name: 'kpc/server-layers',
    files: ['server/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['server/kafka/**', 'server/shared/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [onlyKafkaCoreImportsTheClient] }] },
  },
  {
    name: 'kpc/server-shared',
    files: ['server/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [onlyKafkaCoreImportsTheClient], patterns: [noFeatureImports] }] },
  },
  {
    name: 'kpc/server-kafka',
    files: ['server/kafka/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noFeatureImports] }] },
  },
  {
    name: 'kpc/app',
    files: ['src/**/*.ts'],
    extends: [angular.configs.tsRecommended],
    processor: angular.processInlineTemplates,
    rules: {
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'kpc', style: 'kebab-case' }],
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'kpc', style: 'camelCase' }],
      // STYLE.md: `readonly` inputs, outputs and signals; signal inputs and queries, not decorators.
      '@angular-eslint/prefer-output-readonly': 'error',
      '@angular-eslint/prefer-signals': 'error',
    },
  },
  {
    name: 'kpc/templates',
    files: ['src/**/*.html'],
    extends: [angular.configs.templateRecommended, angular.configs.templateAccessibility],
  },
  {
    name: 'kpc/commonjs',
    files: ['**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' },
    },
  },
  prettier,
]);
