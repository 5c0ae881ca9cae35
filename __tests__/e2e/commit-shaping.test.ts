/**
 * add-paths, branch-suffix and signoff, on few runs with several assertions each:
 * - a pull-request publish from every source at once (a clone at `path` with a commit and
 *   uncommitted changes, an outbox patch its author signed off, a `run` script), with add-paths,
 *   signoff, a custom committer and `branch-suffix: short-commit-hash`; then a rerun on the same
 *   target tip (the same pull request), then one after the target moved (a new one);
 * - sign-commits with `random`, add-paths and signoff, twice (a pull request each).
 * Push mode with add-paths and signoff, the target moving before the first push, shares the run
 * of publishing.test.ts's 'push mode' tests.
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
  pushesTo,
  publish,
  useEmulator,
  type Emulator,
  type Run
} from './support.js';

const TOKEN = 'ghs_e2eCommitShapingToken000000000001';
const suite = useEmulator((emulator) => emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null }));
const em = (): Emulator => suite.emulator;

const RELEASE_BOT = 'Release Bot <release-bot@example.com>';
const SIGNOFF = `Signed-off-by: ${RELEASE_BOT}`;
const ALICE = 'Alice <alice@example.com>';

/** Plain git for fixtures, outside any sandbox. */
function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Dev',
      GIT_AUTHOR_EMAIL: 'dev@example.com',
      GIT_COMMITTER_NAME: 'Dev',
      GIT_COMMITTER_EMAIL: 'dev@example.com',
      ...env
    }
  }).trim();
}

/** Messages of the commits on `branch` that are not on main, oldest first. */
function messagesOn(repo: string, branch: string): string[] {
  return em()
    .git(repo, ['log', '--reverse', '--format=%B%x00', `main..${branch}`])
    .split('\0')
    .map((message) => message.trim())
    .filter(Boolean);
}

/** The file as the action's clone (the `path` output) holds it after the run. */
function inClone(run: Run, file: string): string | undefined {
  const where = path.join(run.outputs.path, file);
  return fs.existsSync(where) ? fs.readFileSync(where, 'utf8') : undefined;
}

const REPO_FILES = { 'README.md': '# Sample\n', 'data/old.txt': 'old\n', '.gitignore': 'build/\n' };
/** A name that would be a workflow command if the log printed it raw. */
const ODD_NAME = 'odd\n::error::gotcha.txt';

