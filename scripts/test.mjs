#!/usr/bin/env node
// Runs the checks and the jest suites in parallel lanes. The end-to-end files are dealt out to
// shards by their expected duration (longest first, each to the shard with the least so far), and
// each shard runs in a network namespace of its own (scripts/in-netns.mjs), where its emulator can
// own 127.0.0.1:443 without meeting another shard's. `jest --shard` splits by a hash of the path,
// which leaves one shard with most of the slow files.
//
//   node scripts/test.mjs [unit|e2e|checks|all] [extra jest args...]
//
// checks: typecheck and ESLint (one lane, scripts/typecheck-lint.mjs), Prettier, knip and the
// dist/ check; `all` runs them with the unit and e2e lanes. OUTBOX_TEST_SHARDS sets the number of
// e2e shards (default: the number of CPUs plus one, at least 3: the action runs mostly wait on
// git, gh and the emulator). An e2e file not in E2E_SECONDS or the recorded timings weighs the
// median. In `all` the unit lane and the checks but the longest run niced (OUTBOX_TEST_NICE,
// default 10; 0 = not niced) beside the e2e shards. Each lane's output is printed whole when it
// ends, so lanes never interleave; the exit code is the first failing lane's (0 when all pass).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** @param {string} name */
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const jest = [
  process.execPath,
  '--experimental-vm-modules',
  path.join(root, 'node_modules', 'jest', 'bin', 'jest.js')
];
const inNetns = [process.execPath, path.join(root, 'scripts', 'in-netns.mjs')];

/**
 * Seconds each e2e file took in a full `npm test` beside the other lanes (session 6, 2 CPUs), as
 * weights for dealing files to shards; only the ratios matter. Each run of this script records the
 * seconds it measured in node_modules/.cache/outbox-publisher/e2e-seconds.json, which take
 * precedence from then on; a file found in neither weighs the median.
 * @type {Record<string, number>}
 */
const E2E_SECONDS = {
  'action.test.ts': 25.8,
  'bad-input.test.ts': 2.4,
  'branch-history.test.ts': 42.1,
  'commit-shaping.test.ts': 16,
  'converge.test.ts': 25.9,
  'emulator-faults.test.ts': 21.7,
  'emulator-forks.test.ts': 2.4,
  'emulator-lfs.test.ts': 1,
  'emulator-pull-requests.test.ts': 15.5,
  'emulator.test.ts': 30.5,
  'existing-clone.test.ts': 14.8,
  'faults.test.ts': 19.6,
  'gh-versions.test.ts': 22,
  'hardening.test.ts': 24.4,
  'lfs.test.ts': 31.4,
  'local-git.test.ts': 3.6,
  'openapi.test.ts': 3.9,
  'publishing.test.ts': 35.2,
  'push-rules.test.ts': 30.3,
  'push-to-fork.test.ts': 9.5,
  'sessions.test.ts': 48,
  'signed.test.ts': 17.4,
  'token-argv.test.ts': 10.8,
  'untrusted.test.ts': 25.3
};
const timingsFile = path.join(root, 'node_modules', '.cache', 'outbox-publisher', 'e2e-seconds.json');

/** @returns {Record<string, number>} */
function readTimings() {
  try {
    return { ...E2E_SECONDS, ...JSON.parse(fs.readFileSync(timingsFile, 'utf8')) };
  } catch {
    return { ...E2E_SECONDS };
  }
}

/**
 * Records the seconds each e2e file took, from the lanes' `jest --json` reports.
 * @param {string[]} reports
 */
function recordTimings(reports) {
  /** @type {Record<string, number>} */
  const measured = {};
  // A run narrowed by jest arguments (-t, --bail, ...) measures something else.
  if (extra.length > 0) return measured;
  for (const report of reports) {
    try {
      for (const suite of JSON.parse(fs.readFileSync(report, 'utf8')).testResults ?? []) {
        // Skipped files took no time, and a failure's timeouts are not its usual duration.
        if (suite.status !== 'passed') continue;
        measured[path.basename(suite.name)] = Math.round((suite.endTime - suite.startTime) / 100) / 10;
      }
    } catch {
      // a lane that died before writing its report: keep the old weights
    }
  }
  if (Object.keys(measured).length === 0) return measured;
  let known = {};
  try {
    known = JSON.parse(fs.readFileSync(timingsFile, 'utf8'));
  } catch {
    // first run
  }
  fs.mkdirSync(path.dirname(timingsFile), { recursive: true });
  fs.writeFileSync(timingsFile, JSON.stringify({ ...known, ...measured }, null, 2) + '\n');
  return measured;
}

