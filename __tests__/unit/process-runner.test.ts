import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { runProcess, type ProcessOptions } from '../../src/process-runner.js';

// Real processes (sh), no mocks: what the spawner gives back is what a program did.
const env = { PATH: process.env.PATH ?? '' };
const sh = (script: string, options: Partial<ProcessOptions> = {}) =>
  runProcess('/bin/sh', ['-c', script], { env, ...options });

describe('runProcess', () => {
  test('the exit code and both outputs as bytes, split characters whole', async () => {
    // the two halves of é in two writes, read as two chunks
    const result = await sh("printf 'caf\\303'; sleep 0.1; printf '\\251'; printf oops >&2; exit 3");
    expect(result.exitCode).toBe(3);
    expect(result.stdout.toString('utf8')).toBe('café');
    expect(result.stderr.toString('utf8')).toBe('oops');
  });

  test('input reaches stdin, which then ends; without input stdin ends at once', async () => {
    expect((await sh('cat', { input: 'secret\n' })).stdout.toString()).toBe('secret\n');
    expect((await sh('cat', { input: Buffer.from([0, 1, 2]) })).stdout).toEqual(Buffer.from([0, 1, 2]));
    // cat would wait forever on an open stdin
    expect((await sh('cat')).exitCode).toBe(0);
  });

  test('a program that exits without reading its input is no error', async () => {
    const result = await sh('exit 0', { input: 'x'.repeat(1 << 20) });
    expect(result.exitCode).toBe(0);
  });

  test('killed by a signal: 128 + its number, as a shell reports it', async () => {
    expect((await sh('kill -TERM $$')).exitCode).toBe(128 + 15);
  });

  test('the environment and folder given, nothing else', async () => {
    const result = await runProcess('/bin/sh', ['-c', 'echo "$ONLY_THIS:$HOME"; pwd'], {
      env: { ONLY_THIS: 'yes' },
      cwd: '/'
    });
    expect(result.stdout.toString()).toBe('yes:\n/\n');
  });

  test('echo sees each chunk as it comes, stdout and stderr; onStart once the program runs', async () => {
    const seen: string[] = [];
    let started = 0;
    await sh('echo one; sleep 0.1; echo two >&2', {
      echo: (chunk) => seen.push(chunk.toString()),
      onStart: () => started++
    });
    expect(seen).toEqual(['one\n', 'two\n']);
    expect(started).toBe(1);
  });

  test('a background process that keeps the pipes open does not hold the result', async () => {
    const began = Date.now();
    const result = await sh('echo before; sleep 5 &', { closeGraceMs: 200 });
    expect(result.exitCode).toBe(0);
    expect(result.stdout.toString()).toBe('before\n');
    expect(Date.now() - began).toBeLessThan(4000);
  });

  test('the pipes are closed after the grace, so that Node can exit while a background process runs', () => {
    // A Node process of its own, which exits only once nothing holds its event loop: with the
    // pipes still open it would wait for the background sleep, past the timeout.
    const script = [
      `import { runProcess } from ${JSON.stringify(path.resolve('src/process-runner.ts'))};`,
      "await runProcess('/bin/sh', ['-c', '(sleep 40; echo late) & echo now'], { env: {}, closeGraceMs: 100 });"
    ].join('\n');
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: 'ignore',
        timeout: 25_000
      })
    ).not.toThrow();
  }, 30_000);

  test('a missing folder is named as such, not as a missing program', async () => {
    await expect(runProcess('/bin/sh', ['-c', 'true'], { env, cwd: '/nonexistent/folder' })).rejects.toThrow(
      'The folder /nonexistent/folder to run /bin/sh in does not exist.'
    );
  });

  test('a program that cannot start rejects, and onStart is not called', async () => {
    let started = false;
    await expect(
      runProcess('/nonexistent/program', [], { env, onStart: () => (started = true) })
    ).rejects.toThrow(/ENOENT/);
    expect(started).toBe(false);
  });
});
