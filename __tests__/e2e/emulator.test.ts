// Smoke test of the GitHub emulator against the real clients the action relies on: gh (2.23,
// Go), git (libcurl) and Node's fetch. It needs github.com to resolve to this machine and port
// 443 to be free, so it only runs inside the namespace made by scripts/in-netns.mjs:
//
//   node scripts/in-netns.mjs node --experimental-vm-modules node_modules/jest/bin/jest.js __tests__/e2e/emulator.test.ts
//
// Every child process is spawned asynchronously: the emulator answers from this very process,
// so a synchronous spawn of a client talking to it would deadlock.

import { randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emulatorEnv, startEmulator, type Emulator } from '../../test-support/emulator/index.js';
import { FETCH_CHILD, httpsRequest, ok, removeTempDirs, run, tempDir, type FetchResult } from './clients.js';

function which(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  throw new Error(`${name} not found on PATH`);
}

interface Sandbox {
  dir: string;
  env: NodeJS.ProcessEnv;
  hostsFile: string;
  gitConfig: string;
}

let emulator: Emulator;

/** A fresh HOME / gh config / global git config, trusting only the emulator's CA. */
function sandbox(extra: NodeJS.ProcessEnv = {}): Sandbox {
  const dir = tempDir('gh-sandbox-');
  const ghDir = path.join(dir, 'gh-config');
  const gitConfig = path.join(dir, 'gitconfig');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    LANG: 'C.UTF-8',
    HOME: dir,
    XDG_CONFIG_HOME: path.join(dir, 'xdg'),
    GH_CONFIG_DIR: ghDir,
    GIT_CONFIG_GLOBAL: gitConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    GH_PROMPT_DISABLED: '1',
    GH_NO_UPDATE_NOTIFIER: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Test Bot',
    GIT_AUTHOR_EMAIL: 'test-bot@example.invalid',
    GIT_COMMITTER_NAME: 'Test Bot',
    GIT_COMMITTER_EMAIL: 'test-bot@example.invalid',
    ...emulatorEnv(emulator),
    ...extra
  };
  return { dir, env, hostsFile: path.join(ghDir, 'hosts.yml'), gitConfig };
}

function readIfExists(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Requests logged since `mark` (an index into emulator.requests). */
function since(mark: number) {
  return emulator.requests.slice(mark);
}

/**
 * Node's fetch in a child process, trusting the emulator through NODE_EXTRA_CA_CERTS (read only
 * when node starts), as the action's own node does; `trustEmulator: false` leaves it out.
 */
async function fetchInChild(
  url: string,
  init: { token?: string; trustEmulator?: boolean } = {}
): Promise<FetchResult> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: os.tmpdir() };
  if (init.trustEmulator !== false) env.NODE_EXTRA_CA_CERTS = emulator.caFile;
  const arg = JSON.stringify({ url, method: 'GET', token: init.token });
  const r = await ok(process.execPath, ['--input-type=module', '-e', FETCH_CHILD, arg], { env });
  return JSON.parse(r.stdout) as FetchResult;
}

/**
 * The same exchange from this process (no node started per request), trusting the CA in `caFile`
 * (the emulator's unless told): what is checked here is the emulator's answer, not the client.
 */
function fetchIn(
  url: string,
  init: { method?: string; token?: string; body?: unknown; caFile?: string } = {}
): Promise<FetchResult> {
  const { caFile, ...rest } = init;
  return httpsRequest(url, { ...rest, ca: readFileSync(caFile ?? emulator.caFile) });
}

const api = (p: string) => `https://api.github.com${p}`;

const TOKENS = {
  full: 'gho_fullScopes0000000000000000000000000',
  noScopes: 'ghs_noScopes000000000000000000000000000',
  repoOnly: 'gho_repoOnly00000000000000000000000000',
  env: 'ghp_envToken00000000000000000000000000',
  enterprise: 'ghe_enterprise000000000000000000000000'
};

let ghPath: string;

beforeAll(async () => {
  ghPath = which('gh');
  emulator = await startEmulator({ sharedCA: true });
  emulator.addToken(TOKENS.full, { login: 'octo-bot', scopes: 'repo, read:org' });
  emulator.addToken(TOKENS.noScopes, {
    login: 'app-bot',
    scopes: null,
    expiration: '2026-12-01 10:00:00 UTC'
  });
  emulator.addToken(TOKENS.repoOnly, { login: 'repo-bot', scopes: 'repo' });
  emulator.addToken(TOKENS.env, { login: 'env-user', scopes: 'repo, read:org' });
  emulator.addToken(TOKENS.enterprise, { login: 'ent-user', scopes: null });
});

afterAll(async () => {
  await emulator?.close();
  removeTempDirs();
});

