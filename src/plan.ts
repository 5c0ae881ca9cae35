import type { CommitInfo } from './git.js';
import type { PullRequest } from './github-pulls.js';

/**
 * What happens to the branch and the pull request, decided from facts alone: no I/O here,
 * so every case can be tested by calling the function.
 */

export type Operation = 'created' | 'updated' | 'unchanged' | 'closed' | 'none';

export interface BranchCommit {
  sha: string;
  parents: string[];
  subject: string;
  author: string;
  /** Carries our Published-by trailer. */
  ours: boolean;
}

export interface RemoteBranch {
  sha: string;
  tree: string;
  /** The branch contains the current target tip. */
  basedOnTarget: boolean;
  /** Its commits that are not on the current target, oldest first (parents before children). */
  commits: BranchCommit[];
}

export interface BranchFacts {
  /** Tip of the target branch that the work started from. */
  target: CommitInfo;
  /** HEAD of the work tree once every change is committed. */
  local: CommitInfo;
  remoteBranch: RemoteBranch | undefined;
  openPullRequest: PullRequest | undefined;
}

export interface DesiredPullRequest {
  title: string;
  body: string;
  labels: string[];
  reviewers: string[];
  teamReviewers: string[];
  assignees: string[];
  milestone: number | undefined;
  autoMerge: string | undefined;
}

/**
 * What the pull request lacks of what the inputs ask for: the writes that make it converge.
 * `reviewers` and `teamReviewers`: those whose review is neither requested nor (see
 * withoutReviewed) given.
 */
export interface PullRequestExtras extends Omit<DesiredPullRequest, 'title' | 'body'> {
  /** Reviewers GitHub would refuse: the pull request's own author. */
  authorAsReviewer: string | undefined;
}

export interface Policy {
  overwriteForeignCommits: boolean;
  deleteBranch: boolean;
}

export interface PublishPlan {
  operation: Operation;
  /** Push HEAD leased on `expectedTip` (undefined: the branch must not exist yet); absent: no push. */
  push: { expectedTip: string | undefined } | undefined;
  pullRequest: 'create' | 'update' | 'keep' | 'close' | 'none';
  /** Extras to write once the pull request is open (none when it is closed or there is none). */
  extras: PullRequestExtras;
  deleteBranch: boolean;
  /** The commit the branch points at once the plan is carried out. */
  headSha: string | undefined;
  /** Commits someone else made on the branch (see `foreignCommits`) that this plan would throw away: it must not run. */
  blockedBy: BranchCommit[];
}

const NO_EXTRAS: PullRequestExtras = {
  labels: [],
  reviewers: [],
  teamReviewers: [],
  assignees: [],
  milestone: undefined,
  autoMerge: undefined,
  authorAsReviewer: undefined
};
const NOTHING: PublishPlan = {
  operation: 'none',
  push: undefined,
  pullRequest: 'none',
  extras: NO_EXTRAS,
  deleteBranch: false,
  headSha: undefined,
  blockedBy: []
};

export function planPublish(facts: BranchFacts, desired: DesiredPullRequest, policy: Policy): PublishPlan {
  const { target, local, remoteBranch: remote, openPullRequest: pr } = facts;
  const foreign = foreignCommits(remote?.commits ?? []);

  if (local.tree === target.tree) {
    // Our changes are all on the target already (merged upstream, or nothing was made).
    if (!pr) return NOTHING;
    const deleteBranch = policy.deleteBranch && remote !== undefined && foreign.length === 0;
    return {
      ...NOTHING,
      operation: 'closed',
      pullRequest: 'close',
      deleteBranch,
      headSha: deleteBranch ? undefined : remote?.sha
    };
  }
  if (foreign.length > 0 && !policy.overwriteForeignCommits) return { ...NOTHING, blockedBy: foreign };

  const upToDate =
    remote !== undefined && remote.tree === local.tree && remote.basedOnTarget && foreign.length === 0;
  const extras = missingExtras(pr, desired);
  const pullRequest = pr === undefined ? 'create' : textMatches(pr, desired) ? 'keep' : 'update';

  let operation: Operation;
  if (pullRequest === 'create') operation = 'created';
  else if (!upToDate || pullRequest === 'update' || hasExtras(extras)) operation = 'updated';
  else operation = 'unchanged';

  return {
    operation,
    push: upToDate ? undefined : { expectedTip: remote?.sha },
    pullRequest,
    extras,
    deleteBranch: false,
    headSha: upToDate ? remote.sha : local.sha,
    blockedBy: []
  };
}

/**
 * The branch's commits that are someone else's work: those that are not ours and sit on top of
 * (descend from) a commit of ours. The commits below our own were the target's history when we
 * built the branch; the rebuild on the target's current tip leaves them out whatever became of
 * them (the target moved on, or was amended, squashed or force-pushed). A branch with no commit
 * of ours at all was rewritten by someone else: all of it is theirs. `commits` are the branch's
 * commits that are not on the target, parents before children.
 */
