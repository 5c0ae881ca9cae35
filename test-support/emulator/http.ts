import { DOC_URL } from './common.js';
import { EmulatorState } from './state.js';
import type { IncomingMessage, RequestLogEntry, ServerResponse, TokenInfo } from './types.js';
import { randomBytes } from 'node:crypto';

export const GIT_PATH_RE =
  /^\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?(\/(?:info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/.+))$/;

/**
 * GitHub's Link header for page `page` of `lastPage` (prev, next, last, first), or '' for one page.
 * @param url without query
 */
export function pageLinks(
  url: string,
  query: URLSearchParams,
  perPage: number,
  page: number,
  lastPage: number
) {
  if (lastPage <= 1) return '';
  const link = (n: number) => {
    const q = new URLSearchParams(query);
    q.set('per_page', String(perPage));
    q.set('page', String(n));
    return `${url}?${q.toString()}`;
  };
  const rels = [];
  if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`);
  if (page < lastPage) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(lastPage)}>; rel="last"`);
  if (page > 1) rels.push(`<${link(1)}>; rel="first"`);
  return rels.join(', ');
}

export function stripPort(hostHeader: string) {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const i = h.lastIndexOf(':');
  return i >= 0 && h.indexOf(':') === i ? h.slice(0, i) : h;
}

export async function readBody(req: IncomingMessage, limit: number = 25 * 1024 * 1024) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * An HTTP error the REST handlers throw to answer with GitHub's JSON error shape.
 */
export class HttpError extends Error {
  status: number;
  body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    super(String(body.message));
    this.status = status;
    this.body = body;
  }
}

export const notFound = () => new HttpError(404, { message: 'Not Found', documentation_url: DOC_URL });

export const validationFailed = (docPath: string, errors: Array<Record<string, unknown>>) =>
  new HttpError(422, {
    message: 'Validation Failed',
    errors,
    documentation_url: `https://docs.github.com/rest/${docPath}`
  });

/**
 * Drops a connection abruptly: a TCP reset on the socket under the TLS layer when possible
 * (clients see ECONNRESET), else a plain destroy.
 */
export function resetSocket(socket: import('node:net').Socket) {
  const raw =
    (socket as import('node:net').Socket & { _parent?: import('node:net').Socket })._parent ?? socket;
  try {
    if (typeof raw.resetAndDestroy === 'function') raw.resetAndDestroy();
  } catch {
    // not a TCP handle: a plain destroy below
  }
  socket.destroy();
  if (raw !== socket) raw.destroy();
}

/**
 * Makes `res` swallow the response it is given and reset the connection where it would have ended,
 * recording the status that was not sent in `entry.suppressedStatus`. The status stays 0 (nothing sent).
 */
export function swallowResponse(res: ServerResponse, entry: RequestLogEntry) {
  const socket = res.socket;
  const r = res as unknown as Record<'writeHead' | 'write' | 'end', unknown>;
  r.writeHead = (status: number) => {
    entry.suppressedStatus = status;
    return res;
  };
  r.write = (...args: unknown[]) => {
    const cb = args.find((x) => typeof x === 'function');
    if (typeof cb === 'function') process.nextTick(cb);
    return true;
  };
  r.end = (...args: unknown[]) => {
    if (socket) resetSocket(socket);
    const cb = args.find((x) => typeof x === 'function');
    if (typeof cb === 'function') process.nextTick(cb);
    return res;
  };
}

/** Who a request is from, its JSON body, and JSON answers recorded in the request log. */
export class HttpBase extends EmulatorState {
  parseAuth(req: IncomingMessage, kind: 'git' | 'api'): { token: string | null; gitUser?: string } {
    const header = String(req.headers.authorization ?? '').trim();
    const m = /^(\S+)\s+(.+)$/.exec(header);
    if (!m) return { token: null };
    const scheme = m[1].toLowerCase();
    if (scheme === 'basic') {
      const decoded = Buffer.from(m[2], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) return { token: null, gitUser: decoded };
      return { token: decoded.slice(colon + 1) || null, gitUser: decoded.slice(0, colon) };
    }
    if (kind === 'api' && (scheme === 'token' || scheme === 'bearer')) return { token: m[2].trim() };
    return { token: null };
  }

  parseJson(raw: Buffer) {
    if (raw.length === 0) return {};
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, { message: 'Problems parsing JSON', documentation_url: DOC_URL });
    }
  }

  sendJson(
    res: ServerResponse,
    status: number,
    body: unknown,
    tokenInfo: TokenInfo | null,
    kind: string,
    extra: Record<string, string> = {}
  ) {
    const payload = status === 204 ? '' : JSON.stringify(body);
    const used = tokenInfo ? tokenInfo.used : 0;
    const limit = tokenInfo ? 5000 : 60;
    const headers: Record<string, string | number> = {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-api-version-selected': '2022-11-28',
      'x-github-request-id': `${randomBytes(2).toString('hex').toUpperCase()}:${randomBytes(3).toString('hex').toUpperCase()}:${randomBytes(4).toString('hex').toUpperCase()}`,
      'x-accepted-oauth-scopes': kind === 'rest' && status !== 401 ? 'repo' : '',
      'x-ratelimit-limit': limit,
      'x-ratelimit-remaining': Math.max(0, limit - used),
      'x-ratelimit-reset': this.rateReset,
      'x-ratelimit-used': used,
      'x-ratelimit-resource': kind === 'graphql' ? 'graphql' : 'core'
    };
    if (tokenInfo && tokenInfo.scopes !== null) headers['x-oauth-scopes'] = tokenInfo.scopes;
    if (tokenInfo && tokenInfo.expiration !== null)
      headers['github-authentication-token-expiration'] = tokenInfo.expiration;
    Object.assign(headers, extra);
    if (status !== 204) headers['content-length'] = Buffer.byteLength(payload);
    const entry = this.entryOf.get(res);
    // What was sent, for checks against GitHub's API description (test-support/openapi-check.ts).
    if (entry && kind === 'rest')
      entry.response = {
        path: entry.restPath ?? entry.path,
        status,
        headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])),
        body: status === 204 ? null : JSON.parse(payload)
      };
    res.writeHead(status, headers);
    res.end(payload);
  }
}
