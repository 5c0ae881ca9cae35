/**
 * Pushes GitHub refuses for reasons that are not a moved branch: a workflow file without the
 * token's permission, a protected branch (GH006), push protection (GH013), a file over the size
 * limit (GH001), a pre-receive hook. First the emulator against a plain git client (the texts and
 * porcelain shape GitHub sends), then the action: exit 1, one error quoting GitHub and the fix,
 * nothing reported as superseded, no outputs claiming a push.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { emulatorEnv } from '../../test-support/emulator/index.js';
import { gitClientEnv, ok, removeTempDirs, run, tempDir } from './clients.js';
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

const TOKENS = {
  app: 'ghs_pushRulesApp0000000000000000000001',
  appWorkflows: 'ghs_pushRulesAppWorkflows000000000002',
  oauth: 'gho_pushRulesOauth00000000000000000003',
  classic: 'ghp_pushRulesClassic000000000000000004',
  classicWorkflow: 'ghp_pushRulesClassicWorkflow00000005'
};
const suite = useEmulator((emulator) => {
  emulator.addToken(TOKENS.app, { login: 'outbox-app[bot]' });
  emulator.addToken(TOKENS.appWorkflows, { login: 'outbox-app[bot]', permissions: { workflows: 'write' } });
  emulator.addToken(TOKENS.oauth, { login: 'oauth-user', scopes: 'repo, read:org' });
  emulator.addToken(TOKENS.classic, { login: 'pat-user', scopes: 'repo, read:org' });
  emulator.addToken(TOKENS.classicWorkflow, { login: 'pat-user', scopes: 'repo, read:org, workflow' });
});
const em = (): Emulator => suite.emulator;
afterAll(() => removeTempDirs());

/** A fake classic token as push protection recognises it (never a registered token). */
const FAKE_SECRET = `ghp_${'Z9'.repeat(18)}`;

/**
 * A clone of `repo` by a plain git client that pushes with `token`, or with the token a push
 * names (one clone serves every token). Files are written by this process: one git process per
 * commit step, not a shell and a mkdir.
 */
async function clientClone(repo: string, token: string) {
  const home = tempDir('push-rules-');
  const env = gitClientEnv(home, emulatorEnv(em()));
  const dir = path.join(home, 'clone');
  await ok('git', ['clone', '-q', `https://x-access-token:${token}@github.com/${repo}.git`, dir], { env });
  const git = (args: string[], input?: string) => run('git', args, { env, cwd: dir, input });
  /** `git push` with another token than the clone's. */
  const pushAs = (as: string, args: string[]) =>
    git(['push', ...args.slice(0, -1), `https://x-access-token:${as}@github.com/${repo}.git`, args.at(-1)!]);
  const commit = async (file: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
    await ok('git', ['add', '-A'], { env, cwd: dir });
    await ok('git', ['commit', '-q', '-m', `Add ${file}`], { env, cwd: dir });
  };
  return { git, pushAs, commit };
}

/** `remote:` lines of git's stderr, without the client's padding. */
const remoteLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('remote:'))
    .map((line) => line.trimEnd());

