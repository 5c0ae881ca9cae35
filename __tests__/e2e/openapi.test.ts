/**
 * The emulator against GitHub's own API description (@octokit/openapi): the requests of a
 * representative set of publishes exercise every REST route the action uses, and every answer the emulator gave is
 * validated with ajv — status code, JSON body and the headers the action reads. A drifted answer
 * must fail the check (the checker is tested on purpose-made drifts).
 */
import { readFileSync } from 'node:fs';
import { OpenApiCheck } from '../../test-support/openapi-check.js';
import { httpsRequest } from './clients.js';
import { newRepo, useEmulator, type Emulator } from './support.js';

const INSTALLATION = 'ghs_e2eOpenApiToken00000000000000001';
const CLASSIC = 'ghp_e2eOpenApiClassic000000000000002';
const suite = useEmulator((emulator) => {
  emulator.addToken(INSTALLATION, { login: 'outbox-app[bot]', scopes: null });
  const soon = new Date(Date.now() + 3 * 86_400_000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
  emulator.addToken(CLASSIC, { login: 'octo-bot', scopes: 'repo, workflow', expiration: soon });
});
const em = (): Emulator => suite.emulator;

/** The REST operations the action calls (GraphQL has no OpenAPI description). */
const ACTION_OPERATIONS = [
  'repos/get 200',
  'repos/get 404',
  'pulls/list 200',
  'pulls/list 404',
  'pulls/create 201',
  'pulls/update 200',
  'issues/add-labels 200',
  'pulls/request-reviewers 201',
  'pulls/request-reviewers 422',
  'pulls/list-reviews 200',
  'issues/add-assignees 201',
  'issues/update 200',
  'issues/update 422',
  'issues/create-comment 201',
  'git/create-ref 201',
  'git/delete-ref 204',
  'git/create-blob 201',
  'git/create-tree 201',
  'git/create-commit 201'
];

let check: OpenApiCheck;
beforeAll(() => {
  check = new OpenApiCheck();
});

/**
 * One REST call from this process, as the action's Octokit sends it (src/github*.ts), and the
 * status it must get: each request a publish makes, without a node, git and gh for each publish.
 * What is checked is the emulator's answers; the answers to real publishes are checked too, in
 * every e2e suite (support.ts `useEmulator` runs the same check on its whole request log).
 */
async function call(token: string, method: string, p: string, status: number, body?: unknown): Promise<any> {
  const r = await httpsRequest(`https://api.github.com${p}`, {
    method,
    token,
    body,
    ca: readFileSync(em().caFile)
  });
  expect({ method, p, status: r.status }).toEqual({ method, p, status });
  return r.body;
}

test('every REST answer the emulator gives to a representative set of publishes matches GitHub’s API description', async () => {
  const repo = newRepo(em(), 'openapi', undefined, {
    allowAutoMerge: true,
    collaborators: ['ann'],
    teams: ['core']
  });
  const milestone = em().createMilestone(repo, 'v1');
  const [owner] = repo.split('/');
  const findOpen = `/repos/${repo}/pulls?state=open&head=${owner}%3Aoutbox%2Fmain&base=main&per_page=1`;
  const body = 'Made by outbox-publisher.';

  // Created, by an installation token: the pull request and its extras (labels, reviewers one
  // by one after the batch was refused for 'mallory', assignees, milestone; auto-merge is GraphQL).
  em().commitToBranch(repo, 'outbox/main', { 'generated.txt': 'one\n' });
  await call(INSTALLATION, 'GET', `/repos/${repo}`, 200);
  expect(await call(INSTALLATION, 'GET', findOpen, 200)).toEqual([]);
  const created = await call(INSTALLATION, 'POST', `/repos/${repo}/pulls`, 201, {
    head: 'outbox/main',
    base: 'main',
    title: 'One',
    body,
    draft: false,
    maintainer_can_modify: true
  });
  const pr = `/repos/${repo}/pulls/${created.number}`;
  const issue = `/repos/${repo}/issues/${created.number}`;
  await call(INSTALLATION, 'POST', `${issue}/labels`, 200, { labels: ['automation'] });
  const reviewers = `${pr}/requested_reviewers`;
  await call(INSTALLATION, 'POST', reviewers, 422, {
    reviewers: ['ann', 'mallory'],
    team_reviewers: ['core']
  });
  await call(INSTALLATION, 'POST', reviewers, 201, { reviewers: ['ann'], team_reviewers: [] });
  await call(INSTALLATION, 'POST', reviewers, 422, { reviewers: ['mallory'], team_reviewers: [] });
  await call(INSTALLATION, 'POST', reviewers, 201, { reviewers: [], team_reviewers: ['core'] });
  await call(INSTALLATION, 'POST', `${issue}/assignees`, 201, { assignees: ['ann'] });
  await call(INSTALLATION, 'PATCH', issue, 200, { milestone });

  // Found again by a classic token (X-OAuth-Scopes and the expiry header on every answer).
  await call(CLASSIC, 'GET', `/repos/${repo}`, 200);
  expect(await call(CLASSIC, 'GET', findOpen, 200)).toHaveLength(1);
  await call(CLASSIC, 'GET', `${pr}/reviews?per_page=100`, 200);
  await call(CLASSIC, 'POST', reviewers, 422, { reviewers: ['mallory'], team_reviewers: [] });

  // Updated after a review: new title and body, reviews read, a missing milestone refused.
  em().submitReview(repo, created.number, 'ann');
  em().commitToBranch(repo, 'outbox/main', { 'generated.txt': 'two\n' });
  await call(INSTALLATION, 'GET', `/repos/${repo}`, 200);
  await call(INSTALLATION, 'GET', findOpen, 200);
  await call(INSTALLATION, 'PATCH', pr, 200, { title: 'Two', body });
  expect(await call(INSTALLATION, 'GET', `${pr}/reviews?per_page=100`, 200)).toHaveLength(1);
  await call(INSTALLATION, 'POST', reviewers, 422, { reviewers: ['mallory'], team_reviewers: [] });
  await call(INSTALLATION, 'PATCH', issue, 422, { milestone: 99 });

  // Closed, with the branch deleted, once the changes are on the target.
  em().commitToBranch(repo, 'main', { 'generated.txt': 'two\n' });
  await call(INSTALLATION, 'GET', `/repos/${repo}`, 200);
  await call(INSTALLATION, 'GET', findOpen, 200);
  await call(INSTALLATION, 'POST', `${issue}/comments`, 201, { body: 'The changes are on main.' });
  await call(INSTALLATION, 'PATCH', pr, 200, { state: 'closed' });
  await call(INSTALLATION, 'DELETE', `/repos/${repo}/git/refs/heads%2Foutbox%2Fmain`, 204);

  // A signed commit with an executable, through the REST Git Data API on a temporary branch.
  const signed = newRepo(em(), 'openapi');
  const base = em().branchSha(signed, 'main');
  await call(INSTALLATION, 'GET', `/repos/${signed}`, 200);
  await call(INSTALLATION, 'GET', findOpen.replace(repo, signed), 200);
  const blob = (content: string) =>
    call(INSTALLATION, 'POST', `/repos/${signed}/git/blobs`, 201, {
      content: Buffer.from(content).toString('base64'),
      encoding: 'base64'
    });
  const [text, script] = [await blob('signed\n'), await blob('x')];
  const tree = await call(INSTALLATION, 'POST', `/repos/${signed}/git/trees`, 201, {
    base_tree: em().git(signed, ['rev-parse', 'main^{tree}']),
    tree: [
      { path: 's.txt', mode: '100644', type: 'blob', sha: text.sha },
      { path: 't.sh', mode: '100755', type: 'blob', sha: script.sha }
    ]
  });
  const commit = await call(INSTALLATION, 'POST', `/repos/${signed}/git/commits`, 201, {
    message: 'Signed',
    tree: tree.sha,
    parents: [base]
  });
  expect(commit.verification.verified).toBe(true);
  await call(INSTALLATION, 'POST', `/repos/${signed}/git/refs`, 201, {
    ref: 'refs/heads/outbox-publisher/signing-1',
    sha: commit.sha
  });
  await call(INSTALLATION, 'DELETE', `/repos/${signed}/git/refs/heads%2Foutbox-publisher%2Fsigning-1`, 204);
  em().git(signed, ['update-ref', 'refs/heads/outbox/main', commit.sha]);
  await call(INSTALLATION, 'POST', `/repos/${signed}/pulls`, 201, {
    head: 'outbox/main',
    base: 'main',
    title: 'Signed',
    body,
    draft: false,
    maintainer_can_modify: true
  });

  // A repository the token cannot see: read first, or looked for pull requests in directly.
  await call(INSTALLATION, 'GET', '/repos/octo-org/missing', 404);
  await call(INSTALLATION, 'GET', findOpen.replace(repo, 'octo-org/missing'), 404);

  const { checked, operations, problems } = check.checkLog(em().requests);
  expect(problems).toEqual([]);
  expect([...operations].sort()).toEqual(expect.arrayContaining(ACTION_OPERATIONS));
  expect(checked).toBeGreaterThan(30);
});

describe('the check fails when an answer drifts from the description', () => {
  /** A recorded answer of the operation (one with a non-empty list in `field`, if given), deep-copied so that it can be changed. */
  function recorded(
    operation: string,
    field?: string
  ): { method: string; path: string; status: number; headers: Record<string, string>; body: any } {
    const entry = em().requests.find((r) => {
      if (
        r.kind !== 'rest' ||
        !r.response ||
        `${check.route(r.method, r.response.path)?.operation.operationId} ${r.response.status}` !== operation
      )
        return false;
      const body = r.response.body as any;
      return (
        field === undefined ||
        (Array.isArray(field === '' ? body : body?.[field]) && (field === '' ? body : body[field]).length > 0)
      );
    });
    if (!entry?.response) throw new Error(`no recorded answer for ${operation}`);
    return structuredClone({
      method: entry.method,
      path: entry.response.path,
      status: entry.response.status,
      headers: entry.response.headers,
      body: entry.response.body as any
    });
  }

  test.each([
    [
      'pulls/list 200',
      'a pull request without its head',
      (r: any) => delete r.body[0].head,
      /body\/0 must have required property 'head'/,
      ''
    ],
    [
      'pulls/list 200',
      'a number given as a string',
      (r: any) => (r.body[0].number = String(r.body[0].number)),
      /body\/0\/number must be integer/,
      ''
    ],
    [
      'pulls/create 201',
      'created answered with 200',
      (r: any) => (r.status = 200),
      /200 is not a status pulls\/create answers with/,
      undefined
    ],
    [
      'pulls/create 201',
      'no Location header',
      (r: any) => delete r.headers.location,
      /header location missing/,
      undefined
    ],
    [
      'repos/get 200',
      'an unknown visibility type',
      (r: any) => (r.body.private = 'no'),
      /body\/private must be boolean/,
      undefined
    ],
    [
      'repos/get 200',
      'scopes not separated as GitHub does',
      (r: any) => (r.headers['x-oauth-scopes'] = 'repo,workflow'),
      /header x-oauth-scopes/,
      undefined
    ],
    [
      'pulls/request-reviewers 201',
      'a requested team without its slug',
      (r: any) => delete r.body.requested_teams[0].slug,
      /requested_teams\/0 must have required property 'slug'/,
      'requested_teams'
    ],
    [
      'pulls/request-reviewers 422',
      'an error whose message is not text',
      (r: any) => (r.body.message = 422),
      /body\/message must be string/,
      undefined
    ],
    [
      'git/delete-ref 204',
      'a body on No Content',
      (r: any) => (r.body = { ok: true }),
      /204 has no body/,
      undefined
    ],
    [
      'issues/add-labels 200',
      'rate-limit headers missing',
      (r: any) => delete r.headers['x-ratelimit-remaining'],
      /header x-ratelimit-remaining missing/,
      undefined
    ]
  ])('%s: %s', (operation, _what, drift, problem, field) => {
    const response = recorded(operation, field);
    expect(check.check(response)).toEqual([]);
    (drift as (r: unknown) => void)(response);
    expect(check.check(response).join('\n')).toMatch(problem);
  });
});
