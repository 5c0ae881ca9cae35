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
  /** Login of the user who opened it: GitHub never requests a review from them. */
  author: string;
  labels: string[];
  /** Users and team slugs whose review is requested and not yet given. */
  reviewers: string[];
  teamReviewers: string[];
  assignees: string[];
  milestone: number | undefined;
  /** The merge method of auto-merge when it is on. */
  autoMerge: string | undefined;
}

/**
 * What a call needs from the token, named the way the workflow author sets it: the permission of
 * a GitHub App, fine-grained token or the workflow's `permissions:`, and the classic token scope.
 */
export interface Permission {
  fineGrained: string;
  classic: string;
}

const REPO_SCOPE = "'repo' ('public_repo' is enough for a public repository)";
export const PERMISSIONS = {
  metadata: { fineGrained: 'metadata: read', classic: REPO_SCOPE },
  readPullRequests: { fineGrained: 'pull-requests: read', classic: REPO_SCOPE },
  writePullRequests: { fineGrained: 'pull-requests: write', classic: REPO_SCOPE },
  readContents: { fineGrained: 'contents: read', classic: REPO_SCOPE },
  writeContents: { fineGrained: 'contents: write', classic: REPO_SCOPE },
  writeBranch: {
    fineGrained:
      "contents: write (and workflows: write when the commits change files under '.github/workflows')",
    classic: `${REPO_SCOPE}, and 'workflow' when the commits change files under '.github/workflows'`
  },
  writeIssues: { fineGrained: 'issues: write', classic: REPO_SCOPE },
  autoMerge: { fineGrained: 'pull-requests: write and contents: write', classic: REPO_SCOPE }
} satisfies Record<string, Permission>;

/** An API call GitHub refused; `status` lets a caller tell a refusal it can live with from the rest. */
export class ApiError extends ActionError {
  constructor(
    readonly status: number,
    readonly apiMessage: string,
    problem: string,
    fix?: string
  ) {
    super(problem, fix);
    this.name = 'ApiError';
  }
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
  return (
    typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
  );
}

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === 'string' ? value : null;
}

/**
 * Turns an API failure into a message that says what to check, for the cases a workflow author
 * can fix; a 403 names the permission the call needs (`permission`).
 */
export function explainApiFailure(error: unknown, doing: string, permission?: Permission): Error {
  if (!isHttpFailure(error)) return error instanceof Error ? error : new Error(String(error));
  const message = apiMessage(error);
  if (error.status === 401) {
    return new ApiError(
      401,
      message,
      `GitHub rejected the token while ${doing} (401 Bad credentials).`,
      `The token in ${TOKEN_VARIABLE} is invalid, expired or revoked: check the secret it is mapped from.`
    );
  }
  if (/not permitted to create or approve pull requests/i.test(message)) {
    return new ApiError(
      error.status,
      message,
      `GitHub refused ${doing}: GitHub Actions is not permitted to create or approve pull requests in this repository.`,
      "Turn on Settings → Actions → General → Workflow permissions → 'Allow GitHub Actions to create and approve pull requests' " +
        "(for an organization repository, first in the organization's Actions settings), or map a personal access token or GitHub App token into GITHUB_TOKEN instead of the workflow token."
    );
  }
  if (error.status === 403 && permission) {
    return new ApiError(
      403,
      message,
      `GitHub refused ${doing} (403): ${message}`,
      permissionHint(permission)
    );
  }
  if (error.status === 403) {
    return new ApiError(
      403,
      message,
      `GitHub refused ${doing} (403): ${message}`,
      'The token lacks a permission this needs.'
    );
  }
  return new ApiError(error.status, message, `GitHub answered ${error.status} while ${doing}: ${message}`);
}

/** The fix for a refused call: the permission a GitHub App or fine-grained token needs, and the classic scope. */
export function permissionHint(permission: Permission): string {
  return (
    `The token lacks a permission: a GitHub App installation token, a fine-grained token or the workflow's GITHUB_TOKEN needs '${permission.fineGrained}' ` +
    `(for GITHUB_TOKEN, in the job's 'permissions:'); a classic personal access token needs the scope ${permission.classic}.`
  );
}

