/** The emulator's Git LFS endpoints, spoken to directly: GitHub's batch API, transfers, verify and locks. */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import https from 'node:https';
import { lfsPointer } from '../../test-support/lfs-store.js';
import { useEmulator, type Emulator } from './support.js';

const TOKEN = 'ghp_e2eLfsEmulatorToken000000000000001';
const suite = useEmulator((emulator) => {
  emulator.addToken(TOKEN, { login: 'octo-dev', scopes: 'repo' });
  emulator.createRepo('octo-org/lfs-api');
});
const em = (): Emulator => suite.emulator;
const LFS = 'application/vnd.git-lfs+json';
const BASIC = `Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`;

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, ca: fs.readFileSync(em().caFile) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      }
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

function batch(body: unknown, headers: Record<string, string> = { authorization: BASIC }): Promise<Answer> {
  return request('https://github.com/octo-org/lfs-api.git/info/lfs/objects/batch', {
    method: 'POST',
    headers: { accept: LFS, 'content-type': LFS, ...headers },
    body: JSON.stringify(body)
  });
}

test('credentials as for git over HTTPS: 401 with LFS-Authenticate without them, 406 without the LFS media type', async () => {
  const none = await batch({ operation: 'download', objects: [] }, {});
  expect(none.status).toBe(401);
  expect(none.headers['lfs-authenticate']).toMatch(/^Basic /);
  expect(none.headers['content-type']).toBe(LFS);
  expect(
    (
      await batch(
        { operation: 'download', objects: [] },
        { authorization: `Basic ${Buffer.from('x:wrong').toString('base64')}` }
      )
    ).status
  ).toBe(401);
  const plain = await request('https://github.com/octo-org/lfs-api.git/info/lfs/objects/batch', {
    method: 'POST',
    headers: { authorization: BASIC, accept: 'application/json' },
    body: '{}'
  });
  expect(plain.status).toBe(406);
  expect(
    (
      await request('https://github.com/octo-org/nope.git/info/lfs/objects/batch', {
        method: 'POST',
        headers: { authorization: BASIC, accept: LFS },
        body: '{}'
      })
    ).status
  ).toBe(404);
  expect(
    (
      await batch({
        operation: 'download',
        objects: Array.from({ length: 101 }, (_, i) => ({
          oid: createHash('sha256').update(String(i)).digest('hex'),
          size: 1
        }))
      })
    ).status
  ).toBe(413);
});

test('upload, verify, download: tickets on other hosts, never the token; served only once verified', async () => {
  const content = Buffer.from('large content\n');
  const { oid, size } = lfsPointer(content);
  const missing = await batch({ operation: 'download', transfers: ['basic'], objects: [{ oid, size }] });
  expect(missing.status).toBe(200);
  expect(missing.json.objects[0].error).toEqual({
    code: 404,
    message: 'Object does not exist on the server'
  });

  const up = await batch({
    operation: 'upload',
    transfers: ['basic'],
    objects: [{ oid, size }],
    hash_algo: 'sha256'
  });
  expect(up.json.transfer).toBe('basic');
  const { upload, verify } = up.json.objects[0].actions;
  expect(upload.href).toMatch(
    /^https:\/\/github-cloud\.githubusercontent\.com\/alambic\/media\/\d+\/[0-9a-f]{2}\/[0-9a-f]{2}\//
  );
  expect(upload.expires_in).toBeGreaterThan(0);
  expect(verify.href).toBe(`https://lfs.github.com/octo-org/lfs-api/objects/${oid}/verify`);
  expect(JSON.stringify(up.json)).not.toContain(TOKEN);

  expect((await request(upload.href, { method: 'PUT', body: content })).status).toBe(403);
  expect(
    (await request(upload.href, { method: 'PUT', headers: upload.header, body: Buffer.from('other\n') }))
      .status
  ).toBe(400);
  expect((await request(upload.href, { method: 'PUT', headers: upload.header, body: content })).status).toBe(
    200
  );
  // Uploaded but not verified: not served yet, and a new upload is still asked for.
  expect(em().lfs.has('octo-org/lfs-api', oid)).toBe(false);
  expect(
    (await batch({ operation: 'upload', objects: [{ oid, size }] })).json.objects[0].actions.upload
  ).toBeDefined();
  expect(
    (
      await request(verify.href, {
        method: 'POST',
        headers: { 'content-type': LFS },
        body: JSON.stringify({ oid, size })
      })
    ).status
  ).toBe(401);
  expect(
    (
      await request(verify.href, {
        method: 'POST',
        headers: { ...verify.header, 'content-type': LFS },
        body: JSON.stringify({ oid, size })
      })
    ).status
  ).toBe(200);
  expect(em().lfs.get('octo-org/lfs-api', oid)).toEqual(content);

  const again = await batch({ operation: 'upload', objects: [{ oid, size }] });
  expect(again.json.objects[0]).toEqual({ oid, size, authenticated: true });
  const down = await batch({ operation: 'download', objects: [{ oid, size }] });
  const { download } = down.json.objects[0].actions;
  expect((await request(download.href)).status).toBe(403);
  const got = await request(download.href, { headers: download.header });
  expect(got.status).toBe(200);
  expect(got.text).toBe(content.toString());
});

test('locks: verify lists ours and theirs, as GitHub answers git-lfs before a push', async () => {
  em().lfs.lock('octo-org/lfs-api', 'assets/theirs.bin', 'someone-else');
  const created = await request('https://github.com/octo-org/lfs-api.git/info/lfs/locks', {
    method: 'POST',
    headers: { authorization: BASIC, accept: LFS, 'content-type': LFS },
    body: JSON.stringify({ path: 'assets/mine.bin' })
  });
  expect(created.status).toBe(201);
  expect(created.json.lock).toMatchObject({ path: 'assets/mine.bin', owner: { name: 'octo-dev' } });
  const verify = await request('https://github.com/octo-org/lfs-api.git/info/lfs/locks/verify', {
    method: 'POST',
    headers: { authorization: BASIC, accept: LFS, 'content-type': LFS },
    body: JSON.stringify({ ref: { name: 'refs/heads/main' } })
  });
  expect(verify.status).toBe(200);
  expect(verify.json.ours.map((l: { path: string }) => l.path)).toEqual(['assets/mine.bin']);
  expect(verify.json.theirs.map((l: { path: string }) => l.path)).toEqual(['assets/theirs.bin']);
  const unauthenticated = await request('https://github.com/octo-org/lfs-api.git/info/lfs/locks/verify', {
    method: 'POST',
    headers: { accept: LFS },
    body: '{}'
  });
  expect(unauthenticated.status).toBe(401);
});
