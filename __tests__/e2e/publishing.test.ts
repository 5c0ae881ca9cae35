/**
 * The publishing engine end to end: existing checkouts, the outbox, push mode, foreign commits,
 * merged changes, sessions from events and pull request details, against the emulator.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  BOT,
  expectFailure,
  expectSuccess,
  newRepo,
  publish,
  pushesTo,
  useEmulator,
  type Emulator,
  type Run
} from './support.js';

const TOKEN = 'ghs_e2ePublishingToken000000000000001';
/** What actions/checkout would have left in the clone: a different, also valid, token. */
const CHECKOUT_TOKEN = 'ghs_e2eCheckoutToken0000000000000002';

const suite = useEmulator((emulator) => {
  emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null });
  emulator.addToken(CHECKOUT_TOKEN, { login: 'checkout[bot]', scopes: null });
});
const em = (): Emulator => suite.emulator;

/** Plain local git on disk (no network), for building fixtures. */
function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env }
  }).trim();
}

const DEV = {
  GIT_AUTHOR_NAME: 'Dev Eloper',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Dev Eloper',
  GIT_COMMITTER_EMAIL: 'dev@example.com'
};

function root(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-e2e-'));
}

/** A clone like actions/checkout leaves: shallow, origin on github.com, its token in the config. */
function checkoutClone(
  fullName: string,
  dir: string,
  style: 'extraheader' | 'includeIf',
  runnerTemp: string
): void {
  const bare = em().repo(fullName).bareDir;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  execFileSync('git', ['clone', '-q', '--depth', '1', `file://${bare}`, dir]);
  git(dir, ['remote', 'set-url', 'origin', `https://github.com/${fullName}`]);
  const header = `AUTHORIZATION: basic ${Buffer.from(`x-access-token:${CHECKOUT_TOKEN}`).toString('base64')}`;
  if (style === 'extraheader') {
    git(dir, ['config', '--local', 'http.https://github.com/.extraheader', header]);
  } else {
    fs.mkdirSync(runnerTemp, { recursive: true });
    const credentials = path.join(runnerTemp, 'git-credentials-e2e.config');
    fs.writeFileSync(credentials, `[http "https://github.com/"]\n\textraheader = ${header}\n`);
    git(dir, ['config', '--local', `includeIf.gitdir:${path.join(dir, '.git')}.path`, credentials]);
  }
}

function gitTokensFor(fullName: string): Set<string> {
  return new Set(
    em()
      .requests.filter((r) => r.kind === 'git' && r.path.startsWith(`/${fullName}`) && r.token)
      .map((r) => r.token as string)
  );
}

function branchLog(fullName: string, range: string): string[] {
  return em()
    .git(fullName, [
      'log',
      '--reverse',
      '--format=%an <%ae>|%ad|%s|%(trailers:key=Published-by,valueonly,separator=)',
      '--date=iso-strict',
      range
    ])
    .split('\n');
}

/** A repository with nested folders that only a complete clone checks out. */
const FILES = {
  'README.md': '# Sample\n',
  'data/old.txt': 'old\n',
  'data/deep/keep.txt': 'keep\n',
  'other/untouched.txt': 'untouched\n',
  'from/name.txt': 'renamed\n'
};

/**
 * One run serves three tests and the foreign-commit reruns: started by a repository_dispatch event
 * that names the repository and target branch, with a run script and every pull request detail.
 */
let detailsResult: Promise<{ repo: string; milestone: number; result: Run }> | undefined;
function detailsRun(): Promise<{ repo: string; milestone: number; result: Run }> {
  detailsResult ??= (async () => {
    const repo = newRepo(em(), 'details', FILES, {
      allowAutoMerge: true,
      collaborators: ['ann', 'bob'],
      teams: ['core'],
      branches: { release: { files: { 'a.txt': 'release\n' } } }
    });
    const milestone = em().createMilestone(repo, 'v1');
    const dir = root();
    const event = path.join(dir, 'event.json');
    fs.writeFileSync(
      event,
      JSON.stringify({ action: 'publish', client_payload: { repo, target_branch: 'release' } })
    );
    const result = await publish({
      token: TOKEN,
      root: dir,
      env: { GITHUB_EVENT_NAME: 'repository_dispatch', GITHUB_EVENT_PATH: event },
      inputs: {
        run: 'cat other/untouched.txt > copy.txt',
        reviewers: 'ann, bob',
        'team-reviewers': 'core',
        assignees: 'ann',
        milestone: String(milestone),
        'auto-merge': 'squash',
        'maintainer-can-modify': 'false'
      }
    });
    return { repo, milestone, result };
  })();
  return detailsResult;
}

