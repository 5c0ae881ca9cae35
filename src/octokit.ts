import { Octokit } from '@octokit/core';
import type { OctokitOptions } from '@octokit/core/types';
import { paginateRest } from '@octokit/plugin-paginate-rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { httpsFetch, proxyConfigured } from './https-fetch.js';

/**
 * Octokit as @actions/github's getOctokit builds it (pagination, `token` auth, the runner's
 * orchestration id in the user agent), with retries and rate limits, but without the REST
 * endpoint methods: the calls name their routes (`request('GET /repos/{owner}/{repo}', ...)`,
 * typed all the same), and the methods' table of every endpoint was a third of the client's code.
 * @actions/github sends every request through the undici package, loaded from the bundle (most
 * of the action's code, a fifth of a second before the first API request), only so that a
 * proxy is honoured: without proxy variables a fetch on node:https does the same work (not
 * Node's own fetch, which is undici again: src/https-fetch.ts). With one set, the client is
 * @actions/github's, as before.
 */
const ActionOctokit = Octokit.plugin(paginateRest, retry, throttling);
export type ApiClient = InstanceType<typeof ActionOctokit>;
export type ApiClientOptions = OctokitOptions & { baseUrl: string };

/** The user agent @actions/github gives when the runner names its orchestration; else undefined. */
export function orchestrationUserAgent(env: NodeJS.ProcessEnv): string | undefined {
  const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
  return id ? `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : undefined;
}

/** A function that makes the API client, loaded for the runner's network (see above). */
export async function octokitMaker(token: string): Promise<(options: ApiClientOptions) => ApiClient> {
  if (proxyConfigured(process.env)) {
    const { getOctokit } = await import('@actions/github');
    // getOctokit's type leaves out the plugins it is given; the instance has them.
    return (options) => getOctokit(token, options, retry, throttling) as unknown as ApiClient;
  }
  const userAgent = orchestrationUserAgent(process.env);
  // fetch's part that Octokit uses, on node:https rather than undici (src/https-fetch.ts).
  const fetch = httpsFetch as unknown as typeof globalThis.fetch;
  return (options) =>
    new ActionOctokit({
      ...options,
      request: { ...options.request, fetch },
      auth: `token ${token}`,
      ...(userAgent ? { userAgent } : {})
    });
}
