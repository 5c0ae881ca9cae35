/**
 * sign-commits: commits re-created through GraphQL createCommitOnBranch (regular files), or the
 * REST Git Data API (modes), which the emulator signs as GitHub does.
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

const TOKEN = 'ghs_e2eSigningToken00000000000000001';
const PAT = 'ghp_e2eSigningPersonalToken000000002';
const suite = useEmulator((emulator) => {
  emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null });
  emulator.addToken(PAT, { login: 'octo-person', scopes: 'repo, workflow' });
});
const em = (): Emulator => suite.emulator;

function signingBranches(repo: string): string[] {
  return em()
    .git(repo, ['for-each-ref', '--format=%(refname:short)', 'refs/heads/outbox-publisher/'])
    .split('\n')
    .filter(Boolean);
}

function verified(sha: string): boolean {
  return em().verifiedCommits.has(sha);
}

test('pull-request mode: every published commit is signed, the files are exactly the work tree', async () => {
  const repo = newRepo(em(), 'signed');
  const run =
    'echo one > one.txt\nmkdir -p deep/er && printf "bin\\0ary" > deep/er/data.bin\nrm data/old.txt';
  const result = await publish({
    token: TOKEN,
    inputs: { repo, run, 'sign-commits': 'true', 'commit-message': 'Signed change\n\nWith a body.' }
  });
  expectSuccess(result);
  expect(result.outputs).toMatchObject({ 'pull-request-operation': 'created', pushed: 'true', commits: '1' });
  const tip = em().branchSha(repo, 'outbox/main')!;
  expect(result.outputs['head-sha']).toBe(tip);
  expect(verified(tip)).toBe(true);
  expect(em().git(repo, ['log', '-1', '--format=%P', tip])).toBe(em().branchSha(repo, 'main'));
  const tree = em().readTree(repo, 'outbox/main');
  expect(tree['one.txt']).toBe('one\n');
  expect(tree['data/old.txt']).toBeUndefined();
  expect(em().git(repo, ['cat-file', '-p', 'outbox/main:deep/er/data.bin'])).toBe('bin\0ary');
  const message = em().git(repo, ['log', '-1', '--format=%B', tip]);
  expect(message).toMatch(
    /^Signed change\n\nWith a body\.\n\nPublished-by: outbox-publisher\nCo-authored-by: github-actions\[bot\]/
  );
  expect(signingBranches(repo)).toEqual([]);
  expect(em().requests.some((r) => r.kind === 'graphql' && r.operation === 'createCommitOnBranch')).toBe(
    true
  );

  // The same change again: nothing new to publish.
  const again = await publish({
    token: TOKEN,
    inputs: { repo, run, 'sign-commits': 'true', 'commit-message': 'Signed change\n\nWith a body.' }
  });
  expect(again.outputs).toMatchObject({ 'pull-request-operation': 'unchanged', pushed: 'false' });
});

test('push mode: the commit on the target is signed', async () => {
  const repo = newRepo(em(), 'signed-push');
  const result = await publish({
    token: TOKEN,
    inputs: { repo, mode: 'push', run: 'echo pushed > p.txt', 'sign-commits': 'true' }
  });
  expectSuccess(result);
  const main = em().branchSha(repo, 'main')!;
  expect(result.outputs).toMatchObject({ pushed: 'true', 'head-sha': main });
  expect(verified(main)).toBe(true);
  expect(signingBranches(repo)).toEqual([]);
});

/** `git ls-tree -r` of a ref in the emulator's repository: path -> "mode type sha". */
function modes(repo: string, ref: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of em().git(repo, ['ls-tree', '-r', ref]).split('\n')) {
    const [meta, path] = line.split('\t');
    out[path] = meta;
  }
  return out;
}

const restWrites = (since: number, what: string) =>
  em().countRequests({ since, kind: 'rest', method: 'POST', pathPattern: new RegExp(`/git/${what}$`) });

/**
 * One signed run through the REST path (modes, a symlink, a submodule) serves the modes test, and
 * is the first publish of the lease test: both need a pull request branch made on that path. The
 * modes test, declared first, counts the requests before the lease test adds to them.
 */
let modesResult: Promise<{ repo: string; before: number; result: Run }> | undefined;
function modesRun(): Promise<{ repo: string; before: number; result: Run }> {
  modesResult ??= (async () => {
    const repo = newRepo(em(), 'signed-modes');
    const before = em().requests.length;
    const run = [
      'printf "#!/bin/sh\\necho hi\\n" > tool.sh && chmod +x tool.sh',
      'ln -s README.md link.md',
      'chmod +x data/old.txt',
      // A submodule: a checked-out repository whose commit the index records (gitlink, 160000).
      'git init -q vendor/lib && git -C vendor/lib -c user.name=x -c user.email=x@example.com commit -q --allow-empty -m lib',
      'git update-index --add --cacheinfo "160000,$(git -C vendor/lib rev-parse HEAD),vendor/lib"',
      'echo plain > plain.txt'
    ].join('\n');
    const result = await publish({
      token: TOKEN,
      inputs: { repo, run, 'sign-commits': 'true', 'commit-message': 'Modes' }
    });
    return { repo, before, result };
  })();
  return modesResult;
}

