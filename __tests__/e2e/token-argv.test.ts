/**
 * The token never in an argv (issue 10): while the built action publishes, a sampler process reads
 * `/proc/<pid>/cmdline` of every process every few milliseconds, and `/proc/<pid>/environ` of each
 * new process other than the runner's two `node` steps (which get GITHUB_TOKEN from the runner by
 * design), and reports every place a form of the token shows up. The last test is the control:
 * a `run` script that puts the token into a short-lived process's argv and environment must be caught,
 * so the check is not vacuous; each test also asserts that the sampler saw the short-lived
 * processes of a publish (the push, git's HTTPS helper, gh as git's credential helper).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tokenForms } from '../../test-support/leak-check.js';
import { runAction } from '../../test-support/run-action.js';
import { expectNoLeftovers, expectSuccess, newRepo, useEmulator, type Emulator } from './support.js';

const TOKEN = 'ghs_e2eTokenArgvSampler00000000000001';
const suite = useEmulator((emulator) => {
  emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null });
});
const em = (): Emulator => suite.emulator;

interface Sample {
  sweeps: number;
  ms: number;
  /** Every distinct command line seen (arguments joined by spaces, the token forms replaced). */
  commands: string[];
  /** One line per place a token form was found: `argv|environ of <pid> <command line>`. */
  hits: string[];
}

/**
 * The sampler runs in a process of its own with a synchronous loop: in this process it would
 * starve the emulator, which answers on this event loop. The token forms reach it on stdin (in its
 * argv it would find itself); it stops when `stop` exists and prints what it found as JSON.
 */
const SAMPLER = `
const fs = require('node:fs');
const [stop, formsJson] = require('node:fs').readFileSync(0, 'utf8').split('\\n');
const forms = JSON.parse(formsJson).map((f) => Buffer.from(f));
const pause = new Int32Array(new SharedArrayBuffer(4));
const buf = Buffer.alloc(1 << 20);
// open + read into one buffer: no fstat, no allocation per file (a sweep reads every process's).
const read = (file) => {
  const fd = fs.openSync(file, 'r');
  try {
    let n = 0;
    for (let r; (r = fs.readSync(fd, buf, n, buf.length - n)) > 0; ) n += r;
    return Buffer.from(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
};
const commands = new Set();
const environSeen = new Set();
const known = new Map(); // pid → command line, of every process seen
// pid → parent pid, read when the process was first seen: a chain is still known after a parent
// (git fetch under the action) has exited while its child (rev-list) is being looked at.
const parents = new Map();
const readParent = (p) => Number(fs.readFileSync('/proc/' + p + '/stat', 'utf8').replace(/^.*\\) /s, '').split(' ')[1]);
const parentOf = (p) => { if (parents.has(p)) return parents.get(p); try { return readParent(p); } catch { return undefined; } };
// gh takes the token from its environment by design when the action gives it GH_TOKEN (its
// setup-git, and any gh in 'env' mode), and its children inherit it: their environ is not searched.
const underGh = (pid) => {
  for (let p = pid, n = 0; p > 1 && n < 30; n++) {
    if (/^(\\/usr\\/bin\\/)?gh /.test(known.get(p) ?? '')) return true;
    const parent = parentOf(p);
    if (parent === undefined) return false;
    p = parent;
  }
  return false;
};
// The action's own fetches, pushes and ls-remotes send the token as an http.extraheader given in
// their environment (src/sandbox.ts authenticateGit): allowed for a git process whose parents,
// read up to the action's node, are git processes only. Anything under the run script's bash, or
// whose chain cannot be read to the action, is searched.
const commandOf = (p) => read('/proc/' + p + '/cmdline').toString('latin1').replace(/\\0+$/, '').replace(/\\0/g, ' ');
const GIT = /^(\\S*\\/)?git(-[a-z-]+)? /;
const actionsOwnGit = (pid) => {
  for (let p = pid, n = 0; p > 1 && n < 30; n++) {
    // The live command line first (a pid may have exec'd since it was seen); the last one seen
    // for a process that has exited.
    let line;
    try { line = commandOf(p); } catch { line = known.get(p); }
    if (line === undefined) return false;
    if (/dist\\/index\\.js/.test(line)) return n > 0;
    if (!GIT.test(line)) return false;
    const parent = parentOf(p);
    if (parent === undefined) return false;
    p = parent;
  }
  return false;
};
const hits = new Set();
const redact = (b) => { let s = b.toString('latin1'); for (const f of forms) s = s.split(f.toString('latin1')).join('<TOKEN>'); return s; };
const t0 = Date.now();
let sweeps = 0;
while (!fs.existsSync(stop)) {
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(pid) || Number(pid) === process.pid) continue;
    let argv;
    try { argv = read('/proc/' + pid + '/cmdline'); } catch { continue; }
    if (argv.length === 0) continue;
    const command = redact(argv).replace(/\\0+$/, '').replace(/\\0/g, ' ');
    commands.add(command);
    known.set(Number(pid), command);
    if (!parents.has(Number(pid))) { try { parents.set(Number(pid), readParent(pid)); } catch { continue; } }
    if (forms.some((f) => argv.includes(f))) hits.add('argv of ' + pid + ' ' + command);
    const key = pid + ' ' + command;
    if (environSeen.has(key) || /dist\\/(index|post)\\.js/.test(command) || underGh(Number(pid))) continue;
    environSeen.add(key);
    // Whose process it is, read before its environment: while it lives its parents do (git waits
    // for its children), and read after it they may be gone unseen.
    const own = actionsOwnGit(Number(pid));
    let environ;
    try { environ = read('/proc/' + pid + '/environ'); } catch { continue; }
    // A process that exec'd between the two reads (a child forked by jest, now the action with its
    // GITHUB_TOKEN) shows one program's command line and the next one's environment: sample it
    // again under its new command line on the next sweep.
    let argvAfter;
    try { argvAfter = read('/proc/' + pid + '/cmdline'); } catch { continue; }
    if (!argvAfter.equals(argv)) { environSeen.delete(key); continue; }
    if (forms.some((f) => environ.includes(f)) && !own) hits.add('environ of ' + pid + ' ' + command);
  }
  sweeps++;
  Atomics.wait(pause, 0, 0, 1);
}
process.stdout.write(JSON.stringify({ sweeps, ms: Date.now() - t0, commands: [...commands], hits: [...hits] }));
`;

