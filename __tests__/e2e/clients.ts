/**
 * Child processes for the emulator's smoke tests. Always asynchronous: the emulator answers from
 * the test process itself, so a synchronous spawn of a client talking to it would deadlock.
 */
import { spawn } from 'node:child_process';
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
