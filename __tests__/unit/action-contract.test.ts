/**
 * action.yml is the action's contract with the workflow author and with the runner (which sets
 * `INPUT_<NAME>` for declared inputs only, from `with:` or the declared default). This test keeps
 * it in step with the code:
 *
 * - inputs: the names `parseInputs` asks its getter for, recorded by calling it, are exactly the
 *   declared inputs. A scan of src/ for input names written as literals in reading positions backs
 *   this up for reads that the recorded calls might not reach;
 * - the declared defaults mean what the code does with an empty input;
 * - outputs: the keys of `outputsOf(report)` are exactly the declared outputs;
 * - every input and output is described, and the runtime is node24 with a post step that always runs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { withEventSession } from '../../src/event-session.js';
import { PUBLISH_INPUTS, RESULTS_OUTPUT, SESSIONS_STEP_INPUTS } from '../../src/input-names.js';
import { parseInputs, type Inputs } from '../../src/inputs.js';
import { readRunnerContext } from '../../src/runner-context.js';
import { outputsOf, type Report } from '../../src/report.js';

interface ActionInput {
  description?: unknown;
  required?: unknown;
  default?: unknown;
}

interface ActionYml {
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { description?: unknown }>;
  runs: Record<string, unknown>;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as ActionYml;
const declaredInputs = Object.keys(action.inputs ?? {}).sort();
const declaredOutputs = Object.keys(action.outputs ?? {}).sort();
/** The inputs of one publish: all but a sessions step's own (src/input-names.ts). */
const publishInputs = declaredInputs.filter((name) => !SESSIONS_STEP_INPUTS.includes(name));
/** The outputs of one publish: all but a sessions step's `results`. */
const publishOutputs = declaredOutputs.filter((name) => name !== RESULTS_OUTPUT);

const context = readRunnerContext({
  GITHUB_WORKSPACE: '/home/runner/work/repo/repo',
  RUNNER_TEMP: '/home/runner/work/_temp',
  GITHUB_REPOSITORY: 'octo-org/automation',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '42'
});

/** Calls parseInputs with a getter that answers from `values` and records every name asked for. */
function recordInputs(values: Record<string, string>): { names: Set<string>; inputs: Inputs } {
  const names = new Set<string>();
  const inputs = parseInputs((name) => {
    names.add(name);
    return values[name] ?? '';
  }, context);
  return { names, inputs };
}

/** What the runner passes when the workflow gives no `with:` at all: each declared default. */
const declaredDefaults: Record<string, string> = Object.fromEntries(
  Object.entries(action.inputs).map(([name, input]) => [
    name,
    input.default === undefined ? '' : String(input.default as string | number | boolean)
  ])
);

/**
 * Input names written as string literals where src/ reads an input: `get('x')`, `getInput('x')`
 * (and core's other getters), a helper called as `helper(get, 'x', …)`, and `parsePath('x', …)`.
 */
function inputNamesInSource(): Map<string, string[]> {
  const patterns = [
    /\bget\(\s*'([^']+)'/g,
    /\bget(?:Boolean|Multiline)?Input\(\s*'([^']+)'/g,
    /\(\s*get\s*,\s*'([^']+)'/g,
    /\bparsePath\(\s*'([^']+)'/g
  ];
  const found = new Map<string, string[]>();
  const srcDir = path.join(root, 'src');
  for (const file of fs.readdirSync(srcDir).filter((name) => name.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(srcDir, file), 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern))
        found.set(match[1], [...(found.get(match[1]) ?? []), `src/${file}`]);
    }
  }
  return found;
}

function sampleReport(overrides: Partial<Report> = {}): Report {
  return {
    repository: 'octo-org/service',
    mode: 'pull-request',
    targetBranch: 'main',
    branch: 'outbox/main',
    path: '/home/runner/work/_temp/clone/service',
    operation: 'created',
    pushed: true,
    dryRun: false,
    headSha: '0123456789abcdef0123456789abcdef01234567',
    pullRequest: { number: 7, url: 'https://github.com/octo-org/service/pull/7' },
    commits: 1,
    changesDetected: true,
    files: [{ path: 'README.md', status: 'M' }],
    ...overrides
  };
}

