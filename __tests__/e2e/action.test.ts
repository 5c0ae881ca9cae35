/**
 * The built action (dist/) run as the runner runs it, against the GitHub emulator on
 * 127.0.0.1:443, with the real git and gh. Every case ends with the leak check.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  expectFailure,
  expectSuccess,
  newRepo as makeRepo,
  publish,
  pushesTo as countPushes,
  useEmulator,
  type Run
} from './support.js';

const TOKENS = {
  installation: 'ghs_e2eInstallationToken0000000000001',
  classicWithOrg: 'ghp_e2eClassicRepoReadOrg000000000002',
  classicSeedScopes: 'ghp_e2eClassicRepoUserEmail0000000003',
  classicNoRepo: 'ghp_e2eClassicGistOnly000000000000004',
  expiringSoon: 'github_pat_e2eExpiringSoon00000000005'
};

const suite = useEmulator((emulator) => {
  emulator.addToken(TOKENS.installation, { login: 'outbox-app[bot]', scopes: null });
  emulator.addToken(TOKENS.classicWithOrg, { login: 'octo-bot', scopes: 'repo, read:org' });
  emulator.addToken(TOKENS.classicSeedScopes, { login: 'octo-bot', scopes: 'repo, user:email' });
  emulator.addToken(TOKENS.classicNoRepo, { login: 'octo-bot', scopes: 'gist' });
  const soon = new Date(Date.now() + 3 * 86_400_000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
  emulator.addToken(TOKENS.expiringSoon, { login: 'octo-bot', scopes: null, expiration: soon });
});

function newRepo(files?: Record<string, string>, options = {}) {
  return makeRepo(suite.emulator, 'e2e', files, options);
}

function pushesTo(fullName: string): number {
  return countPushes(suite.emulator, fullName);
}

const REGENERATE = [
  'echo "generated $(date +%Y)" > data/generated.txt',
  'printf "# Sample\\n\\nRegenerated.\\n" > README.md',
  'rm -f data/old.txt',
  'mkdir -p build nested/dir && echo ignored > build/out.bin && echo new > nested/dir/file.txt'
].join('\n');

describe('token handling', () => {
  // A blank one is the same refusal: __tests__/unit/token.test.ts.
  test('an unset GITHUB_TOKEN fails before anything runs', async () => {
    const repo = newRepo();
    const before = suite.emulator.requests.length;
    const result = await publish({ token: undefined, inputs: { repo, run: REGENERATE } });
    expectFailure(result, /^GITHUB_TOKEN environment variable not set\n.*env:/s);
    expect(result.main.log).toContain('Reading GitHub token from environment variable');
    expect(suite.emulator.requests.length).toBe(before);
  });

  test('a classic token without repo scope fails early with the scope named', async () => {
    const repo = newRepo(undefined, { private: true });
    const result = await publish({ token: TOKENS.classicNoRepo, inputs: { repo, run: REGENERATE } });
    expectFailure(result, /scopes \(gist\) do not include 'repo'/);
    expect(pushesTo(repo)).toBe(0);
  });

  test('a missing gh is a clear error that says how to install it', async () => {
    const repo = newRepo();
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'no-gh-'));
    for (const tool of ['git', 'bash'])
      fs.symlinkSync(execFileSync('which', [tool], { encoding: 'utf8' }).trim(), path.join(bin, tool));
    const result = await publish({
      token: TOKENS.installation,
      env: { PATH: bin },
      inputs: { repo, run: REGENERATE }
    });
    expectFailure(result, /^'gh' was not found on PATH\.\n.*apt-get install -y gh/s);
    expect(pushesTo(repo)).toBe(0);
  });

  // A token that GitHub rejects (401): faults.test.ts, which also shows it is asked once.
});

/**
 * One run script with the installation token serves two tests: files named like pathspecs, and
 * what the script can reach (gh and git authenticated, no GITHUB_TOKEN nor the runner's tokens). Any failing line fails it.
 */
let scriptRunResult: Promise<{ repo: string; result: Run }> | undefined;
function scriptRun(): Promise<{ repo: string; result: Run }> {
  scriptRunResult ??= (async () => {
    const repo = newRepo();
    const run = [
      'mkdir -p build',
      'touch build/ignored',
      "echo star > '*'",
      "echo magic > ':(glob)x'",
      'echo edit >> README.md',
      'test -z "${GITHUB_TOKEN:-}"',
      // The runner's own tokens stay with the action, as with a `run:` step.
      'test -z "${ACTIONS_ID_TOKEN_REQUEST_TOKEN:-}${ACTIONS_ID_TOKEN_REQUEST_URL:-}"',
      'test -z "${ACTIONS_RUNTIME_TOKEN:-}${ACTIONS_CACHE_URL:-}${ACTIONS_RESULTS_URL:-}"',
      'gh auth status --hostname github.com',
      // stdin is at its end, as in a `run:` step: a script that reads it does not wait forever.
      'test -z "$(cat)"',
      'git ls-remote origin main > remote.txt'
    ].join('\n');
    const runnerTokens = {
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example/oidc',
      ACTIONS_RUNTIME_TOKEN: 'runtime-token',
      ACTIONS_CACHE_URL: 'https://cache.actions.example/',
      ACTIONS_RESULTS_URL: 'https://results.actions.example/'
    };
    const result = await publish({ token: TOKENS.installation, env: runnerTokens, inputs: { repo, run } });
    return { repo, result };
  })();
  return scriptRunResult;
}

