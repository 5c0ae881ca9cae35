// Git LFS batch API of the emulator (git-lfs docs/api/batch.md, as github.com answers it): at
// most 100 objects, sha256 only, objects over 2 GiB refused; an upload gets an `upload` action on
// the storage host and a `verify` action on lfs.github.com, a download a `download` action.
import type { ServerResponse } from 'node:http';
import {
  LFS_DOCS,
  LFS_MEDIA_TYPE,
  MAX_BATCH_OBJECTS,
  MAX_OBJECT_SIZE,
  OBJECT_HOST,
  VERIFY_HOST,
  send,
  type Json,
  type LfsRepo
} from './lfs-common.js';
import type { LfsStore } from './lfs-store.js';

/** The batch API (batch.md): what to upload or download, each action with a ticket of its own. */
export function serveBatch(store: LfsStore, res: ServerResponse, repo: LfsRepo, body: Json) {
  const { operation, objects } = body;
  if ((operation !== 'upload' && operation !== 'download') || !Array.isArray(objects)) {
    return send(res, 422, {
      message: 'Validation error: operation must be upload or download, with an objects array',
      documentation_url: LFS_DOCS
    });
  }
  if (body.hash_algo !== undefined && body.hash_algo !== 'sha256') {
    return send(res, 409, {
      message: `Unsupported hash algorithm: ${body.hash_algo}`,
      documentation_url: LFS_DOCS
    });
  }
  if (Array.isArray(body.transfers) && body.transfers.length > 0 && !body.transfers.includes('basic')) {
    return send(res, 422, {
      message: 'No supported transfer adapter: only basic',
      documentation_url: LFS_DOCS
    });
  }
  if (objects.length > MAX_BATCH_OBJECTS) {
    return send(res, 413, {
      message: `Too many objects: at most ${MAX_BATCH_OBJECTS} per batch request`,
      documentation_url: LFS_DOCS
    });
  }
  const stored = store.bucket(store.objects, repo.fullName);
  const answers = objects.map((object: Json) => {
    const { oid, size } = object ?? {};
    if (typeof oid !== 'string' || !/^[0-9a-f]{64}$/.test(oid) || !Number.isInteger(size) || size < 0) {
      return {
        oid,
        size,
        error: {
          code: 422,
          message: 'Invalid object: oid must be a sha256 and size a non-negative integer'
        }
      };
    }
    if (size > MAX_OBJECT_SIZE)
      return {
        oid,
        size,
        error: { code: 422, message: `Size must be less than or equal to ${MAX_OBJECT_SIZE}` }
      };
    const media = `https://${OBJECT_HOST}/alambic/media/${repo.id}/${oid.slice(0, 2)}/${oid.slice(2, 4)}/${oid}`;
    if (operation === 'download') {
      const have = stored.get(oid);
      if (!have) return { oid, size, error: { code: 404, message: 'Object does not exist on the server' } };
      return {
        oid,
        size: have.length,
        authenticated: true,
        actions: { download: store.action(media, repo, oid, have.length, 'download') }
      };
    }
    if (stored.has(oid)) return { oid, size, authenticated: true };
    const verify = store.action(
      `https://${VERIFY_HOST}/${repo.owner}/${repo.name}/objects/${oid}/verify`,
      repo,
      oid,
      size,
      'verify'
    );
    verify.header.Accept = LFS_MEDIA_TYPE;
    return {
      oid,
      size,
      authenticated: true,
      actions: { upload: store.action(media, repo, oid, size, 'upload'), verify }
    };
  });
  return send(res, 200, { transfer: 'basic', objects: answers, hash_algo: 'sha256' });
}