test('executable, symlink, mode change and submodule: signed through REST, modes kept; a PAT gets them unsigned', async () => {
  const { repo, before, result } = await modesRun();
  expectSuccess(result);
  expect(result.outputs).toMatchObject({ pushed: 'true', commits: '1', 'commits-verified': 'true' });
  const tip = em().branchSha(repo, 'outbox/main')!;
  expect(result.outputs['head-sha']).toBe(tip);
  expect(verified(tip)).toBe(true);
  const tree = modes(repo, tip);
  expect(tree['tool.sh']).toMatch(/^100755 blob /);
  expect(tree['link.md']).toMatch(/^120000 blob /);
  expect(em().git(repo, ['cat-file', '-p', `${tip}:link.md`])).toBe('README.md');
  expect(tree['data/old.txt']).toMatch(/^100755 blob /);
  expect(tree['vendor/lib']).toMatch(/^160000 commit [0-9a-f]{40}$/);
  expect(tree['plain.txt']).toMatch(/^100644 blob /);
  // GitHub made the commit with no author or committer from us: the bot authors it, GitHub commits it.
  expect(em().git(repo, ['log', '-1', '--format=%an|%cn <%ce>', tip])).toBe(
    'outbox-app[bot]|GitHub <noreply@github.com>'
  );
  expect(em().git(repo, ['log', '-1', '--format=%B', tip])).toMatch(
    /^Modes\n\nPublished-by: outbox-publisher\nCo-authored-by: github-actions\[bot\]/
  );
  // Three new contents uploaded (tool.sh, the link, plain.txt); data/old.txt's blob is on GitHub already.
  expect(restWrites(before, 'blobs')).toBe(3);
  expect(restWrites(before, 'trees')).toBe(1);
  expect(restWrites(before, 'commits')).toBe(1);
  expect(em().countRequests({ since: before, operation: 'createCommitOnBranch' })).toBe(0);
  expect(signingBranches(repo)).toEqual([]);

  // A personal access token: GitHub creates the commit but does not sign it, and the run says so.
  const pushRepo = newRepo(em(), 'signed-modes-pat');
  const pat = await publish({
    token: PAT,
    inputs: { repo: pushRepo, mode: 'push', run: 'chmod +x data/old.txt', 'sign-commits': 'true' }
  });
  expectSuccess(pat);
  const main = em().branchSha(pushRepo, 'main')!;
  expect(pat.outputs).toMatchObject({ pushed: 'true', 'head-sha': main, 'commits-verified': 'false' });
  expect(verified(main)).toBe(false);
  expect(modes(pushRepo, main)['data/old.txt']).toMatch(/^100755 blob /);
  expect(em().git(pushRepo, ['log', '-1', '--format=%an|%cn', main])).toBe('octo-person|octo-person');
  expect(pat.main.log).toMatch(/::warning::GitHub did not sign 1 of the 1 commit\(s\)/);
  expect(signingBranches(pushRepo)).toEqual([]);
});

test('the lease holds on the REST path: a commit pushed meanwhile is not overwritten', async () => {
  const { repo, result: first } = await modesRun();
  expectSuccess(first);
  let foreign = '';
  // Before the push's ref advertisement: only our lease (not git's own compare-and-swap) can stop it.
  em().beforeGit({ repo, service: 'git-receive-pack', stage: 'advertisement' }, () => {
    foreign = em().commitToBranch(repo, 'outbox/main', { 'theirs.txt': 'theirs\n' }, 'Someone else');
  });
  const second = await publish({
    token: TOKEN,
    inputs: { repo, run: 'printf y > b.sh && chmod +x b.sh', 'sign-commits': 'true' }
  });
  expectSuccess(second);
  expect(foreign).toMatch(/^[0-9a-f]{40}$/);
  expect(second.outputs).toMatchObject({ pushed: 'false' });
  expect(em().branchSha(repo, 'outbox/main')).toBe(foreign);
  expect(second.main.log).toMatch(/Superseded: 'outbox\/main' was updated on GitHub/);
  expect(signingBranches(repo)).toEqual([]);
});

test('a file over 40 MiB is refused by name before anything is sent', async () => {
  const repo = newRepo(em(), 'signed-big');
  const before = em().requests.length;
  const result = await publish({
    token: TOKEN,
    inputs: { repo, run: 'head -c 42991616 /dev/zero > "big file.bin"', 'sign-commits': 'true' }
  });
  expectFailure(
    result,
    /cannot be published as a signed commit: big file\.bin is 41\.0 MiB \(42991616 bytes\), more than the 40 MiB/
  );
  expect(pushesTo(em(), repo)).toBe(0);
  expect(restWrites(before, '(blobs|trees|commits|refs)')).toBe(0);
  expect(em().countRequests({ since: before, operation: 'createCommitOnBranch' })).toBe(0);
  expect(em().branchSha(repo, 'outbox/main')).toBeNull();
});