describe('the emulator refuses pushes as GitHub does', () => {
  test("a workflow file without the permission: GitHub's reason for each kind of token, and nothing moves", async () => {
    const repo = newRepo(em(), 'rules-workflow');
    const before = em().branchSha(repo, 'main');
    const cases: Array<[string, string]> = [
      [
        TOKENS.app,
        'refusing to allow a GitHub App to create or update workflow `.github/workflows/ci.yml` without `workflows` permission'
      ],
      [
        TOKENS.oauth,
        'refusing to allow an OAuth App to create or update workflow `.github/workflows/ci.yml` without `workflow` scope'
      ],
      [
        TOKENS.classic,
        'refusing to allow a Personal Access Token to create or update workflow `.github/workflows/ci.yml` without `workflow` scope'
      ]
    ];
    const client = await clientClone(repo, TOKENS.app);
    await client.commit('.github/workflows/ci.yml', 'on: push\n');
    for (const [token, reason] of cases) {
      const porcelain = await client.pushAs(token, ['--porcelain', 'HEAD:refs/heads/main']);
      expect(porcelain.code).toBe(1);
      expect(porcelain.stdout).toContain(`!\tHEAD:refs/heads/main\t[remote rejected] (${reason})\n`);
      expect(remoteLines(porcelain.stderr)).toEqual([]);
      const plain = await client.pushAs(token, ['HEAD:main']);
      expect(plain.stderr).toContain(` ! [remote rejected] HEAD -> main (${reason})\n`);
      expect(em().branchSha(repo, 'main')).toBe(before);
    }
    expect(
      em()
        .requests.filter((r) => r.pushRefusal)
        .at(-1)?.pushRefusal
    ).toEqual([{ ref: 'refs/heads/main', rule: 'workflow', reason: cases[2][1] }]);
  });

  test('with the permission or scope the push goes through; a file that another branch holds as it is needs neither', async () => {
    const repo = newRepo(em(), 'rules-workflow-ok');
    const client = await clientClone(repo, TOKENS.app);
    for (const token of [TOKENS.appWorkflows, TOKENS.classicWorkflow]) {
      await client.commit(`.github/workflows/${token.slice(0, 3)}.yml`, 'on: push\n');
      expect((await client.pushAs(token, ['HEAD:main'])).code).toBe(0);
    }
    em().commitToBranch(
      repo,
      'ci',
      { '.github/workflows/shared.yml': 'on: pull_request\n' },
      'Add the shared workflow'
    );
    await client.commit('.github/workflows/shared.yml', 'on: pull_request\n');
    expect((await client.git(['push', 'origin', 'HEAD:main'])).code).toBe(0);
    await client.commit('.github/workflows/shared.yml', 'on: push\n');
    expect((await client.git(['push', 'origin', 'HEAD:main'])).code).toBe(1);
  });

  test("GH006: a protected branch, with the rule's reasons", async () => {
    const repo = newRepo(em(), 'rules-protected');
    em().setPushRules(repo, {
      protectedBranches: { main: { requirePullRequest: true, requiredStatusChecks: ['build'] } }
    });
    const before = em().branchSha(repo, 'main');
    const client = await clientClone(repo, TOKENS.app);
    await client.commit('a.txt', 'a\n');
    const pushed = await client.git(['push', '--porcelain', 'origin', 'HEAD:refs/heads/main']);
    expect(pushed.code).toBe(1);
    expect(pushed.stdout).toContain(
      '!\tHEAD:refs/heads/main\t[remote rejected] (protected branch hook declined)\n'
    );
    expect(remoteLines(pushed.stderr)).toEqual([
      'remote: error: GH006: Protected branch update failed for refs/heads/main.',
      'remote:',
      'remote: - Changes must be made through a pull request.',
      'remote: - Required status check "build" is expected.'
    ]);
    expect(em().branchSha(repo, 'main')).toBe(before);
    expect((await client.git(['push', 'origin', 'HEAD:refs/heads/feature'])).code).toBe(0);
  });

  test("GH013: push protection names the secret's commit and line and the URL that allows it", async () => {
    const repo = newRepo(em(), 'rules-secret');
    em().setPushRules(repo, { pushProtection: true });
    const client = await clientClone(repo, TOKENS.app);
    await client.commit('config/settings.env', `NAME=demo\nTOKEN=${FAKE_SECRET}\n`);
    const sha = (await client.git(['rev-parse', 'HEAD'])).stdout.trim();
    const pushed = await client.git(['push', '--porcelain', 'origin', 'HEAD:refs/heads/main']);
    expect(pushed.stdout).toContain(
      '!\tHEAD:refs/heads/main\t[remote rejected] (push declined due to repository rule violations)\n'
    );
    const lines = remoteLines(pushed.stderr);
    expect(lines[0]).toBe('remote: error: GH013: Repository rule violations found for refs/heads/main.');
    expect(lines).toEqual(
      expect.arrayContaining([
        'remote: - GITHUB PUSH PROTECTION',
        'remote:     - Push cannot contain secrets',
        `remote:          - commit: ${sha}`,
        'remote:            path: config/settings.env:2',
        'remote:        (?) To push, remove secret from commit(s) or follow this URL to allow the secret.'
      ])
    );
    expect(lines.some((line) => /^remote: {7}—— GitHub Personal Access Token —+$/.test(line))).toBe(true);
    expect(
      lines.some((line) =>
        line.startsWith(`remote:        https://github.com/${repo}/security/secret-scanning/unblock-secret/`)
      )
    ).toBe(true);
    expect(pushed.stderr).not.toContain(FAKE_SECRET);
  });

  test('GH001: a file over the limit (100 MB by default, less when a test says so)', async () => {
    const repo = newRepo(em(), 'rules-large');
    const client = await clientClone(repo, TOKENS.app);
    await client.commit('mid.bin', 'x'.repeat(1_572_864));
    expect((await client.git(['push', 'origin', 'HEAD:main'])).code).toBe(0);
    em().setPushRules(repo, { maxFileSize: 1024 * 1024 });
    await client.commit('big.bin', 'y'.repeat(1_572_864));
    const pushed = await client.git(['push', '--porcelain', 'origin', 'HEAD:refs/heads/main']);
    expect(pushed.stdout).toContain(
      '!\tHEAD:refs/heads/main\t[remote rejected] (pre-receive hook declined)\n'
    );
    const lines = remoteLines(pushed.stderr);
    expect(lines[0]).toMatch(/^remote: error: Trace: [0-9a-f]{64}$/);
    expect(lines.slice(1)).toEqual([
      'remote: error: See https://gh.io/lfs for more information.',
      "remote: error: File big.bin is 1.50 MB; this exceeds GitHub's file size limit of 1.00 MB",
      'remote: error: GH001: Large files detected. You may want to try Git Large File Storage - https://git-lfs.github.com.'
    ]);
  });

  test('a custom pre-receive hook: its words, and "pre-receive hook declined"', async () => {
    const repo = newRepo(em(), 'rules-hook');
    em().setPushRules(repo, {
      preReceiveHook: (update) =>
        update.ref === 'refs/heads/main'
          ? 'Commits to main need a ticket id.\nSee https://example.invalid/policy'
          : undefined
    });
    const client = await clientClone(repo, TOKENS.app);
    await client.commit('a.txt', 'a\n');
    const pushed = await client.git(['push', '--porcelain', 'origin', 'HEAD:refs/heads/main']);
    expect(pushed.stdout).toContain(
      '!\tHEAD:refs/heads/main\t[remote rejected] (pre-receive hook declined)\n'
    );
    expect(remoteLines(pushed.stderr)).toEqual([
      'remote: Commits to main need a ticket id.',
      'remote: See https://example.invalid/policy'
    ]);
    expect((await client.git(['push', 'origin', 'HEAD:refs/heads/other'])).code).toBe(0);
  });
});

