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
      // The examples are programs, not libraries; only the benchmark of the reference server measures one,
      // and the client's type generator reads the server's contract (confined by the next rule).
      name: 'nothing-imports-examples',
      severity: 'error',
      from: { pathNot: '^(examples|bench|packages/client/scripts)/' },
      to: { path: '^examples/' },
    },
    {
      name: 'client-generator-reads-only-the-contract',
      severity: 'error',
      comment:
        'packages/client/scripts builds the OpenAPI document from the server’s route table (npm run generate and its sync test), and reaches nothing else of the examples.',
      from: { path: '^packages/client/scripts/' },
      to: {
        path: '^examples/',
        pathNot: '^examples/rest-server/src/(openapi/openapi-document|routes/all-routes)\\.ts$',
      },
    },
    {
      name: 'client-depends-on-no-package-of-ours',
      severity: 'error',
      comment:
        '@ecloud/client stands alone for portal authors: no @ecloud/core (and with it no native SQLite), no other package of ours.',
      from: { path: '^packages/client/(src|test)/' },
      to: { path: '^(packages/(?!client/)|examples/|bench/)|@ecloud/|node_modules/better-sqlite3/' },
    },
    {
      name: 'cli-depends-only-on-the-client',
      severity: 'error',
      comment:
        '@ecloud/cli is built on @ecloud/client, through its entry point, and on no other package of ours.',
      from: { path: '^packages/cli/' },
      to: {
        path: '^(packages/(?!cli/)|examples/|bench/)|@ecloud/',
        pathNot: '^packages/client/src/index\\.ts$',
      },
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
