import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ActionError } from '../../src/errors.js';
import {
  lfsFilterSection,
  parseConfigLines,
  parsePointer,
  readDownloadAnswer,
  runnerGlobalConfigFiles
} from '../../src/lfs-data.js';

const OID = 'a'.repeat(64);

test('pointers: spec v1 only, sha256 oid, integer size, one key per line', () => {
  const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${OID}\nsize 12345\n`;
  expect(parsePointer(pointer)).toEqual({ oid: OID, size: 12345 });
  // Extension keys are allowed between version and oid.
  expect(
    parsePointer(
      `version https://git-lfs.github.com/spec/v1\next-0-foo sha256:${'b'.repeat(64)}\noid sha256:${OID}\nsize 1\n`
    )
  ).toEqual({ oid: OID, size: 1 });
  expect(parsePointer(pointer.replace('spec/v1', 'spec/v2'))).toBeUndefined();
  expect(parsePointer(pointer.slice(0, -1))).toBeUndefined();
  expect(parsePointer(pointer.replace('size 12345', 'size -1'))).toBeUndefined();
  expect(parsePointer(pointer.replace(OID, OID.slice(1)))).toBeUndefined();
  expect(parsePointer(`${pointer}\nextra`)).toBeUndefined();
  expect(parsePointer('LOGO version 2\n')).toBeUndefined();
});

test("the runner's global config files: GIT_CONFIG_GLOBAL alone, else XDG then ~/.gitconfig", () => {
  expect(runnerGlobalConfigFiles({ GIT_CONFIG_GLOBAL: '/x/config' }, '/home/r')).toEqual(['/x/config']);
  expect(runnerGlobalConfigFiles({}, '/home/r')).toEqual([
    '/home/r/.config/git/config',
    '/home/r/.gitconfig'
  ]);
  expect(runnerGlobalConfigFiles({ XDG_CONFIG_HOME: '/xdg' }, '/home/r')).toEqual([
    '/xdg/git/config',
    '/home/r/.gitconfig'
  ]);
});

test('the copied filter section holds only filter.lfs.* keys, and git reads the values back unchanged', () => {
  const entries: Array<[string, string]> = [
    ...parseConfigLines('filter.lfs.clean git-lfs clean -- %f\nfilter.lfs.required true\n'),
    ['filter.lfs.smudge', 'git-lfs smudge -- "%f" # not a comment \\ ; either'],
    ['filter.other.clean', 'evil'],
    ['credential.helper', 'store']
  ];
  const section = lfsFilterSection(entries);
  expect(section).not.toMatch(/evil|store/);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lfs-unit-')), 'config');
  fs.writeFileSync(file, section);
  const read = execFileSync('git', ['config', '--file', file, '--get-regexp', '.'], { encoding: 'utf8' });
  expect(parseConfigLines(read)).toEqual([
    ['filter.lfs.clean', 'git-lfs clean -- %f'],
    ['filter.lfs.required', 'true'],
    ['filter.lfs.smudge', 'git-lfs smudge -- "%f" # not a comment \\ ; either']
  ]);
  expect(lfsFilterSection([['user.name', 'x']])).toBe('');
});

test('batch download answers: download action = present, 404 = absent, anything else fails', () => {
  const answer = {
    objects: [
      { oid: 'a', actions: { download: { href: 'https://x' } } },
      { oid: 'b', error: { code: 404, message: 'Object does not exist on the server' } }
    ]
  };
  const { present, absent } = readDownloadAnswer(answer);
  expect([...present]).toEqual(['a']);
  expect([...absent]).toEqual(['b']);
  expect(() =>
    readDownloadAnswer({ objects: [{ oid: 'c', error: { code: 422, message: 'Invalid object' } }] })
  ).toThrow(ActionError);
  expect(() => readDownloadAnswer({ message: 'no' })).toThrow(/without objects/);
});
