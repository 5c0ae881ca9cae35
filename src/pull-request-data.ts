/** A pull request as a publish reads it, from GitHub's JSON (full, or as a list shows it). */

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

export function toPullRequest(data: PullRequestData): PullRequest {
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