/** The step failed on GitHub's refusal: one error with GitHub's words and the fix, nothing claimed. */
function expectRefused(result: Run, quoted: RegExp, fix: RegExp): void {
  expectFailure(result, quoted);
  expect(result.main.errors[0]).toMatch(fix);
  expect(result.main.log).not.toMatch(/Superseded/);
  expect(result.main.log).not.toMatch(/^::notice::/m);
  expect(result.outputs.pushed).toBeUndefined();
  expect(result.outputs['pull-request-operation']).toBeUndefined();
  expect(result.outputs['head-sha']).toBeUndefined();
}

const WORKFLOW_SCRIPT =
  'mkdir -p .github/workflows && printf "on: push\\n" > .github/workflows/generated.yml';

// GH013 in push mode and GH001 in pull-request mode: which refusals are retried and how each is
// explained in either mode are pure decisions (__tests__/unit/push-rejection.test.ts); the
// wiring of a refusal in each mode is proven below (GH013 and GH006 in pull-request mode, GH001
// and GH006 in push mode, the workflow refusal and the hook in both).
describe("the action fails with GitHub's reason", () => {
  test('pull-request mode, an open pull request, a workflow file: no "unchanged", the error names the permission', async () => {
    const repo = newRepo(em(), 'refused-workflow-pr');
    const first = await publish({ token: TOKENS.app, inputs: { repo, run: 'echo 1 > data.txt' } });
    expect(first.outputs['pull-request-operation']).toBe('created');
    const head = em().branchSha(repo, 'outbox/main');
    // The action's own policy allows it: what is tested is GitHub's refusal of the push.
    const result = await publish({
      token: TOKENS.app,
      inputs: { repo, run: `echo 2 > data.txt && ${WORKFLOW_SCRIPT}`, 'allow-workflow-changes': 'true' }
    });
    expectRefused(
      result,
      /GitHub refused the push to 'outbox\/main' \(refusing to allow a GitHub App to create or update workflow `\.github\/workflows\/generated\.yml` without `workflows` permission\)/,
      /'workflows: write'.*GITHUB_TOKEN can never/s
    );
    expect(em().branchSha(repo, 'outbox/main')).toBe(head);
    expect(em().pullsOf(repo)).toHaveLength(1);
  });

  test('push mode, a classic token without the workflow scope: refused once, not retried', async () => {
    const repo = newRepo(em(), 'refused-workflow-push');
    const before = em().branchSha(repo, 'main');
    const result = await publish({
      token: TOKENS.classic,
      inputs: { repo, mode: 'push', run: WORKFLOW_SCRIPT, 'allow-workflow-changes': 'true' }
    });
    expectRefused(
      result,
      /without `workflow` scope/,
      /classic personal access token or OAuth app token with the 'workflow' scope/
    );
    expect(pushesTo(em(), repo)).toBe(1);
    expect(em().branchSha(repo, 'main')).toBe(before);
  });

  test('GH006 in push mode: branch protection, publish through a pull request instead', async () => {
    const repo = newRepo(em(), 'refused-protected-push');
    em().setPushRules(repo, { protectedBranches: { main: { requiredStatusChecks: ['ci/build'] } } });
    const result = await publish({
      token: TOKENS.app,
      inputs: { repo, mode: 'push', run: 'echo x > x.txt' }
    });
    expectRefused(
      result,
      /\(protected branch hook declined\):\n {2}remote: error: GH006: Protected branch update failed for refs\/heads\/main\.\n {2}remote: \n {2}remote: - Required status check "ci\/build" is expected\./,
      /'mode: pull-request'/
    );
    expect(pushesTo(em(), repo)).toBe(1);
  });

  test('GH006 in pull-request mode: the pull request branch is protected; no pull request is opened', async () => {
    const repo = newRepo(em(), 'refused-protected-pr');
    em().setPushRules(repo, { protectedBranches: { 'outbox/main': { requirePullRequest: true } } });
    const result = await publish({ token: TOKENS.app, inputs: { repo, run: 'echo x > x.txt' } });
    expectRefused(
      result,
      /GH006: Protected branch update failed for refs\/heads\/outbox\/main\./,
      /Choose another 'branch'/
    );
    expect(em().pullsOf(repo)).toHaveLength(0);
    expect(em().branchSha(repo, 'outbox/main')).toBeNull();
  });

  test('GH013 in pull-request mode: push protection blocked a secret; where it is and where to look', async () => {
    const repo = newRepo(em(), 'refused-secret-pr');
    em().setPushRules(repo, { pushProtection: true });
    const result = await publish({
      token: TOKENS.app,
      inputs: { repo, run: `printf 'TOKEN=${FAKE_SECRET}\\n' > settings.env` }
    });
    expectRefused(
      result,
      new RegExp(
        `GH013: Repository rule violations found for refs/heads/outbox/main[\\s\\S]*path: settings\\.env:1[\\s\\S]*https://github\\.com/${repo}/security/secret-scanning/unblock-secret/\\S+[\\s\\S]*Push protection found a secret`
      ),
      /unblock URL GitHub printed above; the repository's Security tab \(Secret scanning\)/
    );
    expect(em().pullsOf(repo)).toHaveLength(0);
  });

  test('GH001 in push mode: the file over the limit, and Git LFS', async () => {
    const repo = newRepo(em(), 'refused-large-push');
    em().setPushRules(repo, { maxFileSize: 1024 * 1024 });
    const result = await publish({
      token: TOKENS.app,
      inputs: { repo, mode: 'push', run: 'head -c 1572864 /dev/zero > big.bin' }
    });
    expectRefused(
      result,
      /remote: error: File big\.bin is 1\.50 MB; this exceeds GitHub's file size limit of 1\.00 MB\n {2}remote: error: GH001: Large files detected/,
      /Git LFS/
    );
    expect(pushesTo(em(), repo)).toBe(1);
  });

  test('a pre-receive hook: its message quoted as data, unable to issue runner commands', async () => {
    const repo = newRepo(em(), 'refused-hook');
    em().setPushRules(repo, {
      preReceiveHook: '::error::injected by the hook\n::add-mask::nothing\nCommits need a ticket id.'
    });
    for (const mode of ['pull-request', 'push']) {
      const result = await publish({ token: TOKENS.app, inputs: { repo, mode, run: 'echo x > x.txt' } });
      expectRefused(
        result,
        /\(pre-receive hook declined\):\n {2}remote: ::error::injected by the hook\n {2}remote: ::add-mask::nothing\n {2}remote: Commits need a ticket id\./,
        /the hook/
      );
      const commands = result.main.stdout.split('\n').filter((line) => line.startsWith('::'));
      expect(
        commands.filter((line) => !/^::(debug|add-mask)::/.test(line)).map((line) => line.slice(0, 9))
      ).toEqual(['::error::']);
      expect(result.main.masks).not.toContain('nothing');
    }
    expect(em().pullsOf(repo)).toHaveLength(0);
  });
});

describe('a branch that really moved is still told apart', () => {
  test('pull-request mode: moved during the push (receive-pack loses the race), confirmed by its tip: "Superseded"', async () => {
    const repo = newRepo(em(), 'moved-during-pr-push');
    const hook = em().beforeGit({ repo, service: 'git-receive-pack' }, () => {
      em().commitToBranch(repo, 'outbox/main', { 'theirs.txt': 'theirs\n' }, 'Their change');
    });
    const result = await publish({ token: TOKENS.app, inputs: { repo, run: 'echo x > x.txt' } });
    await hook.done;
    expectSuccess(result);
    expect(result.main.log).toMatch(
      /^::notice::Superseded: 'outbox\/main' was updated on GitHub while this run worked \(push rejected: (cannot lock ref|failed to update ref)/m
    );
    expect(result.outputs.pushed).toBe('false');
    expect(em().readTree(repo, 'outbox/main')['theirs.txt']).toBe('theirs\n');
  });
  // Push mode, the target moved during the push (rebased and pushed again): publishing.test.ts's
  // 'push mode' run, which a writer's push races.
});