const [which = 'all', ...extra] = process.argv.slice(2);
if (!['unit', 'e2e', 'checks', 'all'].includes(which)) {
  process.stderr.write('usage: node scripts/test.mjs [unit|e2e|checks|all] [jest args...]\n');
  process.exit(2);
}
const shards = Math.max(
  1,
  Number(process.env.OUTBOX_TEST_SHARDS) || Math.max(3, os.availableParallelism() + 1)
);

/**
 * The e2e files dealt to `count` shards, longest first, each to the lightest shard so far.
 * @param {number} count
 * @returns {string[][]}
 */
function dealE2eFiles(count) {
  const dir = path.join(root, '__tests__', 'e2e');
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.test.ts'));
  const seconds = readTimings();
  const known = Object.values(seconds).sort((a, b) => a - b);
  const median = known[Math.floor(known.length / 2)] ?? 1;
  /** @param {string} name */
  const weight = (name) => seconds[name] ?? median;
  /** @type {Array<{ seconds: number, files: string[] }>} */
  const bins = Array.from({ length: Math.min(count, files.length) }, () => ({ seconds: 0, files: [] }));
  for (const name of files.sort((a, b) => weight(b) - weight(a) || a.localeCompare(b))) {
    const lightest = bins.reduce((min, bin) => (bin.seconds < min.seconds ? bin : min));
    lightest.seconds += weight(name);
    lightest.files.push(path.join('__tests__', 'e2e', name));
  }
  return bins.map((bin) => bin.files);
}

/**
 * A check lane's node: V8's background threads (4 by default) sized to the CPUs instead, for the
 * lanes that compile and collect the most. They spent about 10% less CPU time here (2 CPUs) and
 * ended sooner; the jest lanes measured the same either way.
 * @param {string[]} args the script and its arguments
 */
const checkNode = (...args) => [process.execPath, '--v8-pool-size=0', ...args];

/** @type {Array<{ name: string, argv: string[], longest?: boolean }>} */
const lanes = [];
if (which === 'checks' || which === 'all') {
  lanes.push(
    // One TypeScript program for both: building the type checker is most of what each costs.
    // The longest check (about 40 CPU-s in one thread) is not niced: niced, it was still running
    // alone 10-15 s after the last e2e shard ended.
    {
      name: 'typecheck + eslint',
      argv: checkNode(path.join(root, 'scripts', 'typecheck-lint.mjs')),
      longest: true
    },
    // Cached by content: an unchanged file is not formatted again. The cache has a place of its
    // own because a Prettier run without --cache (prettier --write FILE) deletes the default one.
    {
      name: 'prettier',
      argv: checkNode(
        path.join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
        '--check',
        '--cache',
        '--cache-strategy',
        'content',
        '--cache-location',
        path.join(root, 'node_modules', '.cache', 'outbox-publisher', 'prettier-cache.json'),
        '.'
      )
    },
    { name: 'knip', argv: [bin('knip')] },
    {
      name: 'dist check',
      argv: checkNode(path.join(root, 'scripts', 'bundle.mjs'), '--check')
    }
  );
}
if (which === 'unit' || which === 'all') {
  lanes.push({ name: 'unit', argv: [...jest, '__tests__/unit', ...extra] });
}
/** @type {string[]} */
const reports = [];
/** @type {Record<string, string>} */
const e2eEnv = {};
if (which === 'e2e' || which === 'all') {
  const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-test-reports-'));
  process.on('exit', () => fs.rmSync(reportDir, { recursive: true, force: true }));
  // One test CA for the run (test-support/ca.ts): the first emulator makes it, the others copy it.
  e2eEnv.OUTBOX_TEST_CA_DIR = path.join(reportDir, 'ca');
  const dealt = dealE2eFiles(shards);
  dealt.forEach((files, i) => {
    const report = path.join(reportDir, `e2e-${i + 1}.json`);
    reports.push(report);
    lanes.push({
      name: `e2e ${i + 1}/${dealt.length}`,
      argv: [...inNetns, ...jest, '--json', `--outputFile=${report}`, '--runTestsByPath', ...files, ...extra]
    });
  });
}