describe('every source at once, with add-paths, signoff and short-commit-hash', () => {
  let repo = '';
  let root = '';
  let first: Run;
  let mainAtFirst = '';
  const inputs = (): Record<string, string> => ({
    repo,
    'target-branch': 'main',
    path: 'repo',
    outbox: 'outbox',
    'add-paths': 'src\n*.md, :!src/gen',
    signoff: 'true',
    committer: RELEASE_BOT,
    'branch-suffix': 'short-commit-hash',
    run: [
      'mkdir -p src/gen .github/workflows',
      'echo new > src/new.txt',
      'echo notes > notes.md',
      'echo cache > src/gen/cache.bin',
      'echo "on: push" > .github/workflows/evil.yml',
      'echo changed > data/old.txt',
      `printf x > "$(printf 'odd\\n::error::gotcha.txt')"`
    ].join('\n')
  });

  beforeAll(async () => {
    repo = newRepo(em(), 'shaping', REPO_FILES);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-shaping-'));
    // A clone like actions/checkout leaves, with a commit and uncommitted changes on top.
    const clone = path.join(root, 'workspace', 'repo');
    git(os.tmpdir(), ['clone', '-q', `file://${em().repo(repo).bareDir}`, clone]);
    git(clone, ['remote', 'set-url', 'origin', `https://github.com/${repo}`]);
    fs.writeFileSync(path.join(clone, 'feature.txt'), 'committed in the clone\n');
    git(clone, ['add', 'feature.txt']);
    git(clone, ['commit', '-q', '-m', 'Add feature from the workflow']);
    fs.mkdirSync(path.join(clone, 'src'));
    fs.writeFileSync(path.join(clone, 'src', 'clone-edit.txt'), 'matches\n');
    fs.writeFileSync(path.join(clone, 'untracked.txt'), 'left out\n');
    // A patch its author signed off.
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'shaping-patch-'));
    git(os.tmpdir(), ['clone', '-q', `file://${em().repo(repo).bareDir}`, work]);
    fs.writeFileSync(path.join(work, 'alice.txt'), 'by alice\n');
    git(work, ['add', 'alice.txt']);
    const alice = { GIT_AUTHOR_NAME: 'Alice', GIT_AUTHOR_EMAIL: 'alice@example.com' };
    git(work, ['commit', '-q', '-s', '-m', 'Alice adds a file'], {
      ...alice,
      GIT_COMMITTER_NAME: 'Alice',
      GIT_COMMITTER_EMAIL: 'alice@example.com'
    });
    git(work, ['format-patch', '-q', '-1', '-o', path.join(root, 'workspace', 'outbox')]);

    mainAtFirst = em().branchSha(repo, 'main')!;
    first = await publish({ token: TOKEN, root, inputs: inputs() });
  });

  test('the branch is named after the target tip, and the pull request comes from it', () => {
    expectSuccess(first);
    const branch = `outbox/main-${mainAtFirst.slice(0, 7)}`;
    expect(first.outputs).toMatchObject({ branch, 'pull-request-operation': 'created', pushed: 'true' });
    expect(first.outputs['head-sha']).toBe(em().branchSha(repo, branch));
    expect(
      em()
        .pullsOf(repo)
        .map((pr) => [pr.head.ref, pr.state])
    ).toEqual([[branch, 'open']]);
    expect(first.main.log).toContain(
      `branch-suffix 'short-commit-hash': publishing through the branch ${branch}.`
    );
  });

  test('add-paths picks among uncommitted changes only; commits are published whole', () => {
    const tree = em().readTree(repo, first.outputs.branch);
    // The clone's commit and the outbox patch are commits: outside add-paths, published anyway.
    expect(tree['feature.txt']).toBe('committed in the clone\n');
    expect(tree['alice.txt']).toBe('by alice\n');
    // Uncommitted, matching: the clone's new file and the script's.
    expect(tree['src/clone-edit.txt']).toBe('matches\n');
    expect(tree['src/new.txt']).toBe('new\n');
    expect(tree['notes.md']).toBe('notes\n');
    // Uncommitted, left out: excluded, outside, and a workflow file (so not refused).
    for (const file of ['untracked.txt', 'src/gen/cache.bin', '.github/workflows/evil.yml', ODD_NAME])
      expect(tree[file]).toBeUndefined();
    expect(tree['data/old.txt']).toBe('old\n');
    // What was committed is what is counted.
    expect(first.outputs).toMatchObject({ 'changes-detected': 'true', 'changed-files': '5', commits: '4' });
  });

  test('what is left out is listed in the log, names quoted, and stays in the work tree', () => {
    expect(first.main.log).toMatch(
      /add-paths: 1 changed file\(s\) match none of its pathspecs and are left out of the commit:\n {2}untracked\.txt\n/
    );
    const listed = /add-paths: 4 changed file\(s\)[^\n]*\n((?: {2}.*\n){4})/.exec(first.main.log)?.[1];
    expect(listed?.split('\n').filter(Boolean).sort()).toEqual(
      [
        '  "odd\\n::error::gotcha.txt"',
        '  .github/workflows/evil.yml',
        '  data/old.txt',
        '  src/gen/cache.bin'
      ].sort()
    );
    // expectSuccess above: the odd name opened no ::error:: command.
    expect(inClone(first, 'data/old.txt')).toBe('changed\n');
    expect(inClone(first, ODD_NAME)).toBe('x');
  });

  test('signoff: every commit is signed off by the committer, a signed-off patch twice', () => {
    const messages = messagesOn(repo, first.outputs.branch);
    expect(messages).toHaveLength(4);
    for (const message of messages) expect(message.split(SIGNOFF)).toHaveLength(2); // once
    const patch = messages.find((message) => message.startsWith('Alice adds a file'))!;
    expect(patch).toMatch(new RegExp(`Signed-off-by: ${ALICE}\\n${SIGNOFF}\\n`));
    expect(
      em()
        .git(repo, ['log', '--format=%cn <%ce>', `main..${first.outputs.branch}`])
        .split('\n')
    ).toEqual(Array(4).fill(RELEASE_BOT));
  });

  test('a rerun on the same target tip updates the same pull request; a moved target opens a new one', async () => {
    const again = await publish({ token: TOKEN, root, inputs: inputs() });
    expectSuccess(again);
    expect(again.outputs).toMatchObject({
      branch: first.outputs.branch,
      'pull-request-operation': 'unchanged'
    });
    expect(em().pullsOf(repo)).toHaveLength(1);

    const moved = em().commitToBranch(repo, 'main', { 'upstream.txt': 'upstream\n' });
    const third = await publish({ token: TOKEN, root, inputs: inputs() });
    expectSuccess(third);
    expect(third.outputs).toMatchObject({
      branch: `outbox/main-${moved.slice(0, 7)}`,
      'pull-request-operation': 'created'
    });
    expect(
      em()
        .pullsOf(repo)
        .map((pr) => [pr.head.ref, pr.state])
    ).toEqual([
      [first.outputs.branch, 'open'],
      [third.outputs.branch, 'open']
    ]);
  });
});

