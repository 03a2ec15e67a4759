// Shared jest preset: each package's jest.config.cjs calls it with its own folder.
module.exports = (rootDir) => ({
  rootDir,
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['@gosim/source', 'node', 'require', 'default'] },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
});
