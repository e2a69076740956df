/**
 * Import rules for every package, checked by `npm run lint:imports` (part of `npm test`):
 * no import cycles (type-only imports count: a type cycle still ties the files together), and
 * no arrow from a lower layer back up. A folder named `core/` holds pure decisions: plain data
 * in, decisions out, so it imports only other `core/` code and npm packages, never a store, a
 * queue, the HTTP edge or the HighLevel client's runtime.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycles hide which module owns what; break the cycle by moving the shared part down.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-stays-pure',
      severity: 'error',
      comment:
        'A core/ folder decides over plain data; effects (database, queue, HTTP, HighLevel) live beside it, not in it.',
      from: { path: '/core/' },
      to: { path: '^packages/(server|emulator)/src/', pathNot: ['/core/'] },
    },
    {
      name: 'core-uses-client-types-only',
      severity: 'error',
      comment:
        'A core/ folder may name the shapes of HighLevel data (types), never call HighLevel.',
      from: { path: '/core/' },
      to: { path: '^packages/client/src/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'edge-on-top',
      severity: 'error',
      comment:
        'Only the HTTP edge, the commands and the runtime that wires them may import the HTTP edge.',
      from: {
        path: '^packages/server/src/',
        pathNot: [
          '^packages/server/src/(http|commands)/',
          '^packages/server/src/(runtime|cli|index)\\.ts$',
        ],
      },
      to: { path: '^packages/server/src/http/' },
    },
    {
      name: 'infrastructure-below-features',
      severity: 'error',
      comment:
        'The database, queue, crypto and logging modules serve every feature and know none of them.',
      from: { path: '^packages/server/src/(db|queue|crypto)/' },
      to: {
        path: '^packages/server/src/',
        pathNot: ['^packages/server/src/(db|queue|crypto)/', '^packages/server/src/[^/]+\\.ts$'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['/dist/', '/generated/', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@ghl-bridge/source', 'import', 'types', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
