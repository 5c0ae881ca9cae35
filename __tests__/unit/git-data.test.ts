import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  blobsToUpload,
  commitRequest,
  isNotFastForward,
  refUpdateRequest,
  treeChunks,
  treeEntries,
  unwritableChange,
  type RawChangeLike,
  type TreeEntry
} from '../../src/git-data.js';

const ZERO = '0'.repeat(40);
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('treeEntries', () => {
  it('keeps every mode, gives submodules type commit, deletes with sha null, deletions first', () => {
    const changes: RawChangeLike[] = [
      { oldMode: '000000', newMode: '100755', blob: A, status: 'A', path: 'run.sh' },
      { oldMode: '100644', newMode: '120000', blob: B, status: 'T', path: 'link' },
      { oldMode: '000000', newMode: '160000', blob: A, status: 'A', path: 'vendor/sub' },
      { oldMode: '160000', newMode: '000000', blob: ZERO, status: 'D', path: 'old-sub' },
      { oldMode: '100755', newMode: '000000', blob: ZERO, status: 'D', path: 'gone.sh' }
    ];
    expect(treeEntries(changes)).toEqual([
      { path: 'old-sub', mode: '160000', type: 'commit', sha: null },
      { path: 'gone.sh', mode: '100755', type: 'blob', sha: null },
      { path: 'run.sh', mode: '100755', type: 'blob', sha: A },
      { path: 'link', mode: '120000', type: 'blob', sha: B },
      { path: 'vendor/sub', mode: '160000', type: 'commit', sha: A }
    ]);
  });

  it('refuses a mode the API does not take, and an unknown status', () => {
    const legacy = { oldMode: '100644', newMode: '100664', blob: A, status: 'M', path: 'old' };
    expect(unwritableChange(legacy)).toMatch(/'old' has the file mode 100664/);
    expect(() => treeEntries([legacy])).toThrow(RangeError);
    expect(unwritableChange({ ...legacy, newMode: '100644', status: 'U' })).toMatch(/status U/);
    expect(unwritableChange({ ...legacy, newMode: '100644' })).toBeUndefined();
  });

  it('uploads each distinct blob once and no gitlink', () => {
    const entries: TreeEntry[] = [
      { path: 'a', mode: '100644', type: 'blob', sha: A },
      { path: 'b', mode: '100644', type: 'blob', sha: A },
      { path: 's', mode: '160000', type: 'commit', sha: B },
      { path: 'd', mode: '100644', type: 'blob', sha: null }
    ];
    expect(blobsToUpload(entries)).toEqual([A]);
  });

  it('chunks entries in order', () => {
    const entries = Array.from({ length: 250 }, (_, i): TreeEntry => ({
      path: `f${i}`,
      mode: '100644',
      type: 'blob',
      sha: A
    }));
    const chunks = treeChunks(entries);
    expect(chunks.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(chunks.flat()).toEqual(entries);
    expect(treeChunks([])).toEqual([]);
    expect(() => treeChunks(entries, 0)).toThrow(RangeError);
  });
});

describe('requests', () => {
  it('sends no author or committer, so that GitHub signs the commit', () => {
    expect(commitRequest('msg', B, A)).toEqual({ message: 'msg', tree: B, parents: [A] });
  });
  it('never forces a ref update', () => {
    expect(refUpdateRequest(A)).toEqual({ sha: A, force: false });
  });
  it('recognises the not-a-fast-forward refusal only', () => {
    expect(isNotFastForward(422, 'Update is not a fast forward')).toBe(true);
    expect(isNotFastForward(422, 'Reference does not exist')).toBe(false);
    expect(isNotFastForward(409, 'Update is not a fast forward')).toBe(false);
  });
});

describe('against real git', () => {
  let dir: string;
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@e',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@e',
        ...env
      }
    }).trim();
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'git-data-'));
    git(['init', '-q']);
    write('plain.txt', 'plain\n');
    write('tool.sh', '#!/bin/sh\n');
    write('becomes-dir', 'file first\n');
    write('becomes-link', 'file first\n');
    write('to-delete.txt', 'bye\n');
    fs.symlinkSync('plain.txt', path.join(dir, 'old-link'));
    git(['add', '--all']);
    git(['update-index', '--add', '--cacheinfo', `160000,${A},old-sub`]);
    git(['commit', '-q', '-m', 'base']);

    write('plain.txt', 'changed\n');
    fs.chmodSync(path.join(dir, 'plain.txt'), 0o755);
    write('new-tool.sh', '#!/bin/sh\necho\n');
    fs.chmodSync(path.join(dir, 'new-tool.sh'), 0o755);
    fs.rmSync(path.join(dir, 'becomes-dir'));
    write('becomes-dir/inside.txt', 'now a folder\n');
    fs.rmSync(path.join(dir, 'becomes-link'));
    fs.symlinkSync('../outside/target', path.join(dir, 'becomes-link'));
    fs.rmSync(path.join(dir, 'to-delete.txt'));
    fs.rmSync(path.join(dir, 'old-link'));
    git(['add', '--all']);
    git(['update-index', '--force-remove', 'old-sub']);
    git(['update-index', '--add', '--cacheinfo', `160000,${B},new/sub`]);
    git(['commit', '-q', '-m', 'every kind of change']);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** git.ts's rawChanges parser, restated. */
  function rawChanges(sha: string): RawChangeLike[] {
    const out = execFileSync(
      'git',
      ['diff-tree', '-r', '-z', '--no-renames', '--no-commit-id', '--raw', `${sha}^`, sha],
      {
        cwd: dir,
        encoding: 'utf8'
      }
    );
    const fields = out.split('\0').filter((f) => f.length > 0);
    const changes: RawChangeLike[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const [oldMode, newMode, , blob, status] = fields[i].replace(/^:/, '').split(' ');
      changes.push({
        oldMode: oldMode,
        newMode: newMode,
        blob: blob,
        status: status,
        path: fields[i + 1]
      });
    }
    return changes;
  }

  it('the entries, applied chunk by chunk on the parent tree as base_tree, give the commit tree exactly', () => {
    const entries = treeEntries(rawChanges('HEAD'));
    expect(new Set(entries.map((e) => e.mode))).toEqual(new Set(['100644', '100755', '120000', '160000']));
    // What createTree with base_tree does, done by git's own index: start from the parent's tree,
    // delete each sha-null path, write each other entry with its mode.
    const index = path.join(dir, '.git', 'test-index');
    const env = { GIT_INDEX_FILE: index };
    let base = git(['rev-parse', 'HEAD^^{tree}']);
    for (const chunk of treeChunks(entries, 3)) {
      git(['read-tree', base], env);
      for (const entry of chunk) {
        if (entry.sha === null) git(['update-index', '--force-remove', '--', entry.path], env);
        else git(['update-index', '--add', '--cacheinfo', `${entry.mode},${entry.sha},${entry.path}`], env);
      }
      base = git(['write-tree'], env);
    }
    expect(base).toBe(git(['rev-parse', 'HEAD^{tree}']));
  });
});
