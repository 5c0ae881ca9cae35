import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from '@actions/core';
import { JobSummary } from '../../src/job-summary.js';
import * as commands from '../../src/workflow-commands.js';

/**
 * src/workflow-commands.ts and src/job-summary.ts stand in for @actions/core (whose HTTP client
 * the action does not load): the runner must see the same bytes. @actions/core is the oracle.
 */

const tricky = ['plain', 'a%b', 'line\nbreak\r\n', '::error::x', 'k: v, w', '', 'ünï ✓'];

/** What `write` printed to stdout, with exitCode restored. */
function stdoutOf(write: () => void): { out: string; exitCode: typeof process.exitCode } {
  const chunks: string[] = [];
  const original = Object.getOwnPropertyDescriptor(process.stdout, 'write');
  Object.defineProperty(process.stdout, 'write', {
    configurable: true,
    value: (chunk: unknown) => chunks.push(String(chunk)) > 0
  });
  const before = process.exitCode;
  try {
    write();
    return { out: chunks.join(''), exitCode: process.exitCode };
  } finally {
    if (original) Object.defineProperty(process.stdout, 'write', original);
    else delete (process.stdout as { write?: unknown }).write;
    process.exitCode = before;
  }
}

describe('workflow commands as @actions/core writes them', () => {
  it.each(tricky)('info, debug, notice, warning, setSecret, setFailed of %j', (text) => {
    for (const name of ['info', 'debug', 'notice', 'warning', 'setSecret', 'setFailed'] as const) {
      expect([name, stdoutOf(() => commands[name](text))]).toEqual([name, stdoutOf(() => core[name](text))]);
    }
  });

  it('setFailed sets exit code 1', () => {
    expect(stdoutOf(() => commands.setFailed('x')).exitCode).toBe(1);
  });

  it.each([
    ['target-branch', ' main \n'],
    ['max wait', '5'],
    ['unset', undefined]
  ])('getInput(%j) reads INPUT_* and trims', (name, value) => {
    const variable = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
    const saved = process.env[variable];
    if (value === undefined) delete process.env[variable];
    else process.env[variable] = value;
    try {
      expect(commands.getInput(name)).toBe(core.getInput(name));
      expect(commands.getInput(name)).toBe(value?.trim() ?? '');
    } finally {
      if (saved === undefined) delete process.env[variable];
      else process.env[variable] = saved;
    }
  });

  it('getState reads STATE_*', () => {
    process.env.STATE_probe = 'x';
    expect(commands.getState('probe')).toBe(core.getState('probe'));
    expect(commands.getState('absent')).toBe('');
    delete process.env.STATE_probe;
  });

  describe('file commands', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-commands-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    /** The file's text with the random delimiters made alike. */
    function written(variable: string, write: () => void): string {
      const file = path.join(dir, `${variable}-${Math.random()}`);
      fs.writeFileSync(file, '');
      const saved = process.env[variable];
      process.env[variable] = file;
      try {
        write();
      } finally {
        process.env[variable] = saved;
      }
      return fs.readFileSync(file, 'utf8').replace(/ghadelimiter_[0-9a-f-]+/g, 'ghadelimiter_X');
    }

    it.each(tricky)('setOutput and saveState of %j', (value) => {
      expect(written('GITHUB_OUTPUT', () => commands.setOutput('name', value))).toBe(
        written('GITHUB_OUTPUT', () => core.setOutput('name', value))
      );
      expect(written('GITHUB_STATE', () => commands.saveState('sandbox-dir', value))).toBe(
        written('GITHUB_STATE', () => core.saveState('sandbox-dir', value))
      );
    });

    it('without the file variables, the stdout commands', () => {
      const saved = { output: process.env.GITHUB_OUTPUT, state: process.env.GITHUB_STATE };
      delete process.env.GITHUB_OUTPUT;
      delete process.env.GITHUB_STATE;
      try {
        expect(stdoutOf(() => commands.setOutput('n', 'a\nb'))).toEqual(
          stdoutOf(() => core.setOutput('n', 'a\nb'))
        );
        expect(stdoutOf(() => commands.saveState('n', 'a:b'))).toEqual(
          stdoutOf(() => core.saveState('n', 'a:b'))
        );
      } finally {
        if (saved.output !== undefined) process.env.GITHUB_OUTPUT = saved.output;
        if (saved.state !== undefined) process.env.GITHUB_STATE = saved.state;
      }
    });

    it('the job summary: heading, raw line, table, list, appended', async () => {
      const build = <T extends JobSummary | typeof core.summary>(s: T) =>
        s
          .addHeading('outbox-publisher', 2)
          .addRaw('3 sessions', true)
          .addTable([
            [
              { data: 'Item', header: true },
              { data: 'Value', header: true }
            ],
            ['Branch', ''],
            ['<code>a</code>', 'yes']
          ])
          .addHeading('Files', 3)
          .addList(['<code>x</code> added', 'y']);
      const ours = build(new JobSummary()).stringify();
      expect(ours).toBe(build(core.summary.emptyBuffer()).stringify());
      core.summary.emptyBuffer();
      const file = path.join(dir, 'summary');
      fs.writeFileSync(file, 'before\n');
      process.env.GITHUB_STEP_SUMMARY = file;
      try {
        await build(new JobSummary()).write();
      } finally {
        delete process.env.GITHUB_STEP_SUMMARY;
      }
      expect(fs.readFileSync(file, 'utf8')).toBe(`before\n${ours}`);
    });
  });
});
