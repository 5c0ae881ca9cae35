/** What the end-to-end suites share: the emulator's lifetime, fresh repositories, and the leak check. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { emulatorEnv, startEmulator } from '../../test-support/emulator/index.js';
import { findLeaks } from '../../test-support/leak-check.js';
import { OpenApiCheck } from '../../test-support/openapi-check.js';
import { runAction } from '../../test-support/run-action.js';

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;
export type Run = Awaited<ReturnType<typeof runAction>>;
export type RunOptions = NonNullable<Parameters<typeof runAction>[0]>;

export const BOT = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';

/**
 * Starts the emulator for the suite (beforeAll) and stops it (afterAll); read `.emulator` in tests.
 * Before it stops, every REST answer it gave during the suite is checked against GitHub's API
 * description (test-support/openapi-check.ts): a harness kinder than GitHub fails the suite.
 */
export function useEmulator(setup: (emulator: Emulator) => void = () => {}): { emulator: Emulator } {
  const holder = {} as { emulator: Emulator };
  beforeAll(async () => {
    // One suite, one emulator: it may use the run's CA instead of making its own.
    holder.emulator = await startEmulator({ sharedCA: true });
    Object.assign(process.env, emulatorEnv(holder.emulator));
    setup(holder.emulator);
  });
  afterAll(async () => {
    const requests = holder.emulator?.requests ?? [];
    await holder.emulator?.close();
    expect(new OpenApiCheck().checkLog(requests).problems).toEqual([]);
  });
  return holder;
}

let repoCounter = 0;
export function newRepo(
  emulator: Emulator,
  prefix: string,
  files: Record<string, string> = {
    'README.md': '# Sample\n',
    'data/old.txt': 'old\n',
    '.gitignore': 'build/\n'
  },
  options = {}
): string {
  const fullName = `octo-org/${prefix}-${++repoCounter}`;
  emulator.createRepo(fullName, { files, ...options });
  return fullName;
}

export function pushesTo(emulator: Emulator, fullName: string): number {
  return emulator.requests.filter(
    (r) => r.kind === 'git' && r.path.startsWith(`/${fullName}`) && r.path.endsWith('/git-receive-pack')
  ).length;
}

/** Runs main and post, then checks that the token is nowhere it must not be. */
export async function publish(options: RunOptions): Promise<Run> {
  const result = await runAction(options);
  expectNoLeftovers(result, options.token);
  return result;
}

/** The checks `publish` makes after a run: the token nowhere it must not be, the sandbox gone. `moreDirs` are searched too. */
export function expectNoLeftovers(result: Run, token: string | undefined, moreDirs: string[] = []): void {
  if (token && token.trim()) {
    expect(result.main.masks).toContain(token);
    const texts = {
      'main log': result.main.log,
      'main stderr': result.main.stderr,
      'post log': result.post?.log ?? '',
      'post stderr': result.post?.stderr ?? '',
      outputs: JSON.stringify(result.outputs),
      state: JSON.stringify(result.state),
      summary: result.summary
    };
    expect(findLeaks({ token, texts, dirs: [result.dirs.root, ...moreDirs] })).toEqual([]);
  }
  expect(result.post?.code).toBe(0);
  const leftovers = fs
    .readdirSync(result.dirs.runnerTemp)
    .filter((name) => /^outbox-publisher-(auth|probe)-/.test(name));
  expect(leftovers).toEqual([]);
  const clone = result.outputs.path;
  if (clone && fs.existsSync(path.join(clone, '.git', 'config'))) {
    const config = fs.readFileSync(path.join(clone, '.git', 'config'), 'utf8');
    expect(config).not.toMatch(/password|token|https:\/\/[^/\s]*@/i);
    if (token) expect(config).not.toContain(Buffer.from(`x-access-token:${token}`).toString('base64'));
  }
}

export function expectFailure(result: Run, pattern: RegExp): void {
  expect(result.main.code).toBe(1);
  expect(result.main.errors).toHaveLength(1);
  expect(result.main.errors[0]).toMatch(pattern);
  expect(result.main.log + result.main.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
}

export function expectSuccess(result: Run): void {
  expect({ code: result.main.code, errors: result.main.errors }).toEqual({ code: 0, errors: [] });
}
