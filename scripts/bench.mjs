// @ts-check
// `npm run bench`: how much slower the action is than the least a script could do to publish the
// same change, against the local GitHub emulator (run through scripts/in-netns.mjs, which npm does).
//
// For each size (1k, 5k, 20k and 50k files; BENCH_SIZES), a repository is generated with
// `git fast-import` straight into the emulator's bare repository (a tenth as many commits as
// files). Then, for each kind of publish, BENCH_PAIRS pairs (action, floor), the order alternating
// from pair to pair (action first, then floor first, ...); the medians are compared:
//   floor      the least a script can do for a new pull request: git clone --depth 1
//              --single-branch, write one file, git add -A, commit, push a new branch (the token
//              as an http.extraheader through GIT_CONFIG_* variables), one POST /pulls with
//              Node's fetch. Every kind is compared with this same floor.
//   created    the action (main + post step, as the runner runs them), `run` writing one file,
//              on a fresh branch: a new pull request;
//   unchanged  the same input again on a branch it already published (set up untimed);
//   updated    a different file content on a branch it already published (set up untimed);
//   push       mode: push onto a fresh target branch (made from main, untimed), `run` as above;
//   outbox2    an outbox of 2 patches (git format-patch mails), no `run`: a new pull request.
// Besides wall time, per publish: API requests (REST + GraphQL) and API writes, git HTTP requests
// (of them 401s) from the emulator's request log, and the processes spawned, counted in one extra
// run of each row under `strace -f -e trace=execve` (successful execve calls of every descendant,
// git's own helpers and gh as a credential helper included), untimed so ptrace costs the timed
// runs nothing. That strace run also searches every argv for the token. One more strace run of
// `created` gives the timeline of one publish (process starts and ends, the emulator's requests).
// Besides the matrix: start-up (spawn to first log line), the clone-option check (the floor
// blobless), the series row (1,000 patches) and the sessions row (scripts/bench-sessions.mjs: 50
// repositories in one `sessions` step at max-parallel 1, 4, 8, against 50 single publishes one at a
// time; BENCH_SESSIONS sets how many). Writes docs/benchmarks.md.
//
//   npm run bench                       every row (takes long at 50k)
//   npm run bench -- created@5k,unchanged 1k   a subset: terms are a kind, a size (1k, 5k, 20k,
//                                       50k) or kind@size; kinds: floor created unchanged updated
//                                       push outbox2 clone-option startup outbox-series sessions
//   BENCH_SESSIONS=10 npm run bench -- sessions   the sessions row, small (default 50)
//   BENCH_PAIRS=5 BENCH_WARMUP=1 BENCH_SIZES=1000,5000,20000,50000 BENCH_FILE_BYTES=1200
//   BENCH_TMPDIR=/dev/shm  where work trees and the emulator's repositories go
//   BENCH_WRITE_DOCS=1|0   default: write docs/benchmarks.md only for a full default run
//   BENCH_AB_DIST=<folder> A/B: the action built in <folder> (a copy of an earlier dist/) runs in
//                          the floor's place; the ratio is then dist/ against that build
//   BENCH_GH=<path>|stub   the gh that the action runs instead of the one on PATH: another version
//                          (`$(../shared/tools/newer-gh)`), or `stub`, a shell script that answers
//                          `--version` and `auth login` at once, with no Go start-up and no API
//                          request: how much of a publish gh's part is
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { rootCertificates } from 'node:tls';
import { pathToFileURL } from 'node:url';
import { emulatorEnv, startEmulator } from '../test-support/emulator/index.js';
import { findLeaks } from '../test-support/leak-check.js';
import { projectRoot, runAction } from '../test-support/run-action.js';
import { sessionsRow, sessionsTable } from './bench-sessions.mjs';

const DEFAULTS = { pairs: 5, sizes: [1_000, 5_000, 20_000, 50_000], fileBytes: 1_200, warmup: 1, tags: 20 };
const KINDS = /** @type {const} */ (['created', 'unchanged', 'updated', 'push', 'outbox2']);
/** @typedef {typeof KINDS[number]} Kind */
// Issue 10's targets. ratio: per size (files) or for every size ('*').
const TARGETS = {
  created: { ratio: { 1000: 1.6, 5000: 1.3, 20000: 1.15 }, api: 3 },
  unchanged: { ratio: { '*': 1.0 }, api: 2, apiWrites: 0 },
  updated: {},
  push: {},
  outbox2: { ratio: { '*': 1.4 }, git: 5 }
};
const GOALS = { startupMs: 150, seriesMs: 10_000 };
const TOKEN = 'ghs_benchInstallationToken00000000000';
const BOT = { name: 'bench-bot', email: 'bench-bot@example.com' };

/** @param {string} name @param {number} fallback */
function intEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number, not ${JSON.stringify(raw)}`);
  return value;
}

/**
 * The folder that BENCH_GH puts first on PATH (undefined: gh as found on PATH): `gh` in it is a
 * link to the gh named, or for `stub` a script that does what the action asks of gh (its version,
 * a login that stores a placeholder in GH_CONFIG_DIR) without gh.
 * @param {string} work @param {string | undefined} choice
 */
function benchGhFolder(work, choice) {
  if (!choice) return undefined;
  const folder = path.join(work, 'gh-bin');
  fs.mkdirSync(folder);
  const gh = path.join(folder, 'gh');
  if (choice === 'stub') {
    const script = String.raw`#!/bin/sh
# BENCH_GH=stub: what the action asks of gh, answered at once.
case "$1 $2" in
  '--version ') echo 'gh version 2.23.0 (bench stub)' ;;
  'auth login') read -r _; printf 'github.com:\n    oauth_token: stub\n' >"$GH_CONFIG_DIR/hosts.yml" ;;
  *) echo "bench stub gh: '$*' is not stubbed" >&2; exit 1 ;;
