// Smoke tests of the emulator routes added for pull request follow-ups and races: compare,
// review requests, assignees, issue updates and milestones, draft / maintainer_can_modify,
// GraphQL auto-merge, the "Actions may not create pull requests" setting, closing, branch
// deletion, and the beforeGit() hook with a real `git push`. Like emulator.test.ts it needs the
// namespace made by scripts/in-netns.mjs:
//
//   node scripts/in-netns.mjs node --experimental-vm-modules node_modules/jest/bin/jest.js __tests__/e2e/emulator-pull-requests.test.ts
//
// REST and GraphQL calls are made from this process with the emulator's CA; Octokit, git and gh
// run in child processes spawned asynchronously (the emulator answers from this very process, so
// a synchronous spawn of a client would deadlock).

import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emulatorEnv, startEmulator, type Emulator } from '../../test-support/emulator/index.js';
import { gitClientEnv, httpsRequest, ok, removeTempDirs, run, tempDir, type FetchResult } from './clients.js';

let emulator: Emulator;
/** The emulator's CA, read once. */
let caPem: Buffer;

/**
 * One HTTPS request from this process, trusting the emulator's CA: the same exchange a child
 * `fetch` with NODE_EXTRA_CA_CERTS makes (emulator.test.ts covers that path), without starting a
 * node for each of these calls.
 */
function fetchIn(
  url: string,
  init: { method?: string; token?: string; body?: unknown } = {}
): Promise<FetchResult> {
  return httpsRequest(url, { ...init, token: init.token ?? TOKENS.bot, ca: caPem });
}

// The real Octokit of @actions/github (resolved from this package's node_modules), for the calls
// the action makes: the script body gets `octokit` (and `client(baseUrl)` for another layout,
// so that one node serves both) and returns a JSON-able value.
const OCTOKIT_CHILD = `
import { getOctokit } from '@actions/github';
const { baseUrl, token, script } = JSON.parse(process.argv[1]);
const client = (url) => getOctokit(token, { baseUrl: url });
const octokit = client(baseUrl);
const AsyncFunction = (async () => {}).constructor;
try {
  const value = await new AsyncFunction('octokit', 'client', script)(octokit, client);
  process.stdout.write(JSON.stringify({ ok: true, value }));
} catch (err) {
  process.stdout.write(JSON.stringify({ ok: false, name: err.name, status: err.status ?? null, message: err.message, errors: err.errors ?? null, data: err.response?.data ?? null }));
}
`;

async function octokit(script: string, options: { baseUrl?: string; token?: string } = {}): Promise<any> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: os.tmpdir(),
    NODE_EXTRA_CA_CERTS: emulator.caFile
  };
  const arg = JSON.stringify({
    baseUrl: options.baseUrl ?? 'https://api.github.com',
    token: options.token ?? TOKENS.bot,
    script
  });
  const r = await ok(process.execPath, ['--input-type=module', '-e', OCTOKIT_CHILD, arg], {
    env,
    cwd: process.cwd()
  });
  return JSON.parse(r.stdout);
}

const api = (p: string) => `https://api.github.com${p}`;
const ghes = (p: string) => `https://localhost/api/v3${p}`;
const graphql = (body: unknown, token = TOKENS.bot) =>
  fetchIn(api('/graphql'), { method: 'POST', token, body });

const TOKENS = {
  bot: 'ghs_extraBot000000000000000000000000000',
  other: 'ghp_extraOther00000000000000000000000000'
};

