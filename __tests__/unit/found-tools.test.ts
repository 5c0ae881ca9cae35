import { execFileSync } from 'node:child_process';
import * as exec from '@actions/exec';
import { learnToolPath, toolToExec } from '../../src/found-tools.js';

describe('found-tools: exec is given the file it found for a tool before', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  test("the file from exec's own lookup, for the same PATH only", async () => {
    expect(toolToExec('git')).toBe('git');
    const run = () =>
      exec.getExecOutput(toolToExec('git'), ['--version'], {
        silent: true,
        listeners: { debug: learnToolPath('git') }
      });
    expect((await run()).stdout).toMatch(/^git version /);
    const file = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    expect(toolToExec('git')).toBe(file);
    // Given the file, exec runs the same git.
    expect((await run()).stdout).toMatch(/^git version /);
    process.env.PATH = `/nonexistent:${path}`;
    expect(toolToExec('git')).toBe('git');
  });

  test("only exec's first debug line names the file; an argument that looks like one does not", () => {
    const listener = learnToolPath('some-tool');
    listener('arguments:');
    listener('exec tool: /tmp/some-tool');
    expect(toolToExec('some-tool')).toBe('some-tool');
    learnToolPath('other-tool')('exec tool: relative/other-tool');
    expect(toolToExec('other-tool')).toBe('other-tool');
  });

  test('the listener it wraps is called on every line', () => {
    let calls = 0;
    const listener = learnToolPath('third-tool', () => calls++);
    listener('exec tool: /usr/bin/third-tool');
    listener('arguments:');
    expect(calls).toBe(2);
    expect(toolToExec('third-tool')).toBe('/usr/bin/third-tool');
  });
});