/** A run's root folder whose workspace holds `body.md`. */
function rootWithBody(text: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-run-'));
  fs.mkdirSync(path.join(root, 'workspace'), { recursive: true });
  fs.writeFileSync(path.join(root, 'workspace', 'body.md'), text);
  return root;
}

// Over GitHub's limit in code points, and in UTF-16 units twice over (each emoji is two).
const LONG_BODY = `Release notes\n\n\`\`\`\n${'\u{1F600}'.repeat(70_000)}\n\`\`\`\n`;

describe('publishing a pull request', () => {
  // One pull request through created, unchanged, updated and closed: the first three runs serve
  // the tests after the first one too (body-path, the outputs that count changes).
  let repo = '';
  let inputs: Record<string, string> = {};
  let first: Run;
  let second: Run;
  test('created, then unchanged on a rerun, then updated, through gh login with an installation token', async () => {
    repo = newRepo();
    inputs = {
      repo,
      run: REGENERATE,
      title: 'Regenerate files',
      labels: 'automation, generated',
      'commit-message': 'Regenerate files\n\nBy the nightly job.',
      'body-path': 'body.md'
    };

    first = await publish({ token: TOKENS.installation, root: rootWithBody(LONG_BODY), inputs });
    expect(first.main.code).toBe(0);
    expect(first.main.log).toContain('Successfully read GitHub token from environment');
    expect(first.main.log).toContain('Token kind: GitHub App installation token');
    expect(first.main.log).toMatch(/gh auth login --with-token --hostname github\.com/);
    expect(first.outputs).toMatchObject({
      'pull-request-operation': 'created',
      pushed: 'true',
      branch: 'outbox/main',
      'pull-request-number': '1'
    });
    expect(first.outputs['pull-request-url']).toBe(`https://github.com/${repo}/pull/1`);
    expect(first.outputs['head-sha']).toBe(suite.emulator.branchSha(repo, 'outbox/main'));
    // The clone is made without git's template: no hook (the runner's template's included) to run.
    expect(fs.existsSync(path.join(first.outputs.path, '.git', 'hooks'))).toBe(false);

    const pr = suite.emulator.pulls.find(
      (p) => p.head.ref === 'outbox/main' && p.html_url.includes(`/${repo}/`)
    )!;
    expect(pr).toMatchObject({
      title: 'Regenerate files',
      state: 'open',
      base: expect.objectContaining({ ref: 'main' })
    });
    expect(pr.labels.map((l: { name: string }) => l.name).sort()).toEqual(['automation', 'generated']);

    const tree = suite.emulator.readTree(repo, 'outbox/main');
    expect(Object.keys(tree).sort()).toEqual([
      '.gitignore',
      'README.md',
      'data/generated.txt',
      'nested/dir/file.txt'
    ]);
    expect(tree['README.md']).toBe('# Sample\n\nRegenerated.\n');
    expect(suite.emulator.git(repo, ['log', '-1', '--format=%an <%ae>|%cn <%ce>|%s|%P', 'outbox/main'])).toBe(
      `github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>|Regenerate files|${suite.emulator.branchSha(repo, 'main')}`
    );
    const gitTokens = suite.emulator.requests
      .filter((r) => r.kind === 'git' && r.path.startsWith(`/${repo}`) && r.token)
      .map((r) => r.token);
    expect(new Set(gitTokens)).toEqual(new Set([TOKENS.installation]));
    expect(first.summary).toContain(repo);
    expect(first.summary).toContain(`https://github.com/${repo}/pull/1`);
    expect(first.summary).toContain('data/generated.txt');

    const pushesBefore = pushesTo(repo);
    second = await publish({ token: TOKENS.installation, root: rootWithBody(LONG_BODY), inputs });
    expect(second.main.code).toBe(0);
    expect(second.outputs).toMatchObject({
      'pull-request-operation': 'unchanged',
      pushed: 'false',
      'pull-request-number': '1',
      'head-sha': first.outputs['head-sha']
    });
    expect(pushesTo(repo)).toBe(pushesBefore);

    inputs = { ...inputs, run: `${REGENERATE}\necho more >> README.md` };
    const third = await publish({ token: TOKENS.installation, root: rootWithBody(LONG_BODY), inputs });
    expect(third.main.code).toBe(0);
    expect(third.outputs).toMatchObject({
      'pull-request-operation': 'updated',
      pushed: 'true',
      'pull-request-number': '1'
    });
    expect(suite.emulator.readTree(repo, 'outbox/main')['README.md']).toBe(
      '# Sample\n\nRegenerated.\nmore\n'
    );
    expect(suite.emulator.pulls.filter((p) => p.html_url.includes(`/${repo}/`))).toHaveLength(1);
  });

  test("body-path: read from the workspace, cut to GitHub's limit with a note, and a warning", () => {
    expect(first.main.code).toBe(0);
    const body = suite.emulator.pullsOf(repo)[0].body as string;
    expect(body.startsWith('Release notes\n\n```\n\u{1F600}')).toBe(true);
    expect([...body].length).toBeLessThanOrEqual(65536);
    expect([...body].length).toBeGreaterThan(65000);
    expect(body).toMatch(
      /\n```\n\n---\n\*\[Pull request body truncated: the 'body-path' input held 70024 characters/
    );
    expect(first.main.log).toMatch(
      /^::warning::The pull request body from 'body-path' has 70024 characters/m
    );
  });

  test('HEAD and the changed paths are read once after the commit', () => {
    // For the policy, LFS and the count (src/change-facts.ts): one commit on the target, so its
    // log is the net difference too (no diff, no cat-file).
    const afterCommit = first.main.log.slice(first.main.log.indexOf('[command]git commit'));
    const reads = afterCommit.match(
      /^\[command\]git (log -m|diff --name|rev-list --objects|cat-file)\b.*$/gm
    );
    expect(reads?.map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual(['[command]git log -m']);
  });

  test('changes-detected and changed-files count what the run publishes: created, unchanged, then closed', async () => {
    // data/generated.txt and nested/dir/file.txt added, README.md changed, data/old.txt removed.
    expect(first.outputs).toMatchObject({
      'pull-request-operation': 'created',
      'changes-detected': 'true',
      'changed-files': '4'
    });
    // Already published: nothing pushed, but the run still proposes the same four files.
    expect(second.outputs).toMatchObject({
      'pull-request-operation': 'unchanged',
      pushed: 'false',
      'changes-detected': 'true',
      'changed-files': '4'
    });

    // The same changes land on the target in a commit of their own: nothing is left to propose.
    const published = suite.emulator.readTree(repo, 'outbox/main');
    const onMain = suite.emulator.readTree(repo, 'main');
    const landed: Record<string, string | null> = { ...published };
    for (const file of Object.keys(onMain)) if (!(file in published)) landed[file] = null;
    suite.emulator.commitToBranch(repo, 'main', landed);
    const closed = await publish({ token: TOKENS.installation, root: rootWithBody(LONG_BODY), inputs });
    expectSuccess(closed);
    expect(closed.outputs).toMatchObject({
      'pull-request-operation': 'closed',
      'changes-detected': 'false',
      'changed-files': '0'
    });
  });

  test('new files named like pathspecs are committed by name, ignored files stay out', async () => {
    const { repo, result } = await scriptRun();
    expect(result.main.code).toBe(0);
    const tree = suite.emulator.readTree(repo, 'outbox/main');
    // remote.txt is what the run script's git wrote (the next test).
    expect(Object.keys(tree).sort()).toEqual([
      '*',
      '.gitignore',
      ':(glob)x',
      'README.md',
      'data/old.txt',
      'remote.txt'
    ]);
    expect(tree['README.md']).toBe('# Sample\nedit\n');
  });

  // With a token that expires soon: the warning is asserted in 'gh authentication ways'.
  test('no changes: operation none, nothing pushed, no pull request', async () => {
    const { repo, result } = await expiringTokenRun();
    expect(result.main.code).toBe(0);
    expect(result.outputs).toMatchObject({
      'pull-request-operation': 'none',
      pushed: 'false',
      'pull-request-number': ''
    });
    expect(pushesTo(repo)).toBe(0);
    expect(suite.emulator.branchSha(repo, 'outbox/main')).toBeNull();
  });

  test('an unknown target branch is a clear error naming the input', async () => {
    const repo = newRepo();
    const result = await publish({
      token: TOKENS.installation,
      inputs: { repo, 'target-branch': 'no-such-branch', run: REGENERATE }
    });
    expectFailure(result, /^Input 'target-branch': branch 'no-such-branch' does not exist/);
    expect(pushesTo(repo)).toBe(0);
  });

  // dry-run: lfs.test.ts, whose dry run asserts this case's facts too.

  // A failing run script: gh-versions.test.ts, whose failed main steps are such runs.

  test('the run script has gh and git authenticated, no GITHUB_TOKEN and an empty stdin', async () => {
    const { repo, result } = await scriptRun();
    expect(result.main.code).toBe(0);
    expect(suite.emulator.readTree(repo, 'outbox/main')['remote.txt']).toMatch(
      /^[0-9a-f]{40}\trefs\/heads\/main\n$/
    );
  });

  // With a classic token (repo, read:org): its login is asserted in 'gh authentication ways'.
  test('explicit branch, target, path, draft and author', async () => {
    const { repo, result } = await classicLoginRun();
    expect(result.main.code).toBe(0);
    expect(result.outputs.path).toBe(path.join(result.dirs.workspace, 'checkout'));
    const pr = suite.emulator.pulls.find((p) => p.html_url.includes(`/${repo}/`))!;
    expect(pr).toMatchObject({
      draft: true,
      head: expect.objectContaining({ ref: 'bot/update' }),
      base: expect.objectContaining({ ref: 'develop' })
    });
    expect(suite.emulator.readTree(repo, 'bot/update')).toEqual({ 'a.txt': 'dev\n', 'b.txt': 'b\n' });
    expect(suite.emulator.git(repo, ['log', '-1', '--format=%an <%ae>', 'bot/update'])).toBe(
      'Ann Author <ann@example.com>'
    );
  });
});

/** One run per token kind that has facts of its own, shared by the tests that read it. */
let classicLogin: Promise<{ repo: string; result: Run }> | undefined;
function classicLoginRun(): Promise<{ repo: string; result: Run }> {
  classicLogin ??= (async () => {
    const repo = newRepo({ 'a.txt': 'a\n' }, { branches: { develop: { files: { 'a.txt': 'dev\n' } } } });
    const result = await publish({
      token: TOKENS.classicWithOrg,
      inputs: {
        repo,
        'target-branch': 'develop',
        branch: 'bot/update',
        path: 'checkout',
        draft: 'true',
        author: 'Ann Author <ann@example.com>',
        run: 'echo b > b.txt'
      }
    });
    return { repo, result };
  })();
  return classicLogin;
}

let expiringToken: Promise<{ repo: string; result: Run }> | undefined;
function expiringTokenRun(): Promise<{ repo: string; result: Run }> {
  expiringToken ??= (async () => {
    const repo = newRepo();
    const result = await publish({
      token: TOKENS.expiringSoon,
      inputs: { repo, run: 'echo looking; touch build/ignored || true' }
    });
    return { repo, result };
  })();
  return expiringToken;
}

// A classic token with the seed's scopes (repo, user:email) going through GH_TOKEN, its run
// script's gh and the pull request it opens: gh-versions.test.ts, with both gh versions.
describe('gh authentication ways', () => {
  test('a classic token with repo and read:org logs in', async () => {
    const { result } = await classicLoginRun();
    expect(result.main.code).toBe(0);
    expect(result.main.log).toContain("with 'gh auth login --with-token'");
    expect(result.outputs['pull-request-operation']).toBe('created');
  });

  test('a token that expires soon gets a warning', async () => {
    const { result } = await expiringTokenRun();
    expect(result.main.code).toBe(0);
    expect(result.main.log).toMatch(/::warning::The token in GITHUB_TOKEN expires in \d day/);
  });
});

describe('GitHub Enterprise Server', () => {
  const ghes = {
    GITHUB_SERVER_URL: 'https://localhost',
    GITHUB_API_URL: 'https://localhost/api/v3',
    GITHUB_GRAPHQL_URL: 'https://localhost/api/graphql'
  };

  test.each([
    ['gh login', TOKENS.installation, "with 'gh auth login --with-token'"],
    ['GH_ENTERPRISE_TOKEN', TOKENS.classicSeedScopes, 'through GH_ENTERPRISE_TOKEN and GH_HOST']
  ])('publishes a pull request on host localhost through %s', async (_label, token, way) => {
    const repo = newRepo();
    // The script's git reaches the server through gh, the credential helper written for this host.
    const run = `${REGENERATE}\ngit ls-remote origin main > data/remote.txt`;
    const result = await publish({ token, env: ghes, inputs: { repo, run } });
    expect(result.main.code).toBe(0);
    expect(result.main.log).toContain(way);
    expect(result.main.log).toContain('Authenticated gh for localhost ');
    expect(suite.emulator.readTree(repo, 'outbox/main')['data/remote.txt']).toBe(
      `${suite.emulator.branchSha(repo, 'main')}\trefs/heads/main\n`
    );
    expect(result.outputs).toMatchObject({ 'pull-request-operation': 'created', pushed: 'true' });
    expect(result.outputs['pull-request-url']).toBe(`https://localhost/${repo}/pull/1`);
    const hosts = new Set(suite.emulator.requests.filter((r) => r.path.includes(repo)).map((r) => r.host));
    expect(hosts).toEqual(new Set(['localhost']));
  });
});