/** Creates a pull request over REST and returns its JSON. */
async function openPull(repo: string, head: string, extra: Record<string, unknown> = {}): Promise<any> {
  const r = await fetchIn(api(`/repos/${repo}/pulls`), {
    method: 'POST',
    body: { title: `PR for ${head}`, head, base: 'main', ...extra }
  });
  if (r.status !== 201) throw new Error(`create PR: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** The ISO-8601 UTC time GitHub shows for a commit's author date. */
function authorDate(repo: string, sha: string): string {
  const epoch = Number(emulator.git(repo, ['log', '-1', '--format=%at', sha]));
  return new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

beforeAll(async () => {
  emulator = await startEmulator({ sharedCA: true });
  caPem = readFileSync(emulator.caFile);
  emulator.addToken(TOKENS.bot, { login: 'octo-bot' });
  emulator.addToken(TOKENS.other, { login: 'other-user', scopes: 'repo' });
});

afterAll(async () => {
  await emulator?.close();
  removeTempDirs();
});

describe('GET /repos/:o/:r/compare/:basehead', () => {
  const repo = 'cmp/r';
  let root: string;
  let f1: string;
  let f2: string;

  beforeAll(() => {
    emulator.createRepo(repo);
    root = emulator.branchSha(repo, 'main') as string;
    f1 = emulator.commitToBranch(repo, 'feature/deep', { 'a.txt': 'a\n' }, 'first feature commit');
    f2 = emulator.commitToBranch(repo, 'feature/deep', { 'b.txt': 'b\n' }, 'second\n\nwith a body');
  });

  const compare = (basehead: string, url = api) => fetchIn(url(`/repos/${repo}/compare/${basehead}`));

  test("ahead: the head commits oldest first, in GitHub's commit shape", async () => {
    const r = await compare('main...feature/deep');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ahead', ahead_by: 2, behind_by: 0, total_commits: 2, files: [] });
    expect(r.body.merge_base_commit.sha).toBe(root);
    expect(r.body.base_commit.sha).toBe(root);
    expect(r.body.base_commit.commit.message).toBe('Initial commit');
    expect(r.body.commits.map((c: any) => c.sha)).toEqual([f1, f2]);
    const [first, second] = r.body.commits;
    expect(first).toEqual({
      sha: f1,
      node_id: expect.any(String),
      commit: {
        author: {
          name: 'Upstream Octocat',
          email: 'upstream@users.noreply.github.com',
          date: authorDate(repo, f1)
        },
        committer: {
          name: 'Upstream Octocat',
          email: 'upstream@users.noreply.github.com',
          date: authorDate(repo, f1)
        },
        message: 'first feature commit',
        tree: {
          sha: emulator.git(repo, ['rev-parse', `${f1}^{tree}`]),
          url: `https://api.github.com/repos/${repo}/git/trees/${emulator.git(repo, ['rev-parse', `${f1}^{tree}`])}`
        },
        url: `https://api.github.com/repos/${repo}/git/commits/${f1}`,
        comment_count: 0,
        verification: {
          verified: false,
          reason: 'unsigned',
          signature: null,
          payload: null,
          verified_at: null
        }
      },
      url: `https://api.github.com/repos/${repo}/commits/${f1}`,
      html_url: `https://github.com/${repo}/commit/${f1}`,
      comments_url: `https://api.github.com/repos/${repo}/commits/${f1}/comments`,
      author: null,
      committer: null,
      parents: [
        {
          sha: root,
          url: `https://api.github.com/repos/${repo}/commits/${root}`,
          html_url: `https://github.com/${repo}/commit/${root}`
        }
      ]
    });
    expect(second.commit.message).toBe('second\n\nwith a body');
    expect(second.parents).toEqual([expect.objectContaining({ sha: f1 })]);
    expect(second.node_id).not.toBe(first.node_id);
    expect(r.body.html_url).toBe(`https://github.com/${repo}/compare/main...feature/deep`);
  });

  test('behind and identical', async () => {
    const behind = await compare('feature/deep...main');
    expect(behind.body).toMatchObject({
      status: 'behind',
      ahead_by: 0,
      behind_by: 2,
      total_commits: 0,
      commits: []
    });
    expect(behind.body.merge_base_commit.sha).toBe(root);
    expect(behind.body.base_commit.sha).toBe(f2);

    const same = await compare('feature/deep...feature/deep');
    expect(same.body).toMatchObject({
      status: 'identical',
      ahead_by: 0,
      behind_by: 0,
      total_commits: 0,
      commits: []
    });
    // A sha (full or abbreviated) works in place of a branch, on either side.
    const bySha = await compare(`${root.slice(0, 7)}...${f2}`);
    expect(bySha.body).toMatchObject({ status: 'ahead', ahead_by: 2 });
    expect((await compare(`main...${root}`)).body.status).toBe('identical');
    // OWNER:REF works too, and an URL-encoded basehead is the same thing.
    expect((await compare('cmp:main...cmp:feature/deep')).body.ahead_by).toBe(2);
    expect(
      (await compare(encodeURIComponent('main...feature/deep'))).body.commits.map((c: any) => c.sha)
    ).toEqual([f1, f2]);
  });

  test('diverged, through both layouts', async () => {
    const m1 = emulator.commitToBranch(repo, 'main', { 'm.txt': 'm\n' }, 'main moved');
    const r = await compare('main...feature/deep');
    expect(r.body).toMatchObject({ status: 'diverged', ahead_by: 2, behind_by: 1, total_commits: 2 });
    expect(r.body.merge_base_commit.sha).toBe(root);
    expect(r.body.base_commit.sha).toBe(m1);
    expect(r.body.commits.map((c: any) => c.sha)).toEqual([f1, f2]);
    const viaGhes = await compare('main...feature/deep', ghes);
    expect(viaGhes.status).toBe(200);
    expect(viaGhes.body.status).toBe('diverged');
    expect(viaGhes.body.commits[0].url).toBe(`https://localhost/api/v3/repos/${repo}/commits/${f1}`);
  });

  test('unknown sides, two dots and unrelated histories are 404', async () => {
    for (const basehead of [
      'main...nope',
      'nope...main',
      'main..feature/deep',
      'someone-else:main...feature/deep',
      'main...',
      `main...${'f'.repeat(40)}`
    ]) {
      const r = await compare(basehead);
      expect([basehead, r.status, r.body.message]).toEqual([basehead, 404, 'Not Found']);
    }
    emulator.git(repo, ['fast-import', '--quiet'], {
      input: 'commit refs/heads/orphan\ncommitter O <o@example.invalid> 1704103200 +0000\ndata 7\norphan\n\n'
    });
    const unrelated = await compare('main...orphan');
    expect(unrelated.status).toBe(404);
    expect(unrelated.body.message).toBe('No common ancestor between main and orphan.');
    expect((await fetchIn(api('/repos/cmp/none/compare/main...main'))).status).toBe(404);
  });

  describe("GitHub's paging rule", () => {
    let tip: string;
    beforeAll(() => {
      tip = emulator.branchSha(repo, 'main') as string;
      let stream = '';
      for (let i = 1; i <= 260; i++) {
        stream += `commit refs/heads/long\ncommitter L <l@example.invalid> ${1704200000 + i} +0000\ndata ${`c${i}`.length}\nc${i}\n`;
        if (i === 1) stream += `from ${tip}\n`;
        stream += '\n';
      }
      emulator.git(repo, ['fast-import', '--quiet'], { input: stream });
    });
    const messages = (r: FetchResult) => r.body.commits.map((c: any) => c.commit.message);

    test('without paging parameters: at most 250 commits, the last being the most recent; the counts cover them all', async () => {
      const r = await compare('main...long');
      expect(r.body).toMatchObject({ status: 'ahead', ahead_by: 260, total_commits: 260 });
      expect(r.body.commits).toHaveLength(250);
      expect(r.body.commits[0].commit.message).toBe('c11');
      expect(r.body.commits[249].commit.message).toBe('c260');
      expect(r.headers.link).toBeUndefined();
    });

    test('any paging parameter switches to pages of at most 100, oldest first, with a Link header', async () => {
      const first = await compare('main...long?per_page=250');
      expect(first.body).toMatchObject({ ahead_by: 260, total_commits: 260 });
      expect(messages(first)).toEqual(Array.from({ length: 100 }, (_, i) => `c${i + 1}`));
      expect(first.body.commits[0].parents[0].sha).toBe(tip);
      const base = `https://api.github.com/repos/${repo}/compare/main...long`;
      expect(first.headers.link).toBe(
        `<${base}?per_page=100&page=2>; rel="next", <${base}?per_page=100&page=3>; rel="last"`
      );
      const third = await compare('main...long?per_page=250&page=3');
      expect(messages(third)).toEqual(Array.from({ length: 60 }, (_, i) => `c${i + 201}`));
      expect(third.headers.link).toBe(
        `<${base}?per_page=100&page=2>; rel="prev", <${base}?per_page=100&page=1>; rel="first"`
      );
      // page alone pages too, 30 at a time.
      const second = await compare('main...long?page=2');
      expect(messages(second)).toEqual(Array.from({ length: 30 }, (_, i) => `c${i + 31}`));
      expect(messages(await compare('main...long?page=10'))).toEqual([]);
    });
  });
});