describe('emulator state helpers', () => {
  test('createRepo makes a deterministic bare repo with branches, readable through the helpers', () => {
    const made = emulator.createRepo('helpers/one', {
      files: { 'README.md': '# one\n', 'dir/a.txt': 'a\n' },
      branches: { other: { files: { 'other.txt': 'o\n' } }, same: {} }
    });
    expect(made.fullName).toBe('helpers/one');
    expect(existsSync(path.join(made.bareDir, 'HEAD'))).toBe(true);
    expect(emulator.git('helpers/one', ['symbolic-ref', 'HEAD'])).toBe('refs/heads/main');
    expect(emulator.git('helpers/one', ['config', 'http.receivepack'])).toBe('true');
    const main = emulator.branchSha('helpers/one', 'main');
    expect(main).toMatch(/^[0-9a-f]{40}$/);
    expect(emulator.branchSha('helpers/one', 'same')).toBe(main);
    expect(emulator.branchSha('helpers/one', 'nope')).toBeNull();
    expect(emulator.readTree('helpers/one', 'main')).toEqual({ 'README.md': '# one\n', 'dir/a.txt': 'a\n' });
    expect(emulator.readTree('helpers/one', 'other')).toEqual({
      'README.md': '# one\n',
      'dir/a.txt': 'a\n',
      'other.txt': 'o\n'
    });
    expect(
      emulator.git('helpers/one', ['log', '-1', '--format=%an <%ae> %ad', '--date=iso-strict', 'main'])
    ).toBe('Upstream Octocat <upstream@users.noreply.github.com> 2024-01-01T10:00:00+00:00');

    // Same inputs, same commit: the initial commit is deterministic.
    const again = emulator.createRepo('helpers/two', {
      files: { 'README.md': '# one\n', 'dir/a.txt': 'a\n' }
    });
    expect(again.bareDir).not.toBe(made.bareDir);
    expect(emulator.branchSha('helpers/two', 'main')).toBe(main);
    const different = emulator.createRepo('helpers/three', { files: { 'README.md': '# three\n' } });
    expect(emulator.branchSha(different.fullName, 'main')).not.toBe(main);

    const next = emulator.commitToBranch(
      'helpers/one',
      'main',
      { 'dir/a.txt': null, 'b.txt': 'b\n' },
      'someone else'
    );
    expect(emulator.branchSha('helpers/one', 'main')).toBe(next);
    expect(emulator.git('helpers/one', ['rev-parse', 'main~1'])).toBe(main);
    expect(emulator.readTree('helpers/one', 'main')).toEqual({ 'README.md': '# one\n', 'b.txt': 'b\n' });
    const created = emulator.commitToBranch('helpers/one', 'brand-new', { 'n.txt': 'n\n' });
    expect(emulator.git('helpers/one', ['rev-parse', 'brand-new~1'])).toBe(next);
    expect(emulator.branchSha('helpers/one', 'brand-new')).toBe(created);
    expect(() => emulator.createRepo('helpers/one')).toThrow(/already exists/);
  });

  test("a first commit written in process is the one git's plumbing writes from the same files", () => {
    // Folder names sort as if they ended in '/': x-y, x.z, then x/.
    const files = { 'x/y': '1\n', 'x-y': '2\n', 'x.z': '3\n', '.github/ci.yml': 'on: push\n', Z: 'upper\n' };
    const made = emulator.createRepo('helpers/plumbing', { files });
    const index = path.join(tempDir('plumbing-'), 'index');
    const env = { GIT_INDEX_FILE: index };
    const lines = Object.entries(files)
      .map(
        ([file, text]) =>
          `100644 ${emulator.git(made.fullName, ['hash-object', '-w', '--stdin'], { input: text })}\t${file}\n`
      )
      .join('');
    emulator.git(made.fullName, ['update-index', '--index-info'], { input: lines, env });
    const tree = emulator.git(made.fullName, ['write-tree'], { env });
    const when = `${emulator.git(made.fullName, ['log', '-1', '--format=%at', 'main'])} +0000`;
    const person = { name: 'Upstream Octocat', email: 'upstream@users.noreply.github.com' };
    const commit = emulator.git(made.fullName, ['commit-tree', tree, '-m', 'Initial commit'], {
      env: {
        GIT_AUTHOR_NAME: person.name,
        GIT_AUTHOR_EMAIL: person.email,
        GIT_AUTHOR_DATE: when,
        GIT_COMMITTER_NAME: person.name,
        GIT_COMMITTER_EMAIL: person.email,
        GIT_COMMITTER_DATE: when
      }
    });
    expect(emulator.branchSha(made.fullName, 'main')).toBe(commit);
    expect(emulator.git(made.fullName, ['fsck', '--strict', '--no-dangling'])).toBe('');
  });
});

