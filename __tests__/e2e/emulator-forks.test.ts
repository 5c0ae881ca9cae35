// The emulator's forks, against what GitHub does: POST /forks, fork/parent/source, a fork's
// objects shared with its parent, pull requests from a fork (head `owner:branch`, head_repo,
// the 422s, fork_collab), and a token's access per repository (REST 403/404, git 403 before
// any ref update). Requests go from this process; git runs as an asynchronous child. Needs the
// namespace of scripts/in-netns.mjs:
//
//   node scripts/in-netns.mjs node --experimental-vm-modules node_modules/jest/bin/jest.js __tests__/e2e/emulator-forks.test.ts

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { emulatorEnv, type Emulator } from '../../test-support/emulator/index.js';
import { gitClientEnv, httpsRequest, ok, removeTempDirs, run, tempDir, type FetchResult } from './clients.js';
import { useEmulator } from './support.js';

const TOKEN = 'ghs_emulatorForks000000000000000000001';
const BOT = 'fork-bot';
let emulator: Emulator;

/** The emulator's REST API, from this process. */
async function api(
  p: string,
  init: { method?: string; body?: unknown; token?: string } = {}
): Promise<FetchResult> {
  const ca = readFileSync(emulator.caFile);
  const result = await httpsRequest(`https://api.github.com${p}`, {
    ...init,
    token: init.token ?? TOKEN,
    ca
  });
  if (result.error) throw new Error(`no answer from the emulator: ${result.error}`);
  return result;
}

const suite = useEmulator((started) => started.addToken(TOKEN, { login: BOT, scopes: null }));
beforeAll(() => {
  emulator = suite.emulator;
});
afterAll(removeTempDirs);

