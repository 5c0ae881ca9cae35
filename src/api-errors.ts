import { ActionError } from './errors.js';
import { TOKEN_VARIABLE } from './token-facts.js';

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

export interface HttpFailure {
  status: number;
  message: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

export function isHttpFailure(error: unknown): error is HttpFailure {
  return (
    typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
  );
}

export function header(headers: Record<string, unknown> | undefined, name: string): string | null {
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
function permissionHint(permission: Permission): string {
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