/** GitHub's own message (octokit appends " - <documentation url>" to it). */
function apiMessage(error: HttpFailure): string {
  const data = error.response?.data as { message?: unknown } | undefined;
  if (typeof data?.message === 'string' && data.message) return data.message;
  return error.message.replace(/ - https:\/\/docs\.github\.com\S*$/, '');
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
  private failure(error: unknown, doing: string, permission: Permission): Error {
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
  private async call<T>(doing: string, permission: Permission, request: () => Promise<T>): Promise<T> {
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
      const { data, headers } = await this.octokit.rest.repos.get({ owner: this.owner, repo: this.repo });
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

  async findOpenPullRequest(branch: string, base: string): Promise<PullRequest | undefined> {
    return (await this.lookUpPullRequest(branch, base)).pullRequest;
  }

  private async lookUpPullRequest(
    branch: string,
    base: string
  ): Promise<{ pullRequest: PullRequest | undefined; headers: Record<string, unknown> }> {
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
      throw this.failure(error, 'looking for an open pull request', PERMISSIONS.readPullRequests);
    }
  }

  /**
   * The first requests of a publish. The token's scopes and expiry come from the headers of
   * whichever answers first: the open pull request lookup when the target is known (pull-request
   * mode), the repository otherwise (it names the default branch). The repository is read too
   * when only its visibility can tell whether a `public_repo` token is enough.
   */
  async start(options: {
    target: string | undefined;
    branch: string | undefined;
    lookUpPullRequest: boolean;
  }): Promise<PublishSession> {
    let target = options.target;
    let facts:
      | { scopesHeader: string | null; expirationHeader: string | null; isPrivate: boolean | undefined }
      | undefined;
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
        facts = {
          scopesHeader: header(looked.headers, 'x-oauth-scopes'),
          expirationHeader: header(looked.headers, 'github-authentication-token-expiration'),
          isPrivate: undefined
        };
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
        : "Check the 'repo' input and that the token has access to this repository (a GitHub App or fine-grained token must be granted this repository; private repositories need 'metadata: read')."
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
      if (
        isHttpFailure(error) &&
        error.status === 422 &&
        /already exists/i.test(JSON.stringify(error.response?.data ?? error.message))
      ) {
        const existing = await this.findOpenPullRequest(fields.branch, fields.base);
        if (existing) return { pullRequest: existing, created: false };
      }
      throw this.failure(error, 'creating the pull request', PERMISSIONS.writePullRequests);
    }
  }

  async updatePullRequest(
    number: number,
    fields: { title?: string; body?: string; state?: 'open' | 'closed' }
  ): Promise<PullRequest> {
    const doing =
      fields.state === 'closed' ? `closing pull request #${number}` : `updating pull request #${number}`;
    return this.call(doing, PERMISSIONS.writePullRequests, async () => {
      const { data } = await this.octokit.rest.pulls.update({
        owner: this.owner,
        repo: this.repo,
        pull_number: number,
        ...fields
      });
      return toPullRequest(data);
    });
  }

  /** Logins of the users who have reviewed the pull request (GitHub drops them from the requested reviewers). */
  async listReviewers(number: number): Promise<string[]> {
    return this.call(
      `reading the reviews of pull request #${number}`,
      PERMISSIONS.readPullRequests,
      async () => {
        const reviews = await this.octokit.paginate(this.octokit.rest.pulls.listReviews, {
          owner: this.owner,
          repo: this.repo,
          pull_number: number,
          per_page: 100
        });
        return [
          ...new Set(
            reviews
              .map((review) => review.user?.login)
              .filter((login): login is string => typeof login === 'string')
          )
        ];
      }
    );
  }

  async comment(number: number, body: string): Promise<void> {
    // Comments on a pull request are issue comments: issues: write, or pull-requests: write.
    await this.call(`commenting on pull request #${number}`, PERMISSIONS.writePullRequests, () =>
      this.octokit.rest.issues.createComment({
        owner: this.owner,
        repo: this.repo,
        issue_number: number,
        body
      })
    );
  }

  /**
   * Whether commit `sha` is on `branch` (reachable from its tip). Only for what git cannot tell
   * apart without the branch's whole history; the answer's commit list is not read.
   */
  async isOnBranch(branch: string, sha: string): Promise<boolean> {
    try {
      const { data } = await this.octokit.rest.repos.compareCommitsWithBasehead({
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

  async deleteBranch(branch: string): Promise<void> {
    await this.call(`deleting branch '${branch}'`, PERMISSIONS.writeContents, () =>
      this.octokit.rest.git.deleteRef({ owner: this.owner, repo: this.repo, ref: `heads/${branch}` })
    );
  }

  async requestReviewers(number: number, reviewers: string[], teamReviewers: string[]): Promise<void> {
    await this.call(`requesting reviews on pull request #${number}`, PERMISSIONS.writePullRequests, () =>
      this.octokit.rest.pulls.requestReviewers({
        owner: this.owner,
        repo: this.repo,
        pull_number: number,
        reviewers,
        team_reviewers: teamReviewers
      })
    );
  }

  /** Returns who is assigned afterwards: GitHub silently leaves out users who cannot be assigned. */
  async addAssignees(number: number, assignees: string[]): Promise<string[]> {
    return this.call(`assigning pull request #${number}`, PERMISSIONS.writeIssues, async () => {
      const { data } = await this.octokit.rest.issues.addAssignees({
        owner: this.owner,
        repo: this.repo,
        issue_number: number,
        assignees
      });
      return (data.assignees ?? []).map((user) => user.login);
    });
  }

  async setMilestone(number: number, milestone: number): Promise<void> {
    await this.call(
      `setting milestone ${milestone} on pull request #${number}`,
      PERMISSIONS.writeIssues,
      () =>
        this.octokit.rest.issues.update({
          owner: this.owner,
          repo: this.repo,
          issue_number: number,
          milestone
        })
    );
  }

  /** Returns undefined on success, or GitHub's reason when auto-merge cannot be turned on. */
  async enableAutoMerge(
    pullRequestId: string,
    method: 'merge' | 'squash' | 'rebase'
  ): Promise<string | undefined> {
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
      throw this.failure(error, 'enabling auto-merge', PERMISSIONS.autoMerge);
    }
  }

  async createBranch(branch: string, sha: string): Promise<void> {
    await this.call(`creating branch '${branch}'`, PERMISSIONS.writeBranch, () =>
      this.octokit.rest.git.createRef({
        owner: this.owner,
        repo: this.repo,
        ref: `refs/heads/${branch}`,
        sha
      })
    );
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
      if (errors?.length)
        throw new ActionError(
          `GitHub refused a signed commit on '${fields.branch}': ${errors.map((e) => e.message).join('; ')}`
        );
      throw this.failure(error, `creating a signed commit on '${fields.branch}'`, PERMISSIONS.writeBranch);
    }
  }

  async addLabels(number: number, labels: string[]): Promise<void> {
    await this.call(`adding labels to pull request #${number}`, PERMISSIONS.writeIssues, () =>
      this.octokit.rest.issues.addLabels({ owner: this.owner, repo: this.repo, issue_number: number, labels })
    );
  }
}

/** The fields of a pull request (full or as a list shows it) that a publish reads. */
interface PullRequestData {
  number: number;
  node_id: string;
  html_url: string;
  title: string;
  body?: string | null;
  draft?: boolean;
  user?: { login: string } | null;
  labels?: Array<{ name?: string }>;
  requested_reviewers?: Array<{ login: string }> | null;
  requested_teams?: Array<{ slug: string }> | null;
  assignees?: Array<{ login: string }> | null;
  milestone?: { number: number } | null;
  auto_merge?: { merge_method: string } | null;
}

function toPullRequest(data: PullRequestData): PullRequest {
  return {
    number: data.number,
    nodeId: data.node_id,
    url: data.html_url,
    title: data.title,
    body: data.body ?? '',
    draft: data.draft ?? false,
    author: data.user?.login ?? '',
    labels: (data.labels ?? []).map((label) => label.name ?? '').filter((name) => name !== ''),
    reviewers: (data.requested_reviewers ?? []).map((user) => user.login),
    teamReviewers: (data.requested_teams ?? []).map((team) => team.slug),
    assignees: (data.assignees ?? []).map((user) => user.login),
    milestone: data.milestone?.number,
    autoMerge: data.auto_merge?.merge_method
  };
}
