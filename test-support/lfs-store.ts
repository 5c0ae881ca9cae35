// Git LFS for the GitHub emulator: the batch API, basic transfers, verify callbacks, file locking,
// and the object store behind them. Kept apart from emulator/, which routes requests here.
//
// As on github.com (see git-lfs docs/api/batch.md, basic-transfers.md, locking.md, and GitHub's
// batch answers quoted in git-lfs issues):
//   POST https://github.com/OWNER/REPO.git/info/lfs/objects/batch  (".git" optional)
//        the same credentials as git over HTTPS: Basic with a registered token, else 401 with
//        LFS-Authenticate, so git-lfs asks git's credential helper; Accept and Content-Type
//        application/vnd.git-lfs+json; at most 100 objects; sha256 only; objects over 2 GiB refused.
//        Upload: objects the store has get no actions; others an `upload` action on another host
//        (github-cloud.githubusercontent.com) with a short-lived `RemoteAuth` header and expires_in,
//        plus a `verify` action on lfs.github.com. An uploaded object is served only once verified.
//        Download: a `download` action for stored objects, a per-object 404 error for others.
//   PUT|GET https://github-cloud.githubusercontent.com/alambic/media/REPOID/aa/bb/OID  (the ticket
//        from the batch answer; the body must hash to the oid and have the announced size)
//   POST https://lfs.github.com/OWNER/REPO/objects/OID/verify
//   GET|POST /info/lfs/locks, POST /info/lfs/locks/verify, POST /info/lfs/locks/ID/unlock: GitHub
//        supports file locking (git-lfs verifies locks before a push to github.com by default).
// Tests read and seed the store through `put`, `has`, `get`, `oids`, and `lock`.
//
// Here: the store, its tickets and the routing. The batch API is in lfs-batch.ts, transfers
// and verify callbacks in lfs-transfers.ts, locking in lfs-locks.ts.

import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveBatch } from './lfs-batch.js';
import {
  BATCH_RE,
  LFS_DOCS,
  LFS_MEDIA_TYPE,
  LOCKS_RE,
  MEDIA_RE,
  OBJECT_HOST,
  TICKET_SECONDS,
  VERIFY_HOST,
  VERIFY_RE,
  parseJson,
  send,
  type LfsRepo,
  type Op
} from './lfs-common.js';
import { serveLocks } from './lfs-locks.js';
import { serveMedia, serveVerify } from './lfs-transfers.js';

/** The pointer file git-lfs commits for `content` (spec v1). */
export function lfsPointer(content: string | Buffer) {
  const bytes = Buffer.from(content);
  const oid = createHash('sha256').update(bytes).digest('hex');
  return {
    oid,
    size: bytes.length,
    text: `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize ${bytes.length}\n`
  };
}

export type LfsRoute =
  | { kind: 'batch' | 'locks'; owner: string; name: string; action?: string }
  | { kind: 'media'; repoId: number; oid: string }
  | { kind: 'verify'; owner: string; name: string; oid: string };

export interface Lock {
  id: string;
  repo: string;
  path: string;
  owner: string;
  lockedAt: string;
}

export class LfsStore {
  repos: {
    findRepo: (fullName: string) => LfsRepo | undefined;
    findRepoById: (id: number) => { id: number; fullName: string } | undefined;
  };
  /** verified objects by lower-cased repository */
  objects = new Map<string, Map<string, Buffer>>();
  /** uploaded, not yet verified */
  pending = new Map<string, Map<string, Buffer>>();
  tickets = new Map<string, { repo: string; oid: string; size: number; op: Op; expiresAt: number }>();
  locks: Lock[] = [];
  lockCounter = 0;

  /**
   * @param {{ findRepo: (fullName: string) => { id: number, fullName: string, owner: string, name: string } | undefined,
   *           findRepoById: (id: number) => { id: number, fullName: string } | undefined }} repos
   */
  constructor(repos: {
    findRepo: (fullName: string) => { id: number; fullName: string; owner: string; name: string } | undefined;
    findRepoById: (id: number) => { id: number; fullName: string } | undefined;
  }) {
    this.repos = repos;
  }

  // ---- test helpers --------------------------------------------------------------------------

  /** Stores `content` for `fullName` as if pushed; returns its pointer (text, oid, size). */
  put(fullName: string, content: string | Buffer) {
    const pointer = lfsPointer(content);
    this.bucket(this.objects, fullName).set(pointer.oid, Buffer.from(content));
    return pointer;
  }

  /** @returns {boolean} */
  has(fullName: string, oid: string): boolean {
    return this.bucket(this.objects, fullName).has(oid);
  }

  /** @returns {Buffer | undefined} */
  get(fullName: string, oid: string): Buffer | undefined {
    return this.bucket(this.objects, fullName).get(oid);
  }

  /** The oids stored (verified) for `fullName`, sorted. */
  oids(fullName: string) {
    return [...this.bucket(this.objects, fullName).keys()].sort();
  }

