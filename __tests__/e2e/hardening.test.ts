/**
 * Trustworthy under failure: a main step killed half-way, many runs at once, and (with the
 * emulator's fault injection) server errors, rate limits and dropped connections.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { projectRoot, runAction } from '../../test-support/run-action.js';
import { expectSuccess, newRepo, useEmulator, type Emulator, type Run } from './support.js';

const TOKEN = 'ghs_e2eHardeningToken0000000000000001';
const suite = useEmulator((emulator) => {
  emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null });
});
const em = (): Emulator => suite.emulator;

// A main step killed half-way (SIGTERM after gh logged in), a successful main step that removes
// the sandbox itself (the post step then finds nothing), and a main step that fails and leaves
// the removal to the post step: gh-versions.test.ts, with both gh versions.
describe('when the credentials go', () => {
  test('the post step removes a sandbox that is still there whatever the state says', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-publisher-auth-'));
    fs.writeFileSync(path.join(dir, 'gitconfig'), '');
    const env = { ...process.env, 'STATE_sandbox-dir': dir, 'STATE_sandbox-removed': 'true' };
    const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'post.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout).toContain('Removed the sandbox with gh and git credentials.');
    expect(fs.existsSync(dir)).toBe(false);
  });
});

describe('eight runs at once', () => {
  // One batch of eight push-mode runs on one target serves both push-mode guarantees: four with
  // 'push-attempts: 20', four with the default inputs. All eight race at once, so every run may
  // be rejected by up to seven others, as when all eight shared one configuration.
  describe('push mode, four runs with push-attempts 20 and four with default inputs', () => {
    const RUNS = 8;
    const withAttempts = (i: number) => i % 2 === 0;
    let repo: string;
    let start: string;
    let runs: Run[];
    beforeAll(async () => {
      repo = newRepo(em(), 'concurrent-push');
      start = em().branchSha(repo, 'main')!;
      runs = await Promise.all(
        Array.from({ length: RUNS }, (_, i) =>
          runAction({
            token: TOKEN,
            inputs: {
              repo,
              mode: 'push',
              ...(withAttempts(i) ? { 'push-attempts': '20' } : {}),
              run: `echo ${i} > run-${i}.txt`,
              'commit-message': `Run ${i}`
            }
          })
        )
      );
    });

    test('push mode: eight commits on the target, none lost, none forced', () => {
      for (const run of runs) expectSuccess(run);
      expect(runs.map((run) => run.outputs.pushed)).toEqual(Array(RUNS).fill('true'));
      const subjects = em()
        .git(repo, ['log', '--format=%s', `${start}..main`])
        .split('\n')
        .sort();
      expect(subjects).toEqual(Array.from({ length: RUNS }, (_, i) => `Run ${i}`).sort());
      expect(em().git(repo, ['rev-list', '--count', '--first-parent', `${start}..main`])).toBe('8');
      const tree = em().readTree(repo, 'main');
      for (let i = 0; i < RUNS; i++) expect(tree[`run-${i}.txt`]).toBe(`${i}\n`);
      // Every run's pushed head is still in main's history: nothing was rewritten.
      for (const run of runs)
        expect(
          em().git(repo, ['merge-base', '--is-ancestor', run.outputs['head-sha'], 'main']) === ''
            ? 'ancestor'
            : 'no'
        ).toBe('ancestor');
    });

    test('push mode with default inputs: all land, retries bounded by time rather than a small count', () => {
      const defaults = runs.filter((_, i) => !withAttempts(i));
      expect(defaults).toHaveLength(4);
      for (const run of defaults) expectSuccess(run);
      expect(defaults.map((run) => run.outputs.pushed)).toEqual(Array(4).fill('true'));
      expect(em().git(repo, ['rev-list', '--count', '--first-parent', `${start}..main`])).toBe('8');
      const subjects = em()
        .git(repo, ['log', '--format=%s', `${start}..main`])
        .split('\n');
      for (let i = 0; i < RUNS; i++) if (!withAttempts(i)) expect(subjects).toContain(`Run ${i}`);
    });
  });

  test("pull request mode on one branch: one pull request, the branch is one run's result, losers only get a notice", async () => {
    const repo = newRepo(em(), 'concurrent-pr');
    const runs = await Promise.all(
      Array.from({ length: 8 }, () =>
        runAction({ token: TOKEN, inputs: { repo, run: 'echo same > generated.txt', title: 'Same change' } })
      )
    );
    for (const run of runs) expectSuccess(run);
    expect(em().pullsOf(repo)).toHaveLength(1);
    expect(em().readTree(repo, 'outbox/main')['generated.txt']).toBe('same\n');
    expect(em().git(repo, ['rev-list', '--count', 'main..outbox/main'])).toBe('1');
    const pushed = runs.filter((run) => run.outputs.pushed === 'true');
    expect(pushed.length).toBeGreaterThanOrEqual(1);
    expect(pushed.map((run) => run.outputs['head-sha'])).toContain(em().branchSha(repo, 'outbox/main'));
    for (const run of runs) {
      const lines = run.main.log.split('\n').filter((line) => line.startsWith('::'));
      for (const line of lines) expect(line).toMatch(/^::(debug|notice)::/);
      if (run.outputs.pushed !== 'true')
        expect(run.outputs['pull-request-operation']).toMatch(/^(unchanged|created|updated)$/);
    }
  });
});
