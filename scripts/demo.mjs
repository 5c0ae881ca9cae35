// `npm run demo`: the action end to end on this machine, no account and no network. Builds
// dist/ if it is missing or older than src/, starts the GitHub emulator with a sample
// repository, runs the action (main + post) as the runner would, twice, and prints what it
// published and the job summary. The second run is a new workflow run (its own GITHUB_RUN_ID) with
// nothing new: it ends `unchanged` with no API write. Run through scripts/in-netns.mjs (npm does that).
//   npm run demo                     a pull request from the sample script's changes
//   npm run demo -- --mode push      the same changes pushed straight onto main
//   npm run demo -- --outbox DIR     the patches in DIR (from `git format-patch`) as a pull request
//   npm run demo -- --outbox         the same with two sample patches by different authors
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { emulatorEnv, startEmulator } from '../test-support/emulator/index.js';
import { projectRoot, runAction } from '../test-support/run-action.js';

const args = process.argv.slice(2);
/** @param {string} name */
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const mode = option('--mode') ?? 'pull-request';
const outbox = args.includes('--outbox') ? (option('--outbox') ?? 'sample') : undefined;

/** @param {string} dir @returns {number} */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const bundle = path.join(projectRoot, 'dist', 'index.js');
if (!fs.existsSync(bundle) || fs.statSync(bundle).mtimeMs < newestMtime(path.join(projectRoot, 'src'))) {
  console.log('Building dist/ ...');
  execFileSync(process.execPath, [path.join(projectRoot, 'scripts', 'bundle.mjs')], { stdio: 'inherit' });
}

const emulator = await startEmulator();
Object.assign(process.env, emulatorEnv(emulator));
const token = 'ghs_demoInstallationToken000000000000';
emulator.addToken(token, { login: 'outbox-demo[bot]', scopes: null });
const repo = 'octo-org/hello-outbox';
emulator.createRepo(repo, {
  files: {
    'README.md': '# hello-outbox\n\nA sample repository for the outbox-publisher demo.\n',
    'scripts/regenerate.sh':
      '#!/usr/bin/env bash\nset -euo pipefail\nmkdir -p generated\nfor n in 1 2 3; do echo "item $n" > "generated/item-$n.txt"; done\nls generated > generated/INDEX\n',
    'generated/stale.txt': 'to be removed\n'
  }
});

/** Two patches by two authors against the sample repository, as an untrusted job would upload them. */
function samplePatches() {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-demo-patches-'));
  /** @param {string[]} args @param {Record<string, string>} [env] */
  const git = (args, env = {}) =>
    execFileSync('git', args, { cwd: work, env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', ...env } });
  execFileSync('git', ['clone', '-q', `file://${emulator.repo(repo).bareDir}`, work]);
  /** @param {string} name */
  const as = (name) => ({
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: `${name.toLowerCase()}@example.com`,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: `${name.toLowerCase()}@example.com`
  });
  fs.writeFileSync(path.join(work, 'CONTRIBUTORS'), 'Alice\n');
  git(['add', '.']);
  git(['commit', '-q', '-m', 'Add a contributors file'], as('Alice'));
  fs.appendFileSync(path.join(work, 'README.md'), '\nSee CONTRIBUTORS.\n');
  git(['commit', '-q', '-am', 'Point the README at the contributors'], as('Bob'));
  const dir = path.join(work, 'outbox');
  git(['format-patch', '-q', '-2', '-o', dir]);
  return dir;
}
const outboxDir = outbox === 'sample' ? samplePatches() : outbox;

/** @type {Record<string, string>} */
const inputs = {
  repo,
  'target-branch': 'main',
  mode,
  title: outbox ? 'Publish the outbox' : 'Regenerate files',
  labels: 'automation'
};
if (outbox) inputs.outbox = 'outbox';
else inputs.run = 'rm -f generated/stale.txt\nbash ./scripts/regenerate.sh';

/** Each run gets its own runner folders, like a new job; the outbox is placed in its workspace. */
function freshRoot() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-demo-'));
  if (outboxDir)
    fs.cpSync(path.resolve(outboxDir), path.join(root, 'workspace', 'outbox'), { recursive: true });
  return root;
}

/** @param {string} title @param {Awaited<ReturnType<typeof runAction>>} result */
function show(title, result) {
  console.log(`\n=== ${title} ===`);
  console.log(result.main.log.trim());
  console.log('\n--- outputs ---');
  for (const [name, value] of Object.entries(result.outputs)) console.log(`${name}: ${value}`);
  console.log(`--- post step (exit ${result.post?.code}) ---`);
  console.log(result.post?.log.trim());
}

/** The action's API requests since `since` (gh's login makes its own, with its own user agent), and the writes among them. */
/** @param {number} since */
function apiCalls(since) {
  const calls = emulator.requests
    .slice(since)
    .filter(
      (r) =>
        (r.kind === 'rest' || r.kind === 'graphql') &&
        !String(r.headers['user-agent'] ?? '').startsWith('GitHub CLI')
    );
  const writes = calls.filter((r) =>
    r.kind === 'rest' ? r.method !== 'GET' : r.operationType === 'mutation'
  );
  return { calls, writes };
}

const first = await runAction({ token, inputs, root: freshRoot() });
show(
  mode === 'push'
    ? `First run (run id ${first.env.GITHUB_RUN_ID}): pushes onto main`
    : `First run (run id ${first.env.GITHUB_RUN_ID}): opens the pull request`,
  first
);
const mark = emulator.requests.length;
const events = emulator.events.length;
// A new workflow run, as GitHub starts one: its own GITHUB_RUN_ID (runAction gives each run one).
const second = await runAction({ token, inputs, root: freshRoot() });
show(`Second run (run id ${second.env.GITHUB_RUN_ID}) with the same input: nothing new to publish`, second);
const { calls, writes } = apiCalls(mark);
console.log(
  `\n--- second run's API requests: ${calls.length} (${calls.map((r) => `${r.method} ${r.path}`).join(', ') || 'none'}); writes: ${writes.length}; pull_request events: ${emulator.events.length - events} ---`
);

if (mode === 'push') {
  console.log('\n=== main in the emulator ===');
  console.log(emulator.git(repo, ['log', '--format=%h %an: %s', '-5', 'main']));
} else {
  console.log('\n=== The pull request in the emulator ===');
  const pr = emulator.pulls[0];
  if (pr) {
    console.log(
      `#${pr.number} ${pr.title}  (${pr.head.ref} -> ${pr.base.ref}, ${pr.state}${pr.draft ? ', draft' : ''})`
    );
    console.log(`url: ${pr.html_url}`);
    console.log(`labels: ${pr.labels.map((/** @type {{ name: string }} */ l) => l.name).join(', ')}`);
    console.log(emulator.git(repo, ['log', '--format=%h %an: %s', `main..${pr.head.ref}`]));
    console.log(emulator.git(repo, ['diff', '--stat', 'main', pr.head.ref]));
  } else {
    console.log('(none: see the log above)');
  }
}
console.log('\n=== Job summary of the first run (GITHUB_STEP_SUMMARY) ===');
console.log(first.summary.trim());
await emulator.close();
const quiet =
  writes.length === 0 && (mode === 'push' || second.outputs['pull-request-operation'] === 'unchanged');
process.exit(first.main.code === 0 && second.main.code === 0 && quiet ? 0 : 1);
