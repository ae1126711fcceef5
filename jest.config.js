// One suite, run once per database engine by scripts/test.js (TEST_DB=sqlite | postgres).
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  moduleFileExtensions: ['js', 'json', 'ts'],
  testRegex: '(src|test)/.*\\.(spec|e2e-spec)\\.ts$',
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/support/env.ts'],
  testTimeout: 60_000,
  // content-disposition 3 (under @fastify/static, which serves the OpenAPI UI) ships only ES modules;
  // Node 20 loads it natively, jest needs it compiled to CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  transform: {
    '/node_modules/content-disposition/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs' }, isolatedModules: true, diagnostics: false },
    ],
    // The checker's browser modules (public/, plain ES modules served as they are) for their unit tests.
    '/public/.+\\.js$': '<rootDir>/test/support/browser-module-transformer.js',
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: 'tsconfig.json',
        // The same OpenAPI plugin as `nest build`, so tests see the documented DTOs.
        astTransformers: {
          before: ['<rootDir>/test/support/swagger-transformer.js'],
        },
        diagnostics: { warnOnly: false },
      },
    ],
  },
};
