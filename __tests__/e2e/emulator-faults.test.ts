// Smoke tests of the emulator's createCommitOnBranch mutation, the REST
// refs API (create / update / get), and fault injection: injected statuses, dropped connections
// (before a request is served, and after it was served: a push applied but never acknowledged)
// and GitHub's primary and secondary rate limits, checked with real clients (Node's https in this
// process, Octokit with the action's retry and throttling plugins, git). Like emulator.test.ts it
// needs the namespace made by scripts/in-netns.mjs:
//
//   node scripts/in-netns.mjs node --experimental-vm-modules node_modules/jest/bin/jest.js __tests__/e2e/emulator-faults.test.ts
//
// Requests from this process use the asynchronous https module; every other client runs in a
// child process spawned asynchronously (the emulator answers from this very process, so a
// synchronous client would deadlock).

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { emulatorEnv, startEmulator, type Emulator } from '../../test-support/emulator/index.js';
import { gitClientEnv, ok, removeTempDirs, run, tempDir } from './clients.js';

let emulator: Emulator;
let caPem: Buffer;

const TOKENS = {
  bot: 'ghs_faultsBot00000000000000000000000000',
  user: 'ghp_faultsUser0000000000000000000000000'
};

interface HttpResult {
  status: number;
  headers: Record<string, string>;
  body: any;
}

/** One HTTPS request from this process (a fresh connection each time); rejects when the connection fails. */
function request(
  method: string,
  p: string,
  options: { body?: unknown; token?: string; host?: string } = {}
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'user-agent': 'outbox-publisher-tests'
    };
    const token = options.token === undefined ? TOKENS.bot : options.token;
    if (token) headers.authorization = `token ${token}`;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    const req = https.request(
      {
        hostname: options.host ?? 'api.github.com',
        port: 443,
        path: p,
        method,
        headers,
        ca: caPem,
        agent: false
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // not JSON
          }
          const flat: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
          resolve({ status: res.statusCode ?? 0, headers: flat, body });
        });
      }
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const graphql = (query: string, variables: Record<string, unknown> = {}, token?: string) =>
  request('POST', '/graphql', { body: { query, variables }, token });

// The action's Octokit: @actions/github's getOctokit with plugin-retry and plugin-throttling,
// configured as src/github.ts does (retries after dropped connections and 5xx, waits out rate
// limits). The script body gets `octokit` and `events` (rate-limit callbacks seen) and returns a
// JSON-able value. Only the retry plugin's time unit differs (retryAfterBaseValue, 1 s by default,
// is 50 ms here): the retries are the same, their waits 1 s and 4 s shorter.
const OCTOKIT_CHILD = `
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
const { token, script } = JSON.parse(process.argv[1]);
const events = [];
const octokit = getOctokit(token, {
  baseUrl: 'https://api.github.com',
  throttle: {
    onRateLimit: (after, options) => { events.push(['primary', after, options.method, options.url]); return true; },
    onSecondaryRateLimit: (after, options) => { events.push(['secondary', after, options.method, options.url]); return true; }
  },
  retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451], retryAfterBaseValue: 50 }
}, retry, throttling);
const AsyncFunction = (async () => {}).constructor;
try {
  const value = await new AsyncFunction('octokit', script)(octokit);
  process.stdout.write(JSON.stringify({ ok: true, value, events }));
} catch (err) {
  process.stdout.write(JSON.stringify({ ok: false, events, name: err.name, status: err.status ?? null, message: err.message, errors: err.errors ?? null }));
}
`;

async function octokit(script: string): Promise<any> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: os.tmpdir(),
    NODE_EXTRA_CA_CERTS: emulator.caFile
  };
  const r = await ok(
    process.execPath,
    ['--input-type=module', '-e', OCTOKIT_CHILD, JSON.stringify({ token: TOKENS.bot, script })],
    { env, cwd: process.cwd() }
  );
  return JSON.parse(r.stdout);
}

/** git's blob id of some content, to check what a commit stored. */
const blobId = (content: Buffer) =>
  createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

const CREATE_COMMIT = `
mutation Commit($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) {
    clientMutationId
    commit {
      oid
      url
      message
      messageHeadline
      messageBody
      committedDate
      author { name email user { login } }
      committer { name email }
      parents(first: 5) { totalCount nodes { oid } }
      signature { isValid signer { login } }
    }
    ref { name prefix target { oid } }
  }
}`;

beforeAll(async () => {
  emulator = await startEmulator({ sharedCA: true });
  caPem = readFileSync(emulator.caFile);
  emulator.addToken(TOKENS.bot, { login: 'publisher[bot]' });
  emulator.addToken(TOKENS.user, { login: 'octo-user', scopes: 'repo' });
});

afterAll(async () => {
  await emulator?.close();
  removeTempDirs();
});

