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

import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const LFS_MEDIA_TYPE = 'application/vnd.git-lfs+json';
const OBJECT_HOST = 'github-cloud.githubusercontent.com';
const VERIFY_HOST = 'lfs.github.com';
const MAX_BATCH_OBJECTS = 100;
const MAX_OBJECT_SIZE = 2 * 1024 * 1024 * 1024;
const TICKET_SECONDS = 3600;
const LFS_DOCS = 'https://docs.github.com/repositories/working-with-files/managing-large-files';

const BATCH_RE = /^\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/info\/lfs\/objects\/batch$/;
const LOCKS_RE =
  /^\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/info\/lfs\/locks(\/verify|\/[^/]+\/unlock)?$/;
const MEDIA_RE = /^\/alambic\/media\/(\d+)\/[0-9a-f]{2}\/[0-9a-f]{2}\/([0-9a-f]{64})$/;
const VERIFY_RE = /^\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/objects\/([0-9a-f]{64})\/verify$/;

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

type LfsRepo = { id: number; fullName: string; owner: string; name: string };
type ReadBody = (req: IncomingMessage, limit?: number) => Promise<Buffer>;
type Op = 'upload' | 'download' | 'verify';
interface Lock {
  id: string;
  repo: string;
  path: string;
  owner: string;
  lockedAt: string;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a client's JSON, checked field by field
type Json = Record<string, any>;

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
    if (route.kind === 'media') return this.serveMedia(req, res, route, method, readBody);
    if (route.kind === 'verify') return this.serveVerify(req, res, route, method, readBody);
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
      return this.serveBatch(req, res, repo, body);
    }
    return this.serveLocks(
      res,
      repo,
      route.action ?? '',
      method,
      body,
      login,
      new URL(req.url ?? '/', 'https://github.com').searchParams
    );
  }

  /** @param {{ id: number, fullName: string, owner: string, name: string }} repo */
  serveBatch(_req: IncomingMessage, res: ServerResponse, repo: LfsRepo, body: Json) {
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
    const stored = this.bucket(this.objects, repo.fullName);
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
          actions: { download: this.action(media, repo, oid, have.length, 'download') }
        };
      }
      if (stored.has(oid)) return { oid, size, authenticated: true };
      const verify = this.action(
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
        actions: { upload: this.action(media, repo, oid, size, 'upload'), verify }
      };
    });
    return send(res, 200, { transfer: 'basic', objects: answers, hash_algo: 'sha256' });
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

  async serveMedia(
    req: IncomingMessage,
    res: ServerResponse,
    route: Extract<LfsRoute, { kind: 'media' }>,
    method: string,
    readBody: ReadBody
  ) {
    const op = method === 'PUT' ? 'upload' : method === 'GET' ? 'download' : undefined;
    const ticket = op ? this.ticketFor(req, route.oid, op) : undefined;
    const repo = this.repos.findRepoById(route.repoId);
    if (!op || !ticket || !repo || ticket.repo !== repo.fullName.toLowerCase()) {
      req.resume();
      // What the storage host answers a request without a valid signature.
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end(
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Request has expired or is not signed for this object</Message></Error>\n'
      );
      return;
    }
    if (op === 'download') {
      const bytes = this.bucket(this.objects, repo.fullName).get(route.oid);
      if (!bytes) return send(res, 404, { message: 'Object does not exist' });
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
      res.end(bytes);
      return;
    }
    const bytes = await readBody(req, MAX_OBJECT_SIZE);
    const oid = createHash('sha256').update(bytes).digest('hex');
    if (oid !== route.oid || bytes.length !== ticket.size) {
      return send(res, 400, {
        message: `The uploaded content (sha256 ${oid}, ${bytes.length} bytes) is not the announced object`
      });
    }
    this.bucket(this.pending, repo.fullName).set(oid, bytes);
    res.writeHead(200, { 'content-length': 0 });
    res.end();
  }

  async serveVerify(
    req: IncomingMessage,
    res: ServerResponse,
    route: Extract<LfsRoute, { kind: 'verify' }>,
    method: string,
    readBody: ReadBody
  ) {
    const ticket = method === 'POST' ? this.ticketFor(req, route.oid, 'verify') : undefined;
    const repo = this.repos.findRepo(`${route.owner}/${route.name}`);
    if (!ticket || !repo || ticket.repo !== repo.fullName.toLowerCase()) {
      req.resume();
      return send(res, 401, { message: 'Bad credentials' });
    }
    const body = parseJson(await readBody(req, 1024 * 1024)) ?? {};
    const pending = this.bucket(this.pending, repo.fullName);
    const bytes = pending.get(route.oid);
    if (!bytes || body.oid !== route.oid || body.size !== bytes.length) {
      return send(res, 422, { message: 'Object does not exist or does not match its size' });
    }
    pending.delete(route.oid);
    this.bucket(this.objects, repo.fullName).set(route.oid, bytes);
    return send(res, 200, { message: 'Object verified' });
  }

  /** The locks API (locking.md): list, create, verify, unlock. */
  serveLocks(
    res: ServerResponse,
    repo: LfsRepo,
    action: string,
    method: string,
    body: Json,
    login: string,
    query: URLSearchParams
  ) {
    const key = repo.fullName.toLowerCase();
    const mine = this.locks.filter((lock) => lock.repo === key);
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
      return send(res, 201, { lock: shape(this.lock(repo.fullName, body.path, login)) });
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
      this.locks.splice(this.locks.indexOf(lock), 1);
      return send(res, 200, { lock: shape(lock) });
    }
    return send(res, 404, { message: 'Not Found' });
  }
}

function parseJson(raw: Buffer): Json | undefined {
  if (raw.length === 0) return {};
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': LFS_MEDIA_TYPE,
    'content-length': Buffer.byteLength(payload),
    ...headers
  });
  res.end(payload);
}