esac
`;
    fs.writeFileSync(gh, script, { mode: 0o755 });
    return folder;
  }
  const target = path.resolve(choice);
  if (!fs.statSync(target, { throwIfNoEntry: false })?.isFile()) {
    console.error(`bench: BENCH_GH '${choice}' is neither a gh program nor 'stub'`);
    process.exit(2);
  }
  fs.symlinkSync(target, gh);
  return folder;
}

/** @param {number} files e.g. 5000 → '5k' */
const sizeLabel = (files) => (files % 1000 === 0 ? `${files / 1000}k` : String(files));

// ---------------------------------------------------------------------------------------------
// Small helpers

/** @param {number[]} xs */
export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const now = () => performance.now();

/**
 * Runs a command asynchronously (never sync: a network client of the emulator must not block
 * the event loop the emulator answers on). Rejects on a non-zero exit, with its stderr.
 * @param {string} cmd @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, input?: string }} [options]
 * @returns {Promise<{ stdout: string, stderr: string }>}
 */
export function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c) => (stdout += c));
    child.stderr?.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve({ stdout, stderr });
      else
        reject(
          new Error(
            `${cmd} ${args.join(' ')} exited with ${code ?? signal}: ${stderr.trim() || stdout.trim()}`
          )
        );
    });
    if (child.stdin) {
      child.stdin.on('error', () => {}); // a child that exits without reading all of it
      child.stdin.end(options.input);
    }
  });
}

/** @param {number} ms */
const fmtS = (ms) => `${(ms / 1000).toFixed(2)} s`;
/** @param {number} ms */
const fmtMs = (ms) => `${Math.round(ms)} ms`;

// ---------------------------------------------------------------------------------------------
// The repository: fast-import into the emulator's bare repository

/**
 * A small deterministic PRNG (mulberry32), so every run generates the same repository.
 * @param {number} seed
 */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'value',
  'config',
  'request',
  'handler',
  'result',
  'buffer',
  'index',
  'options',
  'state',
  'client',
  'server',
  'token',
  'branch',
  'commit',
  'record',
  'parse',
  'render',
  'update',
  'fetch',
  'cache'
];

/**
 * Generates `BENCH_FILES` files under nested folders and `BENCH_COMMITS` commits on `main`: the
 * first imports most files, each later one adds a file and edits two to four others by a line.
 * A few lightweight tags mark releases along the history. Replaces whatever `main` held.
 * @param {string} bareDir
 * @param {{ files: number, commits: number, fileBytes: number, tags: number }} size
 * @returns {Promise<{ ms: number, packBytes: number }>}
 */
export async function generateRepository(bareDir, size) {
  const start = now();
  const rand = prng(20240101);
  const pick = (/** @type {number} */ n) => Math.floor(rand() * n);
  const line = () => {
    const a = WORDS[pick(WORDS.length)];
    const b = WORDS[pick(WORDS.length)];
    return `  const ${a}${pick(1000)} = ${b}(${WORDS[pick(WORDS.length)]}, ${pick(10000)}); // ${a} ${b}\n`;
  };
  const content = () => {
    const target = Math.max(40, Math.round(size.fileBytes * (0.25 + rand() * 1.5)));
    let text = `// generated for the outbox-publisher benchmark\nexport function f${pick(1e6)}() {\n`;
    while (text.length < target) text += line();
    return `${text}}\n`;
  };
  // 20 top folders x 20 sub-folders, files spread round-robin: ~50 files per folder at 20,000.
  const pathOf = (/** @type {number} */ i) =>
    `packages/pkg-${String(i % 20).padStart(2, '0')}/src/mod-${String(Math.floor(i / 20) % 20).padStart(2, '0')}/file-${i}.ts`;

  const commits = Math.max(1, size.commits);
  const later = commits - 1;
  const initialFiles = Math.max(1, size.files - Math.min(later, Math.floor(size.files / 2)));
  /** @type {string[]} */
  const paths = [];
  /** @type {Map<string, string>} */
  const contents = new Map();

  const child = spawn('git', ['--git-dir', bareDir, 'fast-import', '--quiet', '--force', '--done'], {
    stdio: ['pipe', 'ignore', 'pipe']
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  const closed = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(undefined) : reject(new Error(`git fast-import exited with ${code}: ${stderr}`))
    );
  });
  /** @type {string[]} */
  let pending = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (!pending.length) return;
    const chunk = pending.join('');
    pending = [];
    pendingBytes = 0;
    if (!child.stdin.write(chunk)) await new Promise((r) => child.stdin.once('drain', r));
  };
  const emit = async (/** @type {string} */ s) => {
    pending.push(s);
    pendingBytes += s.length;
    if (pendingBytes > 1 << 20) await flush();
  };
  const data = (/** @type {string} */ s) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  const tagEvery = size.tags > 0 ? Math.max(1, Math.floor(commits / size.tags)) : 0;
  let tagCount = 0;

  for (let c = 1; c <= commits; c++) {
    const when = `${1672531200 + c * 3600} +0000`;
    const touched = [];
    if (c === 1) {
      for (let i = 0; i < initialFiles && paths.length < size.files; i++) touched.push(addFile());
    } else {
      if (paths.length < size.files) touched.push(addFile());
      const edits = 2 + pick(3);
      for (let e = 0; e < edits; e++) {
        const p = paths[pick(paths.length)];
        const lines = /** @type {string} */ (contents.get(p)).split('\n');
        lines[1 + pick(Math.max(1, lines.length - 3))] = line().slice(0, -1);
        contents.set(p, lines.join('\n'));
        touched.push(p);
      }
    }
    const message = c === 1 ? 'Import the monorepo\n' : `Change ${touched.length} files (${c})\n`;
    await emit(
      `commit refs/heads/main\nmark :${c}\nauthor Bench Author <author@example.com> ${when}\ncommitter Bench Author <author@example.com> ${when}\n${data(message)}`
    );
    if (c === 1) await emit(`M 100644 inline README.md\n${data('# bench-monorepo\n')}`);
    for (const p of new Set(touched))
      await emit(`M 100644 inline ${p}\n${data(/** @type {string} */ (contents.get(p)))}`);
    await emit('\n');
    if (tagEvery && c % tagEvery === 0 && tagCount < size.tags)
      await emit(`reset refs/tags/v1.${tagCount++}.0\nfrom :${c}\n\n`);
  }
  await emit('done\n');
  await flush();
  child.stdin.end();
  await closed;
  // A served repository is packed with deltas, as GitHub's are; the emulator's own first commit goes.
  execFileSync('git', ['--git-dir', bareDir, 'gc', '--quiet', '--prune=now'], { stdio: 'ignore' });
  const packDir = path.join(bareDir, 'objects', 'pack');
  const packBytes = fs
    .readdirSync(packDir)
    .filter((f) => f.endsWith('.pack'))
    .reduce((sum, f) => sum + fs.statSync(path.join(packDir, f)).size, 0);
  return { ms: now() - start, packBytes };

  function addFile() {
    const p = pathOf(paths.length);
    paths.push(p);
    contents.set(p, content());
    return p;
  }
}

// ---------------------------------------------------------------------------------------------
// The measurements

/** @param {string} userAgent */
function client(userAgent) {
  if (/GitHub CLI/i.test(userAgent)) return 'gh';
  if (/octokit/i.test(userAgent)) return 'octokit';
  if (/bench-floor/.test(userAgent)) return 'floor';
  return 'other';
}

/**
 * The emulator's requests from index `from` on, counted by kind and client.
 * @param {import('../test-support/emulator/index.js').Emulator} emulator @param {number} from
 */
export function countRequests(emulator, from) {
  const entries = emulator.requests.slice(from);
  const api = entries.filter((r) => r.kind === 'rest' || r.kind === 'graphql');
  const by = (/** @type {string} */ who) =>
    api.filter((r) => client(String(r.headers['user-agent'] ?? '')) === who).length;
  return {
    api: api.length,
    octokit: by('octokit'),
    gh: by('gh'),
    git: entries.filter((r) => r.kind === 'git').length,
    git401: entries.filter((r) => r.kind === 'git' && r.status === 401).length,
    // A write: a REST request other than GET/HEAD, or a GraphQL mutation.
    apiWrites: api.filter((r) =>
      r.kind === 'graphql' ? r.operationType === 'mutation' : !['GET', 'HEAD'].includes(r.method)
    ).length
  };
}

/** Now, as a mail's Date header gives it. */
function mailDate() {
  return new Date().toUTCString().replace('GMT', '+0000');
}

/**
 * One mail as `git format-patch` writes it, adding `file` with the one line `line`.
 * @param {string} file @param {string} line @param {string} prefix e.g. `[PATCH 3/10]` @param {string} date
 */
function addFileMail(file, line, prefix, date) {
  return [
    'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001',
    `From: ${BOT.name} <${BOT.email}>`,
    `Date: ${date}`,
    `Subject: ${prefix} Add ${file}`,
    '',
    '---',
    `diff --git a/${file} b/${file}`,
    'new file mode 100644',
    '--- /dev/null',
    `+++ b/${file}`,
    '@@ -0,0 +1 @@',
    `+${line}`,
    '-- ',
    '2.39.5',
    ''
  ].join('\n');
}

/**
 * The series row: an outbox of `count` small patches (one git format-patch file each, adding a
 * file in one of 50 folders) published onto a new small repository without `run`. Returns the
 * wall time of main + post; fails unless every patch became a commit of a new pull request.
 * @param {Awaited<ReturnType<typeof startEmulator>>} emulator @param {string} work @param {number} count
 */
export async function outboxSeries(emulator, work, count) {
  const repo = `octo-org/bench-series-${path
    .basename(fs.mkdtempSync(path.join(work, 'series-id-')))
    .slice(-6)
    .toLowerCase()}`;
  emulator.createRepo(repo, {
    files: {
      'README.md': '# series\n',
      ...Object.fromEntries(Array.from({ length: 50 }, (_, d) => [`dir-${d}/keep.txt`, 'keep\n']))
    }
  });
  const root = fs.mkdtempSync(path.join(work, 'series-'));
  const dir = path.join(root, 'workspace', 'outbox');
  fs.mkdirSync(dir, { recursive: true });
  const date = mailDate();
  for (let i = 1; i <= count; i++) {
    const file = `dir-${i % 50}/file-${i}.txt`;
    fs.writeFileSync(
      path.join(dir, `${String(i).padStart(4, '0')}-add.patch`),
      addFileMail(file, `line ${i}`, `[PATCH ${i}/${count}]`, date)
    );
  }
  const cpu0 = childrenCpuMs();
  const t0 = now();
  const result = await runAction({
    token: TOKEN,
    root,
    inputs: { repo, outbox: 'outbox', 'outbox-max-changes': String(Math.max(1000, count)) }
  });
  const ms = now() - t0;
  const cpuMs = childrenCpuMs() - cpu0;
  const commits =
    result.main.code === 0 ? emulator.git(repo, ['rev-list', '--count', 'main..outbox/main']) : '';
  if (result.main.code !== 0 || result.post?.code !== 0 || commits !== String(count)) {
    throw new Error(
      `series run gave exit ${result.main.code}/${result.post?.code} and ${commits || 'no'} commits (wanted ${count}):\n${result.main.log.slice(-3000)}\n${result.main.stderr}`
    );
  }
  fs.rmSync(root, { recursive: true, force: true });
  return { ms, cpuMs };
}