describe('GraphQL createCommitOnBranch', () => {
  const repo = 'cc/r';
  const branch = 'outbox/feature';

  beforeAll(() => {
    emulator.createRepo(repo, {
      files: {
        'README.md': '# cc\n',
        'old.txt': 'old\n',
        'dir/keep.txt': 'keep\n',
        'dir/gone.txt': 'gone\n'
      },
      branches: { [branch]: {} }
    });
  });

  test('one commit on the tip: files added, overwritten and deleted; author, message, signature as GitHub', async () => {
    const tip = emulator.branchSha(repo, branch) as string;
    const binary = Buffer.from([0, 1, 2, 255, 254, 10, 13, 0x80]);
    const before = Math.floor(Date.now() / 1000);
    const mark = emulator.requests.length;
    const r = await graphql(CREATE_COMMIT, {
      input: {
        branch: { repositoryNameWithOwner: repo, branchName: branch },
        message: { headline: 'Update generated files', body: 'Made by the publisher.\n\nSecond paragraph.' },
        fileChanges: {
          additions: [
            { path: 'new/deep/file.txt', contents: b64('new\n') },
            { path: 'old.txt', contents: b64('overwritten\n') },
            { path: 'bin.dat', contents: binary.toString('base64') }
          ],
          deletions: [{ path: 'dir/gone.txt' }]
        },
        expectedHeadOid: tip,
        clientMutationId: 'cm-1'
      }
    });
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    const out = r.body.data.createCommitOnBranch;
    const oid: string = out.commit.oid;
    const bot = emulator.tokens.get(TOKENS.bot);
    const email = `${bot?.userId}+publisher[bot]@users.noreply.github.com`;
    expect(out).toEqual({
      clientMutationId: 'cm-1',
      commit: {
        oid,
        url: `https://github.com/${repo}/commit/${oid}`,
        message: 'Update generated files\n\nMade by the publisher.\n\nSecond paragraph.',
        messageHeadline: 'Update generated files',
        messageBody: 'Made by the publisher.\n\nSecond paragraph.',
        committedDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        author: { name: 'publisher[bot]', email, user: { login: 'publisher[bot]' } },
        committer: { name: 'publisher[bot]', email },
        parents: { totalCount: 1, nodes: [{ oid: tip }] },
        signature: { isValid: true, signer: { login: 'web-flow' } }
      },
      ref: { name: branch, prefix: 'refs/heads/', target: { oid } }
    });
    const committedAt = Date.parse(out.commit.committedDate) / 1000;
    expect(committedAt).toBeGreaterThanOrEqual(before);
    expect(committedAt).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 1);

    // The branch moved to exactly that commit, whose only parent is the old tip.
    expect(emulator.branchSha(repo, branch)).toBe(oid);
    expect(emulator.git(repo, ['rev-list', '--parents', '-1', oid])).toBe(`${oid} ${tip}`);
    expect(emulator.git(repo, ['log', '-1', '--format=%an <%ae>%n%cn <%ce>', oid])).toBe(
      `publisher[bot] <${email}>\npublisher[bot] <${email}>`
    );
    const tree = emulator.readTree(repo, branch);
    expect(Object.keys(tree).sort()).toEqual([
      'README.md',
      'bin.dat',
      'dir/keep.txt',
      'new/deep/file.txt',
      'old.txt'
    ]);
    expect(tree).toMatchObject({
      'README.md': '# cc\n',
      'dir/keep.txt': 'keep\n',
      'new/deep/file.txt': 'new\n',
      'old.txt': 'overwritten\n'
    });
    expect(emulator.git(repo, ['rev-parse', `${oid}:bin.dat`])).toBe(blobId(binary));
    expect(emulator.git(repo, ['ls-tree', '-r', '--format=%(objectmode)', oid]).split('\n')).toEqual(
      Array(5).fill('100644')
    );

    // GitHub signs these commits: recorded, and shown as verified over REST.
    expect(emulator.verifiedCommits.has(oid)).toBe(true);
    expect(emulator.verifiedCommits.has(tip)).toBe(false);
    const cmp = await request('GET', `/repos/${repo}/compare/${tip}...${oid}`);
    expect(cmp.status).toBe(200);
    expect(cmp.body.commits[0].commit.verification).toMatchObject({ verified: true, reason: 'valid' });
    expect(cmp.body.base_commit.commit.verification).toMatchObject({ verified: false, reason: 'unsigned' });

    const logged = emulator.requestsMatching({ since: mark, kind: 'graphql' });
    expect(logged.map((x) => [x.operation, x.operationType, x.status])).toEqual([
      ['createCommitOnBranch', 'mutation', 200]
    ]);
    expect(emulator.countRequests({ operation: 'createCommitOnBranch', since: mark })).toBe(1);
  });

  test('git clients fetch the commit it made', async () => {
    const dir = tempDir('emu-cc-');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: path.join(dir, 'gitconfig'),
      GIT_TERMINAL_PROMPT: '0',
      ...emulatorEnv(emulator)
    };
    const work = path.join(dir, 'w');
    await ok(
      'git',
      ['clone', '--branch', branch, `https://x-access-token:${TOKENS.bot}@github.com/${repo}.git`, work],
      { env, cwd: dir }
    );
    const head = (await ok('git', ['log', '-1', '--format=%H %s'], { env, cwd: work })).stdout.trim();
    expect(head).toBe(`${emulator.branchSha(repo, branch)} Update generated files`);
    expect(readFileSync(path.join(work, 'old.txt'), 'utf8')).toBe('overwritten\n');
  });

  test("branch by the Ref's node id, headline only, signature left out when not selected; the payload's ref and repository", async () => {
    const tip = emulator.branchSha(repo, branch) as string;
    const rest = await request('GET', `/repos/${repo}/git/ref/heads/${branch}`);
    const refId: string = rest.body.node_id;
    const r = await graphql(
      `
        mutation ($input: CreateCommitOnBranchInput!) {
          createCommitOnBranch(input: $input) {
            commit {
              oid
              message
            }
            ref {
              id
              name
              target {
                oid
                ... on Commit {
                  signature {
                    isValid
                  }
                  parents {
                    nodes {
                      oid
                    }
                  }
                }
              }
              repository {
                nameWithOwner
                defaultBranchRef {
                  name
                  target {
                    oid
                  }
                }
                ref(qualifiedName: "refs/heads/nope") {
                  name
                }
              }
            }
          }
        }
      `,
      {
        input: {
          branch: { id: refId },
          message: { headline: 'Only a headline' },
          fileChanges: { deletions: [{ path: 'bin.dat' }] },
          expectedHeadOid: tip
        }
      }
    );
    expect(r.body.errors).toBeUndefined();
    const { commit, ref } = r.body.data.createCommitOnBranch;
    expect(Object.keys(commit)).toEqual(['oid', 'message']);
    expect(commit.message).toBe('Only a headline');
    expect(ref).toEqual({
      id: refId, // the REST ref and the GraphQL ref share the node id
      name: branch,
      target: { oid: commit.oid, signature: { isValid: true }, parents: { nodes: [{ oid: tip }] } },
      repository: {
        nameWithOwner: repo,
        defaultBranchRef: { name: 'main', target: { oid: emulator.branchSha(repo, 'main') } },
        ref: null
      }
    });
    expect(emulator.git(repo, ['log', '-1', '--format=%B', commit.oid])).toBe('Only a headline');
    expect(emulator.branchSha(repo, branch)).toBe(commit.oid);
    expect(emulator.readTree(repo, branch)['bin.dat']).toBeUndefined();

    const unknownId = await graphql(
      `mutation { createCommitOnBranch(input: { branch: { id: "REF_nope" }, message: { headline: "x" }, expectedHeadOid: "${commit.oid}" }) { commit { oid } } }`
    );
    expect(unknownId.body.errors.map((e: any) => [e.type, e.message])).toEqual([
      ['NOT_FOUND', "Could not resolve to a node with the global id of 'REF_nope'."]
    ]);
  });

  test('errors are HTTP 200 with data null: stale head, missing branch or repository, missing path; nothing moves', async () => {
    const tip = emulator.branchSha(repo, branch) as string;
    const parent = emulator.git(repo, ['rev-parse', `${tip}^`]);
    const attempt = (input: Record<string, unknown>) =>
      graphql(
        `
          mutation ($input: CreateCommitOnBranchInput!) {
            createCommitOnBranch(input: $input) {
              commit {
                oid
              }
            }
          }
        `,
        {
          input: {
            branch: { repositoryNameWithOwner: repo, branchName: branch },
            message: { headline: 'x' },
            expectedHeadOid: tip,
            ...input
          }
        }
      );
    const errorOf = async (input: Record<string, unknown>) => {
      const r = await attempt(input);
      expect(r.status).toBe(200);
      expect(r.body.data).toEqual({ createCommitOnBranch: null });
      expect(r.body.errors).toHaveLength(1);
      expect(r.body.errors[0].path).toEqual(['createCommitOnBranch']);
      return { type: r.body.errors[0].type, message: r.body.errors[0].message };
    };

    expect(await errorOf({ expectedHeadOid: parent })).toEqual({
      type: 'STALE_DATA',
      message: `Expected branch to point to "${parent}" but it did not. Pull and try again.`
    });
    expect(await errorOf({ branch: { repositoryNameWithOwner: repo, branchName: 'no/such' } })).toEqual({
      type: 'NOT_FOUND',
      message: 'Branch not found'
    });
    expect(await errorOf({ branch: { repositoryNameWithOwner: 'cc/none', branchName: 'main' } })).toEqual({
      type: 'NOT_FOUND',
      message: "Could not resolve to a Repository with the name 'cc/none'."
    });
    const missingPath = {
      type: 'NOT_FOUND',
      message: `A path was requested for deletion which does not exist as of commit oid \`${tip}\``
    };
    expect(
      await errorOf({
        fileChanges: {
          additions: [{ path: 'a.txt', contents: b64('a') }],
          deletions: [{ path: 'never.txt' }]
        }
      })
    ).toEqual(missingPath);
    expect(await errorOf({ fileChanges: { deletions: [{ path: 'dir' }] } })).toEqual(missingPath); // a directory is not a file
    expect(
      await errorOf({ fileChanges: { additions: [{ path: '../escape', contents: b64('x') }] } })
    ).toEqual({ type: 'UNPROCESSABLE', message: 'Invalid path "../escape".' });

    // Malformed input is refused before anything runs: no data at all.
    const noOid = await graphql(
      `
        mutation ($input: CreateCommitOnBranchInput!) {
          createCommitOnBranch(input: $input) {
            commit {
              oid
            }
          }
        }
      `,
      {
        input: { branch: { repositoryNameWithOwner: repo, branchName: branch }, message: { headline: 'x' } }
      }
    );
    expect(noOid.body.data).toBeUndefined();
    expect(noOid.body.errors[0].message).toBe(
      'Variable $input of type CreateCommitOnBranchInput! was provided invalid value for expectedHeadOid (Expected value to not be null)'
    );
    const badB64 = await attempt({
      fileChanges: { additions: [{ path: 'a.txt', contents: 'not base64!' }] }
    });
    expect(badB64.body.errors[0].message).toMatch(
      /invalid value for fileChanges\.additions\.0\.contents \(Could not coerce value "not base64!" to Base64String\)/
    );

    expect(emulator.branchSha(repo, branch)).toBe(tip);
  });

  test('through Octokit: graphql() gets the commit, and a stale head throws with type STALE_DATA', async () => {
    const tip = emulator.branchSha(repo, branch) as string;
    const r = await octokit(`
      const mutation = 'mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid signature { isValid } } } }';
      const input = { branch: { repositoryNameWithOwner: '${repo}', branchName: '${branch}' }, message: { headline: 'via octokit' },
        fileChanges: { additions: [{ path: 'octo.txt', contents: Buffer.from('octo\\n').toString('base64') }] }, expectedHeadOid: '${tip}' };
      const first = await octokit.graphql(mutation, { input });
      try { await octokit.graphql(mutation, { input }); return { first, second: 'succeeded?' }; }
      catch (err) { return { first, second: { name: err.name, type: err.errors?.[0]?.type, message: err.message } }; }
    `);
    expect(r.ok).toBe(true);
    const oid = r.value.first.createCommitOnBranch.commit.oid;
    expect(r.value.first.createCommitOnBranch.commit.signature).toEqual({ isValid: true });
    expect(emulator.branchSha(repo, branch)).toBe(oid);
    expect(r.value.second).toEqual({
      name: 'GraphqlResponseError',
      type: 'STALE_DATA',
      message: `Request failed due to following response errors:\n - Expected branch to point to "${tip}" but it did not. Pull and try again.`
    });
  });

  test('an open pull request follows the branch it commits to', async () => {
    const created = await request('POST', `/repos/${repo}/pulls`, {
      body: { title: 'cc', head: branch, base: 'main' }
    });
    expect(created.status).toBe(201);
    const tip = emulator.branchSha(repo, branch) as string;
    const r = await graphql(CREATE_COMMIT, {
      input: {
        branch: { repositoryNameWithOwner: repo, branchName: branch },
        message: { headline: 'more' },
        fileChanges: { additions: [{ path: 'more.txt', contents: b64('more') }] },
        expectedHeadOid: tip
      }
    });
    expect(emulator.getPull(repo, created.body.number)?.head.sha).toBe(
      r.body.data.createCommitOnBranch.commit.oid
    );
  });
});

