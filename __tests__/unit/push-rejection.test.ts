import { classifyRejection, explainRefusal, quoteRemote, readRejection } from '../../src/push-rejection.js';

const where = { branch: 'main', mode: 'push' as const };

test('git\'s own rejections of a moved ref are "moved"; receive-pack races need the tip; the rest is refused', () => {
  for (const reason of ['stale info', 'fetch first', 'non-fast-forward'])
    expect(classifyRejection(readRejection(`[rejected] (${reason})`, ''))).toBe('moved');
  expect(
    classifyRejection(
      readRejection("[remote rejected] (cannot lock ref 'refs/heads/main': is at 1 but expected 2)", '')
    )
  ).toBe('maybe-moved');
  // A shallow clone whose base was force-pushed away: the server cannot connect our commit.
  expect(classifyRejection(readRejection('[remote rejected] (shallow update not allowed)', ''))).toBe(
    'maybe-moved'
  );
  for (const reason of [
    'pre-receive hook declined',
    'protected branch hook declined',
    'push declined due to repository rule violations',
    'refusing to allow a GitHub App to create or update workflow `.github/workflows/a.yml` without `workflows` permission'
  ]) {
    expect(classifyRejection(readRejection(`[remote rejected] (${reason})`, ''))).toBe('refused');
  }
});

test('the remote lines are read without prefix, padding or escapes', () => {
  const stderr =
    'remote: error: GH006: Protected branch update failed for refs/heads/main.        \nremote: \x1b[K\nremote: - Changes must be made through a pull request.\x1b[K\nerror: failed to push some refs\n';
  const rejection = readRejection('[remote rejected] (protected branch hook declined)', stderr);
  expect(rejection.reason).toBe('protected branch hook declined');
  expect(rejection.remote).toEqual([
    'error: GH006: Protected branch update failed for refs/heads/main.',
    '',
    '- Changes must be made through a pull request.'
  ]);
});

test('quoted server text cannot start a line with a runner command', () => {
  const rejection = readRejection(
    '[remote rejected] (pre-receive hook declined)',
    'remote: ::error::injected\nremote: ::add-mask::x\n'
  );
  const quoted = quoteRemote(rejection);
  for (const line of quoted.split('\n')) expect(line).toMatch(/^ {2}remote: /);
  const { problem } = explainRefusal(rejection, where);
  for (const line of problem.split('\n')) expect(line).not.toMatch(/^::/);
});

test('each refusal names the fix', () => {
  const app = readRejection(
    '[remote rejected] (refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission)',
    ''
  );
  expect(explainRefusal(app, where).fix).toMatch(/'workflows: write'/);
  const pat = readRejection(
    '[remote rejected] (refusing to allow a Personal Access Token to create or update workflow `.github/workflows/ci.yml` without `workflow` scope)',
    ''
  );
  expect(explainRefusal(pat, where).fix).toMatch(/'workflow' scope/);
  const gh006 = readRejection(
    '[remote rejected] (protected branch hook declined)',
    'remote: error: GH006: Protected branch update failed for refs/heads/main.\n'
  );
  expect(explainRefusal(gh006, where).fix).toMatch(/mode: pull-request/);
  const gh013 = readRejection(
    '[remote rejected] (push declined due to repository rule violations)',
    'remote: error: GH013: Repository rule violations found for refs/heads/main.\nremote: - GITHUB PUSH PROTECTION\n'
  );
  expect(explainRefusal(gh013, where)).toMatchObject({
    problem: expect.stringMatching(/Push protection found a secret/),
    fix: expect.stringMatching(/unblock URL.*Security tab/s)
  });
  const gh001 = readRejection(
    '[remote rejected] (pre-receive hook declined)',
    'remote: error: GH001: Large files detected.\n'
  );
  expect(explainRefusal(gh001, where).fix).toMatch(/Git LFS/);
  const hook = readRejection(
    '[remote rejected] (pre-receive hook declined)',
    'remote: commit message must name a ticket\n'
  );
  expect(explainRefusal(hook, where).problem).toMatch(
    /pre-receive hook.*\n[\s\S]*remote: commit message must name a ticket|remote: commit message must name a ticket[\s\S]*pre-receive hook/
  );
});

test('only a protected branch is explained differently in push and pull-request mode', () => {
  const refusals = [
    readRejection(
      '[remote rejected] (pre-receive hook declined)',
      'remote: error: GH001: Large files detected.\n'
    ),
    readRejection(
      '[remote rejected] (push declined due to repository rule violations)',
      'remote: error: GH013: Repository rule violations found for refs/heads/main.\nremote: - GITHUB PUSH PROTECTION\n'
    ),
    readRejection(
      '[remote rejected] (pre-receive hook declined)',
      'remote: commit message must name a ticket\n'
    )
  ];
  for (const rejection of refusals) {
    expect(classifyRejection(rejection)).toBe('refused');
    expect(explainRefusal(rejection, { branch: 'outbox/main', mode: 'pull-request' })).toEqual(
      explainRefusal(rejection, { branch: 'outbox/main', mode: 'push' })
    );
  }
  expect(explainRefusal(refusals[0], { branch: 'outbox/main', mode: 'pull-request' }).fix).toMatch(/Git LFS/);
  const gh006 = readRejection(
    '[remote rejected] (protected branch hook declined)',
    'remote: error: GH006: Protected branch update failed for refs/heads/outbox/main.\n'
  );
  expect(explainRefusal(gh006, { branch: 'outbox/main', mode: 'pull-request' }).fix).toMatch(
    /Choose another 'branch'/
  );
});
