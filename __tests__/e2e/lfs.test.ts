/**
 * Git LFS repositories, with the real git-lfs: content for the run script, pointers in commits,
 * objects uploaded to the emulator's LFS store before the push, and failures before any push
 * when an object or git-lfs itself is missing.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lfsPointer } from '../../test-support/lfs-store.js';
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

const TOKEN = 'ghs_e2eLfsToken0000000000000000000001';
const suite = useEmulator((emulator) => {
  emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null });
});
const em = (): Emulator => suite.emulator;

/** The filter section `git lfs install` writes (to ~/.gitconfig, or /etc/gitconfig with --system). */
const LFS_FILTER =
  '[filter "lfs"]\n\tclean = git-lfs clean -- %f\n\tsmudge = git-lfs smudge -- %f\n\tprocess = git-lfs filter-process\n\trequired = true\n';
const ATTRIBUTES = '*.bin filter=lfs diff=lfs merge=lfs -text\n';
const LOGO = 'LOGO version 1\n';

function root(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-lfs-'));
}

/** A repository that tracks *.bin with LFS; assets/logo.bin's object is on GitHub. */
function lfsRepo(prefix: string): string {
  const repo = newRepo(em(), prefix, {
    '.gitattributes': ATTRIBUTES,
    'README.md': '# LFS\n',
    'assets/logo.bin': lfsPointer(LOGO).text
  });
  em().lfs.put(repo, LOGO);
  return repo;
}

/** Runner configurations: the filter in a system-wide file, or only in the user's ~/.gitconfig. */
function systemWide(dir: string): Record<string, string> {
  const file = path.join(dir, 'system.gitconfig');
  fs.writeFileSync(file, LFS_FILTER);
  return { GIT_CONFIG_SYSTEM: file };
}

function globalOnly(dir: string): Record<string, string> {
  fs.mkdirSync(path.join(dir, 'home'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'home', '.gitconfig'), LFS_FILTER);
  return { GIT_CONFIG_NOSYSTEM: '1' };
}

/** The file at `ref:file` on GitHub is the pointer of `content`, and the store holds that content. */
function expectStored(fullName: string, ref: string, file: string, content: string): void {
  const pointer = lfsPointer(content);
  expect(em().git(fullName, ['cat-file', 'blob', `${ref}:${file}`]) + '\n').toBe(pointer.text);
  expect(em().lfs.get(fullName, pointer.oid)?.toString()).toBe(content);
}

function lfsRequests(
  since: number,
  method?: string
): Array<{ method: string; host: string; path: string; status: number }> {
  return em()
    .requests.slice(since)
    .filter((r) => r.kind === 'lfs' && (!method || r.method === method));
}

/** Index in the request log of the first request matching `test` at or after `since`. */
function firstIndex(since: number, test: (r: Emulator['requests'][number]) => boolean): number {
  const i = em().requests.slice(since).findIndex(test);
  return i < 0 ? -1 : since + i;
}

// Checks the content the script sees, changes one LFS file and adds another.
const EDIT = [
  `test "$(cat assets/logo.bin)" = "${LOGO.trim()}" || { echo "the script sees: $(cat assets/logo.bin)"; exit 3; }`,
  "printf 'LOGO version 2\\n' > assets/logo.bin",
  "printf 'new data\\n' > data.bin"
].join('\n');

test('LFS configured system-wide: real content for the script, pointers committed, objects uploaded before the push; a rerun uploads nothing', async () => {
  const repo = lfsRepo('lfs-system');
  const dir = root();
  const before = em().requests.length;
  const result = await publish({
    token: TOKEN,
    root: dir,
    env: systemWide(dir),
    inputs: { repo, run: EDIT }
  });
  expectSuccess(result);
  expect(result.outputs).toMatchObject({ 'pull-request-operation': 'created', pushed: 'true' });
  expectStored(repo, 'outbox/main', 'assets/logo.bin', 'LOGO version 2\n');
  expectStored(repo, 'outbox/main', 'data.bin', 'new data\n');
  expect(em().lfs.oids(repo)).toHaveLength(3);
  // The objects went up (authenticated as the token's user) before the ref.
  const upload = firstIndex(before, (r) => r.kind === 'lfs' && r.method === 'PUT');
  const push = firstIndex(
    before,
    (r) => r.kind === 'git' && r.method === 'POST' && r.path.endsWith('/git-receive-pack')
  );
  expect(upload).toBeGreaterThan(0);
  expect(upload).toBeLessThan(push);
  expect(
    em()
      .requests.slice(before)
      .filter((r) => r.kind === 'lfs' && r.path.endsWith('/objects/batch') && r.status === 200)
      .every((r) => r.authUser === 'outbox-app[bot]')
  ).toBe(true);
  // git-lfs sent the token with its first request (the action's header), never asking gh after a 401.
  expect(lfsRequests(before).filter((r) => r.status === 401)).toEqual([]);

  const again = root();
  const rerunFrom = em().requests.length;
  const rerun = await publish({
    token: TOKEN,
    root: again,
    env: systemWide(again),
    inputs: { repo, run: EDIT }
  });
  expectSuccess(rerun);
  expect(rerun.outputs).toMatchObject({ 'pull-request-operation': 'unchanged', pushed: 'false' });
  expect(lfsRequests(rerunFrom, 'PUT')).toEqual([]);
  expect(em().lfs.oids(repo)).toHaveLength(3);
  // Nothing to push, so no LFS review: the action itself asked the LFS API nothing (git-lfs did,
  // for the script's content), as the first run did when its push needed the review.
  const asked = (since: number, until = em().requests.length) =>
    em()
      .requests.slice(since, until)
      .filter((r) => r.kind === 'lfs' && !String(r.headers['user-agent']).startsWith('git-lfs/'));
  expect(asked(before, rerunFrom).length).toBeGreaterThan(0);
  expect(asked(rerunFrom)).toEqual([]);
});