describe('REST git refs: create, update, get', () => {
  const repo = 'refs/r';
  let root: string;
  let next: string;

  beforeAll(() => {
    emulator.createRepo(repo);
    root = emulator.branchSha(repo, 'main') as string;
    next = emulator.commitToBranch(repo, 'main', { 'n.txt': 'n\n' }, 'next');
  });

  test('POST /git/refs creates a branch (slashes allowed); 422 when it exists, the sha is unknown or the input is bad', async () => {
    const r = await request('POST', `/repos/${repo}/git/refs`, {
      body: { ref: 'refs/heads/outbox/deep/name', sha: root }
    });
    expect(r.status).toBe(201);
    expect(r.headers.location).toBe(`https://api.github.com/repos/${repo}/git/refs/heads/outbox/deep/name`);
    expect(r.body).toEqual({
      ref: 'refs/heads/outbox/deep/name',
      node_id: expect.stringMatching(/^REF_/),
      url: `https://api.github.com/repos/${repo}/git/refs/heads/outbox/deep/name`,
      object: { sha: root, type: 'commit', url: `https://api.github.com/repos/${repo}/git/commits/${root}` }
    });
    expect(emulator.branchSha(repo, 'outbox/deep/name')).toBe(root);
    for (const p of ['heads/outbox/deep/name', encodeURIComponent('heads/outbox/deep/name')]) {
      const got = await request('GET', `/repos/${repo}/git/ref/${p}`);
      expect([got.status, got.body]).toEqual([200, r.body]);
    }
    expect((await request('GET', `/repos/${repo}/git/ref/heads/outbox/nope`)).status).toBe(404);

    const refused = async (body: unknown) => {
      const x = await request('POST', `/repos/${repo}/git/refs`, { body });
      expect(x.status).toBe(422);
      expect(x.body.documentation_url).toBe('https://docs.github.com/rest/git/refs#create-a-reference');
      return x.body.message;
    };
    expect(await refused({ ref: 'refs/heads/outbox/deep/name', sha: next })).toBe('Reference already exists');
    expect(await refused({ ref: 'refs/heads/other', sha: 'f'.repeat(40) })).toBe('Object does not exist');
    expect(await refused({ ref: 'refs/heads/other', sha: root.slice(0, 7) })).toBe('Object does not exist');
    expect(await refused({ ref: 'refs/heads/other' })).toBe('Invalid request.\n\n"sha" wasn\'t supplied.');
    expect(await refused({ ref: 'heads/other', sha: root })).toBe(
      "Reference name must start with 'refs/' and have at least two slashes."
    );
    expect(await refused({ ref: 'refs/heads/bad..name', sha: root })).toBe(
      'refs/heads/bad..name is not a valid ref name.'
    );
    expect(emulator.branchSha(repo, 'other')).toBeNull();
  });

  test('PATCH /git/refs/heads/:branch: fast-forwards, refuses a rewind without force, force rewinds', async () => {
    const p = `/repos/${repo}/git/refs/heads/outbox/deep/name`;
    const ff = await request('PATCH', p, { body: { sha: next } });
    expect([ff.status, ff.body.object.sha, ff.body.ref]).toEqual([200, next, 'refs/heads/outbox/deep/name']);
    expect(emulator.branchSha(repo, 'outbox/deep/name')).toBe(next);

    const rewind = await request('PATCH', p, { body: { sha: root } });
    expect([rewind.status, rewind.body.message]).toEqual([422, 'Update is not a fast forward']);
    const notForced = await request('PATCH', p, { body: { sha: root, force: false } });
    expect([notForced.status, notForced.body.message]).toEqual([422, 'Update is not a fast forward']);
    expect(emulator.branchSha(repo, 'outbox/deep/name')).toBe(next);

    const forced = await request(
      'PATCH',
      encodeURI(p).replace('heads/outbox/deep/name', encodeURIComponent('heads/outbox/deep/name')),
      { body: { sha: root, force: true } }
    );
    expect([forced.status, forced.body.object.sha]).toEqual([200, root]);
    expect(emulator.branchSha(repo, 'outbox/deep/name')).toBe(root);

    const missing = await request('PATCH', `/repos/${repo}/git/refs/heads/none`, { body: { sha: root } });
    expect([missing.status, missing.body.message]).toEqual([422, 'Reference does not exist']);
    const unknown = await request('PATCH', p, { body: { sha: 'e'.repeat(40), force: true } });
    expect([unknown.status, unknown.body.message]).toEqual([422, 'Object does not exist']);
  });

  test('through Octokit (git.createRef / updateRef / getRef), and a moved head branch moves its pull request', async () => {
    const r = await octokit(`
      const base = { owner: 'refs', repo: 'r' };
      const created = await octokit.rest.git.createRef({ ...base, ref: 'refs/heads/octo/branch', sha: '${root}' });
      const got = await octokit.rest.git.getRef({ ...base, ref: 'heads/octo/branch' });
      const updated = await octokit.rest.git.updateRef({ ...base, ref: 'heads/octo/branch', sha: '${next}' });
      let rewind;
      try { await octokit.rest.git.updateRef({ ...base, ref: 'heads/octo/branch', sha: '${root}' }); } catch (err) { rewind = [err.status, err.response.data.message]; }
      return { created: created.status, got: got.data.object.sha, updated: [updated.status, updated.data.object.sha], rewind };
    `);
    expect(r).toMatchObject({
      ok: true,
      value: { created: 201, got: root, updated: [200, next], rewind: [422, 'Update is not a fast forward'] }
    });

    emulator.commitToBranch(repo, 'octo/feature', { 'f.txt': 'f\n' }, 'feature');
    const pr = await request('POST', `/repos/${repo}/pulls`, {
      body: { title: 'f', head: 'octo/feature', base: 'main' }
    });
    const moved = emulator.commitToBranch(repo, 'elsewhere', { 'e.txt': 'e\n' }, 'elsewhere');
    await request('PATCH', `/repos/${repo}/git/refs/heads/octo/feature`, {
      body: { sha: moved, force: true }
    });
    expect(emulator.getPull(repo, pr.body.number)?.head.sha).toBe(moved);
  });
});

