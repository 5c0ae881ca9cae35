import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../../src/errors.js';
import {
  listArguments,
  parseAddPaths,
  partitionStatus,
  splitNul,
  STAGE_ARGUMENTS,
  stageInput
} from '../../src/add-paths.js';

function refusal(value: string): InputError {
  try {
    parseAddPaths(value);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`expected ${JSON.stringify(value)} to be refused`);
}

describe('parseAddPaths', () => {
  it('splits on newlines and commas, trims, drops empties and repeats', () => {
    expect(parseAddPaths(' src/** ,docs\n\n  README.md\nsrc/**\n').map((p) => p.spec)).toEqual([
      'src/**',
      'docs',
      'README.md'
    ]);
    expect(parseAddPaths('')).toEqual([]);
  });

  it.each([
    ['a.txt', [], 'a.txt'],
    [':!vendor', ['exclude'], 'vendor'],
    [':^vendor', ['exclude'], 'vendor'],
    [':/', ['top'], ''],
    [':/!docs', ['top', 'exclude'], 'docs'],
    [':!:weird', ['exclude'], 'weird'],
    [':(exclude)*.lock', ['exclude'], '*.lock'],
    [':(top,glob)src/**/*.ts', ['top', 'glob'], 'src/**/*.ts'],
    [':(icase)readme.md', ['icase'], 'readme.md'],
    [':(literal)a*b', ['literal'], 'a*b'],
    [':(attr:generated)src', ['attr'], 'src'],
    ['x.txt/..hidden', [], 'x.txt/..hidden']
  ])('takes %j', (spec, magic, pattern) => {
    expect(parseAddPaths(spec)).toEqual([{ spec, magic, pattern }]);
  });

  it.each([
    ['/etc/passwd', /absolute path/],
    [':(top)/etc', /absolute path/],
    ['..', /'\.\.' segment/],
    ['../sibling', /'\.\.' segment/],
    ['src/../../x', /'\.\.' segment/],
    ['dir/../x.txt', /'\.\.' segment/],
    [':(attr:generated)', /no path after its magic/],
    [':(top)../x', /'\.\.' segment/],
    [':(prefix:3)abc', /'prefix', which this action does not pass/],
    [':(exclude,bogus)x', /'bogus'/],
    [':(literal,glob)x', /'literal' and 'glob'/],
    [':(glob', /never closes/],
    [':!', /no path after its magic/],
    [':#x', /magic '#', which git does not know/],
    [':_x', /magic '_'/],
    [':(top:x)y', /argument/],
    ['a\tb', /control character/]
  ])('refuses %j, naming add-paths', (value, message) => {
    const error = refusal(value);
    expect(error.input).toBe('add-paths');
    expect(error.message).toMatch(message);
    expect(error.message.split('\n').length).toBe(2);
  });

  it('quotes a pathspec that would open a workflow command', () => {
    expect(refusal('/::error::x').message).toContain('"/::error::x"');
  });

  it('keeps the commas between magic words inside one pathspec', () => {
    expect(parseAddPaths(':(top,glob)src/**, :(exclude,icase)VENDOR ,a').map((p) => p.spec)).toEqual([
      ':(top,glob)src/**',
      ':(exclude,icase)VENDOR',
      'a'
    ]);
  });

  it('puts every pathspec after --', () => {
    expect(listArguments(parseAddPaths('-n, --force')).slice(-3)).toEqual(['--', '-n', '--force']);
    expect(() => listArguments([])).toThrow(RangeError);
  });

  it('stages each listed path as a literal pathspec', () => {
    expect(stageInput(['a*b', ':x'])).toBe(':(literal)a*b\0:(literal):x\0');
    expect(splitNul('a\0b c\0')).toEqual(['a', 'b c']);
  });
});