export function foreignCommits(commits: BranchCommit[]): BranchCommit[] {
  if (!commits.some((commit) => commit.ours)) return commits;
  const onOurs = new Set<string>();
  const foreign: BranchCommit[] = [];
  for (const commit of commits) {
    const onTopOfOurs = commit.parents.some((parent) => onOurs.has(parent));
    if (commit.ours || onTopOfOurs) onOurs.add(commit.sha);
    if (!commit.ours && onTopOfOurs) foreign.push(commit);
  }
  return foreign;
}

/**
 * A link to a workflow run (…/actions/runs/ID, maybe …/attempts/N) with the run left out: every
 * run has its own id, so the default body's link is no reason to edit the pull request.
 */
export function withoutRunLinks(text: string): string {
  return text
    .replace(/(\/actions\/runs\/)\d+(?:\/attempts\/\d+)?/g, '$1…')
    .replace(/\r\n/g, '\n')
    .trimEnd();
}

/**
 * Whether the pull request already says what the inputs say. Bodies are compared without their
 * run links and line-ending differences (GitHub's editor saves CRLF), so a rerun writes nothing.
 */
export function textMatches(pr: PullRequest, desired: Pick<DesiredPullRequest, 'title' | 'body'>): boolean {
  return pr.title === desired.title && withoutRunLinks(pr.body) === withoutRunLinks(desired.body);
}

/**
 * The labels, reviewers, assignees, milestone and auto-merge the inputs ask for and the pull
 * request lacks (GitHub compares names and logins case-insensitively). Everything, for a pull
 * request about to be created.
 */
export function missingExtras(pr: PullRequest | undefined, desired: DesiredPullRequest): PullRequestExtras {
  const lacking = (wanted: string[], present: string[] | undefined) => {
    const have = new Set((present ?? []).map((name) => name.toLowerCase()));
    return wanted.filter((name) => !have.has(name.toLowerCase()));
  };
  const author = pr?.author.toLowerCase();
  const authorAsReviewer = desired.reviewers.find((login) => login.toLowerCase() === author);
  return {
    labels: lacking(desired.labels, pr?.labels),
    reviewers: lacking(desired.reviewers, pr?.reviewers).filter((login) => login !== authorAsReviewer),
    teamReviewers: lacking(desired.teamReviewers, pr?.teamReviewers),
    assignees: lacking(desired.assignees, pr?.assignees),
    milestone:
      desired.milestone !== undefined && pr?.milestone !== desired.milestone ? desired.milestone : undefined,
    autoMerge:
      desired.autoMerge !== undefined && pr?.autoMerge !== desired.autoMerge ? desired.autoMerge : undefined,
    authorAsReviewer
  };
}

export function hasExtras(extras: PullRequestExtras): boolean {
  return (
    extras.labels.length + extras.reviewers.length + extras.teamReviewers.length + extras.assignees.length >
      0 ||
    extras.milestone !== undefined ||
    extras.autoMerge !== undefined
  );
}

/**
 * GitHub drops a reviewer from the requested ones once they review: they are not asked again. A
 * team's request goes when one of its members reviews for it, so once anyone has reviewed, a team
 * that is no longer requested is not asked again either.
 */
export function withoutReviewed(extras: PullRequestExtras, reviewedBy: string[]): PullRequestExtras {
  const reviewed = new Set(reviewedBy.map((login) => login.toLowerCase()));
  return {
    ...extras,
    reviewers: extras.reviewers.filter((login) => !reviewed.has(login.toLowerCase())),
    teamReviewers: reviewed.size > 0 ? [] : extras.teamReviewers
  };
}

/** Whether a commit message carries the trailer this action writes. */
export function isOurs(message: string, trailer: string): boolean {
  return message.split('\n').some((line) => line.trim() === trailer);
}

/** The backoff before push attempt `attempt` (1-based) in push mode: grows, capped, with jitter. */
export function pushBackoffMs(attempt: number, random = Math.random): number {
  const base = Math.min(4000, 250 * 2 ** (attempt - 1));
  return Math.round(base / 2 + random() * (base / 2));
}

/**
 * How long to wait before trying a push-mode push again, or undefined when it is time to give
 * up: `maxAttempts` (when set) are used up, or the pause would end past `timeoutMs` since the
 * first attempt. Runs that collide spread out through the jitter of `pushBackoffMs`.
 */
export function pushRetryDelay(
  state: { attempt: number; elapsedMs: number; timeoutMs: number; maxAttempts: number | undefined },
  random = Math.random
): number | undefined {
  if (state.maxAttempts !== undefined && state.attempt >= state.maxAttempts) return undefined;
  const wait = pushBackoffMs(state.attempt, random);
  return state.elapsedMs + wait > state.timeoutMs ? undefined : wait;
}