describe('an existing checkout', () => {
  test.each(['extraheader', 'includeIf'] as const)(
    "its workflow commit and uncommitted change are published with our token, not checkout's (%s)",
    async (style) => {
      const repo = newRepo(em(), 'checkout');
      const dir = root();
      const clone = path.join(dir, 'workspace', 'repo');
      checkoutClone(repo, clone, style, path.join(dir, 'runner-temp'));
      fs.writeFileSync(path.join(clone, 'feature.txt'), 'from the workflow\n');
      git(clone, ['add', 'feature.txt']);
      git(clone, ['commit', '-q', '-m', 'Add feature from the workflow'], {
        ...DEV,
        GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z'
      });
      fs.appendFileSync(path.join(clone, 'README.md'), 'Edited, not committed.\n');
      fs.writeFileSync(path.join(clone, 'untracked.txt'), 'new\n');
      const configBefore = fs.readFileSync(path.join(clone, '.git', 'config'), 'utf8');
      const headBefore = git(clone, ['rev-parse', 'HEAD']);
      const statusBefore = git(clone, ['status', '--porcelain']);

      const result = await publish({
        token: TOKEN,
        root: dir,
        inputs: { repo, path: 'repo', 'commit-message': 'Publish workspace edits' }
      });
      expectSuccess(result);
      // The work is taken over into the action's own clone (the `path` output), under RUNNER_TEMP;
      // the clone at `path` is only read: same HEAD, same uncommitted changes.
      expect(result.outputs).toMatchObject({
        'pull-request-operation': 'created',
        pushed: 'true',
        commits: '2'
      });
      expect(result.outputs.path).toMatch(
        new RegExp(`^${path.join(dir, 'runner-temp')}/outbox-publisher-clone-[^/]+/${repo.split('/')[1]}$`)
      );
      expect(git(result.outputs.path, ['log', '-1', '--format=%s'])).toBe('Publish workspace edits');
      expect(git(clone, ['rev-parse', 'HEAD'])).toBe(headBefore);
      expect(git(clone, ['status', '--porcelain'])).toBe(statusBefore);
      const log = branchLog(repo, 'main..outbox/main');
      expect(log).toEqual([
        'Dev Eloper <dev@example.com>|2026-01-02T03:04:05+00:00|Add feature from the workflow|outbox-publisher',
        expect.stringMatching(/^github-actions\[bot\] .*\|Publish workspace edits\|outbox-publisher$/)
      ]);
      expect(em().readTree(repo, 'outbox/main')).toMatchObject({
        'feature.txt': 'from the workflow\n',
        'untracked.txt': 'new\n',
        'README.md': '# Sample\nEdited, not committed.\n'
      });
      expect(gitTokensFor(repo)).toEqual(new Set([TOKEN]));
      expect(fs.readFileSync(path.join(clone, '.git', 'config'), 'utf8')).toBe(configBefore);
    }
  );

  test('a clone of another repository is refused', async () => {
    const repo = newRepo(em(), 'checkout');
    const other = newRepo(em(), 'other');
    const dir = root();
    checkoutClone(other, path.join(dir, 'workspace', 'repo'), 'extraheader', path.join(dir, 'runner-temp'));
    const result = await publish({ token: TOKEN, root: dir, inputs: { repo, path: 'repo' } });
    expectFailure(
      result,
      new RegExp(`^Input 'path': .* is a clone of 'https://github.com/${other}', not of ${repo}`)
    );
    expect(pushesTo(em(), repo)).toBe(0);
  });
});

