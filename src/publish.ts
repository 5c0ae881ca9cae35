import type { CommitInfo } from './git.js';
import type { PullRequest } from './github.js';

/**
 * What happens to the branch and the pull request, decided from facts alone: no I/O here,
 * so every case can be tested by calling the function.
 */

export type Operation = 'created' | 'updated' | 'unchanged' | 'none';

export interface BranchFacts {
  /** Tip of the target branch that the work started from. */
  target: CommitInfo;
  /** HEAD of the work tree after our commit. */
  local: CommitInfo;
  /** The PR branch on the remote, when it exists. */
  remoteBranch: CommitInfo | undefined;
  openPullRequest: PullRequest | undefined;
}

export interface DesiredPullRequest {
  title: string;
  body: string;
  labels: string[];
}

export interface PublishPlan {
  operation: Operation;
  /** Push HEAD leased on `expectedTip` (undefined: the branch must not exist yet); absent: no push. */
  push: { expectedTip: string | undefined } | undefined;
  pullRequest: 'create' | 'update' | 'keep' | 'none';
  labelsToAdd: string[];
  /** The commit the branch points at once the plan is carried out. */
  headSha: string | undefined;
}

/** The remote branch already holds our result: same tree on the same parents (or the very commit). */
export function branchHoldsResult(remote: CommitInfo, local: CommitInfo): boolean {
  if (remote.sha === local.sha) return true;
  return remote.tree === local.tree && remote.parents.length === local.parents.length && remote.parents.every((p, i) => p === local.parents[i]);
}

export function planPublish(facts: BranchFacts, desired: DesiredPullRequest): PublishPlan {
  const { target, local, remoteBranch, openPullRequest: pr } = facts;
  if (local.tree === target.tree) {
    return { operation: 'none', push: undefined, pullRequest: 'none', labelsToAdd: [], headSha: undefined };
  }
  const upToDate = remoteBranch !== undefined && branchHoldsResult(remoteBranch, local);
  const labelsToAdd = desired.labels.filter((label) => !pr?.labels.includes(label));
  const textMatches = pr !== undefined && pr.title === desired.title && pr.body === desired.body;
  const pullRequest = pr === undefined ? 'create' : textMatches ? 'keep' : 'update';

  let operation: Operation;
  if (pullRequest === 'create') operation = 'created';
  else if (!upToDate || pullRequest === 'update' || labelsToAdd.length > 0) operation = 'updated';
  else operation = 'unchanged';

  return {
    operation,
    push: upToDate ? undefined : { expectedTip: remoteBranch?.sha },
    pullRequest,
    labelsToAdd,
    headSha: upToDate ? remoteBranch!.sha : local.sha
  };
}
