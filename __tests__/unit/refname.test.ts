import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import { branchNameProblem } from '../../src/refname.js';

/**
 * What the real git says about each name: the reference the validator has to agree with. Asked
 * in one `sh` (the names are its arguments, never part of the script), so that jest forks once
 * rather than twice a name.
 */
function gitVerdicts(names: string[]): Map<string, boolean> {
  const script =
    'for name do if git check-ref-format --branch "$name" >/dev/null && ' +
    'git check-ref-format "refs/heads/$name"; then echo accepted; else echo refused; fi; done';
  const out = execFileSync('sh', ['-c', script, 'sh', ...names], {
    cwd: os.tmpdir(),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore']
  });
  const verdicts = out.split('\n').slice(0, -1);
  if (verdicts.length !== names.length) throw new Error(`expected ${names.length} verdicts, got:\n${out}`);
  return new Map(names.map((name, i) => [name, verdicts[i] === 'accepted']));
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
  let accepted: Map<string, boolean>;
  beforeAll(() => {
    accepted = gitVerdicts([...NAMES, ...STRICTER]);
  });
  const gitAccepts = (name: string): boolean => accepted.get(name)!;

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
