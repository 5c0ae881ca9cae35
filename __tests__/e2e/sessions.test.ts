/**
 * The `sessions` input end to end: many repositories published by one step, one of them failing
 * on purpose, and `shard` splitting a list across matrix jobs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  expectFailure,
  expectSuccess,
  newRepo,
  publish,
  useEmulator,
  type Emulator,
  type Run
} from './support.js';
import type { FaultHandle } from '../../test-support/emulator/index.js';

const TOKEN = 'ghs_e2eSessionsToken00000000000000001';
/** Sessions of the main run, one of them failing (issue 12: 50 in one job). */
const SESSIONS = 50;
/** Enough for both halves of `shard: i/2` to hold a session (which session goes where is unit-tested). */
const SHARDED = 3;
/** Sessions of a killed step: more than one, to show each one's lines are written. */
const KILLED = 2;

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
        // One line on stdout and one on stderr naming the clone (the repository's name), so that
        // the log shows whose group each line landed in.
        run: 'echo "run in $(basename "$PWD")"; echo "stderr of $(basename "$PWD")" >&2; echo generated > generated.txt',
        title: 'Fleet update'
      }
    });
    seconds = (Date.now() - started) / 1000;
    process.stdout.write(`sessions e2e: ${SESSIONS} sessions in ${seconds.toFixed(1)} s\n`);
  }, 600_000);

  test('every other session opens its pull request', () => {
    // Read as the run left them (pullsOf would first check every branch with git, 2 processes each).
    for (const repo of repos) {
      const pulls = em().pulls.filter((pr) => pr.base.repo.full_name === repo);
      expect(pulls).toHaveLength(1);
      expect(pulls[0]).toMatchObject({ title: 'Fleet update', state: 'open' });
    }
  });

  test('the pull requests are created one at a time, and GitHub refuses none', () => {
    // One token for every session: its content-generating requests go one at a time (GitHub asks
    // for them serially), within 80 a minute and 500 an hour, which GitHub enforces (the
    // emulator too).
    const created = em()
      .requests.filter((r) => r.method === 'POST' && /\/repos\/[^/]+\/[^/]+\/pulls$/.test(r.path))
      .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    expect(created).toHaveLength(SESSIONS - 1);
    for (let i = 1; i < created.length; i++)
      expect(Date.parse(created[i].time)).toBeGreaterThanOrEqual(Date.parse(created[i - 1].finished!));
    expect(em().requests.filter((r) => r.limitedBy !== undefined)).toEqual([]);
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

  test("each session's lines are one group of their own, whatever ran beside it", () => {
    const groups = [...run.main.log.matchAll(/^::group::(.*)\n([^]*?)^::endgroup::$/gm)].map(
      ([, title, body]) => ({ title, body })
    );
    expect(groups).toHaveLength(SESSIONS);
    const order = [...repos.slice(0, 3), MISSING, ...repos.slice(3)];
    const titles = new Map(order.map((repo, i) => [repo, `Session ${i + 1} of ${SESSIONS}: ${repo}`]));
    for (const repo of order) {
      const group = groups.filter((g) => g.title.startsWith(`${titles.get(repo)!} (`));
      expect(group).toHaveLength(1);
      const [{ title, body }] = group;
      const name = repo.split('/')[1];
      if (repo === MISSING) {
        expect(title).toBe(`${titles.get(repo)!} (failed)`);
        expect(body).not.toMatch(/^(run in|stderr of) /m);
        continue;
      }
      expect(title).toBe(`${titles.get(repo)!} (created)`);
      // Its own script's stdout and stderr, and no other session's.
      expect(body.match(/^(?:run in|stderr of) .*$/gm)).toEqual([`run in ${name}`, `stderr of ${name}`]);
      expect(body).toContain(`/${repo}.git`);
      expect(body).not.toMatch(new RegExp(`/octo-org/(?!${name}\\.git)[\\w.-]+\\.git`));
    }
    // Nothing of a session outside the groups.
    const outside = run.main.log.replace(/^::group::[^]*?^::endgroup::\n/gm, '');
    expect(outside).not.toMatch(/^(?:run in|stderr of) /m);
    expect(run.main.stderr).not.toMatch(/stderr of/);
  });

  test('gh logs in once for every session with a run script, not once per session', () => {
    expect(run.main.log.match(/\[command\]\S*gh --version/g)).toHaveLength(1);
    expect(run.main.log.match(/\[command\]\S*gh auth login /g)).toHaveLength(1);
  });
});

