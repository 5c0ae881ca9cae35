import { setTimeout as sleep } from 'node:timers/promises';
import type { Octokit } from '@octokit/core';
import { throttling } from '@octokit/plugin-throttling';
import { createHash } from 'node:crypto';

/** At most `count` content-generating requests in any `windowMs`. */
export interface ContentLimit {
  count: number;
  windowMs: number;
}

/**
 * GitHub's secondary rate limits on content creation, per user or installation: "no more than 80
 * content-generating requests per minute and no more than 500 content-generating requests per
 * hour" (docs.github.com, "Rate limits for the REST API", About secondary rate limits; the GraphQL
 * page says the same, the limits are shared).
 */
export const GITHUB_CONTENT_LIMITS: readonly ContentLimit[] = [
  { count: 80, windowMs: 60_000 },
  { count: 500, windowMs: 3_600_000 }
];

/**
 * Whether a request creates content in GitHub's sense: a write to a REST route that GitHub's API
 * description flags as triggering notifications (its docs say "Creating content too quickly using
 * this endpoint may result in secondary rate limiting"; plugin-throttling carries that list), or
 * a GraphQL mutation (content limits "include ... the GraphQL API"; which mutations GitHub counts
 * is not published, so all of them do).
 */
export function isContentGenerating(request: { method: string; url: string; query?: unknown }): boolean {
  const pathname = new URL(request.url, 'https://api.github.invalid').pathname;
  if (/\/graphql$/.test(pathname))
    return typeof request.query === 'string' && /^\s*mutation\b/.test(stripComments(request.query));
  const method = request.method.toUpperCase();
  return method !== 'GET' && method !== 'HEAD' && throttling.triggersNotification(pathname);
}

function stripComments(document: string): string {
  return document.replace(/#[^\n]*/g, '');
}

/**
 * The earliest time, at or after `now`, at which one more content-generating request keeps every
 * window within its count, given when the earlier ones finished (ascending, milliseconds). Under
 * the limits that is `now`: no fixed wait between requests.
 */
export function nextStart(finished: readonly number[], now: number, limits: readonly ContentLimit[]): number {
  let start = now;
  for (const { count, windowMs } of limits) {
    // With the count-th latest out of the window, at most count - 1 remain in it.
    if (count > 0 && finished.length >= count)
      start = Math.max(start, finished[finished.length - count] + windowMs);
  }
  return start;
}

/**
 * The content-generating requests of one token on one host: one at a time (GitHub asks for them
 * serially), each started only when `nextStart` allows. A request counts from when its answer
 * came back, which is never earlier than GitHub saw it, so GitHub's own count is never ahead of
 * ours. A rate-limit wait and retry (plugin-throttling, inside `request`) keeps the turn: the
 * requests behind it would be refused too.
 */
export class ContentPace {
  private readonly finished: number[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly limits: readonly ContentLimit[] = GITHUB_CONTENT_LIMITS,
    private readonly clock: { now: () => number; sleep: (ms: number) => Promise<unknown> } = {
      now: Date.now,
      sleep
    }
  ) {}

  run<T>(request: () => Promise<T>, onWait: (ms: number) => void = () => {}): Promise<T> {
    const turn = this.queue.then(async () => {
      const wait = nextStart(this.finished, this.clock.now(), this.limits) - this.clock.now();
      if (wait > 0) {
        onWait(wait);
        await this.clock.sleep(wait);
      }
      try {
        return await request();
      } finally {
        this.record(this.clock.now());
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private record(time: number): void {
    this.finished.push(time);
    const longest = Math.max(...this.limits.map((limit) => limit.windowMs));
    while (this.finished.length > 0 && this.finished[0] <= time - longest) this.finished.shift();
  }
}

/** One pace per token and API host, for the whole process: a `sessions` step's publishes share it. */
const PACES = new Map<string, ContentPace>();

/**
 * Puts the content-generating requests of `octokit` (POST /pulls, comments, review requests,
 * GraphQL mutations) through the pace of its token on its host. The hook wraps plugin-throttling's,
 * so a rate-limit wait and retry keeps the turn.
 */
export function paceContentRequests(
  octokit: Pick<Octokit, 'hook'>,
  apiUrl: string,
  token: string,
  log: (line: string) => void
): void {
  const key = `${apiUrl}\n${createHash('sha256').update(token).digest('hex')}`;
  let pace = PACES.get(key);
  if (!pace) {
    pace = new ContentPace();
    PACES.set(key, pace);
  }
  const shared = pace;
  octokit.hook.wrap('request', async (request, options) =>
    isContentGenerating(options)
      ? shared.run(
          async () => request(options),
          (ms) =>
            log(
              `GitHub allows one token 80 content-creating requests a minute and 500 an hour: waiting ${Math.ceil(ms / 1000)} s before ${options.method} ${options.url}.`
            )
        )
      : request(options)
  );
}
