/**
 * GitWorkTree against real git on disk (no network). commitAll: an edit that git's timestamps
 * cannot see — the file rewritten in place, same size, within the second its checkout wrote the
 * index — must still be committed, with and without new files beside it (the edits that moving
 * the index's time on, commitAll's shortcut past a second hashing pass, could hide if done
 * wrongly), in our own clones. Also: submodules, embedded
 * repositories, sparse checkouts of folders with odd names, and a new repository written without
 * `git init`.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAddPaths } from '../../src/add-paths.js';
import { writeNewRepository } from '../../src/git-init.js';
import { GitWorkTree } from '../../src/git-worktree.js';
import { cQuote } from '../../src/log-text.js';
import { Sandbox } from '../../src/sandbox.js';

const BOT = { name: 'bot', email: 'bot@example.com' };
const FILES = Array.from({ length: 200 }, (_, i) => `dir-${i % 10}/file-${String(i).padStart(3, '0')}.txt`);

/** Plain git for fixtures, outside any sandbox. */
function git(cwd: string, args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Dev', '-c', 'user.email=dev@example.com', '-c', 'protocol.file.allow=always', ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
    }
  ).trim();
}

/** Our own clone (GitWorkTree.init) with FILES committed. */
async function cloneLikeTree(): Promise<GitWorkTree> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-git-'));
  const sandbox = await Sandbox.create(path.join(root, 'runner-temp'), () => {});
  const made = await GitWorkTree.init(
    sandbox,
    path.join(root, 'clone'),
    'https://github.com/octo-org/local.git',
    { initialBranch: 'main', signoff: false }
  );
  const tree = made;
  for (const file of FILES) {
    fs.mkdirSync(path.join(tree.dir, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(tree.dir, file), `content of ${file}\n`);
  }
  expect(await tree.commitAll('Base', BOT, BOT)).toBe(true);
  return tree;
}

/**
 * Writes every file and the index afresh, then rewrites `victim` in place: same inode, same size,
 * and (retried until it holds) the same second as the index, so its stat data looks unchanged.
 */
async function checkoutThenEditUnseen(tree: GitWorkTree, victim: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    while (Date.now() % 1000 > 300) await new Promise((resolve) => setTimeout(resolve, 20));
    for (const file of FILES) fs.rmSync(path.join(tree.dir, file));
    fs.rmSync(path.join(tree.dir, '.git', 'index'));
    await tree.git(['reset', '-q', '--hard', 'HEAD']);
    const fd = fs.openSync(path.join(tree.dir, victim), 'r+');
    fs.writeSync(fd, 'C', 0);
    fs.closeSync(fd);
    const indexSecond = Math.floor(fs.statSync(path.join(tree.dir, '.git', 'index')).mtimeMs / 1000);
    if (Math.floor(fs.statSync(path.join(tree.dir, victim)).mtimeMs / 1000) === indexSecond) return;
    await tree.git(['checkout', '-q', '--', victim]);
  }
  throw new Error('could not edit the file within the index second');
}

describe('an edit that the index timestamps cannot show is committed', () => {
  test('with a new file beside it (staged by name, then commit --all)', async () => {
    const tree = await cloneLikeTree();
    const victim = FILES[FILES.length - 1];
    await checkoutThenEditUnseen(tree, victim);
    fs.writeFileSync(path.join(tree.dir, 'new.txt'), 'new\n');
    expect(await tree.commitAll('Edit', BOT, BOT)).toBe(true);
    expect((await tree.git(['show', `HEAD:${victim}`])).stdout).toBe(`Content of ${victim}\n`);
    expect((await tree.git(['show', 'HEAD:new.txt'])).stdout).toBe('new\n');
    expect((await tree.git(['status', '--porcelain'])).stdout).toBe('');
  });

  test('alone (commit --all only)', async () => {
    const tree = await cloneLikeTree();
    const victim = FILES[0];
    await checkoutThenEditUnseen(tree, victim);
    expect(await tree.commitAll('Edit', BOT, BOT)).toBe(true);
    expect((await tree.git(['show', `HEAD:${victim}`])).stdout).toBe(`Content of ${victim}\n`);
  });

  test('nothing changed: no commit', async () => {
    const tree = await cloneLikeTree();
    const head = (await tree.git(['rev-parse', 'HEAD'])).stdout;
    expect(await tree.commitAll('Nothing', BOT, BOT)).toBe(false);
    expect((await tree.git(['rev-parse', 'HEAD'])).stdout).toBe(head);
  });
});

