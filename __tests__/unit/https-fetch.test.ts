/**
 * The fetch the API client runs on (src/https-fetch.ts), against two local servers (two
 * origins): what Octokit reads of an answer, redirects as fetch follows them, and failures as
 * fetch reports them. Plain HTTP: TLS is node:https's own, and the e2e tests run it.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as zlib from 'node:zlib';
import { httpsFetch } from '../../src/https-fetch.js';

let main: http.Server;
let other: http.Server;
const origin = (server: http.Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

function serve(handler: http.RequestListener): Promise<http.Server> {
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Answers with what it got: method, headers, body. */
const echo = (req: http.IncomingMessage, res: http.ServerResponse) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
  });
};

beforeAll(async () => {
  other = await serve(echo);
  main = await serve((req, res) => {
    switch (req.url) {
      case '/json':
        res.writeHead(200, 'Fine', [
          ['Content-Type', 'application/json; charset=utf-8'],
          ['X-Multi', 'a'],
          ['X-Multi', 'b'],
          ['ETag', '"1"']
        ]);
        return res.end('{"ok":true}');
      case '/gzip':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
        return res.end(zlib.gzipSync('squeezed'));
      case '/gzip-br':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip, br' });
        return res.end(zlib.brotliCompressSync(zlib.gzipSync('twice')));
      case '/no-content':
        // A proxy's Content-Encoding on an answer without a body: fetch gives the empty body.
        res.writeHead(204, { 'content-encoding': 'gzip' });
        return res.end();
      case '/bomb':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
        // Level 1: a quarter of the default level's CPU for the 65 MiB, still 300 KB on the wire.
        return res.end(zlib.gzipSync(Buffer.alloc(65 * 1024 * 1024), { level: 1 }));
      case '/see-other':
        res.writeHead(303, { location: '/echo' });
        return res.end();
      case '/moved':
        res.writeHead(301, { location: '/echo' });
        return res.end();
      case '/elsewhere':
        res.writeHead(307, { location: `${origin(other)}/echo` });
        return res.end();
      case '/loop':
        res.writeHead(302, { location: '/loop' });
        return res.end();
      case '/reset':
        return req.socket.destroy();
      default:
        return echo(req, res);
    }
  });
});
afterAll(async () => {
  await Promise.all([main, other].map((s) => new Promise((resolve) => s.close(resolve))));
});

test('an answer as Octokit reads it: status, headers by any case and in order, the body', async () => {
  const answer = await httpsFetch(`${origin(main)}/json`);
  expect(answer).toMatchObject({ status: 200, statusText: 'Fine', ok: true, url: `${origin(main)}/json` });
  expect(answer.headers.get('x-MULTI')).toBe('a, b');
  expect(answer.headers.get('missing')).toBeNull();
  const names = [...answer.headers].map(([name]) => name);
  expect(names).toEqual([...names].sort());
  expect(names).toEqual(expect.arrayContaining(['content-type', 'etag', 'x-multi']));
  expect(await answer.json()).toEqual({ ok: true });
  expect(Buffer.from(await answer.arrayBuffer()).toString()).toBe('{"ok":true}');
});

test('a request with a body: method, headers and content-length as sent', async () => {
  const answer = await httpsFetch(`${origin(main)}/echo`, {
    method: 'patch',
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    body: '{"a":"é"}'
  });
  const got = (await answer.json()) as { method: string; headers: Record<string, string>; body: string };
  expect(got).toMatchObject({ method: 'PATCH', body: '{"a":"é"}' });
  expect(got.headers).toMatchObject({ authorization: 'token t', 'content-length': '10' });
});

test('a compressed answer is decoded', async () => {
  expect(await (await httpsFetch(`${origin(main)}/gzip`)).text()).toBe('squeezed');
});

test.each([
  ['/see-other', 'PUT'],
  ['/moved', 'POST']
])('a redirect (%s) after a %s continues as a GET without the body', async (path, method) => {
  const answer = await httpsFetch(`${origin(main)}${path}`, {
    method,
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    body: '{}'
  });
  const got = (await answer.json()) as { method: string; headers: Record<string, string>; body: string };
  expect(answer.url).toBe(`${origin(main)}/echo`);
  expect(got).toMatchObject({ method: 'GET', body: '' });
  expect(got.headers.authorization).toBe('token t');
  expect(got.headers['content-type']).toBeUndefined();
});

test('a redirect to another origin keeps the method and body but not the Authorization header', async () => {
  const answer = await httpsFetch(`${origin(main)}/elsewhere`, {
    method: 'POST',
    headers: { authorization: 'token t', accept: 'application/json' },
    body: 'x'
  });
  const got = (await answer.json()) as { method: string; headers: Record<string, string>; body: string };
  expect(answer.url).toBe(`${origin(other)}/echo`);
  expect(got).toMatchObject({ method: 'POST', body: 'x' });
  expect(got.headers.authorization).toBeUndefined();
  expect(got.headers.accept).toBe('application/json');
});

test("redirect 'manual' returns the redirect; an endless one fails", async () => {
  const manual = await httpsFetch(`${origin(main)}/see-other`, { redirect: 'manual' });
  expect(manual.status).toBe(303);
  expect(manual.headers.get('location')).toBe('/echo');
  await expect(httpsFetch(`${origin(main)}/loop`)).rejects.toThrow(TypeError);
});

test('a dropped connection fails as fetch does: a TypeError whose cause is the socket error', async () => {
  const failure = await httpsFetch(`${origin(main)}/reset`).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(TypeError);
  expect(failure).toMatchObject({
    message: 'fetch failed',
    cause: expect.objectContaining({ code: 'ECONNRESET' })
  });
});

test('codings stacked are undone last first; no body, nothing to decode', async () => {
  expect(await (await httpsFetch(`${origin(main)}/gzip-br`)).text()).toBe('twice');
  const empty = await httpsFetch(`${origin(main)}/no-content`, { method: 'DELETE' });
  expect(empty.status).toBe(204);
  expect(await empty.text()).toBe('');
});

test('an answer that decodes to more than 64 MiB fails instead of filling the memory', async () => {
  await expect(httpsFetch(`${origin(main)}/bomb`)).rejects.toThrow(TypeError);
});