/**
 * CPU time (user + system) of the finished children of this process and theirs (Linux: cutime and
 * cstime of /proc/self/stat, in clock ticks of 10 ms), which wall time on a busy machine hides.
 */
function childrenCpuMs() {
  const fields = fs
    .readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/**
 * The bench's work folder and the emulator with the bench's token. Work trees, runner folders and
 * the emulator's repositories go on tmpfs when there is one (with room): on this kind of VM,
 * creating files on the ext4 disk takes anywhere from 0.02 to 0.7 ms each from one minute to the
 * next, which for 20,000 files would drown what is measured.
 */
async function startBench() {
  const tmp =
    process.env.BENCH_TMPDIR ||
    (fs.existsSync('/dev/shm') && fs.statfsSync('/dev/shm').bavail * fs.statfsSync('/dev/shm').bsize > 2 ** 30
      ? '/dev/shm'
      : os.tmpdir());
  process.env.TMPDIR = tmp;
  const work = fs.mkdtempSync(path.join(tmp, 'outbox-bench-'));
  const emulator = await startEmulator();
  Object.assign(process.env, emulatorEnv(emulator));
  // The action's node and gh trust a store as large as a runner's (the emulator's CA among Node's
  // own roots), not the CA alone, and read it at their first TLS connection, as on a runner.
  const trustStore = path.join(work, 'trust-store.pem');
  fs.writeFileSync(trustStore, [fs.readFileSync(emulator.caFile, 'utf8'), ...rootCertificates].join('\n'));
  process.env.SSL_CERT_FILE = trustStore;
  emulator.addToken(TOKEN, { login: 'outbox-bench[bot]', scopes: null });
  return { tmp, work, emulator };
}

// ---------------------------------------------------------------------------------------------
// Processes: strace

/**
 * What one `strace -ff -ttt` run recorded, read from its per-process files: every program run
 * (a successful execve; a process that execs twice runs two programs), its parent program, start
 * and end (epoch ms), and argv.
 * @typedef {{ pid: number, start: number, end: number, argv: string[], file: string, parent: Program | null }} Program
 * @param {string} prefix the -o prefix; files are `${prefix}.${pid}`
 * @returns {Program[]}
 */
export function readStrace(prefix) {
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  /** @type {Map<number, number>} child pid → parent pid */
  const parentOf = new Map();
  /** @type {Program[]} */
  const programs = [];
  /** @type {Map<number, number>} pid → when its last thread exited */
  const exitOf = new Map();
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(`${base}.`)) continue;
    const pid = Number(name.slice(base.length + 1));
    const lines = fs.readFileSync(path.join(dir, name), 'utf8').split('\n');
    for (const line of lines) {
      const m = /^(\d+\.\d+) (.*)$/.exec(line);
      if (!m) continue;
      const t = Number(m[1]) * 1000;
      const rest = m[2];
      const child = /^(?:clone3?|vfork|fork)\(.*\)\s+= (\d+)$/.exec(rest);
      if (child) parentOf.set(Number(child[1]), pid);
      const exec = /^execve\("((?:[^"\\]|\\.)*)", \[(.*)\], .*\)\s+= 0$/.exec(rest);
      if (exec) {
        const argv = [...exec[2].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((a) => unescapeC(a[1]));
        programs.push({ pid, start: t, end: NaN, argv, file: unescapeC(exec[1]), parent: null });
      }
      if (/^\+\+\+ (exited|killed)/.test(rest)) exitOf.set(pid, t);
    }
  }
  programs.sort((a, b) => a.start - b.start);
  /** @type {Map<number, number>} pid → index of its latest program */
  const current = new Map();
  programs.forEach((p, i) => {
    const previous = current.get(p.pid);
    if (previous !== undefined) programs[previous].end = p.start; // exec'd again
    current.set(p.pid, i);
  });
  for (const [pid, i] of current) programs[i].end = exitOf.get(pid) ?? NaN;
  // A program's parent: the program its pid's parent (or an ancestor without an exec) ran then.
  for (const p of programs) {
    let ancestor = parentOf.get(p.pid);
    while (ancestor !== undefined) {
      const owner = programs.filter((q) => q.pid === ancestor && q.start <= p.start).pop();
      if (owner) {
        p.parent = owner;
        break;
      }
      ancestor = parentOf.get(ancestor);
    }
  }
  return programs;
}

/** @param {string} s a string as strace prints it (C escapes) */
function unescapeC(s) {
  return s.replace(/\\(x[0-9a-f]{2}|[0-7]{1,3}|.)/g, (_, e) => {
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(parseInt(e, 8));
    return { n: '\n', t: '\t', r: '\r', v: '\v', f: '\f' }[/** @type {'n'} */ (e)] ?? e;
  });
}

/** The program's short name: `git fetch`, `gh auth`, `git-remote-https`, `node index.js`, `bash`. */
function programName(/** @type {Program} */ p) {
  const exe = path.basename(p.file);
  if (exe === 'git' || exe === 'gh') {
    // The subcommand: the first argument that is neither an option nor an option's value.
    const withValue = ['-C', '-c', '--shallow-file', '--git-dir', '--work-tree'];
    const sub = p.argv.slice(1).find((a, i, all) => !a.startsWith('-') && !withValue.includes(all[i - 1]));
    return `${exe} ${sub ?? ''}`.trim();
  }
  if (exe === 'node' || exe === path.basename(process.execPath))
    return `node ${path.basename(p.argv[1] ?? '')}`.trim();
  return exe;
}

/** @param {Program[]} programs @returns {{ total: number, by: Record<string, number> }} */
function processCounts(programs) {
  /** @type {Record<string, number>} */
  const by = {};
  for (const p of programs) {
    const exe = path.basename(p.file);
    const group = exe === 'git' || exe.startsWith('git-') ? 'git' : exe === 'gh' ? 'gh' : exe;
    by[group] = (by[group] ?? 0) + 1;
  }
  return { total: programs.length, by };
}

const STRACE = [
  '-ff',
  '--seccomp-bpf',
  '-q',
  '-ttt',
  '-s',
  '65536',
  '-e',
  'trace=execve,clone,clone3,fork,vfork',
  '-e',
  'signal=none'
];

/**
 * Runs the action (main + post, through test-support/run-action.ts) in a child Node process under
 * strace; only the steps' process trees count (not the child, nor its tsx loader's esbuild). The options go through stdin, the
 * result comes back on stdout.
 * @param {Parameters<typeof runAction>[0]} options @param {string} prefix strace's -o prefix
 */
async function actionUnderStrace(options, prefix) {
  const runner = pathToFileURL(path.join(projectRoot, 'test-support', 'run-action.ts')).href;
  const script = [
    `import { runAction } from ${JSON.stringify(runner)};`,
    "let input = '';",
    'for await (const chunk of process.stdin) input += chunk;',
    'const r = await runAction(JSON.parse(input));',
    'process.stdout.write(JSON.stringify({ main: { code: r.main.code, log: r.main.log, stderr: r.main.stderr }, post: r.post && { code: r.post.code, log: r.post.log }, outputs: r.outputs }));'
  ].join('\n');
  const { stdout } = await run(
    'strace',
    [...STRACE, '-o', prefix, process.execPath, '--import', 'tsx', '--input-type=module', '-e', script],
    { input: JSON.stringify(options) }
  );
  /** @type {{ main: { code: number | null, log: string, stderr: string }, post?: { code: number | null, log: string }, outputs: Record<string, string> }} */
  const result = JSON.parse(stdout);
  // Only the publish's own process tree: the two steps (node dist/index.js, dist/post.js) and
  // what they started. The child node itself and what its tsx loader starts (esbuild) are left out.
  const isStep = (/** @type {Program} */ p) => p.argv.some((a) => /dist\/(index|post)\.js$/.test(a));
  const programs = readStrace(prefix).filter((p) => {
    for (let q = /** @type {Program | null} */ (p); q; q = q.parent) if (isStep(q)) return true;
    return false;
  });
  return { result, programs };
}

