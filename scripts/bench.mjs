// `npm run bench`: how much slower the action is than the least a script could do to publish the
// same change, against the local GitHub emulator (run through scripts/in-netns.mjs, which npm does).
//
// A repository of BENCH_FILES files and BENCH_COMMITS commits is generated with `git fast-import`
// straight into the emulator's bare repository. Then, BENCH_RUNS times, alternating which goes first:
//   floor      git clone --depth 1 --single-branch, write one file, add, commit, push a new
//              branch (the token as an http.extraheader given through GIT_CONFIG_* variables),
//              then one POST /pulls with Node's fetch;
//   created    the action (main + post step, as the runner runs them) publishing one written
//              file on a fresh branch: a new pull request;
//   unchanged  the same action run again with the same input: nothing to push;
//   outbox     the action publishing the same one-file change as a patch in `outbox`, without
//              `run` (the clone is then sparse): a new pull request.
//   series     (once) the action publishing an outbox of BENCH_SERIES (1,000) small patches, each
//              adding a file in one of 50 folders, onto a small repository, without `run`: the
//              goal is under 10 s for main + post. `npm run bench -- outbox-series` runs this row
//              alone (a new small repository, no generated monorepo).
// Besides wall time: API requests (REST + GraphQL, from the emulator's request log, Octokit's
// told from gh's by user-agent), git and gh processes (a counting wrapper first on PATH, in one
// extra run of each kind so the wrapper costs the timed runs nothing), the time from spawning
// `node dist/index.js` to its first log line, and where the time goes, by the timestamps of
// the log lines of BENCH_RUNS more (instrumented) runs of each kind. Prints Markdown tables and
// writes docs/benchmarks.md.
//
//   BENCH_RUNS=5 BENCH_FILES=20000 BENCH_COMMITS=2000 BENCH_FILE_BYTES=1200 BENCH_WARMUP=1
//   BENCH_TMPDIR=/dev/shm  where work trees and the emulator's repositories go
//   BENCH_WRITE_DOCS=1|0   default: write docs/benchmarks.md only with the default sizes and runs
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { emulatorEnv, startEmulator } from '../test-support/emulator/index.js';
import { projectRoot, runAction } from '../test-support/run-action.js';

const DEFAULTS = { runs: 5, files: 20_000, commits: 2_000, fileBytes: 1_200, warmup: 1, tags: 20 };
const GOALS = { ratio: 1.3, apiCreated: 4, apiUnchanged: 3, startupMs: 150, seriesMs: 10_000 };
const TOKEN = 'ghs_benchInstallationToken00000000000';
const REPO = 'octo-org/bench-monorepo';
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
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
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

/** A small deterministic PRNG (mulberry32), so every run generates the same repository. */
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
// Counting wrappers and a log-line tracer for the instrumented runs

/**
 * A folder to put first on PATH: `git` and `gh` that append their arguments to a log and exec
 * the real program, and a preload for Node that timestamps each line the action prints.
 * @param {string} dir
 */
