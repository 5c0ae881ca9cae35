import * as core from './workflow-commands.js';
import Bottleneck from 'bottleneck';
import {
  explainApiFailure,
  header,
  isHttpFailure,
  PERMISSIONS,
  type HttpFailure,
  type Permission
} from './api-errors.js';
import { ActionError } from './errors.js';
import { GitDataApi } from './github-git-data.js';
import { PullRequestApi } from './github-pulls.js';
import { octokitMaker, type ApiClient, type ApiClientOptions } from './octokit.js';
import { paceContentRequests } from './request-pace.js';
import { parseScopes } from './token-facts.js';

export interface RepositoryFacts {
  defaultBranch: string;
  isPrivate: boolean;
  /** Raw `X-OAuth-Scopes`; null when the token kind does not report scopes. */
  scopesHeader: string | null;
  expirationHeader: string | null;
}

/** How many times a request is retried after a rate limit asked it to wait. */
const RATE_LIMIT_RETRIES = 3;

/**
 * The few REST and GraphQL calls the action makes, through Octokit with the runner's API URL.
 * Server errors and dropped connections are retried (plugin-retry); rate limits are waited out
 * (plugin-throttling) unless GitHub asks for a wait longer than `max-wait`.
 */
export class GitHubClient {
  /** For the endpoint groups (src/github-pulls.ts), which share this client's limits and errors. */
  readonly octokit: ApiClient;
  /** Set when a rate limit asked for a longer wait than allowed; the failure it causes says so. */
  private refusedWait: { kind: string; seconds: number } | undefined;
  /** The pull request calls: opening, updating, and the extras a publish writes. */
  readonly pulls: PullRequestApi;
  /** The REST Git Data calls (blobs, trees, commits) of signed commits with modes. */
  readonly gitData: GitDataApi;

  /** The client for the repository `owner/repo`; `maxWaitSeconds` is `max-wait`. */
  static async open(
    token: string,
    apiUrl: string,
    repository: { owner: string; repo: string },
    maxWaitSeconds = 120
  ): Promise<GitHubClient> {
    const makeOctokit = await octokitMaker(token);
    return new GitHubClient(token, apiUrl, repository.owner, repository.repo, maxWaitSeconds, makeOctokit);
  }

