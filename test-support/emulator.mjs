// A local stand-in for GitHub, for the end-to-end tests.
//
// One HTTPS server (default 127.0.0.1:443, reachable as github.com / api.github.com inside the
// namespace made by scripts/in-netns.mjs) that routes on the Host header:
//   api.github.com          REST at /, GraphQL at POST /graphql
//   github.com              git smart HTTP at /OWNER/REPO.git/... (".git" optional)
//   localhost, 127.0.0.1    GitHub Enterprise Server layout: REST under /api/v3, GraphQL at
//                           POST /api/graphql, git at /OWNER/REPO.git/...
// Git is served by the real `git http-backend` CGI over bare repositories in <dir>/repos, so
// clone/fetch/push (protocol v0 and v2) behave exactly as git does. Only registered tokens are
// accepted. The tests drive and inspect it in-process through the methods of `Emulator`.

import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { createTestCA } from './ca.mjs';

/** @typedef {import('./ca.mjs').TestCA} TestCA */
/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

/**
 * @typedef {object} TokenInfo
 * @property {string} token
 * @property {string} login
 * @property {number} userId
 * @property {string | null} scopes      value of X-OAuth-Scopes, or null to send no such header
 * @property {string | null} expiration  value of github-authentication-token-expiration, or null
 * @property {number} used               REST/GraphQL requests made with it (drives x-ratelimit-*)
 */

/**
 * @typedef {object} RepoInfo
 * @property {number} id
 * @property {string} owner
 * @property {string} name
 * @property {string} fullName
 * @property {boolean} private
 * @property {string} defaultBranch
 * @property {string} bareDir
 * @property {number} nextNumber  next pull request / issue number
 */

/**
 * @typedef {object} RequestLogEntry
 * @property {string} method
 * @property {string} host          Host header without port, lower-cased
 * @property {string} path          URL path as received (not decoded, no query string)
 * @property {Record<string, string>} query  query parameters (first value of each)
 * @property {number} status        status code sent (0 while in flight)
 * @property {string | null} authUser login of the registered token presented, else null
 * @property {string | null} token  the token presented (registered or not), else null
 * @property {'rest' | 'graphql' | 'git' | 'other'} kind
 * @property {import('node:http').IncomingHttpHeaders} headers  request headers as received
 * @property {string} [service]     git only: 'git-upload-pack' or 'git-receive-pack'
 * @property {string} [gitUser]     git only: the Basic-auth user name presented
 * @property {string} [gitProtocol] git only: the Git-Protocol request header
 * @property {string} [stderr]      git only: what git http-backend printed on stderr
 * @property {boolean} [injected]   true when the response came from failNext()
 * @property {string} time          ISO timestamp of arrival
 */

/**
 * @typedef {object} Fault
 * @property {string} [method]        HTTP method to match (any when omitted)
 * @property {RegExp} [pathPattern]   tested against the URL path (without query string)
 * @property {string} [host]          Host to match, without port (any when omitted)
 * @property {'rest' | 'graphql' | 'git' | 'other'} [kind]  request kind to match (any when omitted)
 * @property {number} [status]        status to answer with (default 500)
 * @property {Record<string, string>} [headers]
 * @property {unknown} [body]         string/Buffer sent as is; anything else as JSON
 * @property {number} [delayMs]       wait this long before answering
 * @property {number} [times]         how many matching requests get it (default 1)
 */

/**
 * @typedef {object} Site
 * @property {'dotcom' | 'ghes'} type
 * @property {string} web   web base URL, e.g. https://github.com
 * @property {string} api   REST base URL, e.g. https://api.github.com or https://localhost/api/v3
 */

/**
 * @typedef {object} EmulatorOptions
 * @property {string} [dir]   working directory (CA, bare repos); a temp dir is made (and removed on close) when absent
 * @property {number} [port]  default 443
 * @property {string} [host]  address to listen on, default 127.0.0.1
 */

const DOC_URL = 'https://docs.github.com/rest';
const ZERO_OID = '0'.repeat(40);
const BASE_EPOCH = 1704103200; // 2024-01-01T10:00:00Z, for deterministic commits
const IDENTITY = { name: 'Upstream Octocat', email: 'upstream@users.noreply.github.com' };
const GIT_PATH_RE = /^\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?(\/(?:info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/.+))$/;

/**
 * @param {string} s
 * @returns {number}
 */
function stableId(s) {
  return 1000 + (createHash('sha256').update(s).digest().readUInt32BE(0) % 90_000_000);
}

/** @param {string} kind @param {number | string} id */
function nodeId(kind, id) {
  return `${kind}_${Buffer.from(`emu:${id}`).toString('base64url')}`;
}

function isoNow() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** @param {string} hostHeader */
function stripPort(hostHeader) {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const i = h.lastIndexOf(':');
  return i >= 0 && h.indexOf(':') === i ? h.slice(0, i) : h;
}

