/**
 * Reruns converge and write nothing new: every run has its own GITHUB_RUN_ID (as on GitHub), a
 * rerun with nothing new makes no API write, the pull request's extras are reconciled on every
 * run, what GitHub refuses after a publish is a warning naming the input, and refused calls name
 * the permission they need.
 */
import {
  expectFailure,
  expectSuccess,
  newRepo,
  publish,
  pushesTo,
  useEmulator,
  type Emulator,
  type Run
} from './support.js';

const TOKEN = 'ghs_e2eConvergeToken0000000000000001';
const suite = useEmulator((emulator) => emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null }));
const em = (): Emulator => suite.emulator;

type LogEntry = Emulator['requests'][number];

/** The action's own API requests (gh's login makes a few of its own, with its own user agent). */
function actionApiRequests(since: number): LogEntry[] {
  return em()
    .requests.slice(since)
    .filter(
      (r) =>
        (r.kind === 'rest' || r.kind === 'graphql') &&
        !String(r.headers['user-agent'] ?? '').startsWith('GitHub CLI')
    );
}

/** Requests that change something: REST other than GET, GraphQL mutations. */
function writes(entries: LogEntry[]): string[] {
  return entries
    .filter((r) => (r.kind === 'rest' ? r.method !== 'GET' : r.operationType === 'mutation'))
    .map((r) => `${r.method} ${r.path} ${r.operation ?? ''}`.trim());
}

function logins(users: Array<{ login: string }>): string[] {
  return users.map((u) => u.login);
}

function warnings(run: Run): string[] {
  return run.main.log
    .split('\n')
    .filter((line) => line.startsWith('::warning::'))
    .map((line) => line.slice('::warning::'.length).replace(/%0A/g, '\n'));
}

