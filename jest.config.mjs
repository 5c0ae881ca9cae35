// Unit and end-to-end tests run in one jest process, in band: the e2e suites each start the
// GitHub emulator on 127.0.0.1:443 inside the network namespace that `scripts/in-netns.mjs` made,
// and only one server can own that port at a time.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.test.json', diagnostics: false }]
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testTimeout: 120000,
  maxWorkers: 1
};