/** Starts the sampler; `finish()` stops it and returns what it saw. */
async function startSampler(): Promise<{ finish: () => Promise<Sample> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'token-argv-'));
  const stop = path.join(dir, 'stop');
  const child = spawn(process.execPath, ['-e', SAMPLER], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  child.stdin.end(`${stop}\n${JSON.stringify(tokenForms(TOKEN).filter((f) => f.length >= 8))}\n`);
  // Let it finish a first sweep before the publish starts.
  await new Promise((resolve) => setTimeout(resolve, 200));
  return {
    finish: async () => {
      fs.writeFileSync(stop, '');
      const code = await closed;
      fs.rmSync(dir, { recursive: true, force: true });
      if (code !== 0) throw new Error(`sampler exited with ${code}: ${stderr}`);
      return JSON.parse(stdout) as Sample;
    }
  };
}

/**
 * The sampler was fast enough to see a publish's short-lived processes. gh as git's credential
 * helper runs only for git in the `run` script: the action's own fetch and push send the token
 * with their first request, so they never take the 401 that makes git ask gh (gitStatuses).
 */
function expectSawPublish(sample: Sample, repo: string, branch: string, runScriptUsedGit: boolean): void {
  const ours = commandsOf(sample, repo, branch);
  expect(sample.sweeps).toBeGreaterThan(20);
  expect(ours).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^(\S*\/)?git push --porcelain /),
      expect.stringMatching(/git-remote-https origin https:\/\/github\.com\/octo-org\//)
    ])
  );
  // Processes of other jobs on the machine show up too: only the run script's git asks gh here.
  if (runScriptUsedGit)
    expect(ours).toContainEqual(expect.stringMatching(/^(\S*\/)?gh auth git-credential (get|store)$/));
}

function commandsOf(sample: Sample, repo: string, branch: string): string[] {
  return sample.commands.filter(
    (c) => c.includes(`/${repo}.git`) || c.includes(`refs/heads/${branch}`) || / auth git-credential /.test(c)
  );
}

/**
 * A publish under the sampler, again (into a new repository) when the sampler missed its push: a
 * push of a small change lives some tens of milliseconds, which a sweep on a loaded machine can
 * miss. Every attempt must show no token; the caller asserts what the last one saw.
 */
async function sampledPublish(
  prefix: string,
  branch: string,
  publish: (repo: string) => Promise<Awaited<ReturnType<typeof runAction>>>
): Promise<{ repo: string; result: Awaited<ReturnType<typeof runAction>>; sample: Sample }> {
  for (let attempt = 1; ; attempt++) {
    const repo = newRepo(em(), prefix);
    const sampler = await startSampler();
    const result = await publish(repo);
    const sample = await sampler.finish();
    expectSuccess(result);
    expect(sample.hits).toEqual([]);
    const seen = commandsOf(sample, repo, branch).some((c) => /^(\S*\/)?git push --porcelain /.test(c));
    if (seen || attempt === 3) return { repo, result, sample };
  }
}