// ---------------------------------------------------------------------------------------------
// Rows and the filter

/**
 * @typedef {{ kind: Kind | 'floor' | 'clone-option', files: number }} SizedRow
 * @param {string[]} args e.g. ['created@5k,unchanged', '1k']
 * @param {number[]} sizes
 */
export function selectRows(args, sizes) {
  const terms = args
    .flatMap((a) => a.split(','))
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  const sized = /** @type {const} */ (['floor', ...KINDS, 'clone-option']);
  const sizeless = ['startup', 'outbox-series', 'sessions'];
  for (const t of terms) {
    const [kind, size] = t.split('@');
    const kindOk = (/** @type {string} */ k) => [...sized, ...sizeless].includes(k);
    const sizeOk = (/** @type {string} */ s) => sizes.some((f) => sizeLabel(f) === s || String(f) === s);
    if (size !== undefined ? !(kindOk(kind) && sizeOk(size)) : !(kindOk(kind) || sizeOk(kind)))
      throw new Error(
        `unknown row '${t}': give a kind (${[...sized, ...sizeless].join(', ')}), a size (${sizes.map(sizeLabel).join(', ')}) or kind@size`
      );
  }
  const kindTerms = terms.filter(
    (t) => !t.includes('@') && !sizes.some((f) => sizeLabel(f) === t || String(f) === t)
  );
  const sizeTerms = terms.filter((t) => !t.includes('@') && !kindTerms.includes(t));
  const pairTerms = terms.filter((t) => t.includes('@'));
  /** @param {string} kind @param {number} files */
  const wanted = (kind, files) => {
    if (!terms.length) return true;
    if (pairTerms.some((t) => t === `${kind}@${sizeLabel(files)}` || t === `${kind}@${files}`)) return true;
    // Kinds and sizes narrow each other: `created 5k` is created at 5k; `startup`,
    // `outbox-series` and `sessions` have no size and narrow nothing.
    const sizedKinds = kindTerms.filter((t) => !sizeless.includes(t));
    const k = sizedKinds.length ? sizedKinds.includes(kind) : kind !== 'clone-option';
    const s = sizeTerms.length
      ? sizeTerms.some((t) => t === sizeLabel(files) || t === String(files))
      : sizedKinds.length > 0;
    return k && s;
  };
  /** @type {SizedRow[]} */
  const rows = [];
  for (const files of sizes)
    for (const kind of sized) {
      // The clone-option check runs at one size only: 20k (or the largest there is).
      const cloneSize = sizes.includes(20_000) ? 20_000 : Math.max(...sizes);
      if (
        kind === 'clone-option' &&
        files !== cloneSize &&
        !pairTerms.includes(`clone-option@${sizeLabel(files)}`)
      )
        continue;
      if (wanted(kind, files)) rows.push({ kind, files });
    }
  return {
    rows,
    startup: !terms.length || kindTerms.includes('startup'),
    series: !terms.length || kindTerms.includes('outbox-series'),
    sessions: !terms.length || kindTerms.includes('sessions')
  };
}

// ---------------------------------------------------------------------------------------------
// The run

/**
 * @typedef {ReturnType<typeof countRequests>} Counts
 * @typedef {{ kind: string, files: number, action: number[], floor: number[], counts: Counts[], floorCounts: Counts[], processes?: ReturnType<typeof processCounts>, argvLeaks: string[] }} RowResult
 */

