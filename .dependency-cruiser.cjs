/**
 * The boundary rules of the codebase, checked on every `pnpm lint` and in CI:
 * a context's domain imports no framework, use cases do not reach into infrastructure,
 * no context imports another, shared packages know no context, and nothing imports in a circle.
 */
const FRAMEWORKS = 'node_modules/(@prisma|@apollo|@as-integrations|bullmq|ioredis|graphql|express|dataloader|pg)/';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make modules impossible to load or reason about one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-no-framework',
      severity: 'error',
      comment: 'Aggregates and value objects are plain TypeScript: no ORM, GraphQL, queue or server code.',
      from: { path: '^subgraphs/[^/]+/src/domain/' },
      to: { path: [FRAMEWORKS, '^packages/platform/'] },
    },
    {
      name: 'domain-imports-only-domain',
      severity: 'error',
      comment: 'The domain does not know how it is stored, served or wired.',
      from: { path: '^subgraphs/[^/]+/src/domain/' },
      to: { path: '^subgraphs/[^/]+/src/(application|infrastructure|graphql|main|config)' },
    },
    {
      name: 'application-not-infrastructure',
      severity: 'error',
      comment: 'Use cases talk to ports; adapters are wired in main.ts.',
      from: { path: '^subgraphs/[^/]+/src/application/' },
      to: { path: '^subgraphs/[^/]+/src/(infrastructure|graphql)/' },
    },
    {
      name: 'no-context-imports-another',
      severity: 'error',
      comment: 'Contexts meet only through the graph (entity keys) and published events.',
      from: { path: '^subgraphs/([^/]+)/' },
      to: { path: '^subgraphs/', pathNot: '^subgraphs/$1/' },
    },
    {
      name: 'packages-know-no-context',
      severity: 'error',
      comment: 'Shared packages hold only what is truly shared: no context, no gateway.',
      from: { path: '^packages/' },
      to: { path: '^(subgraphs|gateway)/' },
    },
    {
      name: 'gateway-knows-no-context',
      severity: 'error',
      comment: 'The gateway composes subgraphs by their schema, never by their code.',
      from: { path: '^gateway/' },
      to: { path: '^subgraphs/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(/prisma/generated/|\\.tmp/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'], extensions: ['.ts', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