/** The statuses of the git HTTP requests made for `repo`: the action's own never take a 401. */
function gitStatuses(repo: string): number[] {
  return em()
    .requests.filter((r) => r.kind === 'git' && r.path.includes(`/${repo}.git/`))
    .map((r) => r.status);
}

function mail(file: string, n: number, of: number): string {
  return [
    'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001',
    'From: Dev Eloper <dev@example.com>',
    'Date: Mon, 2 Jan 2023 10:00:00 +0000',
    `Subject: [PATCH ${n}/${of}] Add ${file}`,
    '',
    '---',
    `diff --git a/${file} b/${file}`,
    'new file mode 100644',
    '--- /dev/null',
    `+++ b/${file}`,
    '@@ -0,0 +1 @@',
    `+line ${n}`,
    '-- ',
    '2.39.5',
    ''
  ].join('\n');
}

describe('the token in no argv while the action publishes', () => {
  it('a new pull request from a run script that uses git and gh', async () => {
    const { repo, result, sample } = await sampledPublish('argv-sampled-run', 'sampled/run', (repo) =>
      runAction({
        token: TOKEN,
        root: fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-argv-sampled-')),
        inputs: {
          repo,
          branch: 'sampled/run',
          run: [
            'git ls-remote origin > /dev/null',
            `gh api repos/${repo} --jq .full_name > repo-name.txt`,
            'echo hello > hello.txt'
          ].join('\n')
        }
      })
    );
    expect(result.outputs['pull-request-operation']).toBe('created');
    expectNoLeftovers(result, TOKEN);
    expect(sample.hits).toEqual([]);
    expectSawPublish(sample, repo, 'sampled/run', true);
    // One 401: the run script's `git ls-remote`, answered through gh's credential helper.
    expect(gitStatuses(repo).filter((s) => s === 401)).toHaveLength(1);
    // The run script ran while the sampler looked (its environment was searched too).
    expect(sample.commands.some((c) => c.includes('bash --noprofile --norc'))).toBe(true);
  });

  it('a new pull request from a 2-patch outbox', async () => {
    const { repo, result, sample } = await sampledPublish('argv-sampled-outbox', 'sampled/outbox', (repo) => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-argv-sampled-'));
      const outbox = path.join(root, 'workspace', 'outbox');
      fs.mkdirSync(outbox, { recursive: true });
      fs.writeFileSync(path.join(outbox, '0001-one.patch'), mail('data/one.txt', 1, 2));
      fs.writeFileSync(path.join(outbox, '0002-two.patch'), mail('data/two.txt', 2, 2));
      return runAction({ token: TOKEN, root, inputs: { repo, branch: 'sampled/outbox', outbox: 'outbox' } });
    });
    expect(result.outputs['pull-request-operation']).toBe('created');
    expect(result.outputs.commits).toBe('2');
    expectNoLeftovers(result, TOKEN);
    expect(sample.hits).toEqual([]);
    expectSawPublish(sample, repo, 'sampled/outbox', false);
    // No `run` script, so no gh at all: the action's git and git-lfs send the token themselves.
    expect(result.main.log).not.toMatch(/\[command\]\S*gh /);
    const statuses = gitStatuses(repo);
    expect(statuses.length).toBeGreaterThan(1);
    expect(statuses.filter((s) => s === 401)).toEqual([]);
  });

  it('catches a token put into a short-lived argv and environment (the check is not vacuous)', async () => {
    const repo = newRepo(em(), 'argv-sampled-control');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-argv-sampled-'));
    const sampler = await startSampler();
    // Test-only misuse: the script may read the token (gh gives it), and here it hands it to
    // processes that live 0.3 s, as an argument and as a variable.
    const result = await runAction({
      token: TOKEN,
      root,
      inputs: {
        repo,
        branch: 'sampled/control',
        run: [
          't="$(gh auth token)"',
          `sh -c 'sleep 0.3; :' "$t"`,
          'LEAKED="$t" sleep 0.3',
          'echo hello > hello.txt'
        ].join('\n')
      }
    });
    const sample = await sampler.finish();
    expectSuccess(result);
    expect({ sweeps: sample.sweeps, ms: sample.ms, hits: sample.hits }).toEqual({
      sweeps: expect.any(Number),
      ms: expect.any(Number),
      hits: expect.arrayContaining([
        expect.stringMatching(/^argv of \d+ sh -c sleep 0\.3; : <TOKEN>$/),
        expect.stringMatching(/^environ of \d+ sleep 0\.3$/)
      ])
    });
    expect(sample.hits.join('\n')).not.toContain(TOKEN);
  });
});
