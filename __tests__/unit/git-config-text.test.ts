import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { configValue, lfsEndpointSection, remoteSection } from '../../src/git-config-text.js';

describe('git config text', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'config-text-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** What git reads back from a config file (git is the judge of its own syntax). */
  const gitReads = (text: string, key: string) => {
    const file = path.join(dir, 'config');
    fs.writeFileSync(file, text);
    return execFileSync('git', ['config', '--file', file, '--get-all', key], { cwd: dir }).toString();
  };

  test.each([
    'https://github.com/octo-org/hello.git',
    'https://example.com/a b;c#d.git',
    ' leading and trailing ',
    'back\\slash "quoted" tab\there',
    'new\nline and \b backspace'
  ])('a value reads back as it was: %j', (value) => {
    expect(gitReads(`[x]\n\tkey = ${configValue(value)}\n`, 'x.key')).toBe(`${value}\n`);
  });

  test('a remote section is what `git remote add` writes', () => {
    const url = 'https://github.com/o/r "x".git';
    const repo = path.join(dir, 'repo');
    execFileSync('git', ['init', '-q', repo]);
    execFileSync('git', ['remote', 'add', 'fork', url], { cwd: repo });
    const ours = remoteSection('fork', url);
    expect(gitReads(ours, 'remote.fork.url')).toBe(`${url}\n`);
    const theirs = (key: string) =>
      execFileSync('git', ['config', '--get-all', key], { cwd: repo }).toString();
    for (const key of ['remote.fork.url', 'remote.fork.fetch']) expect(gitReads(ours, key)).toBe(theirs(key));
    expect(() => remoteSection('a"b', url)).toThrow();
  });

  test("git-lfs uses the remote's own endpoint, whatever a .lfsconfig in the work tree says", () => {
    const repo = path.join(dir, 'lfs-pinned');
    const url = 'https://github.com/octo-org/target.git';
    execFileSync('git', ['init', '-q', repo]);
    fs.appendFileSync(
      path.join(repo, '.git', 'config'),
      remoteSection('origin', url) + lfsEndpointSection(url)
    );
    fs.writeFileSync(
      path.join(repo, '.lfsconfig'),
      '[lfs]\n\turl = https://github.com/evil/other.git/info/lfs\n\tpushurl = https://github.com/evil/other.git/info/lfs\n' +
        '[remote "origin"]\n\tlfsurl = https://github.com/evil/other.git/info/lfs\n'
    );
    const env = execFileSync('git', ['lfs', 'env'], { cwd: repo }).toString();
    expect(env).toContain(`Endpoint=${url}/info/lfs`);
    expect(env).not.toContain('evil');
  });
});