  /** Locks `path` in `fullName` for `owner` (a login), as `git lfs lock` would. */
  lock(fullName: string, path: string, owner: string): Lock {
    const lock = {
      id: String(++this.lockCounter),
      repo: fullName.toLowerCase(),
      path,
      owner,
      lockedAt: new Date().toISOString()
    };
    this.locks.push(lock);
    return lock;
  }

  /** @param {Map<string, Map<string, Buffer>>} map */
  bucket(map: Map<string, Map<string, Buffer>>, fullName: string) {
    const key = fullName.toLowerCase();
    if (!map.has(key)) map.set(key, new Map());
    return map.get(key) as Map<string, Buffer>;
  }

  // ---- routing -------------------------------------------------------------------------------

  /**
   * The LFS endpoint a request is for, or null.
   * @param {string} host
   * @param {string} pathname
   * @returns {LfsRoute | null}
   */
  route(host: string, pathname: string): LfsRoute | null {
    if (host === 'github.com') {
      const batch = BATCH_RE.exec(pathname);
      if (batch) return { kind: 'batch', owner: batch[1], name: batch[2] };
      const locks = LOCKS_RE.exec(pathname);
      if (locks) return { kind: 'locks', owner: locks[1], name: locks[2], action: locks[3] ?? '' };
      return null;
    }
    if (host === OBJECT_HOST) {
      const media = MEDIA_RE.exec(pathname);
      return media ? { kind: 'media', repoId: Number(media[1]), oid: media[2] } : null;
    }
    if (host === VERIFY_HOST) {
      const verify = VERIFY_RE.exec(pathname);
      return verify ? { kind: 'verify', owner: verify[1], name: verify[2], oid: verify[3] } : null;
    }
    return null;
  }

  /**
   * Serves one LFS request. `login` is the registered token's user (null when none was presented).
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {LfsRoute} route
   * @param {string | null} login
   * @param {(req: IncomingMessage, limit?: number) => Promise<Buffer>} readBody
   */
  async serve(
    req: IncomingMessage,
    res: ServerResponse,
    route: LfsRoute,
    login: string | null,
    readBody: (req: IncomingMessage, limit?: number) => Promise<Buffer>
  ) {
    const method = (req.method ?? 'GET').toUpperCase();
    if (route.kind === 'media') return serveMedia(this, req, res, route, method, readBody);
    if (route.kind === 'verify') return serveVerify(this, req, res, route, method, readBody);
    // The git endpoints: GitHub's credentials rules for git over HTTPS.
    if (!login) {
      req.resume();
      return send(
        res,
        401,
        { message: 'Credentials needed', documentation_url: LFS_DOCS },
        { 'lfs-authenticate': 'Basic realm="GitHub"' }
      );
    }
    const repo = this.repos.findRepo(`${route.owner}/${route.name}`);
    if (!repo) {
      req.resume();
      return send(res, 404, { message: 'Repository not found', documentation_url: LFS_DOCS });
    }
    if (!String(req.headers.accept ?? '').includes(LFS_MEDIA_TYPE)) {
      req.resume();
      return send(res, 406, { message: `Must accept '${LFS_MEDIA_TYPE}'`, documentation_url: LFS_DOCS });
    }
    const body = method === 'GET' ? {} : parseJson(await readBody(req, 10 * 1024 * 1024));
    if (body === undefined)
      return send(res, 422, { message: 'Problems parsing JSON', documentation_url: LFS_DOCS });
    if (route.kind === 'batch') {
      if (method !== 'POST') return send(res, 404, { message: 'Not Found', documentation_url: LFS_DOCS });
      return serveBatch(this, res, repo, body);
    }
    return serveLocks(
      this,
      res,
      repo,
      route.action ?? '',
      method,
      body,
      login,
      new URL(req.url ?? '/', 'https://github.com').searchParams
    );
  }

  /** An action with a ticket of its own: never the token the client presented. */
  action(href: string, repo: { fullName: string }, oid: string, size: number, op: Op) {
    const ticket = randomBytes(20).toString('base64url');
    this.tickets.set(ticket, {
      repo: repo.fullName.toLowerCase(),
      oid,
      size,
      op,
      expiresAt: Date.now() + TICKET_SECONDS * 1000
    });
    return {
      href,
      header: { Authorization: `RemoteAuth ${ticket}` } as Record<string, string>,
      expires_in: TICKET_SECONDS
    };
  }

  /** The ticket a transfer or verify request presents, when valid for this object and operation. */
  ticketFor(req: IncomingMessage, oid: string, op: Op) {
    const m = /^RemoteAuth\s+(\S+)$/.exec(String(req.headers.authorization ?? '').trim());
    const ticket = m ? this.tickets.get(m[1]) : undefined;
    if (!ticket || ticket.oid !== oid || ticket.op !== op || ticket.expiresAt < Date.now()) return undefined;
    return ticket;
  }
}
