/**
 * Authentication, cleanup and the machine's own gh login, with the machine's gh (Debian's 2.23,
 * no keyring code) and with gh 2.46, whose `auth login` deletes the host's active keyring entry
 * even with --insecure-storage and whose `auth logout` deletes the user's. The keyring is a real
 * Secret Service: gnome-keyring on a D-Bus session bus of the test's own (a socket file, so it
 * would be reachable from any network namespace), unlocked with a test password.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findNewerGh } from '../../test-support/newer-gh.js';
import { runAction } from '../../test-support/run-action.js';
import {
  expectFailure,
  expectNoLeftovers,
  expectSuccess,
  newRepo,
  publish,
  pushesTo,
  useEmulator,
  type Emulator
} from './support.js';

const TOKENS = {
  installation: 'ghs_e2eGhVersionsInstallation00000001',
  classicSeedScopes: 'ghp_e2eGhVersionsClassicSeed000000002',
  machine: 'ghp_e2eMachineOwnLogin000000000000003'
};
const suite = useEmulator((emulator) => {
  emulator.addToken(TOKENS.installation, { login: 'outbox-app[bot]', scopes: null });
  emulator.addToken(TOKENS.classicSeedScopes, { login: 'octo-bot', scopes: 'repo, user:email' });
  emulator.addToken(TOKENS.machine, { login: 'machine-user', scopes: 'repo, read:org, gist' });
});
const em = (): Emulator => suite.emulator;

const newer = findNewerGh();
if (!newer.gh) console.warn(`Skipping the gh 2.46 cases: ${newer.why}`);
const VERSIONS: Array<[string, string, Record<string, string>]> = [
  ['the machine gh', '2.23', {}],
  ...(newer.gh
    ? [
        ['gh 2.46', '2.46', { PATH: `${path.dirname(newer.gh)}${path.delimiter}${process.env.PATH}` }] as [
          string,
          string,
          Record<string, string>
        ]
      ]
    : [])
];

/** A D-Bus session bus on a socket file with an unlocked gnome-keyring on it: the machine's keyring. */
interface Keyring {
  env: Record<string, string>;
  home: string;
  stop: () => Promise<void>;
}