// Where GNU time is installed, each lane runs under it and reports its CPU time (user + system,
// its processes and all they waited for): the machine is shared, so CPU time is the measure that
// does not depend on what else runs. The line it prints is taken out of the lane's output.
const gnuTime = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const CPU_LINE = /^outbox-lane-cpu ([\d.]+) ([\d.]+)\n?/m;

// In `all`, the checks and the unit lane only need to end before the e2e shards, which are the
// longest path and mostly wait on git, gh and the emulator, with timeouts: the checks (but the
// longest, typecheck + eslint) run niced (OUTBOX_TEST_NICE, default 10; 0 turns it off), so they
// take the CPU the shards leave idle instead of starving a shard at the start. /usr/bin/nice sets
// it before the lane's first thread.
const niceness = which === 'all' ? Number(process.env.OUTBOX_TEST_NICE ?? 10) : 0;
const nice = niceness > 0 && fs.existsSync('/usr/bin/nice') ? ['/usr/bin/nice', '-n', String(niceness)] : [];

/**
 * @param {{ name: string, argv: string[], longest?: boolean }} lane
 * @returns {Promise<{ name: string, code: number, output: string, seconds: number, cpu?: number }>}
 */
function runLane(lane) {
  const started = Date.now();
  return new Promise((resolve) => {
    const command = lane.name.startsWith('e2e') || lane.longest ? lane.argv : [...nice, ...lane.argv];
    const argv = gnuTime ? [gnuTime, '-f', 'outbox-lane-cpu %U %S', ...command] : command;
    const [file, ...args] = argv;
    const child = spawn(file, args, {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', ...(lane.name.startsWith('e2e') ? e2eEnv : {}) },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) =>
      resolve({ name: lane.name, code: 127, output: `${output}\n${error.message}\n`, seconds: 0 })
    );
    child.on('close', (code, signal) => {
      const seconds = (Date.now() - started) / 1000;
      const cpu = CPU_LINE.exec(output);
      resolve({
        name: lane.name,
        code: code ?? (signal ? 128 : 1),
        output: output.replace(CPU_LINE, ''),
        seconds,
        ...(cpu ? { cpu: Number(cpu[1]) + Number(cpu[2]) } : {})
      });
    });
  });
}

/** @param {{ cpu?: number }} result */
const cpuText = (result) => (result.cpu === undefined ? '' : ` (${result.cpu.toFixed(0)} CPU-s)`);

const started = Date.now();
const results = await Promise.all(
  lanes.map((lane) =>
    runLane(lane).then((result) => {
      process.stdout.write(
        `\n===== ${result.name}: exit ${result.code} in ${result.seconds.toFixed(0)} s${cpuText(result)} =====\n${result.output}`
      );
      return result;
    })
  )
);

const slowest = Object.entries(recordTimings(reports))
  .sort((a, b) => b[1] - a[1])
  .slice(0, 6)
  .map(([name, seconds]) => `${name} ${seconds.toFixed(0)} s`);
if (slowest.length > 0) process.stdout.write(`\nslowest e2e files: ${slowest.join(', ')}\n`);

let passed = 0;
let failed = 0;
for (const { output } of results) {
  const counts = /^Tests:\s+(?:(\d+) failed, )?(?:\d+ skipped, )?(?:(\d+) passed, )?\d+ total/m.exec(output);
  if (counts) {
    failed += Number(counts[1] ?? 0);
    passed += Number(counts[2] ?? 0);
  }
}
const failing = results.filter((result) => result.code !== 0);
process.stdout.write(
  `\n${passed} passed, ${failed} failed; lanes: ${results
    .map((r) => `${r.name} ${r.seconds.toFixed(0)} s${cpuText(r)}${r.code === 0 ? '' : ' (FAILED)'}`)
    .join(', ')}; ${((Date.now() - started) / 1000).toFixed(0)} s in all${
    results.every((r) => r.cpu !== undefined)
      ? `, ${results.reduce((sum, r) => sum + (r.cpu ?? 0), 0).toFixed(0)} CPU-s`
      : ''
  }, load ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}\n`
);
process.exit(failing.length > 0 ? failing[0].code : 0);
