import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import { InputError } from '../../src/errors.js';
import {
  BRANCH_SUFFIXES,
  branchSuffix,
  parseBranchSuffix,
  randomSuffix,
  RANDOM_BYTES_NEEDED,
  shortHashSuffix,
  timestampSuffix,
  withBranchSuffix
} from '../../src/branch-suffix.js';
import { branchNameProblem } from '../../src/refname.js';

const sha = '0123456789abcdef0123456789abcdef01234567';
const source = { randomBytes: new Uint8Array(RANDOM_BYTES_NEEDED), now: 1_764_250_000_999, baseSha: sha };

describe('parseBranchSuffix', () => {
  it.each([...BRANCH_SUFFIXES])('takes %s', (kind) => {
    expect(parseBranchSuffix(` ${kind} `)).toBe(kind);
  });
  it('is undefined when empty', () => {
    expect(parseBranchSuffix('  ')).toBeUndefined();
  });
  it.each(['Random', 'uuid', 'short-sha', 'timestamp,random'])(
    'refuses %j, naming the input and the choices',
    (value) => {
      try {
        parseBranchSuffix(value);
        throw new Error('accepted');
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).input).toBe('branch-suffix');
        expect((error as Error).message).toMatch(/'random', 'timestamp', 'short-commit-hash'/);
      }
    }
  );
});

describe('suffixes', () => {
  it('random: 7 characters of [0-9a-z], from the bytes given', () => {
    const bytes = Uint8Array.from([0, 35, 36, 71, 251, 10, 20, 30, 40]);
    expect(randomSuffix(bytes)).toBe('0z0zzak');
  });

  it('random: skips bytes of 252 and above, so that every character is equally likely', () => {
    expect(randomSuffix(Uint8Array.from([252, 253, 254, 255, 1, 2, 3, 4, 5, 6, 7]))).toBe('1234567');
    // Over all 256 byte values, each of the 36 characters comes from exactly 7.
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) {
      const ch = randomSuffix(Uint8Array.from([byte, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))[0];
      if (byte < 252) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(36);
    expect(new Set(counts.values())).toEqual(new Set([7]));
  });

  it('random: refuses to run short of bytes rather than return fewer characters', () => {
    expect(() => randomSuffix(Uint8Array.from([1, 2, 3, 255, 255, 255, 255]))).toThrow(RangeError);
  });

  it('timestamp: whole seconds since the epoch, rounded down', () => {
    expect(timestampSuffix(1_764_250_000_999)).toBe('1764250000');
    expect(timestampSuffix(0)).toBe('0');
    expect(() => timestampSuffix(Number.NaN)).toThrow(RangeError);
  });

  it('short-commit-hash: the first 7 hex digits of the base commit', () => {
    expect(shortHashSuffix(sha)).toBe('0123456');
    expect(shortHashSuffix('f'.repeat(64))).toBe('fffffff');
    for (const bad of ['0123456', sha.toUpperCase(), `${sha}\n`, 'HEAD']) {
      expect(() => shortHashSuffix(bad)).toThrow(RangeError);
    }
  });

  it('branchSuffix reads only what its kind needs', () => {
    expect(branchSuffix('timestamp', source)).toBe('1764250000');
    expect(branchSuffix('short-commit-hash', source)).toBe('0123456');
    expect(branchSuffix('random', source)).toBe('0000000');
  });

  it('every suffix makes a valid branch name that git takes', () => {
    for (const kind of BRANCH_SUFFIXES) {
      const random = { ...source, randomBytes: Uint8Array.from({ length: 32 }, (_, i) => (i * 37) % 256) };
      const name = withBranchSuffix('outbox/main', branchSuffix(kind, random));
      expect(name).toMatch(/^outbox\/main-[0-9a-z]+$/);
      expect(branchNameProblem(name)).toBeUndefined();
      expect(() =>
        execFileSync('git', ['check-ref-format', '--branch', name], { stdio: 'ignore', cwd: os.tmpdir() })
      ).not.toThrow();
    }
  });
});
