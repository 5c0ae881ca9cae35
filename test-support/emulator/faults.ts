import { GitHttp } from './git-http.js';
import type {
  Fault,
  FaultHandle,
  IncomingMessage,
  PendingFault,
  RateLimitOptions,
  RateLimitSpec,
  RequestLogEntry,
  SecondaryLimits,
  ServerResponse,
  TokenInfo
} from './types.js';
import { randomBytes } from 'node:crypto';
import type { OperationDefinitionNode } from 'graphql';
import { graphqlLib } from './graphql-lib.js';

/** GitHub's secondary limits (docs.github.com, "Rate limits for the REST API", About secondary rate limits). */
export const GITHUB_SECONDARY_LIMITS: SecondaryLimits = {
  contentShort: 80,
  shortWindowMs: 60_000,
  contentLong: 500,
  longWindowMs: 3_600_000,
  concurrent: 100
};

/**
 * The REST operations GitHub's API description (@octokit/openapi, `x-github.triggersNotification`)
 * flags as creating content: their docs say "Creating content too quickly using this endpoint may
 * result in secondary rate limiting". GitHub publishes no other list.
 */
const CONTENT_ROUTES: Array<[string, RegExp]> = [
  ['POST', /^\/orgs\/[^/]+\/invitations$/],
  ['DELETE', /^\/orgs\/[^/]+\/invitations\/[^/]+$/],
  ['PUT', /^\/repos\/[^/]+\/[^/]+\/collaborators\/[^/]+$/],
  ['POST', /^\/repos\/[^/]+\/[^/]+\/commits\/[^/]+\/comments$/],
  ['POST', /^\/repos\/[^/]+\/[^/]+\/issues$/],
  ['POST', /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/comments$/],
  ['POST', /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/dependencies\/blocked_by$/],
  ['DELETE', /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/dependencies\/blocked_by\/[^/]+$/],
  ['POST', /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/issue-field-values$/],
  ['PUT', /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/issue-field-values$/],
  ['DELETE', /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/issue-field-values\/[^/]+$/],
  ['DELETE', /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/sub_issue$/],
  ['PATCH', /^\/repos\/[^/]+\/[^/]+\/issues\/\d+\/sub_issues\/priority$/],
  ['POST', /^\/repos\/[^/]+\/[^/]+\/pulls$/],
  ['POST', /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/comments$/],
  ['POST', /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/comments\/\d+\/replies$/],
  ['PUT', /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/merge$/],
  ['PUT', /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/merge-async$/],
  ['POST', /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/requested_reviewers$/],
  ['POST', /^\/repos\/[^/]+\/[^/]+\/pulls\/\d+\/reviews$/],
  ['POST', /^\/repos\/[^/]+\/[^/]+\/releases$/]
];

/**
 * Whether a request generates content. REST: the flagged operations above. GraphQL: every
 * mutation (GitHub's content limits "include ... the GraphQL API" without naming mutations, and
 * the emulator is never kinder than GitHub).
 */
export function isContentGenerating(method: string, restPath: string | undefined, body: unknown): boolean {
  if (restPath !== undefined) return CONTENT_ROUTES.some(([m, re]) => m === method && re.test(restPath));
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return false;
  try {
    const { OperationTypeNode, parse } = graphqlLib();
    const operations = parse(query).definitions.filter((d): d is OperationDefinitionNode => 'operation' in d);
    const chosen =
      typeof operationName === 'string'
        ? operations.find((o) => o.name?.value === operationName)
        : operations[0];
    return chosen?.operation === OperationTypeNode.MUTATION;
  } catch {
    return false; // the GraphQL handler answers the syntax error
  }
}

export function faultMatches(f: PendingFault, method: string, host: string, pathname: string, kind: string) {
  return (
    (!f.apiOnly || kind === 'rest' || kind === 'graphql') &&
    (!f.method || f.method.toUpperCase() === method) &&
    (!f.host || f.host.toLowerCase() === host) &&
    (!f.kind || f.kind === kind) &&
    (!f.pathPattern || ((f.pathPattern.lastIndex = 0), f.pathPattern.test(pathname)))
  );
}

/**
 * Injected faults (failNext, addFault) and GitHub's primary and secondary rate limits: injected
 * (rateLimit) and, for content creation and concurrency, enforced (setSecondaryLimits).
 */