async function main() {
  if (process.env.OUTBOX_NETNS !== '1') {
    console.error(
      'bench: run it as `npm run bench` (inside scripts/in-netns.mjs), where github.com is the local emulator.'
    );
    process.exit(2);
  }
  const sizes = process.env.BENCH_SIZES
    ? process.env.BENCH_SIZES.split(',').map((s) => {
        const n = Number(s.trim().replace(/k$/i, '000'));
        if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_SIZES: '${s}' is not a number of files`);
        return n;
      })
    : DEFAULTS.sizes;
  const pairs = Math.max(1, intEnv('BENCH_PAIRS', intEnv('BENCH_RUNS', DEFAULTS.pairs)));
  const warmup = intEnv('BENCH_WARMUP', DEFAULTS.warmup);
  const fileBytes = Math.max(40, intEnv('BENCH_FILE_BYTES', DEFAULTS.fileBytes));
  let selection;
  try {
    selection = selectRows(process.argv.slice(2), sizes);
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  // A/B: another build of the action (its dist/ folder) in the floor's place, so that a change's
  // effect is measured against the build before it, run for run, without the floor's own noise.
  const abDist = process.env.BENCH_AB_DIST ? path.resolve(process.env.BENCH_AB_DIST) : undefined;
  if (abDist && !['index.js', 'post.js'].every((f) => fs.existsSync(path.join(abDist, f)))) {
    console.error(`bench: BENCH_AB_DIST '${abDist}' holds no built action (index.js and post.js)`);
    process.exit(2);
  }
  const full = process.argv.length <= 2 && !process.env.BENCH_SIZES && pairs === DEFAULTS.pairs;
  // An A/B run compares two builds, not the action with the floor: it writes no benchmark file.
  const writeDocs = !abDist && (process.env.BENCH_WRITE_DOCS ? process.env.BENCH_WRITE_DOCS === '1' : full);
  const benchStart = now();
  const log = (/** @type {string} */ msg) =>
    console.error(`[bench ${((now() - benchStart) / 1000).toFixed(1).padStart(6)} s] ${msg}`);

  const dist = path.join(projectRoot, 'dist', 'index.js');
  if (!fs.existsSync(dist)) throw new Error('dist/index.js is missing: run `npm run bundle` first.');
  const srcFiles = fs.readdirSync(path.join(projectRoot, 'src'), { recursive: true, encoding: 'utf8' });
  const newestSrc = Math.max(...srcFiles.map((f) => fs.statSync(path.join(projectRoot, 'src', f)).mtimeMs));
  if (fs.statSync(dist).mtimeMs < newestSrc)
    log(
      'warning: dist/ is older than src/; measuring dist/ as it is (run `npm run bundle` to include the latest src/)'
    );

  const { tmp, work, emulator } = await startBench();
  const ghFolder = benchGhFolder(work, process.env.BENCH_GH);
  if (ghFolder) process.env.PATH = `${ghFolder}${path.delimiter}${process.env.PATH ?? ''}`;
  // Node's fetch trusts the emulator's CA only through a dispatcher of its own: the CA was made
  // after this process started, too late for NODE_EXTRA_CA_CERTS.
  const { Agent } = await import('undici');
  const ca = fs.readFileSync(emulator.caFile, 'utf8');
  const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
  const rm = (/** @type {string} */ dir) => fs.promises.rm(dir, { recursive: true, force: true });

  /**
   * The floor: clone, write, add, commit, push a new branch, POST /pulls. `wrap` runs each git
   * command under strace (the instrumented run).
   * @param {string} repo @param {string} branch
   * @param {{ cloneOptions?: string[], strace?: string }} [options]
   */
  async function floor(repo, branch, options = {}) {
    const root = fs.mkdtempSync(path.join(work, 'floor-'));
    const home = path.join(root, 'home');
    fs.mkdirSync(home);
    const dir = path.join(root, 'clone');
    const env = {
      PATH: process.env.PATH,
      HOME: home,
      LANG: 'C.UTF-8',
      GIT_SSL_CAINFO: emulator.caFile,
      GIT_TERMINAL_PROMPT: '0',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.extraheader',
      GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}`,
      GIT_AUTHOR_NAME: BOT.name,
      GIT_AUTHOR_EMAIL: BOT.email,
      GIT_COMMITTER_NAME: BOT.name,
      GIT_COMMITTER_EMAIL: BOT.email
    };
    const git = (/** @type {string[]} */ args, /** @type {string | undefined} */ cwd = undefined) =>
      options.strace
        ? run('strace', [...STRACE, '-o', `${options.strace}-${args[0]}`, 'git', ...args], { cwd, env })
        : run('git', args, { cwd, env });
    const dispatcher = new Agent({ connect: { ca } });
    const t0 = now();
    const url = `https://github.com/${repo}.git`;
    await git([
      'clone',
      '-q',
      '--depth',
      '1',
      '--single-branch',
      ...(options.cloneOptions ?? []),
      '--branch',
      'main',
      url,
      dir
    ]);
    fs.writeFileSync(path.join(dir, `${branch.replace(/\//g, '-')}.txt`), `published by ${branch}\n`);
    await git(['add', '-A'], dir);
    await git(['commit', '-q', '-m', `Publish ${branch}`], dir);
    await git(['push', '-q', 'origin', `HEAD:refs/heads/${branch}`], dir);
    const response = await fetch(`https://api.github.com/repos/${repo}/pulls`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        accept: 'application/vnd.github+json',
        'content-type': 'application/json',
        'user-agent': 'bench-floor'
      },
      body: JSON.stringify({ title: `Publish ${branch}`, head: branch, base: 'main' }),
      // @ts-ignore undici option of Node's fetch
      dispatcher
    });
    const pr = await response.json();
    const ms = now() - t0;
    await dispatcher.close();
    if (response.status !== 201)
      throw new Error(`floor: POST /pulls answered ${response.status}: ${JSON.stringify(pr)}`);
    return { ms, root };
  }

  /** The build the next action run uses: dist/ (undefined) or, in an A/B run, BENCH_AB_DIST. */
  /** @type {string | undefined} */
  let actionDist;

  /**
   * One action publish (main + post). Checks the outcome it was meant to have.
   * @param {string} repo
   * @param {{ branch: string, inputs: Record<string, string>, outbox?: string[], expect: { operation: string, pushed: string } }} spec
   * @param {string} [strace] run under strace with this -o prefix
   */
  async function action(repo, spec, strace) {
    const root = fs.mkdtempSync(path.join(work, 'action-'));
    /** @type {Record<string, string>} */
    const inputs = {
      repo,
      'target-branch': 'main',
      branch: spec.branch,
      title: `Publish ${spec.branch}`,
      ...spec.inputs
    };
    if (spec.outbox) {
      const dir = path.join(root, 'workspace', 'outbox');
      fs.mkdirSync(dir, { recursive: true });
      const date = mailDate();
      spec.outbox.forEach((file, i) =>
        fs.writeFileSync(
          path.join(dir, `000${i + 1}-add.patch`),
          addFileMail(file, `published by ${spec.branch}`, `[PATCH ${i + 1}/${spec.outbox?.length}]`, date)
        )
      );
      inputs.outbox = 'outbox';
    }
    const options = { token: TOKEN, root, inputs };
    const t0 = now();
    let programs = /** @type {Program[]} */ ([]);
    let result;
    if (strace) ({ result, programs } = await actionUnderStrace(options, strace));
    else result = await runAction({ ...options, dist: actionDist });
    const ms = now() - t0;
    const { outputs } = result;
    const operation = outputs['pull-request-operation'];
    if (
      result.main.code !== 0 ||
      result.post?.code !== 0 ||
      operation !== spec.expect.operation ||
      outputs.pushed !== spec.expect.pushed
    )
      throw new Error(
        `action on '${spec.branch}' gave exit ${result.main.code}/${result.post?.code}, operation '${operation}', pushed '${outputs.pushed}' (wanted ${JSON.stringify(spec.expect)}):\n${result.main.log}\n${result.main.stderr}\n${result.post?.log ?? ''}`
      );
    return { ms, root, programs };
  }

  /**
   * The kinds: `prepare` (untimed) sets the stage, `publish` is the timed action run, `cleanup`
   * (untimed) deletes the branches, which also closes their pull requests: the emulator re-reads
   * every open pull request's branches on each push, so open ones piling up would slow both sides.
   * @type {Record<Kind, (repo: string, id: string) => { prepare?: () => Promise<void>, publish: (strace?: string) => ReturnType<typeof action>, branches: string[] }>}
   */
  const kinds = {
    created: (repo, id) => {
      const branch = `bench/created-${id}`;
      return {
        branches: [branch],
        publish: (strace) =>
          action(
            repo,
            {
              branch,
              inputs: { run: `echo "published by ${branch}" > created-${id}.txt` },
              expect: { operation: 'created', pushed: 'true' }
            },
            strace
          )
      };
    },
    unchanged: (repo, id) => {
      const branch = `bench/unchanged-${id}`;
      const spec = { branch, inputs: { run: `echo "published by ${branch}" > unchanged-${id}.txt` } };
      return {
        branches: [branch],
        prepare: async () =>
          rm((await action(repo, { ...spec, expect: { operation: 'created', pushed: 'true' } })).root),
        publish: (strace) =>
          action(repo, { ...spec, expect: { operation: 'unchanged', pushed: 'false' } }, strace)
      };
    },
    updated: (repo, id) => {
      const branch = `bench/updated-${id}`;
      const write = (/** @type {string} */ what) => ({
        branch,
        inputs: { run: `echo "${what}" > updated-${id}.txt` }
      });
      return {
        branches: [branch],
        prepare: async () =>
          rm(
            (await action(repo, { ...write('first'), expect: { operation: 'created', pushed: 'true' } })).root
          ),
        publish: (strace) =>
          action(repo, { ...write('second'), expect: { operation: 'updated', pushed: 'true' } }, strace)
      };
    },
    push: (repo, id) => {
      const target = `bench/push-target-${id}`;
      return {
        branches: [target],
        prepare: async () => {
          emulator.git(repo, ['update-ref', `refs/heads/${target}`, 'refs/heads/main']);
        },
        publish: (strace) =>
          action(
            repo,
            {
              branch: '',
              inputs: {
                mode: 'push',
                'target-branch': target,
                run: `echo "published by ${target}" > push-${id}.txt`
              },
              expect: { operation: 'none', pushed: 'true' }
            },
            strace
          )
      };
    },
    outbox2: (repo, id) => {
      const branch = `bench/outbox2-${id}`;
      return {
        branches: [branch],
        publish: (strace) =>
          action(
            repo,
            {
              branch,
              inputs: {},
              outbox: [`outbox-${id}/one.txt`, `outbox-${id}/two.txt`],
              expect: { operation: 'created', pushed: 'true' }
            },
            strace
          )
      };
    }
  };
  const dropBranches = (/** @type {string} */ repo, /** @type {string[]} */ branches) => {
    for (const b of branches) emulator.git(repo, ['update-ref', '-d', `refs/heads/${b}`]);
    emulator.pullsOf(repo);
  };

  /** @type {RowResult[]} */
  const results = [];
  /** @type {{ files: number, programs: Program[], requests: ReturnType<typeof timelineRequests>, origin: number, ms: number } | undefined} */
  let timeline;
  const actionKinds = selection.rows.map((r) => r.kind).filter((k) => k !== 'floor' && k !== 'clone-option');
  const timelineKind = actionKinds.includes('created') ? 'created' : actionKinds[0];
  /** @type {{ files: number, plain: number[], blobless: number[] } | undefined} */
  let cloneOption;
  /** @type {Record<number, { packBytes: number, ms: number, commits: number }>} */
  const generated = {};
  try {
    const bySize = new Map(/** @type {Array<[number, SizedRow[]]>} */ (sizes.map((f) => [f, []])));
    for (const row of selection.rows) bySize.get(row.files)?.push(row);
    for (const [files, rows] of bySize) {
      if (!rows.length) continue;
      const label = sizeLabel(files);
      const repo = `octo-org/bench-${label}`;
      const { bareDir } = emulator.createRepo(repo);
      const commits = Math.max(1, Math.round(files / 10));
      log(`${label}: generating ${files} files and ${commits} commits with git fast-import ...`);
      const gen = await generateRepository(bareDir, { files, commits, fileBytes, tags: DEFAULTS.tags });
      generated[files] = { ...gen, commits };
      log(`${label}: generated in ${fmtS(gen.ms)} (pack ${(gen.packBytes / 1048576).toFixed(1)} MiB)`);
      let serial = 0;
      const nextId = () => `${label}-${serial++}`;
      for (let w = 0; w < warmup; w++) {
        const f = await floor(repo, `bench/warmup-floor-${w}`);
        await rm(f.root);
        dropBranches(repo, [`bench/warmup-floor-${w}`]);
        const k = kinds.created(repo, nextId());
        await rm((await k.publish()).root);
        dropBranches(repo, k.branches);
      }
      /** Times one floor run and counts its requests. */
      const timedFloor = async (/** @type {string[]} */ cloneOptions = []) => {
        const branch = `bench/floor-${nextId()}`;
        const before = emulator.requests.length;
        const f = await floor(repo, branch, { cloneOptions });
        const counts = countRequests(emulator, before);
        await rm(f.root);
        dropBranches(repo, [branch]);
        return { ms: f.ms, counts };
      };

      for (const row of rows) {
        if (row.kind === 'clone-option') {
          // The floor against the same floor cloning blobless (which then fetches the blobs).
          cloneOption = { files, plain: [], blobless: [] };
          for (let i = 0; i < pairs; i++)
            for (const blob of i % 2 ? [false, true] : [true, false])
              (blob ? cloneOption.blobless : cloneOption.plain).push(
                (await timedFloor(blob ? ['--filter=blob:none'] : [])).ms
              );
          log(
            `${label} clone-option: floor ${fmtS(median(cloneOption.plain))}, blobless ${fmtS(median(cloneOption.blobless))}`
          );
          continue;
        }
        /** @type {RowResult} */
        const result = {
          kind: row.kind,
          files,
          action: [],
          floor: [],
          counts: [],
          floorCounts: [],
          argvLeaks: []
        };
        for (let i = 0; i < pairs; i++) {
          for (const side of i % 2 === 0 ? ['action', 'floor'] : ['floor', 'action']) {
            if (row.kind === 'floor' || (side === 'floor' && !abDist)) {
              const f = await timedFloor();
              (side === 'floor' ? result.floor : result.action).push(f.ms);
              (side === 'floor' ? result.floorCounts : result.counts).push(f.counts);
              continue;
            }
            // The other build runs its own set-up too: an unchanged rerun follows its own publish.
            actionDist = side === 'floor' ? abDist : undefined;
            const k = kinds[/** @type {Kind} */ (row.kind)](repo, nextId());
            await k.prepare?.();
            const before = emulator.requests.length;
            const a = await k.publish();
            (side === 'floor' ? result.floorCounts : result.counts).push(countRequests(emulator, before));
            (side === 'floor' ? result.floor : result.action).push(a.ms);
            actionDist = undefined;
            await rm(a.root);
            dropBranches(repo, k.branches);
          }
        }
        // The instrumented run: processes (and argv) under strace, untimed.
        const prefix = path.join(fs.mkdtempSync(path.join(work, 'strace-')), 'trace');
        let programs;
        if (row.kind === 'floor') {
          const f = await floor(repo, `bench/floor-strace-${nextId()}`, { strace: prefix });
          await rm(f.root);
          programs = fs
            .readdirSync(path.dirname(prefix))
            .map((n) => /^(trace-[a-z]+)\.\d+$/.exec(n)?.[1])
            .filter((p, i, all) => p && all.indexOf(p) === i)
            .flatMap((p) => readStrace(path.join(path.dirname(prefix), /** @type {string} */ (p))));
        } else {
          const k = kinds[/** @type {Kind} */ (row.kind)](repo, nextId());
          await k.prepare?.();
          const before = emulator.requests.length;
          const a = await k.publish(prefix);
          programs = a.programs;
          await rm(a.root);
          // The timeline of one publish: `created` (or, when it does not run, the first kind that
          // does), at 5k files if that runs, else the first size.
          if (row.kind === timelineKind && (!timeline || (files === 5_000 && timeline.files !== 5_000))) {
            const requests = timelineRequests(emulator, before);
            const origin = programs[0]?.start ?? 0;
            timeline = { files, programs, requests, origin, ms: a.ms };
          }
          dropBranches(repo, k.branches);
        }
        result.processes = processCounts(programs);
        const argv = programs.map((p) => p.argv.join(' ')).join('\n');
        result.argvLeaks = findLeaks({ token: TOKEN, texts: { argv } });
        await rm(path.dirname(prefix));
        results.push(result);
        const ratio = median(result.action) / median(result.floor);
        log(
          `${row.kind}@${label}: action ${fmtS(median(result.action))}, ${abDist ? 'B' : 'floor'} ${fmtS(median(result.floor))}, ${ratio.toFixed(2)}×; ${countsCell(result.counts)}; processes ${result.processes.total}${result.argvLeaks.length ? '; TOKEN IN ARGV' : ''}`
        );
      }
    }

    /** @type {{ action: number[], node: number[] } | undefined} */
    let startup;
    if (selection.startup) {
      startup = { action: [], node: [] };
      for (let i = 0; i < Math.max(11, pairs); i++) {
        startup.node.push(await firstLine(['-e', 'console.log("ready")']));
        startup.action.push(await firstLine([dist]));
      }
      log(`start-up: action ${fmtMs(median(startup.action))}, bare node ${fmtMs(median(startup.node))}`);
    }
    /** @type {{ count: number, ms: number, cpuMs: number } | undefined} */
    let series;
    if (selection.series) {
      const count = Math.max(1, intEnv('BENCH_SERIES', 1000));
      log(`outbox series: ${count} patches ...`);
      series = { count, ...(await outboxSeries(emulator, work, count)) };
      log(`outbox series: ${fmtS(series.ms)} (CPU ${fmtS(series.cpuMs)})`);
    }
    /** @type {Awaited<ReturnType<typeof sessionsRow>> | undefined} */
    let sessions;
    if (selection.sessions) {
      const count = Math.max(1, intEnv('BENCH_SESSIONS', 50));
      sessions = await sessionsRow(emulator, work, { count, token: TOKEN, log });
    }

    const totalMs = now() - benchStart;
    const machine = machineInfo();
    const table = resultsTable(results);
    const extra = extraTable({ startup, series, cloneOption });
    const sessionsText = sessions ? sessionsTable(sessions) : '';
    const timelineText = timeline ? renderTimeline(timeline, work) : '';
    const detail = [
      `Medians of ${pairs} alternating pairs per row (after ${warmup} warm-up pair(s) per size); work trees in ${tmp}.`,
      `Repositories: ${Object.entries(generated)
        .map(
          ([f, g]) =>
            `${sizeLabel(Number(f))} files in ${g.commits} commits (pack ${(g.packBytes / 1048576).toFixed(1)} MiB)`
        )
        .join(', ')}.`,
      `Load average at the end: ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} on ${os.cpus().length} CPUs. Whole benchmark: ${(totalMs / 1000).toFixed(0)} s.`
    ].join(' ');
    console.log(
      `\n${[results.length ? table : '', extra, sessionsText, detail].filter(Boolean).join('\n\n')}\n`
    );
    console.log(`Runs (s), action | ${abDist ? `B (${abDist})` : 'floor'}:`);
    for (const r of results)
      console.log(
        `  ${`${r.kind}@${sizeLabel(r.files)}`.padEnd(16)} ${r.action.map((x) => (x / 1000).toFixed(2)).join(' ')} | ${r.floor.map((x) => (x / 1000).toFixed(2)).join(' ')}`
      );
    if (timelineText) console.log(`\nTimeline of one publish:\n\n${timelineText}\n`);
    console.log(`Machine: ${machine.summary}`);
    if (results.some((r) => r.argvLeaks.length)) console.log('\n**The token was in the argv of a process.**');

    if (writeDocs) {
      const doc = renderDoc({
        table,
        extra,
        sessions: sessionsText,
        detail,
        timeline: timelineText,
        timelineFiles: timeline?.files,
        machine,
        full,
        args: process.argv.slice(2).join(' '),
        pairs
      });
      fs.writeFileSync(path.join(projectRoot, 'docs', 'benchmarks.md'), doc);
      log('wrote docs/benchmarks.md');
    } else {
      log('docs/benchmarks.md left as it is (not a full default run; BENCH_WRITE_DOCS=1 writes it anyway)');
    }
  } finally {
    await emulator.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Start-up: spawn to the first line on stdout. With only PATH set the action fails right after
 * its first line (no GITHUB_TOKEN); `node -e` printing one line is Node's own share of it.
 * @param {string[]} args @returns {Promise<number>}
 */
function firstLine(args) {
  return new Promise((resolve, reject) => {
    const t0 = now();
    let first = NaN;
    let out = '';
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
      stdio: ['ignore', 'pipe', 'ignore']
    });
    child.stdout.on('data', (c) => {
      out += c;
      if (Number.isNaN(first) && out.includes('\n')) first = now() - t0;
    });
    child.on('error', reject);
    child.on('close', () =>
      Number.isNaN(first) ? reject(new Error(`no output from node ${args.join(' ')}`)) : resolve(first)
    );
  });
}

