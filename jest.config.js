/**
 * One jest run for the whole workspace: unit specs beside the code, integration tests in each
 * package's test/, cross-context and browser suites in test/. tsconfig.base sets isolatedModules,
 * so ts-jest transpiles file by file; `tsc` type-checks separately in `pnpm test`.
 */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.base.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/{gateway,subgraphs,packages,test,scripts}/**/*.{spec,test}.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/prisma/generated/', '/\\.tmp/'],
  testTimeout: 60_000,
};
