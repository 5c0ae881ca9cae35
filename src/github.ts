import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import { ActionError } from './errors.js';
import { TOKEN_VARIABLE } from './token.js';

export interface RepositoryFacts {
  defaultBranch: string;
  isPrivate: boolean;
  /** Raw `X-OAuth-Scopes`; null when the token kind does not report scopes. */
  scopesHeader: string | null;
  expirationHeader: string | null;
}

export interface PullRequest {
  number: number;
  nodeId: string;
  url: string;
  title: string;
  body: string;
  draft: boolean;
  labels: string[];
}

export interface PublishSession {
  target: string;
  branch: string;
  scopesHeader: string | null;
  expirationHeader: string | null;
  isPrivate: boolean;
  /** In flight while the work tree is prepared; resolves to undefined in push mode. */
  openPullRequest: Promise<PullRequest | undefined>;
}

interface HttpFailure {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

function isHttpFailure(error: unknown): error is HttpFailure {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';
}

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === 'string' ? value : null;
}

/** Turns an API failure into a message that says what to check, for the cases a workflow author can fix. */
export function explainApiFailure(error: unknown, doing: string): Error {
  if (!isHttpFailure(error)) return error instanceof Error ? error : new Error(String(error));
  if (error.status === 401) {
    return new ActionError(
      `GitHub rejected the token while ${doing} (401 Bad credentials).`,
      `The token in ${TOKEN_VARIABLE} is invalid, expired or revoked: check the secret it is mapped from.`
    );
  }
  if (/not permitted to create or approve pull requests/i.test(error.message)) {
    return new ActionError(
      `GitHub refused ${doing}: GitHub Actions is not permitted to create or approve pull requests in this repository.`,
      "Turn on Settings → Actions → General → Workflow permissions → 'Allow GitHub Actions to create and approve pull requests' " +
        '(for an organization repository, first in the organization\'s Actions settings), or map a personal access token or GitHub App token into GITHUB_TOKEN instead of the workflow token.'
    );
  }
  if (error.status === 403) {
    return new ActionError(`GitHub refused ${doing} (403): ${error.message}`, 'The token lacks a permission this needs; give it contents: write and pull-requests: write.');
  }
  return new ActionError(`GitHub answered ${error.status} while ${doing}: ${error.message}`);
}

/** How many times a request is retried after a rate limit asked it to wait. */
const RATE_LIMIT_RETRIES = 3;

/**
 * The few REST and GraphQL calls the action makes, through Octokit with the runner's API URL.
 * Server errors and dropped connections are retried (plugin-retry); rate limits are waited out
 * (plugin-throttling) unless GitHub asks for a wait longer than `max-wait`.
 */
export class GitHubClient {
  private readonly octokit: ReturnType<typeof getOctokit>;
  /** Set when a rate limit asked for a longer wait than allowed; the failure it causes says so. */
  private refusedWait: { kind: string; seconds: number } | undefined;