/**
 * The emulator's requests from index `from` on, for the timeline.
 * @param {import('../test-support/emulator/index.js').Emulator} emulator @param {number} from
 */
function timelineRequests(emulator, from) {
  return emulator.requests.slice(from).map((r) => ({
    time: Date.parse(r.time),
    what:
      r.kind === 'git'
        ? `git HTTP ${r.method} ${r.path.replace(/^\/[^/]+\/[^/]+?(\.git)?\//, '…/')}${r.query?.service ? `?service=${r.query.service}` : ''}`
        : r.kind === 'graphql'
          ? `API POST graphql ${r.operationType ?? ''} ${r.operationName ?? ''}`.trim()
          : `API ${r.method} ${r.path.replace(/^\/repos\/[^/]+\/[^/]+/, '/repos/…')}`,
    who: client(String(r.headers['user-agent'] ?? '')),
    status: r.status
  }));
}

/**
 * What runs when in one publish: every program (indented under the program that started it) and
 * every request the emulator got, in ms from the start of the main step's node.
 * @param {{ programs: Program[], requests: ReturnType<typeof timelineRequests>, origin: number, ms: number, files: number }} t
 * @param {string} work the bench's work folder, left out of paths
 */
function renderTimeline(t, work) {
  const depth = (/** @type {Program} */ p) => {
    let d = 0;
    for (let q = p.parent; q && d < 50; q = q.parent) d++;
    return d;
  };
  const base = Math.min(...t.programs.map(depth));
  const redact = (/** @type {string} */ s) => s.split(TOKEN).join('<TOKEN>').split(work).join('…');
  /** @type {Array<{ t: number, line: string }>} */
  const events = [
    ...t.programs.map((p) => {
      const args = p.argv.slice(1).join(' ');
      const name = programName(p);
      return {
        t: p.start,
        line: `${'  '.repeat(depth(p) - base)}${name}${args ? `  (${redact(path.basename(p.file) === 'bash' ? args.slice(0, 60) : args).slice(0, 110)})` : ''}  [${Number.isNaN(p.end) ? '?' : Math.round(p.end - p.start)} ms]`
      };
    }),
    ...t.requests.map((r) => ({ t: r.time, line: `→ ${r.what} (${r.who}) ${r.status}` }))
  ].sort((a, b) => a.t - b.t);
  return [
    '```text',
    '    ms  what (program [how long it ran]; → a request the emulator got, by whom, its status)',
    ...events.map((e) => `${String(Math.round(e.t - t.origin)).padStart(6)}  ${e.line}`),
    '```'
  ].join('\n');
}

