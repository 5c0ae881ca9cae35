import type { ApiClient } from './octokit.js';
import { ActionError } from './errors.js';
import { header, isHttpFailure, PERMISSIONS, type HttpFailure, type Permission } from './api-errors.js';
import type { RepositoryName } from './fork-check.js';
import { toPullRequest, type PullRequest } from './pull-request-data.js';

export type { PullRequest } from './pull-request-data.js';

/** What the pull request calls share with the client that made them (src/github.ts). */
interface ApiAccess {
  readonly octokit: ApiClient;
  readonly owner: string;
  readonly repo: string;
  call<T>(doing: string, permission: Permission, request: () => Promise<T>): Promise<T>;
  failure(error: unknown, doing: string, permission: Permission): Error;
  notFound(error: HttpFailure): ActionError;
}

/** The REST and GraphQL calls on pull requests: `github.pulls.create(...)` and so on. */
export class PullRequestApi {
  private readonly owner: string;
  private readonly repo: string;
  private readonly octokit: ApiClient;

  constructor(private readonly api: ApiAccess) {
    this.owner = api.owner;
    this.repo = api.repo;
    this.octokit = api.octokit;
  }

  async find(branch: string, base: string, fork?: RepositoryName): Promise<PullRequest | undefined> {
    return (await this.lookUp(branch, base, fork)).pullRequest;
  }

  /**
   * The open pull request from `branch` (of `fork`, when given) into `base`, with the token facts
   * its answer's headers carry.
   */
  async lookUp(
    branch: string,
    base: string,
    fork?: RepositoryName
  ): Promise<{
    pullRequest: PullRequest | undefined;
    scopesHeader: string | null;
    expirationHeader: string | null;
  }> {
    try {
      const { data, headers } = await this.octokit.request('GET /repos/{owner}/{repo}/pulls', {
        owner: this.owner,
        repo: this.repo,
        state: 'open',
        head: `${fork?.owner ?? this.owner}:${branch}`,
        base,
        per_page: 1
      });
      return {
        pullRequest: data[0] ? toPullRequest(data[0]) : undefined,
        scopesHeader: header(headers, 'x-oauth-scopes'),
        expirationHeader: header(headers, 'github-authentication-token-expiration')
      };
    } catch (error) {
      if (isHttpFailure(error) && error.status === 404) throw this.api.notFound(error);
      throw this.api.failure(error, 'looking for an open pull request', PERMISSIONS.readPullRequests);
    }
  }

  async create(fields: {
    branch: string;
    base: string;
    title: string;
    body: string;
    draft: boolean;
    maintainerCanModify: boolean;
    fork?: RepositoryName;
  }): Promise<{ pullRequest: PullRequest; created: boolean }> {
    const fork = fields.fork;
    try {
      const { data } = await this.octokit.request('POST /repos/{owner}/{repo}/pulls', {
        owner: this.owner,
        repo: this.repo,
        // From a fork: `owner:branch`, and the fork by name (required when both have one owner).
        head: fork ? `${fork.owner}:${fields.branch}` : fields.branch,
        ...(fork ? { head_repo: `${fork.owner}/${fork.repo}` } : {}),
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
        const existing = await this.find(fields.branch, fields.base, fork);
        if (existing) return { pullRequest: existing, created: false };
      }
      throw this.api.failure(error, 'creating the pull request', PERMISSIONS.writePullRequests);
    }
  }

  async update(
    number: number,
    fields: { title?: string; body?: string; state?: 'open' | 'closed' }
  ): Promise<PullRequest> {
    const doing =
      fields.state === 'closed' ? `closing pull request #${number}` : `updating pull request #${number}`;
    return this.api.call(doing, PERMISSIONS.writePullRequests, async () => {
      const { data } = await this.octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
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
    return this.api.call(
      `reading the reviews of pull request #${number}`,
      PERMISSIONS.readPullRequests,
      async () => {
        const reviews = await this.octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
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
    await this.api.call(`commenting on pull request #${number}`, PERMISSIONS.writePullRequests, () =>
      this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: this.owner,
        repo: this.repo,
        issue_number: number,
        body
      })
    );
  }

  async requestReviewers(number: number, reviewers: string[], teamReviewers: string[]): Promise<void> {
    await this.api.call(`requesting reviews on pull request #${number}`, PERMISSIONS.writePullRequests, () =>
      this.octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', {
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
    return this.api.call(`assigning pull request #${number}`, PERMISSIONS.writeIssues, async () => {
      const { data } = await this.octokit.request(
        'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees',
        {
          owner: this.owner,
          repo: this.repo,
          issue_number: number,
          assignees
        }
      );
      return (data.assignees ?? []).map((user) => user.login);
    });
  }

  async setMilestone(number: number, milestone: number): Promise<void> {
    await this.api.call(
      `setting milestone ${milestone} on pull request #${number}`,
      PERMISSIONS.writeIssues,
      () =>
        this.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
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
      throw this.api.failure(error, 'enabling auto-merge', PERMISSIONS.autoMerge);
    }
  }

  async addLabels(number: number, labels: string[]): Promise<void> {
    await this.api.call(`adding labels to pull request #${number}`, PERMISSIONS.writeIssues, () =>
      this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
        owner: this.owner,
        repo: this.repo,
        issue_number: number,
        labels
      })
    );
  }
}
