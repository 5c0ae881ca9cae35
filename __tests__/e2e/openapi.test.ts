/**
 * The emulator against GitHub's own API description (@octokit/openapi): a representative set of
 * publishes exercises every REST route the action uses, and every answer the emulator gave is
 * validated with ajv — status code, JSON body and the headers the action reads. A drifted answer
 * must fail the check (the checker is tested on purpose-made drifts).
 */
import { OpenApiCheck } from '../../test-support/openapi-check.js';
import { expectFailure, expectSuccess, newRepo, publish, useEmulator, type Emulator } from './support.js';

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

test('every REST answer the emulator gives to a representative set of publishes matches GitHub’s API description', async () => {
  const repo = newRepo(em(), 'openapi', undefined, {
    allowAutoMerge: true,
    collaborators: ['ann'],
    teams: ['core']
  });
  const milestone = em().createMilestone(repo, 'v1');
  const extras = {
    labels: 'automation',
    reviewers: 'ann, mallory',
    'team-reviewers': 'core',
    assignees: 'ann',
    milestone: String(milestone),
    'auto-merge': 'squash'
  };
  const inputs = { repo, run: 'echo one > generated.txt', ...extras };
  // Created, by an installation token and by a classic token (X-OAuth-Scopes, expiry header).
  expectSuccess(await publish({ token: INSTALLATION, inputs }));
  expectSuccess(await publish({ token: CLASSIC, inputs: { ...inputs, 'target-branch': 'main' } }));
  // Updated: new content, a new title, a missing milestone; then the target moves (the branch's history is read with git: compare is called only when that fetch fails, a case branch-history.test.ts covers, its answers checked there).
  em().submitReview(repo, 1, 'ann');
  expectSuccess(
    await publish({
      token: INSTALLATION,
      inputs: { ...inputs, run: 'echo two > generated.txt', title: 'Two', milestone: '99' }
    })
  );
  em().commitToBranch(repo, 'main', { 'other.txt': 'upstream\n' });
  expectSuccess(
    await publish({
      token: INSTALLATION,
      inputs: { ...inputs, run: 'echo two > generated.txt', title: 'Two' }
    })
  );
  // Closed, with the branch deleted, once the changes are on the target.
  em().commitToBranch(repo, 'main', { 'generated.txt': 'two\n' });
  expectSuccess(
    await publish({
      token: INSTALLATION,
      inputs: { repo, run: 'echo two > generated.txt', 'delete-branch': 'true' }
    })
  );
  // Signed commits go through a temporary branch made over REST; an executable takes the REST Git Data path.
  expectSuccess(
    await publish({
      token: INSTALLATION,
      inputs: {
        repo: newRepo(em(), 'openapi'),
        run: 'echo signed > s.txt && printf x > t.sh && chmod +x t.sh',
        'sign-commits': 'true'
      }
    })
  );
  // A repository the token cannot see.
  expectFailure(await publish({ token: INSTALLATION, inputs: { repo: 'octo-org/missing' } }), /not found/);
  expectFailure(
    await publish({ token: INSTALLATION, inputs: { repo: 'octo-org/missing', 'target-branch': 'main' } }),
    /not found/
  );

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