describe('commitAll with add-paths', () => {
  test('commits only what matches, leaves the rest in the work tree, and nothing matching is no commit', async () => {
    const tree = await cloneLikeTree();
    const head = (await tree.git(['rev-parse', 'HEAD'])).stdout;
    fs.writeFileSync(path.join(tree.dir, 'dir-1', 'file-001.txt'), 'edited\n');
    fs.rmSync(path.join(tree.dir, 'dir-2', 'file-002.txt'));
    fs.writeFileSync(path.join(tree.dir, 'other.txt'), 'left out\n');
    expect(await tree.commitAll('Nothing matches', BOT, BOT, parseAddPaths('missing/'))).toBe(false);
    expect((await tree.git(['rev-parse', 'HEAD'])).stdout).toBe(head);
    expect(await tree.commitAll('Some', BOT, BOT, parseAddPaths('dir-1, dir-2'))).toBe(true);
    const committed = await tree.git(['show', '--name-status', '--format=', 'HEAD']);
    expect(committed.stdout.trim().split('\n')).toEqual(['M\tdir-1/file-001.txt', 'D\tdir-2/file-002.txt']);
    expect((await tree.git(['status', '--porcelain'])).stdout).toBe('?? other.txt\n');
  });
});

describe('commitAll and nested repositories', () => {
  test('edits inside a submodule, its commit unchanged, are nothing to commit', async () => {
    const tree = await cloneLikeTree();
    const library = fs.mkdtempSync(path.join(os.tmpdir(), 'local-git-lib-'));
    git(library, ['init', '-q', '--initial-branch=main']);
    fs.writeFileSync(path.join(library, 'lib.txt'), 'lib\n');
    git(library, ['add', '.']);
    git(library, ['commit', '-q', '-m', 'lib']);
    git(tree.dir, ['submodule', 'add', '-q', `file://${library}`, 'vendor/lib']);
    git(tree.dir, ['commit', '-q', '-m', 'Add the submodule']);
    const head = git(tree.dir, ['rev-parse', 'HEAD']);
    fs.appendFileSync(path.join(tree.dir, 'vendor', 'lib', 'lib.txt'), 'edited inside\n');
    expect(await tree.commitAll('Nothing', BOT, BOT)).toBe(false);
    expect(git(tree.dir, ['rev-parse', 'HEAD'])).toBe(head);
  });

  test('a new embedded repository is committed as a gitlink, as add --all would', async () => {
    const tree = await cloneLikeTree();
    const nested = path.join(tree.dir, 'nested');
    fs.mkdirSync(nested);
    git(nested, ['init', '-q', '--initial-branch=main']);
    fs.writeFileSync(path.join(nested, 'n.txt'), 'n\n');
    git(nested, ['add', '.']);
    git(nested, ['commit', '-q', '-m', 'nested']);
    expect(await tree.commitAll('Embed', BOT, BOT)).toBe(true);
    expect(git(tree.dir, ['ls-tree', 'HEAD', 'nested'])).toBe(
      `160000 commit ${git(nested, ['rev-parse', 'HEAD'])}\tnested`
    );
  });
});

describe('sparse checkouts', () => {
  const ODD = ['"quoted', 'back\\slash', 'new\nline', 'tab\there', 'plain/deep'];

  test('cQuote gives what git unquotes', () => {
    expect(cQuote('a')).toBe('"a"');
    expect(cQuote('"q')).toBe('"\\"q"');
    expect(cQuote('a\\b')).toBe('"a\\\\b"');
    expect(cQuote('n\nl\x01')).toBe('"n\\nl\\001"');
  });

  test('widenSparse checks out folders whatever their names, and pathsOfCommit reads a root commit', async () => {
    const tree = await cloneLikeTree();
    for (const folder of ODD) {
      fs.mkdirSync(path.join(tree.dir, folder), { recursive: true });
      fs.writeFileSync(path.join(tree.dir, folder, 'f.txt'), `${folder}\n`);
    }
    expect(await tree.commitAll('Odd folders', BOT, BOT)).toBe(true);
    const root = git(tree.dir, ['rev-list', '--max-parents=0', 'HEAD']);
    expect((await tree.pathsOfCommit(root)).sort()).toEqual([...FILES].sort());

    await tree.startSparse();
    expect(fs.existsSync(path.join(tree.dir, FILES[0]))).toBe(false);
    await tree.widenSparse(async () => ODD.map((folder) => `${folder}/f.txt`));
    for (const folder of ODD)
      expect(fs.readFileSync(path.join(tree.dir, folder, 'f.txt'), 'utf8')).toBe(`${folder}\n`);
    expect(fs.existsSync(path.join(tree.dir, FILES[0]))).toBe(false);
  });
});

