/** Tests of the migration tool: unit specs beside the code, integration tests (real PostgreSQL) in test/. */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
  transform: {
    // tsconfig.base sets isolatedModules, so ts-jest transpiles file by file without type-checking
    // (tsc --noEmit does that).
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    // The schema engine's bindings are an ES module; jest runs CommonJS.
    'schema_engine_bg\\.js$': ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm/@prisma\\+schema-engine-wasm[^/]*|@prisma/schema-engine-wasm)/)'],
  testTimeout: 60_000,
};