describe('the outbox', () => {
  /** The git requests made to `repo` since request `from`, and how many fetches (ref advertisements) they hold. */
  function gitRequests(repo: string, from: number): { all: number; fetches: number; challenged: number } {
    const git = em()
      .requests.slice(from)
      .filter((r) => r.kind === 'git' && r.path.startsWith(`/${repo}.git/`));
    return {
      all: git.length,
      fetches: git.filter((r) => r.method === 'GET' && r.query.service === 'git-upload-pack').length,
      challenged: git.filter((r) => r.status === 401).length
    };
  }

  /** Two patches by different authors, made against the repository's main. */
  function makePatches(fullName: string): string {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'patches-'));
    execFileSync('git', ['clone', '-q', `file://${em().repo(fullName).bareDir}`, work]);
    fs.writeFileSync(path.join(work, 'alice.txt'), 'by alice\n');
    git(work, ['add', '.']);
    git(work, ['commit', '-q', '-m', 'Alice adds a file', '-m', 'With a body.'], {
      GIT_AUTHOR_NAME: 'Alice',
      GIT_AUTHOR_EMAIL: 'alice@example.com',
      GIT_AUTHOR_DATE: '2026-03-01T10:00:00Z',
      GIT_COMMITTER_NAME: 'Alice',
      GIT_COMMITTER_EMAIL: 'alice@example.com'
    });
    fs.appendFileSync(path.join(work, 'README.md'), 'Bob was here.\n');
    git(work, ['commit', '-q', '-am', 'Bob edits the README'], {
      GIT_AUTHOR_NAME: 'Bob',
      GIT_AUTHOR_EMAIL: 'bob@example.com',
      GIT_AUTHOR_DATE: '2026-03-02T11:00:00Z',
      GIT_COMMITTER_NAME: 'Bob',
      GIT_COMMITTER_EMAIL: 'bob@example.com'
    });
    const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
    git(work, ['format-patch', '-q', '-2', '-o', outbox]);
    return outbox;
  }

  function placeOutbox(dir: string, source: string): void {
    fs.cpSync(source, path.join(dir, 'workspace', 'outbox'), { recursive: true });
  }

  test('two patches keep their authors and subjects; a rerun adds nothing; merged upstream closes the PR', async () => {
    const repo = newRepo(em(), 'outbox');
    const patches = makePatches(repo);
    expect(fs.readdirSync(patches)).toHaveLength(2);

    const dir = root();
    placeOutbox(dir, patches);
    const mark = em().requests.length;
    const first = await publish({ token: TOKEN, root: dir, inputs: { repo, outbox: 'outbox' } });
    expectSuccess(first);
    expect(first.outputs).toMatchObject({ 'pull-request-operation': 'created', commits: '2' });
    // main's tip was committed long before the patches were written: nothing on it can hold them,
    // so the patch-id check fetches no history. One fetch (ref advertisement, ls-refs, fetch) and
    // one push (advertisement, receive-pack), each sending the token at once.
    expect(gitRequests(repo, mark)).toEqual({ all: 5, fetches: 1, challenged: 0 });
    expect(branchLog(repo, 'main..outbox/main')).toEqual([
      'Alice <alice@example.com>|2026-03-01T10:00:00+00:00|Alice adds a file|outbox-publisher',
      'Bob <bob@example.com>|2026-03-02T11:00:00+00:00|Bob edits the README|outbox-publisher'
    ]);
    expect(em().git(repo, ['log', '-1', '--format=%b', 'outbox/main~1'])).toContain('With a body.');
    expect(em().git(repo, ['log', '-1', '--format=%cn <%ce>', 'outbox/main'])).toBe(BOT);

    const pushes = pushesTo(em(), repo);
    const rerunRoot = root();
    placeOutbox(rerunRoot, patches);
    const rerun = await publish({ token: TOKEN, root: rerunRoot, inputs: { repo, outbox: 'outbox' } });
    expect(rerun.outputs).toMatchObject({
      'pull-request-operation': 'unchanged',
      pushed: 'false',
      'pull-request-number': first.outputs['pull-request-number']
    });
    expect(pushesTo(em(), repo)).toBe(pushes);
    expect(em().git(repo, ['rev-list', '--count', 'main..outbox/main'])).toBe('2');

    // The maintainers merge the PR's commits into main (fast-forward); the next publish finds nothing left.
    em().git(repo, ['update-ref', 'refs/heads/main', em().branchSha(repo, 'outbox/main')!]);
    const mergedRoot = root();
    placeOutbox(mergedRoot, patches);
    const beforeMerged = em().requests.length;
    const merged = await publish({
      token: TOKEN,
      root: mergedRoot,
      inputs: { repo, outbox: 'outbox', 'delete-branch': 'true' }
    });
    expectSuccess(merged);
    expect(merged.main.log).toContain('Skipped');
    // main's tip is newer than the patches now: its history since then was fetched to find them.
    expect(gitRequests(repo, beforeMerged).fetches).toBeGreaterThan(1);
    expect(merged.outputs).toMatchObject({
      'pull-request-operation': 'closed',
      pushed: 'false',
      commits: '0'
    });
    const pr = em().getPull(repo, Number(first.outputs['pull-request-number']));
    expect(pr?.state).toBe('closed');
    expect(em().comments.some((c) => String(c.body).includes('Closed by outbox-publisher'))).toBe(true);
    expect(em().branchSha(repo, 'outbox/main')).toBeNull();
  });

  test('a patch that does not apply fails naming the file, and nothing is pushed', async () => {
    const repo = newRepo(em(), 'outbox');
    const patches = makePatches(repo);
    const broken = path.join(patches, '0003-broken.patch');
    fs.writeFileSync(
      broken,
      [
        'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001',
        'From: Mallory <mallory@example.com>',
        'Date: Tue, 3 Mar 2026 12:00:00 +0000',
        'Subject: [PATCH] Edit a file that is not there',
        '',
        '---',
        ' missing.txt | 2 +-',
        '',
        'diff --git a/missing.txt b/missing.txt',
        'index 1111111..2222222 100644',
        '--- a/missing.txt',
        '+++ b/missing.txt',
        '@@ -1 +1 @@',
        '-old',
        '+new',
        '--',
        '2.39.5',
        ''
      ].join('\n')
    );
    const dir = root();
    placeOutbox(dir, patches);
    const result = await publish({ token: TOKEN, root: dir, inputs: { repo, outbox: 'outbox' } });
    expectFailure(result, /^Outbox file '0003-broken\.patch' does not apply on 'main': .*missing\.txt/s);
    expect(pushesTo(em(), repo)).toBe(0);
    expect(em().branchSha(repo, 'outbox/main')).toBeNull();
  });
});