describe('a new repository written without git init (src/git-init.ts)', () => {
  /** Every entry under `.git`: its path, type, permission bits, and a file's content. */
  function listing(dir: string): string[] {
    const entries: string[] = [];
    const walk = (relative: string) => {
      for (const name of fs.readdirSync(path.join(dir, relative)).sort()) {
        const file = path.join(relative, name);
        const stat = fs.lstatSync(path.join(dir, file));
        const mode = (stat.mode & 0o777).toString(8);
        if (stat.isDirectory()) {
          entries.push(`${file}/ ${mode}`);
          walk(file);
        } else entries.push(`${file} ${mode}\n${fs.readFileSync(path.join(dir, file), 'utf8')}`);
      }
    };
    walk('.git');
    return entries;
  }
  const noSystem = { GIT_CONFIG_NOSYSTEM: '1' };

  test("is byte for byte what 'git init -q --template=' makes, and git reads it so", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-git-init-'));
    const ours = path.join(root, 'ours');
    fs.mkdirSync(ours);
    expect(await writeNewRepository(ours, 'outbox/main', noSystem, 'linux')).toBe(true);
    git(root, ['init', '-q', '--template=', '--initial-branch=outbox/main', 'theirs']);
    expect(listing(ours)).toEqual(listing(path.join(root, 'theirs')));
    expect(git(ours, ['symbolic-ref', 'HEAD'])).toBe('refs/heads/outbox/main');
    expect(git(ours, ['rev-parse', '--is-bare-repository', '--is-shallow-repository'])).toBe('false\nfalse');
  });

  test('leaves it to git init where git would write more, or otherwise', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'local-git-init-'));
    let systems = 0;
    const system = (text: string) => {
      const file = path.join(root, `system-${++systems}.gitconfig`);
      fs.writeFileSync(file, text);
      return { GIT_CONFIG_SYSTEM: file };
    };
    const cases: Array<[NodeJS.ProcessEnv, NodeJS.Platform]> = [
      [noSystem, 'darwin'],
      [noSystem, 'win32'],
      [{ ...noSystem, GIT_DEFAULT_HASH: 'sha256' }, 'linux'],
      [{ ...noSystem, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.sharedRepository' }, 'linux'],
      [{ ...noSystem, GIT_CONFIG_PARAMETERS: "'core.logAllRefUpdates'='false'" }, 'linux'],
      [system('[core]\n\tsharedRepository = group\n'), 'linux'],
      [system('[include]\n\tpath = other.gitconfig\n'), 'linux'],
      [system('[user]\n\tname = x\n[user][include]\n\tpath = other.gitconfig\n'), 'linux'],
      [{ ...noSystem, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'include.path' }, 'linux'],
      [{ ...noSystem, GIT_CONFIG_PARAMETERS: "'includeIf.gitdir:/.path'='x'" }, 'linux']
    ];
    for (const [i, [env, platform]] of cases.entries()) {
      const dir = path.join(root, `case-${i}`);
      expect([i, await writeNewRepository(dir, 'main', env, platform)]).toEqual([i, false]);
      expect(fs.existsSync(dir)).toBe(false);
    }
    // A system config without those keys is no reason to run git.
    const plain = path.join(root, 'plain');
    fs.mkdirSync(plain);
    const lfs = system('[filter "lfs"]\n\tprocess = git-lfs filter-process\n');
    expect(await writeNewRepository(plain, 'main', lfs, 'linux')).toBe(true);
  });
});
