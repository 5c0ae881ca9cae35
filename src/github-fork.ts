import { isHttpFailure, PERMISSIONS } from './api-errors.js';
import { InputError } from './errors.js';
import { forkRelation, type RepositoryLineage, type RepositoryName } from './fork-check.js';
import type { GitHubClient } from './github.js';

/**
 * Checks that `push-to-fork` names a repository the token can see that is a fork of the target
 * (or of the target's parent): the pull request GitHub opens from it must share the target's
 * history. The target is read only when the fork's parent is not the target itself.
 */
export async function checkPushToFork(github: GitHubClient, fork: RepositoryName): Promise<void> {
  const named = `${fork.owner}/${fork.repo}`;
  const forkLineage = await readLineage(github, fork);
  if (!forkLineage) {
    throw new InputError(
      'push-to-fork',
      `repository '${named}' was not found, or the token cannot see it`,
      `Fork ${github.owner}/${github.repo} first (the action does not create forks), and give the token access to the fork (contents: write).`
    );
  }
  const target = { owner: github.owner, repo: github.repo };
  let targetLineage: RepositoryLineage = { fullName: `${target.owner}/${target.repo}`, parent: undefined };
  if (forkRelation(forkLineage, targetLineage) === 'unrelated')
    targetLineage = (await readLineage(github, target)) ?? targetLineage;
  if (forkRelation(forkLineage, targetLineage) === 'unrelated') {
    throw new InputError(
      'push-to-fork',
      `'${named}' is not a fork of ${targetLineage.fullName}, nor a fork of the same parent (${forkLineage.parent ? `it is a fork of ${forkLineage.parent}` : 'it is no fork'})`,
      `Give a fork of ${targetLineage.fullName} as 'owner/name', or leave the input empty to push the branch to ${targetLineage.fullName} itself.`
    );
  }
}

/** The repository's full name and parent, or undefined when the token cannot see it. */
async function readLineage(
  github: GitHubClient,
  which: RepositoryName
): Promise<RepositoryLineage | undefined> {
  try {
    const { data } = await github.octokit.request('GET /repos/{owner}/{repo}', {
      owner: which.owner,
      repo: which.repo
    });
    return { fullName: data.full_name, parent: data.parent?.full_name };
  } catch (error) {
    if (isHttpFailure(error) && error.status === 404) return undefined;
    throw github.failure(error, `reading repository ${which.owner}/${which.repo}`, PERMISSIONS.metadata);
  }
}

/** Deletes the pull request's branch: from the fork that holds it, or from the repository. */
export async function deletePullRequestBranch(
  github: GitHubClient,
  branch: string,
  fork: RepositoryName | undefined
): Promise<void> {
  if (!fork) return github.deleteBranch(branch);
  await github.call(
    `deleting branch '${branch}' of ${fork.owner}/${fork.repo}`,
    PERMISSIONS.writeContents,
    () =>
      github.octokit.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
        owner: fork.owner,
        repo: fork.repo,
        ref: `heads/${branch}`
      })
  );
}
