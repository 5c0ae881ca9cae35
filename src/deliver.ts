import * as core from './workflow-commands.js';
import { publishBranch, refMoved, refusalError } from './branch-push.js';
import { ActionError } from './errors.js';
import { PUBLISHED_BY_TRAILER, type CommitInfo } from './git.js';
import { fetchBranches, ORIGIN, push, remoteBranchTips } from './git-remote.js';
import type { GitHubClient } from './github.js';
import type { PullRequest } from './github-pulls.js';
import { signoffTrailer } from './identity.js';
import type { Inputs } from './inputs.js';
import type { LfsUploads } from './lfs.js';
import { logText, quoteName } from './log-text.js';
import { isOurs, planPublish, pushRetryDelay, type Operation, type RemoteBranch } from './plan.js';
import { desiredPullRequest, openOrUpdatePullRequest } from './pull-request.js';
import type { SignedChain } from './signed.js';
import type { PreparedWorkTree } from './worktree.js';

export interface Delivery {
  operation: Operation;
  pushed: boolean;
  headSha: string | undefined;
  pullRequest: PullRequest | undefined;
  /** With `sign-commits`, whether GitHub signed every commit it created; undefined when none was. */
  commitsVerified?: boolean;
}

interface DeliveryContext {
  work: PreparedWorkTree;
  local: CommitInfo;
  github: GitHubClient;
  inputs: Inputs;
  target: string;
  branch: string;
  /** LFS objects to upload before the push (or the signed commits) that needs them: reviewed when asked. */
  lfsUploads: () => Promise<LfsUploads>;
  /**
   * Called once no git fetch or push is left to run, so that the credentials go while the pull
   * request's API calls run; push mode has none after its push, and main calls it then.
   */
  doneWithGit: () => void;
  /** What builds commits GitHub signs, when `sign-commits` is set. */
  signing: Signing | undefined;
}

type Signing = Pick<typeof import('./signed.js'), 'buildSignedChain' | 'checkSignable'>;