describe('action.yml inputs', () => {
  test('are exactly the inputs the code reads', () => {
    const { names } = recordInputs({});
    expect([...names].sort()).toEqual(publishInputs);
  });

  test("a session's inputs are exactly one publish's, and the step's own inputs are declared", () => {
    expect([...PUBLISH_INPUTS].sort()).toEqual(publishInputs);
    for (const name of SESSIONS_STEP_INPUTS) expect(declaredInputs).toContain(name);
  });

  test('the code reads no other input when every declared one has its default', () => {
    const { names } = recordInputs(declaredDefaults);
    expect([...names].filter((name) => !declaredInputs.includes(name))).toEqual([]);
  });

  test('input names written in src/ are all declared', () => {
    const found = inputNamesInSource();
    // The scan must keep finding the reads, or it proves nothing.
    expect(found.size).toBeGreaterThanOrEqual(10);
    const undeclared = [...found]
      .filter(([name]) => !declaredInputs.includes(name))
      .map(([name, files]) => `${name} (${[...new Set(files)].join(', ')})`);
    expect(undeclared).toEqual([]);
  });

  test('the declared defaults mean the same as an empty input', () => {
    expect(recordInputs(declaredDefaults).inputs).toEqual(recordInputs({}).inputs);
  });

  test('repo and target-branch, which fall back to the event session, are declared', () => {
    const session = {
      repo: { value: 'octo-org/service', source: 'inputs.repo' },
      targetBranch: { value: 'release', source: 'inputs.target_branch' }
    };
    const get = withEventSession(
      () => '',
      session,
      () => undefined
    );
    const fallsBack = declaredInputs.filter((name) => get(name) !== '');
    expect(fallsBack.sort()).toEqual(['repo', 'target-branch']);
  });

  test.each(declaredInputs)('%s has a description', (name) => {
    const description = action.inputs[name].description;
    expect(typeof description).toBe('string');
    expect(String(description).trim()).not.toBe('');
  });
});

describe('action.yml outputs', () => {
  test('are exactly the outputs the code writes', () => {
    expect(Object.keys(outputsOf(sampleReport())).sort()).toEqual(publishOutputs);
    expect(declaredOutputs).toContain(RESULTS_OUTPUT);
  });

  test('are all written, also without a pull request and in push mode', () => {
    const report = sampleReport({
      mode: 'push',
      operation: 'none',
      pullRequest: undefined,
      headSha: undefined,
      pushed: false,
      commits: 0
    });
    const outputs = outputsOf(report);
    expect(Object.keys(outputs).sort()).toEqual(publishOutputs);
    for (const value of Object.values(outputs)) expect(typeof value).toBe('string');
  });

  test('output names written as literals in src/ are all declared', () => {
    const srcDir = path.join(root, 'src');
    const literal = fs
      .readdirSync(srcDir)
      .filter((name) => name.endsWith('.ts'))
      .flatMap((file) =>
        [...fs.readFileSync(path.join(srcDir, file), 'utf8').matchAll(/\bsetOutput\(\s*'([^']+)'/g)].map(
          (m) => m[1]
        )
      );
    expect(literal.filter((name) => !declaredOutputs.includes(name))).toEqual([]);
  });

  test.each(declaredOutputs)('%s has a description', (name) => {
    const description = action.outputs[name].description;
    expect(typeof description).toBe('string');
    expect(String(description).trim()).not.toBe('');
  });
});

describe('action.yml runs', () => {
  test('node24 with dist/index.js and a post step that always runs', () => {
    expect(action.runs).toEqual(
      expect.objectContaining({
        using: 'node24',
        main: 'dist/index.js',
        post: 'dist/post.js',
        'post-if': 'always()'
      })
    );
  });

  test('the files it names exist', () => {
    for (const file of [action.runs.main, action.runs.post])
      expect(fs.existsSync(path.join(root, String(file)))).toBe(true);
  });
});

describe('README', () => {
  test("the inputs table lists exactly the declared inputs, with action.yml's defaults", () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Inputs'), readme.indexOf('## Outputs'));
    const rows = table.split('\n').filter((line) => /^\| `/.test(line));
    const names = rows.flatMap((row) => [...row.split('|')[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    expect([...names].sort()).toEqual(declaredInputs);
    for (const row of rows) {
      const [, nameCell, defaultCell] = row.split('|');
      for (const [, name] of nameCell.matchAll(/`([^`]+)`/g)) {
        const declared = declaredDefaults[name];
        // A plain declared default appears in the row's default cell as written.
        if (declared && /^[\w.-]+$/.test(declared))
          expect({ name, cell: defaultCell.includes(`\`${declared}\``) }).toEqual({ name, cell: true });
      }
    }
  });
});
