import { GitHttp } from './git-http.js';
import type {
  Fault,
  FaultHandle,
  IncomingMessage,
  PendingFault,
  RateLimitOptions,
  RateLimitSpec,
  RequestLogEntry,
  ServerResponse,
  TokenInfo
} from './types.js';
import { randomBytes } from 'node:crypto';

export function faultMatches(f: PendingFault, method: string, host: string, pathname: string, kind: string) {
  return (
    (!f.apiOnly || kind === 'rest' || kind === 'graphql') &&
    (!f.method || f.method.toUpperCase() === method) &&
    (!f.host || f.host.toLowerCase() === host) &&
    (!f.kind || f.kind === kind) &&
    (!f.pathPattern || ((f.pathPattern.lastIndex = 0), f.pathPattern.test(pathname)))
  );
}

/** Injected faults (failNext, addFault) and GitHub's primary and secondary rate limits. */
export class Faults extends GitHttp {
  /**
   * Makes the next matching request(s) (REST, GraphQL, git or other) fail instead of getting the
   * normal answer: by default with a 500; `status`, `headers` and `body` choose the response.
   * `reset: true` drops the connection with a TCP reset instead of answering: before the request
   * is served (nothing happens on the server), or with `after: true` once it has been served (a
   * REST/GraphQL handler ran, `git http-backend` applied a push) without sending the response.
   * Faults are matched in the order they were added; each applies `times` times (default 1).
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
}