/** Pushes and opens the pull request, or pushes onto the target, as the `mode` input says. */
export async function deliver(
  context: Omit<DeliveryContext, 'signing'> & { openPullRequest: Promise<PullRequest | undefined> }
): Promise<Delivery> {
  // The signing code is loaded only for `sign-commits`.
  const signing = context.inputs.signCommits ? await import('./signed.js') : undefined;
  return context.inputs.mode === 'push'
    ? pushToTarget({ ...context, signing })
    : publishPullRequest({ ...context, signing });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Pull-request mode: the branch is (target tip + our changes), pushed leased on the tip we saw;
 * the pull request is opened, updated, or closed once our changes are all on the target.
 */
async function publishPullRequest(
  context: DeliveryContext & { openPullRequest: Promise<PullRequest | undefined> }
): Promise<Delivery> {
  const { work, local, github, inputs, branch, signing } = context;
  const existing = await context.openPullRequest;
  const remoteBranch = describeRemoteBranch(work);
  const desired = desiredPullRequest(inputs);
  const plan = planPublish({ target: work.target, local, remoteBranch, openPullRequest: existing }, desired, {
    overwriteForeignCommits: inputs.overwriteForeignCommits,
    deleteBranch: inputs.deleteBranch
  });
  if (plan.blockedBy.length > 0) {
    const list = plan.blockedBy
      .map((c) => `  ${c.sha.slice(0, 12)} ${quoteName(c.subject)} (${quoteName(c.author)})`)
      .join('\n');
    throw new ActionError(
      `The branch '${branch}' holds ${plan.blockedBy.length} commit(s) that outbox-publisher did not make:\n${list}\nPublishing would throw them away, so nothing was pushed.`,
      "Merge or move that work elsewhere, or set 'overwrite-foreign-commits: true' to replace the branch anyway."
    );
  }
  // The LFS review only for a push: an unchanged rerun publishes no LFS file.
  const lfsUploads = plan.push ? await context.lfsUploads() : undefined;
  if (inputs.dryRun) {
    if (signing && plan.push) await signing.checkSignable(work, work.target.sha);
    core.info(
      `Dry run: would ${plan.push ? `push ${plan.headSha} to '${branch}'` : 'push nothing'}; pull request: ${plan.pullRequest}; operation: ${plan.operation}.`
    );
    const lfs = lfsUploads?.describe();
    if (lfs) core.info(`Dry run: ${lfs}.`);
    return { operation: plan.operation, pushed: false, headSha: plan.headSha, pullRequest: existing };
  }
  let superseded = false;
  let headSha = plan.headSha;
  let signed: SignedChain | undefined;
  if (plan.push && lfsUploads) {
    if (work.branchRemote !== ORIGIN && lfsUploads.files.length > 0) {
      throw new ActionError(
        `The changes bring ${lfsUploads.files.length} new Git LFS object(s), which 'push-to-fork' cannot upload yet. Nothing was pushed.`,
        "Publish them without 'push-to-fork', or upload the LFS objects to the fork before this step."
      );
    }
    await lfsUploads.upload();
    signed = signing
      ? await signing.buildSignedChain(work, github, work.target.sha, signoffOf(inputs))
      : undefined;
    if (signed) {
      await work.git.moveToSameTree(signed.tip);
      headSha = signed.tip;
    }
    try {
      superseded = !(await publishBranch(work, branch, plan.push.expectedTip));
    } finally {
      await signed?.cleanUp();
    }
  }
  const supersededBy = superseded
    ? (await remoteBranchTips(work.git, [branch], work.branchRemote)).get(branch)
    : undefined;
  context.doneWithGit();
  const { pullRequest, created, wrote } = await openOrUpdatePullRequest(github, plan, {
    ...context,
    desired,
    existing
  });
  if (superseded)
    return {
      operation: created ? 'created' : 'unchanged',
      pushed: false,
      headSha: supersededBy,
      pullRequest
    };
  const commitsVerified = signed?.verified;
  // A plan that only had extras to write is 'updated' only when one of them was written.
  const onlyExtras = plan.operation === 'updated' && !plan.push && plan.pullRequest === 'keep';
  const operation =
    created || plan.pullRequest !== 'create'
      ? onlyExtras && !wrote
        ? 'unchanged'
        : plan.operation
      : 'updated';
  return { operation, pushed: plan.push !== undefined, headSha, pullRequest, commitsVerified };
}

/** The committer's sign-off line for signed commits, when the `signoff` input asks for one. */
function signoffOf(inputs: Inputs): string | undefined {
  return inputs.signoff ? signoffTrailer(inputs.committer) : undefined;
}

/**
 * The PR branch as it stands on GitHub, from the history the work tree fetched: its tip, and
 * its commits that are not on the target, each marked ours or not by our trailer.
 */
function describeRemoteBranch(work: PreparedWorkTree): RemoteBranch | undefined {
  const tip = work.remoteBranchTip;
  if (!tip) return undefined;
  const commits = work.remoteBranchCommits.map((commit) => ({
    sha: commit.sha,
    parents: commit.parents,
    subject: commit.message.split('\n')[0],
    author: commit.author,
    ours: isOurs(commit.message, PUBLISHED_BY_TRAILER)
  }));
  // The target's tip is in the branch when it is the tip, or the parent of one of its commits.
  const basedOnTarget =
    tip.sha === work.target.sha || commits.some((commit) => commit.parents.includes(work.target.sha));
  return { sha: tip.sha, tree: tip.tree, basedOnTarget, commits };
}

/**
 * Push mode: our commits go straight onto the target, never forced. When someone else pushed
 * meanwhile, fetch, rebase our commits onto their tip and try again after a jittered pause,
 * until `push-timeout` has passed (or `push-attempts`, when set, are used up). A push GitHub
 * refuses for another reason than a moved target fails at once.
 */
async function pushToTarget(context: DeliveryContext): Promise<Delivery> {
  const { work, local, inputs, target, signing } = context;
  if (local.tree === work.target.tree)
    return { operation: 'none', pushed: false, headSha: undefined, pullRequest: undefined };
  const lfsUploads = await context.lfsUploads();
  if (inputs.dryRun) {
    if (signing) await signing.checkSignable(work, work.target.sha);
    core.info(`Dry run: would push ${local.sha} onto '${target}'.`);
    const lfs = lfsUploads.describe();
    if (lfs) core.info(`Dry run: ${lfs}.`);
    return { operation: 'none', pushed: false, headSha: local.sha, pullRequest: undefined };
  }
  // A rebase onto a moved target brings no new objects of ours: one upload serves every attempt.
  await lfsUploads.upload();
  let base = work.target.sha;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    // Signed commits are rebuilt on every attempt: a rebase onto a moved target rewrites them.
    const signed = signing
      ? await signing.buildSignedChain(work, context.github, base, signoffOf(inputs))
      : undefined;
    if (signed) await work.git.moveToSameTree(signed.tip);
    const result = await push(work.git, target);
    await signed?.cleanUp();
    if (result.pushed) {
      const head = await work.git.commitInfo('HEAD');
      core.info(`Pushed onto '${target}' (attempt ${attempt}).`);
      return {
        operation: 'none',
        pushed: true,
        headSha: head.sha,
        pullRequest: undefined,
        commitsVerified: signed?.verified
      };
    }
    if (!(await refMoved(work, target, result.rejection, base)))
      throw refusalError(result.rejection, { branch: target, mode: 'push' });
    const elapsedMs = Date.now() - started;
    const wait = pushRetryDelay({
      attempt,
      elapsedMs,
      timeoutMs: inputs.pushTimeoutSeconds * 1000,
      maxAttempts: inputs.pushAttempts
    });
    if (wait === undefined) {
      const limit =
        inputs.pushAttempts !== undefined && attempt >= inputs.pushAttempts
          ? "'push-attempts'"
          : "'push-timeout'";
      throw new ActionError(
        `Pushing onto '${target}' was rejected ${attempt} time(s) in ${Math.round(elapsedMs / 1000)} s (${logText(result.rejection.reason)}): others keep pushing to it. Nothing was forced.`,
        `Raise ${limit}, or serialize publishes with a \`concurrency\` group per repository and branch.`
      );
    }
    core.info(
      `'${target}' moved on GitHub (${logText(result.rejection.reason)}); rebasing onto it and trying again in ${wait} ms.`
    );
    await sleep(wait);
    await fetchBranches(work.git, [target]);
    await work.git.rebaseOnto(work.targetRef, base, inputs.committer).catch((error: Error) => {
      throw new ActionError(
        `Our commits conflict with what was pushed to '${target}' meanwhile: ${error.message}`,
        'Nothing was pushed. Run again to start from the new target.'
      );
    });
    base = (await work.git.commitInfo(work.targetRef)).sha;
  }
}