describe('publishing without a run script', () => {
  /** A patch and a bundle of two commits made against main, touching nested and new folders. */
  function makeOutbox(fullName: string, dir: string): void {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sparse-src-'));
    execFileSync('git', ['clone', '-q', `file://${em().repo(fullName).bareDir}`, work]);
    fs.appendFileSync(path.join(work, 'data', 'deep', 'keep.txt'), 'edited\n');
    fs.mkdirSync(path.join(work, 'new', 'dir'), { recursive: true });
    fs.writeFileSync(path.join(work, 'new', 'dir', 'file.txt'), 'new\n');
    fs.mkdirSync(path.join(work, 'to'));
    git(work, ['mv', 'from/name.txt', 'to/name.txt']);
    git(work, ['add', '.']);
    git(work, ['commit', '-q', '-m', 'Patch: edit deep, add new/dir, rename from/ to to/'], DEV);
    const outbox = path.join(dir, 'workspace', 'outbox');
    fs.mkdirSync(outbox, { recursive: true });
    git(work, ['format-patch', '-q', '-M', '-1', '-o', outbox]);
    // The bundle's commit is made on main as well: each outbox file is its own line of work.
    git(work, ['reset', '-q', '--hard', 'origin/main']);
    fs.mkdirSync(path.join(work, 'moved'));
    git(work, ['mv', 'data/old.txt', 'moved/old.txt']);
    git(work, ['commit', '-q', '-m', 'Bundle: move data/old.txt'], DEV);
    fs.writeFileSync(path.join(work, 'two.txt'), '2\n');
    git(work, ['add', 'two.txt']);
    git(work, ['commit', '-q', '-m', 'Bundle: add two.txt'], DEV);
    git(work, ['bundle', 'create', '-q', path.join(outbox, 'z-work.bundle'), 'origin/main..HEAD']);
  }

  test('the clone checks out only what the outbox changes; the published tree is complete; a bundle is published commit by commit', async () => {
    const repo = newRepo(em(), 'sparse', FILES);
    const dir = root();
    makeOutbox(repo, dir);
    const result = await publish({ token: TOKEN, root: dir, inputs: { repo, outbox: 'outbox' } });
    expectSuccess(result);
    expect(result.main.log).toContain('No run script: the clone checks out only top-level files');
    expect(result.outputs).toMatchObject({ 'pull-request-operation': 'created', commits: '3' });
    expect(branchLog(repo, 'main..outbox/main').map((line) => line.split('|')[2])).toEqual([
      'Patch: edit deep, add new/dir, rename from/ to to/',
      'Bundle: move data/old.txt',
      'Bundle: add two.txt'
    ]);
    expect(em().readTree(repo, 'outbox/main')).toEqual({
      'README.md': '# Sample\n',
      'two.txt': '2\n',
      'data/deep/keep.txt': 'keep\nedited\n',
      'moved/old.txt': 'old\n',
      'new/dir/file.txt': 'new\n',
      'other/untouched.txt': 'untouched\n',
      'to/name.txt': 'renamed\n'
    });
    const clone = result.outputs.path;
    expect(fs.existsSync(path.join(clone, 'other', 'untouched.txt'))).toBe(false);
    expect(fs.readFileSync(path.join(clone, 'new', 'dir', 'file.txt'), 'utf8')).toBe('new\n');
    expect(fs.existsSync(path.join(clone, 'moved', 'old.txt'))).toBe(true);
    expect(fs.readFileSync(path.join(clone, 'to', 'name.txt'), 'utf8')).toBe('renamed\n');
  });

  test('push mode publishes the outbox from a sparse clone too', async () => {
    const repo = newRepo(em(), 'sparse-push', FILES);
    const dir = root();
    makeOutbox(repo, dir);
    const result = await publish({
      token: TOKEN,
      root: dir,
      inputs: { repo, outbox: 'outbox', mode: 'push' }
    });
    expectSuccess(result);
    expect(result.outputs).toMatchObject({ pushed: 'true', commits: '3' });
    expect(Object.keys(em().readTree(repo, 'main')).sort()).toEqual([
      'README.md',
      'data/deep/keep.txt',
      'moved/old.txt',
      'new/dir/file.txt',
      'other/untouched.txt',
      'to/name.txt',
      'two.txt'
    ]);
  });

  test('with a run script the clone is complete', async () => {
    const { repo, result } = await detailsRun();
    expectSuccess(result);
    expect(result.main.log).not.toContain('No run script');
    expect(em().readTree(repo, 'outbox/release')['copy.txt']).toBe('untouched\n');
  });
});

