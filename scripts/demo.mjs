// `npm run demo`: the action end to end on this machine, no account and no network. Builds
// dist/ if it is missing or older than src/, starts the GitHub emulator with a sample
// repository, runs the action (main + post) as the runner would, twice, and prints the pull
// request it opened and the job summary. Run through scripts/in-netns.mjs (npm does that).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { emulatorEnv, startEmulator } from '../test-support/emulator.mjs';
import { projectRoot, runAction } from '../test-support/run-action.mjs';

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
    'scripts/regenerate.sh': '#!/usr/bin/env bash\nset -euo pipefail\nmkdir -p generated\nfor n in 1 2 3; do echo "item $n" > "generated/item-$n.txt"; done\necho "Generated $(ls generated | wc -l) files" >> README.md\n',
    'generated/stale.txt': 'to be removed\n'
  }
});
const inputs = { repo, 'target-branch': 'main', run: 'rm -f generated/stale.txt\nbash ./scripts/regenerate.sh', title: 'Regenerate files', labels: 'automation' };

function show(title, result) {
  console.log(`\n=== ${title} ===`);
  console.log(result.main.log.trim());
  console.log(`\n--- outputs ---`);
  for (const [name, value] of Object.entries(result.outputs)) console.log(`${name}: ${value}`);
  console.log(`--- post step (exit ${result.post?.code}) ---`);
  console.log(result.post?.log.trim());
}

const first = await runAction({ token, inputs });
show('First run: opens the pull request', first);
const second = await runAction({ token, inputs });
show('Second run, same change: nothing to push', second);

const pr = emulator.pulls[0];
console.log('\n=== The pull request in the emulator ===');
if (pr) {
  console.log(`#${pr.number} ${pr.title}  (${pr.head.ref} -> ${pr.base.ref}, ${pr.state}${pr.draft ? ', draft' : ''})`);
  console.log(`url: ${pr.html_url}`);
  console.log(`labels: ${pr.labels.map((l) => l.name).join(', ')}`);
  console.log(emulator.git(repo, ['diff', '--stat', 'main', pr.head.ref]));
} else {
  console.log('(none: the action failed, see the log above)');
}
console.log('\n=== Job summary (GITHUB_STEP_SUMMARY) ===');
console.log(first.summary.trim());
await emulator.close();
process.exit(first.main.code === 0 && second.main.code === 0 && pr ? 0 : 1);