  constructor(
    token: string,
    apiUrl: string,
    readonly owner: string,
    readonly repo: string,
    private readonly maxWaitSeconds = 120
  ) {
    const onLimit =
      (kind: 'primary' | 'secondary') =>
      (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
        if (retryAfter > this.maxWaitSeconds) {
          this.refusedWait = { kind, seconds: retryAfter };
          return false;
        }
        if (retryCount >= RATE_LIMIT_RETRIES) return false;
        core.info(`GitHub's ${kind} rate limit: waiting ${retryAfter} s before retrying ${options.method} ${options.url}.`);
        return true;
      };
    this.octokit = getOctokit(
      token,
      {
        baseUrl: apiUrl,
        throttle: {
          onRateLimit: onLimit('primary'),
          onSecondaryRateLimit: onLimit('secondary'),
          // The plugin spaces writes a second apart by default; a publish makes a handful, so
          // they go at once and a secondary limit, if GitHub sends one, is waited out instead.
          write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 })
        },
        retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] }
      },
      retry,
      throttling
    );
  }

  /** Turns a failed call into the error to report, naming a refused rate-limit wait when there was one. */
  private failure(error: unknown, doing: string): Error {
    if (this.refusedWait) {
      const { kind, seconds } = this.refusedWait;
      return new ActionError(
        `GitHub's ${kind} rate limit asked to wait ${seconds} s while ${doing}, longer than 'max-wait' (${this.maxWaitSeconds} s).`,
        "Run again later, raise 'max-wait', or use a token with its own rate limit (a GitHub App installation token)."
      );
    }
    return explainApiFailure(error, doing);
  }

  /**
   * One request that tells us the default branch and visibility, and, from the response headers,
   * the token's scopes and expiry. On 404 the scope header still explains a missing `repo` scope.
   */
  async inspectRepository(): Promise<RepositoryFacts> {
    try {
      const { data, headers } = await this.octokit.rest.repos.get({ owner: this.owner, repo: this.repo });
      return {
        defaultBranch: data.default_branch,
        isPrivate: data.private,
        scopesHeader: header(headers, 'x-oauth-scopes'),
        expirationHeader: header(headers, 'github-authentication-token-expiration')
      };
    } catch (error) {
      if (isHttpFailure(error) && error.status === 404) throw this.notFound(error);
      throw this.failure(error, `reading repository ${this.owner}/${this.repo}`);
    }
  }

  async findOpenPullRequest(branch: string, base: string): Promise<PullRequest | undefined> {
    return (await this.lookUpPullRequest(branch, base)).pullRequest;
  }

  private async lookUpPullRequest(branch: string, base: string): Promise<{ pullRequest: PullRequest | undefined; headers: Record<string, unknown> }> {
    try {
      const { data, headers } = await this.octokit.rest.pulls.list({
        owner: this.owner,
        repo: this.repo,
        state: 'open',
        head: `${this.owner}:${branch}`,
        base,
        per_page: 1
      });
      return { pullRequest: data[0] ? toPullRequest(data[0]) : undefined, headers };
    } catch (error) {
      if (isHttpFailure(error) && error.status === 404) throw this.notFound(error);
      throw this.failure(error, 'looking for an open pull request');
    }
  }

  /**
   * The first requests of a publish. The token's scopes and expiry come from the headers of
   * whichever answers first: the open pull request lookup when the target is known (pull-request
   * mode), the repository otherwise (it names the default branch). The repository is read too
   * when only its visibility can tell whether a `public_repo` token is enough.
   */
  async start(options: { target: string | undefined; branch: string | undefined; lookUpPullRequest: boolean }): Promise<PublishSession> {
    let target = options.target;
    let facts: { scopesHeader: string | null; expirationHeader: string | null; isPrivate: boolean | undefined } | undefined;
    if (!target || !options.lookUpPullRequest) {
      const repository = await this.inspectRepository();
      target ??= repository.defaultBranch;
      facts = repository;
    }
    const branch = options.branch ?? `outbox/${target}`;
    let openPullRequest: Promise<PullRequest | undefined> = Promise.resolve(undefined);
    if (options.lookUpPullRequest) {
      if (facts) {
        openPullRequest = this.findOpenPullRequest(branch, target);
        openPullRequest.catch(() => undefined); // awaited later; this keeps an early failure from going unhandled
      } else {
        const looked = await this.lookUpPullRequest(branch, target);
        openPullRequest = Promise.resolve(looked.pullRequest);
        facts = { scopesHeader: header(looked.headers, 'x-oauth-scopes'), expirationHeader: header(looked.headers, 'github-authentication-token-expiration'), isPrivate: undefined };
      }
    }
    const scopes = facts!.scopesHeader?.split(',').map((scope) => scope.trim()) ?? [];
    if (facts!.isPrivate === undefined && !scopes.includes('repo') && scopes.includes('public_repo')) {
      facts!.isPrivate = (await this.inspectRepository()).isPrivate;
    }
    return { target, branch, ...facts!, isPrivate: facts!.isPrivate ?? true, openPullRequest };
  }

  private notFound(error: HttpFailure): ActionError {
    const scopes = header(error.response?.headers, 'x-oauth-scopes');
    return new ActionError(
      `Repository '${this.owner}/${this.repo}' was not found, or the token cannot see it.`,
      scopes !== null && !scopes.split(',').some((s) => s.trim() === 'repo')
        ? `The token's scopes (${scopes || 'none'}) lack 'repo', which private repositories need.`
        : "Check the 'repo' input and that the token has access to this repository."
    );
  }

  async createPullRequest(fields: {
    branch: string;
    base: string;
    title: string;
    body: string;
    draft: boolean;
    maintainerCanModify: boolean;
  }): Promise<{ pullRequest: PullRequest; created: boolean }> {
    try {
      const { data } = await this.octokit.rest.pulls.create({
        owner: this.owner,
        repo: this.repo,
        head: fields.branch,
        base: fields.base,
        title: fields.title,
        body: fields.body,
        draft: fields.draft,
        maintainer_can_modify: fields.maintainerCanModify
      });
      return { pullRequest: toPullRequest(data), created: true };
    } catch (error) {
      // Another run created it first (or a retried request already did): use that one.
      if (isHttpFailure(error) && error.status === 422 && /already exists/i.test(JSON.stringify(error.response?.data ?? error.message))) {
        const existing = await this.findOpenPullRequest(fields.branch, fields.base);
        if (existing) return { pullRequest: existing, created: false };
      }
      throw this.failure(error, 'creating the pull request');
    }
  }

  async updatePullRequest(number: number, fields: { title?: string; body?: string; state?: 'open' | 'closed' }): Promise<PullRequest> {
    try {
      const { data } = await this.octokit.rest.pulls.update({ owner: this.owner, repo: this.repo, pull_number: number, ...fields });
      return toPullRequest(data);
    } catch (error) {
      throw this.failure(error, `updating pull request #${number}`);
    }
  }

  async comment(number: number, body: string): Promise<void> {
    try {
      await this.octokit.rest.issues.createComment({ owner: this.owner, repo: this.repo, issue_number: number, body });
    } catch (error) {
      throw this.failure(error, `commenting on pull request #${number}`);
    }
  }

  /**
   * Whether commit `sha` is on `branch` (reachable from its tip). Only for what git cannot tell
   * apart without the branch's whole history; the answer's commit list is not read.
   */
  async isOnBranch(branch: string, sha: string): Promise<boolean> {
    try {
      const { data } = await this.octokit.rest.repos.compareCommitsWithBasehead({ owner: this.owner, repo: this.repo, basehead: `${branch}...${sha}` });
      return data.ahead_by === 0;
    } catch (error) {
      // 404: no common history at all.
      if (isHttpFailure(error) && error.status === 404) return false;
      throw this.failure(error, `comparing ${sha.slice(0, 12)} with '${branch}'`);
    }
  }

  async deleteBranch(branch: string): Promise<void> {
    try {
      await this.octokit.rest.git.deleteRef({ owner: this.owner, repo: this.repo, ref: `heads/${branch}` });
    } catch (error) {
      throw this.failure(error, `deleting branch '${branch}'`);
    }
  }

  async requestReviewers(number: number, reviewers: string[], teamReviewers: string[]): Promise<void> {
    try {
      await this.octokit.rest.pulls.requestReviewers({ owner: this.owner, repo: this.repo, pull_number: number, reviewers, team_reviewers: teamReviewers });
    } catch (error) {
      throw this.failure(error, `requesting reviewers for pull request #${number}`);
    }
  }

  async addAssignees(number: number, assignees: string[]): Promise<void> {
    try {
      await this.octokit.rest.issues.addAssignees({ owner: this.owner, repo: this.repo, issue_number: number, assignees });
    } catch (error) {
      throw this.failure(error, `assigning pull request #${number}`);
    }
  }

  async setMilestone(number: number, milestone: number): Promise<void> {
    try {
      await this.octokit.rest.issues.update({ owner: this.owner, repo: this.repo, issue_number: number, milestone });
    } catch (error) {
      throw this.failure(error, `setting milestone ${milestone} on pull request #${number}`);
    }
  }

  /** Returns undefined on success, or GitHub's reason when auto-merge cannot be turned on. */
  async enableAutoMerge(pullRequestId: string, method: 'merge' | 'squash' | 'rebase'): Promise<string | undefined> {
    try {
      await this.octokit.graphql(
        `mutation EnableAutoMerge($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
          enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod }) { pullRequest { number } }
        }`,
        { pullRequestId, mergeMethod: method.toUpperCase() }
      );
      return undefined;
    } catch (error) {
      const errors = (error as { errors?: Array<{ message?: string }> }).errors;
      if (errors?.length) return errors.map((e) => e.message ?? '').join('; ');
      throw this.failure(error, 'enabling auto-merge');
    }
  }

  async createBranch(branch: string, sha: string): Promise<void> {
    try {
      await this.octokit.rest.git.createRef({ owner: this.owner, repo: this.repo, ref: `refs/heads/${branch}`, sha });
    } catch (error) {
      throw this.failure(error, `creating branch '${branch}'`);
    }
  }

  /**
   * One commit through GraphQL createCommitOnBranch, which GitHub signs. `expectedHeadOid` is the
   * lease: GitHub refuses the commit when the branch moved. Returns the new commit's id.
   */
  async createSignedCommit(fields: {
    branch: string;
    expectedHeadOid: string;
    headline: string;
    body: string;
    additions: Array<{ path: string; contents: string }>;
    deletions: Array<{ path: string }>;
  }): Promise<string> {
    try {
      const result = await this.octokit.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(
        `mutation CreateSignedCommit($input: CreateCommitOnBranchInput!) {
          createCommitOnBranch(input: $input) { commit { oid } }
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
      return result.createCommitOnBranch.commit.oid;
    } catch (error) {
      const errors = (error as { errors?: Array<{ message?: string }> }).errors;
      if (errors?.length) throw new ActionError(`GitHub refused a signed commit on '${fields.branch}': ${errors.map((e) => e.message).join('; ')}`);
      throw this.failure(error, `creating a signed commit on '${fields.branch}'`);
    }
  }

  async addLabels(number: number, labels: string[]): Promise<void> {
    try {
      await this.octokit.rest.issues.addLabels({ owner: this.owner, repo: this.repo, issue_number: number, labels });
    } catch (error) {
      throw this.failure(error, `adding labels to pull request #${number}`);
    }
  }
}

interface PullRequestData {
  number: number;
  node_id: string;
  html_url: string;
  title: string;
  body?: string | null;
  draft?: boolean;
  labels?: Array<{ name?: string }>;
}

function toPullRequest(data: PullRequestData): PullRequest {
  return {
    number: data.number,
    nodeId: data.node_id,
    url: data.html_url,
    title: data.title,
    body: data.body ?? '',
    draft: data.draft ?? false,
    labels: (data.labels ?? []).map((label) => label.name ?? '').filter((name) => name !== '')
  };
}
