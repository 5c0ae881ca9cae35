// Runs the main and post steps from src/ through @github/local-action, GitHub's runner for an
// action's TypeScript, against the GitHub emulator: `npm run local-action`. It runs in the
// network namespace of scripts/in-netns.mjs, where github.com and api.github.com are the
// emulator, with real git and gh. local-action takes the inputs from a dotenv file of INPUT_*
// values (every input of action.yml, at its default unless set below); it calls the `run()`
// that src/main.ts and src/post.ts export, with @actions/core stubbed.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { emulatorEnv, startEmulator } from '../test-support/emulator/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPO = 'octo-org/local-action';
// An installation token, as the emulator registers it; the run's only secret.
const TOKEN = `ghs_${'L'.repeat(36)}`;

const emulator = await startEmulator();
let failed = false;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-action-'));
try {
  emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null });
  emulator.createRepo(REPO, { files: { 'README.md': '# Local action\n' } });
  const dirs = { runnerTemp: path.join(dir, 'runner-temp'), workspace: path.join(dir, 'workspace') };
  for (const folder of Object.values(dirs)) fs.mkdirSync(folder, { recursive: true });

  /** @type {Record<string, string>} */
  const inputs = {};
  const declared = YAML.parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')).inputs ?? {};
  for (const [name, spec] of Object.entries(declared)) inputs[name] = String(spec.default ?? '');
  Object.assign(inputs, { repo: REPO, run: 'date -u > hello.txt', title: 'Hello from local-action' });
  const lines = Object.entries(inputs).map(
    ([name, value]) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}=${JSON.stringify(value)}`
  );
  lines.push(
    `GITHUB_TOKEN=${TOKEN}`,
    `RUNNER_TEMP=${dirs.runnerTemp}`,
    `GITHUB_WORKSPACE=${dirs.workspace}`,
    'GITHUB_SERVER_URL=https://github.com',
    'GITHUB_API_URL=https://api.github.com',
    `GITHUB_REPOSITORY=${REPO}`
  );
  const envFile = path.join(dir, '.env');
  fs.writeFileSync(envFile, lines.join('\n') + '\n', { mode: 0o600 });

  // Asynchronously: the emulator answers from this process's event loop.
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js'),
      root,
      'src/main.ts',
      envFile,
      '--post',
      'src/post.ts'
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...emulatorEnv(emulator), HOME: path.join(dir, 'home') }
    }
  );
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  const pulls = emulator.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls'));
  failed = status !== 0 || pulls.length !== 1;
  console.log(
    failed
      ? `local-action: exit ${status}, ${pulls.length} pull request(s) opened; expected exit 0 and one.`
      : 'local-action: main and post ran; the pull request was opened on the emulator.'
  );
} finally {
  await emulator.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