/** @param {Counts[]} xs */
function countsOf(xs) {
  const m = (/** @type {(c: Counts) => number} */ f) => median(xs.map(f));
  return {
    api: m((c) => c.api),
    apiWrites: m((c) => c.apiWrites),
    octokit: m((c) => c.octokit),
    gh: m((c) => c.gh),
    git: m((c) => c.git),
    git401: m((c) => c.git401),
    varies: new Set(xs.map((c) => `${c.api}/${c.apiWrites}/${c.git}/${c.git401}`)).size > 1
  };
}

/** @param {Counts[]} xs */
function countsCell(xs) {
  const c = countsOf(xs);
  return `API ${c.api} (${c.apiWrites} writes), git HTTP ${c.git} (${c.git401} × 401)${c.varies ? ' (varied)' : ''}`;
}

/** @param {RowResult[]} results */
function resultsTable(results) {
  const rows = results.map((r) => {
    /** @type {{ ratio?: Record<string, number>, api?: number, apiWrites?: number, git?: number }} */
    const t = r.kind === 'floor' ? {} : TARGETS[/** @type {Kind} */ (r.kind)];
    const a = median(r.action);
    const f = median(r.floor);
    const ratio = a / f;
    const c = countsOf(r.counts);
    /** @type {string[]} */
    const goals = [];
    /** @type {boolean[]} */
    const ok = [];
    const ratioGoal = t.ratio ? (t.ratio[String(r.files)] ?? t.ratio['*']) : undefined;
    if (ratioGoal !== undefined) {
      goals.push(`≤ ${ratioGoal.toFixed(2)}×`);
      ok.push(ratio <= ratioGoal);
    }
    if (t.api !== undefined) {
      goals.push(`API ≤ ${t.api}`);
      ok.push(c.api <= t.api);
    }
    if (t.apiWrites !== undefined) {
      goals.push(`${t.apiWrites} API writes`);
      ok.push(c.apiWrites <= t.apiWrites);
    }
    if (t.git !== undefined) {
      goals.push(`git HTTP ≤ ${t.git}`);
      ok.push(c.git <= t.git);
    }
    if (r.argvLeaks.length) ok.push(false);
    const p = r.processes;
    return [
      r.kind === 'floor' ? '**floor**' : r.kind,
      sizeLabel(r.files),
      fmtS(a),
      fmtS(f),
      `${ratio.toFixed(2)}×`,
      goals.join(', ') || '—',
      `${c.api} (${c.apiWrites})${c.varies ? '*' : ''}`,
      `${c.git} (${c.git401})`,
      p
        ? `${p.total} (${Object.entries(p.by)
            .sort((x, y) => y[1] - x[1])
            .map(([k, n]) => `${k} ${n}`)
            .join(', ')})`
        : '—',
      r.argvLeaks.length
        ? '**token in argv**'
        : ok.length
          ? ok.every(Boolean)
            ? 'pass'
            : '**fail**'
          : 'info'
    ];
  });
  return markdownTable(
    [
      'row',
      'files',
      'action',
      'floor',
      'ratio',
      'target',
      'API requests (writes)',
      'git HTTP requests (401s)',
      'processes',
      'result'
    ],
    rows
  );
}

/**
 * The rows outside the matrix: start-up, the series, the clone-option check.
 * @param {{ startup?: { action: number[], node: number[] }, series?: { count: number, ms: number, cpuMs: number }, cloneOption?: { files: number, plain: number[], blobless: number[] } }} r
 */
