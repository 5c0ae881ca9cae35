#!/usr/bin/env node
// Runs a command in a throwaway network namespace where github.com resolves to this machine.
//
//   node scripts/in-netns.mjs CMD [ARGS...]
//
// Outside (OUTBOX_NETNS unset): re-executes this script under
//   unshare --user --map-root-user --net --mount -- <node> <this script> CMD ARGS...
// with OUTBOX_NETNS=1, and exits with the same code (or dies of the same signal).
// Inside (OUTBOX_NETNS=1): brings up loopback, bind-mounts a hosts file mapping github.com,
// api.github.com, codeload.github.com, uploads.github.com and the Git LFS hosts to 127.0.0.1 over /etc/hosts (the
// mount namespace is private, so the real file is untouched), then runs CMD ARGS without a shell.
// The namespace has no other interface, so nothing in it can reach any other machine.

import { spawn, spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const PREFIX = 'in-netns:';
const MARKER = '# outbox-publisher in-netns hosts file';
const HOSTS = [
  MARKER,
  '127.0.0.1 localhost github.com api.github.com codeload.github.com uploads.github.com',
  // Git LFS: object transfers and verify callbacks (test-support/lfs-store.ts).
  '127.0.0.1 github-cloud.githubusercontent.com lfs.github.com',
  '::1 localhost',
  ''
].join('\n');

/**
 * Prints a one-line error and exits.
 * @param {string} message
 * @param {number} [code]
 * @returns {never}
 */
function die(message, code = 1) {
  process.stderr.write(`${PREFIX} ${message}\n`);
  process.exit(code);
}

/**
 * Finds an executable on PATH (plus the sbin directories, where `ip` often lives).
 * @param {string} name
 * @returns {string | null}
 */
function which(name) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const extra of ['/usr/local/sbin', '/usr/sbin', '/sbin']) if (!dirs.includes(extra)) dirs.push(extra);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return null;
}

/** @param {string} kind */
function nsId(kind) {
  try {
    return readlinkSync(`/proc/self/ns/${kind}`);
  } catch {
    return '';
  }
}

/**
 * Runs a helper synchronously; dies with one line on failure.
 * @param {string} file
 * @param {string[]} args
 */
function run(file, args) {
  const r = spawnSync(file, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.error) die(`${path.basename(file)} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) {
    const detail = (r.stderr ?? '').trim().split('\n')[0] || `exit status ${r.status}`;
    die(`${path.basename(file)} ${args.join(' ')} failed: ${detail}`);
  }
}

/**
 * Spawns a child with inherited stdio, forwards termination signals to it and mirrors its end.
 * @param {string} file
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @param {() => void} [cleanup]
 */
function runAndMirror(file, args, env, cleanup = () => {}) {
  const child = spawn(file, args, { stdio: 'inherit', env });
  /** @type {NodeJS.Signals[]} */
  const forwarded = ['SIGTERM', 'SIGHUP', 'SIGINT', 'SIGQUIT'];
  /** @param {NodeJS.Signals} sig */
  const forward = (sig) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
  };
  for (const sig of forwarded) process.on(sig, forward);
  child.on('error', (err) => {
    cleanup();
    const e = /** @type {NodeJS.ErrnoException} */ (err);
    if (e.code === 'ENOENT') die(`command not found: ${file}`, 127);
    die(`cannot run ${file}: ${err.message}`, 126);
  });
  child.on('exit', (code, signal) => {
    cleanup();
    for (const sig of forwarded) process.off(sig, forward);
    if (signal) {
      process.kill(process.pid, signal);
      // If the signal is ignored or caught elsewhere, still end with the conventional code.
      setTimeout(() => process.exit(128 + (os.constants.signals[signal] ?? 0)), 100).unref();
      return;
    }
    process.exit(code ?? 1);
  });
}

function outside() {
  const args = process.argv.slice(2);
  if (args.length === 0) die('usage: node scripts/in-netns.mjs CMD [ARGS...]', 2);
  const unshare = which('unshare');
  if (!unshare)
    die('`unshare` (util-linux) was not found on PATH; it is needed to make the test network namespace', 127);
  const env = { ...process.env, OUTBOX_NETNS: '1', OUTBOX_NETNS_OUTER: nsId('net') };
  runAndMirror(
    unshare,
    ['--user', '--map-root-user', '--net', '--mount', '--', process.execPath, SELF, ...args],
    env
  );
}

function inside() {
  const args = process.argv.slice(2);
  if (args.length === 0) die('usage: node scripts/in-netns.mjs CMD [ARGS...]', 2);

  // Refuse to touch /etc/hosts unless we really are in a namespace of our own: OUTBOX_NETNS=1 may
  // have been set by hand, and a real root would otherwise bind-mount over the machine's file.
  const outer = process.env.OUTBOX_NETNS_OUTER;
  const here = nsId('net');
  let uidMap = '';
  try {
    uidMap = readFileSync('/proc/self/uid_map', 'utf8').trim().split(/\s+/).join(' ');
  } catch {
    // not Linux-like; the checks below decide
  }
  if ((outer && outer === here) || (!outer && uidMap === '0 0 4294967295')) {
    die(
      'OUTBOX_NETNS=1 is set but this process is not in a namespace made by in-netns; refusing to change /etc/hosts'
    );
  }

  /** @type {() => void} */
  let cleanup = () => {};
  let alreadySetUp = false;
  try {
    alreadySetUp = readFileSync('/etc/hosts', 'utf8').startsWith(MARKER);
  } catch {
    // no /etc/hosts: we bind-mount onto nothing, which fails below with a clear message
  }
  if (!alreadySetUp) {
    const ip = which('ip');
    if (!ip)
      die('`ip` (iproute2) was not found on PATH; it is needed to bring up loopback in the namespace', 127);
    const mount = which('mount');
    if (!mount)
      die(
        '`mount` (util-linux) was not found on PATH; it is needed to replace /etc/hosts in the namespace',
        127
      );
    run(ip, ['link', 'set', 'lo', 'up']);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'outbox-netns-'));
    const hostsFile = path.join(dir, 'hosts');
    writeFileSync(hostsFile, HOSTS, { mode: 0o644 });
    run(mount, ['--bind', hostsFile, '/etc/hosts']);
    const umount = which('umount');
    cleanup = () => {
      if (umount) spawnSync(umount, ['/etc/hosts'], { stdio: 'ignore' });
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // the namespace and its mounts vanish with us anyway
      }
    };
  }
  const [cmd, ...rest] = args;
  runAndMirror(cmd, rest, process.env, cleanup);
}

if (process.env.OUTBOX_NETNS === '1') inside();
else outside();