export class Faults extends GitHttp {
  /** The secondary limits enforced on every REST and GraphQL request; GitHub's unless a test set others. */
  secondaryLimits: SecondaryLimits = { ...GITHUB_SECONDARY_LIMITS };
  /** Per user id: when its content-generating requests arrived (ms since the epoch, ascending). */
  contentTimes = new Map<number, number[]>();
  /** Per user id: its REST and GraphQL requests in flight. */
  inFlight = new Map<number, number>();

  /** Sets the enforced secondary limits: GitHub's, with `limits` instead where given; counts start over. */
  setSecondaryLimits(limits: Partial<SecondaryLimits> = {}) {
    this.secondaryLimits = { ...GITHUB_SECONDARY_LIMITS, ...limits };
    this.contentTimes.clear();
  }

  /**
   * Counts a REST or GraphQL request in flight for its user until its answer is sent; over the
   * concurrency limit, GitHub's secondary-limit answer instead (the request is not served).
   */
  enterFlight(tokenInfo: TokenInfo, res: ServerResponse, entry: RequestLogEntry): RateLimitSpec | null {
    const id = tokenInfo.userId;
    const count = (this.inFlight.get(id) ?? 0) + 1;
    if (count > this.secondaryLimits.concurrent) {
      entry.limitedBy = 'concurrency';
      return { kind: 'secondary' };
    }
    this.inFlight.set(id, count);
    res.on('close', () => this.inFlight.set(id, (this.inFlight.get(id) ?? 1) - 1));
    return null;
  }

  /**
   * Counts a content-generating request (isContentGenerating) against its user's windows, as it
   * arrives; when a window is full, GitHub's content-creation answer instead (the request is not
   * served, and not counted). GitHub counts per user or installation: tokens of one login share.
   */
  limitContent(tokenInfo: TokenInfo, entry: RequestLogEntry, generating: boolean): RateLimitSpec | null {
    if (!generating) return null;
    entry.contentGenerating = true;
    const now = Date.now();
    const { contentShort, shortWindowMs, contentLong, longWindowMs, contentRetryAfter } =
      this.secondaryLimits;
    const times = (this.contentTimes.get(tokenInfo.userId) ?? []).filter((t) => t > now - longWindowMs);
    this.contentTimes.set(tokenInfo.userId, times);
    const inShort = times.filter((t) => t > now - shortWindowMs).length;
    if (inShort >= contentShort || times.length >= contentLong) {
      entry.limitedBy = 'content';
      return { kind: 'secondary', reason: 'content', retryAfter: contentRetryAfter };
    }
    times.push(now);
    return null;
  }

  /**
   * Makes the next matching request(s) (REST, GraphQL, git or other) fail instead of getting the
   * normal answer: by default with a 500; `status`, `headers` and `body` choose the response.
   * `reset: true` drops the connection with a TCP reset instead of answering: before the request
   * is served (nothing happens on the server), or with `after: true` once it has been served (a
   * REST/GraphQL handler ran, `git http-backend` applied a push) without sending the response.
   * `delayOnly: true` with `delayMs` only slows the request down, then serves it as usual.
   * Faults are matched in the order they were added; each applies `times` times (default 1).
   */
  failNext(fault: Fault): FaultHandle {
    if (fault.after && !fault.reset) throw new Error('failNext: `after` needs `reset: true`');
    if (fault.delayOnly && (fault.reset || !fault.delayMs))
      throw new Error('failNext: `delayOnly` needs `delayMs`, no reset');
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

  takeFault(method: string, host: string, pathname: string, kind: string): PendingFault | null {
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
   * @param kind 'rest' or 'graphql'
   */
  sendRateLimit(
    res: ServerResponse,
    spec: RateLimitSpec,
    kind: string,
    tokenInfo: TokenInfo | null,
    req: IncomingMessage,
    entry: RequestLogEntry
  ) {
    entry.rateLimit = spec.kind;
    const requestId = `${randomBytes(2).toString('hex').toUpperCase()}:${randomBytes(3).toString('hex').toUpperCase()}:${randomBytes(4).toString('hex').toUpperCase()}`;
    const docs = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';
    const headers: Record<string, string> = { 'x-github-request-id': requestId };
    if (spec.kind === 'secondary') {
      if (spec.retryAfter !== undefined) headers['retry-after'] = String(spec.retryAfter);
      // Content creation has its own message (as GitHub answers POST /pulls, e.g. in
      // scala-steward-org/scala-steward#2355: 403, no retry-after, x-ratelimit-remaining > 0).
      const body = {
        message:
          spec.reason === 'content'
            ? 'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.'
            : `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
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
}