  private constructor(
    token: string,
    apiUrl: string,
    readonly owner: string,
    readonly repo: string,
    private readonly maxWaitSeconds: number,
    makeOctokit: (options: ApiClientOptions) => ApiClient
  ) {
    const onLimit =
      (kind: 'primary' | 'secondary') =>
      (
        retryAfter: number,
        options: { method: string; url: string },
        _octokit: unknown,
        retryCount: number
      ): boolean => {
        if (retryAfter > this.maxWaitSeconds) {
          this.refusedWait = { kind, seconds: retryAfter };
          return false;
        }
        if (retryCount >= RATE_LIMIT_RETRIES) return false;
        core.info(
          `GitHub's ${kind} rate limit: waiting ${retryAfter} s before retrying ${options.method} ${options.url}.`
        );
        return true;
      };
    this.octokit = makeOctokit({
      baseUrl: apiUrl,
      throttle: {
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        // The plugin spaces writes a second apart, and requests that notify people three
        // seconds apart, by default. GitHub enforces neither (its "wait a second" is advice);
        // what it enforces on content creation is paced below, and a secondary limit, if
        // GitHub sends one anyway, is waited out.
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 })
      },
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] }
    });
    // Content-generating requests go one at a time per token, within GitHub's limits.
    paceContentRequests(this.octokit, apiUrl, token, (line) => core.info(line));
    this.pulls = new PullRequestApi(this);
    this.gitData = new GitDataApi(this);
  }

  /** Turns a failed call into the error to report, naming a refused rate-limit wait when there was one. */
  failure(error: unknown, doing: string, permission: Permission): Error {
    if (this.refusedWait) {
      const { kind, seconds } = this.refusedWait;
      return new ActionError(
        `GitHub's ${kind} rate limit asked to wait ${seconds} s while ${doing}, longer than 'max-wait' (${this.maxWaitSeconds} s).`,
        "Run again later, raise 'max-wait', or use a token with its own rate limit (a GitHub App installation token)."
      );
    }
    return explainApiFailure(error, doing, permission);
  }

  /** One API call: a failure becomes an error that says what was being done and, on a 403, which permission it needs. */
  async call<T>(doing: string, permission: Permission, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw this.failure(error, doing, permission);
    }
  }

  /**
   * One request that tells us the default branch and visibility, and, from the response headers,
   * the token's scopes and expiry. On 404 the scope header still explains a missing `repo` scope.
   */
  async inspectRepository(): Promise<RepositoryFacts> {
    try {
      const { data, headers } = await this.octokit.request('GET /repos/{owner}/{repo}', {
        owner: this.owner,
        repo: this.repo
      });
      return {
        defaultBranch: data.default_branch,
        isPrivate: data.private,
        scopesHeader: header(headers, 'x-oauth-scopes'),
        expirationHeader: header(headers, 'github-authentication-token-expiration')
      };
    } catch (error) {
      if (isHttpFailure(error) && error.status === 404) throw this.notFound(error);
      throw this.failure(error, `reading repository ${this.owner}/${this.repo}`, PERMISSIONS.metadata);
    }
  }

  /** A 404 for the repository: on a classic token, a missing `repo` scope is the likely cause. */
  notFound(error: HttpFailure): ActionError {
    const scopesHeader = header(error.response?.headers, 'x-oauth-scopes');
    const scopes = parseScopes(scopesHeader);
    return new ActionError(
      `Repository '${this.owner}/${this.repo}' was not found, or the token cannot see it.`,
      scopes !== null && !scopes.includes('repo')
        ? `The token's scopes (${scopesHeader || 'none'}) lack 'repo', which private repositories need.`
        : "Check the 'repo' input and that the token has access to this repository (a GitHub App or fine-grained token must be granted this repository; private repositories need 'metadata: read')."
    );
  }

  /**
   * Whether commit `sha` is on `branch` (reachable from its tip). Only for what git cannot tell
   * apart without the branch's whole history; the answer's commit list is not read.
   */
  async isOnBranch(branch: string, sha: string): Promise<boolean> {
    try {
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
        owner: this.owner,
        repo: this.repo,
        basehead: `${branch}...${sha}`
      });
      return data.ahead_by === 0;
    } catch (error) {
      // 404: no common history at all.
      if (isHttpFailure(error) && error.status === 404) return false;
      throw this.failure(error, `comparing ${sha.slice(0, 12)} with '${branch}'`, PERMISSIONS.readContents);
    }
  }

  /** The commit `branch` points at, or undefined when GitHub has no such branch (or repository). */
  async branchTip(branch: string): Promise<string | undefined> {
    try {
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
        owner: this.owner,
        repo: this.repo,
        ref: `heads/${branch}`
      });
      return data.object.sha;
    } catch (error) {
      if (isHttpFailure(error) && error.status === 404) return undefined;
      throw this.failure(error, `reading branch '${branch}'`, PERMISSIONS.readContents);
    }
  }

  async deleteBranch(branch: string): Promise<void> {
    await this.call(`deleting branch '${branch}'`, PERMISSIONS.writeContents, () =>
      this.octokit.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
        owner: this.owner,
        repo: this.repo,
        ref: `heads/${branch}`
      })
    );
  }

  async createBranch(branch: string, sha: string): Promise<void> {
    await this.call(`creating branch '${branch}'`, PERMISSIONS.writeBranch, () =>
      this.octokit.request('POST /repos/{owner}/{repo}/git/refs', {
        owner: this.owner,
        repo: this.repo,
        ref: `refs/heads/${branch}`,
        sha
      })
    );
  }

  /**
   * One commit through GraphQL createCommitOnBranch, which GitHub signs. `expectedHeadOid` is the
   * lease: GitHub refuses the commit when the branch moved. Returns the new commit's id and
   * whether GitHub signed it.
   */
  async createSignedCommit(fields: {
    branch: string;
    expectedHeadOid: string;
    headline: string;
    body: string;
    additions: Array<{ path: string; contents: string }>;
    deletions: Array<{ path: string }>;
  }): Promise<{ oid: string; verified: boolean }> {
    try {
      const result = await this.octokit.graphql<{
        createCommitOnBranch: { commit: { oid: string; signature: { isValid: boolean } | null } };
      }>(
        `mutation CreateSignedCommit($input: CreateCommitOnBranchInput!) {
          createCommitOnBranch(input: $input) { commit { oid signature { isValid } } }
        }`,
        {
          input: {
            branch: { repositoryNameWithOwner: `${this.owner}/${this.repo}`, branchName: fields.branch },
            expectedHeadOid: fields.expectedHeadOid,
            message: { headline: fields.headline, ...(fields.body ? { body: fields.body } : {}) },
            fileChanges: { additions: fields.additions, deletions: fields.deletions }
          }
        }
      );
      const { oid, signature } = result.createCommitOnBranch.commit;
      return { oid, verified: signature?.isValid === true };
    } catch (error) {
      const errors = (error as { errors?: Array<{ message?: string }> }).errors;
      if (errors?.length)
        throw new ActionError(
          `GitHub refused a signed commit on '${fields.branch}': ${errors.map((e) => e.message).join('; ')}`
        );
      throw this.failure(error, `creating a signed commit on '${fields.branch}'`, PERMISSIONS.writeBranch);
    }
  }
}
