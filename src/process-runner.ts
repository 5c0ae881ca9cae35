import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';

/**
 * Starts one program with an argument array (no shell) and collects what it writes. This is the
 * only module that calls child_process; Sandbox (src/sandbox.ts) is its only user, and chooses the
 * program's file, environment and folder. @actions/exec did this before: per process it also
 * looked the tool up on PATH again and checked that the folder exists (about a millisecond of
 * CPU each time), and it left stdin open when there was no input, so that a `run` script reading
 * it waited until the job's timeout.
 */

export interface ProcessOutcome {
  /** The exit code; a program killed by a signal reports 128 + its number, as a shell does. */
  exitCode: number;
  stdout: Buffer;
  stderr: Buffer;
}

export interface ProcessOptions {
  cwd?: string;
  env: Record<string, string>;
  /** Written to stdin, which is then closed (at once without input: a program reading it meets its end). */
  input?: string | Buffer;
  /** Each chunk of stdout and stderr as it comes (the `run` script's output, shown live). */
  echo?: (chunk: Buffer) => void;
  /** Called once the program is running (spawn has returned). */
  onStart?: () => void;
  /** How long to wait for stdout and stderr to close after the exit (CLOSE_GRACE_MS). */
  closeGraceMs?: number;
}

/**
 * How long to wait for stdout and stderr to close once the program has exited: a process it left
 * running in the background may hold them open. What came by then is the output; the pipes are
 * closed so that the step does not wait for that process (as @actions/exec waited, 10 s).
 */
const CLOSE_GRACE_MS = 10_000;

export function runProcess(file: string, args: string[], options: ProcessOptions): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['pipe', 'pipe', 'pipe']
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let exitCode: number | undefined;
    let grace: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = () => {
      if (settled || exitCode === undefined) return;
      settled = true;
      if (grace) clearTimeout(grace);
      child.stdout.destroy();
      child.stderr.destroy();
      resolve({ exitCode, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) });
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (settled) return;
      settled = true;
      if (grace) clearTimeout(grace);
      // spawn names the program for a folder that is missing, as if the program were.
      const folderMissing = error.code === 'ENOENT' && options.cwd !== undefined && !existsSync(options.cwd);
      reject(
        folderMissing ? new Error(`The folder ${options.cwd} to run ${file} in does not exist.`) : error
      );
    });
    // Not started (no file handle left, say): no pipes either; the error above says why.
    if (child.pid === undefined) return;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      options.echo?.(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      options.echo?.(chunk);
    });
    child.on('exit', (code, signal) => {
      exitCode = code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0);
      grace = setTimeout(finish, options.closeGraceMs ?? CLOSE_GRACE_MS);
      grace.unref();
    });
    child.on('close', () => finish());
    options.onStart?.();
    // A program that exits without reading all of its input closes the pipe first (EPIPE): its
    // exit code says what happened.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  });
}
