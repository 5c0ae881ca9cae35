/** Faults injected in the emulator: server errors, rate limits, bad credentials, dropped connections. */
import {
  expectFailure,
  expectSuccess,
  newRepo,
  publish,
  useEmulator,
  type Emulator,
  type Run
} from './support.js';

const TOKEN = 'ghs_e2eFaultsToken000000000000000001';
const suite = useEmulator((emulator) => {
  emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null });
});
const em = (): Emulator => suite.emulator;
const inputs = (repo: string) => ({ repo, 'target-branch': 'main', run: 'echo x > x.txt' });

/**
 * The retried faults share runs, each on its own request: 500 on the pull request lookup and 502
 * on its creation in one run; 503 on the lookup and a secondary rate limit on the creation in
 * another. Each fault fires once in its run and the publish still succeeds.
 */
describe('retried once, then success', () => {
  const runs: Record<string, { repo: string; result: Run }> = {};
  beforeAll(async () => {
    const statuses = newRepo(em(), 'status-500-502');
    em().failNext({ method: 'GET', pathPattern: new RegExp(`/${statuses}/pulls$`), status: 500 });
    em().failNext({ method: 'POST', pathPattern: new RegExp(`/${statuses}/pulls$`), status: 502 });
    const secondary = newRepo(em(), 'status-503-secondary');
    em().failNext({ method: 'GET', pathPattern: new RegExp(`/${secondary}/pulls$`), status: 503 });
    em().rateLimit({
      kind: 'secondary',
      retryAfter: 1,
      method: 'POST',
      pathPattern: new RegExp(`/${secondary}/pulls$`)
    });
    const [first, second] = await Promise.all(
      [statuses, secondary].map((repo) => publish({ token: TOKEN, inputs: inputs(repo) }))
    );
    runs.statuses = { repo: statuses, result: first };
    runs.secondary = { repo: secondary, result: second };
  });

  test.each([
    [500, 'statuses', 'GET'],
    [502, 'statuses', 'POST'],
    [503, 'secondary', 'GET']
  ])('API %i once, then success: retried, the publish succeeds', (status, run, method) => {
    const { repo, result } = runs[run];
    expectSuccess(result);
    expect(result.outputs['pull-request-operation']).toBe('created');
    // The fault was answered once on its request, and the retry of that request went through.
    const answers = em()
      .requests.filter((r) => r.kind === 'rest' && r.method === method && r.path.endsWith(`/${repo}/pulls`))
      .map((r) => [r.fault ?? null, r.status]);
    expect(answers.filter(([fault]) => fault === 'status')).toEqual([['status', status]]);
    expect(answers.at(-1)).toEqual([null, method === 'POST' ? 201 : 200]);
    expect(em().countRequests({ fault: 'status', pathPattern: new RegExp(`/${repo}/pulls$`) })).toBe(
      run === 'statuses' ? 2 : 1
    );
    expect(em().pullsOf(repo)).toHaveLength(1);
  });

  test('secondary rate limit with retry-after: waited for, then retried', () => {
    const { repo, result } = runs.secondary;
    expectSuccess(result);
    expect(result.main.log).toMatch(/secondary rate limit: waiting 1 s/);
    expect(em().pullsOf(repo)).toHaveLength(1);
  });
});

/** One run for two faults, each on its own request: a primary rate limit on the pull request lookup, a connection reset on its creation. */
describe('a primary rate limit and a connection reset in one run', () => {
  let repo = '';
  let result: Run;
  beforeAll(async () => {
    repo = newRepo(em(), 'primary-reset');
    em().rateLimit({ kind: 'primary', resetInSeconds: 2, method: 'GET', pathPattern: /\/pulls$/ });
    em().failNext({ method: 'POST', pathPattern: new RegExp(`/${repo}/pulls$`), reset: true });
    result = await publish({ token: TOKEN, inputs: inputs(repo) });
  });

  test('primary rate limit (remaining 0, reset soon): waited for, then retried', () => {
    expectSuccess(result);
    expect(result.main.log).toMatch(/primary rate limit: waiting \d+ s/);
  });

  test('a connection reset on an API call is retried', () => {
    expectSuccess(result);
    expect(em().countRequests({ fault: 'reset', pathPattern: new RegExp(`/${repo}/pulls$`) })).toBe(1);
    expect(em().pullsOf(repo)).toHaveLength(1);
  });
});

test('a rate limit asking for longer than max-wait fails clearly', async () => {
  const repo = newRepo(em(), 'too-long');
  em().rateLimit({ kind: 'secondary', retryAfter: 600, method: 'GET', pathPattern: /\/pulls$/ });
  const result = await publish({ token: TOKEN, inputs: { ...inputs(repo), 'max-wait': '5' } });
  expectFailure(result, /secondary rate limit asked to wait 600 s .* longer than 'max-wait' \(5 s\)/s);
  expect(em().branchSha(repo, 'outbox/main')).toBeNull();
});

test('401 bad credentials: not retried, and the message names the variable', async () => {
  const repo = newRepo(em(), 'bad-token');
  const token = 'ghs_e2eRevokedToken0000000000000000099';
  const before = em().requests.length;
  const result = await publish({ token, inputs: inputs(repo) });
  expectFailure(result, /rejected the token.*401.*GITHUB_TOKEN/s);
  // Octokit asked once and did not retry (gh's own login, made at the same time, fails too).
  const octokit = em()
    .requests.slice(before)
    .filter((r) => r.kind === 'rest' && /octokit/.test(String(r.headers?.['user-agent'])));
  expect(octokit).toHaveLength(1);
});

test.each([
  ['before the push is applied', false, /lost its connection \(attempt 1\); trying again/],
  ['after the push was applied', true, /lost its connection but reached GitHub/]
])('a connection reset %s: the branch ends at our commit, pushed once', async (_label, after, message) => {
  const repo = newRepo(em(), 'push-reset');
  em().failNext({
    kind: 'git',
    pathPattern: new RegExp(`/${repo}\\.git/git-receive-pack$`),
    reset: true,
    after
  });
  const result = await publish({ token: TOKEN, inputs: inputs(repo) });
  expectSuccess(result);
  expect(result.main.log).toMatch(message);
  expect(result.outputs).toMatchObject({ pushed: 'true', 'pull-request-operation': 'created' });
  expect(em().branchSha(repo, 'outbox/main')).toBe(result.outputs['head-sha']);
  expect(em().git(repo, ['rev-list', '--count', 'main..outbox/main'])).toBe('1');
});