function extraTable(r) {
  const rows = [];
  if (r.startup) {
    const ms = median(r.startup.action);
    rows.push([
      'Start-up: spawn to first log line',
      `${fmtMs(median(r.startup.node))} (bare \`node -e\`)`,
      fmtMs(ms),
      `< ${GOALS.startupMs} ms`,
      ms < GOALS.startupMs ? 'pass' : '**fail**'
    ]);
  }
  if (r.series)
    rows.push([
      `Outbox of ${r.series.count} small patches, no \`run\`: wall time (main + post, once)`,
      '—',
      `${fmtS(r.series.ms)} (CPU ${fmtS(r.series.cpuMs)})`,
      `< ${GOALS.seriesMs / 1000} s for 1,000`,
      r.series.count === 1000 ? (r.series.ms <= GOALS.seriesMs ? 'pass' : '**fail**') : 'info'
    ]);
  if (r.cloneOption) {
    const plain = median(r.cloneOption.plain);
    const blobless = median(r.cloneOption.blobless);
    rows.push([
      `Clone option check, ${sizeLabel(r.cloneOption.files)} files: the floor with \`--filter=blob:none\``,
      fmtS(plain),
      `${fmtS(blobless)} (floor blobless)`,
      `${(blobless / plain).toFixed(2)}× of the floor`,
      'info'
    ]);
  }
  return rows.length ? markdownTable(['metric', 'floor', 'action', 'goal', 'result'], rows) : '';
}
/** @param {string[]} head @param {string[][]} rows */
function markdownTable(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`)
  ].join('\n');
}
function machineInfo() {
  const cpuinfo = fs.readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
  const memKb = Number(/^MemTotal:\s*(\d+)/m.exec(fs.readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0);
  const version = (/** @type {string} */ cmd, /** @type {string[]} */ args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).split('\n')[0].trim();
    } catch {
      return 'not found';
    }
  };
  const info = {
    nproc: execFileSync('nproc', { encoding: 'utf8' }).trim(),
    cpu: model,
    memory: `${(memKb / 1048576).toFixed(1)} GiB`,
    node: process.version,
    git: version('git', ['--version']),
    gh: version('gh', ['--version']),
    kernel: os.release(),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  };
  return {
    ...info,
    summary: `${info.nproc} CPUs (${info.cpu}), ${info.memory}, Node ${info.node}, ${info.git}, ${info.gh}, ${info.date}`
  };
}

/** @param {any} r */
function renderDoc(r) {
  const m = r.machine;
  const scope = r.full
    ? ''
    : `\n> **Partial run** (\`npm run bench${r.args ? ` -- ${r.args}` : ''}\`, ${r.pairs} pair(s) per row): not the full table; rerun \`npm run bench\` on a quiet machine for the numbers the targets are judged on.\n`;
  return `# Benchmarks

Generated by \`npm run bench\` (scripts/bench.mjs) on ${m.date}; rerun it to update this file.
${scope}
Each row publishes one change against the local GitHub emulator (\`git http-backend\` behind HTTPS
on 127.0.0.1, inside a private network namespace), on a generated repository of the given number
of files, and compares the action with the **floor**: the least a script could do for a new pull
request — \`git clone --depth 1 --single-branch\`, write the file, \`git add -A\`, \`git commit\`,
\`git push\` of a new branch (the token as an \`http.extraheader\` given through \`GIT_CONFIG_*\`
variables) and one \`POST /pulls\` with Node's \`fetch\`. Every row is compared with that same floor
(for "unchanged" the target is the floor of a created pull request). Action and floor run in
pairs, the order alternating from pair to pair; the table gives the medians. The action runs as
the runner runs it: main step, then post step, each a new \`node\` process, trusting a store as
large as a runner's (the emulator's CA among Node's own roots) and reading it at the first TLS
connection, as Node and gh do on a runner.

- **floor**: the floor against itself (each pair, two floor runs): how far two runs of the same work differ.
- **created**: \`run\` writes one file, on a fresh \`branch\`: a new pull request.
- **unchanged**: the same input again on a branch it already published (set up untimed): nothing to push.
- **updated**: \`run\` writes other content on a branch it already published (set up untimed).
- **push**: \`mode: push\` onto a fresh target branch (made from \`main\`, untimed).
- **outbox2**: an \`outbox\` of 2 \`git format-patch\` mails, no \`run\`: a new pull request.

Counts are per publish (main + post). API requests (REST + GraphQL; writes are REST requests other
than GET/HEAD and GraphQL mutations) and git HTTP requests (every request to the git endpoints,
401 challenges included) come from the emulator's request log of the timed runs (medians; \`*\`:
they varied between runs). Processes are every successful \`execve\` of the publish's process tree
(the two \`node\` steps, git and its helpers such as \`git-remote-https\` and \`index-pack\`, gh,
also when git runs it as a credential helper, the shells), counted in one extra run of each row
under \`strace -f -e trace=execve\`, untimed, so that ptrace costs the timed runs nothing; the
same run searches every argv for the token (a hit fails the row).

## Results

${r.table}

${r.extra}

${r.detail}

## Many sessions in one step

${r.sessions || 'To be measured: `npm run bench -- sessions`.'}

The same small repository (2 files), \`run\` writing one file, a new pull request each: 50
repositories (\`BENCH_SESSIONS\`) published by one \`sessions\` step at \`max-parallel\` 1, 4
and 8, against the single-session action run once per repository, one after the other (a
matrix of one-repository jobs would also pay each job's runner start-up). Each measurement is one
run, main and post. Target (issue 12): at \`max-parallel: 4\`, under 40% of the one-at-a-time total.

Targets (issue 10): created ≤ 1.6× the floor at 1k files, ≤ 1.3× at 5k, ≤ 1.15× at 20k, and at most
3 API requests; unchanged ≤ 1.0× the created floor with no API writes and at most 2 API requests;
a 2-patch outbox ≤ 1.4× with at most 5 git HTTP requests.

## What the floor does not pay

The floor is one script's git and one request. A publish also pays, whatever the size of the
repository:
- two \`node\` processes, main and post, each started by the runner (the start-up row above gives
  a bare \`node\` against the action's first line), and at the first TLS connection the trust
  store, 140 roots parsed by OpenSSL 3 (30 to 60 ms of CPU in Node 20, whether Node's own roots or
  the system's);
- for a \`run\` script only, gh: \`gh --version\` (the login's flags and the credential helper's path
  depend on it) and \`gh auth login --with-token\`, which checks the token with \`GET /\` and, from
  gh 2.40 on, also asks for the login's name (the GraphQL query \`UserCurrent\`; cli/cli
  pkg/cmd/auth/login). With such a gh a new pull request makes 4 API requests and an unchanged
  rerun 3, against 3 and 2 with gh 2.23; the action's own requests stay at 2 and 1.

\`BENCH_GH\` measures gh's share: \`BENCH_GH=$(../shared/tools/newer-gh)\` runs the rows with gh 2.46,
and \`BENCH_GH=stub\` with a script that answers \`--version\` and \`auth login\` at once (no Go
start-up, no request). At 1k files these fixed costs weigh most against the floor, which is why
unchanged at 1k is the row they decide.

## Timeline of one publish

A "created" publish at ${r.timelineFiles ? sizeLabel(r.timelineFiles) : '—'} files, from its strace run (ptrace slows process
start-up a little, so the times are somewhat longer than in the timed runs): each program with how
long it ran, indented under the program that started it, and each request the emulator got, in ms
from the \`execve\` of the main step's \`node\`. The runner emulation's own node is left out.

${r.timeline}

## Clone options, and why

- \`--depth=1\`, one fetch for the target and the branch (\`+refs/heads/<branch>*\` as a glob, so
  a missing branch is no error), \`--no-tags\`: a publish needs the target's tip and the
  branch's tip, nothing older. An outbox's patch-id check deepens the target by date only as far
  as its oldest patch, and a bundle that needs more history unshallows it.
- No \`--filter=blob:none\` when \`run\` is given: the script may read any file, so the checkout
  needs every blob anyway, and a blobless clone then fetches them all in a second request. The
  "clone option check" row measures exactly that on the floor itself.
- Without \`run\` (and without \`path\`), a sparse checkout: only top-level files, and each
  folder just before an outbox change that touches it is applied ("outbox2" row).
- Parallel checkout (\`checkout.workers\`) gave nothing measurable on these 2 CPUs; it is left at
  git's default.

## Machine

| | |
| --- | --- |
| CPUs (\`nproc\`) | ${m.nproc} |
| CPU model | ${m.cpu} |
| memory | ${m.memory} |
| kernel | ${m.kernel} |
| Node.js | ${m.node} |
| git | ${m.git} |
| gh | ${m.gh} |
| date | ${m.date} |

## Running it

\`\`\`sh
npm run bench                                   # every row; the 50k rows take long
npm run bench -- created@5k unchanged@5k        # a subset (terms: kind, size or kind@size)
BENCH_PAIRS=3 npm run bench -- 1k               # every kind at 1k files, 3 pairs
BENCH_SESSIONS=10 npm run bench -- sessions     # the sessions row, small (50 by default)
\`\`\`

Kinds: \`floor\`, ${KINDS.map((k) => `\`${k}\``).join(', ')}, \`clone-option\` (at 20k), \`startup\`, \`outbox-series\`, \`sessions\`.
Variables: \`BENCH_PAIRS\` (${DEFAULTS.pairs}), \`BENCH_SIZES\` (${DEFAULTS.sizes.join(',')}), \`BENCH_WARMUP\` (${DEFAULTS.warmup} pair per size),
\`BENCH_FILE_BYTES\` (average file size, ${DEFAULTS.fileBytes}), \`BENCH_SERIES\` (1000), \`BENCH_SESSIONS\` (50),
\`BENCH_TMPDIR\` (where work trees go; default \`/dev/shm\` when it has 1 GiB free);
\`BENCH_GH\` (a gh program to run instead of the one on PATH, or \`stub\`: see above);
\`BENCH_WRITE_DOCS=1\` writes this file from a partial run, \`0\` never writes it (by default only a full run does).
Work trees are on tmpfs because creating files on this VM's ext4 disk takes anywhere from 0.02 to
0.7 ms each from one minute to the next, which would drown what is measured.
The benchmark measures \`dist/\` as it is: run \`npm run bundle\` first to measure changes in \`src/\`.
To weigh a change to \`src/\` against the build before it, copy \`dist/\` aside first, bundle, and run
the rows with \`BENCH_AB_DIST=<the copy>\`: that build then runs in the floor's place, pair for pair, and
the ratio is the new build's against the old one's (no file is written). Two identical builds gave
0.96× over 20 pairs of unchanged at 1k: differences under about 5% are noise here.
`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
