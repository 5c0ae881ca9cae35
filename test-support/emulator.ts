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
//
// REST (below the API root): GET /, GET /user, GET /repos/:o/:r, GET /repos/:o/:r/branches/:b,
// GET /repos/:o/:r/git/ref/:ref, POST /repos/:o/:r/git/refs, PATCH|DELETE /repos/:o/:r/git/refs/:ref
// (:ref is heads/BRANCH or tags/TAG; BRANCH may contain '/', sent as is or %2F-encoded),
// GET /repos/:o/:r/compare/BASE...HEAD, GET|POST /repos/:o/:r/pulls, GET|PATCH /repos/:o/:r/pulls/:n,
// GET|POST|DELETE /repos/:o/:r/pulls/:n/requested_reviewers, GET /repos/:o/:r/pulls/:n/reviews,
// GET|PATCH /repos/:o/:r/issues/:n,
// POST|DELETE /repos/:o/:r/issues/:n/assignees, POST /repos/:o/:r/issues/:n/labels,
// POST /repos/:o/:r/issues/:n/comments, GET /repos/:o/:r/milestones[/:n].
// GraphQL: query { viewer }; mutations enablePullRequestAutoMerge / disablePullRequestAutoMerge,
// createCommitOnBranch (its commits are recorded as signed by GitHub in `verifiedCommits`, as
// GitHub signs them; its payload's ref and commit lead to the repository, refs and commits).
// Like GitHub, open pull requests follow their branches (head.sha), and deleting the head branch
// of an open pull request (over REST or git) closes it. Reviews may be requested only from
// collaborators and teams with access (createRepo's `collaborators`, `teams`; others: GitHub's
// 422), and only collaborators are assigned (others are left out silently). Every REST answer is
// recorded in the request log (`response`) so that tests can check it against GitHub's API
// description (test-support/openapi-check.mjs), and the pull_request webhook events GitHub would
// send are counted in `events` (e.g. 'edited' for every write of a title, body or base).
//
// Faults: failNext() answers the next matching request(s) with a given status, or drops the
// connection (`reset`, before serving or, with `after`, once the request has been served, e.g. a
// push applied); rateLimit() answers with GitHub's primary or secondary rate-limit responses.
// Every injected fault is marked in the request log (`injected`, `fault`).
// Push rules: setPushRules() makes receive-pack refuse pushes as GitHub does (protected branches,
// push protection, workflow files without the permission, a custom pre-receive hook), and files
// over 100 MB are always refused; the rules and GitHub's messages are in push-rules.mjs.
//
// Git LFS (batch API, object store, verify, locks) lives in lfs-store.mjs; requests for it are
// logged with kind 'lfs', and tests reach the store as `emulator.lfs`.

import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createTestCA } from './ca.js';
import { checkPush, parseReceivePackRequest, refusalResponse } from './push-rules.js';
import { LfsStore } from './lfs-store.js';

export type TestCA = import('./ca.js').TestCA;
export type IncomingMessage = import('node:http').IncomingMessage;
export type ServerResponse = import('node:http').ServerResponse;

export interface TokenInfo {
  token: string;
  login: string;
  userId: number;
  /** value of X-OAuth-Scopes, or null to send no such header */
  scopes: string | null;
  /** value of github-authentication-token-expiration, or null */
  expiration: string | null;
  /** GitHub App / fine-grained permissions beyond contents and pull requests, e.g. { workflows: 'write' } */
  permissions: Record<string, string>;
  /** REST/GraphQL requests made with it (drives x-ratelimit-*) */
  used: number;
}

export interface RepoInfo {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  private: boolean;
  defaultBranch: string;
  bareDir: string;
  /** next pull request / issue number */
  nextNumber: number;
  /** the "Allow auto-merge" setting (repo JSON `allow_auto_merge`) */
  allowAutoMerge: boolean;
  /** "Allow GitHub Actions to create and approve pull requests" */
  actionsCanCreatePullRequests: boolean;
  milestones: Milestone[];
  /** milestones are numbered on their own, from 1 */
  nextMilestone: number;
  /** what receive-pack refuses (see push-rules.mjs) */
  pushRules: import('./push-rules.js').PushRules;
  /** lower-cased logins that may be asked for reviews and assigned (the owner always) */
  collaborators: Set<string>;
  /** lower-cased slugs of the teams with access, which may be asked for reviews */
  teams: Set<string>;
}

export interface Milestone {
  number: number;
  title: string;
  description: string | null;
  state: 'open' | 'closed';
  dueOn: string | null;
  createdAt: string;
}

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
  author: { name: string, email: string, date: string };
  committer: { name: string, email: string, date: string };
  /** without trailing newlines */
  message: string;
}

export interface GitHook {
  /** lower-cased full name */
  repo: string;
  service: 'git-receive-pack' | 'git-upload-pack';
  stage: 'rpc' | 'advertisement';
  /** how many more matching requests it runs for */
  times: number;
  fired: number;
  callback: (entry: RequestLogEntry) => unknown;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface GitHookHandle {
  /** how many times the callback has run so far */
  fired: () => number;
  /** settles once the callback has run `times` times (rejects if it threw) */
  done: Promise<void>;
  /** forgets the hook (a pending `done` never settles) */
  cancel: () => void;
}

export interface RequestLogEntry {
  method: string;
  /** Host header without port, lower-cased */
  host: string;
  /** URL path as received (not decoded, no query string) */
  path: string;
  /** query parameters (first value of each) */
  query: Record<string, string>;
  /** status code sent (0 while in flight) */
  status: number;
  /** login of the registered token presented, else null */
  authUser: string | null;
  /** the token presented (registered or not), else null */
  token: string | null;
  kind: 'rest' | 'graphql' | 'git' | 'lfs' | 'other';
  /** request headers as received */
  headers: import('node:http').IncomingHttpHeaders;
  /** git only: 'git-upload-pack' or 'git-receive-pack' */
  service?: string;
  /** git only: the Basic-auth user name presented */
  gitUser?: string;
  /** git only: the Git-Protocol request header */
  gitProtocol?: string;
  /** git only: what git http-backend printed on stderr */
  stderr?: string;
  /** true when a fault from failNext() / rateLimit() was applied to it */
  injected?: boolean;
  /** which kind of fault: an injected response ('status'), a dropped connection ('reset') or a rate limit */
  fault?: 'status' | 'reset' | 'rate-limit';
  /** reset only: dropped before serving, or after it was served (the request had its effect, the response was never sent) */
  faultPhase?: 'before' | 'after';
  /** reset after serving: the status that was not sent */
  suppressedStatus?: number;
  /** rate-limit faults: which limit was reported */
  rateLimit?: 'primary' | 'secondary';
  /** git only: a beforeGit() callback ran before this request was served */
  hooked?: boolean;
  /** git only: what that callback threw (the request then got a 500) */
  hookError?: string;
  /** git only: the refs a push rule refused (setPushRules; files over 100 MB) */
  pushRefusal?: Array<{ ref: string, rule: string, reason: string }>;
  /** graphql only: the root field(s) run, comma-separated, e.g. 'enablePullRequestAutoMerge' or 'viewer' (null when unparsable) */
  operation?: string | null;
  /** graphql only: the operation's declared name, if any */
  operationName?: string | null;
  /** graphql only */
  operationType?: 'query' | 'mutation' | 'subscription';
  /** graphql only: the variables sent */
  variables?: Record<string, unknown>;
  /** ISO timestamp of arrival */
  time: string;
  /** rest only: the path below the API root */
  restPath?: string;
  /** rest only: the JSON answer as sent (not for injected faults) */
  response?: { path: string, status: number, headers: Record<string, string>, body: unknown };
}

export interface Fault {
  /** HTTP method to match (any when omitted) */
  method?: string;
  /** tested against the URL path (without query string) */
  pathPattern?: RegExp;
  /** Host to match, without port (any when omitted) */
  host?: string;
  /** request kind to match (any when omitted) */
  kind?: 'rest' | 'graphql' | 'git' | 'other';
  /** status to answer with (default 500) */
  status?: number;
  headers?: Record<string, string>;
  /** string/Buffer sent as is; anything else as JSON */
  body?: unknown;
  /** wait this long before answering (or resetting) */
  delayMs?: number;
  /** how many matching requests get it (default 1) */
  times?: number;
  /** drop the connection (TCP RST) instead of answering; status, headers and body are then ignored */
  reset?: boolean;
  /** with reset: serve the request normally first (REST/GraphQL handlers run, `git http-backend` applies a push), then drop the connection instead of sending the response */
  after?: boolean;
  /** git, with reset: libcurl (git) silently resends a request whose reused keep-alive connection dies before any answer. By default the emulator closes the connection after the info/refs advertisement that precedes a POST this reset will match, so the POST comes on a fresh connection and git sees the failure. true keeps the connection: libcurl then resends the POST once (a second, unfaulted request), as it would against GitHub. */
  reuseConnection?: boolean;
}

export type PendingFault = Fault & { fired: number, rateLimit?: RateLimitSpec, apiOnly?: boolean };

export interface RateLimitSpec {
  kind: 'primary' | 'secondary';
  /** secondary: the retry-after header, in seconds (no header when omitted) */
  retryAfter?: number;
  /** primary: x-ratelimit-reset is this many seconds after each answer (default 60) */
  resetInSeconds?: number;
  /** primary: x-ratelimit-reset as epoch seconds (overrides resetInSeconds) */
  resetAt?: number;
  /** HTTP status (default 403; GraphQL primary: 200, as GitHub does) */
  status?: number;
}

export interface RateLimitOptions {
  kind: 'primary' | 'secondary';
  /** secondary only: seconds, sent as the retry-after header (none when omitted) */
  retryAfter?: number;
  /** primary only: x-ratelimit-reset = answer time + this (default 60) */
  resetInSeconds?: number;
  /** primary only: x-ratelimit-reset as absolute epoch seconds */
  resetAt?: number;
  /** status code (default 403; a GraphQL primary limit defaults to 200 with a RATE_LIMITED error, which is what GitHub sends) */
  status?: number;
  /** how many matching requests get it (default 1) */
  times?: number;
  /** HTTP method to match (any when omitted) */
  method?: string;
  /** tested against the URL path (without query string) */
  pathPattern?: RegExp;
  /** Host to match, without port (any when omitted) */
  host?: string;
  /** only REST or only GraphQL requests (both when omitted; git and other requests never match) */
  api?: 'rest' | 'graphql';
}

export interface FaultHandle {
  /** how many requests it has been applied to so far */
  fired: () => number;
  /** how many more matching requests it will be applied to */
  remaining: () => number;
  /** forgets it (no effect once used up) */
  cancel: () => void;
}

/** every given field must match (all entries when empty) */
export interface RequestFilter {
  method?: string;
  host?: string;
  kind?: 'rest' | 'graphql' | 'git' | 'other';
  /** tested against the URL path */
  pathPattern?: RegExp;
  /** git: 'git-upload-pack' or 'git-receive-pack' */
  service?: string;
  /** graphql: one of the root fields run, e.g. 'createCommitOnBranch' */
  operation?: string;
  status?: number;
  /** true: only requests a fault was applied to; false: only the others */
  injected?: boolean;
  fault?: 'status' | 'reset' | 'rate-limit';
  authUser?: string;
  /** only entries at or after this index of `requests` */
  since?: number;
}

export interface Site {
  type: 'dotcom' | 'ghes';
  /** web base URL, e.g. https://github.com */
  web: string;
  /** REST base URL, e.g. https://api.github.com or https://localhost/api/v3 */
  api: string;
}

export interface EmulatorOptions {
  /** working directory (CA, bare repos); a temp dir is made (and removed on close) when absent */
  dir?: string;
  /** default 443 */
  port?: number;
  /** address to listen on, default 127.0.0.1 */
  host?: string;
}

const DOC_URL = 'https://docs.github.com/rest';
const ZERO_OID = '0'.repeat(40);
const BASE_EPOCH = 1704103200; // 2024-01-01T10:00:00Z, for deterministic commits
// The error GitHub's enablePullRequestAutoMerge gives when the repository does not allow auto-merge.
const AUTO_MERGE_NOT_ALLOWED = 'Pull request Auto merge is not allowed for this repository';
const IDENTITY = { name: 'Upstream Octocat', email: 'upstream@users.noreply.github.com' };
// What the emulator shows as the signature of the commits GitHub signs (no real key is involved).
const EMULATED_SIGNATURE =
  '-----BEGIN PGP SIGNATURE-----\n\n(signature made by the GitHub emulator, not a real one)\n-----END PGP SIGNATURE-----\n';
// The account GitHub signs web and API commits as.
const WEB_FLOW = 'web-flow';
const GIT_PATH_RE =
  /^\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?(\/(?:info\/refs|git-upload-pack|git-receive-pack|HEAD|objects\/.+))$/;

/**
 * @param {string} s
 * @returns {number}
 */
function stableId(s: string): number {
  return 1000 + (createHash('sha256').update(s).digest().readUInt32BE(0) % 90_000_000);
}

/** @param {string} kind @param {number | string} id */
function nodeId(kind: string, id: number|string) {
  return `${kind}_${Buffer.from(`emu:${id}`).toString('base64url')}`;
}

function isoNow() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * GitHub's Link header for page `page` of `lastPage` (prev, next, last, first), or '' for one page.
 * @param {string} url without query
 * @param {URLSearchParams} query
 * @param {number} perPage
 * @param {number} page
 * @param {number} lastPage
 */
function pageLinks(url: string, query: URLSearchParams, perPage: number, page: number, lastPage: number) {
  if (lastPage <= 1) return '';
  /** @param {number} n */
  const link = (n: number) => {
    const q = new URLSearchParams(query);
    q.set('per_page', String(perPage));
    q.set('page', String(n));
    return `${url}?${q}`;
  };
  const rels = [];
  if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`);
  if (page < lastPage) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(lastPage)}>; rel="last"`);
  if (page > 1) rels.push(`<${link(1)}>; rel="first"`);
  return rels.join(', ');
}

/** @param {string} hostHeader */
function stripPort(hostHeader: string) {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const i = h.lastIndexOf(':');
  return i >= 0 && h.indexOf(':') === i ? h.slice(0, i) : h;
}

