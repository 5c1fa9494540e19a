/** One jest run for the whole workspace: unit specs beside the code, integration and end-to-end suites in test/. */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.base.json' }] };

module.exports = {
  testEnvironment: 'node',
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/{gateway,subgraphs,packages,test,scripts}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/generated/'],
};