async function startKeyring(home: string): Promise<Keyring> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-keyring-'));
  const runtime = path.join(dir, 'run');
  fs.mkdirSync(runtime, { mode: 0o700 });
  const socket = path.join(dir, 'bus');
  const env = { HOME: home, XDG_RUNTIME_DIR: runtime, DBUS_SESSION_BUS_ADDRESS: `unix:path=${socket}` };
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        const ended = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 3000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
    }
  };
  const waitFor = async (what: string, ready: () => boolean) => {
    for (let i = 0; !ready(); i++) {
      if (i > 100) throw new Error(`${what} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  try {
    const childEnv = { ...process.env, ...env };
    children.push(
      spawn('dbus-daemon', ['--session', `--address=unix:path=${socket}`, '--nofork', '--nopidfile'], {
        env: childEnv,
        stdio: 'ignore'
      })
    );
    await waitFor('dbus-daemon', () => fs.existsSync(socket));
    // The daemon that holds the unlocked login keyring must own the bus name before anything asks
    // for it: otherwise the bus starts a second, locked one. It says so by making its control socket.
    const keyring = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
      env: childEnv,
      stdio: ['pipe', 'ignore', 'ignore']
    });
    children.push(keyring);
    keyring.stdin.end('test-password');
    await waitFor('gnome-keyring-daemon', () => fs.existsSync(path.join(runtime, 'keyring', 'control')));
    await waitFor('the Secret Service', () => {
      try {
        execFileSync('secret-tool', ['store', '--label=probe', 'outbox-test', 'probe'], {
          env: childEnv,
          input: 'probe',
          stdio: ['pipe', 'ignore', 'ignore']
        });
        return true;
      } catch {
        return false;
      }
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { env, home, stop };
}

/** Every Secret Service item gh could have written for github.com, with its secret, and the keyring files' bytes. */
function keyringSnapshot(keyring: Keyring): { items: string; files: Record<string, string> } {
  let items = '';
  try {
    items = execFileSync('secret-tool', ['search', '--all', '--unlock', 'service', 'gh:github.com'], {
      env: { ...process.env, ...keyring.env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    });
  } catch (error) {
    // secret-tool exits 1 when nothing matches.
    items = `(none: ${(error as { status?: number }).status})`;
  }
  const folder = path.join(keyring.home, '.local', 'share', 'keyrings');
  const files = Object.fromEntries(
    fs.readdirSync(folder).map((name) => [name, fs.readFileSync(path.join(folder, name)).toString('base64')])
  );
  return { items, files };
}

/** The machine's gh, run asynchronously: the emulator answering it lives in this process. */
function gh(args: string[], env: Record<string, string>, input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('gh', args, {
      env: { ...process.env, GH_PROMPT_DISABLED: '1', GH_NO_UPDATE_NOTIFIER: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`gh ${args.join(' ')} exited with ${code}: ${stderr}`))
    );
    child.stdin.end(input);
  });
}

/** The `run` script's gh, and its git through gh as the credential helper the action wrote for it. */
const GH_AND_GIT = 'gh api user --jq .login > who.txt\ngit ls-remote origin main > remote.txt';
function expectGitThroughGh(repo: string): void {
  expect(em().readTree(repo, 'outbox/main')['remote.txt']).toBe(
    `${em().branchSha(repo, 'main')}\trefs/heads/main\n`
  );
}

describe.each(VERSIONS)('with %s (%s)', (_label, version, ghEnv) => {
  test('a classic token without read:org goes through GH_TOKEN', async () => {
    const repo = newRepo(em(), 'ghv-env');
    const result = await publish({
      token: TOKENS.classicSeedScopes,
      env: ghEnv,
      inputs: { repo, run: GH_AND_GIT }
    });
    expectSuccess(result);
    expect(result.main.log).toContain(`Using gh ${version}.`);
    expect(result.main.log).toContain("through GH_TOKEN in the sandbox's environment");
    expectGitThroughGh(repo);
    expect(result.main.log).not.toMatch(/\[command\]gh auth (login|logout)/);
    expect(result.outputs['pull-request-operation']).toBe('created');
    expect(em().readTree(repo, 'outbox/main')['who.txt']).toBe('octo-bot\n');
  });

  test('a main step killed after the login: the post step deletes the sandbox folder', async () => {
    const repo = newRepo(em(), 'ghv-killed');
    const result = await publish({
      token: TOKENS.installation,
      env: ghEnv,
      inputs: { repo, run: 'sleep 30' },
      killMainAfterLine: /Authenticated gh for github\.com/
    });
    expect(result.main.signal).toBe('SIGTERM');
    expect(result.state['sandbox-dir']).toMatch(/outbox-publisher-auth-/);
    expect(result.post?.log).toContain('Removed the sandbox');
    expect(result.post?.log).not.toContain('gh auth logout');
    expect(fs.existsSync(result.state['sandbox-dir'])).toBe(false);
    expect(em().branchSha(repo, 'outbox/main')).toBeNull();
  });

  test('a main step that fails before git is done (a failing run script): the post step deletes the sandbox folder', async () => {
    const repo = newRepo(em(), 'ghv-failed');
    // A line that fails in the middle: the script stops there (bash -e), the step fails, nothing is pushed.
    const result = await publish({
      token: TOKENS.installation,
      env: ghEnv,
      inputs: { repo, run: 'echo partial > x.txt\nfalse\necho never' }
    });
    expectFailure(result, /run' script failed/);
    expect(pushesTo(em(), repo)).toBe(0);
    expect(result.state['sandbox-removed']).toBeUndefined();
    expect(result.post?.log).toContain('Removed the sandbox with gh and git credentials.');
    expect(`${result.main.log}${result.post?.log}`).not.toContain('gh auth logout');
    expect(fs.existsSync(result.state['sandbox-dir'])).toBe(false);
  });

  // One installation-token run, with the machine's own login in a real keyring beside it.
  test("an installation token logs gh in inside the sandbox; main deletes the sandbox folder, no gh auth logout; the machine's own gh login in the OS keyring is neither read nor written", async () => {
    const repo = newRepo(em(), 'ghv-keyring');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-keyring-run-'));
    const home = path.join(root, 'home');
    fs.mkdirSync(home, { recursive: true });
    const keyring = await startKeyring(home);
    try {
      // The machine's login, as its user makes it: in the keyring (gh 2.24+), config in ~/.config/gh.
      const machineEnv = { ...ghEnv, ...keyring.env };
      await gh(
        ['auth', 'login', '--with-token', '--hostname', 'github.com'],
        machineEnv,
        `${TOKENS.machine}\n`
      );
      expect((await gh(['auth', 'token', '--hostname', 'github.com'], machineEnv)).trim()).toBe(
        TOKENS.machine
      );
      const hostsFile = path.join(home, '.config', 'gh', 'hosts.yml');
      const hostsBefore = fs.readFileSync(hostsFile, 'utf8');
      const before = keyringSnapshot(keyring);
      if (version !== '2.23') {
        // gh 2.46 keeps the machine's token in the keyring (active slot and user slot), not in hosts.yml.
        expect(before.items).toContain(`secret = ${TOKENS.machine}`);
        expect(hostsBefore).not.toContain(TOKENS.machine);
      }

      // The job's environment carries the machine's bus (as a self-hosted runner's or a developer's would).
      const result = await runAction({
        token: TOKENS.installation,
        root,
        env: { ...ghEnv, ...keyring.env, HOME: home },
        inputs: { repo, run: GH_AND_GIT }
      });
      expectSuccess(result);
      expect(result.main.log).toContain(`Using gh ${version}.`);
      expect(result.main.log).toContain("with 'gh auth login --with-token'");
      expectGitThroughGh(repo);
      expect(result.main.log).not.toContain('gh auth logout');
      expect(result.main.log.indexOf('Removed the sandbox with gh and git credentials.')).toBeGreaterThan(
        result.main.log.indexOf("Pushed 'outbox/main'.")
      );
      expect(result.outputs['pull-request-operation']).toBe('created');
      expect(result.state['sandbox-removed']).toBe('true');
      // The post step finds nothing left: main removed the sandbox.
      expect(result.post?.log.trim()).toBe(
        'Nothing to clean up: the main step already removed the sandbox with gh and git credentials.'
      );
      expect(fs.existsSync(result.state['sandbox-dir'])).toBe(false);
      expect(em().readTree(repo, 'outbox/main')['who.txt']).toBe('outbox-app[bot]\n');

      expect(keyringSnapshot(keyring)).toEqual(before);
      expect(fs.readFileSync(hostsFile, 'utf8')).toBe(hostsBefore);
      expect((await gh(['auth', 'token', '--hostname', 'github.com'], machineEnv)).trim()).toBe(
        TOKENS.machine
      );
      expect(keyringSnapshot(keyring).items).not.toContain(TOKENS.installation);
      expectNoLeftovers(result, TOKENS.installation);
    } finally {
      await keyring.stop();
    }
  });
});