describe('pull request extras converge', () => {
  // One pull request taken through every rerun: a run with extras to add, one that puts back what
  // someone took off, and reruns with nothing new (from a new workflow run and as a re-run).
  let repo: string;
  let milestone: number;
  let first: Run;
  let extras: Record<string, string>;
  beforeAll(async () => {
    repo = newRepo(em(), 'extras', undefined, {
      allowAutoMerge: true,
      collaborators: ['ann', 'bob'],
      teams: ['core']
    });
    milestone = em().createMilestone(repo, 'v2');
    const base = {
      repo,
      'target-branch': 'main',
      run: 'echo generated > generated.txt',
      labels: 'automation'
    };
    first = await publish({ token: TOKEN, inputs: base });
    extras = {
      ...base,
      labels: 'automation, AUTOMATION, generated',
      reviewers: 'ann',
      'team-reviewers': 'core',
      assignees: 'bob',
      milestone: String(milestone),
      'auto-merge': 'merge'
    };
  });

  test('on a rerun with the branch unchanged, what is missing is added and nothing else is written', async () => {
    expectSuccess(first);
    expect(first.outputs['pull-request-operation']).toBe('created');
    const pushes = pushesTo(em(), repo);
    const events = em().events.length;

    const run = await publish({ token: TOKEN, inputs: extras });
    expectSuccess(run);
    expect(run.outputs).toMatchObject({ 'pull-request-operation': 'updated', pushed: 'false' });
    expect(pushesTo(em(), repo)).toBe(pushes);
    const pr = em().pullsOf(repo)[0];
    expect(logins(pr.requested_reviewers)).toEqual(['ann']);
    expect(pr.requested_teams.map((t: { slug: string }) => t.slug)).toEqual(['core']);
    expect(logins(pr.assignees)).toEqual(['bob']);
    expect(pr.milestone).toMatchObject({ number: milestone });
    expect(pr.auto_merge).toMatchObject({ merge_method: 'merge' });
    expect(pr.labels.map((l: { name: string }) => l.name)).toEqual(['automation', 'generated']);
    const actions = em()
      .events.slice(events)
      .map((e) => e.action);
    expect(actions).not.toContain('edited');
    expect(actions.sort()).toEqual(
      [
        'assigned',
        'auto_merge_enabled',
        'labeled',
        'milestoned',
        'review_requested',
        'review_requested'
      ].sort()
    );

    // Someone takes a label and the assignee off; the next run puts back only those.
    em().getPull(repo, 1)!.labels = em()
      .getPull(repo, 1)!
      .labels.filter((l: { name: string }) => l.name !== 'generated');
    em().getPull(repo, 1)!.assignees = [];
    const mark = em().requests.length;
    const back = await publish({ token: TOKEN, inputs: extras });
    expect(back.outputs['pull-request-operation']).toBe('updated');
    expect(writes(actionApiRequests(mark))).toEqual([
      `POST /repos/${repo}/issues/1/labels`,
      `POST /repos/${repo}/issues/1/assignees`
    ]);
  });

  // Every extra is in place now.
  test('a rerun with nothing new is unchanged from a new workflow run: no API write, no pull_request event, at most 2 API requests', async () => {
    const firstRunLink = `https://github.com/octo-org/workflows/actions/runs/${first.env.GITHUB_RUN_ID}`;
    expect(em().pullsOf(repo)[0].body).toContain(firstRunLink);

    const mark = em().requests.length;
    const events = em().events.length;
    const pushes = pushesTo(em(), repo);
    const second = await publish({ token: TOKEN, inputs: extras });
    expectSuccess(second);
    expect(second.env.GITHUB_RUN_ID).not.toBe(first.env.GITHUB_RUN_ID);
    expect(second.outputs).toMatchObject({
      'pull-request-operation': 'unchanged',
      pushed: 'false',
      'pull-request-number': '1'
    });
    expect(warnings(second)).toEqual([]);
    const requests = actionApiRequests(mark);
    expect(writes(requests)).toEqual([]);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /repos/${repo}/pulls`]);
    expect(requests.length).toBeLessThanOrEqual(2);
    expect(em().events.slice(events)).toEqual([]);
    expect(pushesTo(em(), repo)).toBe(pushes);
    // The body still links the run that opened the pull request.
    expect(em().pullsOf(repo)[0].body).toContain(firstRunLink);

    // A re-run of the same run (same id, next attempt) is just as quiet, and a reviewer who
    // reviewed meanwhile is not asked again (GitHub took them off the requested reviewers).
    em().submitReview(repo, 1, 'ann', { forTeam: 'core' });
    const again = em().requests.length;
    const attempt = await publish({
      token: TOKEN,
      inputs: extras,
      env: { GITHUB_RUN_ID: second.env.GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT: '2' }
    });
    expect(attempt.outputs['pull-request-operation']).toBe('unchanged');
    expect(writes(actionApiRequests(again))).toEqual([]);
  });
});

const RESOURCE_NOT_ACCESSIBLE = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest'
};

describe('one pull request from opened to closed', () => {
  // Opened with a reviewer and an assignee GitHub refuses, then edited, refused an edit, given
  // the reviewer, and closed: one action run per step, on one pull request.
  let repo: string;
  let inputs: Record<string, string>;
  let first: Run;
  beforeAll(async () => {
    repo = newRepo(em(), 'rerun', undefined, { collaborators: ['ann'] });
    inputs = {
      repo,
      run: 'echo generated > generated.txt',
      title: 'Regenerate',
      reviewers: 'ann, mallory',
      assignees: 'ann, mallory'
    };
    first = await publish({ token: TOKEN, inputs });
  });
  const withBody = (): Record<string, string> => ({ ...inputs, body: 'Regenerated nightly.' });

  test('a reviewer who is not a collaborator is a warning naming the input; the others are asked', () => {
    expectSuccess(first);
    expect(first.outputs).toMatchObject({
      'pull-request-operation': 'created',
      'pull-request-number': '1',
      pushed: 'true'
    });
    expect(warnings(first)).toEqual([
      expect.stringMatching(
        /^Input 'reviewers': no review was requested from 'mallory': .*422.*Reviews may only be requested from collaborators\. One or more of the users or teams you specified is not a collaborator of the octo-org\/rerun-\d+ repository\./s
      ),
      expect.stringMatching(/^Input 'assignees': GitHub did not assign 'mallory' to pull request #1/)
    ]);
    expect(logins(em().pullsOf(repo)[0].requested_reviewers)).toEqual(['ann']);
    expect(logins(em().pullsOf(repo)[0].assignees)).toEqual(['ann']);
  });

  test('a new body or title is written once, as one edit; a rerun with the branch unchanged tries the reviewer again', async () => {
    const events = em().events.length;
    const changed = await publish({ token: TOKEN, inputs: withBody() });
    expect(changed.outputs).toMatchObject({ 'pull-request-operation': 'updated', pushed: 'false' });
    expect(em().events.slice(events)).toEqual([{ repo, number: 1, action: 'edited', detail: 'title,body' }]);
    expect(em().pullsOf(repo)[0].body).toBe('Regenerated nightly.');

    // The rerun finds the branch unchanged and still tries the reviewer again (and warns again).
    const mark = em().requests.length;
    const rerun = await publish({ token: TOKEN, inputs: withBody() });
    expectSuccess(rerun);
    expect(rerun.outputs['pull-request-operation']).toBe('unchanged');
    expect(em().events.slice(events)).toHaveLength(1);
    expect(warnings(rerun)[0]).toMatch(/^Input 'reviewers': .*not a collaborator/s);
    expect(writes(actionApiRequests(mark))).toContain(`POST /repos/${repo}/pulls/1/requested_reviewers`);
  });

  test('a 403 updating the pull request names pull-requests: write', async () => {
    em().failNext({
      method: 'PATCH',
      pathPattern: /\/pulls\/1$/,
      status: 403,
      body: RESOURCE_NOT_ACCESSIBLE
    });
    const update = await publish({ token: TOKEN, inputs: { ...withBody(), title: 'New title' } });
    expectFailure(update, /^GitHub refused updating pull request #1 \(403\).*'pull-requests: write'/s);
  });

  test('once the reviewer is a collaborator, the next run asks for the review', async () => {
    em().repo(repo).collaborators.add('mallory');
    const fixed = await publish({ token: TOKEN, inputs: withBody() });
    expect(fixed.outputs['pull-request-operation']).toBe('updated');
    expect(warnings(fixed)).toEqual([]);
    expect(logins(em().pullsOf(repo)[0].requested_reviewers)).toEqual(['ann', 'mallory']);
  });

  test('closing with delete-branch: a refused deletion and comment are warnings, the pull request is closed, the outputs are set', async () => {
    em().commitToBranch(repo, 'main', { 'generated.txt': 'generated\n' }, 'Merged upstream');
    em().failNext({
      method: 'POST',
      pathPattern: /\/issues\/1\/comments$/,
      status: 403,
      body: RESOURCE_NOT_ACCESSIBLE
    });
    em().failNext({
      method: 'DELETE',
      pathPattern: /\/git\/refs\/heads(%2F|\/)outbox(%2F|\/)main$/,
      status: 403,
      body: RESOURCE_NOT_ACCESSIBLE
    });
    const run = await publish({ token: TOKEN, inputs: { ...withBody(), 'delete-branch': 'true' } });
    expectSuccess(run);
    expect(run.outputs).toMatchObject({
      'pull-request-operation': 'closed',
      'pull-request-number': '1',
      pushed: 'false'
    });
    expect(em().getPull(repo, 1)?.state).toBe('closed');
    expect(em().branchSha(repo, 'outbox/main')).not.toBeNull();
    const [comment, deletion] = warnings(run);
    expect(comment).toMatch(
      /^GitHub refused commenting on pull request #1 \(403\): Resource not accessible by integration\n.*'pull-requests: write'.*'repo'/s
    );
    expect(deletion).toMatch(
      /^Input 'delete-branch': GitHub refused deleting branch 'outbox\/main' \(403\).*'contents: write'.*classic personal access token needs the scope 'repo'.*\nPull request #1 was closed; delete the branch 'outbox\/main' by hand\./s
    );
  });
});

describe('after a successful publish, every step is best effort', () => {
  test('a refused label write, a missing milestone and auto-merge the repository does not allow are warnings; outputs are set; the next run adds the label', async () => {
    const repo = newRepo(em(), 'extras');
    em().failNext({
      method: 'POST',
      pathPattern: /\/issues\/1\/labels$/,
      status: 403,
      body: RESOURCE_NOT_ACCESSIBLE
    });
    const inputs = {
      repo,
      run: 'echo generated > generated.txt',
      milestone: '7',
      'auto-merge': 'squash',
      labels: 'automation'
    };
    const run = await publish({ token: TOKEN, inputs });
    expectSuccess(run);
    expect(run.outputs).toMatchObject({
      'pull-request-operation': 'created',
      'pull-request-number': '1',
      pushed: 'true'
    });
    expect(warnings(run)).toEqual([
      expect.stringMatching(
        /^Input 'labels': GitHub refused adding labels to pull request #1 \(403\): Resource not accessible by integration\n.*'issues: write'/s
      ),
      expect.stringMatching(
        /^Input 'milestone': GitHub answered 422 while setting milestone 7 on pull request #1: Validation Failed/
      ),
      expect.stringMatching(/^Auto-merge was not enabled: .*not allowed.*'auto-merge'/)
    ]);
    expect(em().pullsOf(repo)[0].auto_merge ?? null).toBeNull();

    // The next run adds the label, though the milestone and auto-merge fail again.
    const rerun = await publish({ token: TOKEN, inputs });
    expect(rerun.outputs['pull-request-operation']).toBe('updated');
    expect(warnings(rerun)).toEqual([
      expect.stringMatching(/^Input 'milestone': GitHub answered 422 while setting milestone 7/),
      expect.stringMatching(/^Auto-merge was not enabled: .*not allowed.*'auto-merge'/)
    ]);
    expect(
      em()
        .pullsOf(repo)[0]
        .labels.map((l: { name: string }) => l.name)
    ).toEqual(['automation']);
  });
});

describe('a 403 names the permission', () => {
  test('creating the pull request: pull-requests: write, and the classic scope', async () => {
    const repo = newRepo(em(), 'forbidden');
    em().failNext({
      method: 'POST',
      pathPattern: /\/pulls$/,
      status: 403,
      body: {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request'
      }
    });
    const run = await publish({ token: TOKEN, inputs: { repo, run: 'echo generated > generated.txt' } });
    expectFailure(
      run,
      /^GitHub refused creating the pull request \(403\): Resource not accessible by integration\n.*needs 'pull-requests: write'.*'permissions:'.*classic personal access token needs the scope 'repo' \('public_repo' is enough for a public repository\)/s
    );
  });
});
