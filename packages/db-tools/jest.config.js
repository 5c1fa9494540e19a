/** Tests of the migration tool: unit specs beside the code, integration tests (real PostgreSQL) in test/. */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
  // tsconfig.base sets isolatedModules, so ts-jest transpiles file by file without type-checking
  // (tsc --noEmit does that).
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  testTimeout: 60_000,
};