describe("sessions over GitHub's content-creation limit", () => {
  const LIMITED = 'ghs_e2eSessionsLimitedToken0000000000001';
  let repos: string[];
  let run: Run;
  let slow: FaultHandle;

  beforeAll(async () => {
    em().addToken(LIMITED, { login: 'limited-app[bot]', scopes: null });
    // Two pull requests in any 5 s, as if the token had used most of its minute elsewhere;
    // GitHub sends no retry-after here (clients wait a minute), this test asks for 5 s.
    em().setSecondaryLimits({ contentShort: 2, shortWindowMs: 5000, contentRetryAfter: 5 });
    repos = Array.from({ length: 4 }, () => newRepo(em(), 'limited'));
    // GitHub takes its time over a pull request; requests sent side by side would overlap.
    slow = em().failNext({
      method: 'POST',
      pathPattern: /\/pulls$/,
      delayMs: 400,
      delayOnly: true,
      times: 10
    });
    run = await publish({
      token: LIMITED,
      inputs: {
        sessions: JSON.stringify(repos.map((repo) => ({ repo }))),
        'max-parallel': '4',
        run: 'echo limited > limited.txt'
      }
    });
  }, 120_000);
  afterAll(() => {
    em().setSecondaryLimits();
    slow.cancel();
  });

  test('GitHub refuses a pull request, the action waits as asked and retries: every session publishes', () => {
    expectSuccess(run);
    for (const repo of repos) expect(em().pullsOf(repo)).toHaveLength(1);
    const refused = em().requests.filter(
      (r) => r.authUser === 'limited-app[bot]' && r.limitedBy === 'content'
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(run.main.log).toMatch(
      /GitHub's secondary rate limit: waiting 5 s before retrying POST \/repos\/\{owner\}\/\{repo\}\/pulls\./
    );
    // The retry kept the token's turn: still one creation at a time.
    const created = em()
      .requests.filter(
        (r) => r.authUser === 'limited-app[bot]' && r.method === 'POST' && r.path.endsWith('/pulls')
      )
      .sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
    for (let i = 1; i < created.length; i++)
      expect(Date.parse(created[i].time)).toBeGreaterThanOrEqual(Date.parse(created[i - 1].finished!));
    // No fixed pace: the session queued behind the wait goes as soon as the retry is answered.
    const [retried, last] = created.filter((r) => r.limitedBy === undefined).slice(-2);
    expect(Date.parse(last.time) - Date.parse(retried.finished!)).toBeLessThan(500);
  });
});

describe('a sessions file that cannot be read', () => {
  test('one error, the file name quoted as data', async () => {
    // A bidi override would make the name read backwards in the log.
    const result = await publish({ token: TOKEN, inputs: { sessions: 'fleet\u202elist.json' } });
    expectFailure(result, /^Input 'sessions'/);
    expect(result.main.errors[0]).toContain(
      'names the file "fleet\\342\\200\\256list.json", which cannot be read'
    );
    expect(result.main.log).not.toContain('\u202e');
  });
});

describe('shard', () => {
  test('1/2 and 2/2 together publish every session exactly once', async () => {
    const repos = Array.from({ length: SHARDED }, () => newRepo(em(), 'shard'));
    const sessions = JSON.stringify(repos.map((repo) => ({ repo })));
    // Like two matrix jobs, side by side.
    const runs = await Promise.all(
      ['1/2', '2/2'].map((shard) =>
        publish({ token: TOKEN, inputs: { sessions, shard, run: 'echo sharded > sharded.txt' } })
      )
    );
    for (const shardRun of runs) expectSuccess(shardRun);
    const [first, second] = runs.map((shardRun) => resultsOf(shardRun).map((r) => r.repo));
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect([...first, ...second].sort()).toEqual([...repos].sort());
    for (const repo of repos) expect(em().pullsOf(repo)).toHaveLength(1);
  }, 600_000);
});

describe('a sessions step killed while its sessions run', () => {
  /** Files under `dir` that hold the token, as paths relative to it. */
  function tokenFiles(dir: string): string[] {
    const found: string[] = [];
    for (const entry of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      const file = path.join(dir, entry);
      try {
        if (fs.statSync(file).isFile() && fs.readFileSync(file, 'utf8').includes(TOKEN)) found.push(entry);
      } catch {
        // Removed while we looked.
      }
    }
    return found;
  }

  /** Sessions whose `run` scripts say they started, then sleep; main killed once all have. */
  async function killedRun(signal: NodeJS.Signals): Promise<{ run: Run; heldToken: string[] }> {
    const repos = Array.from({ length: KILLED }, () => newRepo(em(), 'killed'));
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-run-'));
    const started = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-started-'));
    let heldToken: string[] = [];
    const run = await publish({
      token: TOKEN,
      root,
      env: { SESSIONS_STARTED: started },
      inputs: {
        sessions: JSON.stringify(repos.map((repo) => ({ repo }))),
        'max-parallel': String(KILLED),
        run: 'echo "run in $(basename "$PWD")"; touch "$SESSIONS_STARTED/$(basename "$PWD")"; sleep 20'
      },
      killMainSignal: signal,
      killMainWhen: () => {
        if (fs.readdirSync(started).length < repos.length) return false;
        heldToken = tokenFiles(path.join(root, 'runner-temp'));
        return true;
      }
    });
    fs.rmSync(started, { recursive: true, force: true });
    for (const repo of repos) expect(em().pullsOf(repo)).toHaveLength(0);
    return { run, heldToken };
  }

  test('SIGKILL: the post step removes every session sandbox, and no file holds the token', async () => {
    const { run: killed, heldToken } = await killedRun('SIGKILL');
    expect(killed.main.signal).toBe('SIGKILL');
    // The sessions were logged in when main died: the post step had something to remove.
    expect(heldToken.length).toBeGreaterThan(0);
    expect(killed.state['sandbox-dir']).toMatch(/outbox-publisher-auth-/);
    expect(fs.existsSync(killed.state['sandbox-dir'])).toBe(false);
    expect(killed.post?.log).toContain('Removed the sandbox');
    expect(killed.post?.code).toBe(0);
    // `publish` checked the rest: no outbox-publisher-auth- folder left and no file with the token.
    expect(tokenFiles(killed.dirs.runnerTemp)).toEqual([]);
  }, 120_000);

  test("SIGTERM: main first writes each running session's lines, cut short, then post cleans up", async () => {
    const { run: killed, heldToken } = await killedRun('SIGTERM');
    expect(killed.main.signal).toBe('SIGTERM');
    expect(heldToken.length).toBeGreaterThan(0);
    const cut =
      killed.main.log.match(new RegExp(`^::group::Session \\d of ${KILLED}: .* \\(cut short\\)$`, 'gm')) ??
      [];
    expect(cut).toHaveLength(KILLED);
    expect(killed.main.log.match(/^run in killed-\d+$/gm)).toHaveLength(KILLED);
    expect(fs.existsSync(killed.state['sandbox-dir'])).toBe(false);
  }, 120_000);
});