describe('sign-commits with branch-suffix random, add-paths and signoff', () => {
  let repo = '';
  let first: Run;
  let second: Run;
  const inputs = (): Record<string, string> => ({
    repo,
    run: 'echo kept > kept.md && echo skipped > skipped.txt && echo changed > data/old.txt',
    'add-paths': '*.md',
    'sign-commits': 'true',
    signoff: 'true',
    'branch-suffix': 'random'
  });

  beforeAll(async () => {
    repo = newRepo(em(), 'shaping-signed', REPO_FILES);
    first = await publish({ token: TOKEN, inputs: inputs() });
    second = await publish({ token: TOKEN, inputs: inputs() });
  });

  test('each run opens a pull request of its own', () => {
    expectSuccess(first);
    expectSuccess(second);
    for (const run of [first, second]) {
      expect(run.outputs.branch).toMatch(/^outbox\/main-[0-9a-z]{7}$/);
      expect(run.outputs['pull-request-operation']).toBe('created');
    }
    expect(first.outputs.branch).not.toBe(second.outputs.branch);
    expect(
      em()
        .pullsOf(repo)
        .map((pr) => pr.head.ref)
    ).toEqual([first.outputs.branch, second.outputs.branch]);
  });

  test('the signed commit holds what matched, and its sign-off closes the trailers', () => {
    const tip = em().branchSha(repo, first.outputs.branch)!;
    expect(em().verifiedCommits.has(tip)).toBe(true);
    const tree = em().readTree(repo, tip);
    expect(tree['kept.md']).toBe('kept\n');
    expect(tree['skipped.txt']).toBeUndefined();
    expect(tree['data/old.txt']).toBe('old\n');
    expect(first.outputs['changed-files']).toBe('1');
    const message = em().git(repo, ['log', '-1', '--format=%B', tip]).trim();
    expect(message).toMatch(
      new RegExp(
        `\\nPublished-by: outbox-publisher\\nCo-authored-by: [^\\n]+\\nSigned-off-by: ${BOT.replace(/[[\]+.]/g, '\\$&')}$`
      )
    );
    expect(message.match(/Signed-off-by:/g)).toHaveLength(1);
  });

  test('the changes left out stay in the work tree after the signed commits replace ours', () => {
    expect(inClone(first, 'data/old.txt')).toBe('changed\n');
    expect(inClone(first, 'skipped.txt')).toBe('skipped\n');
  });
});

describe('input errors', () => {
  // branch-suffix in push mode is refused while the inputs are read: __tests__/unit/inputs.test.ts.
  test('short-commit-hash of a missing target names the input', async () => {
    const repo = newRepo(em(), 'shaping-errors', REPO_FILES);
    const missing = await publish({
      token: TOKEN,
      inputs: { repo, 'target-branch': 'nope', run: 'echo x > x.txt', 'branch-suffix': 'short-commit-hash' }
    });
    expectFailure(
      missing,
      /^Input 'target-branch': branch 'nope' does not exist in octo-org\/shaping-errors-\d+/
    );
    expect(pushesTo(em(), repo)).toBe(0);
    expect(em().pullsOf(repo)).toEqual([]);
  });
});