describe('gh auth login --with-token (gh 2.23)', () => {
  test('a token with "repo, read:org" is accepted after a single GET / and stored in hosts.yml', async () => {
    const sb = sandbox();
    const mark = emulator.requests.length;
    const r = await run('gh', ['auth', 'login', '--with-token', '--hostname', 'github.com'], {
      env: sb.env,
      input: `${TOKENS.full}\n`
    });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(since(mark).map((x) => [x.method, x.host, x.path, x.kind, x.status, x.token])).toEqual([
      ['GET', 'api.github.com', '/', 'rest', 200, TOKENS.full]
    ]);
    expect(since(mark)[0].headers.authorization).toBe(`token ${TOKENS.full}`);
    expect(since(mark)[0].headers['user-agent']).toBe('GitHub CLI 2.23.0');
    // 2.23 stores only the token; no user name is looked up at login time.
    expect(readIfExists(sb.hostsFile)).toBe(`github.com:\n    oauth_token: ${TOKENS.full}\n`);

    const status = await run('gh', ['auth', 'status'], { env: sb.env });
    expect(status.code).toBe(0);
    expect(status.stderr).toContain('Logged in to github.com as octo-bot');
    expect(status.stderr).toContain('Token scopes: repo, read:org');
  });

  test('a token without X-OAuth-Scopes (ghs_/github_pat_ style) is accepted', async () => {
    const sb = sandbox();
    const r = await run('gh', ['auth', 'login', '--with-token', '--hostname', 'github.com'], {
      env: sb.env,
      input: `${TOKENS.noScopes}\n`
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(readIfExists(sb.hostsFile)).toContain(`oauth_token: ${TOKENS.noScopes}`);
    const status = await run('gh', ['auth', 'status'], { env: sb.env });
    expect(status.code).toBe(0);
    expect(status.stderr).toContain('Logged in to github.com as app-bot');
    expect(status.stderr).not.toContain('Token scopes');
  });

  test('a token with only "repo" is refused for missing read:org and nothing is stored', async () => {
    const sb = sandbox();
    const r = await run('gh', ['auth', 'login', '--with-token', '--hostname', 'github.com'], {
      env: sb.env,
      input: `${TOKENS.repoOnly}\n`
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toBe("error validating token: missing required scope 'read:org'\n");
    expect(readIfExists(sb.hostsFile)).not.toContain(TOKENS.repoOnly);
  });

  test('an unknown token is refused with the 401 Bad credentials message', async () => {
    const sb = sandbox();
    const r = await run('gh', ['auth', 'login', '--with-token', '--hostname', 'github.com'], {
      env: sb.env,
      input: 'gho_unknown\n'
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('HTTP 401: Bad credentials (https://api.github.com/)');
    expect(readIfExists(sb.hostsFile)).not.toContain('gho_unknown');
  });

  test('login is refused while GH_TOKEN is set', async () => {
    const sb = sandbox({ GH_TOKEN: TOKENS.env });
    const r = await run('gh', ['auth', 'login', '--with-token', '--hostname', 'github.com'], {
      env: sb.env,
      input: `${TOKENS.full}\n`
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      'The value of the GH_TOKEN environment variable is being used for authentication.'
    );
    expect(existsSync(sb.hostsFile)).toBe(false);
  });
});

describe('gh auth setup-git + real git over smart HTTP', () => {
  const repo = 'o/r';
  let sb: Sandbox;
  let work: string;
  const git = (args: string[], cwd = work) => ok('git', args, { env: sb.env, cwd });

  beforeAll(async () => {
    emulator.createRepo(repo, { files: { 'README.md': '# hi\n', 'src/a.txt': 'a\n' } });
    sb = sandbox();
    await ok('gh', ['auth', 'login', '--with-token', '--hostname', 'github.com'], {
      env: sb.env,
      input: `${TOKENS.full}\n`
    });
    const setup = await run('gh', ['auth', 'setup-git', '--hostname', 'github.com'], { env: sb.env });
    // eslint-disable-next-line jest/no-standalone-expect -- the setup every case here relies on
    expect(setup).toEqual({ code: 0, stdout: '', stderr: '' });
    work = path.join(sb.dir, 'work');
  });

  test('setup-git writes an empty helper then gh as the credential helper for github.com', async () => {
    const helpers = await ok(
      'git',
      ['config', '--global', '--get-all', 'credential.https://github.com.helper'],
      { env: sb.env }
    );
    expect(helpers.stdout).toBe(`\n!${ghPath} auth git-credential\n`);
    // 2.23 also configures gist.github.com when asked for github.com.
    const gist = await ok(
      'git',
      ['config', '--global', '--get-all', 'credential.https://gist.github.com.helper'],
      { env: sb.env }
    );
    expect(gist.stdout).toBe(`\n!${ghPath} auth git-credential\n`);
  });

  test('gh auth git-credential answers get with x-access-token and the stored token; store/erase are no-ops', async () => {
    const mark = emulator.requests.length;
    const get = await ok('gh', ['auth', 'git-credential', 'get'], {
      env: sb.env,
      input: 'protocol=https\nhost=github.com\n\n'
    });
    expect(get.stdout).toBe(
      `protocol=https\nhost=github.com\nusername=x-access-token\npassword=${TOKENS.full}\n`
    );
    const other = await run('gh', ['auth', 'git-credential', 'get'], {
      env: sb.env,
      input: 'protocol=https\nhost=example.invalid\n\n'
    });
    expect(other).toEqual({ code: 1, stdout: '', stderr: '' });
    for (const op of ['store', 'erase']) {
      const r = await run('gh', ['auth', 'git-credential', op], {
        env: sb.env,
        input: `protocol=https\nhost=github.com\nusername=x\npassword=y\n\n`
      });
      expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    }
    const still = await ok('gh', ['auth', 'git-credential', 'get'], {
      env: sb.env,
      input: 'protocol=https\nhost=github.com\n\n'
    });
    expect(still.stdout).toContain(`password=${TOKENS.full}`);
    // The helper answers from hosts.yml alone: no request reaches the server.
    expect(since(mark)).toEqual([]);
  });

  test('clone (protocol v2) asks for credentials after a 401 and then uses the token', async () => {
    const mark = emulator.requests.length;
    await git(['clone', `https://github.com/${repo}.git`, work], sb.dir);
    expect(readFileSync(path.join(work, 'README.md'), 'utf8')).toBe('# hi\n');
    const reqs = since(mark);
    expect(reqs[0]).toMatchObject({
      kind: 'git',
      host: 'github.com',
      path: `/${repo}.git/info/refs`,
      status: 401,
      token: null
    });
    expect(reqs[1]).toMatchObject({
      kind: 'git',
      status: 200,
      token: TOKENS.full,
      authUser: 'octo-bot',
      gitUser: 'x-access-token',
      gitProtocol: 'version=2'
    });
    expect(reqs.slice(1).every((x) => x.token === TOKENS.full && x.status === 200)).toBe(true);
    expect(reqs.some((x) => x.method === 'POST' && x.path === `/${repo}.git/git-upload-pack`)).toBe(true);
  });

  test('ls-remote, protocol v0 clone and shallow fetches work', async () => {
    const ls = await git(['ls-remote', 'origin']);
    expect(ls.stdout).toContain(`${emulator.branchSha(repo, 'main')}\trefs/heads/main`);
    // The server really speaks v2 when asked (GIT_PROTOCOL reaches upload-pack), and v0 otherwise.
    const traced = await ok('git', ['ls-remote', 'origin', 'main'], {
      env: { ...sb.env, GIT_TRACE_PACKET: '1' },
      cwd: work
    });
    expect(traced.stderr).toMatch(/git< version 2/);
    expect(traced.stderr).toMatch(/ls-remote> command=ls-refs/);
    const tracedV0 = await ok('git', ['-c', 'protocol.version=0', 'ls-remote', 'origin', 'main'], {
      env: { ...sb.env, GIT_TRACE_PACKET: '1' },
      cwd: work
    });
    expect(tracedV0.stderr).not.toMatch(/git< version 2/);
    expect(tracedV0.stdout).toBe(`${emulator.branchSha(repo, 'main')}\trefs/heads/main\n`);

    const mark = emulator.requests.length;
    const v0 = path.join(sb.dir, 'v0');
    await git(
      ['-c', 'protocol.version=0', 'clone', '--depth', '1', `https://github.com/${repo}`, v0],
      sb.dir
    );
    expect((await git(['rev-parse', '--is-shallow-repository'], v0)).stdout.trim()).toBe('true');
    expect((await git(['rev-parse', 'HEAD'], v0)).stdout.trim()).toBe(emulator.branchSha(repo, 'main'));
    const v0reqs = since(mark).filter((x) => x.status === 200);
    expect(v0reqs.length).toBeGreaterThan(0);
    expect(v0reqs.every((x) => x.gitProtocol === undefined)).toBe(true);
    // The path without ".git" is served too.
    expect(v0reqs[0].path).toBe(`/${repo}/info/refs`);

    const v2 = path.join(sb.dir, 'v2');
    await git(['clone', '--depth', '1', `https://github.com/${repo}.git`, v2], sb.dir);
    expect((await git(['rev-parse', '--is-shallow-repository'], v2)).stdout.trim()).toBe('true');
    await git(['fetch', '--depth', '1', 'origin', 'main'], v2);
  });

  test('push of a new branch lands in the bare repo with the token', async () => {
    writeFileSync(path.join(work, 'new.txt'), 'new\n');
    await git(['checkout', '-b', 'feature']);
    await git(['add', 'new.txt']);
    await git(['commit', '-m', 'add new.txt']);
    const mark = emulator.requests.length;
    await git(['push', '-u', 'origin', 'feature']);
    const local = (await git(['rev-parse', 'HEAD'])).stdout.trim();
    expect(emulator.branchSha(repo, 'feature')).toBe(local);
    expect(emulator.readTree(repo, 'feature')['new.txt']).toBe('new\n');
    const pushes = since(mark).filter((x) => x.service === 'git-receive-pack' && x.status === 200);
    expect(pushes.length).toBeGreaterThanOrEqual(2);
    expect(pushes.every((x) => x.token === TOKENS.full)).toBe(true);
  });

  test('push is rejected when the remote moved, and --force-with-lease is honoured', async () => {
    const upstream = emulator.commitToBranch(
      repo,
      'feature',
      { 'upstream.txt': 'theirs\n' },
      'someone else pushed'
    );
    writeFileSync(path.join(work, 'mine.txt'), 'mine\n');
    await git(['add', 'mine.txt']);
    await git(['commit', '-m', 'mine']);
    const mine = (await git(['rev-parse', 'HEAD'])).stdout.trim();

    const blind = await run('git', ['push', 'origin', 'feature'], { env: sb.env, cwd: work });
    expect(blind.code).not.toBe(0);
    expect(blind.stderr).toMatch(/\[rejected\]\s+feature -> feature \(fetch first\)/);
    expect(emulator.branchSha(repo, 'feature')).toBe(upstream);

    await git(['fetch', 'origin']);
    const nonFF = await run('git', ['push', 'origin', 'feature'], { env: sb.env, cwd: work });
    expect(nonFF.code).not.toBe(0);
    expect(nonFF.stderr).toMatch(/\[rejected\]\s+feature -> feature \(non-fast-forward\)/);
    expect(emulator.branchSha(repo, 'feature')).toBe(upstream);

    // Someone pushes again after our fetch: the lease (our stale tracking ref) must fail.
    const upstream2 = emulator.commitToBranch(
      repo,
      'feature',
      { 'upstream.txt': 'theirs, again\n' },
      'pushed again'
    );
    const stale = await run('git', ['push', '--force-with-lease', 'origin', 'feature'], {
      env: sb.env,
      cwd: work
    });
    expect(stale.code).not.toBe(0);
    expect(stale.stderr).toMatch(/\[rejected\]\s+feature -> feature \(stale info\)/);
    expect(emulator.branchSha(repo, 'feature')).toBe(upstream2);

    // An explicit lease on the current value is granted and replaces their commits.
    await git(['push', `--force-with-lease=feature:${upstream2}`, 'origin', 'feature']);
    expect(emulator.branchSha(repo, 'feature')).toBe(mine);
    expect(emulator.readTree(repo, 'feature')['upstream.txt']).toBeUndefined();

    // Deleting a branch over git works as well.
    await git(['push', 'origin', '--delete', 'feature']);
    expect(emulator.branchSha(repo, 'feature')).toBeNull();
  });

  test('gzip-encoded negotiation requests and chunked (large) pushes go through http-backend', async () => {
    // Sixty local commits make the fetch negotiation big enough for git to gzip it; one
    // fast-import writes them (what is tested is the fetch, not how they were made).
    const base = (await git(['rev-parse', 'origin/main'])).stdout.trim();
    const now = Math.floor(Date.now() / 1000);
    const stream = Array.from({ length: 60 }, (_, i) => {
      const message = `local ${i}\n`;
      return [
        'commit refs/heads/many',
        `committer Test Bot <test-bot@example.invalid> ${now + i} +0000`,
        `data ${Buffer.byteLength(message)}`,
        message + (i === 0 ? `from ${base}\n` : '')
      ].join('\n');
    }).join('');
    await ok('git', ['fast-import', '--quiet'], { env: sb.env, cwd: work, input: stream });
    await git(['checkout', '-q', 'many']);
    expect((await git(['rev-list', '--count', `${base}..many`])).stdout.trim()).toBe('60');
    for (const version of ['0', '2']) {
      const upstream = emulator.commitToBranch(
        repo,
        'main',
        { 'moved.txt': `moved for v${version}\n` },
        'main moved'
      );
      const mark = emulator.requests.length;
      await git([
        '-c',
        `protocol.version=${version}`,
        'fetch',
        'origin',
        `+refs/heads/main:refs/remotes/origin/main-v${version}`
      ]);
      expect((await git(['rev-parse', `origin/main-v${version}`])).stdout.trim()).toBe(upstream);
      const gz = since(mark).filter((x) => x.headers['content-encoding'] === 'gzip');
      expect(gz.length).toBeGreaterThan(0);
      expect(gz.every((x) => x.status === 200 && x.service === 'git-upload-pack')).toBe(true);
    }

    writeFileSync(path.join(work, 'big.bin'), randomBytes(3 * 1024 * 1024));
    await git(['add', 'big.bin']);
    await git(['commit', '-q', '-m', 'big']);
    const mark = emulator.requests.length;
    await git(['push', 'origin', 'HEAD:refs/heads/big']);
    expect(emulator.branchSha(repo, 'big')).toBe((await git(['rev-parse', 'HEAD'])).stdout.trim());
    const chunked = since(mark).filter((x) => x.headers['transfer-encoding'] === 'chunked');
    expect(chunked.map((x) => [x.path, x.status])).toEqual([[`/${repo}.git/git-receive-pack`, 200]]);
    expect(emulator.git(repo, ['cat-file', '-s', 'big:big.bin'])).toBe(String(3 * 1024 * 1024));
  });

  test('git without any credential gets a 401 with a Basic challenge and fails', async () => {
    const bare = sandbox();
    const mark = emulator.requests.length;
    const r = await run('git', ['ls-remote', `https://github.com/${repo}.git`], { env: bare.env });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/could not read Username|Authentication failed/);
    expect(since(mark).map((x) => x.status)).toEqual([401]);
    const wrong = await run('git', ['ls-remote', `https://x-access-token:gho_wrong@github.com/${repo}.git`], {
      env: bare.env
    });
    expect(wrong.code).not.toBe(0);
    expect(emulator.requests.at(-1)).toMatchObject({ token: 'gho_wrong', authUser: null, status: 401 });
  });

  test('gh auth logout --hostname github.com runs without a prompt and empties hosts.yml', async () => {
    const mark = emulator.requests.length;
    const r = await run('gh', ['auth', 'logout', '--hostname', 'github.com'], { env: sb.env });
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readIfExists(sb.hostsFile)).toBe('{}\n');
    // Logout does not touch the git config written by setup-git, nor revoke anything remotely.
    const helpers = await ok(
      'git',
      ['config', '--global', '--get-all', 'credential.https://github.com.helper'],
      { env: sb.env }
    );
    expect(helpers.stdout).toBe(`\n!${ghPath} auth git-credential\n`);
    // Its only request is a GraphQL viewer query (the user name, for its message); nothing is revoked.
    expect(since(mark).map((x) => [x.method, x.host, x.path, x.status])).toEqual([
      ['POST', 'api.github.com', '/graphql', 200]
    ]);
    // The helper now has nothing to give, so git fails to authenticate.
    const get = await run('gh', ['auth', 'git-credential', 'get'], {
      env: sb.env,
      input: 'protocol=https\nhost=github.com\n\n'
    });
    expect(get).toEqual({ code: 1, stdout: '', stderr: '' });
    const again = await run('gh', ['auth', 'logout', '--hostname', 'github.com'], { env: sb.env });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('not logged in to any hosts\n');
  });

  test('gh auth logout without --hostname refuses when not interactive', async () => {
    const other = sandbox();
    await ok('gh', ['auth', 'login', '--with-token', '--hostname', 'github.com'], {
      env: other.env,
      input: `${TOKENS.full}\n`
    });
    const r = await run('gh', ['auth', 'logout'], { env: other.env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--hostname required when not running interactively');
    expect(readIfExists(other.hostsFile)).toContain(TOKENS.full);
  });
});

describe('GH_TOKEN without login', () => {
  const repo = 'o/envtoken';
  test('setup-git --hostname github.com works and git pushes with GH_TOKEN via gh auth git-credential', async () => {
    emulator.createRepo(repo);
    const sb = sandbox({ GH_TOKEN: TOKENS.env });
    const setup = await run('gh', ['auth', 'setup-git', '--hostname', 'github.com'], { env: sb.env });
    expect(setup).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(sb.hostsFile)).toBe(false);
    expect(readIfExists(sb.gitConfig)).toContain(
      `[credential "https://github.com"]\n\thelper = \n\thelper = !${ghPath} auth git-credential\n`
    );

    const status = await run('gh', ['auth', 'status'], { env: sb.env });
    expect(status.code).toBe(0);
    expect(status.stderr).toContain('Logged in to github.com as env-user (GH_TOKEN)');

    const work = path.join(sb.dir, 'work');
    await ok('git', ['clone', `https://github.com/${repo}.git`, work], { env: sb.env });
    writeFileSync(path.join(work, 'env.txt'), 'env\n');
    await ok('git', ['add', 'env.txt'], { env: sb.env, cwd: work });
    await ok('git', ['commit', '-m', 'via GH_TOKEN'], { env: sb.env, cwd: work });
    const mark = emulator.requests.length;
    await ok('git', ['push', 'origin', 'HEAD:refs/heads/from-env'], { env: sb.env, cwd: work });
    expect(emulator.readTree(repo, 'from-env')['env.txt']).toBe('env\n');
    const authed = since(mark).filter((x) => x.kind === 'git' && x.token !== null);
    expect(authed.length).toBeGreaterThan(0);
    expect(authed.every((x) => x.token === TOKENS.env && x.gitUser === 'x-access-token')).toBe(true);

    const logout = await run('gh', ['auth', 'logout', '--hostname', 'github.com'], { env: sb.env });
    expect(logout.code).toBe(1);
    expect(logout.stderr).toContain(
      'The value of the GH_TOKEN environment variable is being used for authentication.'
    );
  });

  test('GH_TOKEN does not cover a GHES host, so setup-git --hostname localhost fails', async () => {
    const sb = sandbox({ GH_TOKEN: TOKENS.env });
    const r = await run('gh', ['auth', 'setup-git', '--hostname', 'localhost'], { env: sb.env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('You are not logged into the GitHub host "localhost"');
    expect(readIfExists(sb.gitConfig)).toBe('');
  });

  test('without GH_TOKEN or login, setup-git fails', async () => {
    const sb = sandbox();
    const r = await run('gh', ['auth', 'setup-git', '--hostname', 'github.com'], { env: sb.env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('You are not logged into any GitHub hosts.');
  });
});

describe('GitHub Enterprise Server layout on https://localhost', () => {
  const repo = 'ent/r';
  beforeAll(() => {
    emulator.createRepo(repo, { defaultBranch: 'trunk', private: true });
  });

  test('GH_ENTERPRISE_TOKEN + GH_HOST=localhost: gh api, setup-git and git push use the enterprise token', async () => {
    const sb = sandbox({ GH_ENTERPRISE_TOKEN: TOKENS.enterprise, GH_HOST: 'localhost' });
    let mark = emulator.requests.length;
    const viaApi = await ok(
      'gh',
      ['api', `repos/${repo}`, '--jq', '.default_branch + " " + .visibility + " " + .html_url'],
      { env: sb.env }
    );
    expect(viaApi.stdout.trim()).toBe(`trunk private https://localhost/${repo}`);
    expect(since(mark).map((x) => [x.host, x.path, x.token])).toEqual([
      ['localhost', `/api/v3/repos/${repo}`, TOKENS.enterprise]
    ]);

    const setup = await run('gh', ['auth', 'setup-git', '--hostname', 'localhost'], { env: sb.env });
    expect(setup).toEqual({ code: 0, stdout: '', stderr: '' });
    const helpers = await ok(
      'git',
      ['config', '--global', '--get-all', 'credential.https://localhost.helper'],
      { env: sb.env }
    );
    expect(helpers.stdout).toBe(`\n!${ghPath} auth git-credential\n`);

    const work = path.join(sb.dir, 'work');
    mark = emulator.requests.length;
    await ok('git', ['clone', `https://localhost/${repo}.git`, work], { env: sb.env });
    expect((await ok('git', ['branch', '--show-current'], { env: sb.env, cwd: work })).stdout.trim()).toBe(
      'trunk'
    );
    writeFileSync(path.join(work, 'ent.txt'), 'ent\n');
    await ok('git', ['add', 'ent.txt'], { env: sb.env, cwd: work });
    await ok('git', ['commit', '-m', 'ghes'], { env: sb.env, cwd: work });
    await ok('git', ['push', 'origin', 'HEAD:refs/heads/ent-branch'], { env: sb.env, cwd: work });
    expect(emulator.readTree(repo, 'ent-branch')['ent.txt']).toBe('ent\n');
    const authed = since(mark).filter((x) => x.token !== null);
    expect(authed.length).toBeGreaterThan(0);
    expect(
      authed.every((x) => x.host === 'localhost' && x.kind === 'git' && x.token === TOKENS.enterprise)
    ).toBe(true);
  });

  test('GH_ENTERPRISE_TOKEN without GH_HOST: setup-git does not know the host, though git-credential would answer', async () => {
    const sb = sandbox({ GH_ENTERPRISE_TOKEN: TOKENS.enterprise });
    const setup = await run('gh', ['auth', 'setup-git', '--hostname', 'localhost'], { env: sb.env });
    expect(setup.code).toBe(1);
    expect(setup.stderr).toBe(
      'You are not logged into any GitHub hosts. Run gh auth login to authenticate.\n'
    );
    expect(readIfExists(sb.gitConfig)).toBe('');
    const get = await run('gh', ['auth', 'git-credential', 'get'], {
      env: sb.env,
      input: 'protocol=https\nhost=localhost\n\n'
    });
    expect(get).toEqual({
      code: 0,
      stdout: `protocol=https\nhost=localhost\nusername=x-access-token\npassword=${TOKENS.enterprise}\n`,
      stderr: ''
    });
    // And while it is set, gh refuses to store a login for that host (github.com is still allowed).
    const login = await run('gh', ['auth', 'login', '--with-token', '--hostname', 'localhost'], {
      env: sb.env,
      input: `${TOKENS.full}\n`
    });
    expect(login.code).toBe(1);
    expect(login.stderr).toContain(
      'The value of the GH_ENTERPRISE_TOKEN environment variable is being used for authentication.'
    );
  });

  test('GH_TOKEN + GH_HOST=localhost: setup-git succeeds but the helper has no token, so git fails', async () => {
    const sb = sandbox({ GH_TOKEN: TOKENS.env, GH_HOST: 'localhost' });
    const setup = await run('gh', ['auth', 'setup-git', '--hostname', 'localhost'], { env: sb.env });
    expect(setup).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readIfExists(sb.gitConfig)).toContain('[credential "https://localhost"]');
    const get = await run('gh', ['auth', 'git-credential', 'get'], {
      env: sb.env,
      input: 'protocol=https\nhost=localhost\n\n'
    });
    expect(get).toEqual({ code: 1, stdout: '', stderr: '' });
    const mark = emulator.requests.length;
    const ls = await run('git', ['ls-remote', `https://localhost/${repo}.git`], { env: sb.env });
    expect(ls.code).not.toBe(0);
    expect(since(mark).map((x) => [x.status, x.token])).toEqual([[401, null]]);
  });

  test('login --hostname localhost checks scopes at /api/v3/ and git then uses the stored token', async () => {
    const sb = sandbox();
    let mark = emulator.requests.length;
    await ok('gh', ['auth', 'login', '--with-token', '--hostname', 'localhost'], {
      env: sb.env,
      input: `${TOKENS.full}\n`
    });
    expect(since(mark).map((x) => [x.method, x.host, x.path, x.status])).toEqual([
      ['GET', 'localhost', '/api/v3/', 200]
    ]);
    expect(readIfExists(sb.hostsFile)).toBe(`localhost:\n    oauth_token: ${TOKENS.full}\n`);
    const refused = await run('gh', ['auth', 'login', '--with-token', '--hostname', 'localhost'], {
      env: sandbox().env,
      input: `${TOKENS.repoOnly}\n`
    });
    expect(refused.stderr).toBe("error validating token: missing required scope 'read:org'\n");

    await ok('gh', ['auth', 'setup-git', '--hostname', 'localhost'], { env: sb.env });
    mark = emulator.requests.length;
    const ls = await ok('git', ['ls-remote', `https://localhost/${repo}.git`, 'refs/heads/trunk'], {
      env: sb.env
    });
    expect(ls.stdout).toBe(`${emulator.branchSha(repo, 'trunk')}\trefs/heads/trunk\n`);
    expect(
      since(mark)
        .filter((x) => x.token !== null)
        .every((x) => x.token === TOKENS.full)
    ).toBe(true);

    const logout = await run('gh', ['auth', 'logout', '--hostname', 'localhost'], { env: sb.env });
    expect(logout.code).toBe(0);
    expect(readIfExists(sb.hostsFile)).not.toContain(TOKENS.full);
  });
});

describe('REST and GraphQL: Node fetch in a child (NODE_EXTRA_CA_CERTS), then https in this process', () => {
  const repo = 'o/api';
  beforeAll(() => {
    emulator.createRepo(repo, { files: { 'README.md': '# api\n' } });
  });

  test('the CA is required: without NODE_EXTRA_CA_CERTS the TLS handshake fails', async () => {
    const r = await fetchInChild(api(`/repos/${repo}`), { token: TOKENS.full, trustEmulator: false });
    expect(r.status).toBe(0);
    expect(r.error).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT|UNABLE_TO_GET_ISSUER_CERT/);
  });

  test('GET /repos/:o/:r, /user, root, and the auth/rate-limit headers', async () => {
    const r = await fetchInChild(api(`/repos/${repo}`), { token: TOKENS.full });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      name: 'api',
      full_name: repo,
      owner: { login: 'o' },
      private: false,
      visibility: 'public',
      default_branch: 'main',
      html_url: `https://github.com/${repo}`,
      clone_url: `https://github.com/${repo}.git`,
      permissions: { admin: false, push: true, pull: true },
      allow_auto_merge: false
    });
    expect(typeof r.body.id).toBe('number');
    expect(typeof r.body.node_id).toBe('string');
    expect(r.headers['x-oauth-scopes']).toBe('repo, read:org');
    expect(r.headers['x-accepted-oauth-scopes']).toBeDefined();
    expect(r.headers['x-github-media-type']).toBe('github.v3; format=json');
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['x-github-request-id']).toBeTruthy();
    expect(r.headers['x-ratelimit-resource']).toBe('core');
    for (const h of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-used']) {
      expect(r.headers[h]).toMatch(/^\d+$/);
    }
    expect(r.headers['github-authentication-token-expiration']).toBeUndefined();

    const app = await fetchIn(api('/user'), { token: TOKENS.noScopes });
    expect(app.body).toMatchObject({ login: 'app-bot', type: 'User' });
    expect(app.headers['x-oauth-scopes']).toBeUndefined();
    expect(app.headers['github-authentication-token-expiration']).toBe('2026-12-01 10:00:00 UTC');

    const root = await fetchIn(api('/'), { token: TOKENS.full });
    expect(root.status).toBe(200);
    expect(root.body.current_user_url).toBe('https://api.github.com/user');
  });

  test("bad or missing credentials get 401, unknown things 404, in GitHub's shape", async () => {
    const bad = await fetchIn(api(`/repos/${repo}`), { token: 'gho_nope' });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest'
    });
    expect(bad.headers['x-oauth-scopes']).toBeUndefined();
    const none = await fetchIn(api(`/repos/${repo}`));
    expect(none.status).toBe(401);
    const missing = await fetchIn(api('/repos/o/does-not-exist'), { token: TOKENS.full });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Not Found');
    const other = await fetchIn(api(`/repos/${repo}/actions/runs`), { token: TOKENS.full });
    expect(other.status).toBe(404);
    expect(other.body.message).toBe('Not Found');
  });

  test('branches: GET /branches/:b and DELETE /git/refs/heads/:b', async () => {
    emulator.commitToBranch(repo, 'feat/slashed', { 'x.txt': 'x\n' });
    const b = await fetchIn(api(`/repos/${repo}/branches/${encodeURIComponent('feat/slashed')}`), {
      token: TOKENS.full
    });
    expect(b.status).toBe(200);
    expect(b.body).toMatchObject({
      name: 'feat/slashed',
      commit: { sha: emulator.branchSha(repo, 'feat/slashed') }
    });
    const nope = await fetchIn(api(`/repos/${repo}/branches/nope`), { token: TOKENS.full });
    expect(nope.status).toBe(404);
    const del = await fetchIn(api(`/repos/${repo}/git/refs/${encodeURIComponent('heads/feat/slashed')}`), {
      method: 'DELETE',
      token: TOKENS.full
    });
    expect(del.status).toBe(204);
    expect(emulator.branchSha(repo, 'feat/slashed')).toBeNull();
    const again = await fetchIn(api(`/repos/${repo}/git/refs/heads/feat/slashed`), {
      method: 'DELETE',
      token: TOKENS.full
    });
    expect(again.status).toBe(422);
  });

  test('pull request create / list / get / update / labels / comments round trip', async () => {
    const headSha = emulator.commitToBranch(
      repo,
      'outbox/update',
      { 'data.json': '{"v":1}\n' },
      'bot change'
    );
    const created = await fetchIn(api(`/repos/${repo}/pulls`), {
      method: 'POST',
      token: TOKENS.full,
      body: {
        title: 'Update data',
        head: 'outbox/update',
        base: 'main',
        body: 'automated',
        draft: false,
        maintainer_can_modify: false
      }
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 1,
      state: 'open',
      title: 'Update data',
      body: 'automated',
      draft: false,
      merged: false,
      html_url: `https://github.com/${repo}/pull/1`,
      url: `https://api.github.com/repos/${repo}/pulls/1`,
      head: { ref: 'outbox/update', sha: headSha, label: 'o:outbox/update', repo: { full_name: repo } },
      base: { ref: 'main', sha: emulator.branchSha(repo, 'main'), repo: { full_name: repo } },
      labels: [],
      user: { login: 'octo-bot' },
      maintainer_can_modify: false,
      requested_reviewers: [],
      requested_teams: [],
      assignees: [],
      milestone: null,
      auto_merge: null,
      closed_at: null
    });
    expect(typeof created.body.node_id).toBe('string');
    expect(emulator.getPull(repo, 1)?.node_id).toBe(created.body.node_id);
    expect(emulator.pulls.filter((p) => p.base.repo.full_name === repo)).toHaveLength(1);

    const dup = await fetchIn(api(`/repos/${repo}/pulls`), {
      method: 'POST',
      token: TOKENS.full,
      body: { title: 'again', head: 'o:outbox/update', base: 'main' }
    });
    expect(dup.status).toBe(422);
    expect(dup.body.message).toBe('Validation Failed');
    expect(dup.body.errors[0].message).toBe('A pull request already exists for o:outbox/update.');

    const noHead = await fetchIn(api(`/repos/${repo}/pulls`), {
      method: 'POST',
      token: TOKENS.full,
      body: { title: 't', head: 'missing', base: 'main' }
    });
    expect(noHead.status).toBe(422);
    expect(noHead.body.errors[0]).toMatchObject({ resource: 'PullRequest', field: 'head', code: 'invalid' });
    const noBase = await fetchIn(api(`/repos/${repo}/pulls`), {
      method: 'POST',
      token: TOKENS.full,
      body: { title: 't', head: 'outbox/update', base: 'missing' }
    });
    expect(noBase.status).toBe(422);
    expect(noBase.body.errors[0]).toMatchObject({ resource: 'PullRequest', field: 'base', code: 'invalid' });
    emulator.commitToBranch(repo, 'empty-branch', {}, 'nothing');
    emulator.git(repo, ['update-ref', 'refs/heads/empty-branch', emulator.branchSha(repo, 'main') as string]);
    const empty = await fetchIn(api(`/repos/${repo}/pulls`), {
      method: 'POST',
      token: TOKENS.full,
      body: { title: 't', head: 'empty-branch', base: 'main' }
    });
    expect(empty.status).toBe(422);
    expect(empty.body.errors[0].message).toBe('No commits between main and empty-branch');

    const list = async (q: string) =>
      (await fetchIn(api(`/repos/${repo}/pulls?${q}`), { token: TOKENS.full })).body.map(
        (p: any) => p.number
      );
    expect(await list('state=open&head=o:outbox/update&base=main')).toEqual([1]);
    expect(await list('head=o:other')).toEqual([]);
    expect(await list('head=someone-else:outbox/update')).toEqual([]);
    expect(await list('base=develop')).toEqual([]);
    // Like GitHub, a head filter without "owner:" is ignored.
    expect(await list('head=no-such-branch')).toEqual([1]);
    expect(await list('state=closed')).toEqual([]);

    const moved = emulator.commitToBranch(
      repo,
      'outbox/update',
      { 'data.json': '{"v":2}\n' },
      'bot change 2'
    );
    const got = await fetchIn(api(`/repos/${repo}/pulls/1`), { token: TOKENS.full });
    expect(got.body.head.sha).toBe(moved);

    const patched = await fetchIn(api(`/repos/${repo}/pulls/1`), {
      method: 'PATCH',
      token: TOKENS.full,
      body: { title: 'Update data (v2)', body: 'refreshed' }
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'Update data (v2)', body: 'refreshed', state: 'open' });

    const labels = await fetchIn(api(`/repos/${repo}/issues/1/labels`), {
      method: 'POST',
      token: TOKENS.full,
      body: { labels: ['automated', 'outbox'] }
    });
    expect(labels.status).toBe(200);
    expect(labels.body.map((l: any) => l.name)).toEqual(['automated', 'outbox']);
    const labels2 = await fetchIn(api(`/repos/${repo}/issues/1/labels`), {
      method: 'POST',
      token: TOKENS.full,
      body: { labels: ['outbox', 'extra'] }
    });
    expect(labels2.body.map((l: any) => l.name)).toEqual(['automated', 'outbox', 'extra']);
    const stored = emulator.pulls.find((p) => p.base.repo.full_name === repo && p.number === 1);
    expect(stored?.labels.map((l: any) => l.name)).toEqual(['automated', 'outbox', 'extra']);
    expect(
      (await fetchIn(api(`/repos/${repo}/pulls/1`), { token: TOKENS.full })).body.labels.map(
        (l: any) => l.name
      )
    ).toEqual(['automated', 'outbox', 'extra']);

    const comment = await fetchIn(api(`/repos/${repo}/issues/1/comments`), {
      method: 'POST',
      token: TOKENS.noScopes,
      body: { body: 'hello' }
    });
    expect(comment.status).toBe(201);
    expect(comment.body).toMatchObject({ body: 'hello', user: { login: 'app-bot' } });
    expect(emulator.comments.filter((c) => c.repo === repo)).toEqual([
      expect.objectContaining({ issue_number: 1, body: 'hello' })
    ]);
    expect(
      (
        await fetchIn(api(`/repos/${repo}/issues/99/comments`), {
          method: 'POST',
          token: TOKENS.full,
          body: { body: 'x' }
        })
      ).status
    ).toBe(404);

    const closed = await fetchIn(api(`/repos/${repo}/pulls/1`), {
      method: 'PATCH',
      token: TOKENS.full,
      body: { state: 'closed' }
    });
    expect(closed.body.state).toBe('closed');
    expect(closed.body.closed_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(await list('state=open')).toEqual([]);
    expect(await list('state=all')).toEqual([1]);
    // A new PR for the same head is allowed once the old one is closed, and gets the next number.
    const second = await fetchIn(api(`/repos/${repo}/pulls`), {
      method: 'POST',
      token: TOKENS.full,
      body: { title: 'again', head: 'outbox/update', base: 'main' }
    });
    expect(second.status).toBe(201);
    expect(second.body.number).toBe(2);
    expect(await list('state=all')).toEqual([2, 1]);
    // Reopening #1 would now clash with #2.
    const reopen = await fetchIn(api(`/repos/${repo}/pulls/1`), {
      method: 'PATCH',
      token: TOKENS.full,
      body: { state: 'open' }
    });
    expect(reopen.status).toBe(422);

    // The same PR read through the GHES layout gets GHES URLs.
    const ghes = await fetchIn(`https://localhost/api/v3/repos/${repo}/pulls/2`, { token: TOKENS.full });
    expect(ghes.status).toBe(200);
    expect(ghes.body.html_url).toBe(`https://localhost/${repo}/pull/2`);
    expect(ghes.body.url).toBe(`https://localhost/api/v3/repos/${repo}/pulls/2`);
  });

  test('GraphQL: viewer login on both layouts, anything else is an error', async () => {
    const q = { query: 'query UserCurrent{viewer{login}}' };
    const dotcom = await fetchIn(api('/graphql'), { method: 'POST', token: TOKENS.env, body: q });
    expect(dotcom).toMatchObject({ status: 200, body: { data: { viewer: { login: 'env-user' } } } });
    expect(emulator.requests.at(-1)).toMatchObject({
      kind: 'graphql',
      operation: 'viewer',
      operationName: 'UserCurrent',
      operationType: 'query',
      variables: {}
    });
    expect(dotcom.headers['x-ratelimit-resource']).toBe('graphql');
    const ghes = await fetchIn('https://localhost/api/graphql', {
      method: 'POST',
      token: TOKENS.enterprise,
      body: q
    });
    expect(ghes.body).toEqual({ data: { viewer: { login: 'ent-user' } } });
    const other = await fetchIn(api('/graphql'), {
      method: 'POST',
      token: TOKENS.full,
      body: { query: '{ repository(owner:"o", name:"api") { id } }' }
    });
    expect(other).toMatchObject({
      status: 200,
      body: { errors: [{ message: 'not supported by emulator', path: ['repository'] }] }
    });
    expect(other.body.data).toBeUndefined();
    expect(emulator.requests.at(-1)).toMatchObject({
      operation: 'repository',
      operationName: null,
      operationType: 'query'
    });
    const anon = await fetchIn(api('/graphql'), { method: 'POST', body: q });
    expect(anon.status).toBe(401);
  });

  test('failNext injects responses for matching requests only, the given number of times', async () => {
    emulator.failNext({
      method: 'GET',
      pathPattern: /^\/repos\/o\/api$/,
      status: 502,
      headers: { 'retry-after': '1' },
      body: { message: 'Server Error' },
      times: 2
    });
    const mark = emulator.requests.length;
    const unrelated = await fetchIn(api('/user'), { token: TOKENS.full });
    expect(unrelated.status).toBe(200);
    const first = await fetchIn(api(`/repos/${repo}`), { token: TOKENS.full });
    const second = await fetchIn(api(`/repos/${repo}`), { token: TOKENS.full });
    const third = await fetchIn(api(`/repos/${repo}`), { token: TOKENS.full });
    expect([first.status, second.status, third.status]).toEqual([502, 502, 200]);
    expect(first.body).toEqual({ message: 'Server Error' });
    expect(first.headers['retry-after']).toBe('1');
    expect(since(mark).map((x) => [x.path, x.status, x.injected === true])).toEqual([
      ['/user', 200, false],
      [`/repos/${repo}`, 502, true],
      [`/repos/${repo}`, 502, true],
      [`/repos/${repo}`, 200, false]
    ]);

    // Faults apply to git too.
    const sb = sandbox({ GH_TOKEN: TOKENS.env });
    await ok('gh', ['auth', 'setup-git', '--hostname', 'github.com'], { env: sb.env });
    emulator.failNext({ kind: 'git', pathPattern: /\/git-receive-pack$/, status: 500, body: 'boom\n' });
    const work = path.join(sb.dir, 'w');
    await ok('git', ['clone', `https://github.com/${repo}.git`, work], { env: sb.env });
    await ok('git', ['commit', '--allow-empty', '-m', 'empty'], { env: sb.env, cwd: work });
    const push = await run('git', ['push', 'origin', 'HEAD:refs/heads/faulty'], { env: sb.env, cwd: work });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toMatch(/500|RPC failed/);
    expect(emulator.branchSha(repo, 'faulty')).toBeNull();
    await ok('git', ['push', 'origin', 'HEAD:refs/heads/faulty'], { env: sb.env, cwd: work });
    expect(emulator.branchSha(repo, 'faulty')).toMatch(/^[0-9a-f]{40}$/);
  });
});

describe('startEmulator options, reset and close', () => {
  test('port 443 taken: a clear error, and the temp dir it made is removed', async () => {
    // A temp folder of its own: the other shards' emulators make theirs in the shared one meanwhile.
    const savedTmp = process.env.TMPDIR;
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'emulator-tmp-'));
    process.env.TMPDIR = tmp;
    try {
      await expect(startEmulator()).rejects.toThrow(
        /cannot listen on 127\.0\.0\.1:443 \(EADDRINUSE\).*in-netns/
      );
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('an ephemeral port and a caller-owned dir; reset forgets state; close stops serving', async () => {
    const dir = tempDir('emu-owned-');
    const second = await startEmulator({ port: 0, dir });
    try {
      expect(second.port).toBeGreaterThan(0);
      expect(second.port).not.toBe(443);
      expect(second.caFile.startsWith(dir)).toBe(true);
      second.addToken('tok-second', { login: 'second' });
      second.createRepo('a/b', { defaultBranch: 'dev' });
      const base = `https://localhost:${second.port}`;
      const repoJson = await fetchIn(`${base}/api/v3/repos/a/b`, {
        token: 'tok-second',
        caFile: second.caFile
      });
      expect(repoJson.status).toBe(200);
      expect(repoJson.body).toMatchObject({
        default_branch: 'dev',
        html_url: `${base}/a/b`,
        clone_url: `${base}/a/b.git`
      });
      // The main emulator's CA does not vouch for this one.
      expect((await fetchIn(`${base}/api/v3/repos/a/b`, { token: 'tok-second' })).status).toBe(0);

      second.beforeGit({ repo: 'a/b', service: 'git-receive-pack' }, () => {});
      expect(second.gitHooks).toHaveLength(1);
      second.reset();
      expect(second.requests).toEqual([]);
      expect(second.gitHooks).toEqual([]);
      expect(() => second.branchSha('a/b', 'dev')).toThrow(/no repository a\/b/);
      expect(
        (await fetchIn(`${base}/api/v3/repos/a/b`, { token: 'tok-second', caFile: second.caFile })).status
      ).toBe(401);
      second.addToken('tok-second');
      expect(
        (await fetchIn(`${base}/api/v3/repos/a/b`, { token: 'tok-second', caFile: second.caFile })).status
      ).toBe(404);
    } finally {
      await second.close();
    }
    expect(existsSync(dir)).toBe(true);
    const closed = await fetchIn(`https://localhost:${second.port}/api/v3/`, {
      token: 'tok-second',
      caFile: second.caFile
    });
    expect(closed.status).toBe(0);
    expect(closed.error).toBe('ECONNREFUSED');
  });
});
