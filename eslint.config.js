// Lint rules, including the layer boundaries of docs/architecture: engine and model stay pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const impureImports = {
  patterns: [
    { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', '@xyflow/*', 'uplot', 'zundo'], message: 'engine and model are pure: no UI or store imports' },
    { group: ['**/ui/**', '**/store/**', '**/worker/**', '**/cli/**'], message: 'engine and model may not import outer layers' },
  ],
};
const impureGlobals = [
  { name: 'window', message: 'no DOM in engine/model' },
  { name: 'document', message: 'no DOM in engine/model' },
  { name: 'localStorage', message: 'no DOM in engine/model' },
];
const impureSyntax = [
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'use the seeded PRNG' },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'the engine knows only virtual time' },
  { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'the engine knows only virtual time' },
];

/** Math functions whose last bit differs between JavaScript engines (Node 20 vs Chromium): the engine uses ./detmath. */
const inexactMessage = 'not bit-identical across JavaScript engines: use ./detmath (log, exp, log1p, cos, sin); Math.sqrt and + - * / are exact';
const inexactMath = ['log', 'exp', 'pow', 'cos', 'sin', 'log1p', 'expm1', 'log2', 'log10', 'tan', 'atan', 'atan2', 'cbrt', 'hypot',
  'asin', 'acos', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh']
  .map((property) => ({ object: 'Math', property, message: inexactMessage }));
const inexactSyntax = [
  { selector: "BinaryExpression[operator='**']:not([left.type='Literal'][right.type='Literal'])", message: `** is Math.pow: ${inexactMessage}` },
  { selector: "AssignmentExpression[operator='**=']", message: `**= is Math.pow: ${inexactMessage}` },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/model/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', impureImports],
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-syntax': ['error', ...impureSyntax],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...impureImports.patterns, { group: ['**/model/**', '../model/*'], message: 'engine imports nothing outside itself' }] }],
      'no-restricted-properties': ['error', ...inexactMath],
      'no-restricted-syntax': ['error', ...impureSyntax, ...inexactSyntax],
    },
  },
  {
    // the experiment core (src/experiment) sits beside model: model and engine only, no Node or DOM, exact math
    files: ['src/experiment/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...impureImports.patterns, { group: ['node:*', 'worker_threads', 'fs', 'os', 'path'], message: 'the experiment core runs in browsers too: no Node modules' }] }],
      'no-restricted-globals': ['error', ...impureGlobals, { name: 'process', message: 'no Node globals in the experiment core' }],
      'no-restricted-properties': ['error', ...inexactMath],
      'no-restricted-syntax': ['error', ...impureSyntax, ...inexactSyntax],
    },
  },
  {
    // test-only helper (batch statistics of the accuracy tests, not part of any run): squares with **
    files: ['src/engine/accuracy.helpers.ts'],
    rules: { 'no-restricted-syntax': ['error', ...impureSyntax] },
  },
);