describe('REST git data: blobs, trees, commits', () => {
  const repo = 'data/r';
  let root: string;
  let rootTree: string;

  beforeAll(() => {
    emulator.createRepo(repo, {
      files: { 'README.md': '# r\n', 'dir/a.txt': 'a\n', 'file-then-dir': 'f\n' }
    });
    root = emulator.branchSha(repo, 'main') as string;
    rootTree = emulator.git(repo, ['rev-parse', `${root}^{tree}`]);
  });

  const refused = async (path: string, body: unknown, doc: string) => {
    const r = await request('POST', `/repos/${repo}/git/${path}`, { body });
    expect([r.status, r.body.documentation_url]).toEqual([422, `https://docs.github.com/rest/git/${doc}`]);
    return r.body.message as string;
  };

  test('POST /git/blobs stores base64 and utf-8 contents under git’s blob id; 422 without content', async () => {
    const bytes = Buffer.from('bin\0ary\n');
    const r = await request('POST', `/repos/${repo}/git/blobs`, {
      body: { content: b64(bytes), encoding: 'base64' }
    });
    expect([r.status, r.body.sha]).toEqual([201, blobId(bytes)]);
    expect(r.headers.location).toBe(`https://api.github.com/repos/${repo}/git/blobs/${blobId(bytes)}`);
    const text = await request('POST', `/repos/${repo}/git/blobs`, { body: { content: 'héllo' } });
    expect(text.body.sha).toBe(blobId(Buffer.from('héllo')));
    expect(await refused('blobs', { encoding: 'base64' }, 'blobs#create-a-blob')).toBe(
      'Invalid request.\n\n"content" wasn\'t supplied.'
    );
  });

  test('POST /git/trees applies modes, deletions and a file replaced by a folder onto base_tree; refuses what GitHub refuses', async () => {
    const exe = (await request('POST', `/repos/${repo}/git/blobs`, { body: { content: '#!/bin/sh\n' } })).body
      .sha as string;
    const link = (await request('POST', `/repos/${repo}/git/blobs`, { body: { content: 'README.md' } })).body
      .sha as string;
    const gitlink = 'c'.repeat(40);
    const r = await request('POST', `/repos/${repo}/git/trees`, {
      body: {
        base_tree: rootTree,
        tree: [
          { path: 'dir/a.txt', mode: '100644', type: 'blob', sha: null },
          { path: 'file-then-dir', mode: '100644', type: 'blob', sha: null },
          { path: 'bin/run.sh', mode: '100755', type: 'blob', sha: exe },
          { path: 'link', mode: '120000', type: 'blob', sha: link },
          { path: 'vendor/lib', mode: '160000', type: 'commit', sha: gitlink },
          { path: 'file-then-dir/inner.txt', mode: '100644', type: 'blob', content: 'inner\n' }
        ]
      }
    });
    expect(r.status).toBe(201);
    expect(r.body.truncated).toBe(false);
    expect(
      r.body.tree.map((e: { path: string; mode: string; type: string }) => `${e.mode} ${e.type} ${e.path}`)
    ).toEqual([
      '100644 blob README.md',
      '040000 tree bin',
      '040000 tree file-then-dir',
      '120000 blob link',
      '040000 tree vendor'
    ]);
    const listing = emulator.git(repo, ['ls-tree', '-r', r.body.sha]);
    expect(listing).toContain(`100755 blob ${exe}\tbin/run.sh`);
    expect(listing).toContain(`160000 commit ${gitlink}\tvendor/lib`);
    expect(listing).toMatch(/100644 blob \w+\tfile-then-dir\/inner\.txt/);
    expect(listing).not.toContain('dir/a.txt');

    const doc = 'trees#create-a-tree';
    expect(
      await refused(
        'trees',
        { base_tree: rootTree, tree: [{ path: 'nope', mode: '100644', type: 'blob', sha: null }] },
        doc
      )
    ).toBe('GitRPC::BadObjectState');
    expect(await refused('trees', { base_tree: 'f'.repeat(40), tree: [] }, doc)).toBe(
      'base_tree is not a valid tree oid'
    );
    expect(
      await refused(
        'trees',
        { tree: [{ path: 'x', mode: '100644', type: 'blob', sha: exe, content: 'x' }] },
        doc
      )
    ).toBe('Must supply either tree.sha or tree.content. Request will be rejected if both are present.');
    expect(
      await refused(
        'trees',
        { tree: [{ path: 'x', mode: '100644', type: 'blob', sha: 'e'.repeat(40) }] },
        doc
      )
    ).toBe(`tree.sha ${'e'.repeat(40)} is not a valid blob`);
  });

  test('POST /git/commits: signed and verified for a bot without author or committer, unsigned otherwise', async () => {
    const body = { message: 'Made over REST', tree: rootTree, parents: [root] };
    const bot = await request('POST', `/repos/${repo}/git/commits`, { body });
    expect(bot.status).toBe(201);
    expect(bot.body).toMatchObject({
      message: 'Made over REST',
      tree: { sha: rootTree },
      parents: [{ sha: root }],
      author: { name: 'publisher[bot]' },
      committer: { name: 'GitHub', email: 'noreply@github.com' },
      verification: { verified: true, reason: 'valid' }
    });
    expect(emulator.verifiedCommits.has(bot.body.sha)).toBe(true);
    const custom = await request('POST', `/repos/${repo}/git/commits`, {
      body: { ...body, author: { name: 'Ann', email: 'ann@example.com' } }
    });
    expect(custom.body).toMatchObject({
      author: { name: 'Ann', email: 'ann@example.com' },
      committer: { name: 'Ann' },
      verification: { verified: false, reason: 'unsigned', signature: null }
    });
    const user = await request('POST', `/repos/${repo}/git/commits`, { body, token: TOKENS.user });
    expect(user.body).toMatchObject({
      author: { name: 'octo-user' },
      committer: { name: 'octo-user' },
      verification: { verified: false, reason: 'unsigned' }
    });
    expect(emulator.branchSha(repo, 'main')).toBe(root);
    const doc = 'commits#create-a-commit';
    expect(await refused('commits', { ...body, tree: 'f'.repeat(40) }, doc)).toBe('Tree SHA does not exist');
    expect(await refused('commits', { ...body, parents: [rootTree] }, doc)).toBe(
      'Parent SHA does not exist or is not a commit object'
    );
  });
});