describe('forks', () => {
  test('POST /forks answers 202 with the fork, and with the same fork when it exists; GET shows the lineage', async () => {
    emulator.createRepo('up/lib', { branches: { dev: {} } });
    const made = await api('/repos/up/lib/forks', { method: 'POST', body: {} });
    expect(made.status).toBe(202);
    expect(made.body).toMatchObject({
      full_name: `${BOT}/lib`,
      fork: true,
      default_branch: 'main',
      parent: { full_name: 'up/lib', fork: false },
      source: { full_name: 'up/lib' },
      permissions: { push: true }
    });
    // The fork starts with the parent's branches at their commits.
    expect(emulator.branchSha(`${BOT}/lib`, 'main')).toBe(emulator.branchSha('up/lib', 'main'));
    expect(emulator.branchSha(`${BOT}/lib`, 'dev')).toBe(emulator.branchSha('up/lib', 'dev'));
    const again = await api('/repos/up/lib/forks', { method: 'POST', body: { name: 'other-name' } });
    expect(again).toMatchObject({ status: 202, body: { full_name: `${BOT}/lib`, id: made.body.id } });
    expect((await api('/repos/up/lib')).body).toMatchObject({ fork: false, forks_count: 1 });
    expect((await api('/repos/up/lib')).body.parent).toBeUndefined();

    // Into an organization, only the default branch; a fork of the fork names the root as source.
    emulator.createRepo('team/lib'); // takes the name: GitHub adds a suffix
    const org = await api('/repos/up/lib/forks', {
      method: 'POST',
      body: { organization: 'team', default_branch_only: true }
    });
    expect(org.body).toMatchObject({ full_name: 'team/lib-1', parent: { full_name: 'up/lib' } });
    expect(emulator.branchSha('team/lib-1', 'dev')).toBeNull();
    const nested = emulator.forkRepo(`${BOT}/lib`, 'carol');
    expect((await api(`/repos/${nested}`)).body).toMatchObject({
      parent: { full_name: `${BOT}/lib` },
      source: { full_name: 'up/lib' }
    });
    const bad = await api('/repos/up/lib/forks', { method: 'POST', body: { default_branch_only: 'yes' } });
    expect(bad.status).toBe(422);
  });

  test('pull requests from a fork: owner:branch, head_repo, the list filter, and the 422s', async () => {
    emulator.createRepo('up/app');
    const fork = emulator.forkRepo('up/app', BOT);
    const tip = emulator.commitToBranch(fork, 'feature', { 'f.txt': 'from the fork\n' }, 'Fork work');
    // The parent reads the fork's commits (one object store per network).
    const compare = await api(`/repos/up/app/compare/main...${BOT}:feature`);
    expect(compare.body).toMatchObject({ status: 'ahead', ahead_by: 1 });

    const missing = await api('/repos/up/app/pulls', {
      method: 'POST',
      body: { title: 't', head: `${BOT}:nope`, base: 'main' }
    });
    expect(missing).toMatchObject({
      status: 422,
      body: { errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }] }
    });
    const sameRepoName = await api('/repos/up/app/pulls', {
      method: 'POST',
      body: { title: 't', head: 'feature', base: 'main' } // no owner: the base repository's branch
    });
    expect(sameRepoName.status).toBe(422);
    const wrongHeadRepo = await api('/repos/up/app/pulls', {
      method: 'POST',
      body: { title: 't', head: `${BOT}:feature`, head_repo: 'up/app', base: 'main' }
    });
    expect(wrongHeadRepo.status).toBe(422);

    const created = await api('/repos/up/app/pulls', {
      method: 'POST',
      body: { title: 'From the fork', head: `${BOT}:feature`, head_repo: fork, base: 'main' }
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 1,
      maintainer_can_modify: true, // GitHub's default for a pull request from a fork
      head: { label: `${BOT}:feature`, ref: 'feature', sha: tip, repo: { full_name: fork, fork: true } },
      base: { label: 'up:main', repo: { full_name: 'up/app' } },
      commits: 1
    });
    const listed = await api(`/repos/up/app/pulls?head=${BOT}:feature&base=main`);
    expect(listed.body.map((pr: { number: number }) => pr.number)).toEqual([1]);
    expect((await api('/repos/up/app/pulls?head=up:feature')).body).toEqual([]);
    const twice = await api('/repos/up/app/pulls', {
      method: 'POST',
      body: { title: 'again', head: `${BOT}:feature`, base: 'main' }
    });
    expect(twice).toMatchObject({
      status: 422,
      body: { errors: [{ message: `A pull request already exists for ${BOT}:feature.` }] }
    });

    // The pull request follows the fork's branch, and closes when it is deleted there.
    const moved = emulator.commitToBranch(fork, 'feature', { 'f.txt': 'v2\n' }, 'More');
    expect(emulator.getPull('up/app', 1)).toMatchObject({ state: 'open', head: { sha: moved } });
    expect(emulator.pullRequestEvents('up/app', ['synchronize'])).toHaveLength(1);
    expect((await api(`/repos/${fork}/git/refs/heads/feature`, { method: 'DELETE' })).status).toBe(204);
    expect(emulator.getPull('up/app', 1)).toMatchObject({ state: 'closed' });
  });

  test('maintainer_can_modify: granted only by who may push to the fork; refused on a same-repository update', async () => {
    emulator.createRepo('up/tool');
    const fork = emulator.forkRepo('up/tool', 'dave');
    emulator.commitToBranch(fork, 'fix', { 'x.txt': 'x\n' });
    emulator.setRepoAccess(TOKEN, fork, { contents: 'read' });
    const denied = await api('/repos/up/tool/pulls', {
      method: 'POST',
      body: { title: 't', head: 'dave:fix', base: 'main' }
    });
    expect(denied).toMatchObject({
      status: 422,
      body: {
        errors: [
          {
            field: 'fork_collab',
            message: "fork_collab Fork collab can't be granted by someone without permission"
          }
        ]
      }
    });
    const withoutGrant = await api('/repos/up/tool/pulls', {
      method: 'POST',
      body: { title: 't', head: 'dave:fix', base: 'main', maintainer_can_modify: false }
    });
    expect(withoutGrant).toMatchObject({ status: 201, body: { maintainer_can_modify: false } });

    emulator.commitToBranch('up/tool', 'local', { 'y.txt': 'y\n' });
    const local = await api('/repos/up/tool/pulls', {
      method: 'POST',
      body: { title: 'local', head: 'local', base: 'main' }
    });
    const patched = await api(`/repos/up/tool/pulls/${local.body.number}`, {
      method: 'PATCH',
      body: { title: 'renamed', maintainer_can_modify: false }
    });
    expect(patched).toMatchObject({
      status: 422,
      body: { errors: [{ message: 'Fork collab can only be enabled on cross-repo pull requests' }] }
    });
    expect(emulator.getPull('up/tool', local.body.number)!.title).toBe('local');
  });

  test("a token's access per repository: hidden (404), read-only (REST 403, git 403 before any ref update)", async () => {
    emulator.createRepo('up/secret');
    emulator.createRepo('up/readonly');
    emulator.setRepoAccess(TOKEN, 'up/secret', { contents: 'none' });
    emulator.setRepoAccess(TOKEN, 'up/readonly', { contents: 'read' });
    expect((await api('/repos/up/secret')).status).toBe(404);
    expect((await api('/repos/up/readonly')).body).toMatchObject({ permissions: { push: false } });
    const main = emulator.branchSha('up/readonly', 'main');
    const ref = await api('/repos/up/readonly/git/refs', {
      method: 'POST',
      body: { ref: 'refs/heads/x', sha: main }
    });
    expect(ref).toMatchObject({ status: 403, body: { message: 'Resource not accessible by integration' } });

    const dir = tempDir('emulator-forks-');
    const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
    writeFileSync(path.join(dir, 'gitconfig'), `[http]\n\textraheader = AUTHORIZATION: basic ${basic}\n`);
    const env = gitClientEnv(dir, emulatorEnv(emulator));
    const clone = path.join(dir, 'c');
    await ok('git', ['clone', '-q', 'https://github.com/up/readonly.git', clone], { env });
    await ok('git', ['-C', clone, 'commit', '-q', '--allow-empty', '-m', 'try'], { env });
    const pushed = await run('git', ['-C', clone, 'push', 'origin', 'HEAD:refs/heads/try'], { env });
    expect(pushed.code).not.toBe(0);
    expect(pushed.stderr).toContain(`remote: Permission to up/readonly.git denied to ${BOT}.`);
    expect(pushed.stderr).toMatch(/returned error: 403/);
    expect(emulator.branchSha('up/readonly', 'try')).toBeNull();
    expect(emulator.countRequests({ service: 'git-receive-pack', method: 'POST' })).toBe(0);
    const hidden = await run('git', ['ls-remote', 'https://github.com/up/secret.git'], { env });
    expect(hidden.code).not.toBe(0);
  });
});