test("LFS configured only in the user's ~/.gitconfig (git lfs install): the same, in push mode", async () => {
  const repo = lfsRepo('lfs-global');
  const dir = root();
  const result = await publish({
    token: TOKEN,
    root: dir,
    env: globalOnly(dir),
    inputs: { repo, mode: 'push', run: EDIT }
  });
  expectSuccess(result);
  expect(result.outputs).toMatchObject({ pushed: 'true' });
  expectStored(repo, 'main', 'assets/logo.bin', 'LOGO version 2\n');
  expectStored(repo, 'main', 'data.bin', 'new data\n');
  // Only the filter was taken from the user's config.
  expect(result.main.log).not.toMatch(/the script sees/);
});

test('a runner without git-lfs: a change to an LFS-tracked file fails before anything is pushed', async () => {
  const repo = lfsRepo('lfs-missing');
  const dir = root();
  // Everything the action and the script need, but no git-lfs.
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin);
  for (const tool of ['git', 'gh', 'bash', 'cat', 'mkdir', 'rm']) {
    const real = execFileSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
    fs.symlinkSync(real, path.join(bin, tool));
  }
  const before = em().requests.length;
  const result = await publish({
    token: TOKEN,
    root: dir,
    env: { PATH: bin, GIT_CONFIG_NOSYSTEM: '1' },
    inputs: { repo, run: "printf 'LOGO version 2\\n' > assets/logo.bin" }
  });
  expectFailure(result, /"assets\/logo\.bin".*git-lfs is not installed[\s\S]*git-lfs is needed/);
  expect(pushesTo(em(), repo)).toBe(0);
  expect(em().branchSha(repo, 'outbox/main')).toBeNull();
  expect(lfsRequests(before)).toEqual([]);

  // A change that leaves LFS files alone publishes as before, also where the runner's global
  // config still names git-lfs's filter (left by an earlier `git lfs install`): its keys are not
  // taken into the sandbox, where the checkout would fail on the missing program.
  const other = root();
  fs.mkdirSync(path.join(other, 'bin'));
  for (const tool of fs.readdirSync(bin))
    fs.symlinkSync(fs.readlinkSync(path.join(bin, tool)), path.join(other, 'bin', tool));
  const leftConfig = path.join(other, 'left.gitconfig');
  fs.writeFileSync(
    leftConfig,
    '[filter "lfs"]\n\trequired = true\n\tprocess = git-lfs filter-process\n\tclean = git-lfs clean -- %f\n\tsmudge = git-lfs smudge -- %f\n'
  );
  const plain = await publish({
    token: TOKEN,
    root: other,
    env: { PATH: path.join(other, 'bin'), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: leftConfig },
    inputs: { repo, run: 'echo more >> README.md' }
  });
  expectSuccess(plain);
  expect(em().readTree(repo, 'outbox/main')['assets/logo.bin']).toBe(lfsPointer(LOGO).text);
});

describe('the outbox with LFS pointers', () => {
  /** A patch, made without git-lfs, that points assets/logo.bin at the object of `content`. */
  function pointerPatch(fullName: string, content: string, dir: string): void {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lfs-patch-'));
    const env = {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Alice',
      GIT_AUTHOR_EMAIL: 'alice@example.com',
      GIT_COMMITTER_NAME: 'Alice',
      GIT_COMMITTER_EMAIL: 'alice@example.com'
    };
    execFileSync('git', ['clone', '-q', `file://${em().repo(fullName).bareDir}`, work], { env });
    fs.writeFileSync(path.join(work, 'assets', 'logo.bin'), lfsPointer(content).text);
    execFileSync('git', ['commit', '-q', '-am', 'New logo'], { cwd: work, env });
    fs.mkdirSync(path.join(dir, 'workspace', 'outbox'), { recursive: true });
    execFileSync('git', ['format-patch', '-q', '-1', '-o', path.join(dir, 'workspace', 'outbox')], {
      cwd: work,
      env
    });
  }

  test('a pointer whose object GitHub has is published as it is, with nothing to upload', async () => {
    const repo = lfsRepo('lfs-outbox');
    em().lfs.put(repo, 'LOGO version 3\n');
    const dir = root();
    pointerPatch(repo, 'LOGO version 3\n', dir);
    const before = em().requests.length;
    const result = await publish({
      token: TOKEN,
      root: dir,
      env: systemWide(dir),
      inputs: { repo, outbox: 'outbox' }
    });
    expectSuccess(result);
    expect(result.outputs).toMatchObject({ 'pull-request-operation': 'created', pushed: 'true' });
    expectStored(repo, 'outbox/main', 'assets/logo.bin', 'LOGO version 3\n');
    expect(lfsRequests(before, 'PUT')).toEqual([]);
    // The sparse clone never downloaded any content.
    expect(lfsRequests(before, 'GET')).toEqual([]);
  });

  test('a pointer whose object is neither on GitHub nor in the outbox fails the step, naming the file', async () => {
    const repo = lfsRepo('lfs-outbox-missing');
    const dir = root();
    pointerPatch(repo, 'never uploaded\n', dir);
    const result = await publish({
      token: TOKEN,
      root: dir,
      env: systemWide(dir),
      inputs: { repo, outbox: 'outbox' }
    });
    expectFailure(result, /The Git LFS object of "assets\/logo\.bin" is neither on GitHub nor in this clone/);
    expect(pushesTo(em(), repo)).toBe(0);
    expect(em().branchSha(repo, 'outbox/main')).toBeNull();
  });
});

