/** Dependency rules checked in CI (npm run depcheck): one direction, no cycles. */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules must not depend on each other in a cycle.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-depends-on-no-package-of-ours',
      severity: 'error',
      comment: '@ecloud/core imports no other @ecloud package.',
      from: { path: '^packages/core/' },
      to: { path: '^(packages/(?!core/)|examples/|bench/)|@ecloud/' },
    },
    {
      name: 'packages-use-core-entry-points-only',
      severity: 'error',
      comment:
        'Other packages import @ecloud/core or @ecloud/core/testing, never a file inside core: the published core has only its entry points.',
      from: { path: '^packages/(?!core/)[^/]+/' },
      to: { path: '^packages/core/', pathNot: '^packages/core/src/(index|testing/index)\\.ts$' },
    },
    {
      name: 'nothing-imports-examples',
      severity: 'error',
      from: { pathNot: '^examples/' },
      to: { path: '^examples/' },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      from: { path: '^packages/[^/]+/src/' },
      to: { path: '^packages/[^/]+/test/' },
    },
    {
      name: 'src-does-not-import-test-frameworks',
      severity: 'error',
      comment: '@ecloud/core/testing is imported by users without vitest installed.',
      from: { path: '^packages/[^/]+/src/' },
      to: { path: 'node_modules/(vitest|msw)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