function makeInstruments(dir) {
  const bin = path.join(dir, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  for (const tool of ['git', 'gh']) {
    const real = execFileSync('which', [tool], { encoding: 'utf8' }).trim();
    const log = path.join(dir, `${tool}.log`);
    fs.writeFileSync(
      path.join(bin, tool),
      `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${real}' "$@"\n`,
      { mode: 0o755 }
    );
  }
  const preload = path.join(dir, 'trace.cjs');
  fs.writeFileSync(
    preload,
    [
      "const fs = require('node:fs');",
      'const file = process.env.BENCH_TRACE;',
      'const t = () => performance.timeOrigin + performance.now();',
      "const put = (o) => fs.appendFileSync(file, JSON.stringify(o) + '\\n');",
      "put({ ev: 'start', script: require('node:path').basename(process.argv[1] || ''), origin: performance.timeOrigin, t: t() });",
      'const write = process.stdout.write.bind(process.stdout);',
      "let partial = '';",
      'process.stdout.write = (chunk, ...rest) => {',
      '  const at = t();',
      "  const parts = (partial + String(chunk)).split('\\n');",
      '  partial = parts.pop();',
      "  for (const line of parts) put({ ev: 'line', t: at, line });",
      '  return write(chunk, ...rest);',
      '};',
      "process.on('exit', () => put({ ev: 'exit', t: t() }));",
      ''
    ].join('\n')
  );
  return {
    bin,
    preload,
    gitLog: path.join(dir, 'git.log'),
    ghLog: path.join(dir, 'gh.log'),
    trace: path.join(dir, 'trace.jsonl')
  };
}

/** @param {string} file */
function readLines(file) {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
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
function countRequests(emulator, from) {
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
    list: api.map((r) => ({
      method: r.method,
      path: r.path,
      kind: r.kind,
      who: client(String(r.headers['user-agent'] ?? '')),
      time: Date.parse(r.time)
    }))
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
  emulator.addToken(TOKEN, { login: 'outbox-bench[bot]', scopes: null });
  return { tmp, work, emulator };
}

/** `npm run bench -- outbox-series`: the series row alone. */
async function seriesOnly() {
  const count = Math.max(1, intEnv('BENCH_SERIES', 1000));
  const { work, emulator } = await startBench();
  try {
    const { ms, cpuMs } = await outboxSeries(emulator, work, count);
    const pass = count !== 1000 || ms <= GOALS.seriesMs ? 'pass' : '**fail**';
    console.log(
      markdownTable(
        ['metric', 'floor', 'action', 'ratio / goal', 'result'],
        [
          [
            `Outbox of ${count} small patches, no \`run\`: wall time (main + post)`,
            '—',
            `${fmtS(ms)} (CPU ${fmtS(cpuMs)})`,
            `< ${GOALS.seriesMs / 1000} s for 1,000`,
            pass
          ]
        ]
      )
    );
    console.log(
      `load average: ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} on ${os.cpus().length} CPUs`
    );
  } finally {
    await emulator.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  if (process.env.OUTBOX_NETNS !== '1') {
    console.error(
      'bench: run it as `npm run bench` (inside scripts/in-netns.mjs), where github.com is the local emulator.'
    );
    process.exit(2);
  }
  if (process.argv[2] === 'outbox-series') return seriesOnly();
  if (process.argv[2]) {
    console.error(`bench: unknown row '${process.argv[2]}'; give none (every row) or 'outbox-series'.`);
    process.exit(2);
  }
  const size = {
    runs: Math.max(1, intEnv('BENCH_RUNS', DEFAULTS.runs)),
    files: Math.max(1, intEnv('BENCH_FILES', DEFAULTS.files)),
    commits: Math.max(1, intEnv('BENCH_COMMITS', DEFAULTS.commits)),
    fileBytes: Math.max(40, intEnv('BENCH_FILE_BYTES', DEFAULTS.fileBytes)),
    warmup: intEnv('BENCH_WARMUP', DEFAULTS.warmup),
    tags: intEnv('BENCH_TAGS', DEFAULTS.tags)
  };
  const isDefault = Object.entries(DEFAULTS).every(
    ([k, v]) => size[/** @type {keyof typeof size} */ (k)] === v
  );
  const writeDocs = process.env.BENCH_WRITE_DOCS ? process.env.BENCH_WRITE_DOCS === '1' : isDefault;
  const benchStart = now();
  const log = (/** @type {string} */ msg) =>
    console.error(`[bench ${((now() - benchStart) / 1000).toFixed(1).padStart(5)} s] ${msg}`);

  const dist = path.join(projectRoot, 'dist', 'index.js');
  if (!fs.existsSync(dist)) throw new Error('dist/index.js is missing: run `npm run bundle` first.');
  const newestSrc = Math.max(
    ...fs
      .readdirSync(path.join(projectRoot, 'src'))
      .map((f) => fs.statSync(path.join(projectRoot, 'src', f)).mtimeMs)
  );
  if (fs.statSync(dist).mtimeMs < newestSrc)
    log(
      'warning: dist/ is older than src/; measuring dist/ as it is (run `npm run bundle` to include the latest src/)'
    );

  const { tmp, work, emulator } = await startBench();
  try {
    const { bareDir } = emulator.createRepo(REPO);
    log(`generating ${size.files} files and ${size.commits} commits with git fast-import ...`);
    const gen = await generateRepository(bareDir, size);
    log(`generated in ${fmtS(gen.ms)} (pack ${(gen.packBytes / 1048576).toFixed(1)} MiB)`);

    // Node's fetch trusts the emulator's CA only through a dispatcher of its own: the CA was made
    // after this process started, too late for NODE_EXTRA_CA_CERTS.
    const { Agent } = await import('undici');
    const ca = fs.readFileSync(emulator.caFile, 'utf8');
    const remoteUrl = `https://github.com/${REPO}.git`;
    const basic = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');

    /**
     * @param {string} branch
     * @param {{ PATH?: string }} [extraEnv]
     */
    async function floor(branch, extraEnv = {}, cloneOptions = /** @type {string[]} */ ([])) {
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
        GIT_COMMITTER_EMAIL: BOT.email,
        ...extraEnv
      };
      const dispatcher = new Agent({ connect: { ca } });
      const steps = {};
      const t0 = now();
      await run(
        'git',
        [
          'clone',
          '-q',
          '--depth',
          '1',
          '--single-branch',
          ...cloneOptions,
          '--branch',
          'main',
          remoteUrl,
          dir
        ],
        { env }
      );
      const t1 = now();
      fs.writeFileSync(path.join(dir, `${branch.replace(/\//g, '-')}.txt`), `published by ${branch}\n`);
      await run('git', ['add', '--all'], { cwd: dir, env });
      await run('git', ['commit', '-q', '-m', `Publish ${branch}`], { cwd: dir, env });
      const t2 = now();
      await run('git', ['push', '-q', 'origin', `HEAD:refs/heads/${branch}`], { cwd: dir, env });
      const t3 = now();
      const response = await fetch(`https://api.github.com/repos/${REPO}/pulls`, {
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
      const t4 = now();
      if (response.status !== 201)
        throw new Error(`floor: POST /pulls answered ${response.status}: ${JSON.stringify(pr)}`);
      Object.assign(steps, { clone: t1 - t0, commit: t2 - t1, push: t3 - t2, pull: t4 - t3 });
      await dispatcher.close();
      return { ms: t4 - t0, steps, root };
    }

    /**
     * @param {string} branch
     * @param {'created' | 'unchanged'} expect
     * @param {Record<string, string>} [extraEnv]
     */
    async function action(branch, expect, extraEnv = {}, source = /** @type {'run' | 'outbox'} */ ('run')) {
      const root = fs.mkdtempSync(path.join(work, 'action-'));
      const file = `${branch.replace(/\//g, '-')}.txt`;
      const change =
        source === 'run'
          ? { run: `echo "published by ${branch}" > ${file}` }
          : { outbox: writeOutbox(root, file, `published by ${branch}`) };
      const t0 = now();
      const result = await runAction({
        token: TOKEN,
        root,
        env: extraEnv,
        inputs: { repo: REPO, 'target-branch': 'main', branch, title: `Publish ${branch}`, ...change }
      });
      const ms = now() - t0;
      const operation = result.outputs['pull-request-operation'];
      if (result.main.code !== 0 || result.post?.code !== 0 || operation !== expect) {
        throw new Error(
          `action run on '${branch}' gave exit ${result.main.code}/${result.post?.code}, operation '${operation}' (wanted '${expect}'):\n${result.main.log}\n${result.main.stderr}\n${result.post?.log ?? ''}`
        );
      }
      return { ms, root, result };
    }

    /**
     * A one-patch outbox that adds `file` with one line, as `git format-patch` writes it; the
     * runner emulation makes `root/workspace` the workspace. Untimed.
     * @param {string} root @param {string} file @param {string} line
     */
    function writeOutbox(root, file, line) {
      const dir = path.join(root, 'workspace', 'outbox');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, '0001-add.patch'), addFileMail(file, line, '[PATCH]', mailDate()));
      return 'outbox';
    }

    const rm = (/** @type {string} */ dir) => fs.promises.rm(dir, { recursive: true, force: true });
    // The emulator re-reads every open pull request's branches with a synchronous git call on each
    // push and pull-request request, so open pull requests piling up over the runs would slow both
    // sides more and more. Deleting a run's branch afterwards closes its pull request (untimed).
    const dropBranch = (/** @type {string} */ branch) => {
      emulator.git(REPO, ['update-ref', '-d', `refs/heads/${branch}`]);
      emulator.pullsOf(REPO);
    };

    for (let w = 0; w < size.warmup; w++) {
      log(`warm-up ${w + 1}/${size.warmup}`);
      await rm((await floor(`bench/warmup-floor-${w}`)).root);
      dropBranch(`bench/warmup-floor-${w}`);
      await rm((await action(`bench/warmup-action-${w}`, 'created')).root);
      dropBranch(`bench/warmup-action-${w}`);
    }

    /** @type {{ floor: number[], blobless: number[], created: number[], unchanged: number[], outbox: number[], floorSteps: Record<string, number[]>, api: Record<string, ReturnType<typeof countRequests>[]> }} */
    const m = {
      floor: [],
      blobless: [],
      created: [],
      unchanged: [],
      outbox: [],
      floorSteps: {},
      api: { floor: [], created: [], unchanged: [] }
    };
    for (let i = 0; i < size.runs; i++) {
      const order = i % 2 === 0 ? ['floor', 'action'] : ['action', 'floor'];
      for (const what of order) {
        // Within each side the order alternates too, so that no kind always runs on warm caches.
        const even = i % 2 === 0;
        if (what === 'floor') {
          const plain = async () => {
            const before = emulator.requests.length;
            const f = await floor(`bench/floor-${i}`);
            m.api.floor.push(countRequests(emulator, before));
            m.floor.push(f.ms);
            for (const [k, v] of Object.entries(f.steps)) (m.floorSteps[k] ??= []).push(v);
            await rm(f.root);
            dropBranch(`bench/floor-${i}`);
          };
          // The same floor cloning blobless, which then fetches the blobs the checkout needs.
          const blobless = async () => {
            const b = await floor(`bench/blobless-${i}`, {}, ['--filter=blob:none']);
            m.blobless.push(b.ms);
            await rm(b.root);
            dropBranch(`bench/blobless-${i}`);
          };
          for (const step of even ? [plain, blobless] : [blobless, plain]) await step();
        } else {
          const createdThenUnchanged = async () => {
            const branch = `bench/action-${i}`;
            let before = emulator.requests.length;
            const c = await action(branch, 'created');
            m.api.created.push(countRequests(emulator, before));
            m.created.push(c.ms);
            await rm(c.root);
            before = emulator.requests.length;
            const u = await action(branch, 'unchanged');
            m.api.unchanged.push(countRequests(emulator, before));
            m.unchanged.push(u.ms);
            await rm(u.root);
            dropBranch(branch);
          };
          const outbox = async () => {
            const o = await action(`bench/outbox-${i}`, 'created', {}, 'outbox');
            m.outbox.push(o.ms);
            await rm(o.root);
            dropBranch(`bench/outbox-${i}`);
          };
          for (const step of even ? [createdThenUnchanged, outbox] : [outbox, createdThenUnchanged])
            await step();
        }
      }
      log(
        `run ${i + 1}/${size.runs}: floor ${fmtS(m.floor[i])} (blobless ${fmtS(m.blobless[i])}), action created ${fmtS(m.created[i])}, unchanged ${fmtS(m.unchanged[i])}, outbox ${fmtS(m.outbox[i])}`
      );
    }

    // Start-up: spawn to the first line on stdout. With only PATH set the action fails right after
    // its first line (no GITHUB_TOKEN); `node -e` printing one line is Node's own share of it.
    /** @param {string[]} args */
    const firstLine = (args) =>
      new Promise((resolve, reject) => {
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
    const startup = { action: /** @type {number[]} */ ([]), node: /** @type {number[]} */ ([]) };
    for (let i = 0; i < Math.max(11, size.runs); i++) {
      startup.node.push(/** @type {number} */ (await firstLine(['-e', 'console.log("ready")'])));
      startup.action.push(/** @type {number} */ (await firstLine([dist])));
    }
    log(`start-up: action ${fmtMs(median(startup.action))}, bare node ${fmtMs(median(startup.node))}`);

    // Instrumented runs: processes counted and log lines timestamped, BENCH_RUNS of each kind.
    const inst = makeInstruments(path.join(work, 'instruments'));
    const instEnv = {
      PATH: `${inst.bin}:${process.env.PATH}`,
      NODE_OPTIONS: `--require ${inst.preload}`,
      BENCH_TRACE: inst.trace
    };
    /** @typedef {{ git: string[], gh: string[], trace: TraceEvent[], api: ReturnType<typeof countRequests>, ms: number }} Traced */
    /** @type {{ floor: Traced[], created: Traced[], unchanged: Traced[] }} */
    const traced = { floor: [], created: [], unchanged: [] };
    const collect = () => {
      const out = {
        git: readLines(inst.gitLog),
        gh: readLines(inst.ghLog),
        trace: readLines(inst.trace).map((l) => JSON.parse(l))
      };
      for (const f of [inst.gitLog, inst.ghLog, inst.trace]) fs.rmSync(f, { force: true });
      return out;
    };
    for (let i = 0; i < size.runs; i++) {
      let before = emulator.requests.length;
      const f = await floor(`bench/traced-floor-${i}`, { PATH: instEnv.PATH });
      traced.floor.push({ ...collect(), api: countRequests(emulator, before), ms: f.ms });
      await rm(f.root);
      dropBranch(`bench/traced-floor-${i}`);
      for (const kind of /** @type {const} */ (['created', 'unchanged'])) {
        before = emulator.requests.length;
        const r = await action(`bench/traced-${i}`, kind, instEnv);
        traced[kind].push({ ...collect(), api: countRequests(emulator, before), ms: r.ms });
        await rm(r.root);
      }
      dropBranch(`bench/traced-${i}`);
    }
    const seriesCount = Math.max(1, intEnv('BENCH_SERIES', 1000));
    log(`outbox series: ${seriesCount} patches ...`);
    const { ms: seriesMs, cpuMs: seriesCpuMs } = await outboxSeries(emulator, work, seriesCount);
    const wall = (/** @type {Array<{ ms: number }>} */ runs) => fmtS(median(runs.map((r) => r.ms)));
    log(
      `instrumented runs done (${size.runs} of each kind; wall time floor ${wall(traced.floor)}, new pull request ${wall(traced.created)})`
    );

    // ---- Report
    const apiOf = (/** @type {ReturnType<typeof countRequests>[]} */ xs) => ({
      api: median(xs.map((x) => x.api)),
      octokit: median(xs.map((x) => x.octokit)),
      gh: median(xs.map((x) => x.gh)),
      git: median(xs.map((x) => x.git)),
      git401: median(xs.map((x) => x.git401)),
      varies: new Set(xs.map((x) => `${x.api}/${x.git}`)).size > 1
    });
    const api = {
      floor: apiOf(m.api.floor),
      created: apiOf(m.api.created),
      unchanged: apiOf(m.api.unchanged)
    };
    const floorMs = median(m.floor);
    const createdMs = median(m.created);
    const unchangedMs = median(m.unchanged);
    const outboxMs = median(m.outbox);
    const bloblessMs = median(m.blobless);
    const startupMs = median(startup.action);
    const pass = (/** @type {boolean} */ ok) => (ok ? 'pass' : '**fail**');
    const apiCell = (/** @type {ReturnType<typeof apiOf>} */ a) =>
      `${a.api} (Octokit ${a.octokit}, gh ${a.gh})${a.varies ? ' (varied)' : ''}`;
    const count = (/** @type {Traced[]} */ runs, /** @type {'git' | 'gh'} */ tool) => {
      const n = runs.map((r) => r[tool].length);
      return Math.min(...n) === Math.max(...n) ? String(n[0]) : `${Math.min(...n)}–${Math.max(...n)}`;
    };
    const rows = [
      [
        'Publish, new pull request: wall time (main + post)',
        fmtS(floorMs),
        fmtS(createdMs),
        `${(createdMs / floorMs).toFixed(2)}× / ≤ ${GOALS.ratio}×`,
        pass(createdMs / floorMs <= GOALS.ratio)
      ],
      [
        'Rerun, nothing to publish: wall time (main + post)',
        '—',
        fmtS(unchangedMs),
        `${(unchangedMs / floorMs).toFixed(2)}× of the floor / —`,
        'info'
      ],
      [
        'Same change from an outbox patch, no `run` (sparse clone): wall time',
        '—',
        fmtS(outboxMs),
        `${(outboxMs / floorMs).toFixed(2)}× of the floor / —`,
        'info'
      ],
      [
        `Outbox of ${seriesCount} small patches, no \`run\`: wall time (main + post, once)`,
        '—',
        `${fmtS(seriesMs)} (CPU ${fmtS(seriesCpuMs)})`,
        `< ${GOALS.seriesMs / 1000} s for 1,000`,
        seriesCount === 1000 ? pass(seriesMs <= GOALS.seriesMs) : 'info'
      ],
      [
        'Clone option check: the floor with `--filter=blob:none`',
        fmtS(bloblessMs),
        '—',
        `${(bloblessMs / floorMs).toFixed(2)}× of the floor / —`,
        'info'
      ],
      [
        'API requests (REST + GraphQL), new pull request',
        String(api.floor.api),
        apiCell(api.created),
        `≤ ${GOALS.apiCreated}`,
        pass(api.created.api <= GOALS.apiCreated)
      ],
      [
        'API requests (REST + GraphQL), nothing to publish',
        '—',
        apiCell(api.unchanged),
        `≤ ${GOALS.apiUnchanged}`,
        pass(api.unchanged.api <= GOALS.apiUnchanged)
      ],
      [
        'git processes, new pull request',
        count(traced.floor, 'git'),
        count(traced.created, 'git'),
        '—',
        'info'
      ],
      ['git processes, nothing to publish', '—', count(traced.unchanged, 'git'), '—', 'info'],
      [
        'gh processes (main + post), new / nothing to publish',
        '0',
        `${count(traced.created, 'gh')} / ${count(traced.unchanged, 'gh')}`,
        '—',
        'info'
      ],
      [
        'git HTTP requests (of them 401), new pull request',
        `${api.floor.git} (${api.floor.git401})`,
        `${api.created.git} (${api.created.git401})`,
        '—',
        'info'
      ],
      [
        'Start-up: spawn to first log line',
        `${fmtMs(median(startup.node))} (bare \`node -e\`)`,
        fmtMs(startupMs),
        `< ${GOALS.startupMs} ms`,
        pass(startupMs < GOALS.startupMs)
      ]
    ];
    const table = markdownTable(['metric', 'floor', 'action', 'ratio / goal', 'result'], rows);

    const phases = phaseTable(m.floorSteps, traced.created);
    const steps = { created: stepTable(traced.created), unchanged: stepTable(traced.unchanged) };
    const totalMs = now() - benchStart;
    const machine = machineInfo();
    const detail = [
      `Medians of ${size.runs} alternating runs (after ${size.warmup} warm-up run(s) of each), repository of ${size.files} files in ${size.commits} commits`,
      `(pack ${(gen.packBytes / 1048576).toFixed(1)} MiB, ${size.tags} tags, generated in ${fmtS(gen.ms)}); work trees in ${tmp}.`
    ].join(' ');

    console.log(`\n${table}\n\n${detail}\n`);
    console.log('Runs (s):');
    console.log(`  floor     ${m.floor.map((x) => (x / 1000).toFixed(2)).join(' ')}`);
    console.log(`  blobless  ${m.blobless.map((x) => (x / 1000).toFixed(2)).join(' ')}`);
    console.log(`  created   ${m.created.map((x) => (x / 1000).toFixed(2)).join(' ')}`);
    console.log(`  unchanged ${m.unchanged.map((x) => (x / 1000).toFixed(2)).join(' ')}`);
    console.log(`  outbox    ${m.outbox.map((x) => (x / 1000).toFixed(2)).join(' ')}`);
    console.log(
      `\nWhere the time goes, new pull request (medians of ${size.runs} instrumented runs):\n\n${phases}\n`
    );
    console.log(`Step by step, new pull request:\n\n${steps.created}\n`);
    console.log(`Step by step, nothing to publish:\n\n${steps.unchanged}\n`);
    console.log(
      `git processes of a new-pull-request run:\n${traced.created[0].git.map((l) => `  git ${l}`).join('\n')}\n`
    );
    console.log(`gh processes:\n${traced.created[0].gh.map((l) => `  gh ${l}`).join('\n')}\n`);
    console.log(`Machine: ${machine.summary}`);
    console.log(`Total bench wall time: ${fmtS(totalMs)}`);

    if (writeDocs) {
      const doc = renderDoc({
        table,
        detail,
        runs: runsTable(m),
        machine,
        phases,
        steps,
        totalMs,
        size,
        gitCreated: traced.created[0].git,
        ghCreated: traced.created[0].gh
      });
      fs.mkdirSync(path.join(projectRoot, 'docs'), { recursive: true });
      fs.writeFileSync(path.join(projectRoot, 'docs', 'benchmarks.md'), doc);
      log('wrote docs/benchmarks.md');
    } else {
      log(
        'docs/benchmarks.md left as it is (sizes or runs differ from the defaults; BENCH_WRITE_DOCS=1 writes it anyway)'
      );
    }
  } finally {
    await emulator.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** @param {string[]} head @param {string[][]} rows */
function markdownTable(head, rows) {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`)
  ].join('\n');
}

/**
 * @typedef {{ ev: 'start' | 'line' | 'exit', t: number, line?: string, script?: string, origin?: number }} TraceEvent
 * @typedef {{ step: 'main' | 'post' | 'outside', label: string, ms: number, api: string[] }} Slice
 */

/**
 * Cuts one instrumented run into slices: each log line starts a slice that lasts until the next
 * line (or the step's exit), so a `[command]` line's slice is that command's run time; a step's
 * first slice is Node's start-up. API requests are put into the slice they arrived in.
 * @param {{ trace: TraceEvent[], api: ReturnType<typeof countRequests>, ms: number }} run
 * @returns {Slice[]}
 */
function slicesOf(run) {
  /** @type {Slice[]} */
  const slices = [];
  /** @type {'main' | 'post'} */
  let step = 'main';
  let inSteps = 0;
  const { trace } = run;
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i];
    const next = trace[i + 1];
    if (e.ev === 'start') {
      step = e.script === 'post.js' ? 'post' : 'main';
      inSteps += (trace.slice(i).find((x) => x.ev === 'exit')?.t ?? e.t) - /** @type {number} */ (e.origin);
      slices.push({
        step,
        label: 'node start-up to first line',
        ms: (next?.t ?? e.t) - /** @type {number} */ (e.origin),
        api: []
      });
      continue;
    }
    if (e.ev !== 'line' || !next) continue;
    const line = /** @type {string} */ (e.line);
    if (line.startsWith('::add-mask::')) continue; // folded into the slice before: they take no time
    let end = next.t;
    for (
      let j = i + 1;
      j < trace.length &&
      trace[j].ev === 'line' &&
      /** @type {string} */ (trace[j].line).startsWith('::add-mask::');
      j++
    )
      end = trace[j + 1]?.t ?? end;
    const label = line
      .replace(/^\[command\]/, '')
      .replace(/\S*\/outbox-bench-[^\s]*/g, '…')
      .replace(/\b[0-9a-f]{40}\b/g, '<sha>')
      .replace(/bench\/traced-\d+/g, '<branch>')
      .replace(/#\d+/g, '#N')
      .replace(/\/pull\/\d+/g, '/pull/N');
    const api = run.api.list
      .filter((r) => r.time >= e.t - 1 && r.time < end)
      .map(
        (r) =>
          `${r.method} ${r.kind === 'graphql' ? 'graphql' : r.path.replace(/^\/repos\/[^/]+\/[^/]+/, '…').replace(/compare\/.*/, 'compare/…')} (${r.who})`
      );
    slices.push({ step, label, ms: end - e.t, api });
  }
  slices.push({
    step: 'outside',
    label: 'outside the two steps (runner emulation, spawning node)',
    ms: run.ms - inSteps,
    api: []
  });
  return slices;
}

/**
 * Median of each slice over the runs (the runs print the same lines in the same order).
 * @param {Array<{ trace: TraceEvent[], api: ReturnType<typeof countRequests>, ms: number }>} runs
 * @returns {Slice[]}
 */
function medianSlices(runs) {
  const all = runs.map(slicesOf);
  const same = all.every((s) => s.length === all[0].length && s.every((x, i) => x.label === all[0][i].label));
  const use = same ? all : [all[0]];
  return all[0].map((s, i) => ({ ...s, ms: median(use.map((x) => x[i].ms)) }));
}

/** @param {Array<{ trace: TraceEvent[], api: ReturnType<typeof countRequests>, ms: number }>} runs */
function stepTable(runs) {
  const slices = medianSlices(runs);
  const rows = slices.map((s) => [
    s.step,
    `\`${s.label.slice(0, 140).replace(/\|/g, '\\|')}\``,
    s.api.join(', ') || '',
    String(Math.round(s.ms))
  ]);
  const total = slices.reduce((sum, s) => sum + s.ms, 0);
  rows.push(['', '**sum**', '', `**${Math.round(total)}**`]);
  return markdownTable(['step', 'slice (from this log line to the next)', 'API requests in it', 'ms'], rows);
}

/**
 * Floor and action side by side, by kind of work.
 * @param {Record<string, number[]>} floorSteps
 * @param {Array<{ trace: TraceEvent[], api: ReturnType<typeof countRequests>, ms: number }>} runs
 */
function phaseTable(floorSteps, runs) {
  const order = [
    'Node start-up (main + post step)',
    'gh processes (version, login, setup-git)',
    'git ls-remote',
    'git fetch + checkout (floor: git clone)',
    'stage and commit (git ls-files, add, commit)',
    'git push',
    'API requests by Octokit not overlapped with a command (floor: fetch)',
    'other git commands',
    "the run script and the action's own code",
    'outside the two steps (runner emulation, spawning node)'
  ];
  /** @param {Slice} s */
  const phase = (s) => {
    if (s.step === 'outside') return order[9];
    if (s.label === 'node start-up to first line') return order[0];
    if (s.label.startsWith('gh ')) return order[1];
    // A command's slice is the command's time even when an API request runs alongside it.
    if (!/^(git|gh|\S*bash) /.test(s.label) && s.api.some((a) => a.endsWith('(octokit)'))) return order[6];
    if (s.label.startsWith('git ls-remote')) return order[2];
    if (s.label.startsWith('git fetch') || s.label.startsWith('git checkout')) return order[3];
    if (/^git (add|commit|diff --cached|diff --quiet|ls-files|--literal-pathspecs add)/.test(s.label))
      return order[4];
    if (s.label.startsWith('git push')) return order[5];
    if (s.label.startsWith('git ')) return order[7];
    return order[8];
  };
  /** @type {Record<string, number[]>} per phase, one sum per run */
  const sums = Object.fromEntries(order.map((p) => [p, runs.map(() => 0)]));
  runs.forEach((run, i) => {
    for (const s of slicesOf(run)) sums[phase(s)][i] += s.ms;
  });
  const floorOf = { [order[3]]: 'clone', [order[4]]: 'commit', [order[5]]: 'push', [order[6]]: 'pull' };
  const rows = order.map((p) => {
    const f = floorOf[p] ? median(floorSteps[floorOf[p]] ?? []) : 0;
    return [p, f ? String(Math.round(f)) : '—', String(Math.round(median(sums[p])))];
  });
  const floorTotal = ['clone', 'commit', 'push', 'pull'].reduce(
    (sum, k) => sum + median(floorSteps[k] ?? []),
    0
  );
  rows.push([
    '**total** (sum of the medians above; instrumented runs)',
    `**${Math.round(floorTotal)}**`,
    `**${Math.round(order.reduce((sum, p) => sum + median(sums[p]), 0))}**`
  ]);
  return markdownTable(['where (ms)', 'floor', 'action'], rows);
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

/**
 * One column per run: each kind's wall time, and the created run's ratio to that run's floor.
 * @param {{ floor: number[], blobless: number[], created: number[], unchanged: number[], outbox: number[] }} m
 */
function runsTable(m) {
  const cells = (/** @type {number[]} */ xs) => xs.map((x) => (x / 1000).toFixed(2));
  return markdownTable(
    ['run', ...m.floor.map((_, i) => String(i + 1))],
    [
      ['floor', ...cells(m.floor)],
      ['floor, `--filter=blob:none`', ...cells(m.blobless)],
      ['new pull request', ...cells(m.created)],
      ['nothing to publish', ...cells(m.unchanged)],
      ['outbox, no `run`', ...cells(m.outbox)],
      ['new pull request / floor', ...m.created.map((x, i) => `${(x / m.floor[i]).toFixed(2)}×`)]
    ]
  );
}

/** @param {any} r */
function renderDoc(r) {
  const m = r.machine;
  return `# Benchmarks

Generated by \`npm run bench\` (scripts/bench.mjs) on ${m.date}; rerun it to update this file.

The benchmark publishes one written file as a new pull request against the local GitHub emulator
(\`git http-backend\` behind HTTPS on 127.0.0.1, inside a private network namespace), on a
generated repository, and compares the action with the **floor**: the least a script could do
for the same result — \`git clone --depth 1 --single-branch\`, write the file, \`git add\`,
\`git commit\`, \`git push\` of a new branch (the token as an \`http.extraheader\` given through
\`GIT_CONFIG_*\` variables) and one \`POST /pulls\` with Node's \`fetch\`. The action runs as the
runner runs it (main step, then post step, each a new \`node\` process) with \`run\` writing the
file and a fresh \`branch\` each time; "nothing to publish" is the same input run again; the
outbox row publishes the same file as a one-patch \`outbox\` with no \`run\`, for which the
clone checks out only top-level files and the folders the patch touches (a sparse checkout).
Start-up is the median of 11 spawns of \`node dist/index.js\` with nothing but \`PATH\` set.
API requests come from the emulator's request log (Octokit and gh told apart by user-agent). git
and gh processes are counted by wrappers first on \`PATH\`, in separate instrumented runs so the
wrappers cost the timed runs nothing; git's own helpers (\`git-remote-https\`, \`index-pack\`) are
not counted, and neither is gh when git starts it as its credential helper (by absolute path).

## Results

${r.table}

${r.detail} Whole benchmark: ${(r.totalMs / 1000).toFixed(0)} s.

Each run, in seconds; single runs on this machine vary by a tenth or more, which is why the
goal is judged on the medians:

${r.runs}

## Clone options, and why

- \`--depth=1\`, one fetch for the target and the branch (\`+refs/heads/<branch>*\` as a glob, so
  a missing branch is no error), \`--no-tags\`: a publish needs the target's tip and the
  branch's tip, nothing older. An outbox's patch-id check deepens the target by date only as far
  as its oldest patch, and a bundle that needs more history unshallows it.
- No \`--filter=blob:none\` when \`run\` is given: the script may read any file, so the checkout
  needs every blob anyway, and a blobless clone then fetches them all in a second request. The
  "clone option check" row measures exactly that on the floor itself.
- Without \`run\` (and without \`path\`), a sparse checkout: only top-level files, and each
  folder just before an outbox change that touches it is applied ("outbox" row). The fetch is
  unchanged; a blobless one would save its download but fetch blobs one request at a time while
  patch ids are computed and patches applied, each request paying the credential helper's round
  trip.
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

## Where the action's time goes

From ${r.size.runs} instrumented runs of each kind (medians): a preload (\`NODE_OPTIONS=--require\`)
timestamps every line the action prints. A slice lasts from one log line to the next, so a
\`[command]\` line's slice is that command's run time; API requests are listed in the slice they
arrived in (one that runs alongside a command shows up in that command's slice and costs no
time of its own). The floor's column comes from its timed runs.

${r.phases}

### New pull request, step by step

${r.steps.created}

git processes: ${r.gitCreated.length}; gh processes: ${r.ghCreated.length} (${r.ghCreated.map((/** @type {string} */ l) => `\`gh ${l.split(' ').slice(0, 2).join(' ')}\``).join(', ')}).

### Nothing to publish, step by step

${r.steps.unchanged}

## Running it

\`\`\`sh
npm run bench                                                   # the numbers above (about two minutes)
BENCH_RUNS=2 BENCH_FILES=2000 BENCH_COMMITS=200 npm run bench   # a quick look; leaves this file alone
\`\`\`

Variables: \`BENCH_RUNS\` (${DEFAULTS.runs}), \`BENCH_FILES\` (${DEFAULTS.files}), \`BENCH_COMMITS\` (${DEFAULTS.commits}),
\`BENCH_FILE_BYTES\` (average file size, ${DEFAULTS.fileBytes}), \`BENCH_TAGS\` (${DEFAULTS.tags}), \`BENCH_WARMUP\` (${DEFAULTS.warmup}),
\`BENCH_TMPDIR\` (where work trees go; default \`/dev/shm\` when it has 1 GiB free);
\`BENCH_WRITE_DOCS=1\` writes this file from a run with other values, \`0\` never writes it.
Work trees are on tmpfs because creating files on this VM's ext4 disk takes anywhere from 0.02 to
0.7 ms each from one minute to the next, which for 20,000 files would drown what is measured.
The benchmark measures \`dist/\` as it is: run \`npm run bundle\` first to measure changes in \`src/\`.
`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