test('sign-commits: the pointers go through createCommitOnBranch as pointer text, after their objects', async () => {
  const repo = lfsRepo('lfs-signed');
  const dir = root();
  const before = em().requests.length;
  const result = await publish({
    token: TOKEN,
    root: dir,
    env: systemWide(dir),
    inputs: { repo, run: EDIT, 'sign-commits': 'true' }
  });
  expectSuccess(result);
  const tip = em().branchSha(repo, 'outbox/main')!;
  expect(em().verifiedCommits.has(tip)).toBe(true);
  expectStored(repo, 'outbox/main', 'assets/logo.bin', 'LOGO version 2\n');
  expectStored(repo, 'outbox/main', 'data.bin', 'new data\n');
  const upload = firstIndex(before, (r) => r.kind === 'lfs' && r.method === 'PUT');
  const signed = firstIndex(before, (r) => r.kind === 'graphql' && r.operation === 'createCommitOnBranch');
  expect(upload).toBeGreaterThan(0);
  expect(upload).toBeLessThan(signed);
  const additions = em().requests[signed].variables as {
    input: { fileChanges: { additions: Array<{ path: string; contents: string }> } };
  };
  const sent = Object.fromEntries(
    additions.input.fileChanges.additions.map((a) => [a.path, Buffer.from(a.contents, 'base64').toString()])
  );
  expect(sent['data.bin']).toBe(lfsPointer('new data\n').text);
});

/** One dry run serves LFS's part of it and the dry run's own guarantees (action.test.ts had a run for those). */
describe('dry-run', () => {
  let repo = '';
  let before = 0;
  let result: Run;
  beforeAll(async () => {
    repo = lfsRepo('lfs-dry');
    const dir = root();
    before = em().requests.length;
    result = await publish({
      token: TOKEN,
      root: dir,
      env: systemWide(dir),
      inputs: { repo, run: EDIT, 'dry-run': 'true' }
    });
  });

  test('names the LFS objects it would upload, and uploads nothing', () => {
    expectSuccess(result);
    const oid = lfsPointer('new data\n').oid;
    expect(result.main.log).toMatch(
      new RegExp(
        `Dry run: would upload 2 Git LFS object\\(s\\) before the push: .*"data\\.bin" \\(${oid.slice(0, 12)}, 9 bytes\\)`
      )
    );
    expect(lfsRequests(before, 'PUT')).toEqual([]);
    expect(em().lfs.oids(repo)).toEqual([lfsPointer(LOGO).oid]);
    expect(pushesTo(em(), repo)).toBe(0);
  });

  test('pushes nothing and writes nothing through the API', () => {
    expect(result.main.code).toBe(0);
    expect(result.main.log).toMatch(/Dry run: would push [0-9a-f]{40} to 'outbox\/main'/);
    expect(result.outputs).toMatchObject({ 'pull-request-operation': 'created', pushed: 'false' });
    expect(pushesTo(em(), repo)).toBe(0);
    const writes = em().requests.filter(
      (r) => r.kind === 'rest' && r.method !== 'GET' && r.path.includes(repo)
    );
    expect(writes).toEqual([]);
  });
});

test('a file someone else holds a Git LFS lock on: git-lfs refuses the upload, nothing is pushed', async () => {
  const repo = lfsRepo('lfs-locked');
  em().lfs.lock(repo, 'assets/logo.bin', 'someone-else');
  const dir = root();
  const result = await publish({
    token: TOKEN,
    root: dir,
    env: systemWide(dir),
    inputs: { repo, run: EDIT }
  });
  expectFailure(result, /git lfs push origin HEAD[\s\S]*Cannot update locked files[\s\S]*Git LFS lock/);
  expect(pushesTo(em(), repo)).toBe(0);
  // git-lfs 3.3 uploads the objects all the same before it reports the lock: harmless, no ref names them.
});