describe('push mode', () => {
  // One run, with a writer pushing to the target between our clone and our push, serves three
  // tests: the writer's commit kept and ours on top, the moved target told apart from a refusal
  // (push-rules.test.ts), and add-paths and signoff through the rebase (commit-shaping.test.ts).
  let repo = '';
  let theirs = '';
  let result: Run;
  let hookDone: Promise<void>;
  beforeAll(async () => {
    repo = newRepo(em(), 'push');
    hookDone = em().beforeGit({ repo, service: 'git-receive-pack' }, () => {
      theirs = em().commitToBranch(repo, 'main', { 'theirs.txt': 'concurrent\n' }, 'Concurrent change');
    }).done;
    result = await publish({
      token: TOKEN,
      inputs: {
        repo,
        mode: 'push',
        run: 'echo ours > ours.txt && echo local > data/old.txt',
        'add-paths': 'ours.txt',
        signoff: 'true',
        'commit-message': 'Our change'
      }
    });
    await hookDone;
  });

  test('a writer who pushes between our clone and our push keeps their commit; ours goes on top, nothing forced', () => {
    expectSuccess(result);
    expect(result.outputs).toMatchObject({
      pushed: 'true',
      'pull-request-operation': 'none',
      commits: '1',
      branch: 'main'
    });
    const main = em().branchSha(repo, 'main')!;
    expect(result.outputs['head-sha']).toBe(main);
    expect(em().git(repo, ['log', '-1', '--format=%P %s', main])).toBe(`${theirs} Our change`);
    expect(em().readTree(repo, 'main')).toMatchObject({ 'theirs.txt': 'concurrent\n', 'ours.txt': 'ours\n' });
    expect(em().pullsOf(repo)).toEqual([]);
    expect(result.main.log).toMatch(/moved on GitHub .*rebasing onto it/);
  });

  test('the target moved during the push (receive-pack loses the race): told apart from a refusal, rebased and pushed again', () => {
    expectSuccess(result);
    expect(result.main.log).toMatch(/'main' moved on GitHub \((cannot lock ref|failed to update ref)/);
    expect(pushesTo(em(), repo)).toBe(2);
  });

  test('add-paths and signoff: the rebase onto the moved target keeps the changes left out, and the sign-off', () => {
    expectSuccess(result);
    expect(result.outputs['changed-files']).toBe('1');
    expect(em().readTree(repo, 'main')['data/old.txt']).toBe('old\n');
    expect(em().git(repo, ['log', '-1', '--format=%B', 'main'])).toContain(`Signed-off-by: ${BOT}`);
    expect(fs.readFileSync(path.join(result.outputs.path, 'data', 'old.txt'), 'utf8')).toBe('local\n');
  });

  test('a conflicting concurrent change fails cleanly and pushes nothing of ours', async () => {
    const repo = newRepo(em(), 'push');
    let theirs = '';
    em().beforeGit({ repo, service: 'git-receive-pack' }, async () => {
      theirs = em().commitToBranch(repo, 'main', { 'README.md': 'their readme\n' }, 'Their README');
    });
    const result = await publish({
      token: TOKEN,
      inputs: { repo, mode: 'push', run: 'echo our readme > README.md' }
    });
    expectFailure(result, /^Our commits conflict with what was pushed to 'main' meanwhile/);
    expect(em().branchSha(repo, 'main')).toBe(theirs);
  });

  test('no changes: nothing pushed', async () => {
    const repo = newRepo(em(), 'push');
    const before = em().branchSha(repo, 'main');
    const result = await publish({ token: TOKEN, inputs: { repo, mode: 'push', run: 'true' } });
    expect(result.outputs).toMatchObject({ pushed: 'false', commits: '0', 'pull-request-operation': 'none' });
    expect(em().branchSha(repo, 'main')).toBe(before);
  });
});

describe('sessions from events', () => {
  test('repository_dispatch client_payload names the repository and target branch', async () => {
    const { repo, result } = await detailsRun();
    expectSuccess(result);
    expect(result.main.log).toContain(`using client_payload.repo from the triggering event: ${repo}`);
    expect(result.outputs).toMatchObject({ branch: 'outbox/release', 'pull-request-operation': 'created' });
    expect(em().pullsOf(repo)[0]).toMatchObject({ base: expect.objectContaining({ ref: 'release' }) });
    expect(em().readTree(repo, 'outbox/release')['a.txt']).toBe('release\n');
  });
});

describe('pull request details', () => {
  test('reviewers, assignees, milestone, auto-merge and maintainer_can_modify', async () => {
    const { repo, milestone, result } = await detailsRun();
    expectSuccess(result);
    const pr = em().pullsOf(repo)[0];
    expect(pr.requested_reviewers.map((u: { login: string }) => u.login)).toEqual(['ann', 'bob']);
    expect(pr.requested_teams.map((t: { slug: string }) => t.slug)).toEqual(['core']);
    expect(pr.assignees.map((u: { login: string }) => u.login)).toEqual(['ann']);
    expect(pr.milestone).toMatchObject({ number: milestone });
    expect(pr.maintainer_can_modify).toBe(false);
    expect(pr.auto_merge).toMatchObject({ merge_method: 'squash' });
    expect(
      em().requests.some(
        (r) => r.kind === 'graphql' && /enablePullRequestAutoMerge/.test(String(r.operation ?? ''))
      )
    ).toBe(true);
  });
  // 'a repository where Actions may not create pull requests gets the setting named' is a unit
  // test now (__tests__/unit/api-errors.test.ts); converge.test.ts proves a refused creation's wiring.
});

describe('foreign commits on the pull request branch', () => {
  // On the pull request the dispatched run opened (after the tests that read its details).
  test('are refused with a list, then replaced only when allowed', async () => {
    const { repo, result: first } = await detailsRun();
    expect(first.outputs['pull-request-operation']).toBe('created');
    const foreign = em().commitToBranch(
      repo,
      'outbox/release',
      { 'manual.txt': 'fixed by hand\n' },
      'Manual fix by a reviewer'
    );
    const inputs = { repo, 'target-branch': 'release', run: 'echo v2 > gen.txt' };

    const refused = await publish({ token: TOKEN, inputs });
    expectFailure(
      refused,
      new RegExp(
        `holds 1 commit\\(s\\) that outbox-publisher did not make:\\n\\s+${foreign.slice(0, 12)} Manual fix by a reviewer.*overwrite-foreign-commits: true`,
        's'
      )
    );
    expect(em().branchSha(repo, 'outbox/release')).toBe(foreign);

    const allowed = await publish({
      token: TOKEN,
      inputs: { ...inputs, 'overwrite-foreign-commits': 'true' }
    });
    expect(allowed.outputs).toMatchObject({ 'pull-request-operation': 'updated', pushed: 'true' });
    expect(em().readTree(repo, 'outbox/release')['gen.txt']).toBe('v2\n');
    expect(em().readTree(repo, 'outbox/release')['manual.txt']).toBeUndefined();
  });
});
