import type { LfsRoute } from '../lfs-store.js';
import https from 'node:https';
import { DOC_URL } from './common.js';
import { Faults, isContentGenerating } from './faults.js';
import {
  GIT_PATH_RE,
  HttpError,
  notFound,
  readBody,
  resetSocket,
  stripPort,
  swallowResponse
} from './http.js';
import type { EmulatorOptions, IncomingMessage, RequestLogEntry, ServerResponse, Site } from './types.js';
import { rmSync } from 'node:fs';

/** The HTTPS server: routes each request on its Host header and path to REST, GraphQL, git or LFS. */
export class Server extends Faults {
  server: https.Server;

  constructor(options: EmulatorOptions = {}) {
    super(options);
    this.server = https.createServer({ key: this.ca.key, cert: this.ca.cert }, (req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
          res.end(
            JSON.stringify({ message: `emulator error: ${err instanceof Error ? err.message : String(err)}` })
          );
        } else {
          res.destroy();
        }
      });
    });
    this.server.on('secureConnection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  listen(): Promise<this> {
    return new Promise((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => {
        if (err.code === 'EACCES' || err.code === 'EADDRINUSE' || err.code === 'EADDRNOTAVAIL') {
          reject(
            new Error(
              `GitHub emulator cannot listen on ${this.host}:${this.port} (${err.code}); ` +
                'run the tests through `node scripts/in-netns.mjs ...` so it gets its own network namespace'
            )
          );
        } else reject(err);
      };
      this.server.once('error', onError);
      this.server.listen(this.port, this.host, () => {
        this.server.off('error', onError);
        const addr = this.server.address();
        if (addr && typeof addr === 'object') this.port = addr.port;
        resolve(this);
      });
    });
  }

  /** Stops the server, drops open connections and removes the working dir if the emulator made it. */
  async close() {
    await new Promise((resolve) => {
      this.server.close(() => resolve(undefined));
      this.server.closeAllConnections?.();
      for (const s of this.sockets) s.destroy();
    });
    if (this.ownsDir) rmSync(this.dir, { recursive: true, force: true });
  }

  async handle(req: IncomingMessage, res: ServerResponse) {
    const hostHeader = String(req.headers.host ?? '');
    const host = stripPort(hostHeader);
    const url = new URL(req.url ?? '/', 'https://emulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const entry: RequestLogEntry = {
      method,
      host,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      authUser: null,
      token: null,
      kind: 'other',
      headers: { ...req.headers },
      time: new Date().toISOString()
    };
    this.requests.push(entry);
    this.entryOf.set(res, entry);
    res.on('finish', () => {
      entry.status = res.statusCode;
    });
    res.on('close', () => {
      entry.finished = new Date().toISOString();
    });

    const portSuffix =
      hostHeader.includes(':') && !hostHeader.startsWith('[') ? `:${hostHeader.split(':')[1]}` : '';
    let route: {
      kind: 'rest' | 'graphql' | 'git' | 'lfs' | 'other';
      site: Site;
      restPath?: string;
      git?: RegExpExecArray;
      lfs?: LfsRoute;
    };
    const p = url.pathname;
    if (host === 'api.github.com') {
      const site = {
        type: 'dotcom',
        web: `https://github.com${portSuffix}`,
        api: `https://api.github.com${portSuffix}`
      } as Site;
      route = p === '/graphql' ? { kind: 'graphql', site } : { kind: 'rest', site, restPath: p };
    } else if (host === 'localhost' || host === '127.0.0.1' || host === '[::1]') {
      const base = `https://${hostHeader.toLowerCase()}`;
      const site = { type: 'ghes', web: base, api: `${base}/api/v3` } as Site;
      const git = GIT_PATH_RE.exec(p);
      if (p === '/api/graphql') route = { kind: 'graphql', site };
      else if (p === '/api/v3' || p.startsWith('/api/v3/'))
        route = { kind: 'rest', site, restPath: p.slice('/api/v3'.length) || '/' };
      else if (git) route = { kind: 'git', site, git };
      else route = { kind: 'other', site };
    } else if (host === 'github.com') {
      const site = {
        type: 'dotcom',
        web: `https://github.com${portSuffix}`,
        api: `https://api.github.com${portSuffix}`
      } as Site;
      const git = GIT_PATH_RE.exec(p);
      route = git ? { kind: 'git', site, git } : { kind: 'other', site };
    } else {
      route = {
        kind: 'other',
        site: { type: 'dotcom', web: 'https://github.com', api: 'https://api.github.com' }
      };
    }
    const lfsRoute = this.lfs.route(host, p);
    if (lfsRoute) route = { kind: 'lfs', site: route.site, lfs: lfsRoute };
    entry.kind = route.kind;
    if (route.restPath !== undefined) entry.restPath = route.restPath;

    // Who is calling (recorded even for requests that are refused or get an injected fault).
    const auth = this.parseAuth(req, route.kind === 'git' || route.kind === 'lfs' ? 'git' : 'api');
    entry.token = auth.token;
    if (auth.gitUser !== undefined) entry.gitUser = auth.gitUser;
    const tokenInfo = auth.token ? (this.tokens.get(auth.token) ?? null) : null;
    entry.authUser = tokenInfo ? tokenInfo.login : null;
    if (route.kind === 'git') {
      entry.service =
        url.searchParams.get('service') ??
        (p.endsWith('/git-receive-pack') ? 'git-receive-pack' : 'git-upload-pack');
      if (req.headers['git-protocol']) entry.gitProtocol = String(req.headers['git-protocol']);
    }

    const delayed = this.takeFault(method, host, p, route.kind);
    if (delayed?.delayOnly) {
      entry.fault = 'delay';
      await new Promise((r) => setTimeout(r, delayed.delayMs));
    }
    const fault = delayed?.delayOnly ? null : delayed;
    if (fault) {
      entry.injected = true;
      entry.fault = fault.reset ? 'reset' : fault.rateLimit ? 'rate-limit' : 'status';
      if (fault.reset) entry.faultPhase = fault.after ? 'after' : 'before';
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.reset && !fault.after) {
        resetSocket(req.socket);
        return;
      }
      if (fault.reset) {
        // Serve the request as usual below, but drop the connection instead of answering.
        swallowResponse(res, entry);
      } else if (fault.rateLimit) {
        req.resume();
        return this.sendRateLimit(res, fault.rateLimit, route.kind, tokenInfo, req, entry);
      }
    }
    if (fault && !fault.reset) {
      req.resume();
      const isRaw = typeof fault.body === 'string' || Buffer.isBuffer(fault.body);
      const payload =
        fault.body === undefined ? '' : isRaw ? (fault.body as string | Buffer) : JSON.stringify(fault.body);
      const headers: Record<string, string | number> = {};
      if (fault.body !== undefined && !isRaw) headers['content-type'] = 'application/json; charset=utf-8';
      Object.assign(headers, fault.headers ?? {});
      headers['content-length'] = Buffer.byteLength(payload);
      res.writeHead(fault.status ?? 500, headers);
      res.end(payload);
      return;
    }

    if (route.kind === 'lfs')
      return this.lfs.serve(req, res, route.lfs as LfsRoute, tokenInfo ? tokenInfo.login : null, readBody);
    if (route.kind === 'git')
      return this.serveGit(req, res, entry, route.git as RegExpExecArray, tokenInfo, url);
    if (route.kind === 'other') {
      req.resume();
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not Found\n');
      return;
    }

    // REST and GraphQL
    if (!tokenInfo) {
      req.resume();
      return this.sendJson(
        res,
        401,
        { message: 'Bad credentials', documentation_url: DOC_URL },
        null,
        route.kind
      );
    }
    tokenInfo.used++;
    const crowded = this.enterFlight(tokenInfo, res, entry);
    if (crowded) {
      req.resume();
      return this.sendRateLimit(res, crowded, route.kind, tokenInfo, req, entry);
    }
    try {
      if (route.kind === 'graphql') {
        if (method !== 'POST') throw notFound();
        const body = this.parseJson(await readBody(req));
        const limited = this.limitContent(tokenInfo, entry, isContentGenerating(method, undefined, body));
        if (limited) return this.sendRateLimit(res, limited, route.kind, tokenInfo, req, entry);
        return this.sendJson(
          res,
          200,
          this.graphql(body, route.site, tokenInfo, entry),
          tokenInfo,
          'graphql'
        );
      }
      const rawBody = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : await readBody(req);
      const limited = this.limitContent(tokenInfo, entry, isContentGenerating(method, route.restPath, null));
      if (limited) return this.sendRateLimit(res, limited, route.kind, tokenInfo, req, entry);
      const result = await this.rest(
        method,
        route.restPath as string,
        url.searchParams,
        rawBody,
        route.site,
        tokenInfo
      );
      return this.sendJson(res, result.status, result.body, tokenInfo, 'rest', result.headers);
    } catch (err) {
      if (err instanceof HttpError) return this.sendJson(res, err.status, err.body, tokenInfo, route.kind);
      throw err;
    }
  }
}
