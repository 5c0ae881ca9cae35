// Each jest process runs in band: the e2e suites each start the GitHub emulator on 127.0.0.1:443
// inside the network namespace that `scripts/in-netns.mjs` made, and only one server can own that
// port there. Parallelism comes from scripts/test.mjs, which runs shards in namespaces of their own.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': '<rootDir>/scripts/jest-esbuild.mjs'
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testTimeout: 120000,
  maxWorkers: 1
};
