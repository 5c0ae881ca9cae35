/**
 * gh as git's credential helper, written by the action: the same config as the real
 * `gh auth setup-git` writes (the machine's gh 2.23, and gh 2.46 when ../shared/tools/newer-gh
 * finds it), and a helper command that git's shell reads back as one path. gh runs offline
 * here: setup-git only writes git config.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseGhVersion, type GhVersion } from '../../src/gh-auth.js';
import {
  credentialHelperConfig,
  credentialHosts,
  ghExecutablePath,
  helperCommand
} from '../../src/gh-credential-helper.js';
import { findNewerGh } from '../../test-support/newer-gh.js';

const machineGh = execFileSync('sh', ['-c', 'command -v gh'], { encoding: 'utf8' }).trim();
const newer = findNewerGh();
if (!newer.gh) console.warn(`Skipping the gh 2.46 cases: ${newer.why}`);
const GH_BINARIES: Array<[string, string]> = [
  ['the machine gh', machineGh],
  ...(newer.gh ? [['gh 2.46', newer.gh] as [string, string]] : [])
];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-helper-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** What git reads from a config file, entry by entry (git is the judge of its own syntax). */
const gitReads = (file: string): string =>
  execFileSync('git', ['config', '--file', file, '--list'], { encoding: 'utf8' });

