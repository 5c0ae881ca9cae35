// Git LFS file locking (locking.md), which GitHub supports: git-lfs verifies locks before a push
// to github.com by default, and refuses to push a file someone else holds a lock on.
import type { ServerResponse } from 'node:http';
import { send, type Json, type LfsRepo } from './lfs-common.js';
import type { Lock, LfsStore } from './lfs-store.js';

/** The locks API (locking.md): list, create, verify, unlock. */
export function serveLocks(
  store: LfsStore,
  res: ServerResponse,
  repo: LfsRepo,
  action: string,
  method: string,
  body: Json,
  login: string,
  query: URLSearchParams
) {
  const key = repo.fullName.toLowerCase();
  const mine = store.locks.filter((lock) => lock.repo === key);
  const shape = (lock: Lock) => ({
    id: lock.id,
    path: lock.path,
    locked_at: lock.lockedAt,
    owner: { name: lock.owner }
  });
  if (action === '' && method === 'GET') {
    const found = mine.filter(
      (lock) =>
        (!query.get('path') || lock.path === query.get('path')) &&
        (!query.get('id') || lock.id === query.get('id'))
    );
    return send(res, 200, { locks: found.map(shape), next_cursor: '' });
  }
  if (action === '' && method === 'POST') {
    if (typeof body.path !== 'string' || body.path === '')
      return send(res, 422, { message: 'Path must be given' });
    const held = mine.find((lock) => lock.path === body.path);
    if (held) return send(res, 409, { lock: shape(held), message: 'already created lock' });
    return send(res, 201, { lock: shape(store.lock(repo.fullName, body.path, login)) });
  }
  if (action === '/verify' && method === 'POST') {
    return send(res, 200, {
      ours: mine.filter((l) => l.owner === login).map(shape),
      theirs: mine.filter((l) => l.owner !== login).map(shape),
      next_cursor: ''
    });
  }
  const unlock = /^\/([^/]+)\/unlock$/.exec(action);
  if (unlock && method === 'POST') {
    const lock = mine.find((l) => l.id === decodeURIComponent(unlock[1]));
    if (!lock) return send(res, 404, { message: 'Lock not found' });
    if (lock.owner !== login && body.force !== true)
      return send(res, 403, { message: `${lock.path} is locked by ${lock.owner}` });
    store.locks.splice(store.locks.indexOf(lock), 1);
    return send(res, 200, { lock: shape(lock) });
  }
  return send(res, 404, { message: 'Not Found' });
}
