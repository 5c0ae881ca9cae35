/**
 * Which commits on the pull request branch are someone else's work (issue 14), read with git
 * whatever the branch's length (issue 9): the target rewritten under our commit, fixes pushed on
 * top of it, branches rewritten by someone else, and branches of hundreds of commits.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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

const TOKEN = 'ghs_e2eHistoryToken000000000000000001';
const suite = useEmulator((emulator) => {
  emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null });
});
const em = (): Emulator => suite.emulator;

const TRAILER = 'Published-by: outbox-publisher';
const MAINTAINER = { name: 'Main Tainer', email: 'maintainer@example.com' };

/** The repository's main with one more commit on it, the one a maintainer later rewrites. */
function repoWithWorkOnMain(prefix: string): string {
  const repo = newRepo(em(), prefix);
  em().commitToBranch(repo, 'main', { 'work.txt': 'first\n' }, 'Work on main (#1)');
  em().commitToBranch(repo, 'main', { 'work.txt': 'second\n' }, 'More work on main (#1)');
  return repo;
}

/** A new commit of `tree` on `parent`, on no branch. */
function commitTree(repo: string, tree: string, parent: string, message: string): string {
  const env = {
    GIT_AUTHOR_NAME: MAINTAINER.name,
    GIT_AUTHOR_EMAIL: MAINTAINER.email,
    GIT_COMMITTER_NAME: MAINTAINER.name,
    GIT_COMMITTER_EMAIL: MAINTAINER.email
  };
  return em().git(repo, ['commit-tree', tree, '-p', parent, '-m', message], { env });
}

/** A new commit on `parent` with `files` changed, on no branch (made on a scratch branch, then dropped). */
function commitOn(repo: string, parent: string, files: Record<string, string>, message: string): string {
  const scratch = `scratch/${Math.random().toString(36).slice(2)}`;
  const sha = em().commitToBranch(repo, scratch, files, message, { from: parent });
  em().git(repo, ['update-ref', '-d', `refs/heads/${scratch}`]);
  return sha;
}

/**
 * What a maintainer does to main after the pull request was opened. Each leaves main's old tip off
 * main; in this order each finds the history it needs (squashed: two commits above the root).
 */
const REWRITES: Record<string, (repo: string) => string> = {
  squashed: (repo) =>
    em().forcePushBranch(
      repo,
      'main',
      commitTree(repo, em().git(repo, ['rev-parse', 'main^{tree}']), 'main~2', 'Squash (#1)')
    ),
  'amended and force-pushed': (repo) =>
    em().forcePushBranch(
      repo,
      'main',
      commitOn(repo, 'main~1', { 'work.txt': 'second, amended\n' }, 'More work on main (#1), amended')
    ),
  'its tip dropped': (repo) => em().forcePushBranch(repo, 'main', 'main~1')
};

/** Git fetches the action made of `repo` since request `from` (one ref advertisement each). */
function fetchesOf(repo: string, from: number): number {
  return em()
    .requests.slice(from)
    .filter(
      (r) =>
        r.kind === 'git' &&
        r.method === 'GET' &&
        r.path === `/${repo}.git/info/refs` &&
        r.query.service === 'git-upload-pack' &&
        r.status === 200
    ).length;
}

function compareCalls(repo: string): number {
  return em().requests.filter((r) => r.kind === 'rest' && r.path.startsWith(`/repos/${repo}/compare/`))
    .length;
}

function isAncestor(repo: string, ancestor: string, of: string): boolean {
  try {
    em().git(repo, ['merge-base', '--is-ancestor', ancestor, of]);
    return true;
  } catch {
    return false;
  }
}

/** Commits `count` commits onto `branch` from `parent` in one fast-import; `message(i)` and `files(i)` make commit i (1-based). */
interface ImportedCommit {
  message: string;
  author?: string;
  files?: Record<string, string>;
}

function importCommits(
  repo: string,
  branch: string,
  parent: string,
  count: number,
  commit: (i: number) => ImportedCommit
): string[] {
  let stream = '';
  for (let i = 1; i <= count; i++) {
    const {
      message,
      author = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
      files = {}
    } = commit(i);
    const data = Buffer.byteLength(message);
    stream += `commit refs/heads/${branch}\nmark :${i}\nauthor ${author} ${1704200000 + i} +0000\ncommitter ${author} ${1704200000 + i} +0000\ndata ${data}\n${message}\n`;
    if (i === 1) stream += `from ${parent}\n`;
    for (const [file, content] of Object.entries(files))
      stream += `M 100644 inline ${file}\ndata ${Buffer.byteLength(content)}\n${content}\n`;
    stream += '\n';
  }
  em().git(repo, ['fast-import', '--quiet', '--force'], { input: stream });
  return em()
    .git(repo, ['rev-list', '--reverse', `${parent}..${branch}`])
    .split('\n');
}

