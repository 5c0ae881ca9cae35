import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import { branchNameProblem } from '../../src/refname.js';

/** What the real git says: the reference the validator has to agree with. */
function gitAccepts(name: string): boolean {
  try {
    execFileSync('git', ['check-ref-format', '--branch', name], { stdio: 'ignore', cwd: os.tmpdir() });
    execFileSync('git', ['check-ref-format', `refs/heads/${name}`], { stdio: 'ignore', cwd: os.tmpdir() });
    return true;
  } catch {
    return false;
  }
}

const NAMES = [
  'main',
  'outbox/main',
  'feature/a-b_c.d',
  'release-1.2',
  'a',
  'UPPER',
  'ünïcode',
  'x@y',
  'a.b',
  'v1.0',
  'a/b/c/d',
  '',
  '-x',
  '@',
  'main..x',
  'a b',
  'refs/heads/..',
  '@{',
  'a@{b',
  'x.lock',
  'a/x.lock/b',
  'a/.hidden',
  '.x',
  'x.',
  'a//b',
  '/a',
  'a/',
  'a~1',
  'a^',
  'a:b',
  'a?',
  'a*',
  'a[b',
  'a\\b',
  'tab\tname',
  'nl\nname',
  'del\x7f',
  'a/./b',
  'a/../b',
  'lock.lockx',
  '.lock',
  'x/.lock',
  'HEAD',
  'a..',
  '..',
  'refs/heads/main',
  '0123456789abcdef0123456789abcdef01234567'
];

/** Names git takes as branches that we refuse on purpose: read as HEAD, a ref path or a SHA elsewhere. */
const STRICTER = ['@', 'refs/heads/main', '0123456789abcdef0123456789abcdef01234567'];

describe('branchNameProblem agrees with git check-ref-format', () => {
  test.each(NAMES.map((name) => [JSON.stringify(name), name]))('%s', (_label, name) => {
    expect(branchNameProblem(name) === undefined).toBe(gitAccepts(name) && !STRICTER.includes(name));
  });

  test('the stricter names are ones git itself accepts', () => {
    for (const name of STRICTER) expect(gitAccepts(name)).toBe(true);
  });

  test('explains what is wrong', () => {
    expect(branchNameProblem('main..x')).toBe('contains ".."');
    expect(branchNameProblem('-x')).toBe('starts with "-"');
    expect(branchNameProblem('a b')).toBe('contains a space');
  });
});
