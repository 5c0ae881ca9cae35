/** A pull request or issue comment as stored: GitHub's JSON shape, as the API sends it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GitHub's open-ended JSON shapes
export type Stored = Record<string, any>;

export type TestCA = import('../ca.js').TestCA;
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
  /**
   * What it may do in given repositories (keyed by lower-cased full name), as a fine-grained
   * token's repository permissions or a user's role set it; a repository not listed: everything.
   */
  repoAccess: Map<string, RepoAccess>;
}

/** 'none': the repository is invisible (404); 'read': reads only; 'write': reads and writes. */
export type AccessLevel = 'none' | 'read' | 'write';

/**
 * A token's permissions in one repository. `contents` governs git pushes and the refs API (and
 * the repository's visibility: 'none' hides it); `pullRequests` the pull request and issue writes.
 */
export interface RepoAccess {
  contents: AccessLevel;
  pullRequests: AccessLevel;
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
  /** what receive-pack refuses (see push-rules.ts) */
  pushRules: import('../push-rules.js').PushRules;
  /** lower-cased logins that may be asked for reviews and assigned (the owner always) */
  collaborators: Set<string>;
  /** lower-cased slugs of the teams with access, which may be asked for reviews */
  teams: Set<string>;
  /** the full name of the repository it was forked from (GET /repos shows `fork`, `parent`, `source`), or null */
  parent: string | null;
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
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
  /** without trailing newlines */
  message: string;
}

export interface UserBrief {
  login: string;
  id: number;
  node_id: string;
  type: 'Bot' | 'User';
  site_admin: boolean;
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
  /** which kind of fault: an injected response ('status'), a dropped connection ('reset'), a rate limit, or a delay before the usual answer */
  fault?: 'status' | 'reset' | 'rate-limit' | 'delay';
  /** reset only: dropped before serving, or after it was served (the request had its effect, the response was never sent) */
  faultPhase?: 'before' | 'after';
  /** reset after serving: the status that was not sent */
  suppressedStatus?: number;
  /** rate-limit faults and enforced secondary limits: which limit was reported */
  rateLimit?: 'primary' | 'secondary';
  /** an enforced secondary limit (not an injected fault) refused it: content creation or concurrency */
  limitedBy?: 'content' | 'concurrency';
  /** rest and graphql: counted as content-generating (see secondary-limits.ts) */
  contentGenerating?: boolean;
  /** ISO timestamp of when the answer was sent (or the connection closed) */
  finished?: string;
  /** git only: a beforeGit() callback ran before this request was served */
  hooked?: boolean;
  /** git only: what that callback threw (the request then got a 500) */
  hookError?: string;
  /** git only: the refs a push rule refused (setPushRules; files over 100 MB) */
  pushRefusal?: Array<{ ref: string; rule: string; reason: string }>;
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
  response?: { path: string; status: number; headers: Record<string, string>; body: unknown };
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
  /** with delayMs: then serve the request as usual (GitHub's slow writes: POST /pulls takes a second) */
  delayOnly?: boolean;
  /** how many matching requests get it (default 1) */
  times?: number;
  /** drop the connection (TCP RST) instead of answering; status, headers and body are then ignored */
  reset?: boolean;
  /** with reset: serve the request normally first (REST/GraphQL handlers run, `git http-backend` applies a push), then drop the connection instead of sending the response */
  after?: boolean;
  /** git, with reset: libcurl (git) silently resends a request whose reused keep-alive connection dies before any answer. By default the emulator closes the connection after the info/refs advertisement that precedes a POST this reset will match, so the POST comes on a fresh connection and git sees the failure. true keeps the connection: libcurl then resends the POST once (a second, unfaulted request), as it would against GitHub. */
  reuseConnection?: boolean;
}

export type PendingFault = Fault & { fired: number; rateLimit?: RateLimitSpec; apiOnly?: boolean };

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
  /** secondary: which limit GitHub names: content creation has a message of its own */
  reason?: 'content';
}

/**
 * GitHub's secondary limits that the emulator enforces on every REST and GraphQL request, per
 * user (the token's login): content creation (80 a minute, 500 an hour) and concurrency (100 in
 * flight). Tests may set smaller numbers (setSecondaryLimits) to reach them cheaply.
 */
export interface SecondaryLimits {
  /** content-generating requests allowed in any `shortWindowMs` (GitHub: 80 a minute) */
  contentShort: number;
  shortWindowMs: number;
  /** content-generating requests allowed in any `longWindowMs` (GitHub: 500 an hour) */
  contentLong: number;
  longWindowMs: number;
  /** REST and GraphQL requests in flight at once (GitHub: 100) */
  concurrent: number;
  /**
   * Seconds sent as retry-after with a content-creation refusal. GitHub sends none there (clients
   * then wait a minute, as its docs say); a test may ask for one to keep its waits short.
   */
  contentRetryAfter?: number;
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
  /**
   * Use the test run's CA (OUTBOX_TEST_CA_DIR, see test-support/ca.ts) when there is one, rather
   * than a CA of its own: every emulator that shares it trusts the others' certificates. Default
   * false.
   */
  sharedCA?: boolean;
}
