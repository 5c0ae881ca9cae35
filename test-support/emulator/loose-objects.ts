// Writes blobs into a bare repository in process, as `git hash-object -w --stdin` does (no
// filters: stdin is hashed as it is): one loose object, zlib-deflated, named by its SHA-1. The
// emulator writes every file of every commit it makes; a git process per file was most of the
// cost of creating a repository.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

/** Stores `content` as a blob in the repository at `gitDir` and returns its object id. */
export function writeBlob(gitDir: string, content: string | Buffer): string {
  const body = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const object = Buffer.concat([Buffer.from(`blob ${body.length}\0`), body]);
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
