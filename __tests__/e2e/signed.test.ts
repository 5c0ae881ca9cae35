/** sign-commits: commits re-created through createCommitOnBranch, which the emulator marks verified. */
import {
  expectFailure,
  expectSuccess,
  newRepo,
  publish,
  pushesTo,
  useEmulator,
  type Emulator
} from './support.js';

const TOKEN = 'ghs_e2eSigningToken00000000000000001';
const suite = useEmulator((emulator) => {
  emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null });
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

test('an executable file cannot be signed: the step fails before anything is published', async () => {
  const repo = newRepo(em(), 'signed-exec');
  const before = em().requests.length;
  const result = await publish({
    token: TOKEN,
    inputs: { repo, run: 'printf "#!/bin/sh\\n" > tool.sh && chmod +x tool.sh', 'sign-commits': 'true' }
  });
  expectFailure(result, /cannot be published as a signed commit: 'tool\.sh' is executable/);
  expect(pushesTo(em(), repo)).toBe(0);
  expect(
    em()
      .requests.slice(before)
      .some((r) => r.kind === 'graphql' && r.operation === 'createCommitOnBranch')
  ).toBe(false);
  expect(signingBranches(repo)).toEqual([]);
  expect(em().branchSha(repo, 'outbox/main')).toBeNull();
});

test('a symbolic link cannot be signed either', async () => {
  const repo = newRepo(em(), 'signed-link');
  const result = await publish({
    token: TOKEN,
    inputs: { repo, run: 'ln -s README.md link.md', 'sign-commits': 'true' }
  });
  expectFailure(result, /'link\.md' is a symbolic link/);
  expect(em().branchSha(repo, 'outbox/main')).toBeNull();
});
