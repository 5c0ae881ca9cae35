// Writes blobs into a bare repository in process, as `git hash-object -w --stdin` does (no
// filters: stdin is hashed as it is): one loose object, zlib-deflated, named by its SHA-1. The
// emulator writes every file of every commit it makes; a git process per file was most of the
// cost of creating a repository.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { constants, deflateSync, inflateSync } from 'node:zlib';

/** Stores `content` as a blob in the repository at `gitDir` and returns its object id. */
export function writeBlob(gitDir: string, content: string | Buffer): string {
  return writeObject(gitDir, 'blob', typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
}

/** Stores one object as a loose object and returns its id. */
function writeObject(gitDir: string, type: 'blob' | 'tree' | 'commit', body: Buffer): string {
  const object = Buffer.concat([Buffer.from(`${type} ${body.length}\0`), body]);
  const sha = createHash('sha1').update(object).digest('hex');
  const dir = path.join(gitDir, 'objects', sha.slice(0, 2));
  const file = path.join(dir, sha.slice(2));
  if (existsSync(file)) return sha;
  mkdirSync(dir, { recursive: true });
  // Written aside and renamed, as git does, so that a reader never sees half an object.
  const temp = path.join(dir, `tmp_obj_${randomBytes(6).toString('hex')}`);
  writeFileSync(temp, deflateSync(object), { mode: 0o444 });
  renameSync(temp, file);
  return sha;
}

type TreeNode = Map<string, string | TreeNode>;

const plainName = (part: string) =>
  /^[A-Za-z0-9._+=@,-]+$/.test(part) && !part.endsWith('.') && part.toLowerCase() !== '.git';

/**
 * Writes the trees of a commit without a parent, as `git update-index --index-info` and
 * `git write-tree` would from an empty index (regular files, mode 100644), and returns the root
 * tree's id; null for anything git might treat otherwise (a file where a folder is, a `.git`
 * component, names beyond plain letters, digits and `._+=@,-`, which git's path checks or the
 * index-info quoting could read differently), for the caller to let git do it.
 */
export function writeRootTree(gitDir: string, files: Record<string, string | Buffer>): string | null {
  const root: TreeNode = new Map();
  for (const [file, content] of Object.entries(files)) {
    const parts = file.split('/');
    if (!parts.every(plainName)) return null;
    let node = root;
    for (const part of parts.slice(0, -1)) {
      const next = node.get(part) ?? new Map();
      if (typeof next === 'string') return null;
      node.set(part, next);
      node = next;
    }
    const name = parts[parts.length - 1];
    if (node.has(name)) return null;
    node.set(name, writeBlob(gitDir, content));
  }
  const write = (node: TreeNode): string => {
    // git orders entries by name, a folder's name compared as if it ended in '/'.
    const entries = [...node].map(([name, value]) =>
      typeof value === 'string'
        ? { key: Buffer.from(name), mode: '100644', name, sha: value }
        : { key: Buffer.from(`${name}/`), mode: '40000', name, sha: write(value) }
    );
    entries.sort((a, b) => Buffer.compare(a.key, b.key));
    const body = Buffer.concat(
      entries.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.sha, 'hex')]))
    );
    return writeObject(gitDir, 'tree', body);
  };
  return write(root);
}

/**
 * Writes a commit object as `git commit-tree TREE [-p PARENT] -m MESSAGE` does with the same
 * author and committer and a date of `<epoch> +0000`, and returns its id.
 */
export function writeCommitObject(
  gitDir: string,
  tree: string,
  parent: string | null,
  message: string,
  identity: { name: string; email: string },
  when: string
): string {
  const person = `${identity.name} <${identity.email}> ${when}`;
  const text = [
    `tree ${tree}`,
    ...(parent ? [`parent ${parent}`] : []),
    `author ${person}`,
    `committer ${person}`,
    '',
    message.endsWith('\n') ? message : `${message}\n`
  ].join('\n');
  return writeObject(gitDir, 'commit', Buffer.from(text, 'utf8'));
}

/** The type of a loose object ('commit', 'tree', 'blob', 'tag'), or null when it is not loose. */
export function looseObjectType(gitDir: string, sha: string): string | null {
  let fd: number;
  try {
    fd = openSync(path.join(gitDir, 'objects', sha.slice(0, 2), sha.slice(2)), 'r');
  } catch {
    return null;
  }
  try {
    // The header ("commit 123\0") is in the first bytes of the inflated stream.
    const head = Buffer.alloc(64);
    const size = readSync(fd, head, 0, head.length, 0);
    const text = inflateSync(head.subarray(0, size), { finishFlush: constants.Z_SYNC_FLUSH }).toString(
      'latin1'
    );
    return /^(commit|tree|blob|tag) \d+\0/.exec(text)?.[1] ?? null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
