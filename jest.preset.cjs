// Shared jest preset: each package's jest.config.cjs calls it with its own folder. `forks`: the package's tests
// fork, so each test file runs in a fresh worker process (workerIdleMemoryLimit 0). A worker that ran earlier files
// still holds their module instances' pooled 3 GiB address-space buffers (memory/src/backing.ts) until a GC nothing
// triggers; the kernel merges them into one mapping, and a fork whose mapping exceeds RAM + swap under heuristic
// overcommit fails with ENOMEM.
module.exports = (rootDir, { forks = false } = {}) => ({
  ...(forks ? { workerIdleMemoryLimit: 0 } : {}),
  rootDir,
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['@gosim/source', 'node', 'require', 'default'] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
});