/** @param {IncomingMessage} req @param {number} [limit] */
async function readBody(req: IncomingMessage, limit: number = 25 * 1024 * 1024) {
  /** @type {Buffer[]} */
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
class HttpError extends Error {
  /**
   * @param {number} status
   * @param {Record<string, unknown>} body
   */
  constructor(status: number, body: Record<string,unknown>) {
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
const validationFailed = (docPath: string, errors: Array<Record<string,unknown>>) =>
  new HttpError(422, {
    message: 'Validation Failed',
    errors,
    documentation_url: `https://docs.github.com/rest/${docPath}`
  });

// ---------------------------------------------------------------------------------------------
// GraphQL: a small parser of the whole query language (no schema) and a projection of plain
// objects onto selection sets (aliases, fragments, @skip/@include), enough for what Octokit's
// graphql() and gh send. Root fields the emulator does not know are reported as unsupported.

export type GqlToken = { kind: 'name' | 'punct' | 'number' | 'string' | 'eof', value: string, line: number, column: number };
export type GqlValue = { kind: 'var', name: string } | { kind: 'list', items: GqlValue[] } | { kind: 'object', fields: Record<string, GqlValue> }
  | { kind: 'const', value: unknown } | { kind: 'enum', value: string };
export type GqlDirective = { name: string, args: Record<string, GqlValue> };
export type GqlField = { kind: 'field', alias: string | null, name: string, args: Record<string, GqlValue>, directives: GqlDirective[],
  selections: GqlSelection[] | null, line: number, column: number };
export type GqlSelection = GqlField | { kind: 'spread', name: string, directives: GqlDirective[] }
  | { kind: 'inline', typeCondition: string | null, directives: GqlDirective[], selections: GqlSelection[] };
export type GqlOperation = { type: 'query' | 'mutation' | 'subscription', name: string | null, variables: Record<string, GqlValue | null>,
  selections: GqlSelection[] };
export type GqlDocument = { operations: GqlOperation[], fragments: Map<string, { typeCondition: string, selections: GqlSelection[] }> };

class GqlSyntaxError extends Error {
  /** @param {string} message @param {GqlToken} [token] */
  constructor(message: string, token: GqlToken) {
    super(message);
    this.locations = token ? [{ line: token.line, column: token.column }] : undefined;
  }
}

/** @type {Record<string, string>} */
const GQL_PUNCT_NAMES: Record<string,string> = {
  '!': 'BANG',
  $: 'VAR_SIGN',
  '&': 'AMP',
  '(': 'LPAREN',
  ')': 'RPAREN',
  '[': 'LBRACKET',
  ']': 'RBRACKET',
  '{': 'LCURLY',
  '}': 'RCURLY',
  ':': 'COLON',
  '=': 'EQUALS',
  '@': 'DIR_SIGN',
  '|': 'PIPE',
  '...': 'ELLIPSIS'
};

/** @param {string} raw the text between triple quotes */
function gqlBlockString(raw: string) {
  const lines = raw.replace(/\\"""/g, '"""').split(/\r\n|\n|\r/);
  let indent = Infinity;
  for (const line of lines.slice(1)) {
    const lead = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    if (lead < line.length) indent = Math.min(indent, lead);
  }
  const out = lines.map((line, i) => (i === 0 || indent === Infinity ? line : line.slice(indent)));
  while (out.length && /^[ \t]*$/.test(out[0])) out.shift();
  while (out.length && /^[ \t]*$/.test(out[out.length - 1])) out.pop();
  return out.join('\n');
}

/**
 * @param {string} src
 * @returns {GqlToken[]}
 */
function gqlTokens(src: string): GqlToken[] {
  /** @type {GqlToken[]} */
  const out: GqlToken[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  /** @type {Array<['name' | 'number', RegExp]>} */
  const words: Array<['name'|'number',RegExp]> = [
    ['name', /[_A-Za-z][_0-9A-Za-z]*/y],
    ['number', /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y]
  ];
  /** A name or number token starting at `at`, if one does. @param {number} at */
  const wordAt = (at: number) => {
    for (const [kind, re] of words) {
      re.lastIndex = at;
      const match = re.exec(src);
      if (match) return { kind, value: match[0] };
    }
    return undefined;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === ',' || c === '\r' || c === '\ufeff') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
      continue;
    }
    const pos = { line, column: i - lineStart + 1 };
    if (src.startsWith('...', i)) {
      out.push({ kind: 'punct', value: '...', ...pos });
      i += 3;
      continue;
    }
    if ('!$&()[]{}:=@|'.includes(c)) {
      out.push({ kind: 'punct', value: c, ...pos });
      i++;
      continue;
    }
    const word = wordAt(i);
    if (word) {
      out.push({ ...word, ...pos });
      i += word.value.length;
      continue;
    }
    if (src.startsWith('"""', i)) {
      let j = i + 3;
      while (j < src.length && !src.startsWith('"""', j)) {
        if (src.startsWith('\\"""', j)) j += 4;
        else {
          if (src[j] === '\n') {
            line++;
            lineStart = j + 1;
          }
          j++;
        }
      }
      if (j >= src.length)
        throw new GqlSyntaxError('Unterminated block string', { kind: 'string', value: '', ...pos });
      out.push({ kind: 'string', value: gqlBlockString(src.slice(i + 3, j)), ...pos });
      i = j + 3;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let value = '';
      while (j < src.length && src[j] !== '"' && src[j] !== '\n') {
        if (src[j] === '\\') {
          const e = src[j + 1];
          /** @type {Record<string, string>} */
          const simple: Record<string,string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
          if (e in simple) {
            value += simple[e];
            j += 2;
          } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(j + 2, j + 6))) {
            value += String.fromCharCode(parseInt(src.slice(j + 2, j + 6), 16));
            j += 6;
          } else {
            throw new GqlSyntaxError(`Bad unicode escape in ${JSON.stringify(src.slice(i, j + 2))}`, {
              kind: 'string',
              value: '',
              ...pos
            });
          }
        } else value += src[j++];
      }
      if (src[j] !== '"')
        throw new GqlSyntaxError('Unterminated string', { kind: 'string', value: '', ...pos });
      out.push({ kind: 'string', value, ...pos });
      i = j + 1;
      continue;
    }
    throw new GqlSyntaxError(
      `Parse error on bad Unicode escape sequence: ${JSON.stringify(c)} (error) at [${pos.line}, ${pos.column}]`,
      { kind: 'punct', value: c, ...pos }
    );
  }
  out.push({ kind: 'eof', value: '', line, column: i - lineStart + 1 });
  return out;
}

/**
 * @param {string} src
 * @returns {GqlDocument}
 */
function parseGraphQL(src: string): GqlDocument {
  const toks = gqlTokens(src);
  let p = 0;
  /** @param {GqlToken} t @returns {never} */
  const fail = (t: GqlToken): never => {
    if (t.kind === 'eof') throw new GqlSyntaxError('Unexpected end of document', t);
    const kind =
      t.kind === 'punct'
        ? GQL_PUNCT_NAMES[t.value]
        : t.kind === 'name'
          ? 'IDENTIFIER'
          : t.kind === 'number'
            ? /[.eE]/.test(t.value)
              ? 'FLOAT'
              : 'INT'
            : 'STRING';
    throw new GqlSyntaxError(
      `Parse error on ${JSON.stringify(t.value)} (${kind}) at [${t.line}, ${t.column}]`,
      t
    );
  };
  /** @param {string} v */
  const is = (v: string) => toks[p].kind === 'punct' && toks[p].value === v;
  /** @param {string} v */
  const eat = (v: string) => (is(v) ? toks[p++] : fail(toks[p]));
  const name = () => (toks[p].kind === 'name' ? toks[p++].value : fail(toks[p]));

  /** @returns {GqlValue} */
  const value = (): GqlValue => {
    const t = toks[p];
    if (is('$')) {
      p++;
      return { kind: 'var', name: name() };
    }
    if (is('[')) {
      p++;
      /** @type {GqlValue[]} */
      const items: GqlValue[] = [];
      while (!is(']')) items.push(value());
      p++;
      return { kind: 'list', items };
    }
    if (is('{')) {
      p++;
      /** @type {Record<string, GqlValue>} */
      const fields: Record<string,GqlValue> = {};
      while (!is('}')) {
        const k = name();
        eat(':');
        fields[k] = value();
      }
      p++;
      return { kind: 'object', fields };
    }
    if (t.kind === 'number' || t.kind === 'string') {
      p++;
      return { kind: 'const', value: t.kind === 'number' ? Number(t.value) : t.value };
    }
    if (t.kind === 'name') {
      p++;
      if (t.value === 'true' || t.value === 'false') return { kind: 'const', value: t.value === 'true' };
      if (t.value === 'null') return { kind: 'const', value: null };
      return { kind: 'enum', value: t.value };
    }
    return fail(t);
  };
  const args = () => {
    /** @type {Record<string, GqlValue>} */
    const out: Record<string,GqlValue> = {};
    if (is('(')) {
      p++;
      while (!is(')')) {
        const k = name();
        eat(':');
        out[k] = value();
      }
      p++;
    }
    return out;
  };
  const directives = () => {
    /** @type {GqlDirective[]} */
    const out: GqlDirective[] = [];
    while (is('@')) {
      p++;
      out.push({ name: name(), args: args() });
    }
    return out;
  };
  /** @returns {void} */
  const type = (): void => {
    if (is('[')) {
      p++;
      type();
      eat(']');
    } else name();
    if (is('!')) p++;
  };
  /** @returns {GqlSelection[]} */
  const selectionSet = (): GqlSelection[] => {
    eat('{');
    /** @type {GqlSelection[]} */
    const out: GqlSelection[] = [];
    while (!is('}')) {
      if (is('...')) {
        p++;
        if (toks[p].kind === 'name' && toks[p].value === 'on') {
          p++;
          const typeCondition = name();
          out.push({ kind: 'inline', typeCondition, directives: directives(), selections: selectionSet() });
        } else if (toks[p].kind === 'name') {
          out.push({ kind: 'spread', name: name(), directives: directives() });
        } else {
          out.push({
            kind: 'inline',
            typeCondition: null,
            directives: directives(),
            selections: selectionSet()
          });
        }
        continue;
      }
      const t = toks[p];
      let fieldName = name();
      /** @type {string | null} */
      let alias: string|null = null;
      if (is(':')) {
        p++;
        alias = fieldName;
        fieldName = name();
      }
      out.push({
        kind: 'field',
        alias,
        name: fieldName,
        args: args(),
        directives: directives(),
        selections: is('{') ? selectionSet() : null,
        line: t.line,
        column: t.column
      });
    }
    if (!out.length) fail(toks[p]);
    p++;
    return out;
  };

  /** @type {GqlOperation[]} */
  const operations: GqlOperation[] = [];
  /** @type {GqlDocument['fragments']} */
  const fragments: GqlDocument['fragments'] = new Map();
  while (toks[p].kind !== 'eof') {
    if (is('{')) {
      operations.push({ type: 'query', name: null, variables: {}, selections: selectionSet() });
      continue;
    }
    const kwToken = toks[p];
    const kw = name();
    if (kw === 'fragment') {
      const fragmentName = name();
      if (!(toks[p].kind === 'name' && toks[p].value === 'on')) fail(toks[p]);
      p++;
      const typeCondition = name();
      directives();
      fragments.set(fragmentName, { typeCondition, selections: selectionSet() });
      continue;
    }
    if (kw !== 'query' && kw !== 'mutation' && kw !== 'subscription') fail(kwToken);
    /** @type {string | null} */
    let opName: string|null = null;
    if (toks[p].kind === 'name') opName = name();
    /** @type {Record<string, GqlValue | null>} */
    const variables: Record<string,GqlValue|null> = {};
    if (is('(')) {
      p++;
      while (!is(')')) {
        eat('$');
        const v = name();
        eat(':');
        type();
        variables[v] = null;
        if (is('=')) {
          p++;
          variables[v] = value();
        }
        directives();
      }
      p++;
    }
    directives();
    operations.push({
      type: (kw as 'query' | 'mutation' | 'subscription'),
      name: opName,
      variables,
      selections: selectionSet()
    });
  }
  if (!operations.length) throw new GqlSyntaxError('This document does not contain any operations', toks[p]);
  return { operations, fragments };
}

/**
 * @param {GqlValue} v
 * @param {Record<string, unknown>} vars
 * @returns {unknown}
 */
function gqlValue(v: GqlValue, vars: Record<string,unknown>): unknown {
  switch (v.kind) {
    case 'var':
      return vars[v.name];
    case 'list':
      return v.items.map((x) => gqlValue(x, vars));
    case 'object':
      return Object.fromEntries(
        Object.entries(v.fields)
          .map(([k, x]) => [k, gqlValue(x, vars)])
          .filter(([, x]) => x !== undefined)
      );
    default:
      return v.value;
  }
}

/**
 * @param {Record<string, GqlValue>} args
 * @param {Record<string, unknown>} vars
 * @returns {Record<string, any>}
 */
function gqlArgs(args: Record<string,GqlValue>, vars: Record<string,unknown>): Record<string,any> {
  return (gqlValue({ kind: 'object', fields: args }, vars) as Record<string, any>);
}

/**
 * @param {GqlDirective[]} directives
 * @param {Record<string, unknown>} vars
 */
function gqlIncluded(directives: GqlDirective[], vars: Record<string,unknown>) {
  for (const d of directives) {
    const cond = gqlArgs(d.args, vars).if;
    if (d.name === 'skip' && cond === true) return false;
    if (d.name === 'include' && cond === false) return false;
  }
  return true;
}

/**
 * Flattens fragments into the list of fields that apply to an object of type `typename`
 * (implementing `interfaces`).
 * @param {GqlSelection[]} selections
 * @param {GqlDocument} doc
 * @param {Record<string, unknown>} vars
 * @param {string | undefined} typename
 * @param {string[]} [interfaces]
 * @param {Set<string>} [seen] fragments being expanded (guards against cycles)
 * @returns {GqlField[]}
 */
function gqlFields(selections: GqlSelection[], doc: GqlDocument, vars: Record<string,unknown>, typename: string|undefined, interfaces: string[] = [], seen: Set<string> = new Set()): GqlField[] {
  /** @param {string | null} cond */
  const applies = (cond: string|null) => !cond || !typename || cond === typename || interfaces.includes(cond);
  /** @type {GqlField[]} */
  const out: GqlField[] = [];
  for (const sel of selections) {
    if (!gqlIncluded(sel.directives, vars)) continue;
    if (sel.kind === 'field') out.push(sel);
    else if (sel.kind === 'inline') {
      if (applies(sel.typeCondition))
        out.push(...gqlFields(sel.selections, doc, vars, typename, interfaces, seen));
    } else {
      const fragment = doc.fragments.get(sel.name);
      if (!fragment) throw new GqlSyntaxError(`Fragment ${sel.name} was used, but not defined`);
      if (seen.has(sel.name) || !applies(fragment.typeCondition)) continue;
      out.push(
        ...gqlFields(fragment.selections, doc, vars, typename, interfaces, new Set([...seen, sel.name]))
      );
    }
  }
  return out;
}

/**
 * Projects a plain value onto a selection set. Objects may carry `__typename` and
 * `__interfaces`; a function-valued property is called with the field's arguments.
 * Unknown fields come out as null; an object selected without a selection set is returned whole.
 * @param {unknown} value
 * @param {GqlSelection[] | null} selections
 * @param {GqlDocument} doc
 * @param {Record<string, unknown>} vars
 * @returns {unknown}
 */
function gqlProject(value: unknown, selections: GqlSelection[]|null, doc: GqlDocument, vars: Record<string,unknown>): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((x) => gqlProject(x, selections, doc, vars));
  if (!selections || typeof value !== 'object') return value;
  const obj = (value as Record<string, any>);
  /** @type {Record<string, unknown>} */
  const out: Record<string,unknown> = {};
  for (const f of gqlFields(selections, doc, vars, obj.__typename, obj.__interfaces ?? [])) {
    const key = f.alias ?? f.name;
    if (f.name === '__typename') {
      out[key] = obj.__typename ?? null;
      continue;
    }
    let v = obj[f.name];
    if (typeof v === 'function') v = v(gqlArgs(f.args, vars));
    const projected = gqlProject(v, f.selections, doc, vars);
    // The same response key selected twice (e.g. from two fragments): merge the objects.
    const prev = out[key];
    out[key] =
      prev && projected && typeof prev === 'object' && typeof projected === 'object' && !Array.isArray(prev)
        ? { ...prev, ...projected }
        : projected;
  }
  return out;
}

/**
 * Whether a full ref name is safe to hand to git as a revision (no revision syntax, no option).
 * @param {string} ref
 */
