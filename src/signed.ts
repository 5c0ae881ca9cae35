import * as crypto from 'node:crypto';
import * as core from './workflow-commands.js';
import { ActionError } from './errors.js';
import { fetchBranches } from './git-remote.js';
import type { GitHubClient } from './github.js';
import { logText } from './log-text.js';
import { createRestCommits } from './signed-rest.js';
import {
  headlineAndBody,
  planSigning,
  signedCommitMessage,
  type CommitChanges,
  type SigningPlan
} from './signing-plan.js';
import type { PreparedWorkTree } from './worktree.js';

/**
 * `sign-commits`: the commits are re-created through GitHub's API, which signs them
 * ("Verified"), instead of pushed: through GraphQL createCommitOnBranch when it can express them
 * (regular files), else through the REST Git Data API, which keeps executables, symlinks and
 * submodules (src/signing-plan.ts says which, and why). They are built on a temporary branch,
 * fetched, and checked to hold exactly the work tree's files; the caller pushes that tip.
 */

export interface SignedChain {
  /** Tip of the signed commits, fetched into the work tree. */
  tip: string;
  /** Whether GitHub signed every one of them (a REST commit made with a user's token is not). */
  verified: boolean;
  /** Deletes the temporary branch the chain was built on. */
  cleanUp: () => Promise<void>;
}

/** Reads every commit between `base` and HEAD and plans the API, or fails before anything is sent. */
export async function checkSignable(
  work: PreparedWorkTree,
  base: string
): Promise<{ commits: CommitChanges[]; plan: Exclude<SigningPlan, { refused: string }> }> {
  const commits: CommitChanges[] = [];
  for (const sha of await work.git.commitsBetween(base, 'HEAD'))
    commits.push({ sha, changes: await work.git.rawChanges(sha) });
  const written = commits.flatMap(({ changes }) =>
    changes.filter((c) => c.status !== 'D' && c.newMode !== '160000').map((c) => c.blob)
  );
  const plan = planSigning(commits, await work.git.blobSizes([...new Set(written)]));
  if ('refused' in plan)
    throw new ActionError(
      `Commit ${plan.commit.slice(0, 12)} cannot be published as a signed commit: ${plan.refused}.`,
      "Nothing was published. Leave such files out of the change (Git LFS keeps large files out of git), or set 'sign-commits: false'."
    );
  return { commits, plan };
}

/**
 * Re-creates the commits `base..HEAD` as signed commits on a temporary branch that ends at them,
 * fetches the result and checks that its tree is exactly the work tree's. The caller then pushes
 * that tip where it belongs (leased, or fast-forward) and cleans up.
 */
export async function buildSignedChain(
  work: PreparedWorkTree,
  github: GitHubClient,
  base: string,
  /** The committer's `Signed-off-by` line when the `signoff` input is set. */
  signoff: string | undefined
): Promise<SignedChain> {
  const { commits, plan } = await checkSignable(work, base);
  const expectedTree = (await work.git.commitInfo('HEAD')).tree;
  const temp = `outbox-publisher/signing-${process.env.GITHUB_RUN_ID ?? 'local'}-${crypto.randomBytes(4).toString('hex')}`;
  let branchCreated = false;
  const cleanUp = async () => {
    if (!branchCreated) return;
    await github
      .deleteBranch(temp)
      .catch((error: Error) =>
        core.warning(`Could not delete the temporary branch '${temp}': ${logText(error.message)}`)
      );
  };
  try {
    let verified: boolean[];
    if ('why' in plan) {
      core.info(`Signing through the REST Git Data API: ${logText(plan.why)}.`);
      const { tip, created } = await createRestCommits(work, github, base, commits, signoff);
      // Create-only: a branch of that name made meanwhile fails this instead of being moved.
      await github.createBranch(temp, tip);
      branchCreated = true;
      verified = created.map((commit) => commit.verified);
    } else {
      await github.createBranch(temp, base);
      branchCreated = true;
      verified = await createGraphqlCommits(work, github, temp, base, commits, signoff);
    }
    await fetchBranches(work.git, [temp], { depth: commits.length + 1 });
    const signed = await work.git.commitInfo(`refs/remotes/origin/${temp}`);
    if (signed.tree !== expectedTree) {
      throw new ActionError(
        'The signed commits GitHub created do not hold the same files as the work tree; nothing was published.',
        "Set 'sign-commits: false' and report this."
      );
    }
    const unsigned = verified.filter((v) => !v).length;
    if (unsigned > 0)
      core.warning(
        `GitHub did not sign ${unsigned} of the ${commits.length} commit(s) it created: through the REST API it signs only for a GitHub App installation token or GITHUB_TOKEN, not for a personal access token. They are published unsigned (output 'commits-verified' is false).`
      );
    else core.info(`Created ${commits.length} signed commit(s) through the API.`);
    return { tip: signed.sha, verified: unsigned === 0, cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** One createCommitOnBranch per commit, each leased on the previous one (`expectedHeadOid`). */
async function createGraphqlCommits(
  work: PreparedWorkTree,
  github: GitHubClient,
  branch: string,
  base: string,
  commits: readonly CommitChanges[],
  signoff: string | undefined
): Promise<boolean[]> {
  const verified: boolean[] = [];
  let head = base;
  for (const { sha, changes } of commits) {
    const additions: Array<{ path: string; contents: string }> = [];
    for (const change of changes.filter((c) => c.status !== 'D'))
      additions.push({ path: change.path, contents: (await work.git.blob(change.blob)).toString('base64') });
    const deletions = changes.filter((c) => c.status === 'D').map((c) => ({ path: c.path }));
    const message = signedCommitMessage(await work.git.message(sha), await work.git.authorOf(sha), signoff);
    const created = await github.createSignedCommit({
      branch,
      expectedHeadOid: head,
      ...headlineAndBody(message),
      additions,
      deletions
    });
    head = created.oid;
    verified.push(created.verified);
  }
  return verified;
}
