#!/usr/bin/env node
// Runs the jest suites in parallel lanes: the unit tests in one, the end-to-end tests split into
// shards (`jest --shard i/n`), each shard in a network namespace of its own (scripts/in-netns.mjs),
// where its emulator can own 127.0.0.1:443 without meeting another shard's.
//
//   node scripts/test.mjs [unit|e2e|all] [extra jest args...]
//
// Lanes: OUTBOX_TEST_SHARDS e2e shards (default: the number of CPUs, at least 2). Each lane's
// output is printed whole when it ends, so lanes never interleave; the exit code is the first
// failing lane's (0 when all pass).
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const jest = [
  process.execPath,
  '--experimental-vm-modules',
  path.join(root, 'node_modules', 'jest', 'bin', 'jest.js')
];
const inNetns = [process.execPath, path.join(root, 'scripts', 'in-netns.mjs')];

const [which = 'all', ...extra] = process.argv.slice(2);
if (!['unit', 'e2e', 'all'].includes(which)) {
  process.stderr.write('usage: node scripts/test.mjs [unit|e2e|all] [jest args...]\n');
  process.exit(2);
}
const shards = Math.max(1, Number(process.env.OUTBOX_TEST_SHARDS) || Math.max(2, os.availableParallelism()));

/** @type {Array<{ name: string, argv: string[] }>} */
const lanes = [];
if (which !== 'e2e') lanes.push({ name: 'unit', argv: [...jest, '__tests__/unit', ...extra] });
if (which !== 'unit') {
  for (let i = 1; i <= shards; i++) {
    lanes.push({
      name: `e2e ${i}/${shards}`,
      argv: [...inNetns, ...jest, '__tests__/e2e', `--shard=${i}/${shards}`, ...extra]
    });
  }
}

/**
 * @param {{ name: string, argv: string[] }} lane
 * @returns {Promise<{ name: string, code: number, output: string, seconds: number }>}
 */
function runLane(lane) {
  const started = Date.now();
  return new Promise((resolve) => {
    const [file, ...args] = lane.argv;
    const child = spawn(file, args, {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0' },
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
      resolve({ name: lane.name, code: code ?? (signal ? 128 : 1), output, seconds });
    });
  });
}

const results = await Promise.all(
  lanes.map((lane) =>
    runLane(lane).then((result) => {
      process.stdout.write(
        `\n===== ${result.name}: exit ${result.code} in ${result.seconds.toFixed(0)} s =====\n${result.output}`
      );
      return result;
    })
  )
);

let passed = 0;
let failed = 0;
for (const { output } of results) {
  const counts = /^Tests:\s+(?:(\d+) failed, )?(?:\d+ skipped, )?(?:(\d+) passed, )?\d+ total/m.exec(output);
  if (counts) {
    failed += Number(counts[1] ?? 0);
    passed += Number(counts[2] ?? 0);
  }
}
const failing = results.find((result) => result.code !== 0);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failing ? failing.code : 0);
