/**
 * The `sessions` input end to end: many repositories published by one step, one of them failing
 * on purpose, and `shard` splitting a list across matrix jobs.
 */
import {
  expectFailure,
  expectSuccess,
  newRepo,
  publish,
  useEmulator,
  type Emulator,
  type Run
} from './support.js';

const TOKEN = 'ghs_e2eSessionsToken00000000000000001';
/** Sessions of the main run (one of them failing). A constant so that it can be raised to 50 or more. */
const SESSIONS = 10;
const SHARDED = 6;

const suite = useEmulator((emulator) => {
  emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null });
});
const em = (): Emulator => suite.emulator;

interface Result {
  repo: string;
  'target-branch': string;
  operation: string;
  'pull-request-number': number | null;
  'pull-request-url': string;
  pushed: boolean;
  'head-sha': string;
  error: string;
}

function resultsOf(run: Run): Result[] {
  return JSON.parse(run.outputs.results ?? 'null') as Result[];
}

describe('sessions', () => {
  const MISSING = 'octo-org/no-such-repository';
  let repos: string[];
  let run: Run;
  let seconds: number;

  beforeAll(async () => {
    repos = Array.from({ length: SESSIONS - 1 }, () => newRepo(em(), 'fleet'));
    // The failing session sits in the middle, so that sessions after it must still run.
    const list = [...repos.slice(0, 3), MISSING, ...repos.slice(3)].map((repo) => ({ repo }));
    const started = Date.now();
    run = await publish({
      token: TOKEN,
      inputs: {
        sessions: JSON.stringify(list),
        'max-parallel': '4',
        run: 'echo generated > generated.txt',
        title: 'Fleet update'
      }
    });
    seconds = (Date.now() - started) / 1000;
    process.stdout.write(`sessions e2e: ${SESSIONS} sessions in ${seconds.toFixed(1)} s\n`);
  }, 600_000);

  test('every other session opens its pull request', () => {
    for (const repo of repos) {
      const pulls = em().pullsOf(repo);
      expect(pulls).toHaveLength(1);
      expect(pulls[0]).toMatchObject({ title: 'Fleet update', state: 'open' });
    }
  });

  test('results has one entry per session, in list order, the failure named', () => {
    const results = resultsOf(run);
    expect(results).toHaveLength(SESSIONS);
    expect(results.map((r) => r.repo)).toEqual([...repos.slice(0, 3), MISSING, ...repos.slice(3)]);
    const failed = results.filter((r) => r.error !== '');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ repo: MISSING, operation: 'failed', pushed: false });
    expect(failed[0].error).toMatch(/not found|404/i);
    for (const result of results.filter((r) => r.error === '')) {
      expect(result).toMatchObject({ operation: 'created', pushed: true, 'target-branch': 'main' });
      expect(result['pull-request-url']).toMatch(/^https:\/\//);
      expect(result['head-sha']).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  test('the summary has a row per session, the error quoted in its row', () => {
    const rows = run.summary.match(/<tr>/g) ?? [];
    expect(rows).toHaveLength(SESSIONS + 1);
    expect(run.summary).toContain(`${SESSIONS} sessions: ${SESSIONS - 1} succeeded, 1 failed.`);
    const failedRow = run.summary.split('<tr>').find((row) => row.includes(MISSING))!;
    expect(failedRow).toMatch(/not found|404/i);
  });

  test('the step fails after all have run, with one error naming the count', () => {
    expectFailure(run, new RegExp(`^1 of ${SESSIONS} sessions failed`));
    expect(run.main.log).toMatch(
      /::warning::Session 4 \(octo-org\/no-such-repository\) failed: .*(not found|404)/i
    );
    // The single publish's outputs belong to one repository; a sessions step does not set them.
    expect(run.outputs['pull-request-number']).toBeUndefined();
  });

  test('gh logs in once for every session with a run script, not once per session', () => {
    expect(run.main.log.match(/\[command\]\S*gh --version/g)).toHaveLength(1);
    expect(run.main.log.match(/\[command\]\S*gh auth login /g)).toHaveLength(1);
  });
});

describe('shard', () => {
  test('1/2 and 2/2 together publish every session exactly once', async () => {
    const repos = Array.from({ length: SHARDED }, () => newRepo(em(), 'shard'));
    const sessions = JSON.stringify(repos.map((repo) => ({ repo })));
    const runs: Run[] = [];
    for (const shard of ['1/2', '2/2']) {
      runs.push(
        await publish({ token: TOKEN, inputs: { sessions, shard, run: 'echo sharded > sharded.txt' } })
      );
    }
    for (const shardRun of runs) expectSuccess(shardRun);
    const [first, second] = runs.map((shardRun) => resultsOf(shardRun).map((r) => r.repo));
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect([...first, ...second].sort()).toEqual([...repos].sort());
    for (const repo of repos) expect(em().pullsOf(repo)).toHaveLength(1);
  }, 600_000);
});
