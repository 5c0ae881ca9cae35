import { getOctokit } from '@actions/github';
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
  url: string;
  title: string;
  body: string;
  draft: boolean;
  labels: string[];
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
  if (error.status === 403) {
    return new ActionError(`GitHub refused ${doing} (403): ${error.message}`, 'The token lacks a permission this needs; give it contents: write and pull-requests: write.');
  }
  return new ActionError(`GitHub answered ${error.status} while ${doing}: ${error.message}`);
}

/** The few REST calls the action makes, through Octokit with the runner's API URL. */
export class GitHubClient {
  private readonly octokit: ReturnType<typeof getOctokit>;

  constructor(
    token: string,
    apiUrl: string,
    readonly owner: string,
    readonly repo: string
  ) {
    this.octokit = getOctokit(token, { baseUrl: apiUrl });
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
      if (isHttpFailure(error) && error.status === 404) {
        const scopes = header(error.response?.headers, 'x-oauth-scopes');
        throw new ActionError(
          `Repository '${this.owner}/${this.repo}' was not found, or the token cannot see it.`,
          scopes !== null && !scopes.split(',').some((s) => s.trim() === 'repo')
            ? `The token's scopes (${scopes || 'none'}) lack 'repo', which private repositories need.`
            : "Check the 'repo' input and that the token has access to this repository."
        );
      }
      throw explainApiFailure(error, `reading repository ${this.owner}/${this.repo}`);
    }
  }

  async findOpenPullRequest(branch: string, base: string): Promise<PullRequest | undefined> {
    try {
      const { data } = await this.octokit.rest.pulls.list({
        owner: this.owner,
        repo: this.repo,
        state: 'open',
        head: `${this.owner}:${branch}`,
        base,
        per_page: 1
      });
      return data[0] ? toPullRequest(data[0]) : undefined;
    } catch (error) {
      throw explainApiFailure(error, 'looking for an open pull request');
    }
  }

  async createPullRequest(fields: { branch: string; base: string; title: string; body: string; draft: boolean }): Promise<PullRequest> {
    try {
      const { data } = await this.octokit.rest.pulls.create({
        owner: this.owner,
        repo: this.repo,
        head: fields.branch,
        base: fields.base,
        title: fields.title,
        body: fields.body,
        draft: fields.draft
      });
      return toPullRequest(data);
    } catch (error) {
      throw explainApiFailure(error, 'creating the pull request');
    }
  }

  async updatePullRequest(number: number, fields: { title: string; body: string }): Promise<PullRequest> {
    try {
      const { data } = await this.octokit.rest.pulls.update({ owner: this.owner, repo: this.repo, pull_number: number, ...fields });
      return toPullRequest(data);
    } catch (error) {
      throw explainApiFailure(error, `updating pull request #${number}`);
    }
  }

  async addLabels(number: number, labels: string[]): Promise<void> {
    try {
      await this.octokit.rest.issues.addLabels({ owner: this.owner, repo: this.repo, issue_number: number, labels });
    } catch (error) {
      throw explainApiFailure(error, `adding labels to pull request #${number}`);
    }
  }
}

interface PullRequestData {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  draft?: boolean;
  labels?: Array<{ name?: string }>;
}

function toPullRequest(data: PullRequestData): PullRequest {
  return {
    number: data.number,
    url: data.html_url,
    title: data.title,
    body: data.body ?? '',
    draft: data.draft ?? false,
    labels: (data.labels ?? []).map((label) => label.name ?? '').filter((name) => name !== '')
  };
}