describe('pull request follow-ups: reviewers, assignees, milestones, issue updates', () => {
  const repo = 'pr/r';
  let pr: any;

  beforeAll(async () => {
    // Everyone these tests ask for reviews or assign is a collaborator (GitHub refuses others).
    emulator.createRepo(repo, {
      collaborators: ['alice', 'bob', 'carol', 'dave', 'zed', 'octo-bot'],
      teams: ['core', 'docs']
    });
    emulator.commitToBranch(repo, 'outbox/one', { 'one.txt': '1\n' });
    emulator.commitToBranch(repo, 'outbox/two', { 'two.txt': '2\n' });
    pr = await openPull(repo, 'outbox/one');
  });

  test('POST /pulls honours draft and maintainer_can_modify, and new fields start empty', async () => {
    expect(pr).toMatchObject({
      number: 1,
      draft: false,
      maintainer_can_modify: false,
      requested_reviewers: [],
      requested_teams: [],
      assignee: null,
      assignees: [],
      milestone: null,
      auto_merge: null,
      closed_at: null
    });
    const draft = await openPull(repo, 'outbox/two', { draft: true, maintainer_can_modify: true });
    expect(draft).toMatchObject({ number: 2, draft: true, maintainer_can_modify: true });
    expect(emulator.getPull(repo, 2)).toMatchObject({ draft: true, maintainer_can_modify: true });
    const again = await fetchIn(api(`/repos/${repo}/pulls/2`));
    expect(again.body).toMatchObject({ draft: true, maintainer_can_modify: true });
    expect(emulator.getPull(repo, 1)).toMatchObject({ draft: false, maintainer_can_modify: false });
    expect(emulator.getPull(repo, 3)).toBeNull();
    expect(emulator.pullsOf(repo).map((p) => p.number)).toEqual([1, 2]);
  });

  test('requested_reviewers: 201 with the PR, no duplicates, the author refused with 422', async () => {
    const r = await fetchIn(api(`/repos/${repo}/pulls/1/requested_reviewers`), {
      method: 'POST',
      body: { reviewers: ['alice', 'bob'], team_reviewers: ['core'] }
    });
    expect(r.status).toBe(201);
    expect(r.body.number).toBe(1);
    expect(r.body.requested_reviewers.map((u: any) => u.login)).toEqual(['alice', 'bob']);
    expect(r.body.requested_reviewers[0]).toMatchObject({
      login: 'alice',
      type: 'User',
      html_url: 'https://github.com/alice'
    });
    expect(r.body.requested_teams).toEqual([expect.objectContaining({ slug: 'core', name: 'core' })]);

    const more = await fetchIn(api(`/repos/${repo}/pulls/1/requested_reviewers`), {
      method: 'POST',
      body: { reviewers: ['ALICE', 'carol'] }
    });
    expect(more.body.requested_reviewers.map((u: any) => u.login)).toEqual(['alice', 'bob', 'carol']);

    const self = await fetchIn(api(`/repos/${repo}/pulls/1/requested_reviewers`), {
      method: 'POST',
      body: { reviewers: ['dave', 'Octo-Bot'] }
    });
    expect(self.status).toBe(422);
    expect(self.body).toEqual({
      message: 'Review cannot be requested from pull request author.',
      documentation_url:
        'https://docs.github.com/rest/pulls/review-requests#request-reviewers-for-a-pull-request'
    });
    // Nothing of a refused request is kept.
    expect(emulator.getPull(repo, 1)?.requested_reviewers.map((u: any) => u.login)).toEqual([
      'alice',
      'bob',
      'carol'
    ]);
    expect(emulator.getPull(repo, 1)?.requested_teams.map((t: any) => t.slug)).toEqual(['core']);

    const listed = await fetchIn(api(`/repos/${repo}/pulls/1/requested_reviewers`));
    expect(listed.body.users.map((u: any) => u.login)).toEqual(['alice', 'bob', 'carol']);
    expect(listed.body.teams.map((t: any) => t.slug)).toEqual(['core']);
    const removed = await fetchIn(api(`/repos/${repo}/pulls/1/requested_reviewers`), {
      method: 'DELETE',
      body: { reviewers: ['bob'], team_reviewers: ['core'] }
    });
    expect(removed.status).toBe(200);
    expect(removed.body.requested_reviewers.map((u: any) => u.login)).toEqual(['alice', 'carol']);
    expect(removed.body.requested_teams).toEqual([]);
    const pull = await fetchIn(api(`/repos/${repo}/pulls/1`));
    expect(pull.body.requested_reviewers.map((u: any) => u.login)).toEqual(['alice', 'carol']);

    const bad = await fetchIn(api(`/repos/${repo}/pulls/1/requested_reviewers`), {
      method: 'POST',
      body: { reviewers: 'alice' }
    });
    expect(bad.status).toBe(422);
    expect(
      (
        await fetchIn(api(`/repos/${repo}/pulls/9/requested_reviewers`), {
          method: 'POST',
          body: { reviewers: ['x'] }
        })
      ).status
    ).toBe(404);
  });

  test('issues/:n/assignees: 201 with the issue, kept on the PR', async () => {
    const r = await fetchIn(api(`/repos/${repo}/issues/1/assignees`), {
      method: 'POST',
      body: { assignees: ['alice', 'octo-bot'] }
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      number: 1,
      state: 'open',
      title: 'PR for outbox/one',
      html_url: `https://github.com/${repo}/pull/1`,
      url: `https://api.github.com/repos/${repo}/issues/1`,
      pull_request: { url: `https://api.github.com/repos/${repo}/pulls/1` },
      assignee: { login: 'alice' },
      user: { login: 'octo-bot' }
    });
    expect(r.body.assignees.map((u: any) => u.login)).toEqual(['alice', 'octo-bot']);
    const again = await fetchIn(api(`/repos/${repo}/issues/1/assignees`), {
      method: 'POST',
      body: { assignees: ['octo-bot', 'zed'] }
    });
    expect(again.body.assignees.map((u: any) => u.login)).toEqual(['alice', 'octo-bot', 'zed']);
    const pull = await fetchIn(api(`/repos/${repo}/pulls/1`));
    expect(pull.body.assignees.map((u: any) => u.login)).toEqual(['alice', 'octo-bot', 'zed']);
    expect(pull.body.assignee.login).toBe('alice');
    expect(emulator.getPull(repo, 1)?.assignees.map((u: any) => u.login)).toEqual([
      'alice',
      'octo-bot',
      'zed'
    ]);
    const bad = await fetchIn(api(`/repos/${repo}/issues/1/assignees`), {
      method: 'POST',
      body: { assignees: [7] }
    });
    expect(bad.status).toBe(422);
  });

  test('milestones: createMilestone, GET /milestones, PATCH /issues/:n with milestone and the rest', async () => {
    const v1 = emulator.createMilestone(repo, 'v1');
    const v2 = emulator.createMilestone(repo, 'v2', { description: 'second' });
    const old = emulator.createMilestone(repo, 'v0', { state: 'closed' });
    expect([v1, v2, old]).toEqual([1, 2, 3]);
    expect(() => emulator.createMilestone(repo, 'v1')).toThrow(/already has a milestone/);
    const list = await fetchIn(api(`/repos/${repo}/milestones`));
    expect(list.status).toBe(200);
    expect(list.body.map((m: any) => [m.number, m.title, m.state])).toEqual([
      [1, 'v1', 'open'],
      [2, 'v2', 'open']
    ]);
    expect(list.body[1]).toMatchObject({
      description: 'second',
      url: `https://api.github.com/repos/${repo}/milestones/2`,
      open_issues: 0
    });
    expect(
      (await fetchIn(api(`/repos/${repo}/milestones?state=all`))).body.map((m: any) => m.number)
    ).toEqual([1, 2, 3]);
    expect(
      (await fetchIn(api(`/repos/${repo}/milestones?state=closed`))).body.map((m: any) => m.number)
    ).toEqual([3]);

    const patched = await fetchIn(api(`/repos/${repo}/issues/1`), {
      method: 'PATCH',
      body: {
        milestone: v2,
        title: 'Retitled',
        body: 'new body',
        labels: ['x', { name: 'y' }],
        assignees: ['zed']
      }
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      number: 1,
      title: 'Retitled',
      body: 'new body',
      milestone: { number: 2, title: 'v2' },
      state: 'open'
    });
    expect(patched.body.labels.map((l: any) => l.name)).toEqual(['x', 'y']);
    expect(patched.body.assignees.map((u: any) => u.login)).toEqual(['zed']);
    expect(emulator.getPull(repo, 1)?.milestone).toEqual({ number: 2, title: 'v2' });
    const pull = await fetchIn(api(`/repos/${repo}/pulls/1`));
    expect(pull.body).toMatchObject({
      title: 'Retitled',
      body: 'new body',
      milestone: { number: 2, title: 'v2', open_issues: 1 }
    });
    expect(pull.body.labels.map((l: any) => l.name)).toEqual(['x', 'y']);

    const unknown = await fetchIn(api(`/repos/${repo}/issues/1`), {
      method: 'PATCH',
      body: { milestone: 99, title: 'not applied' }
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({
      message: 'Validation Failed',
      errors: [{ value: 99, resource: 'Issue', field: 'milestone', code: 'invalid' }]
    });
    expect(emulator.getPull(repo, 1)).toMatchObject({ title: 'Retitled', milestone: { number: 2 } });

    const cleared = await fetchIn(api(`/repos/${repo}/issues/1`), {
      method: 'PATCH',
      body: { milestone: null }
    });
    expect(cleared.body.milestone).toBeNull();
    expect(emulator.getPull(repo, 1)?.milestone).toBeNull();
    expect(
      (await fetchIn(api(`/repos/${repo}/issues/1`), { method: 'PATCH', body: { milestone: '1' } })).body
        .milestone.title
    ).toBe('v1');
  });

  test('PATCH /issues/:n state closes and reopens the pull request', async () => {
    const closed = await fetchIn(api(`/repos/${repo}/issues/2`), {
      method: 'PATCH',
      body: { state: 'closed' }
    });
    expect(closed.status).toBe(200);
    expect(closed.body.state).toBe('closed');
    expect(closed.body.closed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(emulator.getPull(repo, 2)?.state).toBe('closed');
    const open = await fetchIn(api(`/repos/${repo}/pulls?state=open`));
    expect(open.body.map((p: any) => p.number)).toEqual([1]);
    const reopened = await fetchIn(api(`/repos/${repo}/issues/2`), {
      method: 'PATCH',
      body: { state: 'open' }
    });
    expect(reopened.body).toMatchObject({ state: 'open', closed_at: null });
    expect(
      (await fetchIn(api(`/repos/${repo}/issues/2`), { method: 'PATCH', body: { state: 'merged' } })).status
    ).toBe(422);
  });

  test('the same calls through Octokit (@actions/github), on both layouts', async () => {
    emulator.commitToBranch(repo, 'outbox/three', { 'three.txt': '3\n' });
    const milestone = emulator.createMilestone(repo, 'octokit');
    // One node for both layouts: the same calls through each, the pull request closed in between
    // so that the second layout can open its own for the same head.
    const script = `
      const o = { owner: 'pr', repo: 'r' };
      const results = [];
      for (const baseUrl of ['https://api.github.com', 'https://localhost/api/v3']) {
        const octokit = client(baseUrl);
        const { data: created, status } = await octokit.rest.pulls.create({ ...o, title: 'via octokit', head: 'outbox/three', base: 'main', draft: true, maintainer_can_modify: false });
        const rr = await octokit.rest.pulls.requestReviewers({ ...o, pull_number: created.number, reviewers: ['alice'], team_reviewers: ['core'] });
        const as = await octokit.rest.issues.addAssignees({ ...o, issue_number: created.number, assignees: ['bob'] });
        const up = await octokit.rest.issues.update({ ...o, issue_number: created.number, milestone: ${milestone} });
        const cmp = await octokit.rest.repos.compareCommitsWithBasehead({ ...o, basehead: 'main...outbox/three' });
        let refused = null;
        try { await octokit.rest.pulls.requestReviewers({ ...o, pull_number: created.number, reviewers: ['octo-bot'] }); } catch (e) { refused = [e.status, e.message]; }
        const { data: got } = await octokit.rest.pulls.get({ ...o, pull_number: created.number });
        results.push({ baseUrl, status, number: created.number, draft: created.draft, rr: rr.status, reviewers: rr.data.requested_reviewers.map((u) => u.login),
          as: as.status, assignees: as.data.assignees.map((u) => u.login), up: [up.status, up.data.milestone.title],
          cmp: [cmp.data.status, cmp.data.ahead_by, cmp.data.commits.length], refused,
          got: [got.requested_teams.map((t) => t.slug), got.assignee.login, got.milestone.number] });
        await octokit.rest.pulls.update({ ...o, pull_number: created.number, state: 'closed' });
      }
      return results;
    `;
    const mark = emulator.requests.length;
    const r = await octokit(script);
    expect(r.ok).toBe(true);
    expect(r.value.map((one: any) => one.baseUrl)).toEqual([
      'https://api.github.com',
      'https://localhost/api/v3'
    ]);
    for (const one of r.value) {
      expect(one).toEqual({
        baseUrl: one.baseUrl,
        status: 201,
        number: one.number,
        draft: true,
        rr: 201,
        reviewers: ['alice'],
        as: 201,
        assignees: ['bob'],
        up: [200, 'octokit'],
        cmp: ['ahead', 1, 1],
        refused: [422, expect.stringContaining('Review cannot be requested from pull request author.')],
        got: [['core'], 'bob', milestone]
      });
    }
    // Each layout's calls reached the emulator on its own host.
    expect([...new Set(emulator.requests.slice(mark).map((x) => x.host))]).toEqual([
      'api.github.com',
      'localhost'
    ]);
  });
});

describe('GraphQL enablePullRequestAutoMerge', () => {
  const allowed = 'am/allowed';
  const denied = 'am/denied';
  let prA: any;
  let prD: any;

  const MUTATION = `mutation EnableAutoMerge($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod) {
  enablePullRequestAutoMerge(input: {pullRequestId: $pullRequestId, mergeMethod: $mergeMethod}) {
    pullRequest { id number autoMergeRequest { mergeMethod enabledAt enabledBy { login } } }
  }
}`;

  beforeAll(async () => {
    emulator.createRepo(allowed, { allowAutoMerge: true });
    emulator.createRepo(denied);
    emulator.commitToBranch(allowed, 'outbox/am', { 'am.txt': 'am\n' });
    emulator.commitToBranch(denied, 'outbox/am', { 'am.txt': 'am\n' });
    prA = await openPull(allowed, 'outbox/am');
    prD = await openPull(denied, 'outbox/am');
  });

  test('repo JSON reflects allow_auto_merge; PR node ids are unique and stable', async () => {
    expect((await fetchIn(api(`/repos/${allowed}`))).body.allow_auto_merge).toBe(true);
    expect((await fetchIn(api(`/repos/${denied}`))).body.allow_auto_merge).toBe(false);
    expect(prA.number).toBe(1);
    expect(prD.number).toBe(1);
    expect(prA.node_id).not.toBe(prD.node_id);
    expect((await fetchIn(api(`/repos/${allowed}/pulls/1`))).body.node_id).toBe(prA.node_id);
    expect(emulator.getPull(allowed, 1)?.node_id).toBe(prA.node_id);
  });

  test('allowed: records auto_merge on the PR and answers with the selected fields', async () => {
    const mark = emulator.requests.length;
    const r = await graphql({
      query: MUTATION,
      variables: { pullRequestId: prA.node_id, mergeMethod: 'SQUASH' }
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      data: {
        enablePullRequestAutoMerge: {
          pullRequest: {
            id: prA.node_id,
            number: 1,
            autoMergeRequest: {
              mergeMethod: 'SQUASH',
              enabledAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
              enabledBy: { login: 'octo-bot' }
            }
          }
        }
      }
    });
    expect(emulator.getPull(allowed, 1)?.auto_merge).toMatchObject({
      merge_method: 'squash',
      enabled_by: { login: 'octo-bot' }
    });
    const rest = await fetchIn(api(`/repos/${allowed}/pulls/1`));
    expect(rest.body.auto_merge).toEqual({
      merge_method: 'squash',
      enabled_by: expect.objectContaining({ login: 'octo-bot' }),
      // GitHub's API description types both as strings: the squash headline GitHub would use.
      commit_title: `${prA.title} (#1)`,
      commit_message: '',
      author_email: null
    });
    const logged = emulator.requests.slice(mark).find((x) => x.kind === 'graphql');
    expect(logged).toMatchObject({
      path: '/graphql',
      status: 200,
      operation: 'enablePullRequestAutoMerge',
      operationName: 'EnableAutoMerge',
      operationType: 'mutation',
      variables: { pullRequestId: prA.node_id, mergeMethod: 'SQUASH' }
    });
  });

  test('inline literals, an alias, a fragment, comments and a default merge method all parse', async () => {
    const query = `# enable it
      mutation {
        am: enablePullRequestAutoMerge(input: { pullRequestId: "${prA.node_id}", mergeMethod: REBASE, clientMutationId: "c-1" }) {
          clientMutationId
          pr: pullRequest { ...Bits ... on PullRequest { headRefName } ... on Issue { neverIncluded } }
        }
      }
      fragment Bits on PullRequest { number state auto: autoMergeRequest { how: mergeMethod } __typename }`;
    const r = await graphql({ query });
    expect(r.body).toEqual({
      data: {
        am: {
          clientMutationId: 'c-1',
          pr: {
            number: 1,
            state: 'OPEN',
            auto: { how: 'REBASE' },
            __typename: 'PullRequest',
            headRefName: 'outbox/am'
          }
        }
      }
    });
    expect(emulator.requests.at(-1)).toMatchObject({
      operation: 'enablePullRequestAutoMerge',
      operationName: null
    });
    expect(emulator.getPull(allowed, 1)?.auto_merge.merge_method).toBe('rebase');

    // The whole input as one variable, no mergeMethod: GitHub's default is MERGE.
    const whole = await graphql({
      query:
        'mutation($input: EnablePullRequestAutoMergeInput!) { enablePullRequestAutoMerge(input: $input) { pullRequest { autoMergeRequest { mergeMethod } } } }',
      variables: { input: { pullRequestId: prA.node_id } }
    });
    expect(whole.body.data.enablePullRequestAutoMerge.pullRequest.autoMergeRequest.mergeMethod).toBe('MERGE');
    expect(emulator.getPull(allowed, 1)?.auto_merge.merge_method).toBe('merge');
  });

  test('not allowed by the repository: HTTP 200 with data null and an UNPROCESSABLE error', async () => {
    const r = await graphql({
      query: MUTATION,
      variables: { pullRequestId: prD.node_id, mergeMethod: 'SQUASH' }
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      data: { enablePullRequestAutoMerge: null },
      errors: [
        {
          type: 'UNPROCESSABLE',
          path: ['enablePullRequestAutoMerge'],
          locations: [{ line: 2, column: 3 }],
          message: 'Pull request Auto merge is not allowed for this repository'
        }
      ]
    });
    expect(emulator.getPull(denied, 1)?.auto_merge).toBeNull();
    expect((await fetchIn(api(`/repos/${denied}/pulls/1`))).body.auto_merge).toBeNull();
    // Turning the setting on makes the same request succeed.
    emulator.updateRepo(denied, { allowAutoMerge: true });
    const later = await graphql({
      query: MUTATION,
      variables: { pullRequestId: prD.node_id, mergeMethod: 'MERGE' }
    });
    expect(later.body.errors).toBeUndefined();
    expect(emulator.getPull(denied, 1)?.auto_merge.merge_method).toBe('merge');
  });

  test('unknown node id, bad merge method, parse errors, disabling, closing, and the GHES endpoint', async () => {
    const missing = await graphql({
      query: MUTATION,
      variables: { pullRequestId: 'PR_nope', mergeMethod: 'SQUASH' }
    });
    expect(missing.body).toMatchObject({
      data: { enablePullRequestAutoMerge: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['enablePullRequestAutoMerge'],
          message: "Could not resolve to a node with the global id of 'PR_nope'."
        }
      ]
    });
    const badMethod = await graphql({
      query: MUTATION,
      variables: { pullRequestId: prA.node_id, mergeMethod: 'squash' }
    });
    expect(badMethod.body.data).toBeUndefined();
    expect(badMethod.body.errors[0].message).toContain("Argument 'mergeMethod'");
    const broken = await graphql({
      query: 'mutation { enablePullRequestAutoMerge(input: {pullRequestId: "x"} { id }'
    });
    expect(broken.body.errors[0].message).toMatch(/^Parse error on "\{" \(LCURLY\) at \[1, \d+\]$/);
    expect(emulator.requests.at(-1)?.operation).toBeNull();

    const disabled = await graphql({
      query:
        'mutation Off($id: ID!) { disablePullRequestAutoMerge(input: {pullRequestId: $id}) { pullRequest { autoMergeRequest { mergeMethod } } } }',
      variables: { id: prA.node_id }
    });
    expect(disabled.body).toEqual({
      data: { disablePullRequestAutoMerge: { pullRequest: { autoMergeRequest: null } } }
    });
    expect(emulator.getPull(allowed, 1)?.auto_merge).toBeNull();

    const viaGhes = await fetchIn('https://localhost/api/graphql', {
      method: 'POST',
      body: { query: MUTATION, variables: { pullRequestId: prA.node_id, mergeMethod: 'SQUASH' } }
    });
    expect(viaGhes.body.data.enablePullRequestAutoMerge.pullRequest.autoMergeRequest.mergeMethod).toBe(
      'SQUASH'
    );
    // Closing a pull request disables its auto-merge.
    await fetchIn(api(`/repos/${allowed}/pulls/1`), { method: 'PATCH', body: { state: 'closed' } });
    expect(emulator.getPull(allowed, 1)?.auto_merge).toBeNull();

    // Through Octokit's graphql client as well.
    emulator.updateRepo(allowed, { allowAutoMerge: false });
    // Both calls in one node: a granted one, then one refused (GraphQL errors thrown as such).
    const both = await octokit(`
      const granted = await octokit.graphql(${JSON.stringify(MUTATION)}, { pullRequestId: ${JSON.stringify(prD.node_id)}, mergeMethod: 'REBASE' });
      try {
        await octokit.graphql(${JSON.stringify(MUTATION)}, { pullRequestId: ${JSON.stringify(prA.node_id)} });
        return { granted, refused: { ok: true } };
      } catch (err) {
        return { granted, refused: { ok: false, name: err.name, message: err.message } };
      }
    `);
    expect(both.ok).toBe(true);
    expect(both.value.granted).toMatchObject({
      enablePullRequestAutoMerge: {
        pullRequest: { number: 1, autoMergeRequest: { mergeMethod: 'REBASE' } }
      }
    });
    const refused = both.value.refused;
    expect(refused.ok).toBe(false);
    expect(refused.name).toBe('GraphqlResponseError');
    expect(refused.message).toContain('Pull request Auto merge is not allowed for this repository');
  });
});

describe('"Allow GitHub Actions to create and approve pull requests" off', () => {
  test('POST /pulls answers 403 and creates nothing until the setting is turned on', async () => {
    const repo = 'act/r';
    emulator.createRepo(repo, { actionsCanCreatePullRequests: false });
    emulator.commitToBranch(repo, 'outbox/x', { 'x.txt': 'x\n' });
    const r = await fetchIn(api(`/repos/${repo}/pulls`), {
      method: 'POST',
      body: { title: 't', head: 'outbox/x', base: 'main' }
    });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({
      message: 'GitHub Actions is not permitted to create or approve pull requests.',
      documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request'
    });
    expect(emulator.pullsOf(repo)).toEqual([]);
    emulator.updateRepo(repo, { actionsCanCreatePullRequests: true });
    const after = await fetchIn(api(`/repos/${repo}/pulls`), {
      method: 'POST',
      body: { title: 't', head: 'outbox/x', base: 'main' }
    });
    expect(after.status).toBe(201);
    expect(emulator.pullsOf(repo).map((p) => p.number)).toEqual([1]);
  });
});

describe('closing, head.sha and branch deletion', () => {
  const repo = 'close/r';
  beforeAll(() => {
    emulator.createRepo(repo);
  });

  test('PATCH /pulls/:n state closed sets closed_at, leaves ?state=open, freezes head.sha', async () => {
    const first = emulator.commitToBranch(repo, 'deep/nested/branch', { 'n.txt': '1\n' });
    await openPull(repo, 'deep/nested/branch');
    // head.sha is live in the stored record while the pull request is open.
    const moved = emulator.commitToBranch(repo, 'deep/nested/branch', { 'n.txt': '2\n' });
    expect(moved).not.toBe(first);
    expect(emulator.getPull(repo, 1)?.head.sha).toBe(moved);
    expect(emulator.pulls.find((p) => p.base.repo.full_name === repo && p.number === 1)?.head.sha).toBe(
      moved
    );

    const closed = await fetchIn(api(`/repos/${repo}/pulls/1`), {
      method: 'PATCH',
      body: { state: 'closed' }
    });
    expect(closed.body.state).toBe('closed');
    expect(closed.body.closed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect((await fetchIn(api(`/repos/${repo}/pulls?state=open`))).body).toEqual([]);
    expect((await fetchIn(api(`/repos/${repo}/pulls?state=closed`))).body.map((p: any) => p.number)).toEqual([
      1
    ]);
    emulator.commitToBranch(repo, 'deep/nested/branch', { 'n.txt': '3\n' });
    expect(emulator.getPull(repo, 1)?.head.sha).toBe(moved);
    expect((await fetchIn(api(`/repos/${repo}/pulls/1`))).body.head.sha).toBe(moved);

    const del = await fetchIn(api(`/repos/${repo}/git/refs/heads/deep/nested/branch`), { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(emulator.branchSha(repo, 'deep/nested/branch')).toBeNull();
    expect(
      (await fetchIn(api(`/repos/${repo}/git/refs/heads/deep/nested/branch`), { method: 'DELETE' })).status
    ).toBe(422);
  });

  test('deleting the head branch of an open pull request closes it, as on GitHub', async () => {
    emulator.commitToBranch(repo, 'a/b/c', { 'c.txt': 'c\n' });
    await openPull(repo, 'a/b/c');
    expect(emulator.getPull(repo, 2)?.state).toBe('open');
    const del = await fetchIn(api(`/repos/${repo}/git/refs/${encodeURIComponent('heads/a/b/c')}`), {
      method: 'DELETE'
    });
    expect(del.status).toBe(204);
    expect(emulator.pulls.find((p) => p.base.repo.full_name === repo && p.number === 2)).toMatchObject({
      state: 'closed',
      closed_at: expect.any(String)
    });
    // It cannot be reopened while its head branch is gone.
    const reopen = await fetchIn(api(`/repos/${repo}/pulls/2`), { method: 'PATCH', body: { state: 'open' } });
    expect(reopen.status).toBe(422);
  });
});

describe('beforeGit hook with real git', () => {
  const repo = 'race/r';
  let env: NodeJS.ProcessEnv;
  let work: string;
  const git = (args: string[]) => ok('git', args, { env, cwd: work });
  const remoteUrl = `https://x-access-token:${TOKENS.bot}@github.com/${repo}.git`;

  beforeAll(async () => {
    emulator.createRepo(repo);
    const dir = tempDir('emu-race-');
    env = gitClientEnv(dir, emulatorEnv(emulator));
    work = path.join(dir, 'work');
    await ok('git', ['clone', remoteUrl, work], { env, cwd: dir });
    await git(['checkout', '-b', 'outbox/race']);
    writeFileSync(path.join(work, 'mine.txt'), '1\n');
    await git(['add', 'mine.txt']);
    await git(['commit', '-m', 'mine 1']);
    await git(['push', 'origin', 'outbox/race']);
  });

  test('a competing commit pushed from the hook makes the real push fail; the hook runs once, on the POST', async () => {
    await openPull(repo, 'outbox/race');
    await git(['fetch', 'origin']);
    writeFileSync(path.join(work, 'mine.txt'), '2\n');
    await git(['commit', '-am', 'mine 2']);
    const mine = (await git(['rev-parse', 'HEAD'])).stdout.trim();

    let competing = '';
    const seen: Array<{ method: string; path: string }> = [];
    const hook = emulator.beforeGit({ repo, service: 'git-receive-pack' }, async (entry) => {
      seen.push({ method: entry.method, path: entry.path });
      await new Promise((r) => setTimeout(r, 20)); // the callback really is awaited
      competing = emulator.commitToBranch(
        repo,
        'outbox/race',
        { 'theirs.txt': 'theirs\n' },
        'competing push'
      );
    });
    const mark = emulator.requests.length;
    const push = await run('git', ['push', 'origin', 'outbox/race'], { env, cwd: work });
    expect(push.code).not.toBe(0);
    // The client saw the old tip advertised and sent a fast-forward from it; the server's ref had
    // moved meanwhile, so receive-pack refuses to update it.
    expect(push.stderr).toMatch(
      /! \[remote rejected\]\s+outbox\/race -> outbox\/race \(failed to update ref\)/
    );
    expect(push.stderr).toContain("cannot lock ref 'refs/heads/outbox/race'");
    expect(emulator.branchSha(repo, 'outbox/race')).toBe(competing);
    expect(competing).not.toBe(mine);
    await expect(hook.done).resolves.toBeUndefined();
    expect(hook.fired()).toBe(1);
    expect(seen).toEqual([{ method: 'POST', path: `/${repo}.git/git-receive-pack` }]);
    const gitReqs = emulator.requests.slice(mark).filter((x) => x.kind === 'git' && x.status !== 401);
    expect(gitReqs.map((x) => [x.method, x.path.replace(`/${repo}.git`, ''), x.hooked === true])).toEqual([
      ['GET', '/info/refs', false],
      ['POST', '/git-receive-pack', true]
    ]);
    expect(emulator.getPull(repo, 1)?.head.sha).toBe(competing);

    // The hook is spent: after integrating their commit the next push goes through untouched.
    await git(['pull', '--no-rebase', '--no-edit', 'origin', 'outbox/race']);
    const merged = (await git(['rev-parse', 'HEAD'])).stdout.trim();
    await git(['push', 'origin', 'outbox/race']);
    expect(emulator.branchSha(repo, 'outbox/race')).toBe(merged);
    expect(hook.fired()).toBe(1);
    expect(emulator.getPull(repo, 1)?.head.sha).toBe(merged);
  });

  test("stage 'advertisement' moves the ref before the client looks: git refuses locally (fetch first)", async () => {
    writeFileSync(path.join(work, 'mine.txt'), '3\n');
    await git(['commit', '-am', 'mine 3']);
    const hook = emulator.beforeGit({ repo, service: 'git-receive-pack', stage: 'advertisement' }, () => {
      emulator.commitToBranch(repo, 'outbox/race', { 'theirs.txt': 'again\n' }, 'competing again');
    });
    const push = await run('git', ['push', 'origin', 'outbox/race'], { env, cwd: work });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/! \[rejected\]\s+outbox\/race -> outbox\/race \(fetch first\)/);
    expect(hook.fired()).toBe(1);
    // Having fetched their commit, the same push is a plain non-fast-forward.
    await git(['fetch', 'origin']);
    const nonFF = await run('git', ['push', 'origin', 'outbox/race'], { env, cwd: work });
    expect(nonFF.stderr).toMatch(/! \[rejected\]\s+outbox\/race -> outbox\/race \(non-fast-forward\)/);
    await git(['reset', '-q', '--hard', 'origin/outbox/race']);
  });

  test('git-upload-pack hooks run before the fetch (protocol v2: before its ls-refs), `times` counts', async () => {
    let n = 0;
    const once = emulator.beforeGit({ repo, service: 'git-upload-pack' }, () => {
      n++;
      emulator.commitToBranch(repo, 'main', { 'up.txt': `${n}\n` }, `upstream ${n}`);
    });
    await git(['fetch', 'origin', 'main']);
    expect(n).toBe(1);
    await expect(once.done).resolves.toBeUndefined();
    // What the hook committed before the fetch was served is what the fetch brought back.
    expect((await git(['rev-parse', 'origin/main'])).stdout.trim()).toBe(emulator.branchSha(repo, 'main'));

    const twice = emulator.beforeGit({ repo, service: 'git-upload-pack', times: 2 }, () => {
      n++;
      emulator.commitToBranch(repo, 'main', { 'up.txt': `${n}\n` }, `upstream ${n}`);
    });
    // ls-remote (v2) makes one POST: ls-refs, and lists what the hook just committed.
    for (const expected of [2, 3, 3]) {
      const ls = await git(['ls-remote', 'origin', 'refs/heads/main']);
      expect(n).toBe(expected);
      expect(ls.stdout).toBe(`${emulator.branchSha(repo, 'main')}\trefs/heads/main\n`);
    }
    expect(twice.fired()).toBe(2);
    // Hooks are per repository and service: a push to another repository does not trigger one.
    const other = emulator.beforeGit({ repo: 'cmp/r', service: 'git-receive-pack' }, () => {
      throw new Error('must not run');
    });
    await git(['push', 'origin', 'HEAD:refs/heads/unhooked']);
    expect(other.fired()).toBe(0);
    other.cancel();
  });

  test('a hook that throws fails that request with a 500 and rejects done', async () => {
    const hook = emulator.beforeGit({ repo, service: 'git-receive-pack' }, () => {
      throw new Error('hook exploded');
    });
    await git(['commit', '--allow-empty', '-m', 'after the explosion']);
    const push = await run('git', ['push', 'origin', 'HEAD:refs/heads/exploded'], { env, cwd: work });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/500|RPC failed/);
    await expect(hook.done).rejects.toThrow('hook exploded');
    expect(
      emulator.requests
        .filter((x) => x.hookError)
        .map((x) => [x.method, x.status, x.hookError?.split('\n')[0]])
    ).toEqual([['POST', 500, 'Error: hook exploded']]);
    expect(emulator.branchSha(repo, 'exploded')).toBeNull();
    expect(() => emulator.beforeGit({ repo: 'no/such', service: 'git-receive-pack' }, () => {})).toThrow(
      /no repository/
    );
  });

  test('git push --delete of a head branch closes its open pull request', async () => {
    await git(['push', 'origin', 'HEAD:refs/heads/to-delete']);
    await openPull(repo, 'to-delete');
    const number = emulator.pullsOf(repo).at(-1)?.number as number;
    expect(emulator.getPull(repo, number)?.state).toBe('open');
    await git(['push', 'origin', '--delete', 'to-delete']);
    expect(emulator.getPull(repo, number)?.state).toBe('closed');
  });
});
