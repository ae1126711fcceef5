// Jest transform for the browser's ES modules in public/: TypeScript's transpiler turns `import`/`export` into
// CommonJS so unit tests can load them (test/browser/modules.spec.ts). A separate transformer rather than a
// second ts-jest entry, because ts-jest keeps one configuration per jest config and would reuse the .ts one.
const { createHash } = require('node:crypto');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  allowJs: true,
  sourceMap: true,
  inlineSources: true,
};

module.exports = {
  process(source, path) {
    const { outputText, sourceMapText } = ts.transpileModule(source, { fileName: path, compilerOptions });
    return { code: outputText, map: sourceMapText };
  },
  getCacheKey(source, path) {
    return createHash('sha256').update(`${ts.version}\0${path}\0${source}`).digest('hex');
  },
};