let runs = 0;
/** The config that the real `gh auth setup-git --hostname <host>` writes, read back by git. */
function ghWrites(host: string, env: Record<string, string>): string {
  const run = path.join(dir, `gh-run-${++runs}`);
  fs.mkdirSync(run);
  const config = path.join(run, 'gitconfig');
  const tokens = host === 'github.com' ? { GH_TOKEN: 'x' } : { GH_ENTERPRISE_TOKEN: 'x', GH_HOST: host };
  // Found on env.PATH, as the action's spawner finds it.
  execFileSync('gh', ['auth', 'setup-git', '--hostname', host], {
    env: {
      HOME: run,
      GIT_CONFIG_GLOBAL: config,
      GH_CONFIG_DIR: path.join(run, 'gh'),
      GH_NO_UPDATE_NOTIFIER: '1',
      GH_PROMPT_DISABLED: '1',
      ...tokens,
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  return gitReads(config);
}

const versions = new Map<string, GhVersion>();
const versionOf = (gh: string): GhVersion => {
  if (!versions.has(gh))
    versions.set(gh, parseGhVersion(execFileSync(gh, ['--version'], { encoding: 'utf8' }))!);
  return versions.get(gh)!;
};

/** The config the action writes for the same gh, read back by git. */
async function weWrite(gh: string, host: string, env: Record<string, string>): Promise<string> {
  const version = versionOf(gh);
  const file = path.join(dir, `ours-${++runs}`);
  fs.writeFileSync(file, credentialHelperConfig(host, await ghExecutablePath(version, env)));
  return gitReads(file);
}

describe.each(GH_BINARIES)('the same helper config as `gh auth setup-git` of %s', (label, gh) => {
  const slug = label.replace(/\W+/g, '-');
  const realGh = fs.realpathSync(gh);
  const systemPath = process.env.PATH ?? '/usr/bin:/bin';

  test.each(['github.com', 'ghe.example.com'])('gh found on PATH, host %s', async (host) => {
    const env = { PATH: `${path.dirname(gh)}${path.delimiter}${systemPath}` };
    const theirs = ghWrites(host, env);
    expect(theirs).toContain(`.helper=!${realGh} auth git-credential\n`);
    expect(await weWrite(gh, host, env)).toBe(theirs);
  });

  test.each(['github.com', 'ghe.example.com'])(
    'gh through a link in a folder whose path has a space, a $ and a backslash, host %s',
    async (host) => {
      const bin = path.join(dir, `bin with space $HOME \\ ${slug}`);
      fs.mkdirSync(bin, { recursive: true });
      if (!fs.existsSync(path.join(bin, 'gh'))) fs.symlinkSync(realGh, path.join(bin, 'gh'));
      const env = { PATH: `${bin}${path.delimiter}${systemPath}` };
      const theirs = ghWrites(host, env);
      expect(theirs).toContain(`.helper=!'${bin}/gh' auth git-credential\n`);
      expect(await weWrite(gh, host, env)).toBe(theirs);
    }
  );

  test('gh through a relative link (gh 2.40+ keeps the link, older gh the file)', async () => {
    const bin = path.join(dir, `relative-${slug}`);
    fs.mkdirSync(bin, { recursive: true });
    if (!fs.existsSync(path.join(bin, 'gh')))
      fs.symlinkSync(path.relative(bin, realGh), path.join(bin, 'gh'));
    const env = { PATH: `${bin}${path.delimiter}${systemPath}` };
    const theirs = ghWrites('github.com', env);
    const version = versionOf(gh);
    const written = version.minor >= 40 ? path.join(bin, 'gh') : realGh;
    expect(theirs).toContain(`.helper=!${written} auth git-credential\n`);
    expect(await weWrite(gh, 'github.com', env)).toBe(theirs);
  });

  test('GH_PATH (gh 2.24+ writes it as it is)', async () => {
    const env = { PATH: `${path.dirname(gh)}${path.delimiter}${systemPath}`, GH_PATH: '/opt/git hub/gh' };
    const theirs = ghWrites('github.com', env);
    expect(await weWrite(gh, 'github.com', env)).toBe(theirs);
  });
});

test("gh's gist host only for github.com", () => {
  expect(credentialHosts('github.com')).toEqual(['github.com', 'gist.github.com']);
  expect(credentialHosts('ghe.example.com')).toEqual(['ghe.example.com']);
  expect(credentialHosts('octo.ghe.com')).toEqual(['octo.ghe.com']);
  expect(credentialHosts('garage.github.com')).toEqual(['garage.github.com']);
  expect(credentialHosts('github.localhost')).toEqual(['github.localhost']);
});

describe("gh's path in the helper command", () => {
  test.each([
    ['/usr/bin/gh', '!/usr/bin/gh auth git-credential'],
    [
      '/opt/hostedtoolcache/gh/2.46.0/x64/bin/gh',
      '!/opt/hostedtoolcache/gh/2.46.0/x64/bin/gh auth git-credential'
    ],
    ['/home/me/my tools/gh', "!'/home/me/my tools/gh' auth git-credential"],
    ['C:\\Program Files\\GitHub CLI\\gh.exe', "!'C:\\Program Files\\GitHub CLI\\gh.exe' auth git-credential"],
    ['/tmp/$(x)/gh', "!'/tmp/$(x)/gh' auth git-credential"],
    ['/home/$USER;x/gh', "!'/home/$USER;x/gh' auth git-credential"],
    ['/home/zoë/gh', '!/home/zoë/gh auth git-credential']
  ])('%j', (ghPath, command) => {
    expect(helperCommand(ghPath)).toBe(command);
  });

  // gh would write each of these bare, or break its quotes: a shell reads another command.
  test.each([
    '/tmp/a;b/gh',
    "/tmp/it's here/gh",
    "/tmp/it's/gh",
    '/tmp/a`b`/gh',
    '/tmp/a&b/gh',
    '/tmp/a|b/gh',
    '/tmp/*/gh',
    '/tmp/a\nb/gh',
    '/tmp/a b\nc/gh',
    '/tmp/a\tb/gh',
    'X=y',
    '~/gh'
  ])('refused: %j', (ghPath) => {
    expect(() => helperCommand(ghPath)).toThrow(/cannot be written as git's credential helper/);
  });

  test("git's shell runs the quoted path as one program", () => {
    const bin = path.join(dir, 'a b $HOME \\x');
    fs.mkdirSync(bin, { recursive: true });
    const fake = path.join(bin, 'gh');
    fs.writeFileSync(fake, '#!/bin/sh\ncat >/dev/null\nprintf "username=u\\npassword=p-$1-$2-$3\\n"\n', {
      mode: 0o755
    });
    const config = path.join(dir, 'fake-gh-config');
    fs.writeFileSync(config, credentialHelperConfig('github.com', fake));
    const filled = execFileSync('git', ['credential', 'fill'], {
      env: { ...process.env, GIT_CONFIG_GLOBAL: config, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0' },
      input: 'protocol=https\nhost=github.com\n\n',
      encoding: 'utf8'
    });
    expect(filled).toContain('password=p-auth-git-credential-get\n');
  });
});
