/**
 * Child processes for the emulator's smoke tests. Always asynchronous: the emulator answers from
 * the test process itself, so a synchronous spawn of a client talking to it would deadlock.
 */
import { spawn } from 'node:child_process';
import * as https from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env: NodeJS.ProcessEnv;
  input?: string;
  cwd?: string;
}

export function run(cmd: string, args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: options.env, cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    // A child that never reads stdin may exit before we finish writing: that is not a failure.
    child.stdin.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') reject(err);
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs and fails the test with the full output when the command does not succeed. */
export async function ok(cmd: string, args: string[], options: RunOptions): Promise<RunResult> {
  const r = await run(cmd, args, options);
  if (r.code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
  }
  return r;
}

export const tempDirs: string[] = [];
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface FetchResult {
  status: number;
  headers: Record<string, string>;
  body: any;
  error?: string;
}

export interface HttpsInit {
  method?: string;
  /** Sent as `authorization: token …` when given. */
  token?: string;
  /** Sent as JSON when given. */
  body?: unknown;
  /** The certificates to trust (PEM); Node's own store when left out. */
  ca?: string | Buffer;
}

/**
 * One HTTPS request from this process, on a fresh connection: the exchange the child `fetch` of
 * FETCH_CHILD makes, without starting a node for it. A failed connection or handshake resolves
 * with status 0 and the error's code, as FETCH_CHILD reports it.
 */
export function httpsRequest(url: string, init: HttpsInit = {}): Promise<FetchResult> {
  const target = new URL(url);
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'user-agent': 'outbox-publisher-tests'
  };
  if (init.token) headers.authorization = `token ${init.token}`;
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise((resolve) => {
    const req = https.request(
      {
        hostname: target.hostname,
        port: target.port || 443,
        path: `${target.pathname}${target.search}`,
        method: init.method ?? 'GET',
        headers,
        ca: init.ca,
        agent: false
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = null;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            body = text;
          }
          const flat: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers))
            if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
          resolve({ status: res.statusCode ?? 0, headers: flat, body });
        });
      }
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: 0, headers: {}, body: null, error: error.code ?? error.message })
    );
    req.end(payload);
  });
}

// Runs in a separate node, because NODE_EXTRA_CA_CERTS is only read when node starts.
export const FETCH_CHILD = `
const { url, method, token, body } = JSON.parse(process.argv[1]);
const headers = { accept: 'application/vnd.github+json', 'user-agent': 'outbox-publisher-tests' };
if (token) headers.authorization = 'token ' + token;
if (body !== undefined) headers['content-type'] = 'application/json';
try {
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let parsed = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = text; }
  process.stdout.write(JSON.stringify({ status: res.status, headers: Object.fromEntries(res.headers), body: parsed }));
} catch (err) {
  const cause = err && err.cause ? (err.cause.code || err.cause.message) : String(err);
  process.stdout.write(JSON.stringify({ status: 0, headers: {}, body: null, error: String(cause) }));
}
`;

/** A git client's environment with no user or system config, a fixed identity, and the emulator's CA. */
export function gitClientEnv(home: string, trust: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    LANG: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: path.join(home, 'gitconfig'),
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: 'Test Bot',
    GIT_AUTHOR_EMAIL: 'test-bot@example.invalid',
    GIT_COMMITTER_NAME: 'Test Bot',
    GIT_COMMITTER_EMAIL: 'test-bot@example.invalid',
    ...trust
  };
}