describe('with real git', () => {
  let dir: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'core.quotepath=false', ...args], { cwd: dir, encoding: 'utf8' });

  // One repository for all the cases: staging changes only the index, so each case starts from
  // a copy of the index as it was after the base commit (a spawn from jest costs a fork of it).
  let pristineIndex: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'add-paths-'));
    git('init', '-q');
    git('config', 'user.email', 't@example.com');
    git('config', 'user.name', 't');
    for (const file of ['keep.txt', 'old.txt', 'vendor/lib.js', 'src/a.ts', 'src/deep/b.ts', 'docs/x.md']) {
      fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), 'one\n');
      // An hour old: the copied index (which gets a new mtime) must not hold "racily clean"
      // entries, whose same-size edits below git would then take on trust as unchanged.
      const anHourAgo = new Date(Date.now() - 3_600_000);
      fs.utimesSync(path.join(dir, file), anHourAgo, anHourAgo);
    }
    git('add', '--all');
    git('commit', '-q', '-m', 'base');
    fs.writeFileSync(path.join(dir, 'keep.txt'), 'two\n');
    fs.rmSync(path.join(dir, 'old.txt'));
    fs.writeFileSync(path.join(dir, 'vendor/lib.js'), 'two\n');
    fs.writeFileSync(path.join(dir, 'src/deep/b.ts'), 'two\n');
    fs.writeFileSync(path.join(dir, 'src/new.ts'), 'new\n');
    fs.writeFileSync(path.join(dir, 'docs/x.md'), 'two\n');
    fs.writeFileSync(path.join(dir, '-n'), 'a file named like an option\n');
    fs.writeFileSync(path.join(dir, '.git', 'info', 'exclude'), '*.log\n');
    fs.writeFileSync(path.join(dir, 'ignored.log'), 'never staged\n');
    pristineIndex = path.join(dir, '.git', 'index.pristine');
    fs.copyFileSync(path.join(dir, '.git', 'index'), pristineIndex);
  });
  beforeEach(() => fs.copyFileSync(pristineIndex, path.join(dir, '.git', 'index')));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function stageAndSplit(value: string): { staged: string[]; leftOut: string[] } {
    const specs = parseAddPaths(value);
    if (specs.length === 0) {
      git('add', '--all');
    } else {
      const [, ...list] = listArguments(specs);
      const paths = splitNul(git('ls-files', ...list));
      if (paths.length > 0) {
        execFileSync('git', STAGE_ARGUMENTS, { cwd: dir, input: stageInput(paths) });
      }
    }
    const split = partitionStatus(
      git('status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames')
    );
    return { staged: split.staged.sort(), leftOut: split.leftOut.sort() };
  }

  it.each([
    ['', ['-n', 'docs/x.md', 'keep.txt', 'old.txt', 'src/deep/b.ts', 'src/new.ts', 'vendor/lib.js'], []],
    ['src', ['src/deep/b.ts', 'src/new.ts'], ['-n', 'docs/x.md', 'keep.txt', 'old.txt', 'vendor/lib.js']],
    ['*.ts', ['src/deep/b.ts', 'src/new.ts'], ['-n', 'docs/x.md', 'keep.txt', 'old.txt', 'vendor/lib.js']],
    [
      ':(glob)*.ts',
      [],
      ['-n', 'docs/x.md', 'keep.txt', 'old.txt', 'src/deep/b.ts', 'src/new.ts', 'vendor/lib.js']
    ],
    [
      ':(glob)**/*.ts, nothing-here',
      ['src/deep/b.ts', 'src/new.ts'],
      ['-n', 'docs/x.md', 'keep.txt', 'old.txt', 'vendor/lib.js']
    ],
    [
      'ignored.log',
      [],
      ['-n', 'docs/x.md', 'keep.txt', 'old.txt', 'src/deep/b.ts', 'src/new.ts', 'vendor/lib.js']
    ],
    ['*', ['-n', 'docs/x.md', 'keep.txt', 'old.txt', 'src/deep/b.ts', 'src/new.ts', 'vendor/lib.js'], []],
    [
      'old.txt, keep.txt',
      ['keep.txt', 'old.txt'],
      ['-n', 'docs/x.md', 'src/deep/b.ts', 'src/new.ts', 'vendor/lib.js']
    ],
    [
      ':!vendor',
      ['-n', 'docs/x.md', 'keep.txt', 'old.txt', 'src/deep/b.ts', 'src/new.ts'],
      ['vendor/lib.js']
    ],
    [
      'src\n:(exclude)src/deep',
      ['src/new.ts'],
      ['-n', 'docs/x.md', 'keep.txt', 'old.txt', 'src/deep/b.ts', 'vendor/lib.js']
    ],
    ['-n', ['-n'], ['docs/x.md', 'keep.txt', 'old.txt', 'src/deep/b.ts', 'src/new.ts', 'vendor/lib.js']],
    [
      ':(icase)DOCS',
      ['docs/x.md'],
      ['-n', 'keep.txt', 'old.txt', 'src/deep/b.ts', 'src/new.ts', 'vendor/lib.js']
    ]
  ])('add-paths %j stages what git matches, and the rest is listed as left out', (value, staged, leftOut) => {
    expect(stageAndSplit(value)).toEqual({ staged, leftOut });
  });
  it('stages a listed name that looks like pathspec magic as itself', () => {
    fs.writeFileSync(path.join(dir, ':x.txt'), 'colon\n');
    fs.writeFileSync(path.join(dir, 'x.txt'), 'plain\n');
    try {
      expect(stageAndSplit(':(literal):x.txt').staged).toEqual([':x.txt']);
    } finally {
      // The work tree is shared by the cases.
      for (const name of [':x.txt', 'x.txt']) fs.rmSync(path.join(dir, name));
    }
  });
});

describe('partitionStatus', () => {
  it('reads renames and copies as one entry, their old path skipped', () => {
    expect(partitionStatus('R  new.txt\0old.txt\0C  copy.txt\0orig.txt\0 M x\0')).toEqual({
      staged: ['new.txt', 'copy.txt'],
      leftOut: ['x']
    });
  });

  it('lists a partly staged file on both sides, and untracked files as left out', () => {
    expect(partitionStatus('MM both\0?? new\0!! ignored\0A  added\0 D gone\0')).toEqual({
      staged: ['both', 'added'],
      leftOut: ['both', 'new', 'gone']
    });
  });

  it('keeps names with spaces, newlines and arrows whole', () => {
    expect(partitionStatus('A  a b -> c\0?? line\nbreak\0')).toEqual({
      staged: ['a b -> c'],
      leftOut: ['line\nbreak']
    });
  });

  it('refuses output it does not understand', () => {
    expect(() => partitionStatus('garbage\0')).toThrow(/Unexpected git status entry/);
  });
});