describe('fault injection', () => {
  const repo = 'f/r';

  beforeAll(() => {
    emulator.createRepo(repo);
  });

  test('status faults: 503 once on GraphQL then normal, 500 by default on REST; logged as injected', async () => {
    const mark = emulator.requests.length;
    const handle = emulator.failNext({
      kind: 'graphql',
      status: 503,
      body: { message: 'Service Unavailable' }
    });
    emulator.failNext({ method: 'GET', pathPattern: /^\/repos\/f\/r$/ });
    expect(handle.remaining()).toBe(1);
    const g1 = await graphql('{ viewer { login } }');
    const g2 = await graphql('{ viewer { login } }');
    expect([g1.status, g1.body]).toEqual([503, { message: 'Service Unavailable' }]);
    expect([g2.status, g2.body]).toEqual([200, { data: { viewer: { login: 'publisher[bot]' } } }]);
    expect([handle.fired(), handle.remaining()]).toEqual([1, 0]);
    const r1 = await request('GET', `/repos/${repo}`);
    const r2 = await request('GET', `/repos/${repo}`);
    expect([r1.status, r2.status]).toEqual([500, 200]);
    expect(
      emulator.requests.slice(mark).map((x) => [x.kind, x.status, x.injected ?? false, x.fault ?? null])
    ).toEqual([
      ['graphql', 503, true, 'status'],
      ['graphql', 200, false, null],
      ['rest', 500, true, 'status'],
      ['rest', 200, false, null]
    ]);
    expect(emulator.countRequests({ since: mark, injected: true })).toBe(2);
    expect(() => emulator.failNext({ after: true })).toThrow(/needs `reset: true`/);
  });

  test('reset before serving: the client sees ECONNRESET, nothing happens, the next request is served', async () => {
    const mark = emulator.requests.length;
    emulator.failNext({ reset: true, method: 'POST', pathPattern: /\/git\/refs$/ });
    const sha = emulator.branchSha(repo, 'main') as string;
    await expect(
      request('POST', `/repos/${repo}/git/refs`, { body: { ref: 'refs/heads/reset-before', sha } })
    ).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(emulator.branchSha(repo, 'reset-before')).toBeNull();
    const again = await request('POST', `/repos/${repo}/git/refs`, {
      body: { ref: 'refs/heads/reset-before', sha }
    });
    expect(again.status).toBe(201);
    expect(
      emulator.requests.slice(mark).map((x) => [x.status, x.fault ?? null, x.faultPhase ?? null])
    ).toEqual([
      [0, 'reset', 'before'],
      [201, null, null]
    ]);

    emulator.failNext({ reset: true, kind: 'graphql' });
    await expect(graphql('{ viewer { login } }')).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  test('reset after serving: the change is made but the answer is lost, so a blind retry meets it', async () => {
    const mark = emulator.requests.length;
    const sha = emulator.branchSha(repo, 'main') as string;
    emulator.failNext({ reset: true, after: true, method: 'POST', pathPattern: /\/git\/refs$/ });
    await expect(
      request('POST', `/repos/${repo}/git/refs`, { body: { ref: 'refs/heads/reset-after', sha } })
    ).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(emulator.branchSha(repo, 'reset-after')).toBe(sha);
    const retry = await request('POST', `/repos/${repo}/git/refs`, {
      body: { ref: 'refs/heads/reset-after', sha }
    });
    expect([retry.status, retry.body.message]).toEqual([422, 'Reference already exists']);
    expect(
      emulator.requests
        .slice(mark)
        .map((x) => [x.status, x.fault ?? null, x.faultPhase ?? null, x.suppressedStatus ?? null])
    ).toEqual([
      [0, 'reset', 'after', 201],
      [422, null, null, null]
    ]);

    // The same for createCommitOnBranch: the commit exists, and resending it is stale.
    emulator.failNext({ reset: true, after: true, kind: 'graphql' });
    const input = {
      branch: { repositoryNameWithOwner: repo, branchName: 'main' },
      message: { headline: 'once' },
      fileChanges: { additions: [{ path: 'once.txt', contents: b64('1') }] },
      expectedHeadOid: sha
    };
    await expect(graphql(CREATE_COMMIT, { input })).rejects.toMatchObject({ code: 'ECONNRESET' });
    const made = emulator.branchSha(repo, 'main') as string;
    expect(made).not.toBe(sha);
    expect(emulator.git(repo, ['log', '-1', '--format=%s', made])).toBe('once');
    const resent = await graphql(CREATE_COMMIT, { input });
    expect(resent.body.errors[0].type).toBe('STALE_DATA');
    expect(emulator.branchSha(repo, 'main')).toBe(made);
    expect(
      emulator
        .requestsMatching({ operation: 'createCommitOnBranch', since: mark })
        .map((x) => [x.fault ?? null, x.suppressedStatus ?? null, x.status])
    ).toEqual([
      ['reset', 200, 0],
      [null, null, 200]
    ]);
  });

  test("Octokit with the action's retry plugin gets past a dropped connection and a 502", async () => {
    const mark = emulator.requests.length;
    emulator.failNext({ reset: true, method: 'GET', pathPattern: /^\/repos\/f\/r$/ });
    emulator.failNext({
      status: 502,
      method: 'GET',
      pathPattern: /^\/repos\/f\/r$/,
      body: { message: 'Server Error' }
    });
    const r = await octokit(
      `return (await octokit.rest.repos.get({ owner: 'f', repo: 'r' })).data.full_name;`
    );
    expect(r).toMatchObject({ ok: true, value: repo });
    expect(
      emulator
        .requestsMatching({ since: mark, pathPattern: /^\/repos\/f\/r$/ })
        .map((x) => [x.status, x.fault ?? null])
    ).toEqual([
      [0, 'reset'],
      [502, 'status'],
      [200, null]
    ]);
  });

  test("secondary rate limit: 403, retry-after, GitHub's message; REST and GraphQL; filters and times", async () => {
    const mark = emulator.requests.length;
    const limit = emulator.rateLimit({ kind: 'secondary', retryAfter: 7, times: 2, method: 'POST' });
    const get = await request('GET', `/repos/${repo}`); // not a POST: untouched
    expect(get.status).toBe(200);
    const rest = await request('POST', `/repos/${repo}/git/refs`, {
      body: { ref: 'refs/heads/limited', sha: emulator.branchSha(repo, 'main') }
    });
    expect(rest.status).toBe(403);
    expect(rest.headers['retry-after']).toBe('7');
    expect(rest.headers['x-ratelimit-remaining']).not.toBe('0');
    expect(rest.body.message).toMatch(
      /^You have exceeded a secondary rate limit\. Please wait a few minutes before you try again\. If you reach out to GitHub Support for help, please include the request ID [0-9A-F:]+\.$/
    );
    expect(rest.body.documentation_url).toMatch(/#about-secondary-rate-limits$/);
    expect(emulator.branchSha(repo, 'limited')).toBeNull();
    const gql = await graphql('{ viewer { login } }');
    expect(gql.status).toBe(403);
    expect(gql.body.message).toMatch(/secondary rate limit/);
    expect(limit.remaining()).toBe(0);
    expect((await graphql('{ viewer { login } }')).status).toBe(200);
    expect(
      emulator.requests.slice(mark).map((x) => [x.kind, x.status, x.fault ?? null, x.rateLimit ?? null])
    ).toEqual([
      ['rest', 200, null, null],
      ['rest', 403, 'rate-limit', 'secondary'],
      ['graphql', 403, 'rate-limit', 'secondary'],
      ['graphql', 200, null, null]
    ]);
  });

  test('primary rate limit: REST 403 with x-ratelimit-remaining 0 and the reset time; GraphQL RATE_LIMITED', async () => {
    emulator.rateLimit({ kind: 'primary', resetInSeconds: 120, api: 'rest' });
    const before = Math.floor(Date.now() / 1000);
    const rest = await request('GET', `/repos/${repo}`);
    expect(rest.status).toBe(403);
    expect(rest.headers['x-ratelimit-remaining']).toBe('0');
    expect(rest.headers['x-ratelimit-limit']).toBe(rest.headers['x-ratelimit-used']);
    const reset = Number(rest.headers['x-ratelimit-reset']);
    expect(reset).toBeGreaterThanOrEqual(before + 120);
    expect(reset).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 120);
    const userId = emulator.tokens.get(TOKENS.bot)?.userId;
    expect(rest.body.message).toMatch(
      new RegExp(
        `^API rate limit exceeded for user ID ${userId}\\. If you reach out to GitHub Support for help, please include the request ID \\S+ and timestamp \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC\\.$`
      )
    );
    expect(rest.headers['retry-after']).toBeUndefined();

    emulator.rateLimit({ kind: 'primary', api: 'graphql' });
    const gql = await graphql('{ viewer { login } }');
    expect(gql.status).toBe(200);
    expect(gql.headers['x-ratelimit-remaining']).toBe('0');
    expect(gql.headers['x-ratelimit-resource']).toBe('graphql');
    expect(gql.body).toEqual({
      errors: [
        {
          type: 'RATE_LIMITED',
          code: 'graphql_rate_limit',
          message: `API rate limit exceeded for user ID ${userId}.`
        }
      ]
    });

    emulator.rateLimit({ kind: 'primary', status: 429 });
    const anon = await request('GET', `/repos/${repo}`, { token: '' });
    expect(anon.status).toBe(429);
    expect(anon.body.message).toMatch(
      /^API rate limit exceeded for 127\.0\.0\.1\. \(But here's the good news/
    );
    expect(anon.headers['x-ratelimit-limit']).toBe('60');
  });

  test('rate limits never match git; they wait in the queue until cancelled', async () => {
    const limit = emulator.rateLimit({ kind: 'secondary' });
    const dir = tempDir('emu-rl-');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: path.join(dir, 'gitconfig'),
      GIT_TERMINAL_PROMPT: '0',
      ...emulatorEnv(emulator)
    };
    const ls = await ok(
      'git',
      ['ls-remote', `https://x-access-token:${TOKENS.bot}@github.com/${repo}.git`, 'refs/heads/main'],
      { env }
    );
    expect(ls.stdout).toBe(`${emulator.branchSha(repo, 'main')}\trefs/heads/main\n`);
    expect(limit.remaining()).toBe(1);
    limit.cancel();
    expect(limit.remaining()).toBe(0);
    expect((await request('GET', '/user')).status).toBe(200);
    expect(() => emulator.rateLimit({ kind: 'tertiary' as 'primary' })).toThrow(/bad kind/);
  });

  test("Octokit with the action's throttling plugin waits out a secondary and a primary limit, then succeeds", async () => {
    const mark = emulator.requests.length;
    emulator.rateLimit({ kind: 'secondary', retryAfter: 1, pathPattern: /^\/repos\/f\/r$/ });
    emulator.rateLimit({ kind: 'primary', resetInSeconds: 1, pathPattern: /^\/graphql$/ });
    const started = Date.now();
    const r = await octokit(`
      const repo = (await octokit.rest.repos.get({ owner: 'f', repo: 'r' })).data.full_name;
      const viewer = (await octokit.graphql('{ viewer { login } }')).viewer.login;
      return { repo, viewer };
    `);
    expect(r.ok).toBe(true);
    expect(r.value).toEqual({ repo, viewer: 'publisher[bot]' });
    expect(r.events.map((e: unknown[]) => e[0])).toEqual(['secondary', 'primary']);
    expect(r.events[0][1]).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(
      emulator.requestsMatching({ since: mark }).map((x) => [x.kind, x.status, x.rateLimit ?? null])
    ).toEqual([
      ['rest', 403, 'secondary'],
      ['rest', 200, null],
      ['graphql', 200, 'primary'],
      ['graphql', 200, null]
    ]);
  });
});

describe('enforced secondary limits (content creation, concurrency)', () => {
  const repo = 'content/r';
  const TOKEN = 'ghp_faultsContent00000000000000000000000';
  const OTHER = 'ghp_faultsContentOther000000000000000000';
  const MUTATION =
    'mutation M { enablePullRequestAutoMerge(input: {pullRequestId: "x"}) { clientMutationId } }';
  const pull = (token = TOKEN) =>
    request('POST', `/repos/${repo}/pulls`, { token, body: { head: 'nope', base: 'main', title: 't' } });

  beforeAll(() => {
    emulator.createRepo(repo);
    emulator.addToken(TOKEN, { login: 'content-user' });
    emulator.addToken(OTHER, { login: 'content-user' });
  });
  afterAll(() => emulator.setSecondaryLimits());

  test("GitHub's numbers by default; content-generating requests over a window get GitHub's 403; others pass", async () => {
    expect(emulator.secondaryLimits).toEqual({
      contentShort: 80,
      shortWindowMs: 60_000,
      contentLong: 500,
      longWindowMs: 3_600_000,
      concurrent: 100
    });
    emulator.setSecondaryLimits({ contentShort: 2, shortWindowMs: 1500, contentLong: 3 });
    const mark = emulator.requests.length;
    // Counted as they arrive, whatever the answer (here 422: no such head branch).
    expect((await pull()).status).toBe(422);
    expect((await pull(OTHER)).status).toBe(422); // another token of the same user shares the count
    const refused = await pull();
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({
      message:
        'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.',
      documentation_url:
        'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits'
    });
    expect(refused.headers['retry-after']).toBeUndefined();
    expect(Number(refused.headers['x-ratelimit-remaining'])).toBeGreaterThan(0);
    // Not content: reads, PATCH of a pull request, labels, GraphQL queries.
    expect((await request('GET', `/repos/${repo}/pulls`, { token: TOKEN })).status).toBe(200);
    expect(
      (await request('POST', `/repos/${repo}/issues/1/labels`, { token: TOKEN, body: { labels: ['x'] } }))
        .status
    ).not.toBe(403);
    expect((await graphql('{ viewer { login } }', {}, TOKEN)).status).toBe(200);
    // A GraphQL mutation is content.
    const mutation = await graphql(MUTATION, {}, TOKEN);
    expect(mutation.status).toBe(403);
    expect(mutation.body.message).toMatch(/blocked from content creation/);
    // Another user has counts of its own.
    expect((await pull(TOKENS.user)).status).toBe(422);
    // Once the short window has passed, one more fits before the long window (3) is full.
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await pull()).status).toBe(422);
    expect((await pull()).status).toBe(403);
    const log = emulator.requests.slice(mark);
    expect(log.filter((r) => r.limitedBy === 'content').map((r) => [r.kind, r.status, r.rateLimit])).toEqual([
      ['rest', 403, 'secondary'],
      ['graphql', 403, 'secondary'],
      ['rest', 403, 'secondary']
    ]);
    expect(log.filter((r) => r.contentGenerating).length).toBe(7);
    for (const r of log) expect(Date.parse(r.finished!)).toBeGreaterThanOrEqual(Date.parse(r.time));

    emulator.setSecondaryLimits({ contentShort: 0, contentRetryAfter: 2 });
    const asked = await pull();
    expect(asked.status).toBe(403);
    expect(asked.headers['retry-after']).toBe('2');
  });

  test('over 100 (here 1) requests in flight for one user: the generic secondary-limit 403', async () => {
    emulator.setSecondaryLimits({ concurrent: 1 });
    // A GraphQL request whose body is still coming holds the one slot.
    const slow = https.request({
      hostname: 'api.github.com',
      port: 443,
      path: '/graphql',
      method: 'POST',
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json', 'user-agent': 'tests' },
      ca: caPem,
      agent: false
    });
    const slowAnswer = new Promise<number>((resolve, reject) => {
      slow.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      slow.on('error', reject);
    });
    slow.write('{"query":');
    while (
      !emulator.requests.some((r) => r.kind === 'graphql' && r.authUser === 'content-user' && !r.finished)
    )
      await new Promise((resolve) => setTimeout(resolve, 20));
    const crowded = await request('GET', `/repos/${repo}`, { token: OTHER });
    expect(crowded.status).toBe(403);
    expect(crowded.body.message).toMatch(
      /^You have exceeded a secondary rate limit\. Please wait a few minutes/
    );
    expect((await request('GET', `/repos/${repo}`)).status).toBe(200); // another user
    slow.end('"{ viewer { login } }"}');
    expect(await slowAnswer).toBe(200);
    expect((await request('GET', `/repos/${repo}`, { token: OTHER })).status).toBe(200);
    expect(emulator.requests.filter((r) => r.limitedBy === 'concurrency')).toHaveLength(1);
  });
});

