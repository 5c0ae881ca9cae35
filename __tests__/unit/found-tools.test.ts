import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findOnPath, findTool } from '../../src/found-tools.js';

describe('found-tools: the file that runs for a tool, found once per PATH', () => {
  const savedPath = process.env.PATH;
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'found-tools-'));
  });
  afterEach(() => {
    process.env.PATH = savedPath;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the file a shell would run', () => {
    const file = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    expect(findTool('git')).toBe(file);
  });

  test('skips folders that are missing or files, and files that are not executable', () => {
    const plain = path.join(dir, 'plain');
    const exe = path.join(dir, 'exe');
    fs.mkdirSync(plain);
    fs.mkdirSync(exe);
    fs.writeFileSync(path.join(plain, 'tool'), 'not executable', { mode: 0o644 });
    fs.writeFileSync(path.join(exe, 'tool'), '#!/bin/sh\n', { mode: 0o755 });
    // a folder named like the tool (its x bit set) is no program either
    fs.mkdirSync(path.join(dir, 'named', 'tool'), { recursive: true });
    const searchPath = [
      path.join(dir, 'missing'),
      path.join(exe, 'tool'),
      path.join(dir, 'named'),
      plain,
      exe
    ].join(path.delimiter);
    // not executable: skipped (even for root, which needs an x bit to run a file)
    expect(findOnPath('tool', searchPath)).toBe(path.join(exe, 'tool'));
    expect(findOnPath('tool', [path.join(dir, 'missing'), plain].join(path.delimiter))).toBeUndefined();
  });

  test('on Windows: only PATHEXT extensions, never a .cmd or .bat (cmd.exe is a shell)', () => {
    const savedExt = process.env.PATHEXT;
    process.env.PATHEXT = '.COM;.EXE;.BAT;.CMD';
    try {
      const shims = path.join(dir, 'shims');
      const real = path.join(dir, 'real');
      fs.mkdirSync(shims);
      fs.mkdirSync(real);
      fs.writeFileSync(path.join(shims, 'gh'), '');
      fs.writeFileSync(path.join(shims, 'gh.cmd'), '');
      // named as Windows' PATHEXT spells it (Windows matches names without regard to case)
      fs.writeFileSync(path.join(real, 'gh.EXE'), '');
      const searchPath = [shims, real].join(path.delimiter);
      expect(findOnPath('gh', searchPath, 'win32')).toBe(path.join(real, 'gh.EXE'));
      expect(findOnPath('gh.EXE', searchPath, 'win32')).toBe(path.join(real, 'gh.EXE'));
      expect(findOnPath('gh.cmd', searchPath, 'win32')).toBeUndefined();
    } finally {
      if (savedExt === undefined) delete process.env.PATHEXT;
      else process.env.PATHEXT = savedExt;
    }
  });

  test('remembers a file for the same PATH only, and never that a tool is missing', () => {
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    process.env.PATH = bin;
    expect(findTool('later-tool')).toBeUndefined();
    fs.writeFileSync(path.join(bin, 'later-tool'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findTool('later-tool')).toBe(path.join(bin, 'later-tool'));
    // Remembered: removing the file does not make it look for it again with this PATH...
    fs.rmSync(path.join(bin, 'later-tool'));
    expect(findTool('later-tool')).toBe(path.join(bin, 'later-tool'));
    // ...but another PATH is another lookup.
    process.env.PATH = `${bin}${path.delimiter}${path.join(dir, 'other')}`;
    expect(findTool('later-tool')).toBeUndefined();
  });
});