/**
 * One pull request branch taken through every case in turn (one action run each, no run spent on
 * setting a case up): each rerun that succeeds leaves what a first publish leaves, our one commit
 * on main's tip, and each refusal is undone by putting our commit back, as a maintainer would.
 */
describe('one pull request branch, rewritten under it and beside it', () => {
  let repo: string;
  let first: Run;
  /** Our commit on the branch, as the last successful run left it. */
  let ours: string;
  beforeAll(async () => {
    repo = repoWithWorkOnMain('rewrite');
    first = await publish({ token: TOKEN, inputs: { repo, run: 'echo v1 > gen.txt' } });
    ours = em().branchSha(repo, 'outbox/main')!;
  });

  /** Puts main back to two commits above the root, as a squash needs (main~2). */
  let more = 0;
  function moreWorkOnMain(): void {
    more++;
    em().commitToBranch(repo, 'main', { 'more.txt': `${more}\n` }, `More work on main (#${more + 1})`);
  }

  /** A rerun (plain publish, or with an existing clone) after main was rewritten: rebuilt on the new tip. */
  async function expectRebuiltAfterRewrite(
    oldMain: string,
    newMain: string,
    options: { root?: string; path?: string } = {}
  ): Promise<{ rerun: Run; mark: number }> {
    expect(isAncestor(repo, oldMain, newMain)).toBe(false);
    const mark = em().requests.length;
    const rerun = await publish({
      token: TOKEN,
      root: options.root,
      inputs: { repo, run: 'echo v1 > gen.txt', ...(options.path ? { path: options.path } : {}) }
    });
    expectSuccess(rerun);
    expect(rerun.outputs).toMatchObject({
      'pull-request-operation': 'updated',
      pushed: 'true',
      'pull-request-number': first.outputs['pull-request-number']
    });
    const tip = em().branchSha(repo, 'outbox/main')!;
    expect(rerun.outputs['head-sha']).toBe(tip);
    expect(em().git(repo, ['log', '-1', '--format=%P', tip])).toBe(newMain);
    expect(isAncestor(repo, oldMain, tip)).toBe(false);
    expect(em().readTree(repo, 'outbox/main')).toEqual({ ...em().readTree(repo, 'main'), 'gen.txt': 'v1\n' });
    ours = tip;
    return { rerun, mark };
  }

  // The common case first: nothing changed, one fetch, no other request for the branch's history.
  test('a rerun with nothing changed is unchanged, with one fetch', async () => {
    expect(first.outputs['pull-request-operation']).toBe('created');
    const mark = em().requests.length;
    const same = await publish({ token: TOKEN, inputs: { repo, run: 'echo v1 > gen.txt' } });
    expect(same.outputs['pull-request-operation']).toBe('unchanged');
    expect(fetchesOf(repo, mark)).toBe(1);
    expect(compareCalls(repo)).toBe(0);
  });

  test.each(Object.keys(REWRITES))(
    'main %s: the rerun is updated, rebuilt on the new tip, the old history left out',
    async (rewrite) => {
      const oldMain = em().branchSha(repo, 'main')!;
      const newMain = REWRITES[rewrite](repo);
      const { mark } = await expectRebuiltAfterRewrite(oldMain, newMain);
      // The branch's history came with one more fetch, not from the compare API.
      expect(fetchesOf(repo, mark)).toBe(2);
      expect(compareCalls(repo)).toBe(0);
    }
  );

  test('a branch reset to an older commit of the target holds nothing of anyone: rebuilt, not refused', async () => {
    moreWorkOnMain();
    moreWorkOnMain();
    em().forcePushBranch(repo, 'outbox/main', 'main~1');
    const compares = compareCalls(repo);
    const rerun = await publish({ token: TOKEN, inputs: { repo, run: 'echo v1 > gen.txt' } });
    expectSuccess(rerun);
    expect(rerun.outputs).toMatchObject({ 'pull-request-operation': 'updated', pushed: 'true' });
    expect(em().git(repo, ['log', '-1', '--format=%P', 'outbox/main'])).toBe(em().branchSha(repo, 'main'));
    // git reports "nothing of its own to fetch" as a failure; one compare call tells it from a broken server.
    expect(compareCalls(repo) - compares).toBe(1);
    ours = em().branchSha(repo, 'outbox/main')!;
  });

  test.each([
    ['shallow, as actions/checkout leaves it', ['--depth', '1']],
    ['complete', []]
  ])('an existing clone at `path`, %s: the same rule after main was squashed', async (_, depth) => {
    // Our commit's parent; main may need one more commit above the root to be squashed.
    const oldMain = em().branchSha(repo, 'main')!;
    if (em().git(repo, ['rev-list', '--count', 'main']) === '2') moreWorkOnMain();
    const newMain = REWRITES.squashed(repo);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-e2e-'));
    const clone = path.join(root, 'workspace', 'repo');
    execFileSync('git', ['clone', '-q', ...depth, `file://${em().repo(repo).bareDir}`, clone]);
    execFileSync('git', ['-C', clone, 'remote', 'set-url', 'origin', `https://github.com/${repo}`]);
    await expectRebuiltAfterRewrite(oldMain, newMain, { root, path: 'repo' });
  });

  test('a history fetch that fails for a branch with commits of its own fails the step; nothing is pushed', async () => {
    const fix = em().commitToBranch(
      repo,
      'outbox/main',
      { 'gen.txt': 'fixed by hand\n' },
      'Fix the generated file'
    );
    // The first fetch (its ls-refs and fetch requests, protocol v2) is served; the branch's history fetch is not.
    let requests = 0;
    const hook = em().beforeGit({ repo, service: 'git-upload-pack', times: 100 }, async () => {
      if (++requests > 2) throw new Error('upload-pack unavailable');
    });
    const pushes = pushesTo(em(), repo);
    const compares = compareCalls(repo);
    const result = await publish({ token: TOKEN, inputs: { repo, run: 'echo v2 > gen.txt' } });
    hook.cancel();
    expectFailure(result, /^'git fetch origin' failed .*HTTP 500/s);
    expect(result.main.log).toContain('--shallow-exclude=refs/heads/main');
    expect(compareCalls(repo) - compares).toBe(1);
    expect(em().branchSha(repo, 'outbox/main')).toBe(fix);
    expect(pushesTo(em(), repo)).toBe(pushes);
    em().forcePushBranch(repo, 'outbox/main', ours);
  });

  test('a fix pushed on top of our commit after a rewrite is still refused, and it alone is named', async () => {
    const oldMain = em().branchSha(repo, 'main')!;
    REWRITES['amended and force-pushed'](repo);
    const fix = em().commitToBranch(
      repo,
      'outbox/main',
      { 'gen.txt': 'fixed by hand\n' },
      'Fix the generated file'
    );
    const pushes = pushesTo(em(), repo);

    const refused = await publish({ token: TOKEN, inputs: { repo, run: 'echo v2 > gen.txt' } });
    expectFailure(
      refused,
      new RegExp(
        `holds 1 commit\\(s\\) that outbox-publisher did not make:\\n\\s+${fix.slice(0, 12)} Fix the generated file \\(Upstream Octocat\\)\\nPublishing would throw them away`
      )
    );
    expect(refused.main.errors[0]).not.toContain(oldMain.slice(0, 12));
    expect(em().branchSha(repo, 'outbox/main')).toBe(fix);
    expect(pushesTo(em(), repo)).toBe(pushes);
    em().forcePushBranch(repo, 'outbox/main', ours);
  });

  test('a branch rewritten by someone else, with none of our commits, is still refused', async () => {
    moreWorkOnMain();
    REWRITES.squashed(repo);
    const theirs = em().forcePushBranch(
      repo,
      'outbox/main',
      commitOn(repo, 'main', { 'gen.txt': 'their own\n' }, 'Redo it by hand')
    );

    const refused = await publish({ token: TOKEN, inputs: { repo, run: 'echo v2 > gen.txt' } });
    expectFailure(
      refused,
      new RegExp(
        `holds 1 commit\\(s\\) that outbox-publisher did not make:\\n\\s+${theirs.slice(0, 12)} Redo it by hand`
      )
    );
    expect(em().branchSha(repo, 'outbox/main')).toBe(theirs);
  });
});