function isSafeRefName(ref: string) {
  return !ref.startsWith('-') && !/[\s~^:?*[\\\x00-\x1f\x7f]|\.\.|@\{|\/\/|\/$|\.lock(?:\/|$)|\/\./.test(ref);
}

/**
 * @param {PendingFault} f
 * @param {string} method
 * @param {string} host
 * @param {string} pathname
 * @param {string} kind
 */
function faultMatches(f: PendingFault, method: string, host: string, pathname: string, kind: string) {
  return (
    (!f.apiOnly || kind === 'rest' || kind === 'graphql') &&
    (!f.method || f.method.toUpperCase() === method) &&
    (!f.host || f.host.toLowerCase() === host) &&
    (!f.kind || f.kind === kind) &&
    (!f.pathPattern || ((f.pathPattern.lastIndex = 0), f.pathPattern.test(pathname)))
  );
}

/**
 * Drops a connection abruptly: a TCP reset on the socket under the TLS layer when possible
 * (clients see ECONNRESET), else a plain destroy.
 * @param {import('node:net').Socket} socket
 */
function resetSocket(socket: import('node:net').Socket) {
  const raw =
    (socket as import('node:net').Socket & { _parent?: import('node:net').Socket })._parent ??
    socket;
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
 * @param {ServerResponse} res
 * @param {RequestLogEntry} entry
 */
function swallowResponse(res: ServerResponse, entry: RequestLogEntry) {
  const socket = res.socket;
  const r = (res as any);
  r.writeHead = (/** @type {number} */ status: number) => {
    entry.suppressedStatus = status;
    return res;
  };
  r.write = (/** @type {unknown[]} */ ...args: unknown[]) => {
    const cb = args.find((x) => typeof x === 'function');
    if (typeof cb === 'function') process.nextTick(cb);
    return true;
  };
  r.end = (/** @type {unknown[]} */ ...args: unknown[]) => {
    if (socket) resetSocket(socket);
    const cb = args.find((x) => typeof x === 'function');
    if (typeof cb === 'function') process.nextTick(cb);
    return res;
  };
}

export class Emulator {
  /** @param {EmulatorOptions} [options] */
  constructor(options: EmulatorOptions = {}) {
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
    /** @type {Array<{ repo: string, number: number, login: string, state: string, id: number, submittedAt: string }>} reviews submitted with submitReview() */
    this.reviews = [];
    /**
     * The pull_request webhook events GitHub would send, in order: 'opened', 'edited' (a PATCH that
     * sets the title, body or base: it fires on every such write), 'closed', 'reopened',
     * 'synchronize', 'labeled', 'assigned', 'review_requested', 'milestoned', 'auto_merge_enabled'.
     * Tests use them to assert that a rerun with nothing new wrote nothing.
     * @type {Array<{ repo: string, number: number, action: string, detail?: string }>}
     */
    this.events = [];
    /** @type {RequestLogEntry[]} */
    this.requests = [];
    /** @type {PendingFault[]} */
    this.faults = [];
    /** @type {GitHook[]} */
    this.gitHooks = [];
    /**
     * Shas of the commits GitHub would have signed (made by createCommitOnBranch): the REST commit
     * JSON shows them as verified and GraphQL gives them a valid signature.
     * @type {Set<string>}
     */
    this.verifiedCommits = new Set();
    this.commitCounter = 0;
    this.idCounter = 0;
    this.rateReset = Math.floor(Date.now() / 1000) + 3600;
    /** @type {Set<import('node:net').Socket>} */
    this.sockets = new Set();
    /** Git LFS objects and locks (see lfs-store.mjs). */
    this.lfs = new LfsStore({
      findRepo: (fullName) => this.repos.get(fullName.toLowerCase()),
      findRepoById: (id) => [...this.repos.values()].find((repo) => repo.id === id)
    });
    /** The log entry of each response in flight, so that sendJson can record what it sent. */
    /** @type {WeakMap<ServerResponse, RequestLogEntry>} */
    this.entryOf = new WeakMap();

    this.server = https.createServer({ key: this.ca.key, cert: this.ca.cert }, (req, res) => {
      this.handle(req, res).catch((err) => {
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

  /** @returns {Promise<this>} */
  listen(): Promise<this> {
    return new Promise((resolve, reject) => {
      /** @param {NodeJS.ErrnoException} err */
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

  // ---------------------------------------------------------------------------------------------
  // Admin API

  /**
   * Registers a token. Only registered tokens are accepted by REST, GraphQL and git.
   * @param {string} token
   * @param {{ login?: string, scopes?: string | null, expiration?: string | null, permissions?: Record<string, string> }} [options]
   *   scopes: null (default) sends no X-OAuth-Scopes header, as for ghs_ and github_pat_ tokens;
   *   a string is sent verbatim, e.g. 'repo, read:org'.
   *   permissions: what a ghs_/ghu_/github_pat_ token may do beyond contents and pull requests,
   *   e.g. { workflows: 'write' } (pushes that change .github/workflows/ are refused without it).
   * @returns {TokenInfo}
   */
  addToken(token: string, options: { login?: string; scopes?: string|null; expiration?: string|null; permissions?: Record<string,string>; } = {}): TokenInfo {
    if (!token) throw new Error('addToken: empty token');
    const login = options.login ?? 'octo-bot';
    /** @type {TokenInfo} */
    const info: TokenInfo = {
      token,
      login,
      userId: stableId(`user:${login.toLowerCase()}`),
      scopes: options.scopes ?? null,
      expiration: options.expiration ?? null,
      permissions: { ...options.permissions },
      used: 0
    };
    this.tokens.set(token, info);
    return info;
  }

  /** @param {string} token */
  removeToken(token: string) {
    this.tokens.delete(token);
  }

  /**
   * Creates a bare repository with a deterministic initial commit on the default branch.
   * Extra branches start from that commit, with their own `files` committed on top when given.
   * @param {string} fullName 'owner/name'
   * @param {{ defaultBranch?: string, private?: boolean, files?: Record<string, string | Buffer>,
   *           branches?: Record<string, { files?: Record<string, string | Buffer> }>,
   *           allowAutoMerge?: boolean, actionsCanCreatePullRequests?: boolean, collaborators?: string[], teams?: string[] }} [options]
   *   collaborators: users besides the owner who may be asked for reviews and assigned (GitHub
   *   refuses review requests to others with a 422 and leaves them out of assignments silently).
   *   teams: slugs of the teams with access to the repository, which may be asked for reviews.
   *   allowAutoMerge (default false): the repository's "Allow auto-merge" setting.
   *   actionsCanCreatePullRequests (default true): when false, POST /pulls answers 403 as GitHub
   *   does for the Actions GITHUB_TOKEN (here: for every token).
   * @returns {{ fullName: string, bareDir: string }}
   */
  createRepo(fullName: string, options: {
defaultBranch?: string; private?: boolean; files?: Record<string,string|Buffer>;
branches?: Record<string,{ files?: Record<string,string|Buffer>; }>;
allowAutoMerge?: boolean; actionsCanCreatePullRequests?: boolean; collaborators?: string[]; teams?: string[];
} = {}): { fullName: string; bareDir: string; } {
    const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(fullName);
    if (!m || m[2].endsWith('.git'))
      throw new Error(`createRepo: bad repository name ${JSON.stringify(fullName)}`);
    if (this.repos.has(fullName.toLowerCase())) throw new Error(`createRepo: ${fullName} already exists`);
    const [, owner, name] = m;
    const defaultBranch = options.defaultBranch ?? 'main';
    const bareDir = path.join(this.reposDir, owner, `${name}.git`);
    mkdirSync(path.dirname(bareDir), { recursive: true });
    this.runGit(['init', '--quiet', '--bare', `--initial-branch=${defaultBranch}`, bareDir]);
    this.runGit(['--git-dir', bareDir, 'config', 'http.receivepack', 'true']);
    this.runGit(['--git-dir', bareDir, 'config', 'uploadpack.allowReachableSHA1InWant', 'true']);
    // As on github.com: partial clones (--filter=blob:none) are served.
    this.runGit(['--git-dir', bareDir, 'config', 'uploadpack.allowFilter', 'true']);
    /** @type {RepoInfo} */
    const repo: RepoInfo = {
      id: stableId(`repo:${fullName.toLowerCase()}`),
      owner,
      name,
      fullName,
      private: options.private ?? false,
      defaultBranch,
      bareDir,
      nextNumber: 1,
      allowAutoMerge: options.allowAutoMerge ?? false,
      actionsCanCreatePullRequests: options.actionsCanCreatePullRequests ?? true,
      milestones: [],
      nextMilestone: 1,
      pushRules: {},
      collaborators: new Set([
        owner.toLowerCase(),
        ...(options.collaborators ?? []).map((login) => login.toLowerCase())
      ]),
      teams: new Set((options.teams ?? []).map((slug) => slug.toLowerCase()))
    };
    this.repos.set(fullName.toLowerCase(), repo);
    const files = options.files ?? { 'README.md': '# hi\n' };
    // Fixed dates: the same name and files always give the same commits.
    const root = this.writeCommit(
      bareDir,
      defaultBranch,
      files,
      'Initial commit',
      null,
      ZERO_OID,
      BASE_EPOCH
    );
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
  repo(fullName: string): RepoInfo {
    const repo = this.repos.get(fullName.toLowerCase());
    if (!repo) throw new Error(`emulator: no repository ${fullName}`);
    return repo;
  }

  /**
   * Changes repository settings after creation.
   * @param {string} fullName
   * @param {{ allowAutoMerge?: boolean, actionsCanCreatePullRequests?: boolean }} settings
   */
  updateRepo(fullName: string, settings: { allowAutoMerge?: boolean; actionsCanCreatePullRequests?: boolean; }) {
    const repo = this.repo(fullName);
    if (settings.allowAutoMerge !== undefined) repo.allowAutoMerge = settings.allowAutoMerge;
    if (settings.actionsCanCreatePullRequests !== undefined)
      repo.actionsCanCreatePullRequests = settings.actionsCanCreatePullRequests;
  }

  /**
   * Sets what receive-pack refuses for a repository, as GitHub's protections and hooks do
   * (replacing earlier rules; `{}` for none). Files over 100 MB are refused whatever the rules;
   * `maxFileSize` lowers that limit for tests. See push-rules.mjs for the messages.
   * @param {string} fullName
   * @param {import('./push-rules.mjs').PushRules} rules
   */
  setPushRules(fullName: string, rules: import('./push-rules.mjs').PushRules) {
    this.repo(fullName).pushRules = { ...rules };
  }

  /**
   * Creates a milestone (milestones have their own numbering, from 1).
   * @param {string} fullName
   * @param {string} title
   * @param {{ description?: string, state?: 'open' | 'closed', dueOn?: string }} [options]
   * @returns {number} the milestone number
   */
  createMilestone(fullName: string, title: string, options: { description?: string; state?: 'open'|'closed'; dueOn?: string; } = {}): number {
    const repo = this.repo(fullName);
    if (!title) throw new Error('createMilestone: empty title');
    if (repo.milestones.some((m) => m.title === title))
      throw new Error(`createMilestone: ${fullName} already has a milestone ${JSON.stringify(title)}`);
    const number = repo.nextMilestone++;
    repo.milestones.push({
      number,
      title,
      description: options.description ?? null,
      state: options.state ?? 'open',
      dueOn: options.dueOn ?? null,
      createdAt: isoNow()
    });
    return number;
  }

  /**
   * Submits a review on a pull request as `login`, as a person would: like GitHub, it takes the
   * reviewer out of the requested reviewers (and, `forTeam`, that team's request too).
   * @param {string} fullName
   * @param {number} number
   * @param {string} login
   * @param {{ state?: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED', forTeam?: string }} [options]
   */
  submitReview(fullName: string, number: number, login: string, options: { state?: 'APPROVED'|'CHANGES_REQUESTED'|'COMMENTED'; forTeam?: string; } = {}) {
    const repo = this.repo(fullName);
    const pr = this.findPull(repo, number);
    pr.requested_reviewers = pr.requested_reviewers.filter(
      (/** @type {{login: string}} */ u: { login: string; }) => u.login.toLowerCase() !== login.toLowerCase()
    );
    if (options.forTeam)
      pr.requested_teams = pr.requested_teams.filter(
        (/** @type {{slug: string}} */ t: { slug: string; }) => t.slug.toLowerCase() !== options.forTeam?.toLowerCase()
      );
    this.reviews.push({
      repo: repo.fullName,
      number,
      login,
      state: options.state ?? 'APPROVED',
      id: stableId(`review:${++this.idCounter}`),
      submittedAt: isoNow()
    });
  }

  /**
   * The pull_request events of a repository's pull requests (see `events`), optionally only those
   * with one of the given actions.
   * @param {string} fullName
   * @param {string[]} [actions]
   */
  pullRequestEvents(fullName: string, actions: string[]) {
    const repo = this.repo(fullName);
    return this.events.filter((e) => e.repo === repo.fullName && (!actions || actions.includes(e.action)));
  }

  /**
   * @param {RepoInfo} repo
   * @param {Record<string, any>} pr
   * @param {string} action
   * @param {string} [detail]
   */
  event(repo: RepoInfo, pr: Record<string,any>, action: string, detail: string) {
    this.events.push({
      repo: repo.fullName,
      number: pr.number,
      action,
      ...(detail === undefined ? {} : { detail })
    });
  }

  /**
   * The stored pull request (GitHub's shape, shas refreshed from the branches while it is open),
   * or null when the repository has no such pull request.
   * @param {string} fullName
   * @param {number} number
   * @returns {Record<string, any> | null}
   */
  getPull(fullName: string, number: number): Record<string,any>|null {
    const repo = this.repo(fullName);
    this.syncPulls(repo);
    return this.pulls.find((x) => x.base.repo.full_name === repo.fullName && x.number === number) ?? null;
  }

  /**
   * The stored pull requests of a repository, by number (all states).
   * @param {string} fullName
   * @returns {Array<Record<string, any>>}
   */
  pullsOf(fullName: string): Array<Record<string,any>> {
    const repo = this.repo(fullName);
    this.syncPulls(repo);
    return this.pulls
      .filter((x) => x.base.repo.full_name === repo.fullName)
      .sort((a, b) => a.number - b.number);
  }

  /**
   * Runs `callback` (awaited) just before the next matching git request is handed to
   * `git http-backend`, e.g. to push a competing commit between a client's fetch and its push.
   * By default it matches the POST that carries the service (the actual push or fetch; with
   * protocol v2 the first such POST of a fetch is its ls-refs command), not the info/refs
   * advertisement; `stage: 'advertisement'` matches the GET .../info/refs?service=... instead.
   * Only authenticated requests for an existing repository reach it.
   * @param {{ repo: string, service: 'git-receive-pack' | 'git-upload-pack', times?: number,
   *           stage?: 'rpc' | 'advertisement' }} match
   * @param {(entry: RequestLogEntry) => unknown} callback
   * @returns {GitHookHandle}
   */
  beforeGit(match: {
repo: string; service: 'git-receive-pack'|'git-upload-pack'; times?: number;
stage?: 'rpc'|'advertisement';
}, callback: (entry: RequestLogEntry) => unknown): GitHookHandle {
    this.repo(match.repo);
    if (match.service !== 'git-receive-pack' && match.service !== 'git-upload-pack') {
      throw new Error(`beforeGit: bad service ${JSON.stringify(match.service)}`);
    }
    const times = match.times ?? 1;
    if (!(Number.isInteger(times) && times >= 1)) throw new Error(`beforeGit: bad times ${times}`);
    /** @type {() => void} */
    let resolve: () => void = (): void => {};
    /** @type {(err: unknown) => void} */
    let reject: (err: unknown) => void = (): void => {};
    const done = new Promise((res, rej) => {
      resolve = () => res(undefined);
      reject = rej;
    });
    done.catch(() => {}); // a caller that never awaits `done` must not get an unhandled rejection
    /** @type {GitHook} */
    const hook: GitHook = {
      repo: match.repo.toLowerCase(),
      service: match.service,
      stage: match.stage ?? 'rpc',
      times,
      fired: 0,
      callback,
      resolve,
      reject
    };
    this.gitHooks.push(hook);
    return {
      fired: () => hook.fired,
      done,
      cancel: () => {
        const i = this.gitHooks.indexOf(hook);
        if (i >= 0) this.gitHooks.splice(i, 1);
      }
    };
  }

  /**
   * Runs git against a repository's bare dir and returns its trimmed stdout.
   * @param {string} fullName
   * @param {string[]} args
   * @param {{ input?: string | Buffer, env?: NodeJS.ProcessEnv }} [options]
   * @returns {string}
   */
  git(fullName: string, args: string[], options: { input?: string|Buffer; env?: NodeJS.ProcessEnv; } = {}): string {
    return this.runGit(['--git-dir', this.repo(fullName).bareDir, ...args], options).trim();
  }

  /**
   * @param {string} fullName
   * @param {string} branch
   * @returns {string | null} the branch's commit sha, or null if there is no such branch
   */
  branchSha(fullName: string, branch: string): string|null {
    return this.refSha(this.repo(fullName), `refs/heads/${branch}`);
  }

  /**
   * Every blob reachable from the tree of `ref`, as { path: content (utf8) }.
   * @param {string} fullName
   * @param {string} ref branch name, tag or sha
   * @returns {Record<string, string>}
   */
  readTree(fullName: string, ref: string): Record<string,string> {
    const repo = this.repo(fullName);
    const listing = this.runGit([
      '--git-dir',
      repo.bareDir,
      'ls-tree',
      '-r',
      '-z',
      '--full-tree',
      `${ref}^{tree}`
    ]);
    /** @type {Record<string, string>} */
    const out: Record<string,string> = {};
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
  commitToBranch(fullName: string, branch: string, files: Record<string,string|Buffer|null>, message: string = 'Upstream change', options: { from?: string; } = {}): string {
    const repo = this.repo(fullName);
    let parent = this.refSha(repo, `refs/heads/${branch}`);
    const expectedOld = parent ?? ZERO_OID;
    if (!parent) {
      const from = options.from ?? repo.defaultBranch;
      parent = this.runGit(['--git-dir', repo.bareDir, 'rev-parse', '--verify', `${from}^{commit}`]).trim();
    }
    const sha = this.writeCommit(repo.bareDir, branch, files, message, parent, expectedOld);
    this.syncPulls(repo);
    return sha;
  }

  /**
   * Points `branch` at `commitish`, as someone's force push would (amended, squashed or dropped
   * commits): what was only on the old tip is no longer on the branch.
   * @param {string} fullName
   * @param {string} branch
   * @param {string} commitish
   * @returns {string} the branch's new sha
   */
  forcePushBranch(fullName: string, branch: string, commitish: string): string {
    const repo = this.repo(fullName);
    const sha = this.runGit([
      '--git-dir',
      repo.bareDir,
      'rev-parse',
      '--verify',
      `${commitish}^{commit}`
    ]).trim();
    this.runGit(['--git-dir', repo.bareDir, 'update-ref', '-m', 'force push', `refs/heads/${branch}`, sha]);
    this.syncPulls(repo);
    return sha;
  }

  /**
   * Makes the next matching request(s) (REST, GraphQL, git or other) fail instead of getting the
   * normal answer: by default with a 500; `status`, `headers` and `body` choose the response.
   * `reset: true` drops the connection with a TCP reset instead of answering: before the request
   * is served (nothing happens on the server), or with `after: true` once it has been served (a
   * REST/GraphQL handler ran, `git http-backend` applied a push) without sending the response.
   * Faults are matched in the order they were added; each applies `times` times (default 1).
   * @param {Fault} fault
   * @returns {FaultHandle}
   */
  failNext(fault: Fault): FaultHandle {
    if (fault.after && !fault.reset) throw new Error('failNext: `after` needs `reset: true`');
    return this.addFault({ times: 1, status: 500, ...fault, fired: 0 });
  }

  /**
   * Makes the next matching REST/GraphQL request(s) hit a rate limit, with GitHub's responses:
   *   secondary: 403 (or `status`), {"message":"You have exceeded a secondary rate limit. ...",
   *     "documentation_url": ...}, a retry-after header when `retryAfter` is given, and the usual
   *     x-ratelimit-* headers (remaining > 0).
   *   primary: REST 403 (or `status`), {"message":"API rate limit exceeded for user ID N. ...",
   *     "documentation_url": ...}; GraphQL 200 (or `status`), {"errors":[{"type":"RATE_LIMITED",
   *     "code":"graphql_rate_limit","message":"API rate limit exceeded for user ID N."}]};
   *     both with x-ratelimit-remaining: 0, x-ratelimit-used = x-ratelimit-limit and
   *     x-ratelimit-reset = answer time + `resetInSeconds` (default 60) or `resetAt`.
   * Git and other requests never match. Shares the queue (and matching rules) of failNext().
   * @param {RateLimitOptions} options
   * @returns {FaultHandle}
   */
  rateLimit(options: RateLimitOptions): FaultHandle {
    if (options.kind !== 'primary' && options.kind !== 'secondary')
      throw new Error(`rateLimit: bad kind ${JSON.stringify(options.kind)}`);
    if (options.api !== undefined && options.api !== 'rest' && options.api !== 'graphql')
      throw new Error(`rateLimit: bad api ${JSON.stringify(options.api)}`);
    return this.addFault({
      method: options.method,
      host: options.host,
      pathPattern: options.pathPattern,
      kind: options.api,
      apiOnly: true,
      times: options.times ?? 1,
      fired: 0,
      rateLimit: {
        kind: options.kind,
        retryAfter: options.retryAfter,
        resetInSeconds: options.resetInSeconds,
        resetAt: options.resetAt,
        status: options.status
      }
    });
  }

  /**
   * @param {PendingFault} fault
   * @returns {FaultHandle}
   */
  addFault(fault: PendingFault): FaultHandle {
    const times = fault.times ?? 1;
    if (!(Number.isInteger(times) && times >= 1)) throw new Error(`fault: bad times ${times}`);
    this.faults.push(fault);
    return {
      fired: () => fault.fired,
      remaining: () => (this.faults.includes(fault) ? (fault.times ?? 0) : 0),
      cancel: () => {
        const i = this.faults.indexOf(fault);
        if (i >= 0) this.faults.splice(i, 1);
      }
    };
  }

  /**
   * The logged requests that match `filter` (every given field must match).
   * @param {RequestFilter} [filter]
   * @returns {RequestLogEntry[]}
   */
  requestsMatching(filter: RequestFilter = {}): RequestLogEntry[] {
    return this.requests
      .slice(filter.since ?? 0)
      .filter(
        (e) =>
          (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
          (filter.host === undefined || e.host === filter.host.toLowerCase()) &&
          (filter.kind === undefined || e.kind === filter.kind) &&
          (filter.pathPattern === undefined ||
            ((filter.pathPattern.lastIndex = 0), filter.pathPattern.test(e.path))) &&
          (filter.service === undefined || e.service === filter.service) &&
          (filter.operation === undefined || (e.operation ?? '').split(',').includes(filter.operation)) &&
          (filter.status === undefined || e.status === filter.status) &&
          (filter.injected === undefined || (e.injected === true) === filter.injected) &&
          (filter.fault === undefined || e.fault === filter.fault) &&
          (filter.authUser === undefined || e.authUser === filter.authUser)
      );
  }

  /**
   * How many logged requests match `filter`, e.g. countRequests({ service: 'git-receive-pack',
   * method: 'POST' }) or countRequests({ operation: 'createCommitOnBranch' }).
   * @param {RequestFilter} [filter]
   * @returns {number}
   */
  countRequests(filter: RequestFilter = {}): number {
    return this.requestsMatching(filter).length;
  }

  /** Forgets tokens, repositories, pull requests, comments, the request log, pending faults, git hooks and verified commits. */
  reset() {
    this.tokens.clear();
    this.repos.clear();
    rmSync(this.reposDir, { recursive: true, force: true });
    mkdirSync(this.reposDir, { recursive: true });
    this.pulls.length = 0;
    this.comments.length = 0;
    this.reviews.length = 0;
    this.events.length = 0;
    this.requests.length = 0;
    this.faults.length = 0;
    this.gitHooks.length = 0;
    this.verifiedCommits.clear();
    this.commitCounter = 0;
  }

  // ---------------------------------------------------------------------------------------------
  // git plumbing

  /**
   * @param {string[]} args
   * @param {{ input?: string | Buffer, env?: NodeJS.ProcessEnv }} [options]
   * @returns {string}
   */
  runGit(args: string[], options: { input?: string|Buffer; env?: NodeJS.ProcessEnv; } = {}): string {
    try {
      return execFileSync('git', args, {
        env: { ...this.gitEnv, ...options.env },
        input: options.input,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        stdio: ['pipe', 'pipe', 'pipe']
      });
    } catch (err) {
      const e = (err as Error & {stderr?: string});
      throw new Error(`git ${args.join(' ')} failed: ${(e.stderr ?? '').trim() || e.message}`);
    }
  }

  /**
   * @param {RepoInfo} repo
   * @param {string} ref
   * @returns {string | null}
   */
  refSha(repo: RepoInfo, ref: string): string|null {
    return this.revParse(repo, `${ref}^{commit}`);
  }

  /**
   * The object `rev` names in the repository, or null when it names none.
   * @param {RepoInfo} repo
   * @param {string} rev
   * @returns {string | null}
   */
  revParse(repo: RepoInfo, rev: string): string|null {
    try {
      return (
        execFileSync('git', ['--git-dir', repo.bareDir, 'rev-parse', '--verify', '--quiet', rev], {
          env: this.gitEnv,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore']
        }).trim() || null
      );
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
   * @param {{ name: string, email: string }} [identity] author and committer (default: Upstream Octocat)
   * @returns {string}
   */
  writeCommit(
    bareDir: string,
    branch: string,
    files: Record<string,string|Buffer|null>,
    message: string,
    parent: string|null,
    expectedOld: string = parent ?? ZERO_OID,
    epoch: number = undefined,
    identity: { name: string; email: string; } = IDENTITY
  ): string {
    const index = path.join(this.dir, `index-${process.pid}-${randomBytes(4).toString('hex')}`);
    const env = { GIT_INDEX_FILE: index };
    /** @type {(args: string[], input?: string | Buffer) => string} */
    const g: (args: string[],input?: string|Buffer) => string = (args, input): string => this.runGit(['--git-dir', bareDir, ...args], { env, input }).trim();
    try {
      g(parent ? ['read-tree', parent] : ['read-tree', '--empty']);
      // --index-info works without a work tree; mode 0 removes a path.
      const lines = Object.entries(files).map(([file, content]) => {
        if (
          /[\n\0]/.test(file) ||
          file.startsWith('/') ||
          file.split('/').some((part) => part === '' || part === '.' || part === '..')
        ) {
          throw new Error(`commit: bad path ${JSON.stringify(file)}`);
        }
        if (content === null) return `0 ${ZERO_OID}\t${file}\n`;
        return `100644 ${g(['hash-object', '-w', '--stdin'], content)}\t${file}\n`;
      });
      if (lines.length) g(['update-index', '--index-info'], lines.join(''));
      const tree = g(['write-tree']);
      const when = `${epoch ?? BASE_EPOCH + 3600 + 60 * this.commitCounter++} +0000`;
      const commit = this.runGit(
        ['--git-dir', bareDir, 'commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message],
        {
          env: {
            GIT_AUTHOR_NAME: identity.name,
            GIT_AUTHOR_EMAIL: identity.email,
            GIT_AUTHOR_DATE: when,
            GIT_COMMITTER_NAME: identity.name,
            GIT_COMMITTER_EMAIL: identity.email,
            GIT_COMMITTER_DATE: when
          }
        }
      ).trim();
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
  async handle(req: IncomingMessage, res: ServerResponse) {
    const hostHeader = String(req.headers.host ?? '');
    const host = stripPort(hostHeader);
    const url = new URL(req.url ?? '/', 'https://emulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    /** @type {RequestLogEntry} */
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

    const portSuffix =
      hostHeader.includes(':') && !hostHeader.startsWith('[') ? `:${hostHeader.split(':')[1]}` : '';
    /** @type {{ kind: 'rest' | 'graphql' | 'git' | 'lfs' | 'other', site: Site, restPath?: string, git?: RegExpExecArray, lfs?: import('./lfs-store.mjs').LfsRoute }} */
    let route: { kind: 'rest'|'graphql'|'git'|'lfs'|'other'; site: Site; restPath?: string; git?: RegExpExecArray; lfs?: import('./lfs-store.mjs').LfsRoute; };
    const p = url.pathname;
    if (host === 'api.github.com') {
      const site = ({
        type: 'dotcom',
        web: `https://github.com${portSuffix}`,
        api: `https://api.github.com${portSuffix}`
      } as Site);
      route = p === '/graphql' ? { kind: 'graphql', site } : { kind: 'rest', site, restPath: p };
    } else if (host === 'localhost' || host === '127.0.0.1' || host === '[::1]') {
      const base = `https://${hostHeader.toLowerCase()}`;
      const site = ({ type: 'ghes', web: base, api: `${base}/api/v3` } as Site);
      const git = GIT_PATH_RE.exec(p);
      if (p === '/api/graphql') route = { kind: 'graphql', site };
      else if (p === '/api/v3' || p.startsWith('/api/v3/'))
        route = { kind: 'rest', site, restPath: p.slice('/api/v3'.length) || '/' };
      else if (git) route = { kind: 'git', site, git };
      else route = { kind: 'other', site };
    } else if (host === 'github.com') {
      const site = ({
        type: 'dotcom',
        web: `https://github.com${portSuffix}`,
        api: `https://api.github.com${portSuffix}`
      } as Site);
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

    const fault = this.takeFault(method, host, p, route.kind);
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
        fault.body === undefined
          ? ''
          : isRaw
            ? (fault.body as string | Buffer)
            : JSON.stringify(fault.body);
      /** @type {Record<string, string | number>} */
      const headers: Record<string,string|number> = {};
      if (fault.body !== undefined && !isRaw) headers['content-type'] = 'application/json; charset=utf-8';
      Object.assign(headers, fault.headers ?? {});
      headers['content-length'] = Buffer.byteLength(payload);
      res.writeHead(fault.status ?? 500, headers);
      res.end(payload);
      return;
    }

    if (route.kind === 'lfs')
      return this.lfs.serve(
        req,
        res,
        (route as any).lfs,
        tokenInfo ? tokenInfo.login : null,
        readBody
      );
    if (route.kind === 'git')
      return this.serveGit(req, res, entry, (route.git as RegExpExecArray), tokenInfo, url);
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
    try {
      if (route.kind === 'graphql') {
        if (method !== 'POST') throw notFound();
        const body = this.parseJson(await readBody(req));
        return this.sendJson(
          res,
          200,
          this.graphql(body, route.site, tokenInfo, entry),
          tokenInfo,
          'graphql'
        );
      }
      const rawBody = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : await readBody(req);
      const result = await this.rest(
        method,
        (route.restPath as string),
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

  /**
   * @param {string} method
   * @param {string} host
   * @param {string} pathname
   * @param {string} kind
   * @returns {Fault | null}
   */
  takeFault(method: string, host: string, pathname: string, kind: string): Fault|null {
    const i = this.faults.findIndex((f) => faultMatches(f, method, host, pathname, kind));
    if (i < 0) return null;
    const fault = this.faults[i];
    fault.times = (fault.times ?? 1) - 1;
    fault.fired++;
    if (fault.times <= 0) this.faults.splice(i, 1);
    return fault;
  }

  /**
   * Answers with GitHub's primary or secondary rate-limit response (see rateLimit()).
   * @param {ServerResponse} res
   * @param {RateLimitSpec} spec
   * @param {string} kind 'rest' or 'graphql'
   * @param {TokenInfo | null} tokenInfo
   * @param {IncomingMessage} req
   * @param {RequestLogEntry} entry
   */
  sendRateLimit(res: ServerResponse, spec: RateLimitSpec, kind: string, tokenInfo: TokenInfo|null, req: IncomingMessage, entry: RequestLogEntry) {
    entry.rateLimit = spec.kind;
    const requestId = `${randomBytes(2).toString('hex').toUpperCase()}:${randomBytes(3).toString('hex').toUpperCase()}:${randomBytes(4).toString('hex').toUpperCase()}`;
    const docs = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';
    /** @type {Record<string, string>} */
    const headers: Record<string,string> = { 'x-github-request-id': requestId };
    if (spec.kind === 'secondary') {
      if (spec.retryAfter !== undefined) headers['retry-after'] = String(spec.retryAfter);
      const body = {
        message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
        documentation_url: `${docs}#about-secondary-rate-limits`
      };
      return this.sendJson(res, spec.status ?? 403, body, tokenInfo, kind, headers);
    }
    const limit = tokenInfo ? 5000 : 60;
    const reset = spec.resetAt ?? Math.floor(Date.now() / 1000) + (spec.resetInSeconds ?? 60);
    Object.assign(headers, {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': String(limit),
      'x-ratelimit-reset': String(reset)
    });
    const who = tokenInfo ? `user ID ${tokenInfo.userId}` : (req.socket.remoteAddress ?? '127.0.0.1');
    if (kind === 'graphql') {
      const body = {
        errors: [
          { type: 'RATE_LIMITED', code: 'graphql_rate_limit', message: `API rate limit exceeded for ${who}.` }
        ]
      };
      return this.sendJson(res, spec.status ?? 200, body, tokenInfo, kind, headers);
    }
    const stamp = new Date()
      .toISOString()
      .replace('T', ' ')
      .replace(/\.\d{3}Z$/, ' UTC');
    const message = tokenInfo
      ? `API rate limit exceeded for ${who}. If you reach out to GitHub Support for help, please include the request ID ${requestId} and timestamp ${stamp}.`
      : `API rate limit exceeded for ${who}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.) If you reach out to GitHub Support for help, please include the request ID ${requestId} and timestamp ${stamp}.`;
    return this.sendJson(
      res,
      spec.status ?? 403,
      { message, documentation_url: `${docs}#about-the-primary-rate-limit` },
      tokenInfo,
      kind,
      headers
    );
  }

  /**
   * @param {IncomingMessage} req
   * @param {'git' | 'api'} kind
   * @returns {{ token: string | null, gitUser?: string }}
   */
  parseAuth(req: IncomingMessage, kind: 'git'|'api'): { token: string|null; gitUser?: string; } {
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
  parseJson(raw: Buffer) {
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
  sendJson(res: ServerResponse, status: number, body: unknown, tokenInfo: TokenInfo|null, kind: string, extra: Record<string,string> = {}) {
    const payload = status === 204 ? '' : JSON.stringify(body);
    const used = tokenInfo ? tokenInfo.used : 0;
    const limit = tokenInfo ? 5000 : 60;
    /** @type {Record<string, string | number>} */
    const headers: Record<string,string|number> = {
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
    // What was sent, for checks against GitHub's API description (test-support/openapi-check.mjs).
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
  async serveGit(req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry, match: RegExpExecArray, tokenInfo: TokenInfo|null, url: URL) {
    if (!tokenInfo) {
      req.resume();
      res.writeHead(401, {
        'www-authenticate': 'Basic realm="GitHub"',
        'content-type': 'text/plain; charset=utf-8'
      });
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

    // beforeGit() hooks. The request body is not read meanwhile, so the client just waits.
    const stage =
      req.method === 'POST' && match[3] === `/${entry.service}`
        ? 'rpc'
        : match[3] === '/info/refs' && url.searchParams.has('service')
          ? 'advertisement'
          : null;
    const hook = stage
      ? this.gitHooks.find(
          (h) => h.repo === repo.fullName.toLowerCase() && h.service === entry.service && h.stage === stage
        )
      : undefined;
    if (hook) {
      hook.times--;
      if (hook.times <= 0) this.gitHooks.splice(this.gitHooks.indexOf(hook), 1);
      entry.hooked = true;
      try {
        await hook.callback(entry);
        hook.fired++;
        if (hook.times <= 0) hook.resolve();
      } catch (err) {
        hook.fired++;
        entry.hookError = err instanceof Error ? (err.stack ?? err.message) : String(err);
        hook.reject(err);
        req.resume();
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`beforeGit hook failed: ${err instanceof Error ? err.message : String(err)}\n`);
        return;
      }
    }

    /** @type {NodeJS.ProcessEnv} */
    const env: NodeJS.ProcessEnv = {
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
    if (req.headers['content-length'] !== undefined)
      env.CONTENT_LENGTH = String(req.headers['content-length']);
    if (req.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = String(req.headers['content-encoding']);
    if (req.headers['git-protocol']) env.GIT_PROTOCOL = String(req.headers['git-protocol']);

    const rpcPath = entry.path.replace(/\/info\/refs$/, `/${entry.service}`);
    const freshConnectionForReset =
      stage === 'advertisement' &&
      this.faults.some(
        (f) => f.reset && !f.reuseConnection && faultMatches(f, 'POST', entry.host, rpcPath, 'git')
      );
    // A push is read whole and checked against the repository's rules first (push-rules.mjs).
    const push =
      stage === 'rpc' && entry.service === 'git-receive-pack'
        ? await this.checkReceivePack(req, res, entry, repo, tokenInfo)
        : undefined;
    if (push?.refused) return;
    if (push) env.CONTENT_LENGTH = String(push.body.length);
    const child = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    /** @type {Buffer[]} */
    const errChunks: Buffer[] = [];
    child.stderr.on('data', (c) => errChunks.push(c));
    child.stdin.on('error', () => {}); // the CGI may exit before reading everything
    if (push) child.stdin.end(push.body);
    else req.pipe(child.stdin);

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
      const headers: Record<string,string> = {};
      for (const line of head.subarray(0, end).toString('latin1').split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = parseInt(value, 10) || 200;
        else headers[name] = value;
      }
      // libcurl silently resends a request whose reused connection dies before any answer, so a
      // reset meant for the POST that follows this advertisement must hit a fresh connection.
      if (stage === 'advertisement' && freshConnectionForReset) headers.Connection = 'close';
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
      // A push may have moved or deleted the head branch of open pull requests.
      if (stage === 'rpc' && entry.service === 'git-receive-pack') this.syncPulls(repo);
      if (!headersDone) {
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`git http-backend exited with ${code} before sending headers\n${stderr}`);
        } else res.end();
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Push rules: what GitHub's receive-pack refuses (push-rules.mjs has the rules and messages)

  /**
   * Reads a push and checks it; a refused push is answered here as receive-pack would answer it,
   * and changes nothing. The body of a push that may go on is returned for http-backend.
   * @param {IncomingMessage} req
   * @param {ServerResponse} res
   * @param {RequestLogEntry} entry  gets `pushRefusal` ({ ref, rule, reason }) when refused
   * @param {RepoInfo} repo
   * @param {TokenInfo} tokenInfo
   * @returns {Promise<{ refused: boolean, body: Buffer }>}
   */
  async checkReceivePack(req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry, repo: RepoInfo, tokenInfo: TokenInfo): Promise<{ refused: boolean; body: Buffer; }> {
    /** @type {Buffer[]} */
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    let verdicts;
    try {
      const plain = /gzip/i.test(String(req.headers['content-encoding'] ?? '')) ? gunzipSync(body) : body;
      const request = parseReceivePackRequest(plain);
      const site =
        entry.host === 'github.com'
          ? 'https://github.com'
          : `https://${String(req.headers.host ?? entry.host)}`;
      verdicts = checkPush({
        bareDir: repo.bareDir,
        tmpDir: this.dir,
        fullName: repo.fullName,
        web: site,
        gitEnv: this.gitEnv,
        token: tokenInfo,
        rules: repo.pushRules,
        request
      });
      if (verdicts.length === 0) return { refused: false, body };
      entry.pushRefusal = verdicts.map(({ ref, rule, reason }) => ({ ref, rule, reason }));
      res.writeHead(200, {
        'content-type': 'application/x-git-receive-pack-result',
        'cache-control': 'no-cache, max-age=0, must-revalidate',
        expires: 'Fri, 01 Jan 1980 00:00:00 GMT',
        pragma: 'no-cache'
      });
      res.end(refusalResponse(request.capabilities, request.commands, verdicts));
      return { refused: true, body };
    } catch (err) {
      // What cannot be read or checked here is left to receive-pack, which reports it itself.
      entry.stderr = `push rules not checked: ${err instanceof Error ? err.message : String(err)}`;
      return { refused: false, body };
    }
  }

  // ---------------------------------------------------------------------------------------------
  // GraphQL

  /**
   * Answers a GraphQL request body ({ query, variables, operationName }). Root fields:
   * query `viewer`; mutations `enablePullRequestAutoMerge`, `disablePullRequestAutoMerge`,
   * `createCommitOnBranch`.
   * @param {any} body
   * @param {Site} site
   * @param {TokenInfo} me
   * @param {RequestLogEntry} entry  gets operation, operationName, operationType and variables
   * @returns {Record<string, unknown>}
   */
  graphql(body: any, site: Site, me: TokenInfo, entry: RequestLogEntry): Record<string,unknown> {
    entry.operation = null;
    if (!body || typeof body !== 'object' || typeof body.query !== 'string') {
      return { errors: [{ message: 'A query attribute must be specified and must be a string.' }] };
    }
    let vars = body.variables ?? {};
    if (typeof vars === 'string') {
      try {
        vars = vars.trim() ? JSON.parse(vars) : {};
      } catch {
        vars = null;
      }
    }
    if (!vars || typeof vars !== 'object' || Array.isArray(vars))
      return { errors: [{ message: 'Variables are invalid JSON.' }] };
    entry.variables = vars;
    /** @type {GqlDocument} */
    let doc: GqlDocument;
    try {
      doc = parseGraphQL(body.query);
    } catch (err) {
      if (err instanceof GqlSyntaxError)
        return { errors: [{ message: err.message, ...(err.locations ? { locations: err.locations } : {}) }] };
      throw err;
    }
    const wanted = typeof body.operationName === 'string' && body.operationName ? body.operationName : null;
    const op = wanted
      ? doc.operations.find((o) => o.name === wanted)
      : doc.operations.length === 1
        ? doc.operations[0]
        : undefined;
    if (!op)
      return {
        errors: [{ message: wanted ? `No operation named "${wanted}"` : 'An operation name is required' }]
      };
    entry.operationType = op.type;
    entry.operationName = op.name;
    /** @type {Record<string, unknown>} */
    const allVars: Record<string,unknown> = {};
    for (const [k, def] of Object.entries(op.variables)) if (def) allVars[k] = gqlValue(def, {});
    Object.assign(allVars, vars);
    const rootType =
      op.type === 'mutation' ? 'Mutation' : op.type === 'subscription' ? 'Subscription' : 'Query';
    /** @type {GqlField[]} */
    let fields: GqlField[];
    try {
      fields = gqlFields(op.selections, doc, allVars, rootType);
    } catch (err) {
      if (err instanceof GqlSyntaxError) return { errors: [{ message: err.message }] };
      throw err;
    }
    entry.operation =
      [...new Set(fields.filter((f) => f.name !== '__typename').map((f) => f.name))].join(',') || null;

    export type GqlResult = { value: unknown } | { error: { type: string, message: string } } | { fatal: string };
    /** @type {Record<string, (args: Record<string, any>, field: GqlField) => GqlResult>} */
    const resolvers: Record<string,(args: Record<string,any>,field: GqlField) => GqlResult> =
      op.type === 'query'
        ? { viewer: () => ({ value: this.gqlUser(me.login, site) }) }
        : op.type === 'mutation'
          ? {
              enablePullRequestAutoMerge: (args) => this.gqlAutoMerge(args, true, site, me),
              disablePullRequestAutoMerge: (args) => this.gqlAutoMerge(args, false, site, me),
              createCommitOnBranch: (args, field) => this.gqlCreateCommitOnBranch(args, field, site, me)
            }
          : {};
    const unsupported = fields.filter((f) => f.name !== '__typename' && !Object.hasOwn(resolvers, f.name));
    if (unsupported.length) {
      return {
        errors: unsupported.map((f) => ({
          message: 'not supported by emulator',
          path: [f.alias ?? f.name],
          locations: [{ line: f.line, column: f.column }]
        }))
      };
    }
    /** @type {Record<string, unknown>} */
    const data: Record<string,unknown> = {};
    /** @type {Array<Record<string, unknown>>} */
    const errors: Array<Record<string,unknown>> = [];
    for (const f of fields) {
      const key = f.alias ?? f.name;
      if (f.name === '__typename') {
        data[key] = rootType;
        continue;
      }
      const r = resolvers[f.name](gqlArgs(f.args, allVars), f);
      const locations = [{ line: f.line, column: f.column }];
      if ('fatal' in r) return { errors: [{ path: [key], locations, message: r.fatal }] };
      if ('error' in r) {
        data[key] = null;
        errors.push({ type: r.error.type, path: [key], locations, message: r.error.message });
      } else {
        data[key] = gqlProject(r.value, f.selections, doc, allVars);
      }
    }
    return errors.length ? { data, errors } : { data };
  }

  /**
   * @param {string} login
   * @param {Site} site
   */
  gqlUser(login: string, site: Site) {
    const user = this.userBrief(login);
    return {
      __typename: user.type,
      __interfaces: ['Node', 'Actor'],
      id: user.node_id,
      databaseId: user.id,
      login,
      url: `${site.web}/${login}`
    };
  }

  /**
   * @param {Record<string, any>} pr
   * @param {Site} site
   */
  gqlPull(pr: Record<string,any>, site: Site) {
    const repo = this.repo(pr.base.repo.full_name);
    const am = pr.auto_merge;
    return {
      __typename: 'PullRequest',
      __interfaces: [
        'Node',
        'Assignable',
        'Closable',
        'Comment',
        'Labelable',
        'Lockable',
        'UniformResourceLocatable',
        'Updatable'
      ],
      id: pr.node_id,
      databaseId: pr.id,
      number: pr.number,
      title: pr.title,
      body: pr.body ?? '',
      state: pr.merged ? 'MERGED' : pr.state.toUpperCase(),
      closed: pr.state !== 'open',
      isDraft: pr.draft,
      url: `${site.web}/${repo.fullName}/pull/${pr.number}`,
      headRefName: pr.head.ref,
      headRefOid: pr.head.sha,
      baseRefName: pr.base.ref,
      baseRefOid: pr.base.sha,
      maintainerCanModify: pr.maintainer_can_modify,
      createdAt: pr.created_at,
      updatedAt: pr.updated_at,
      closedAt: pr.closed_at,
      author: this.gqlUser(pr.user.login, site),
      autoMergeRequest: am
        ? {
            __typename: 'AutoMergeRequest',
            mergeMethod: String(am.merge_method).toUpperCase(),
            enabledAt: am.enabled_at,
            enabledBy: this.gqlUser(am.enabled_by.login, site),
            commitHeadline: am.commit_title,
            commitBody: am.commit_message,
            authorEmail: am.author_email ?? null
          }
        : null,
      repository: {
        __typename: 'Repository',
        __interfaces: ['Node'],
        id: nodeId('R', repo.id),
        databaseId: repo.id,
        name: repo.name,
        nameWithOwner: repo.fullName,
        owner: { __typename: 'User', login: repo.owner },
        autoMergeAllowed: repo.allowAutoMerge,
        url: `${site.web}/${repo.fullName}`
      }
    };
  }

  /**
   * enablePullRequestAutoMerge / disablePullRequestAutoMerge
   * @param {Record<string, any>} args
   * @param {boolean} enable
   * @param {Site} site
   * @param {TokenInfo} me
   * @returns {{ value: unknown } | { error: { type: string, message: string } } | { fatal: string }}
   */
  gqlAutoMerge(args: Record<string,any>, enable: boolean, site: Site, me: TokenInfo): { value: unknown; }|{ error: { type: string; message: string; }; }|{ fatal: string; } {
    const inputType = enable ? 'EnablePullRequestAutoMergeInput' : 'DisablePullRequestAutoMergeInput';
    const field = enable ? 'enablePullRequestAutoMerge' : 'disablePullRequestAutoMerge';
    const input = args.input;
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      return {
        fatal: `Argument 'input' on Field '${field}' has an invalid value (${JSON.stringify(input ?? null)}). Expected type '${inputType}!'.`
      };
    }
    if (typeof input.pullRequestId !== 'string' || input.pullRequestId === '') {
      return {
        fatal: `Argument 'pullRequestId' on InputObject '${inputType}' is required. Expected type ID!`
      };
    }
    const mergeMethod = input.mergeMethod ?? 'MERGE'; // GitHub's default
    if (enable && !['MERGE', 'SQUASH', 'REBASE'].includes(mergeMethod)) {
      return {
        fatal: `Argument 'mergeMethod' on InputObject '${inputType}' has an invalid value (${JSON.stringify(mergeMethod)}). Expected type 'PullRequestMergeMethod'.`
      };
    }
    const pr = this.pulls.find((x) => x.node_id === input.pullRequestId);
    if (!pr)
      return {
        error: {
          type: 'NOT_FOUND',
          message: `Could not resolve to a node with the global id of '${input.pullRequestId}'.`
        }
      };
    const repo = this.repo(pr.base.repo.full_name);
    this.syncPulls(repo);
    if (enable) {
      if (!repo.allowAutoMerge) return { error: { type: 'UNPROCESSABLE', message: AUTO_MERGE_NOT_ALLOWED } };
      pr.auto_merge = {
        enabled_by: this.userBrief(me.login),
        merge_method: mergeMethod.toLowerCase(),
        // Without a headline GitHub fills in the one the merge method would use (REST types both as strings).
        commit_title:
          typeof input.commitHeadline === 'string'
            ? input.commitHeadline
            : mergeMethod === 'MERGE'
              ? `Merge pull request #${pr.number} from ${pr.head.label.replace(':', '/')}`
              : `${pr.title} (#${pr.number})`,
        commit_message: typeof input.commitBody === 'string' ? input.commitBody : '',
        author_email: typeof input.authorEmail === 'string' ? input.authorEmail : null,
        enabled_at: isoNow()
      };
      this.event(repo, pr, 'auto_merge_enabled', mergeMethod.toLowerCase());
    } else {
      pr.auto_merge = null;
    }
    pr.updated_at = isoNow();
    return {
      value: {
        __typename: enable ? 'EnablePullRequestAutoMergePayload' : 'DisablePullRequestAutoMergePayload',
        clientMutationId: typeof input.clientMutationId === 'string' ? input.clientMutationId : null,
        actor: this.gqlUser(me.login, site),
        pullRequest: this.gqlPull(pr, site)
      }
    };
  }

  /**
   * A repository as GraphQL shows it; `ref`, `defaultBranchRef` and `object` are resolved on demand.
   * (Reached through createCommitOnBranch's payload; the root `repository` query is not served,
   * the smoke tests use it as their example of an unsupported field.)
   * @param {RepoInfo} repo
   * @param {Site} site
   */
  gqlRepository(repo: RepoInfo, site: Site) {
    const ownerId = stableId(`user:${repo.owner.toLowerCase()}`);
    return {
      __typename: 'Repository',
      __interfaces: ['Node', 'RepositoryInfo', 'UniformResourceLocatable'],
      id: nodeId('R', repo.id),
      databaseId: repo.id,
      name: repo.name,
      nameWithOwner: repo.fullName,
      owner: {
        __typename: 'User',
        __interfaces: ['Node', 'Actor', 'RepositoryOwner'],
        id: nodeId('U', ownerId),
        login: repo.owner,
        url: `${site.web}/${repo.owner}`
      },
      url: `${site.web}/${repo.fullName}`,
      isPrivate: repo.private,
      visibility: repo.private ? 'PRIVATE' : 'PUBLIC',
      autoMergeAllowed: repo.allowAutoMerge,
      defaultBranchRef: () => this.gqlRef(repo, `refs/heads/${repo.defaultBranch}`, site),
      /** @param {{ qualifiedName?: unknown }} a */
      ref: (a: { qualifiedName?: unknown; }) => {
        const q = a.qualifiedName;
        if (typeof q !== 'string' || !q) return null;
        for (const full of q.startsWith('refs/') ? [q] : [`refs/heads/${q}`, `refs/tags/${q}`]) {
          const ref = this.gqlRef(repo, full, site);
          if (ref) return ref;
        }
        return null;
      },
      /** @param {{ oid?: unknown, expression?: unknown }} a */
      object: (a: { oid?: unknown; expression?: unknown; }) => {
        const spec =
          typeof a.oid === 'string' ? a.oid : typeof a.expression === 'string' ? a.expression : null;
        if (!spec || spec.startsWith('-') || (typeof a.oid === 'string' && !/^[0-9a-f]{4,40}$/i.test(spec)))
          return null;
        const sha = this.refSha(repo, spec);
        return sha ? this.gqlCommit(repo, sha, site) : null;
      }
    };
  }

  /**
   * A Ref (branch or tag) pointing at a commit, or null when there is no such ref.
   * @param {RepoInfo} repo
   * @param {string} fullRef e.g. refs/heads/main
   * @param {Site} site
   */
  gqlRef(repo: RepoInfo, fullRef: string, site: Site) {
    const m = /^refs\/([^/]+\/)(.+)$/.exec(fullRef);
    if (!m || !isSafeRefName(fullRef)) return null;
    const sha = this.refSha(repo, fullRef);
    if (!sha) return null;
    return {
      __typename: 'Ref',
      __interfaces: ['Node'],
      id: nodeId('REF', `${repo.id}:${fullRef.slice('refs/'.length)}`),
      name: m[2],
      prefix: `refs/${m[1]}`,
      target: () => this.gqlCommit(repo, sha, site),
      repository: () => this.gqlRepository(repo, site)
    };
  }

  /**
   * The repository and ref ('heads/x') a Ref node id stands for.
   * @param {string} id
   * @returns {{ repo: RepoInfo, ref: string } | null}
   */
  refByNodeId(id: string): { repo: RepoInfo; ref: string; }|null {
    if (!id.startsWith('REF_')) return null;
    const m = /^emu:(\d+):(.+)$/s.exec(Buffer.from(id.slice(4), 'base64url').toString('utf8'));
    if (!m) return null;
    const repo = [...this.repos.values()].find((r) => r.id === Number(m[1]));
    return repo ? { repo, ref: m[2] } : null;
  }

  /**
   * A commit as GraphQL shows it, or null when `sha` is not a commit of the repository.
   * @param {RepoInfo} repo
   * @param {string} sha
   * @param {Site} site
   */
  gqlCommit(repo: RepoInfo, sha: string, site: Site) {
    const c = this.commitInfos(repo, [sha]).get(sha);
    if (!c) return null;
    const url = (/** @type {string} */ oid: string) => `${site.web}/${repo.fullName}/commit/${oid}`;
    const nl = c.message.indexOf('\n');
    /** @param {{ name: string, email: string, date: string }} who */
    const actor = (who: { name: string; email: string; date: string; }) => {
      const m = /^\d+\+(.+)@users\.noreply\.github\.com$/i.exec(who.email);
      return {
        __typename: 'GitActor',
        name: who.name,
        email: who.email,
        date: who.date,
        user: m ? this.gqlUser(m[1], site) : null
      };
    };
    const signed = this.verifiedCommits.has(sha);
    return {
      __typename: 'Commit',
      __interfaces: ['Node', 'GitObject', 'Subscribable', 'UniformResourceLocatable'],
      id: nodeId('C', `${repo.fullName.toLowerCase()}@${sha}`),
      oid: sha,
      abbreviatedOid: sha.slice(0, 7),
      url: url(sha),
      commitUrl: url(sha),
      resourcePath: `/${repo.fullName}/commit/${sha}`,
      message: c.message,
      messageHeadline: nl < 0 ? c.message : c.message.slice(0, nl),
      messageBody: nl < 0 ? '' : c.message.slice(nl + 1).replace(/^\n+/, ''),
      authoredDate: c.author.date,
      committedDate: c.committer.date,
      author: actor(c.author),
      committer: actor(c.committer),
      tree: { __typename: 'Tree', __interfaces: ['Node', 'GitObject'], oid: c.tree },
      parents: () => ({
        __typename: 'CommitConnection',
        totalCount: c.parents.length,
        nodes: c.parents.map((p) => ({
          __typename: 'Commit',
          oid: p,
          abbreviatedOid: p.slice(0, 7),
          url: url(p),
          commitUrl: url(p)
        }))
      }),
      signature: signed
        ? {
            __typename: 'GpgSignature',
            __interfaces: ['GitSignature'],
            isValid: true,
            state: 'VALID',
            wasSignedByGitHub: true,
            email: 'noreply@github.com',
            signer: this.gqlUser(WEB_FLOW, site),
            signature: EMULATED_SIGNATURE,
            payload: '',
            keyId: null
          }
        : null,
      repository: () => this.gqlRepository(repo, site)
    };
  }

  /**
   * mutation createCommitOnBranch: one commit on top of the branch's tip, made of `fileChanges`
   * (deletions first, then additions: regular files, mode 100644), authored and committed by the
   * token's user now, recorded as signed by GitHub. Fails like GitHub when the branch is missing
   * (NOT_FOUND), when `expectedHeadOid` is not its tip (STALE_DATA) and when a deleted path does
   * not exist (NOT_FOUND).
   * @param {Record<string, any>} args
   * @param {GqlField} field
   * @param {Site} site
   * @param {TokenInfo} me
   * @returns {{ value: unknown } | { error: { type: string, message: string } } | { fatal: string }}
   */
  gqlCreateCommitOnBranch(args: Record<string,any>, field: GqlField, site: Site, me: TokenInfo): { value: unknown; }|{ error: { type: string; message: string; }; }|{ fatal: string; } {
    const inputArg = field.args.input;
    const varName = inputArg && inputArg.kind === 'var' ? inputArg.name : null;
    const NOT_NULL = 'Expected value to not be null';
    /** @param {string} at @param {string} problem */
    const bad = (at: string, problem: string) => ({
      fatal: varName
        ? `Variable $${varName} of type CreateCommitOnBranchInput! was provided invalid value${at ? ` for ${at}` : ''} (${problem})`
        : `Argument 'input' on Field 'createCommitOnBranch' has an invalid value${at ? ` for ${at}` : ''} (${problem}).`
    });
    /** @param {unknown} x @returns {x is Record<string, any>} */
    const isObj = (x: unknown): x is Record<string,any> => x !== null && typeof x === 'object' && !Array.isArray(x);
    /** @param {unknown} x GraphQL input coercion: a single value stands for a list of one */
    const list = (x: unknown) => (x === null || x === undefined ? [] : Array.isArray(x) ? x : [x]);
    const input = args.input;
    if (!isObj(input)) return bad('', NOT_NULL);
    if (!isObj(input.branch)) return bad('branch', NOT_NULL);
    if (!isObj(input.message)) return bad('message', NOT_NULL);
    const { headline, body } = input.message;
    if (typeof headline !== 'string')
      return bad(
        'message.headline',
        headline == null ? NOT_NULL : `Could not coerce value ${JSON.stringify(headline)} to String`
      );
    if (body != null && typeof body !== 'string')
      return bad('message.body', `Could not coerce value ${JSON.stringify(body)} to String`);
    const expected = input.expectedHeadOid;
    if (expected == null) return bad('expectedHeadOid', NOT_NULL);
    if (typeof expected !== 'string' || !/^[0-9a-f]{40}$/i.test(expected))
      return bad('expectedHeadOid', `Could not coerce value ${JSON.stringify(expected)} to GitObjectID`);
    if (input.fileChanges != null && !isObj(input.fileChanges))
      return bad('fileChanges', 'Expected value to be an object');
    const additions = list(input.fileChanges?.additions);
    const deletions = list(input.fileChanges?.deletions);
    for (const [i, a] of additions.entries()) {
      if (!isObj(a)) return bad(`fileChanges.additions.${i}`, NOT_NULL);
      if (typeof a.path !== 'string') return bad(`fileChanges.additions.${i}.path`, NOT_NULL);
      if (typeof a.contents !== 'string') return bad(`fileChanges.additions.${i}.contents`, NOT_NULL);
      if (
        !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(
          a.contents.replace(/\s+/g, '')
        )
      ) {
        return bad(
          `fileChanges.additions.${i}.contents`,
          `Could not coerce value ${JSON.stringify(a.contents.slice(0, 40))} to Base64String`
        );
      }
    }
    for (const [i, d] of deletions.entries()) {
      if (!isObj(d)) return bad(`fileChanges.deletions.${i}`, NOT_NULL);
      if (typeof d.path !== 'string') return bad(`fileChanges.deletions.${i}.path`, NOT_NULL);
    }

    /** @type {RepoInfo | undefined} */
    let repo: RepoInfo|undefined;
    let branch = '';
    const b = input.branch;
    if (typeof b.id === 'string' && b.id) {
      const found = this.refByNodeId(b.id);
      if (!found || !found.ref.startsWith('heads/') || !this.refSha(found.repo, `refs/${found.ref}`)) {
        return {
          error: {
            type: 'NOT_FOUND',
            message: `Could not resolve to a node with the global id of '${b.id}'.`
          }
        };
      }
      repo = found.repo;
      branch = found.ref.slice('heads/'.length);
    } else {
      if (typeof b.repositoryNameWithOwner !== 'string' || typeof b.branchName !== 'string') {
        return {
          error: {
            type: 'UNPROCESSABLE',
            message: 'A branch must be given either by id or by repositoryNameWithOwner and branchName.'
          }
        };
      }
      repo = this.repos.get(b.repositoryNameWithOwner.toLowerCase());
      if (!repo)
        return {
          error: {
            type: 'NOT_FOUND',
            message: `Could not resolve to a Repository with the name '${b.repositoryNameWithOwner}'.`
          }
        };
      branch = b.branchName.replace(/^refs\/heads\//, '');
    }
    const ref = `refs/heads/${branch}`;
    const tip = branch && isSafeRefName(ref) ? this.refSha(repo, ref) : null;
    if (!tip) return { error: { type: 'NOT_FOUND', message: 'Branch not found' } };
    const stale = {
      error: {
        type: 'STALE_DATA',
        message: `Expected branch to point to "${expected}" but it did not. Pull and try again.`
      }
    };
    if (expected.toLowerCase() !== tip) return stale;

    /** @param {string} p */
    const badPath = (p: string) =>
      p === '' ||
      /[\0\n\r]/.test(p) ||
      p.startsWith('/') ||
      p
        .split('/')
        .some((part) => part === '' || part === '.' || part === '..' || part.toLowerCase() === '.git');
    const invalidPath = [...additions, ...deletions].map((x) => x.path).find(badPath);
    if (invalidPath !== undefined)
      return { error: { type: 'UNPROCESSABLE', message: `Invalid path ${JSON.stringify(invalidPath)}.` } };
    if (deletions.length) {
      /** @type {Map<string, string>} path -> object type */
      const existing: Map<string,string> = new Map();
      const listing = this.runGit([
        '--literal-pathspecs',
        '--git-dir',
        repo.bareDir,
        'ls-tree',
        '-z',
        tip,
        '--',
        ...deletions.map((d) => d.path)
      ]);
      for (const line of listing.split('\0')) {
        const tab = line.indexOf('\t');
        if (tab > 0) existing.set(line.slice(tab + 1), line.slice(0, tab).split(' ')[1]);
      }
      if (deletions.some((d) => existing.get(d.path) === undefined || existing.get(d.path) === 'tree')) {
        return {
          error: {
            type: 'NOT_FOUND',
            message: `A path was requested for deletion which does not exist as of commit oid \`${tip}\``
          }
        };
      }
    }
    /** @type {Map<string, Buffer | null>} */
    const changes: Map<string,Buffer|null> = new Map();
    for (const d of deletions) changes.set(d.path, null);
    for (const a of additions) changes.set(a.path, Buffer.from(a.contents, 'base64'));
    const message = body ? `${headline}\n\n${body}` : headline;
    const identity = { name: me.login, email: `${me.userId}+${me.login}@users.noreply.github.com` };
    /** @type {string} */
    let sha: string;
    try {
      sha = this.writeCommit(
        repo.bareDir,
        branch,
        Object.fromEntries(changes),
        message,
        tip,
        tip,
        Math.floor(Date.now() / 1000),
        identity
      );
    } catch (err) {
      if (this.refSha(repo, ref) !== tip) return stale; // moved meanwhile (a push through git http-backend)
      return { error: { type: 'UNPROCESSABLE', message: err instanceof Error ? err.message : String(err) } };
    }
    this.verifiedCommits.add(sha);
    this.syncPulls(repo);
    const repoInfo = repo;
    return {
      value: {
        __typename: 'CreateCommitOnBranchPayload',
        clientMutationId: typeof input.clientMutationId === 'string' ? input.clientMutationId : null,
        commit: () => this.gqlCommit(repoInfo, sha, site),
        ref: this.gqlRef(repo, ref, site)
      }
    };
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
  async rest(method: string, p: string, query: URLSearchParams, rawBody: Buffer, site: Site, me: TokenInfo): Promise<{ status: number; body: unknown; headers?: Record<string,string>; }> {
    /** @param {RegExp} re */
    const match = (re: RegExp) => re.exec(p);
    /** @type {RegExpExecArray | null} */
    let m: RegExpExecArray|null;

    if (p === '/' && method === 'GET') return { status: 200, body: this.rootDocument(site) };
    if (p === '/user' && method === 'GET') return { status: 200, body: this.authenticatedUserJson(me, site) };

    if ((m = match(/^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/))) {
      const repo = this.repos.get(`${decodeURIComponent(m[1])}/${decodeURIComponent(m[2])}`.toLowerCase());
      if (!repo) throw notFound();
      const sub = m[3] ?? '';
      let s;
      if (sub === '' && method === 'GET')
        return { status: 200, body: this.repoJson(repo, site, { full: true }) };
      if ((s = /^\/branches\/(.+)$/.exec(sub)) && method === 'GET') {
        const branch = decodeURIComponent(s[1]);
        const sha = this.refSha(repo, `refs/heads/${branch}`);
        if (!sha)
          throw new HttpError(404, {
            message: 'Branch not found',
            documentation_url: `${DOC_URL}/branches/branches#get-a-branch`
          });
        return {
          status: 200,
          body: {
            name: branch,
            commit: { sha, url: `${site.api}/repos/${repo.fullName}/commits/${sha}` },
            protected: false,
            _links: {
              self: `${site.api}/repos/${repo.fullName}/branches/${branch}`,
              html: `${site.web}/${repo.fullName}/tree/${branch}`
            }
          }
        };
      }
      if ((s = /^\/git\/ref\/(.+)$/.exec(sub)) && method === 'GET') {
        const ref = decodeURIComponent(s[1]);
        const sha = this.gitRefSha(repo, ref);
        if (!sha) throw notFound();
        return { status: 200, body: this.refJson(repo, ref, sha, site) };
      }
      if (sub === '/git/refs' && method === 'POST')
        return this.createRef(repo, this.parseJson(rawBody), site);
      if ((s = /^\/git\/refs\/(.+)$/.exec(sub)) && method === 'PATCH')
        return this.updateRef(repo, decodeURIComponent(s[1]), this.parseJson(rawBody), site);
      if ((s = /^\/git\/refs\/(.+)$/.exec(sub)) && method === 'DELETE') {
        const ref = decodeURIComponent(s[1]);
        const sha = this.gitRefSha(repo, ref);
        if (!sha)
          throw new HttpError(422, {
            message: 'Reference does not exist',
            documentation_url: `${DOC_URL}/git/refs#delete-a-reference`
          });
        this.runGit(['--git-dir', repo.bareDir, 'update-ref', '-d', `refs/${ref}`, sha]);
        this.syncPulls(repo); // GitHub closes open pull requests whose head branch is deleted
        return { status: 204, body: null };
      }
      if ((s = /^\/compare\/(.+)$/.exec(sub)) && method === 'GET')
        return this.compare(repo, decodeURIComponent(s[1]), query, site);
      if (sub === '/pulls' && method === 'GET') return this.listPulls(repo, query, site);
      if (sub === '/pulls' && method === 'POST')
        return this.createPull(repo, this.parseJson(rawBody), site, me);
      if ((s = /^\/pulls\/(\d+)$/.exec(sub))) {
        const pr = this.findPull(repo, Number(s[1]));
        if (method === 'GET') return { status: 200, body: this.pullJson(pr, site) };
        if (method === 'PATCH') return this.updatePull(repo, pr, this.parseJson(rawBody), site);
      }
      if ((s = /^\/pulls\/(\d+)\/reviews$/.exec(sub)) && method === 'GET') {
        const pr = this.findPull(repo, Number(s[1]));
        const all = this.reviews.filter((r) => r.repo === repo.fullName && r.number === pr.number);
        const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30));
        const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
        const html = `${site.web}/${repo.fullName}/pull/${pr.number}`;
        const body = all.slice((page - 1) * perPage, page * perPage).map((r) => ({
          id: r.id,
          node_id: nodeId('PRR', r.id),
          user: this.userOut(this.userBrief(r.login), site),
          body: '',
          state: r.state,
          html_url: `${html}#pullrequestreview-${r.id}`,
          pull_request_url: `${site.api}/repos/${repo.fullName}/pulls/${pr.number}`,
          author_association: 'COLLABORATOR',
          _links: {
            html: { href: `${html}#pullrequestreview-${r.id}` },
            pull_request: { href: `${site.api}/repos/${repo.fullName}/pulls/${pr.number}` }
          },
          submitted_at: r.submittedAt,
          commit_id: pr.head.sha
        }));
        return { status: 200, body };
      }
      if ((s = /^\/pulls\/(\d+)\/requested_reviewers$/.exec(sub))) {
        const pr = this.findPull(repo, Number(s[1]));
        if (method === 'GET') {
          const out = this.pullJson(pr, site);
          return { status: 200, body: { users: out.requested_reviewers, teams: out.requested_teams } };
        }
        if (method === 'POST' || method === 'DELETE')
          return this.requestReviewers(repo, pr, method, this.parseJson(rawBody), site);
      }
      if ((s = /^\/issues\/(\d+)\/assignees$/.exec(sub)) && (method === 'POST' || method === 'DELETE')) {
        const pr = this.findPull(repo, Number(s[1]));
        const body = this.parseJson(rawBody);
        const logins = body.assignees === undefined ? [] : body.assignees;
        if (!Array.isArray(logins) || !logins.every((x) => typeof x === 'string' && x !== '')) {
          throw validationFailed('issues/assignees#add-assignees-to-an-issue', [
            { resource: 'Issue', code: 'invalid', field: 'assignees' }
          ]);
        }
        if (method === 'POST') {
          // Like GitHub: users who cannot be assigned are left out without an error.
          for (const login of logins) {
            if (!repo.collaborators.has(login.toLowerCase())) continue;
            if (
              !pr.assignees.some(
                (/** @type {{login: string}} */ u: { login: string; }) => u.login.toLowerCase() === login.toLowerCase()
              )
            ) {
              pr.assignees.push(this.userBrief(login));
              this.event(repo, pr, 'assigned', login);
            }
          }
        } else {
          const drop = new Set(logins.map((x) => x.toLowerCase()));
          pr.assignees = pr.assignees.filter(
            (/** @type {{login: string}} */ u: { login: string; }) => !drop.has(u.login.toLowerCase())
          );
        }
        pr.assignee = pr.assignees[0] ?? null;
        pr.updated_at = isoNow();
        return { status: method === 'POST' ? 201 : 200, body: this.issueJson(repo, pr, site) };
      }
      if ((s = /^\/issues\/(\d+)$/.exec(sub))) {
        const pr = this.findPull(repo, Number(s[1]));
        if (method === 'GET') return { status: 200, body: this.issueJson(repo, pr, site) };
        if (method === 'PATCH') return this.updateIssue(repo, pr, this.parseJson(rawBody), site);
      }
      if (sub === '/milestones' && method === 'GET') {
        const state = query.get('state') ?? 'open';
        const list = repo.milestones.filter((m) => state === 'all' || m.state === state);
        return { status: 200, body: list.map((m) => this.milestoneJson(repo, m, site)) };
      }
      if ((s = /^\/milestones\/(\d+)$/.exec(sub)) && method === 'GET') {
        const m = repo.milestones.find((x) => x.number === Number(s?.[1]));
        if (!m) throw notFound();
        return { status: 200, body: this.milestoneJson(repo, m, site) };
      }
      if ((s = /^\/issues\/(\d+)\/labels$/.exec(sub)) && method === 'POST') {
        const pr = this.findPull(repo, Number(s[1]));
        const body = this.parseJson(rawBody);
        const wanted = Array.isArray(body) ? body : body.labels;
        if (!Array.isArray(wanted)) {
          throw validationFailed('issues/labels#add-labels-to-an-issue', [
            { resource: 'Label', code: 'invalid', field: 'labels' }
          ]);
        }
        for (const l of wanted) {
          const name = typeof l === 'string' ? l : l && typeof l.name === 'string' ? l.name : null;
          if (!name)
            throw validationFailed('issues/labels#add-labels-to-an-issue', [
              { resource: 'Label', code: 'invalid', field: 'labels' }
            ]);
          if (
            !pr.labels.some((/** @type {{name: string}} */ x: { name: string; }) => x.name.toLowerCase() === name.toLowerCase())
          ) {
            pr.labels.push(this.labelJson(repo, name, site));
            this.event(repo, pr, 'labeled', name);
          }
        }
        pr.updated_at = isoNow();
        return {
          status: 200,
          body: pr.labels.map((/** @type {any} */ l: any) => ({
            ...l,
            url: `${site.api}/repos/${repo.fullName}/labels/${encodeURIComponent(l.name)}`
          }))
        };
      }
      if ((s = /^\/issues\/(\d+)\/comments$/.exec(sub)) && method === 'POST') {
        const pr = this.findPull(repo, Number(s[1]));
        const body = this.parseJson(rawBody);
        if (typeof body.body !== 'string' || body.body === '') {
          throw validationFailed('issues/comments#create-an-issue-comment', [
            { resource: 'IssueComment', code: 'missing_field', field: 'body' }
          ]);
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
        return { status: 201, body: comment, headers: { location: comment.url } };
      }
    }
    throw notFound();
  }

  /**
   * The object a ref below refs/ points at ('heads/x' or 'tags/v1'), or null when there is none.
   * @param {RepoInfo} repo
   * @param {string} ref without the leading refs/
   * @returns {string | null}
   */
  gitRefSha(repo: RepoInfo, ref: string): string|null {
    if (!/^(?:heads|tags)\/./.test(ref) || !isSafeRefName(`refs/${ref}`)) return null;
    return this.revParse(repo, `refs/${ref}`);
  }

  /**
   * The type of an object given by its full sha ('commit', 'tree', 'blob', 'tag'), or null.
   * @param {RepoInfo} repo
   * @param {unknown} sha
   * @returns {string | null}
   */
  objectType(repo: RepoInfo, sha: unknown): string|null {
    if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/i.test(sha)) return null;
    try {
      return (
        execFileSync('git', ['--git-dir', repo.bareDir, 'cat-file', '-t', sha.toLowerCase()], {
          env: this.gitEnv,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore']
        }).trim() || null
      );
    } catch {
      return null;
    }
  }

  /**
   * A git reference as the refs API shows it.
   * @param {RepoInfo} repo
   * @param {string} ref without the leading refs/
   * @param {string} sha
   * @param {Site} site
   */
  refJson(repo: RepoInfo, ref: string, sha: string, site: Site) {
    const type = this.objectType(repo, sha) ?? 'commit';
    return {
      ref: `refs/${ref}`,
      node_id: nodeId('REF', `${repo.id}:${ref}`),
      url: `${site.api}/repos/${repo.fullName}/git/refs/${ref}`,
      object: { sha, type, url: `${site.api}/repos/${repo.fullName}/git/${type}s/${sha}` }
    };
  }

  /**
   * POST /git/refs { ref: 'refs/heads/x', sha }
   * @param {RepoInfo} repo
   * @param {any} body
   * @param {Site} site
   */
  createRef(repo: RepoInfo, body: any, site: Site) {
    const docUrl = `${DOC_URL}/git/refs#create-a-reference`;
    /** @param {string} message */
    const fail = (message: string) => new HttpError(422, { message, documentation_url: docUrl });
    for (const key of ['ref', 'sha']) {
      if (body[key] === undefined || body[key] === null)
        throw fail(`Invalid request.\n\n"${key}" wasn't supplied.`);
      if (typeof body[key] !== 'string')
        throw fail(`Invalid request.\n\nFor '${key}', ${JSON.stringify(body[key])} is not a string.`);
    }
    /** @type {string} */
    const full: string = body.ref;
    if (!/^refs\/[^/]+\/./.test(full))
      throw fail("Reference name must start with 'refs/' and have at least two slashes.");
    const ref = full.slice('refs/'.length);
    if (!/^(?:heads|tags)\//.test(ref) || !isSafeRefName(full))
      throw fail(`${full} is not a valid ref name.`);
    const type = this.objectType(repo, body.sha);
    if (!type || (ref.startsWith('heads/') && type !== 'commit')) throw fail('Object does not exist');
    const sha = body.sha.toLowerCase();
    if (this.gitRefSha(repo, ref)) throw fail('Reference already exists');
    try {
      // A branch "x" blocks "x/y" and the other way round, as in any git repository.
      this.runGit(['--git-dir', repo.bareDir, 'update-ref', full, sha, ZERO_OID]);
    } catch {
      throw fail(this.gitRefSha(repo, ref) ? 'Reference already exists' : 'Reference update failed');
    }
    this.syncPulls(repo);
    return {
      status: 201,
      body: this.refJson(repo, ref, sha, site),
      headers: { location: `${site.api}/repos/${repo.fullName}/git/refs/${ref}` }
    };
  }

  /**
   * PATCH /git/refs/:ref { sha, force }: a fast-forward unless `force` is true.
   * @param {RepoInfo} repo
   * @param {string} ref decoded, without the leading refs/ ('heads/x')
   * @param {any} body
   * @param {Site} site
   */
  updateRef(repo: RepoInfo, ref: string, body: any, site: Site) {
    const docUrl = `${DOC_URL}/git/refs#update-a-reference`;
    /** @param {string} message */
    const fail = (message: string) => new HttpError(422, { message, documentation_url: docUrl });
    if (body.sha === undefined || body.sha === null) throw fail(`Invalid request.\n\n"sha" wasn't supplied.`);
    if (typeof body.sha !== 'string')
      throw fail(`Invalid request.\n\nFor 'sha', ${JSON.stringify(body.sha)} is not a string.`);
    if (body.force !== undefined && typeof body.force !== 'boolean')
      throw fail(`Invalid request.\n\nFor 'force', ${JSON.stringify(body.force)} is not a boolean.`);
    const old = this.gitRefSha(repo, ref);
    if (!old) throw fail('Reference does not exist');
    const type = this.objectType(repo, body.sha);
    if (!type || (ref.startsWith('heads/') && type !== 'commit')) throw fail('Object does not exist');
    const sha = body.sha.toLowerCase();
    if (!body.force && sha !== old && !this.isAncestor(repo, old, sha))
      throw fail('Update is not a fast forward');
    try {
      this.runGit(['--git-dir', repo.bareDir, 'update-ref', `refs/${ref}`, sha, old]);
    } catch {
      throw fail('Reference cannot be updated');
    }
    this.syncPulls(repo);
    return { status: 200, body: this.refJson(repo, ref, sha, site) };
  }

  /** @param {Site} site */
  rootDocument(site: Site) {
    const api = site.api;
    return {
      current_user_url: `${api}/user`,
      current_user_authorizations_html_url: `${site.web}/settings/connections/applications{/client_id}`,
      authorizations_url: `${api}/authorizations`,
      code_search_url: `${api}/search/code?q={query}{&page,per_page,sort,order}`,
      commit_search_url: `${api}/search/commits?q={query}{&page,per_page,sort,order}`,
      emails_url: `${api}/user/emails`,
      emojis_url: `${api}/emojis`,
      events_url: `${api}/events`,
      feeds_url: `${api}/feeds`,
      followers_url: `${api}/user/followers`,
      following_url: `${api}/user/following{/target}`,
      gists_url: `${api}/gists{/gist_id}`,
      hub_url: `${api}/hub`,
      issue_search_url: `${api}/search/issues?q={query}{&page,per_page,sort,order}`,
      issues_url: `${api}/issues`,
      keys_url: `${api}/user/keys`,
      label_search_url: `${api}/search/labels?q={query}&repository_id={repository_id}{&page,per_page}`,
      notifications_url: `${api}/notifications`,
      organization_url: `${api}/orgs/{org}`,
      organization_repositories_url: `${api}/orgs/{org}/repos{?type,page,per_page,sort}`,
      organization_teams_url: `${api}/orgs/{org}/teams`,
      public_gists_url: `${api}/gists/public`,
      rate_limit_url: `${api}/rate_limit`,
      repository_url: `${api}/repos/{owner}/{repo}`,
      repository_search_url: `${api}/search/repositories?q={query}{&page,per_page,sort,order}`,
      current_user_repositories_url: `${api}/user/repos{?type,page,per_page,sort}`,
      starred_url: `${api}/user/starred{/owner}{/repo}`,
      starred_gists_url: `${api}/gists/starred`,
      topic_search_url: `${api}/search/topics?q={query}{&page,per_page}`,
      user_url: `${api}/users/{user}`,
      user_organizations_url: `${api}/user/orgs`,
      user_repositories_url: `${api}/users/{user}/repos{?type,page,per_page,sort}`,
      user_search_url: `${api}/search/users?q={query}{&page,per_page}`
    };
  }

  /** @param {TokenInfo} me @param {Site} site */
  userJson(me: TokenInfo, site: Site) {
    return this.userOut(this.userBrief(me.login), site);
  }

  /**
   * GET /user: the signed-in user as GitHub answers a token without the `user` scope (the
   * public-user schema: the brief user plus profile fields, null where the profile is empty).
   * @param {TokenInfo} me
   * @param {Site} site
   */
  authenticatedUserJson(me: TokenInfo, site: Site) {
    const created = new Date(BASE_EPOCH * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return {
      ...this.userJson(me, site),
      name: null,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: created,
      updated_at: created
    };
  }

  /**
   * A repository as GitHub shows it: `full` for GET /repos/:o/:r (full-repository), otherwise as
   * embedded in a pull request's head and base (repository).
   * @param {RepoInfo} repo
   * @param {Site} site
   * @param {{ full?: boolean }} [options]
   */
  repoJson(repo: RepoInfo, site: Site, options: { full?: boolean; } = {}) {
    const api = `${site.api}/repos/${repo.fullName}`;
    const created = new Date(BASE_EPOCH * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    /** @type {Record<string, unknown>} */
    const out: Record<string,unknown> = {
      id: repo.id,
      node_id: nodeId('R', repo.id),
      name: repo.name,
      full_name: repo.fullName,
      private: repo.private,
      owner: this.userOut(this.userBrief(repo.owner), site),
      html_url: `${site.web}/${repo.fullName}`,
      description: null,
      fork: false,
      url: api,
      forks_url: `${api}/forks`,
      keys_url: `${api}/keys{/key_id}`,
      collaborators_url: `${api}/collaborators{/collaborator}`,
      teams_url: `${api}/teams`,
      hooks_url: `${api}/hooks`,
      issue_events_url: `${api}/issues/events{/number}`,
      events_url: `${api}/events`,
      assignees_url: `${api}/assignees{/user}`,
      branches_url: `${api}/branches{/branch}`,
      tags_url: `${api}/tags`,
      blobs_url: `${api}/git/blobs{/sha}`,
      git_tags_url: `${api}/git/tags{/sha}`,
      git_refs_url: `${api}/git/refs{/sha}`,
      trees_url: `${api}/git/trees{/sha}`,
      statuses_url: `${api}/statuses/{sha}`,
      languages_url: `${api}/languages`,
      stargazers_url: `${api}/stargazers`,
      contributors_url: `${api}/contributors`,
      subscribers_url: `${api}/subscribers`,
      subscription_url: `${api}/subscription`,
      commits_url: `${api}/commits{/sha}`,
      git_commits_url: `${api}/git/commits{/sha}`,
      comments_url: `${api}/comments{/number}`,
      issue_comment_url: `${api}/issues/comments{/number}`,
      contents_url: `${api}/contents/{+path}`,
      compare_url: `${api}/compare/{base}...{head}`,
      merges_url: `${api}/merges`,
      archive_url: `${api}/{archive_format}{/ref}`,
      downloads_url: `${api}/downloads`,
      issues_url: `${api}/issues{/number}`,
      pulls_url: `${api}/pulls{/number}`,
      milestones_url: `${api}/milestones{/number}`,
      notifications_url: `${api}/notifications{?since,all,participating}`,
      labels_url: `${api}/labels{/name}`,
      releases_url: `${api}/releases{/id}`,
      deployments_url: `${api}/deployments`,
      created_at: created,
      updated_at: created,
      pushed_at: created,
      git_url: `git://${new URL(site.web).host}/${repo.fullName}.git`,
      ssh_url: `git@${new URL(site.web).hostname}:${repo.fullName}.git`,
      clone_url: `${site.web}/${repo.fullName}.git`,
      svn_url: `${site.web}/${repo.fullName}`,
      homepage: null,
      size: 1,
      stargazers_count: 0,
      watchers_count: 0,
      language: null,
      has_issues: true,
      has_projects: true,
      has_downloads: true,
      has_wiki: true,
      has_pages: false,
      has_discussions: false,
      forks_count: 0,
      mirror_url: null,
      archived: false,
      disabled: false,
      open_issues_count: this.pulls.filter(
        (x) => x.base.repo.full_name === repo.fullName && x.state === 'open'
      ).length,
      license: null,
      allow_forking: true,
      is_template: false,
      web_commit_signoff_required: false,
      topics: [],
      visibility: repo.private ? 'private' : 'public',
      forks: 0,
      open_issues: 0,
      watchers: 0,
      default_branch: repo.defaultBranch
    };
    out.open_issues = out.open_issues_count;
    if (!options.full) return out;
    return {
      ...out,
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
      allow_auto_merge: repo.allowAutoMerge,
      allow_merge_commit: true,
      allow_squash_merge: true,
      allow_rebase_merge: true,
      allow_update_branch: false,
      use_squash_pr_title_as_default: false,
      squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
      squash_merge_commit_message: 'COMMIT_MESSAGES',
      merge_commit_title: 'MERGE_MESSAGE',
      merge_commit_message: 'PR_TITLE',
      delete_branch_on_merge: false,
      network_count: 0,
      subscribers_count: 0
    };
  }

  /** @param {RepoInfo} repo @param {string} name @param {Site} site */
  labelJson(repo: RepoInfo, name: string, site: Site) {
    const id = stableId(`label:${repo.fullName.toLowerCase()}:${name.toLowerCase()}`);
    return {
      id,
      node_id: nodeId('LA', id),
      url: `${site.api}/repos/${repo.fullName}/labels/${encodeURIComponent(name)}`,
      name,
      color: 'ededed',
      default: false,
      // Labels made by adding them have no description; the description of pull requests types it as a string.
      description: ''
    };
  }

  /**
   * @param {RepoInfo} repo
   * @param {number} number
   */
  findPull(repo: RepoInfo, number: number) {
    this.syncPulls(repo);
    const pr = this.pulls.find((x) => x.base.repo.full_name === repo.fullName && x.number === number);
    if (!pr) throw notFound();
    return pr;
  }

  /**
   * Brings the open pull requests of a repository up to date with its branches, as GitHub does on
   * every push: head.sha and base.sha follow the branches, and a pull request whose head branch is
   * gone gets closed. Closed pull requests keep the shas they had.
   * @param {RepoInfo} repo
   */
  syncPulls(repo: RepoInfo) {
    for (const pr of this.pulls) {
      if (pr.base.repo.full_name !== repo.fullName || pr.state !== 'open') continue;
      const head = this.refSha(repo, `refs/heads/${pr.head.ref}`);
      if (!head) {
        pr.state = 'closed';
        pr.closed_at = isoNow();
        pr.updated_at = pr.closed_at;
        this.event(repo, pr, 'closed');
        continue;
      }
      if (head !== pr.head.sha) {
        this.event(repo, pr, 'synchronize');
        pr.head.sha = head;
        pr.updated_at = isoNow();
      }
      pr.base.sha = this.refSha(repo, `refs/heads/${pr.base.ref}`) ?? pr.base.sha;
    }
  }

  /**
   * A user as GitHub embeds it (owner, assignee, reviewer...).
   * @param {string} login
   */
  userBrief(login: string) {
    const id = stableId(`user:${login.toLowerCase()}`);
    return {
      login,
      id,
      node_id: nodeId('U', id),
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      site_admin: false
    };
  }

  /**
   * @param {{ login: string }} user
   * @param {Site} site
   */
  userOut(user: { login: string; }, site: Site) {
    const name = encodeURIComponent(user.login); // github-actions%5Bbot%5D, as GitHub writes it
    const api = `${site.api}/users/${name}`;
    return {
      login: user.login,
      id: user.id,
      node_id: user.node_id,
      avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
      gravatar_id: '',
      url: api,
      html_url: `${site.web}/${name}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: user.type,
      user_view_type: 'public',
      site_admin: false
    };
  }

  /**
   * @param {RepoInfo} repo
   * @param {Milestone} m
   * @param {Site} site
   */
  milestoneJson(repo: RepoInfo, m: Milestone, site: Site) {
    const id = stableId(`milestone:${repo.fullName.toLowerCase()}:${m.number}`);
    const issues = this.pulls.filter(
      (x) => x.base.repo.full_name === repo.fullName && x.milestone && x.milestone.number === m.number
    );
    return {
      url: `${site.api}/repos/${repo.fullName}/milestones/${m.number}`,
      html_url: `${site.web}/${repo.fullName}/milestone/${m.number}`,
      labels_url: `${site.api}/repos/${repo.fullName}/milestones/${m.number}/labels`,
      id,
      node_id: nodeId('MI', id),
      number: m.number,
      title: m.title,
      description: m.description,
      creator: this.userOut(this.userBrief(repo.owner), site),
      open_issues: issues.filter((x) => x.state === 'open').length,
      closed_issues: issues.filter((x) => x.state !== 'open').length,
      state: m.state,
      created_at: m.createdAt,
      updated_at: m.createdAt,
      due_on: m.dueOn,
      closed_at: null
    };
  }

  /**
   * The parts of a pull request that its issue shares, with URLs for `site`.
   * @param {RepoInfo} repo
   * @param {Record<string, any>} pr
   * @param {Site} site
   */
  issueSharedJson(repo: RepoInfo, pr: Record<string,any>, site: Site) {
    const milestone = pr.milestone
      ? repo.milestones.find((m) => m.number === pr.milestone.number)
      : undefined;
    const assignees = pr.assignees.map((/** @type {{login: string}} */ u: { login: string; }) => this.userOut(u, site));
    return {
      labels: pr.labels.map((/** @type {any} */ l: any) => ({
        ...l,
        url: `${site.api}/repos/${repo.fullName}/labels/${encodeURIComponent(l.name)}`
      })),
      assignee: assignees[0] ?? null,
      assignees,
      milestone: milestone ? this.milestoneJson(repo, milestone, site) : null
    };
  }

  /**
   * A pull request as the issues API shows it.
   * @param {RepoInfo} repo
   * @param {Record<string, any>} pr
   * @param {Site} site
   */
  issueJson(repo: RepoInfo, pr: Record<string,any>, site: Site) {
    const id = stableId(`issue:${repo.fullName.toLowerCase()}:${pr.number}`);
    const base = `${site.api}/repos/${repo.fullName}/issues/${pr.number}`;
    const html = `${site.web}/${repo.fullName}/pull/${pr.number}`;
    return {
      id,
      node_id: nodeId('I', `${repo.fullName.toLowerCase()}#${pr.number}`),
      url: base,
      repository_url: `${site.api}/repos/${repo.fullName}`,
      labels_url: `${base}/labels{/name}`,
      comments_url: `${base}/comments`,
      events_url: `${base}/events`,
      html_url: html,
      number: pr.number,
      state: pr.state,
      state_reason: null,
      title: pr.title,
      body: pr.body,
      user: this.userOut(pr.user, site),
      ...this.issueSharedJson(repo, pr, site),
      locked: pr.locked,
      active_lock_reason: null,
      comments: this.comments.filter((c) => c.repo === repo.fullName && c.issue_number === pr.number).length,
      pull_request: {
        url: `${site.api}/repos/${repo.fullName}/pulls/${pr.number}`,
        html_url: html,
        diff_url: `${html}.diff`,
        patch_url: `${html}.patch`,
        merged_at: pr.merged_at
      },
      draft: pr.draft,
      closed_at: pr.closed_at,
      created_at: pr.created_at,
      updated_at: pr.updated_at,
      closed_by: null,
      author_association: pr.author_association
    };
  }

  /**
   * Returns a copy of a stored pull request with URLs for the site it is read through (callers
   * run syncPulls first so that the shas are current): `pull-request`, or with `simple` the
   * `pull-request-simple` that lists show.
   * @param {Record<string, any>} pr
   * @param {Site} site
   * @param {{ simple?: boolean }} [options]
   */
  pullJson(pr: Record<string,any>, site: Site, options: { simple?: boolean; } = {}) {
    const repo = this.repo(pr.base.repo.full_name);
    const out = structuredClone(pr);
    const repoBrief = this.repoJson(repo, site);
    out.html_url = `${site.web}/${repo.fullName}/pull/${pr.number}`;
    out.url = `${site.api}/repos/${repo.fullName}/pulls/${pr.number}`;
    out.issue_url = `${site.api}/repos/${repo.fullName}/issues/${pr.number}`;
    out.diff_url = `${out.html_url}.diff`;
    out.patch_url = `${out.html_url}.patch`;
    out.commits_url = `${out.url}/commits`;
    out.review_comments_url = `${out.url}/comments`;
    out.review_comment_url = `${site.api}/repos/${repo.fullName}/pulls/comments{/number}`;
    out.comments_url = `${out.issue_url}/comments`;
    out.statuses_url = `${site.api}/repos/${repo.fullName}/statuses/${pr.head.sha}`;
    out.user = this.userOut(pr.user, site);
    for (const side of [out.head, out.base]) {
      side.repo = repoBrief;
      side.user = this.userOut(this.userBrief(side.user.login), site);
    }
    Object.assign(out, this.issueSharedJson(repo, pr, site));
    out.requested_reviewers = pr.requested_reviewers.map((/** @type {{login: string}} */ u: { login: string; }) =>
      this.userOut(u, site)
    );
    out.requested_teams = pr.requested_teams.map((/** @type {Record<string, any>} */ t: Record<string,any>) =>
      this.teamJson(repo, t, site)
    );
    if (pr.auto_merge) {
      const { enabled_at: _enabledAt, ...autoMerge } = pr.auto_merge;
      out.auto_merge = { ...autoMerge, enabled_by: this.userOut(pr.auto_merge.enabled_by, site) };
    }
    /** @param {string} href */
    const link = (href: string) => ({ href });
    out._links = {
      self: link(out.url),
      html: link(out.html_url),
      issue: link(out.issue_url),
      comments: link(out.comments_url),
      review_comments: link(out.review_comments_url),
      review_comment: link(out.review_comment_url),
      commits: link(out.commits_url),
      statuses: link(out.statuses_url)
    };
    if (options.simple) {
      // The list shows pull-request-simple: no merge state, counts or diff statistics.
      for (const key of [
        'merged',
        'mergeable',
        'rebaseable',
        'mergeable_state',
        'merged_by',
        'comments',
        'review_comments',
        'maintainer_can_modify',
        'commits',
        'additions',
        'deletions',
        'changed_files'
      ])
        delete out[key];
      return out;
    }
    const stats = this.diffStats(repo, pr.base.sha, pr.head.sha);
    Object.assign(out, {
      merged_by: null,
      rebaseable: null,
      mergeable_state: 'unknown',
      comments: this.comments.filter((c) => c.repo === repo.fullName && c.issue_number === pr.number).length,
      review_comments: 0,
      ...stats
    });
    return out;
  }

  /**
   * Commits, additions, deletions and changed files of head against its merge base with base, as
   * a pull request counts them.
   * @param {RepoInfo} repo
   * @param {string} base
   * @param {string} head
   */
  diffStats(repo: RepoInfo, base: string, head: string) {
    const g = (/** @type {string[]} */ args: string[]) => this.runGit(['--git-dir', repo.bareDir, ...args]).trim();
    let mergeBase = '';
    try {
      mergeBase = g(['merge-base', base, head]);
    } catch {
      return { commits: 0, additions: 0, deletions: 0, changed_files: 0 };
    }
    let additions = 0;
    let deletions = 0;
    let changed = 0;
    for (const line of g(['diff', '--numstat', mergeBase, head]).split('\n').filter(Boolean)) {
      const [added, deleted] = line.split('\t');
      additions += Number(added) || 0;
      deletions += Number(deleted) || 0;
      changed++;
    }
    return {
      commits: Number(g(['rev-list', '--count', `${mergeBase}..${head}`])),
      additions,
      deletions,
      changed_files: changed
    };
  }

  /**
   * A team as a pull request's requested_teams shows it (team-simple).
   * @param {RepoInfo} repo
   * @param {Record<string, any>} t
   * @param {Site} site
   */
  teamJson(repo: RepoInfo, t: Record<string,any>, site: Site) {
    const api = `${site.api}/organizations/${stableId(`user:${repo.owner.toLowerCase()}`)}/team/${t.id}`;
    return {
      id: t.id,
      node_id: t.node_id,
      url: api,
      html_url: `${site.web}/orgs/${repo.owner}/teams/${t.slug}`,
      name: t.name,
      slug: t.slug,
      description: t.description,
      privacy: t.privacy,
      notification_setting: 'notifications_enabled',
      permission: t.permission,
      members_url: `${api}/members{/member}`,
      repositories_url: `${api}/repos`,
      type: 'organization',
      parent: null
    };
  }

  /**
   * @param {RepoInfo} repo
   * @param {URLSearchParams} query
   * @param {Site} site
   */
  listPulls(repo: RepoInfo, query: URLSearchParams, site: Site) {
    this.syncPulls(repo);
    const state = query.get('state') ?? 'open';
    const head = query.get('head');
    const base = query.get('base');
    let list = this.pulls.filter((x) => x.base.repo.full_name === repo.fullName);
    if (state === 'open' || state === 'closed') list = list.filter((x) => x.state === state);
    // Like GitHub: the head filter only applies in the `owner:branch` form; a bare branch name is ignored.
    if (head && head.includes(':')) {
      const [owner, ...refParts] = head.split(':');
      const ref = refParts.join(':');
      list = list.filter(
        (x) => x.head.user.login.toLowerCase() === owner.toLowerCase() && x.head.ref === ref
      );
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
    const items = list
      .slice((page - 1) * perPage, page * perPage)
      .map((x) => this.pullJson(x, site, { simple: true }));
    /** @type {Record<string, string>} */
    const headers: Record<string,string> = {};
    if (lastPage > 1) {
      /** @param {number} n */
      const link = (n: number) => {
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
  createPull(repo: RepoInfo, body: any, site: Site, me: TokenInfo) {
    const doc = 'pulls/pulls#create-a-pull-request';
    if (!repo.actionsCanCreatePullRequests) {
      throw new HttpError(403, {
        message: 'GitHub Actions is not permitted to create or approve pull requests.',
        documentation_url: `https://docs.github.com/rest/${doc}`
      });
    }
    if (typeof body.title !== 'string' || body.title === '') {
      throw validationFailed(doc, [{ resource: 'PullRequest', code: 'missing_field', field: 'title' }]);
    }
    if (typeof body.base !== 'string' || body.base === '')
      throw validationFailed(doc, [{ resource: 'PullRequest', code: 'missing_field', field: 'base' }]);
    if (typeof body.head !== 'string' || body.head === '')
      throw validationFailed(doc, [{ resource: 'PullRequest', code: 'missing_field', field: 'head' }]);
    let headOwner = repo.owner;
    let headRef = body.head;
    const colon = body.head.indexOf(':');
    if (colon >= 0) {
      headOwner = body.head.slice(0, colon);
      headRef = body.head.slice(colon + 1);
    }
    // Forks are not emulated: a head in another owner's namespace never exists here.
    const headSha =
      headOwner.toLowerCase() === repo.owner.toLowerCase()
        ? this.refSha(repo, `refs/heads/${headRef}`)
        : null;
    if (!headSha) throw validationFailed(doc, [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
    const baseSha = this.refSha(repo, `refs/heads/${body.base}`);
    if (!baseSha) throw validationFailed(doc, [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    this.syncPulls(repo);
    const existing = this.pulls.find(
      (x) =>
        x.base.repo.full_name === repo.fullName &&
        x.state === 'open' &&
        x.head.ref === headRef &&
        x.base.ref === body.base
    );
    if (existing) {
      throw validationFailed(doc, [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${repo.owner}:${headRef}.`
        }
      ]);
    }
    if (this.isAncestor(repo, headSha, baseSha)) {
      throw validationFailed(doc, [
        { resource: 'PullRequest', code: 'custom', message: `No commits between ${body.base} and ${headRef}` }
      ]);
    }
    const number = repo.nextNumber++;
    const id = stableId(`pull:${repo.fullName.toLowerCase()}:${number}`);
    const now = isoNow();
    const ownerBrief = { login: repo.owner, id: stableId(`user:${repo.owner.toLowerCase()}`), type: 'User' };
    const pr = {
      id,
      // Unique and stable: derived from the repository and number, not from the numeric id.
      node_id: nodeId('PR', `${repo.fullName.toLowerCase()}#${number}`),
      number,
      state: 'open',
      locked: false,
      title: body.title,
      body: typeof body.body === 'string' ? body.body : null,
      draft: Boolean(body.draft),
      user: this.userBrief(me.login),
      labels: ([] as Array<Record<string, any>>),
      assignee: null,
      assignees: ([] as Array<Record<string, any>>),
      requested_reviewers: ([] as Array<Record<string, any>>),
      requested_teams: ([] as Array<Record<string, any>>),
      milestone: (null as { number: number, title: string } | null),
      auto_merge: (null as Record<string, any> | null),
      html_url: `${site.web}/${repo.fullName}/pull/${number}`,
      url: `${site.api}/repos/${repo.fullName}/pulls/${number}`,
      head: {
        label: `${repo.owner}:${headRef}`,
        ref: headRef,
        sha: headSha,
        user: ownerBrief,
        repo: { full_name: repo.fullName }
      },
      base: {
        label: `${repo.owner}:${body.base}`,
        ref: body.base,
        sha: baseSha,
        user: ownerBrief,
        repo: { full_name: repo.fullName }
      },
      merged: false,
      mergeable: null,
      merged_at: null,
      merge_commit_sha: null,
      closed_at: (null as string | null),
      maintainer_can_modify:
        body.maintainer_can_modify === undefined ? false : Boolean(body.maintainer_can_modify),
      author_association: 'MEMBER',
      created_at: now,
      updated_at: now
    };
    this.pulls.push(pr);
    this.event(repo, pr, 'opened');
    return {
      status: 201,
      body: this.pullJson(pr, site),
      headers: { location: `${site.api}/repos/${repo.fullName}/pulls/${number}` }
    };
  }

  /**
   * @param {RepoInfo} repo
   * @param {Record<string, any>} pr
   * @param {any} body
   * @param {Site} site
   */
  updatePull(repo: RepoInfo, pr: Record<string,any>, body: any, site: Site) {
    const doc = 'pulls/pulls#update-a-pull-request';
    if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') {
      throw validationFailed(doc, [{ resource: 'PullRequest', field: 'state', code: 'invalid' }]);
    }
    if (
      body.base !== undefined &&
      (typeof body.base !== 'string' || !this.refSha(repo, `refs/heads/${body.base}`))
    ) {
      throw validationFailed(doc, [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    }
    const newBase = body.base ?? pr.base.ref;
    const newState = body.state ?? pr.state;
    this.checkReopen(repo, pr, newState, newBase, doc);
    // GitHub sends pull_request.edited for a write of the title, body or base.
    const edited = ['title', 'body', 'base'].filter((field) => body[field] !== undefined);
    if (edited.length > 0) this.event(repo, pr, 'edited', edited.join(','));
    if (typeof body.title === 'string') pr.title = body.title;
    if (body.body !== undefined) pr.body = body.body;
    if (body.maintainer_can_modify !== undefined)
      pr.maintainer_can_modify = Boolean(body.maintainer_can_modify);
    if (body.base !== undefined) {
      pr.base.ref = body.base;
      pr.base.label = `${repo.owner}:${body.base}`;
    }
    this.setPullState(repo, pr, newState);
    pr.updated_at = isoNow();
    return { status: 200, body: this.pullJson(pr, site) };
  }

  /**
   * Refuses (422) to leave `pr` open on `newBase` when another open pull request has the same
   * head and base, and to reopen a pull request whose head branch is gone.
   * @param {RepoInfo} repo
   * @param {Record<string, any>} pr
   * @param {string} newState
   * @param {string} newBase
   * @param {string} doc
   */
  checkReopen(repo: RepoInfo, pr: Record<string,any>, newState: string, newBase: string, doc: string) {
    if (newState !== 'open' || (pr.state === 'open' && newBase === pr.base.ref)) return;
    const clash = this.pulls.find(
      (x) =>
        x !== pr &&
        x.base.repo.full_name === repo.fullName &&
        x.state === 'open' &&
        x.head.ref === pr.head.ref &&
        x.base.ref === newBase
    );
    if (clash) {
      throw validationFailed(doc, [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${repo.owner}:${pr.head.ref}.`
        }
      ]);
    }
    if (pr.state !== 'open' && !this.refSha(repo, `refs/heads/${pr.head.ref}`)) {
      throw validationFailed(doc, [{ resource: 'PullRequest', field: 'state', code: 'invalid' }]);
    }
  }

  /**
   * @param {RepoInfo} repo
   * @param {Record<string, any>} pr
   * @param {string} newState 'open' or 'closed'
   */
  setPullState(repo: RepoInfo, pr: Record<string,any>, newState: string) {
    if (newState === pr.state) return;
    this.event(repo, pr, newState === 'closed' ? 'closed' : 'reopened');
    pr.state = newState;
    pr.closed_at = newState === 'closed' ? isoNow() : null;
    if (newState === 'closed')
      pr.auto_merge = null; // GitHub disables auto-merge when a PR is closed
    else this.syncPulls(repo);
  }

  /**
   * POST / DELETE /pulls/:n/requested_reviewers
   * @param {RepoInfo} repo
   * @param {Record<string, any>} pr
   * @param {'POST' | 'DELETE'} method
   * @param {any} body
   * @param {Site} site
   */
  requestReviewers(repo: RepoInfo, pr: Record<string,any>, method: 'POST'|'DELETE', body: any, site: Site) {
    const doc =
      method === 'POST'
        ? 'pulls/review-requests#request-reviewers-for-a-pull-request'
        : 'pulls/review-requests#remove-requested-reviewers-from-a-pull-request';
    const users = body.reviewers ?? [];
    const teams = body.team_reviewers ?? [];
    /** @param {unknown} a */
    const valid = (a: unknown) => Array.isArray(a) && a.every((x) => typeof x === 'string' && x !== '');
    if (!valid(users))
      throw validationFailed(doc, [{ resource: 'PullRequest', code: 'invalid', field: 'reviewers' }]);
    if (!valid(teams))
      throw validationFailed(doc, [{ resource: 'PullRequest', code: 'invalid', field: 'team_reviewers' }]);
    /** @type {string[]} */
    const logins: string[] = users;
    /** @type {string[]} */
    const slugs: string[] = teams;
    if (method === 'DELETE') {
      const dropUsers = new Set(logins.map((x) => x.toLowerCase()));
      const dropTeams = new Set(slugs.map((x) => x.toLowerCase()));
      pr.requested_reviewers = pr.requested_reviewers.filter(
        (/** @type {{login: string}} */ u: { login: string; }) => !dropUsers.has(u.login.toLowerCase())
      );
      pr.requested_teams = pr.requested_teams.filter(
        (/** @type {{slug: string}} */ t: { slug: string; }) => !dropTeams.has(t.slug.toLowerCase())
      );
      pr.updated_at = isoNow();
      return { status: 200, body: this.pullJson(pr, site) };
    }
    if (logins.some((x) => x.toLowerCase() === pr.user.login.toLowerCase())) {
      throw new HttpError(422, {
        message: 'Review cannot be requested from pull request author.',
        documentation_url: `https://docs.github.com/rest/${doc}`
      });
    }
    // GitHub refuses the whole request when one reviewer is not a collaborator (nobody is asked).
    const strangers = logins.some((x) => !repo.collaborators.has(x.toLowerCase()));
    const noAccess = slugs.some((x) => !repo.teams.has(x.toLowerCase()));
    if (strangers || noAccess) {
      throw new HttpError(422, {
        message: `Reviews may only be requested from collaborators. One or more of the ${strangers ? 'users or teams' : 'teams'} you specified is not a collaborator of the ${repo.fullName} repository.`,
        documentation_url: `https://docs.github.com/rest/${doc}`
      });
    }
    for (const login of logins) {
      if (
        !pr.requested_reviewers.some(
          (/** @type {{login: string}} */ u: { login: string; }) => u.login.toLowerCase() === login.toLowerCase()
        )
      ) {
        pr.requested_reviewers.push(this.userBrief(login));
        this.event(repo, pr, 'review_requested', login);
      }
    }
    for (const slug of slugs) {
      if (
        !pr.requested_teams.some(
          (/** @type {{slug: string}} */ t: { slug: string; }) => t.slug.toLowerCase() === slug.toLowerCase()
        )
      ) {
        const id = stableId(`team:${repo.owner.toLowerCase()}:${slug.toLowerCase()}`);
        pr.requested_teams.push({
          id,
          node_id: nodeId('T', id),
          slug,
          name: slug,
          description: null,
          privacy: 'closed',
          permission: 'pull',
          parent: null
        });
        this.event(repo, pr, 'review_requested', `team:${slug}`);
      }
    }
    pr.updated_at = isoNow();
    return { status: 201, body: this.pullJson(pr, site) };
  }

  /**
   * PATCH /issues/:n (only pull requests exist here, so the issue is always a pull request's).
   * @param {RepoInfo} repo
   * @param {Record<string, any>} pr
   * @param {any} body
   * @param {Site} site
   */
  updateIssue(repo: RepoInfo, pr: Record<string,any>, body: any, site: Site) {
    const doc = 'issues/issues#update-an-issue';
    /** @param {string} field @param {unknown} [value] */
    const invalid = (field: string, value: unknown) =>
      validationFailed(doc, [
        { ...(value === undefined ? {} : { value }), resource: 'Issue', field, code: 'invalid' }
      ]);
    if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed')
      throw invalid('state', body.state);
    if (body.title !== undefined && (typeof body.title !== 'string' || body.title === ''))
      throw invalid('title', body.title);
    if (body.body !== undefined && body.body !== null && typeof body.body !== 'string') throw invalid('body');
    /** @type {Milestone | null | undefined} */
    let milestone: Milestone|null|undefined;
    if (body.milestone === null) milestone = null;
    else if (body.milestone !== undefined) {
      const n =
        typeof body.milestone === 'number'
          ? body.milestone
          : typeof body.milestone === 'string' && /^\d+$/.test(body.milestone)
            ? Number(body.milestone)
            : NaN;
      milestone = repo.milestones.find((m) => m.number === n);
      if (!milestone) throw invalid('milestone', body.milestone);
    }
    /** @type {string[] | undefined} */
    let labels: string[]|undefined;
    if (body.labels !== undefined) {
      if (!Array.isArray(body.labels)) throw invalid('labels');
      labels = body.labels.map((/** @type {unknown} */ l: unknown) => {
        const name =
          typeof l === 'string'
            ? l
            : l && typeof l === 'object' && typeof ((l as any).name) === 'string'
              ? (l as any).name
              : '';
        if (!name) throw invalid('labels');
        return name;
      });
    }
    /** @type {string[] | undefined} */
    let assignees: string[]|undefined;
    if (body.assignees !== undefined) {
      if (
        !Array.isArray(body.assignees) ||
        !body.assignees.every((/** @type {unknown} */ x: unknown) => typeof x === 'string' && x !== '')
      )
        throw invalid('assignees');
      assignees = body.assignees;
    } else if (body.assignee !== undefined) {
      if (body.assignee !== null && typeof body.assignee !== 'string') throw invalid('assignee');
      assignees = body.assignee ? [body.assignee] : [];
    }
    const newState = body.state ?? pr.state;
    this.checkReopen(repo, pr, newState, pr.base.ref, doc);

    const edited = ['title', 'body'].filter((field) => body[field] !== undefined);
    if (edited.length > 0) this.event(repo, pr, 'edited', edited.join(','));
    if (milestone !== undefined)
      this.event(
        repo,
        pr,
        milestone ? 'milestoned' : 'demilestoned',
        milestone ? String(milestone.number) : undefined
      );
    if (labels) this.event(repo, pr, 'labeled', labels.join(','));
    if (assignees) this.event(repo, pr, 'assigned', assignees.join(','));
    if (body.title !== undefined) pr.title = body.title;
    if (body.body !== undefined) pr.body = body.body;
    if (milestone !== undefined)
      pr.milestone = milestone && { number: milestone.number, title: milestone.title };
    if (labels) {
      /** @type {Array<Record<string, any>>} */
      const next: Array<Record<string,any>> = [];
      for (const name of labels) {
        if (!next.some((x) => x.name.toLowerCase() === name.toLowerCase()))
          next.push(this.labelJson(repo, name, site));
      }
      pr.labels = next;
    }
    if (assignees) {
      /** @type {Array<Record<string, any>>} */
      const next: Array<Record<string,any>> = [];
      for (const login of assignees) {
        if (!next.some((x) => x.login.toLowerCase() === login.toLowerCase()))
          next.push(this.userBrief(login));
      }
      pr.assignees = next;
      pr.assignee = next[0] ?? null;
    }
    this.setPullState(repo, pr, newState);
    pr.updated_at = isoNow();
    return { status: 200, body: this.issueJson(repo, pr, site) };
  }

  /**
   * Resolves one side of a comparison: a branch, a tag or a (possibly abbreviated) commit sha,
   * optionally as OWNER:REF or OWNER:REPO:REF (forks are not emulated: another owner is unknown).
   * @param {RepoInfo} repo
   * @param {string} spec
   * @returns {string | null}
   */
  resolveCommitish(repo: RepoInfo, spec: string): string|null {
    let ref = spec;
    if (ref.includes(':')) {
      const parts = ref.split(':');
      if (parts.length > 3 || parts[0].toLowerCase() !== repo.owner.toLowerCase()) return null;
      if (parts.length === 3 && parts[1].toLowerCase() !== repo.name.toLowerCase()) return null;
      ref = parts[parts.length - 1];
    }
    if (!ref || ref.startsWith('-') || /[\s~^:?*[\\]|\.\.|@\{/.test(ref)) return null;
    return (
      this.refSha(repo, `refs/heads/${ref}`) ??
      this.refSha(repo, `refs/tags/${ref}`) ??
      (/^[0-9a-f]{4,40}$/i.test(ref) ? this.refSha(repo, ref.toLowerCase()) : null)
    );
  }

  /**
   * GET /compare/BASE...HEAD, computed with git on the bare repository. Like GitHub ("Compare
   * two commits"): without a paging parameter at most 250 commits, the last being the most recent
   * of the whole comparison; with `per_page` or `page`, pages of at most 100 (30 by default),
   * oldest first, with a Link header.
   * @param {RepoInfo} repo
   * @param {string} basehead decoded
   * @param {URLSearchParams} query
   * @param {Site} site
   */
  compare(repo: RepoInfo, basehead: string, query: URLSearchParams, site: Site) {
    const dots = basehead.indexOf('...');
    if (dots < 0) throw notFound();
    const baseSpec = basehead.slice(0, dots);
    const headSpec = basehead.slice(dots + 3);
    const baseSha = this.resolveCommitish(repo, baseSpec);
    const headSha = this.resolveCommitish(repo, headSpec);
    if (!baseSha || !headSha) throw notFound();
    const g = (/** @type {string[]} */ args: string[]) => this.runGit(['--git-dir', repo.bareDir, ...args]).trim();
    let mergeBase = '';
    try {
      mergeBase = g(['merge-base', baseSha, headSha]);
    } catch {
      // unrelated histories
    }
    if (!mergeBase) {
      throw new HttpError(404, {
        message: `No common ancestor between ${baseSpec} and ${headSpec}.`,
        documentation_url: `${DOC_URL}/commits/commits#compare-two-commits`
      });
    }
    const aheadBy = Number(g(['rev-list', '--count', `${baseSha}..${headSha}`]));
    const behindBy = Number(g(['rev-list', '--count', `${headSha}..${baseSha}`]));
    const status = aheadBy && behindBy ? 'diverged' : aheadBy ? 'ahead' : behindBy ? 'behind' : 'identical';
    // Oldest first (parents before children).
    const all = aheadBy
      ? g(['rev-list', '--reverse', '--topo-order', `${baseSha}..${headSha}`])
          .split('\n')
          .filter(Boolean)
      : [];
    /** @type {Record<string, string>} */
    const headers: Record<string,string> = {};
    let shas = all.slice(-250);
    if (query.has('per_page') || query.has('page')) {
      const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30));
      const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
      shas = all.slice((page - 1) * perPage, page * perPage);
      const link = pageLinks(
        `${site.api}/repos/${repo.fullName}/compare/${basehead}`,
        query,
        perPage,
        page,
        Math.max(1, Math.ceil(all.length / perPage))
      );
      if (link) headers.link = link;
    }
    const info = this.commitInfos(repo, [baseSha, mergeBase, ...shas]);
    /** @param {string} sha */
    const commitJson = (sha: string) => this.commitJson(repo, (info.get(sha) as CommitInfo), site);
    const url = `${site.api}/repos/${repo.fullName}/compare/${basehead}`;
    const htmlUrl = `${site.web}/${repo.fullName}/compare/${basehead}`;
    return {
      status: 200,
      body: {
        url,
        html_url: htmlUrl,
        permalink_url: `${site.web}/${repo.fullName}/compare/${repo.owner}:${baseSha.slice(0, 7)}...${repo.owner}:${headSha.slice(0, 7)}`,
        diff_url: `${htmlUrl}.diff`,
        patch_url: `${htmlUrl}.patch`,
        base_commit: commitJson(baseSha),
        merge_base_commit: commitJson(mergeBase),
        status,
        ahead_by: aheadBy,
        behind_by: behindBy,
        total_commits: aheadBy,
        commits: shas.map(commitJson),
        files: []
      },
      headers
    };
  }

  /**
   * @param {RepoInfo} repo
   * @param {string[]} shas commit shas
   * @returns {Map<string, CommitInfo>}
   */
  commitInfos(repo: RepoInfo, shas: string[]): Map<string,CommitInfo> {
    const unique = [...new Set(shas)];
    const out = new Map();
    if (!unique.length) return out;
    const raw = this.runGit([
      '--git-dir',
      repo.bareDir,
      'log',
      '--no-walk=unsorted',
      '--format=%H%x1f%T%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%cn%x1f%ce%x1f%ct%x1f%B%x1e',
      ...unique
    ]);
    /** @param {string} epoch */
    const iso = (epoch: string) => new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    for (const record of raw.split('\x1e')) {
      const fields = record.replace(/^\n/, '').split('\x1f');
      if (fields.length < 10) continue;
      const [sha, tree, parents, an, ae, at, cn, ce, ct, ...message] = fields;
      out.set(sha, {
        sha,
        tree,
        parents: parents.split(' ').filter(Boolean),
        author: { name: an, email: ae, date: iso(at) },
        committer: { name: cn, email: ce, date: iso(ct) },
        message: message.join('\x1f').replace(/\n+$/, '')
      });
    }
    return out;
  }

  /**
   * A commit as the commits/compare APIs show it (no GitHub account is linked: author/committer null).
   * @param {RepoInfo} repo
   * @param {CommitInfo} c
   * @param {Site} site
   */
  commitJson(repo: RepoInfo, c: CommitInfo, site: Site) {
    const api = `${site.api}/repos/${repo.fullName}`;
    const web = `${site.web}/${repo.fullName}`;
    return {
      sha: c.sha,
      node_id: nodeId('C', `${repo.fullName.toLowerCase()}@${c.sha}`),
      commit: {
        author: { ...c.author },
        committer: { ...c.committer },
        message: c.message,
        tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
        url: `${api}/git/commits/${c.sha}`,
        comment_count: 0,
        verification: this.verifiedCommits.has(c.sha)
          ? {
              verified: true,
              reason: 'valid',
              signature: EMULATED_SIGNATURE,
              payload: null,
              verified_at: c.committer.date
            }
          : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
      },
      url: `${api}/commits/${c.sha}`,
      html_url: `${web}/commit/${c.sha}`,
      comments_url: `${api}/commits/${c.sha}/comments`,
      author: null,
      committer: null,
      parents: c.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `${web}/commit/${p}` }))
    };
  }

  /**
   * @param {RepoInfo} repo
   * @param {string} a
   * @param {string} b
   * @returns {boolean} whether commit a is an ancestor of (or equal to) commit b
   */
  isAncestor(repo: RepoInfo, a: string, b: string): boolean {
    try {
      execFileSync('git', ['--git-dir', repo.bareDir, 'merge-base', '--is-ancestor', a, b], {
        env: this.gitEnv,
        stdio: 'ignore'
      });
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
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
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
export function emulatorEnv(emulator: { caFile: string; }): { SSL_CERT_FILE: string; GIT_SSL_CAINFO: string; NODE_EXTRA_CA_CERTS: string; } {
  return {
    SSL_CERT_FILE: emulator.caFile,
    GIT_SSL_CAINFO: emulator.caFile,
    NODE_EXTRA_CA_CERTS: emulator.caFile
  };
}
