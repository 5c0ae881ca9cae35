// The typecheck and ESLint lanes in one process, over one TypeScript program: ESLint's type-aware
// rules need the type checker for every file, which is most of what `tsc --noEmit` costs, so
// building it twice (once in tsc, once inside typescript-eslint) paid for it twice. The program is
// tsconfig.test.json's, exactly as `tsc -p tsconfig.test.json` builds it; ESLint gets it through
// typescript-eslint's `parserOptions.programs` and lints what `eslint .` lints, with the same
// config. Prints tsc's diagnostics, then ESLint's report; exits 1 when either finds a problem.
//
//   node scripts/typecheck-lint.mjs [typecheck|lint|both]
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

// Required, not imported: an import of the 9 MB CommonJS typescript.js first has node scan all of
// it for named exports (cjs-module-lexer), 0.7 CPU-seconds for nothing; typescript-eslint
// requires the same module, so both get one copy.
/** @type {typeof import('typescript')} */
const ts = createRequire(import.meta.url)('typescript');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const which = process.argv[2] ?? 'both';

/** @type {import('typescript').FormatDiagnosticsHost} */
const host = {
  getCanonicalFileName: (name) => name,
  getCurrentDirectory: () => root,
  getNewLine: () => '\n'
};
const config = ts.getParsedCommandLineOfConfigFile(
  path.join(root, 'tsconfig.test.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.formatDiagnostics([diagnostic], host));
    }
  }
);
if (!config) throw new Error('tsconfig.test.json could not be read');
const program = ts.createProgram({
  rootNames: config.fileNames,
  options: config.options,
  projectReferences: config.projectReferences
});

let failed = false;
if (which !== 'lint') {
  const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
  if (diagnostics.length > 0) {
    process.stdout.write(ts.formatDiagnostics(diagnostics, host));
    failed = true;
  }
  process.stdout.write(`typecheck: ${diagnostics.length} error(s)\n`);
}
if (which !== 'typecheck') {
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parserOptions: { programs: [program] } } }]
  });
  const results = await eslint.lintFiles(['.']);
  const report = await (await eslint.loadFormatter('stylish')).format(results);
  if (report) process.stdout.write(report);
  const problems = results.reduce((sum, r) => sum + r.errorCount + r.fatalErrorCount, 0);
  if (problems > 0) failed = true;
  process.stdout.write(`eslint: ${results.length} file(s), ${problems} error(s)\n`);
}
process.exit(failed ? 1 : 0);