describe('a branch of hundreds of commits', () => {
  test('300 commits with a foreign one at position 260: refused, that commit named', async () => {
    const repo = newRepo(em(), 'long-foreign');
    const main = em().branchSha(repo, 'main')!;
    const shas = importCommits(repo, 'outbox/main', main, 300, (i): ImportedCommit =>
      i === 260
        ? { message: 'Fix by hand', author: 'Ann Other <ann@example.com>', files: { 'fix.txt': 'fixed\n' } }
        : { message: `Generated ${i}\n\n${TRAILER}`, files: { 'gen.txt': `v${i}\n` } }
    );
    expect(shas).toHaveLength(300);
    const refused = await publish({ token: TOKEN, inputs: { repo, run: 'echo new > gen.txt' } });
    expectFailure(
      refused,
      new RegExp(
        `holds 1 commit\\(s\\) that outbox-publisher did not make:\\n\\s+${shas[259].slice(0, 12)} Fix by hand \\(Ann Other\\)\\n`
      )
    );
    expect(em().branchSha(repo, 'outbox/main')).toBe(shas[299]);
    expect(compareCalls(repo)).toBe(0);
  });

  test('300 commits of our own: replaced by one commit on the target tip with the right tree', async () => {
    const repo = newRepo(em(), 'long-ours');
    const main = em().branchSha(repo, 'main')!;
    // The first commit already holds what this run makes, and commit 300 adds one more file: a
    // reader that stops at the 100th or the 250th commit would take the branch as up to date.
    const shas = importCommits(repo, 'outbox/main', main, 300, (i) => ({
      message: `Generated ${i}\n\n${TRAILER}`,
      files: (
        { 1: { 'gen.txt': 'new\n' }, 300: { 'late.txt': 'late\n' } } as Record<number, Record<string, string>>
      )[i]
    }));
    const result = await publish({ token: TOKEN, inputs: { repo, run: 'echo new > gen.txt' } });
    expectSuccess(result);
    expect(result.outputs).toMatchObject({
      'pull-request-operation': 'created',
      pushed: 'true',
      commits: '1'
    });
    const tip = em().branchSha(repo, 'outbox/main')!;
    expect(tip).not.toBe(shas[299]);
    expect(em().git(repo, ['log', '-1', '--format=%P', tip])).toBe(main);
    expect(em().readTree(repo, 'outbox/main')).toEqual({
      ...em().readTree(repo, 'main'),
      'gen.txt': 'new\n'
    });
  });
});