describe('dropped connections with real git push', () => {
  const repo = 'push/r';
  let env: NodeJS.ProcessEnv;
  let work: string;
  const git = (args: string[]) => ok('git', args, { env, cwd: work });
  const push = (args: string[]) => run('git', ['push', ...args], { env, cwd: work });

  beforeAll(async () => {
    emulator.createRepo(repo);
    const dir = tempDir('emu-push-');
    env = gitClientEnv(dir, emulatorEnv(emulator));
    work = path.join(dir, 'work');
    await ok('git', ['clone', `https://x-access-token:${TOKENS.bot}@github.com/${repo}.git`, work], {
      env,
      cwd: dir
    });
  });

  test('reset before the push is served: git fails and the server has nothing', async () => {
    writeFileSync(path.join(work, 'a.txt'), 'a\n');
    await git(['add', 'a.txt']);
    await git(['commit', '-m', 'a']);
    const mark = emulator.requests.length;
    emulator.failNext({ reset: true, kind: 'git', method: 'POST', pathPattern: /\/git-receive-pack$/ });
    const r = await push(['origin', 'HEAD:refs/heads/outbox/before']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/RPC failed|Connection reset|unexpected disconnect|remote end hung up/i);
    expect(emulator.branchSha(repo, 'outbox/before')).toBeNull();
    expect(
      emulator
        .requestsMatching({ since: mark, service: 'git-receive-pack', method: 'POST' })
        .map((x) => [x.status, x.fault, x.faultPhase])
    ).toEqual([[0, 'reset', 'before']]);
  });

  test('reset after the push was applied: git fails, the ref did move, and pushing again sends nothing', async () => {
    const local = (await git(['rev-parse', 'HEAD'])).stdout.trim();
    const mark = emulator.requests.length;
    emulator.failNext({
      reset: true,
      after: true,
      kind: 'git',
      method: 'POST',
      pathPattern: /\/git-receive-pack$/
    });
    const first = await push(['origin', 'HEAD:refs/heads/outbox/after']);
    expect(first.code).not.toBe(0);
    expect(first.stderr).toMatch(/RPC failed|Connection reset|unexpected disconnect|remote end hung up/i);
    expect(emulator.branchSha(repo, 'outbox/after')).toBe(local);
    const [entry] = emulator.requestsMatching({ since: mark, service: 'git-receive-pack', method: 'POST' });
    expect([entry.status, entry.fault, entry.faultPhase, entry.suppressedStatus]).toEqual([
      0,
      'reset',
      'after',
      200
    ]);

    // The retry finds the branch already there: nothing is sent, nothing is duplicated.
    const second = await push(['origin', 'HEAD:refs/heads/outbox/after']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('Everything up-to-date');
    expect(emulator.countRequests({ since: mark, service: 'git-receive-pack', method: 'POST' })).toBe(1);
    expect(emulator.branchSha(repo, 'outbox/after')).toBe(local);
    expect(emulator.git(repo, ['rev-list', '--count', 'refs/heads/outbox/after'])).toBe('2');
  });

  test('reuseConnection: libcurl resends the POST after the reset by itself; the resent push is refused', async () => {
    await git(['commit', '--allow-empty', '-m', 'b']);
    const local = (await git(['rev-parse', 'HEAD'])).stdout.trim();
    const mark = emulator.requests.length;
    emulator.failNext({
      reset: true,
      after: true,
      reuseConnection: true,
      kind: 'git',
      method: 'POST',
      pathPattern: /\/git-receive-pack$/
    });
    const r = await push(['origin', 'HEAD:refs/heads/outbox/after']);
    // The first POST moved the ref; libcurl's silent resend asks for the same update from the old
    // tip again, which the server refuses: git fails although the push was applied.
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/! \[remote rejected\]\s+HEAD -> outbox\/after \(failed to update ref\)/);
    expect(emulator.branchSha(repo, 'outbox/after')).toBe(local);
    expect(
      emulator
        .requestsMatching({ since: mark, service: 'git-receive-pack', method: 'POST' })
        .map((x) => [x.status, x.fault ?? null])
    ).toEqual([
      [0, 'reset'],
      [200, null]
    ]);
  });
});