/** @param {IncomingMessage} req @param {number} [limit] */
async function readBody(req, limit = 25 * 1024 * 1024) {
  /** @type {Buffer[]} */
  const chunks = [];
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
class HttpError extends Error {
  /**
   * @param {number} status
   * @param {Record<string, unknown>} body
   */
  constructor(status, body) {
    super(String(body.message));
    this.status = status;
    this.body = body;
  }
}

const notFound = () => new HttpError(404, { message: 'Not Found', documentation_url: DOC_URL });

/**
 * @param {string} docPath
 * @param {Array<Record<string, unknown>>} errors
 */
const validationFailed = (docPath, errors) =>
  new HttpError(422, { message: 'Validation Failed', errors, documentation_url: `https://docs.github.com/rest/${docPath}` });

export class Emulator {
  /** @param {EmulatorOptions} [options] */
  constructor(options = {}) {
    this.port = options.port ?? 443;
    this.host = options.host ?? '127.0.0.1';
    /** Whether close() removes `dir` (only when the emulator made it). */
    this.ownsDir = !options.dir;
    this.dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'gh-emulator-'));
    mkdirSync(this.dir, { recursive: true });
    this.reposDir = path.join(this.dir, 'repos');
    mkdirSync(this.reposDir, { recursive: true });
    /** @type {TestCA} */
    this.ca = createTestCA(path.join(this.dir, 'ca'));
    this.caFile = this.ca.caFile;

    // git run by the emulator (helpers and http-backend) sees none of the user's configuration.
    const serverGitConfig = path.join(this.dir, 'server.gitconfig');
    writeFileSync(serverGitConfig, '[safe]\n\tdirectory = *\n');
    /** @type {NodeJS.ProcessEnv} */
    this.gitEnv = {
      PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
      HOME: this.dir,
      LANG: 'C',
      LC_ALL: 'C',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: serverGitConfig,
      GIT_TERMINAL_PROMPT: '0'
    };

    /** @type {Map<string, TokenInfo>} */
    this.tokens = new Map();
    /** @type {Map<string, RepoInfo>} keyed by lower-cased full name */
    this.repos = new Map();
    /** @type {Array<Record<string, any>>} pull requests as stored (GitHub's shape) */
    this.pulls = [];
    /** @type {Array<Record<string, any>>} issue comments as stored, plus `repo` and `issue_number` */
    this.comments = [];
    /** @type {RequestLogEntry[]} */
    this.requests = [];
    /** @type {Fault[]} */
    this.faults = [];
    this.commitCounter = 0;
    this.idCounter = 0;
    this.rateReset = Math.floor(Date.now() / 1000) + 3600;
    /** @type {Set<import('node:net').Socket>} */
    this.sockets = new Set();

    this.server = https.createServer({ key: this.ca.key, cert: this.ca.cert }, (req, res) => {
      this.handle(req, res).catch((err) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
          res.end(JSON.stringify({ message: `emulator error: ${err instanceof Error ? err.message : String(err)}` }));
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

  /** @returns {Promise<this>} */
  listen() {
    return new Promise((resolve, reject) => {
      /** @param {NodeJS.ErrnoException} err */
      const onError = (err) => {
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

  // ---------------------------------------------------------------------------------------------
  // Admin API

  /**
   * Registers a token. Only registered tokens are accepted by REST, GraphQL and git.
   * @param {string} token
   * @param {{ login?: string, scopes?: string | null, expiration?: string | null }} [options]
   *   scopes: null (default) sends no X-OAuth-Scopes header, as for ghs_ and github_pat_ tokens;
   *   a string is sent verbatim, e.g. 'repo, read:org'.
   * @returns {TokenInfo}
   */
  addToken(token, options = {}) {
    if (!token) throw new Error('addToken: empty token');
    const login = options.login ?? 'octo-bot';
    /** @type {TokenInfo} */
    const info = {
      token,
      login,
      userId: stableId(`user:${login.toLowerCase()}`),
      scopes: options.scopes ?? null,
      expiration: options.expiration ?? null,
      used: 0
    };
    this.tokens.set(token, info);
    return info;
  }

  /** @param {string} token */
  removeToken(token) {
    this.tokens.delete(token);
  }

  /**
   * Creates a bare repository with a deterministic initial commit on the default branch.
   * Extra branches start from that commit, with their own `files` committed on top when given.
   * @param {string} fullName 'owner/name'
   * @param {{ defaultBranch?: string, private?: boolean, files?: Record<string, string | Buffer>,
   *           branches?: Record<string, { files?: Record<string, string | Buffer> }> }} [options]
   * @returns {{ fullName: string, bareDir: string }}
   */
  createRepo(fullName, options = {}) {
    const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(fullName);
    if (!m || m[2].endsWith('.git')) throw new Error(`createRepo: bad repository name ${JSON.stringify(fullName)}`);
    if (this.repos.has(fullName.toLowerCase())) throw new Error(`createRepo: ${fullName} already exists`);
    const [, owner, name] = m;
    const defaultBranch = options.defaultBranch ?? 'main';
    const bareDir = path.join(this.reposDir, owner, `${name}.git`);
    mkdirSync(path.dirname(bareDir), { recursive: true });
    this.runGit(['init', '--quiet', '--bare', `--initial-branch=${defaultBranch}`, bareDir]);
    this.runGit(['--git-dir', bareDir, 'config', 'http.receivepack', 'true']);
    this.runGit(['--git-dir', bareDir, 'config', 'uploadpack.allowReachableSHA1InWant', 'true']);
    /** @type {RepoInfo} */
    const repo = {
      id: stableId(`repo:${fullName.toLowerCase()}`),
      owner,
      name,
      fullName,
      private: options.private ?? false,
      defaultBranch,
      bareDir,
      nextNumber: 1
    };
    this.repos.set(fullName.toLowerCase(), repo);
    const files = options.files ?? { 'README.md': '# hi\n' };
    // Fixed dates: the same name and files always give the same commits.
    const root = this.writeCommit(bareDir, defaultBranch, files, 'Initial commit', null, ZERO_OID, BASE_EPOCH);
    for (const [branch, spec] of Object.entries(options.branches ?? {})) {
      if (spec && spec.files && Object.keys(spec.files).length > 0) {
        this.writeCommit(bareDir, branch, spec.files, `Add ${branch}`, root, ZERO_OID, BASE_EPOCH + 60);
      } else {
        this.runGit(['--git-dir', bareDir, 'update-ref', `refs/heads/${branch}`, root, ZERO_OID]);
      }
    }
    return { fullName, bareDir };
  }

  /**
   * @param {string} fullName
   * @returns {RepoInfo}
   */
  repo(fullName) {
    const repo = this.repos.get(fullName.toLowerCase());
    if (!repo) throw new Error(`emulator: no repository ${fullName}`);
    return repo;
  }

  /**
   * Runs git against a repository's bare dir and returns its trimmed stdout.
   * @param {string} fullName
   * @param {string[]} args
   * @param {{ input?: string | Buffer, env?: NodeJS.ProcessEnv }} [options]
   * @returns {string}
   */
  git(fullName, args, options = {}) {
    return this.runGit(['--git-dir', this.repo(fullName).bareDir, ...args], options).trim();
  }

  /**
   * @param {string} fullName
   * @param {string} branch
   * @returns {string | null} the branch's commit sha, or null if there is no such branch
   */
  branchSha(fullName, branch) {
    return this.refSha(this.repo(fullName), `refs/heads/${branch}`);
  }

  /**
   * Every blob reachable from the tree of `ref`, as { path: content (utf8) }.
   * @param {string} fullName
   * @param {string} ref branch name, tag or sha
   * @returns {Record<string, string>}
   */
  readTree(fullName, ref) {
    const repo = this.repo(fullName);
    const listing = this.runGit(['--git-dir', repo.bareDir, 'ls-tree', '-r', '-z', '--full-tree', `${ref}^{tree}`]);
    /** @type {Record<string, string>} */
    const out = {};
    for (const line of listing.split('\0')) {
      if (!line) continue;
      const tab = line.indexOf('\t');
      const [, type, sha] = line.slice(0, tab).split(' ');
      if (type !== 'blob') continue;
      out[line.slice(tab + 1)] = this.runGit(['--git-dir', repo.bareDir, 'cat-file', 'blob', sha]);
    }
    return out;
  }

  /**
   * Commits `files` on top of `branch`, as if someone else had pushed. A missing branch is
   * created from the default branch (or `options.from`). A `null` content deletes that path.
   * @param {string} fullName
   * @param {string} branch
   * @param {Record<string, string | Buffer | null>} files
   * @param {string} [message]
   * @param {{ from?: string }} [options]
   * @returns {string} the new commit's sha
   */
  commitToBranch(fullName, branch, files, message = 'Upstream change', options = {}) {
    const repo = this.repo(fullName);
    let parent = this.refSha(repo, `refs/heads/${branch}`);
    const expectedOld = parent ?? ZERO_OID;
    if (!parent) {
      const from = options.from ?? repo.defaultBranch;
      parent = this.runGit(['--git-dir', repo.bareDir, 'rev-parse', '--verify', `${from}^{commit}`]).trim();
    }
    return this.writeCommit(repo.bareDir, branch, files, message, parent, expectedOld);
  }

  /**
   * Makes the next matching request(s) get the given response instead of the normal one.
   * @param {Fault} fault
   */
  failNext(fault) {
    this.faults.push({ times: 1, status: 500, ...fault });
  }

  /** Forgets tokens, repositories, pull requests, comments, the request log and pending faults. */
  reset() {
    this.tokens.clear();
    this.repos.clear();
    rmSync(this.reposDir, { recursive: true, force: true });
    mkdirSync(this.reposDir, { recursive: true });
    this.pulls.length = 0;
    this.comments.length = 0;
    this.requests.length = 0;
    this.faults.length = 0;
    this.commitCounter = 0;
  }

  // ---------------------------------------------------------------------------------------------
  // git plumbing

  /**
   * @param {string[]} args
   * @param {{ input?: string | Buffer, env?: NodeJS.ProcessEnv }} [options]
   * @returns {string}
   */
  runGit(args, options = {}) {
    try {
      return execFileSync('git', args, {
        env: { ...this.gitEnv, ...options.env },
        input: options.input,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['pipe', 'pipe', 'pipe']
      });
    } catch (err) {
      const e = /** @type {Error & {stderr?: string}} */ (err);
      throw new Error(`git ${args.join(' ')} failed: ${(e.stderr ?? '').trim() || e.message}`);
    }
  }

  /**
   * @param {RepoInfo} repo
   * @param {string} ref
   * @returns {string | null}
   */
  refSha(repo, ref) {
    try {
      return execFileSync('git', ['--git-dir', repo.bareDir, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
        env: this.gitEnv,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore']
      }).trim() || null;
    } catch {
      return null;
    }
  }

  /**
   * Writes one commit with plumbing (temporary index) and moves `branch` to it atomically.
   * @param {string} bareDir
   * @param {string} branch
   * @param {Record<string, string | Buffer | null>} files
   * @param {string} message
   * @param {string | null} parent
   * @param {string} [expectedOld] value the ref must have (default: parent, or absent)
   * @param {number} [epoch] author/committer time (default: a fixed clock that ticks a minute per commit)
   * @returns {string}
   */
  writeCommit(bareDir, branch, files, message, parent, expectedOld = parent ?? ZERO_OID, epoch = undefined) {
    const index = path.join(this.dir, `index-${process.pid}-${randomBytes(4).toString('hex')}`);
    const env = { GIT_INDEX_FILE: index };
    /** @type {(args: string[], input?: string | Buffer) => string} */
    const g = (args, input) => this.runGit(['--git-dir', bareDir, ...args], { env, input }).trim();
    try {
      g(parent ? ['read-tree', parent] : ['read-tree', '--empty']);
      // --index-info works without a work tree; mode 0 removes a path.
      const lines = Object.entries(files).map(([file, content]) => {
        if (/[\n\0]/.test(file) || file.startsWith('/') || file.split('/').some((part) => part === '' || part === '.' || part === '..')) {
          throw new Error(`commit: bad path ${JSON.stringify(file)}`);
        }
        if (content === null) return `0 ${ZERO_OID}\t${file}\n`;
        return `100644 ${g(['hash-object', '-w', '--stdin'], content)}\t${file}\n`;
      });
      if (lines.length) g(['update-index', '--index-info'], lines.join(''));
      const tree = g(['write-tree']);
      const when = `${epoch ?? BASE_EPOCH + 3600 + 60 * this.commitCounter++} +0000`;
      const commit = this.runGit(['--git-dir', bareDir, 'commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message], {
        env: {
          GIT_AUTHOR_NAME: IDENTITY.name,
          GIT_AUTHOR_EMAIL: IDENTITY.email,
          GIT_AUTHOR_DATE: when,
          GIT_COMMITTER_NAME: IDENTITY.name,
          GIT_COMMITTER_EMAIL: IDENTITY.email,
          GIT_COMMITTER_DATE: when
        }
      }).trim();
      g(['update-ref', '-m', message, `refs/heads/${branch}`, commit, expectedOld]);
      return commit;
    } finally {
      rmSync(index, { force: true });
    }
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   */
  async handle(req, res) {
    const hostHeader = String(req.headers.host ?? '');
    const host = stripPort(hostHeader);
    const url = new URL(req.url ?? '/', 'https://emulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    /** @type {RequestLogEntry} */
    const entry = {
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
    res.on('finish', () => {
      entry.status = res.statusCode;
    });

    const portSuffix = hostHeader.includes(':') && !hostHeader.startsWith('[') ? `:${hostHeader.split(':')[1]}` : '';
    /** @type {{ kind: 'rest' | 'graphql' | 'git' | 'other', site: Site, restPath?: string, git?: RegExpExecArray }} */
    let route;
    const p = url.pathname;
    if (host === 'api.github.com') {
      const site = /** @type {Site} */ ({ type: 'dotcom', web: `https://github.com${portSuffix}`, api: `https://api.github.com${portSuffix}` });
      route = p === '/graphql' ? { kind: 'graphql', site } : { kind: 'rest', site, restPath: p };
    } else if (host === 'localhost' || host === '127.0.0.1' || host === '[::1]') {
      const base = `https://${hostHeader.toLowerCase()}`;
      const site = /** @type {Site} */ ({ type: 'ghes', web: base, api: `${base}/api/v3` });
      const git = GIT_PATH_RE.exec(p);
      if (p === '/api/graphql') route = { kind: 'graphql', site };
      else if (p === '/api/v3' || p.startsWith('/api/v3/')) route = { kind: 'rest', site, restPath: p.slice('/api/v3'.length) || '/' };
      else if (git) route = { kind: 'git', site, git };
      else route = { kind: 'other', site };
    } else if (host === 'github.com') {
      const site = /** @type {Site} */ ({ type: 'dotcom', web: `https://github.com${portSuffix}`, api: `https://api.github.com${portSuffix}` });
      const git = GIT_PATH_RE.exec(p);
      route = git ? { kind: 'git', site, git } : { kind: 'other', site };
    } else {
      route = { kind: 'other', site: { type: 'dotcom', web: 'https://github.com', api: 'https://api.github.com' } };
    }
    entry.kind = route.kind;

    // Who is calling (recorded even for requests that are refused or get an injected fault).
    const auth = this.parseAuth(req, route.kind === 'git' ? 'git' : 'api');
    entry.token = auth.token;
    if (auth.gitUser !== undefined) entry.gitUser = auth.gitUser;
    const tokenInfo = auth.token ? this.tokens.get(auth.token) ?? null : null;
    entry.authUser = tokenInfo ? tokenInfo.login : null;
    if (route.kind === 'git') {
      entry.service = url.searchParams.get('service') ?? (p.endsWith('/git-receive-pack') ? 'git-receive-pack' : 'git-upload-pack');
      if (req.headers['git-protocol']) entry.gitProtocol = String(req.headers['git-protocol']);
    }

    const fault = this.takeFault(method, host, p, route.kind);
    if (fault) {
      entry.injected = true;
      req.resume();
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      const isRaw = typeof fault.body === 'string' || Buffer.isBuffer(fault.body);
      const payload = fault.body === undefined ? '' : isRaw ? /** @type {string | Buffer} */ (fault.body) : JSON.stringify(fault.body);
      /** @type {Record<string, string | number>} */
      const headers = {};
      if (fault.body !== undefined && !isRaw) headers['content-type'] = 'application/json; charset=utf-8';
      Object.assign(headers, fault.headers ?? {});
      headers['content-length'] = Buffer.byteLength(payload);
      res.writeHead(fault.status ?? 500, headers);
      res.end(payload);
      return;
    }

    if (route.kind === 'git') return this.serveGit(req, res, entry, /** @type {RegExpExecArray} */ (route.git), tokenInfo, url);
    if (route.kind === 'other') {
      req.resume();
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not Found\n');
      return;
    }

    // REST and GraphQL
    if (!tokenInfo) {
      req.resume();
      return this.sendJson(res, 401, { message: 'Bad credentials', documentation_url: DOC_URL }, null, route.kind);
    }
    tokenInfo.used++;
    try {
      if (route.kind === 'graphql') {
        if (method !== 'POST') throw notFound();
        const body = this.parseJson(await readBody(req));
        const query = body && typeof body.query === 'string' ? body.query : '';
        if (/\bviewer\b/.test(query)) {
          return this.sendJson(res, 200, { data: { viewer: { login: tokenInfo.login } } }, tokenInfo, 'graphql');
        }
        return this.sendJson(res, 200, { errors: [{ message: 'not supported by emulator' }] }, tokenInfo, 'graphql');
      }
      const rawBody = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : await readBody(req);
      const result = await this.rest(method, /** @type {string} */ (route.restPath), url.searchParams, rawBody, route.site, tokenInfo);
      return this.sendJson(res, result.status, result.body, tokenInfo, 'rest', result.headers);
    } catch (err) {
      if (err instanceof HttpError) return this.sendJson(res, err.status, err.body, tokenInfo, route.kind);
      throw err;
    }
  }

  /**
   * @param {string} method
   * @param {string} host
   * @param {string} pathname
   * @param {string} kind
   * @returns {Fault | null}
   */
  takeFault(method, host, pathname, kind) {
    const i = this.faults.findIndex(
      (f) =>
        (!f.method || f.method.toUpperCase() === method) &&
        (!f.host || f.host.toLowerCase() === host) &&
        (!f.kind || f.kind === kind) &&
        (!f.pathPattern || (f.pathPattern.lastIndex = 0, f.pathPattern.test(pathname)))
    );
    if (i < 0) return null;
    const fault = this.faults[i];
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(i, 1);
    return fault;
  }

  /**
   * @param {IncomingMessage} req
   * @param {'git' | 'api'} kind
   * @returns {{ token: string | null, gitUser?: string }}
   */
  parseAuth(req, kind) {
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

  /** @param {Buffer} raw */
  parseJson(raw) {
    if (raw.length === 0) return {};
    try {
      return JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, { message: 'Problems parsing JSON', documentation_url: DOC_URL });
    }
  }

  /**
   * @param {ServerResponse} res
   * @param {number} status
   * @param {unknown} body
   * @param {TokenInfo | null} tokenInfo
   * @param {string} kind
   * @param {Record<string, string>} [extra]
   */
  sendJson(res, status, body, tokenInfo, kind, extra = {}) {
    const payload = status === 204 ? '' : JSON.stringify(body);
    const used = tokenInfo ? tokenInfo.used : 0;
    const limit = tokenInfo ? 5000 : 60;
    /** @type {Record<string, string | number>} */
    const headers = {
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
    if (tokenInfo && tokenInfo.expiration !== null) headers['github-authentication-token-expiration'] = tokenInfo.expiration;
    Object.assign(headers, extra);
    if (status !== 204) headers['content-length'] = Buffer.byteLength(payload);
    res.writeHead(status, headers);
    res.end(payload);
  }

  // ---------------------------------------------------------------------------------------------
  // git smart HTTP through `git http-backend`

  /**
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {RequestLogEntry} entry
   * @param {RegExpExecArray} match
   * @param {TokenInfo | null} tokenInfo
   * @param {URL} url
   */
  serveGit(req, res, entry, match, tokenInfo, url) {
    if (!tokenInfo) {
      req.resume();
      res.writeHead(401, { 'www-authenticate': 'Basic realm="GitHub"', 'content-type': 'text/plain; charset=utf-8' });
      res.end('Invalid username or token. Password authentication is not supported for Git operations.\n');
      return;
    }
    const repo = this.repos.get(`${match[1]}/${match[2]}`.toLowerCase());
    if (!repo) {
      req.resume();
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Repository not found.\n');
      return;
    }
    /** @type {NodeJS.ProcessEnv} */
    const env = {
      ...this.gitEnv,
      GIT_PROJECT_ROOT: this.reposDir,
      GIT_HTTP_EXPORT_ALL: '1',
      GATEWAY_INTERFACE: 'CGI/1.1',
      SERVER_PROTOCOL: 'HTTP/1.1',
      SERVER_SOFTWARE: 'gh-emulator',
      PATH_INFO: `/${repo.owner}/${repo.name}.git${match[3]}`,
      REQUEST_METHOD: req.method ?? 'GET',
      QUERY_STRING: url.search.replace(/^\?/, ''),
      CONTENT_TYPE: String(req.headers['content-type'] ?? ''),
      REMOTE_USER: tokenInfo.login,
      REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1'
    };
    if (req.headers['content-length'] !== undefined) env.CONTENT_LENGTH = String(req.headers['content-length']);
    if (req.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = String(req.headers['content-encoding']);
    if (req.headers['git-protocol']) env.GIT_PROTOCOL = String(req.headers['git-protocol']);

    const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    /** @type {Buffer[]} */
    const errChunks = [];
    child.stderr.on('data', (c) => errChunks.push(c));
    child.stdin.on('error', () => {}); // the CGI may exit before reading everything
    req.pipe(child.stdin);

    let head = Buffer.alloc(0);
    let headersDone = false;
    child.stdout.on('data', (chunk) => {
      if (headersDone) return;
      head = Buffer.concat([head, chunk]);
      const crlf = head.indexOf('\r\n\r\n');
      const lf = head.indexOf('\n\n');
      let end = -1;
      let sepLen = 0;
      if (crlf >= 0 && (lf < 0 || crlf < lf)) [end, sepLen] = [crlf, 4];
      else if (lf >= 0) [end, sepLen] = [lf, 2];
      if (end < 0) return;
      headersDone = true;
      let status = 200;
      /** @type {Record<string, string>} */
      const headers = {};
      for (const line of head.subarray(0, end).toString('latin1').split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = parseInt(value, 10) || 200;
        else headers[name] = value;
      }
      res.writeHead(status, headers);
      const rest = head.subarray(end + sepLen);
      if (rest.length) res.write(rest);
      child.stdout.pipe(res);
    });
    child.on('error', (err) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`cannot run git http-backend: ${err.message}\n`);
      }
    });
    child.on('close', (code) => {
      const stderr = Buffer.concat(errChunks).toString('utf8');
      if (stderr) entry.stderr = stderr.slice(0, 4000);
      if (!headersDone) {
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`git http-backend exited with ${code} before sending headers\n${stderr}`);
        } else res.end();
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // REST

  /**
   * @param {string} method
   * @param {string} p path below the API root
   * @param {URLSearchParams} query
   * @param {Buffer} rawBody
   * @param {Site} site
   * @param {TokenInfo} me
   * @returns {Promise<{ status: number, body: unknown, headers?: Record<string, string> }>}
   */
  async rest(method, p, query, rawBody, site, me) {
    /** @param {RegExp} re */
    const match = (re) => re.exec(p);
    /** @type {RegExpExecArray | null} */
    let m;

    if (p === '/' && method === 'GET') return { status: 200, body: this.rootDocument(site) };
    if (p === '/user' && method === 'GET') return { status: 200, body: this.userJson(me, site) };

    if ((m = match(/^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/))) {
      const repo = this.repos.get(`${decodeURIComponent(m[1])}/${decodeURIComponent(m[2])}`.toLowerCase());
      if (!repo) throw notFound();
      const sub = m[3] ?? '';
      let s;
      if (sub === '' && method === 'GET') return { status: 200, body: this.repoJson(repo, site) };
      if ((s = /^\/branches\/(.+)$/.exec(sub)) && method === 'GET') {
        const branch = decodeURIComponent(s[1]);
        const sha = this.refSha(repo, `refs/heads/${branch}`);
        if (!sha) throw new HttpError(404, { message: 'Branch not found', documentation_url: `${DOC_URL}/branches/branches#get-a-branch` });
        return {
          status: 200,
          body: {
            name: branch,
            commit: { sha, url: `${site.api}/repos/${repo.fullName}/commits/${sha}` },
            protected: false,
            _links: { self: `${site.api}/repos/${repo.fullName}/branches/${branch}`, html: `${site.web}/${repo.fullName}/tree/${branch}` }
          }
        };
      }
      if ((s = /^\/git\/ref\/(.+)$/.exec(sub)) && method === 'GET') {
        const ref = decodeURIComponent(s[1]);
        const sha = ref.startsWith('heads/') ? this.refSha(repo, `refs/${ref}`) : null;
        if (!sha) throw notFound();
        return {
          status: 200,
          body: {
            ref: `refs/${ref}`,
            node_id: nodeId('REF', `${repo.id}:${ref}`),
            url: `${site.api}/repos/${repo.fullName}/git/refs/${ref}`,
            object: { sha, type: 'commit', url: `${site.api}/repos/${repo.fullName}/git/commits/${sha}` }
          }
        };
      }
      if ((s = /^\/git\/refs\/(.+)$/.exec(sub)) && method === 'DELETE') {
        const ref = decodeURIComponent(s[1]);
        const sha = ref.startsWith('heads/') ? this.refSha(repo, `refs/${ref}`) : null;
        if (!sha) throw new HttpError(422, { message: 'Reference does not exist', documentation_url: `${DOC_URL}/git/refs#delete-a-reference` });
        this.runGit(['--git-dir', repo.bareDir, 'update-ref', '-d', `refs/${ref}`, sha]);
        return { status: 204, body: null };
      }
      if (sub === '/pulls' && method === 'GET') return this.listPulls(repo, query, site);
      if (sub === '/pulls' && method === 'POST') return this.createPull(repo, this.parseJson(rawBody), site, me);
      if ((s = /^\/pulls\/(\d+)$/.exec(sub))) {
        const pr = this.findPull(repo, Number(s[1]));
        if (method === 'GET') return { status: 200, body: this.pullJson(pr, site) };
        if (method === 'PATCH') return this.updatePull(repo, pr, this.parseJson(rawBody), site);
      }
      if ((s = /^\/issues\/(\d+)\/labels$/.exec(sub)) && method === 'POST') {
        const pr = this.findPull(repo, Number(s[1]));
        const body = this.parseJson(rawBody);
        const wanted = Array.isArray(body) ? body : body.labels;
        if (!Array.isArray(wanted)) {
          throw validationFailed('issues/labels#add-labels-to-an-issue', [{ resource: 'Label', code: 'invalid', field: 'labels' }]);
        }
        for (const l of wanted) {
          const name = typeof l === 'string' ? l : l && typeof l.name === 'string' ? l.name : null;
          if (!name) throw validationFailed('issues/labels#add-labels-to-an-issue', [{ resource: 'Label', code: 'invalid', field: 'labels' }]);
          if (!pr.labels.some((/** @type {{name: string}} */ x) => x.name.toLowerCase() === name.toLowerCase())) {
            pr.labels.push(this.labelJson(repo, name, site));
          }
        }
        pr.updated_at = isoNow();
        return { status: 200, body: pr.labels.map((/** @type {any} */ l) => ({ ...l, url: `${site.api}/repos/${repo.fullName}/labels/${encodeURIComponent(l.name)}` })) };
      }
      if ((s = /^\/issues\/(\d+)\/comments$/.exec(sub)) && method === 'POST') {
        const pr = this.findPull(repo, Number(s[1]));
        const body = this.parseJson(rawBody);
        if (typeof body.body !== 'string' || body.body === '') {
          throw validationFailed('issues/comments#create-an-issue-comment', [{ resource: 'IssueComment', code: 'missing_field', field: 'body' }]);
        }
        const id = stableId(`comment:${++this.idCounter}:${repo.fullName}`);
        const now = isoNow();
        const comment = {
          id,
          node_id: nodeId('IC', id),
          url: `${site.api}/repos/${repo.fullName}/issues/comments/${id}`,
          html_url: `${site.web}/${repo.fullName}/pull/${pr.number}#issuecomment-${id}`,
          issue_url: `${site.api}/repos/${repo.fullName}/issues/${pr.number}`,
          body: body.body,
          user: this.userJson(me, site),
          created_at: now,
          updated_at: now,
          author_association: 'MEMBER'
        };
        this.comments.push({ ...comment, repo: repo.fullName, issue_number: pr.number });
        return { status: 201, body: comment };
      }
    }
    throw notFound();
  }

  /** @param {Site} site */
  rootDocument(site) {
    return {
      current_user_url: `${site.api}/user`,
      authorizations_url: `${site.api}/authorizations`,
      emojis_url: `${site.api}/emojis`,
      rate_limit_url: `${site.api}/rate_limit`,
      repository_url: `${site.api}/repos/{owner}/{repo}`,
      user_url: `${site.api}/users/{user}`
    };
  }

  /** @param {TokenInfo} me @param {Site} site */
  userJson(me, site) {
    return {
      login: me.login,
      id: me.userId,
      node_id: nodeId('U', me.userId),
      type: 'User',
      site_admin: false,
      url: `${site.api}/users/${me.login}`,
      html_url: `${site.web}/${me.login}`
    };
  }

  /** @param {RepoInfo} repo @param {Site} site */
  repoJson(repo, site) {
    const ownerId = stableId(`user:${repo.owner.toLowerCase()}`);
    return {
      id: repo.id,
      node_id: nodeId('R', repo.id),
      name: repo.name,
      full_name: repo.fullName,
      owner: { login: repo.owner, id: ownerId, node_id: nodeId('U', ownerId), type: 'User', url: `${site.api}/users/${repo.owner}`, html_url: `${site.web}/${repo.owner}` },
      private: repo.private,
      visibility: repo.private ? 'private' : 'public',
      fork: false,
      archived: false,
      disabled: false,
      default_branch: repo.defaultBranch,
      html_url: `${site.web}/${repo.fullName}`,
      url: `${site.api}/repos/${repo.fullName}`,
      clone_url: `${site.web}/${repo.fullName}.git`,
      git_url: `git://${new URL(site.web).host}/${repo.fullName}.git`,
      pulls_url: `${site.api}/repos/${repo.fullName}/pulls{/number}`,
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
      allow_auto_merge: false,
      allow_merge_commit: true,
      allow_squash_merge: true,
      allow_rebase_merge: true,
      delete_branch_on_merge: false
    };
  }

  /** @param {RepoInfo} repo @param {string} name @param {Site} site */
  labelJson(repo, name, site) {
    const id = stableId(`label:${repo.fullName.toLowerCase()}:${name.toLowerCase()}`);
    return {
      id,
      node_id: nodeId('LA', id),
      url: `${site.api}/repos/${repo.fullName}/labels/${encodeURIComponent(name)}`,
      name,
      color: 'ededed',
      default: false,
      description: null
    };
  }

  /**
   * @param {RepoInfo} repo
   * @param {number} number
   */
  findPull(repo, number) {
    const pr = this.pulls.find((x) => x.base.repo.full_name === repo.fullName && x.number === number);
    if (!pr) throw notFound();
    return pr;
  }

  /**
   * Refreshes the stored head/base shas from the branches (kept when a branch is gone) and
   * returns a copy with URLs for the site it is read through.
   * @param {Record<string, any>} pr
   * @param {Site} site
   */
  pullJson(pr, site) {
    const repo = this.repo(pr.base.repo.full_name);
    pr.head.sha = this.refSha(repo, `refs/heads/${pr.head.ref}`) ?? pr.head.sha;
    pr.base.sha = this.refSha(repo, `refs/heads/${pr.base.ref}`) ?? pr.base.sha;
    const out = structuredClone(pr);
    const repoBrief = this.repoJson(repo, site);
    out.html_url = `${site.web}/${repo.fullName}/pull/${pr.number}`;
    out.url = `${site.api}/repos/${repo.fullName}/pulls/${pr.number}`;
    out.issue_url = `${site.api}/repos/${repo.fullName}/issues/${pr.number}`;
    out.diff_url = `${out.html_url}.diff`;
    out.patch_url = `${out.html_url}.patch`;
    out.head.repo = repoBrief;
    out.base.repo = repoBrief;
    out.labels = pr.labels.map((/** @type {any} */ l) => ({ ...l, url: `${site.api}/repos/${repo.fullName}/labels/${encodeURIComponent(l.name)}` }));
    return out;
  }

  /**
   * @param {RepoInfo} repo
   * @param {URLSearchParams} query
   * @param {Site} site
   */
  listPulls(repo, query, site) {
    const state = query.get('state') ?? 'open';
    const head = query.get('head');
    const base = query.get('base');
    let list = this.pulls.filter((x) => x.base.repo.full_name === repo.fullName);
    if (state === 'open' || state === 'closed') list = list.filter((x) => x.state === state);
    // Like GitHub: the head filter only applies in the `owner:branch` form; a bare branch name is ignored.
    if (head && head.includes(':')) {
      const [owner, ...refParts] = head.split(':');
      const ref = refParts.join(':');
      list = list.filter((x) => x.head.user.login.toLowerCase() === owner.toLowerCase() && x.head.ref === ref);
    }
    if (base) list = list.filter((x) => x.base.ref === base);
    const sort = query.get('sort') ?? 'created';
    const direction = query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc'); // GitHub's defaults
    const key = sort === 'updated' ? 'updated_at' : 'created_at';
    list = [...list].sort((a, b) => (a[key] === b[key] ? a.number - b.number : a[key] < b[key] ? -1 : 1));
    if (direction === 'desc') list.reverse();
    const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
    const lastPage = Math.max(1, Math.ceil(list.length / perPage));
    const items = list.slice((page - 1) * perPage, page * perPage).map((x) => this.pullJson(x, site));
    /** @type {Record<string, string>} */
    const headers = {};
    if (lastPage > 1) {
      /** @param {number} n */
      const link = (n) => {
        const q = new URLSearchParams(query);
        q.set('per_page', String(perPage));
        q.set('page', String(n));
        return `${site.api}/repos/${repo.fullName}/pulls?${q}`;
      };
      const rels = [];
      if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`);
      if (page < lastPage) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(lastPage)}>; rel="last"`);
      if (page > 1) rels.push(`<${link(1)}>; rel="first"`);
      headers.link = rels.join(', ');
    }
    return { status: 200, body: items, headers };
  }

  /**
   * @param {RepoInfo} repo
   * @param {any} body
   * @param {Site} site
   * @param {TokenInfo} me
   */
  createPull(repo, body, site, me) {
    const doc = 'pulls/pulls#create-a-pull-request';
    if (typeof body.title !== 'string' || body.title === '') {
      throw validationFailed(doc, [{ resource: 'PullRequest', code: 'missing_field', field: 'title' }]);
    }
    if (typeof body.base !== 'string' || body.base === '') throw validationFailed(doc, [{ resource: 'PullRequest', code: 'missing_field', field: 'base' }]);
    if (typeof body.head !== 'string' || body.head === '') throw validationFailed(doc, [{ resource: 'PullRequest', code: 'missing_field', field: 'head' }]);
    let headOwner = repo.owner;
    let headRef = body.head;
    const colon = body.head.indexOf(':');
    if (colon >= 0) {
      headOwner = body.head.slice(0, colon);
      headRef = body.head.slice(colon + 1);
    }
    // Forks are not emulated: a head in another owner's namespace never exists here.
    const headSha = headOwner.toLowerCase() === repo.owner.toLowerCase() ? this.refSha(repo, `refs/heads/${headRef}`) : null;
    if (!headSha) throw validationFailed(doc, [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
    const baseSha = this.refSha(repo, `refs/heads/${body.base}`);
    if (!baseSha) throw validationFailed(doc, [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    const existing = this.pulls.find(
      (x) => x.base.repo.full_name === repo.fullName && x.state === 'open' && x.head.ref === headRef && x.base.ref === body.base
    );
    if (existing) {
      throw validationFailed(doc, [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${repo.owner}:${headRef}.` }]);
    }
    if (this.isAncestor(repo, headSha, baseSha)) {
      throw validationFailed(doc, [{ resource: 'PullRequest', code: 'custom', message: `No commits between ${body.base} and ${headRef}` }]);
    }
    const number = repo.nextNumber++;
    const id = stableId(`pull:${repo.fullName.toLowerCase()}:${number}`);
    const now = isoNow();
    const ownerBrief = { login: repo.owner, id: stableId(`user:${repo.owner.toLowerCase()}`), type: 'User' };
    const pr = {
      id,
      node_id: nodeId('PR', id),
      number,
      state: 'open',
      locked: false,
      title: body.title,
      body: typeof body.body === 'string' ? body.body : null,
      draft: Boolean(body.draft),
      user: { login: me.login, id: me.userId, type: 'User' },
      labels: /** @type {Array<Record<string, any>>} */ ([]),
      html_url: `${site.web}/${repo.fullName}/pull/${number}`,
      url: `${site.api}/repos/${repo.fullName}/pulls/${number}`,
      head: { label: `${repo.owner}:${headRef}`, ref: headRef, sha: headSha, user: ownerBrief, repo: { full_name: repo.fullName } },
      base: { label: `${repo.owner}:${body.base}`, ref: body.base, sha: baseSha, user: ownerBrief, repo: { full_name: repo.fullName } },
      merged: false,
      mergeable: null,
      merged_at: null,
      closed_at: null,
      maintainer_can_modify: body.maintainer_can_modify === undefined ? false : Boolean(body.maintainer_can_modify),
      author_association: 'MEMBER',
      created_at: now,
      updated_at: now
    };
    this.pulls.push(pr);
    return { status: 201, body: this.pullJson(pr, site), headers: { location: `${site.api}/repos/${repo.fullName}/pulls/${number}` } };
  }

  /**
   * @param {RepoInfo} repo
   * @param {Record<string, any>} pr
   * @param {any} body
   * @param {Site} site
   */
  updatePull(repo, pr, body, site) {
    const doc = 'pulls/pulls#update-a-pull-request';
    if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') {
      throw validationFailed(doc, [{ resource: 'PullRequest', field: 'state', code: 'invalid' }]);
    }
    if (body.base !== undefined && (typeof body.base !== 'string' || !this.refSha(repo, `refs/heads/${body.base}`))) {
      throw validationFailed(doc, [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    }
    const newBase = body.base ?? pr.base.ref;
    const newState = body.state ?? pr.state;
    if (newState === 'open' && (pr.state !== 'open' || newBase !== pr.base.ref)) {
      const clash = this.pulls.find(
        (x) => x !== pr && x.base.repo.full_name === repo.fullName && x.state === 'open' && x.head.ref === pr.head.ref && x.base.ref === newBase
      );
      if (clash) {
        throw validationFailed(doc, [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${repo.owner}:${pr.head.ref}.` }]);
      }
    }
    if (typeof body.title === 'string') pr.title = body.title;
    if (body.body !== undefined) pr.body = body.body;
    if (body.maintainer_can_modify !== undefined) pr.maintainer_can_modify = Boolean(body.maintainer_can_modify);
    if (body.base !== undefined) {
      pr.base.ref = body.base;
      pr.base.label = `${repo.owner}:${body.base}`;
    }
    if (newState !== pr.state) {
      pr.state = newState;
      pr.closed_at = newState === 'closed' ? isoNow() : null;
    }
    pr.updated_at = isoNow();
    return { status: 200, body: this.pullJson(pr, site) };
  }

  /**
   * @param {RepoInfo} repo
   * @param {string} a
   * @param {string} b
   * @returns {boolean} whether commit a is an ancestor of (or equal to) commit b
   */
  isAncestor(repo, a, b) {
    try {
      execFileSync('git', ['--git-dir', repo.bareDir, 'merge-base', '--is-ancestor', a, b], { env: this.gitEnv, stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Starts the emulator and resolves once it is listening.
 * @param {EmulatorOptions} [options]
 * @returns {Promise<Emulator>}
 */
export async function startEmulator(options = {}) {
  const emulator = new Emulator(options);
  try {
    return await emulator.listen();
  } catch (err) {
    if (emulator.ownsDir) rmSync(emulator.dir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Environment variables a child process needs to trust the emulator's certificate:
 * Go (gh) reads SSL_CERT_FILE, git reads GIT_SSL_CAINFO, Node reads NODE_EXTRA_CA_CERTS at start-up.
 * @param {{ caFile: string }} emulator
 * @returns {{ SSL_CERT_FILE: string, GIT_SSL_CAINFO: string, NODE_EXTRA_CA_CERTS: string }}
 */
export function emulatorEnv(emulator) {
  return { SSL_CERT_FILE: emulator.caFile, GIT_SSL_CAINFO: emulator.caFile, NODE_EXTRA_CA_CERTS: emulator.caFile };
}