describe('push mode and signed commits', () => {
  test('push mode: main amended and force-pushed while we work; our commit goes onto the new tip alone', async () => {
    const repo = repoWithWorkOnMain('push-rewrite');
    const oldMain = em().branchSha(repo, 'main')!;
    let newMain = '';
    em().beforeGit({ repo, service: 'git-receive-pack' }, async () => {
      newMain = REWRITES['amended and force-pushed'](repo);
    });
    const result = await publish({
      token: TOKEN,
      inputs: { repo, mode: 'push', run: 'echo ours > ours.txt', 'commit-message': 'Our change' }
    });
    expectSuccess(result);
    const main = em().branchSha(repo, 'main')!;
    expect(result.outputs).toMatchObject({ pushed: 'true', 'head-sha': main });
    expect(em().git(repo, ['log', '-1', '--format=%P %s', main])).toBe(`${newMain} Our change`);
    expect(isAncestor(repo, oldMain, main)).toBe(false);
    expect(em().readTree(repo, 'main')).toMatchObject({
      'work.txt': 'second, amended\n',
      'ours.txt': 'ours\n'
    });
  });

  test('signed commits: main squashed under the pull request; the rerun re-signs one commit on the new tip', async () => {
    const repo = repoWithWorkOnMain('signed-rewrite');
    const inputs = { repo, run: 'echo v1 > gen.txt', 'sign-commits': 'true' };
    const first = await publish({ token: TOKEN, inputs });
    expect(first.outputs['pull-request-operation']).toBe('created');
    const newMain = REWRITES.squashed(repo);
    const rerun = await publish({ token: TOKEN, inputs });
    expectSuccess(rerun);
    expect(rerun.outputs).toMatchObject({ 'pull-request-operation': 'updated', pushed: 'true' });
    const tip = em().branchSha(repo, 'outbox/main')!;
    expect(em().verifiedCommits.has(tip)).toBe(true);
    expect(em().git(repo, ['log', '-1', '--format=%P', tip])).toBe(newMain);
    expect(em().readTree(repo, 'outbox/main')).toEqual({ ...em().readTree(repo, 'main'), 'gen.txt': 'v1\n' });
  });
});
