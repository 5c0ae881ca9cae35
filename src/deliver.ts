import * as core from '@actions/core';
import { ActionError, describeError } from './errors.js';
import { logText, quoteName } from './log-text.js';
import { PUBLISHED_BY_TRAILER, type CommitInfo } from './git.js';
import { ApiError, type GitHubClient, type PullRequest } from './github.js';
import type { Inputs } from './inputs.js';
import { classifyRejection, explainRefusal, type PushRejection } from './push-rejection.js';
import type { LfsUploads } from './lfs.js';
import {
  hasExtras,
  isOurs,
  missingExtras,
  planPublish,
  pushRetryDelay,
  withoutReviewed,
  type DesiredPullRequest,
  type Operation,
  type PublishPlan,
  type PullRequestExtras,
  type RemoteBranch
} from './publish.js';
import { buildSignedChain, checkSignable } from './signed.js';
import type { WorkTree } from './worktree.js';

export interface Delivery {
  operation: Operation;
  pushed: boolean;
  headSha: string | undefined;
  pullRequest: PullRequest | undefined;
}

interface DeliveryContext {
  work: WorkTree;
  local: CommitInfo;
  github: GitHubClient;
  inputs: Inputs;
  target: string;
  branch: string;
  /** LFS objects to upload before the push (or the signed commits) that needs them. */
  lfsUploads: LfsUploads;
  /**
   * Called once no git fetch or push is left to run, so that the credentials go while the pull
   * request's API calls run; push mode has none after its push, and main calls it then.
   */
  doneWithGit: () => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Pull-request mode: the branch is (target tip + our changes), pushed leased on the tip we saw;
 * the pull request is opened, updated, or closed once our changes are all on the target.
 */
export async function publishPullRequest(
  context: DeliveryContext & { openPullRequest: Promise<PullRequest | undefined> }
): Promise<Delivery> {
  const { work, local, github, inputs, branch } = context;
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
  if (inputs.dryRun) {
    if (inputs.signCommits && plan.push) await checkSignable(work, work.target.sha);
    core.info(
      `Dry run: would ${plan.push ? `push ${plan.headSha} to '${branch}'` : 'push nothing'}; pull request: ${plan.pullRequest}; operation: ${plan.operation}.`
    );
    const lfs = plan.push ? context.lfsUploads.describe() : undefined;
    if (lfs) core.info(`Dry run: ${lfs}.`);
    return { operation: plan.operation, pushed: false, headSha: plan.headSha, pullRequest: existing };
  }
  let superseded = false;
  let headSha = plan.headSha;
  if (plan.push) {
    await context.lfsUploads.upload();
    const signed = inputs.signCommits ? await buildSignedChain(work, github, work.target.sha) : undefined;
    if (signed) {
      await work.tree.resetHard(signed.tip);
      headSha = signed.tip;
    }
    try {
      superseded = !(await publishBranch(work, branch, plan.push.expectedTip));
    } finally {
      await signed?.cleanUp();
    }
  }
  const supersededBy = superseded ? (await work.tree.remoteBranchTips([branch])).get(branch) : undefined;
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
  // A plan that only had extras to write is 'updated' only when one of them was written.
  const onlyExtras = plan.operation === 'updated' && !plan.push && plan.pullRequest === 'keep';
  const operation =
    created || plan.pullRequest !== 'create'
      ? onlyExtras && !wrote
        ? 'unchanged'
        : plan.operation
      : 'updated';
  return { operation, pushed: plan.push !== undefined, headSha, pullRequest };
}

/**
 * The PR branch as it stands on GitHub, from the history the work tree fetched: its tip, and
 * its commits that are not on the target, each marked ours or not by our trailer.
 */
function describeRemoteBranch(work: WorkTree): RemoteBranch | undefined {
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
 * Pushes the branch leased on the tip we saw. When the lease fails because another run (or a
 * person) pushed meanwhile, this run is superseded. Nothing is overwritten, and that is not an
 * error: the newer push stands, and the next run starts from it. A push GitHub refuses for any
 * other reason fails the step with GitHub's message. Returns whether this run pushed.
 */
export async function publishBranch(
  work: WorkTree,
  branch: string,
  expectedTip: string | undefined
): Promise<boolean> {
  const result = await work.tree.push(branch, { expectedTip });
  if (result.pushed) {
    core.info(`Pushed '${branch}'.`);
    return true;
  }
  if (!(await refMoved(work, branch, result.rejection, expectedTip)))
    throw refusalError(result.rejection, { branch, mode: 'pull-request' });
  core.notice(
    `Superseded: '${branch}' was updated on GitHub while this run worked (push rejected: ${logText(result.rejection.reason)}). ` +
      "This run's result was not pushed and nothing was overwritten; the next run publishes on top of the newer state."
  );
  return false;
}

/**
 * Whether a rejected push lost to a push by someone else: git says so from the refs it was
 * shown, or, when the server's words leave it open, the remote tip is no longer `expectedTip`.
 */
async function refMoved(
  work: WorkTree,
  branch: string,
  rejection: PushRejection,
  expectedTip: string | undefined
): Promise<boolean> {
  const kind = classifyRejection(rejection);
  if (kind !== 'maybe-moved') return kind === 'moved';
  return (await work.tree.remoteBranchTips([branch])).get(branch) !== expectedTip;
}

function refusalError(
  rejection: PushRejection,
  where: { branch: string; mode: 'push' | 'pull-request' }
): ActionError {
  const { problem, fix } = explainRefusal(rejection, where);
  return new ActionError(problem, fix);
}

export function desiredPullRequest(inputs: Inputs): DesiredPullRequest {
  const { title, body, labels, reviewers, teamReviewers, assignees, milestone, autoMerge } = inputs;
  return { title, body, labels, reviewers, teamReviewers, assignees, milestone, autoMerge };
}

/**
 * Opens, updates, keeps or closes the pull request, then writes the extras it lacks. Only opening,
 * updating and closing can fail the step: once the pull request is there, a refused comment,
 * label, reviewer, assignee, milestone, auto-merge or branch deletion is a warning naming its
 * input, and the next run tries again. `wrote`: whether any edit or extra was written.
 */
export async function openOrUpdatePullRequest(
  github: GitHubClient,
  plan: PublishPlan,
  context: DeliveryContext & { desired: DesiredPullRequest; existing: PullRequest | undefined }
): Promise<{ pullRequest: PullRequest | undefined; created: boolean; wrote: boolean }> {
  const { desired, inputs, branch } = context;
  let pullRequest = context.existing;
  let created = false;
  let wrote = false;
  switch (plan.pullRequest) {
    case 'none':
      return { pullRequest: undefined, created, wrote };
    case 'close': {
      const number = pullRequest!.number;
      await bestEffort(undefined, () =>
        github.comment(
          number,
          `Closed by outbox-publisher: the changes of this pull request are all on '${context.target}' already, so nothing is left to publish.`
        )
      );
      pullRequest = await github.updatePullRequest(number, { state: 'closed' });
      core.info(`Closed pull request #${number}: its changes are on the target already.`);
      if (plan.deleteBranch) {
        if (
          await bestEffort(
            'delete-branch',
            () => github.deleteBranch(branch),
            `Pull request #${number} was closed; delete the branch '${branch}' by hand.`
          )
        ) {
          core.info(`Deleted branch '${branch}'.`);
        }
      } else if (inputs.deleteBranch) {
        core.warning(`Kept branch '${branch}': it holds commits that outbox-publisher did not make.`);
      }
      return { pullRequest, created, wrote: true };
    }
    case 'create':
      ({ pullRequest, created } = await github.createPullRequest({
        branch,
        base: context.target,
        title: desired.title,
        body: desired.body,
        draft: inputs.draft,
        maintainerCanModify: inputs.maintainerCanModify
      }));
      core.info(
        `${created ? 'Created' : 'Found, opened by another run,'} pull request #${pullRequest.number}: ${pullRequest.url}`
      );
      break;
    case 'update':
      pullRequest = await github.updatePullRequest(pullRequest!.number, {
        title: desired.title,
        body: desired.body
      });
      core.info(`Updated pull request #${pullRequest.number}: ${pullRequest.url}`);
      wrote = true;
      break;
    case 'keep':
      break;
  }
  // Read from the pull request as it now stands (one another run opened may have some already).
  const extras = missingExtras(pullRequest, desired);
  if (hasExtras(extras) || extras.authorAsReviewer)
    wrote = (await applyPullRequestExtras(github, pullRequest!, extras, created)) || wrote;
  return { pullRequest, created, wrote };
}

/**
 * Runs one write that comes after a successful publish. A failure is a warning — naming the input
 * it serves, and how to get it done — never a failed step. Returns whether it succeeded.
 */
async function bestEffort(
  input: string | undefined,
  write: () => Promise<unknown>,
  then?: string
): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    core.warning(`${input ? `Input '${input}': ` : ''}${describeError(error)}${then ? `\n${then}` : ''}`);
    return false;
  }
}

const AGAIN = 'The pull request itself was published; the next run tries this again.';

/** Writes what the pull request lacks; returns whether anything was written. */
async function applyPullRequestExtras(
  github: GitHubClient,
  pullRequest: PullRequest,
  wanted: PullRequestExtras,
  created: boolean
): Promise<boolean> {
  const number = pullRequest.number;
  let wrote = false;
  const write = async (input: string, step: () => Promise<unknown>) => {
    const done = await bestEffort(input, step, AGAIN);
    wrote ||= done;
    return done;
  };
  if (wanted.authorAsReviewer) {
    core.warning(
      `Input 'reviewers': '${wanted.authorAsReviewer}' opened pull request #${number}, and GitHub does not request reviews from a pull request's author.`
    );
  }
  if (wanted.labels.length > 0) await write('labels', () => github.addLabels(number, wanted.labels));

  let extras = wanted;
  if (!created && extras.reviewers.length + extras.teamReviewers.length > 0) {
    // Asked for but not requested: maybe they reviewed already (GitHub then drops the request).
    let reviewedBy: string[] | undefined;
    await bestEffort('reviewers', async () => (reviewedBy = await github.listReviewers(number)));
    extras = reviewedBy
      ? withoutReviewed(extras, reviewedBy)
      : { ...extras, reviewers: [], teamReviewers: [] };
  }
  if (extras.reviewers.length + extras.teamReviewers.length > 0)
    wrote = (await requestReviews(github, number, extras.reviewers, extras.teamReviewers)) || wrote;

  if (extras.assignees.length > 0) {
    let left: string[] = [];
    const done = await bestEffort(
      'assignees',
      async () => {
        const assigned = new Set(
          (await github.addAssignees(number, extras.assignees)).map((login) => login.toLowerCase())
        );
        left = extras.assignees.filter((login) => !assigned.has(login.toLowerCase()));
      },
      AGAIN
    );
    if (left.length > 0) {
      core.warning(
        `Input 'assignees': GitHub did not assign ${left.map((login) => `'${login}'`).join(', ')} to pull request #${number}: only users with access to the repository can be assigned, and GitHub leaves out the others without an error.`
      );
    }
    // Written only when someone was assigned: GitHub answers 201 when it left everyone out, too.
    wrote ||= done && left.length < extras.assignees.length;
  }
  if (extras.milestone !== undefined)
    await write('milestone', () => github.setMilestone(number, extras.milestone!));
  if (extras.autoMerge !== undefined) {
    const method = extras.autoMerge as 'merge' | 'squash' | 'rebase';
    let refusal: string | undefined;
    if (
      await bestEffort(
        'auto-merge',
        async () => (refusal = await github.enableAutoMerge(pullRequest.nodeId, method)),
        AGAIN
      )
    ) {
      if (refusal) {
        core.warning(
          `Auto-merge was not enabled: ${logText(refusal)}. Allow auto-merge in the repository's settings (General → Pull Requests) to use 'auto-merge'.`
        );
      } else {
        wrote = true;
        core.info(`Enabled auto-merge (${method}) on pull request #${number}.`);
      }
    }
  }
  return wrote;
}

/**
 * Requests reviews. GitHub refuses the whole request (422) when one reviewer cannot be asked — a
 * user or team that is not a collaborator — so after a refusal each is asked on its own, and the
 * warnings name the ones GitHub refused. Returns whether any request was made.
 */
async function requestReviews(
  github: GitHubClient,
  number: number,
  reviewers: string[],
  teamReviewers: string[]
): Promise<boolean> {
  try {
    await github.requestReviewers(number, reviewers, teamReviewers);
    core.info(
      `Requested reviews on pull request #${number}: ${[...reviewers, ...teamReviewers.map((slug) => `team ${slug}`)].join(', ')}.`
    );
    return true;
  } catch (error) {
    if (
      !(error instanceof ApiError && error.status === 422) ||
      reviewers.length + teamReviewers.length === 1
    ) {
      const input = reviewers.length > 0 ? 'reviewers' : 'team-reviewers';
      core.warning(`Input '${input}': ${describeError(error)}\n${REVIEW_FIX}`);
      return false;
    }
  }
  let requested = false;
  const ask = [
    ...reviewers.map((login) => ({ input: 'reviewers', login, slug: undefined })),
    ...teamReviewers.map((slug) => ({ input: 'team-reviewers', login: undefined, slug }))
  ];
  for (const one of ask) {
    try {
      await github.requestReviewers(number, one.login ? [one.login] : [], one.slug ? [one.slug] : []);
      requested = true;
    } catch (error) {
      core.warning(
        `Input '${one.input}': no review was requested from '${one.login ?? one.slug}': ${describeError(error)}\n${REVIEW_FIX}`
      );
    }
  }
  return requested;
}

const REVIEW_FIX =
  'GitHub requests reviews only from collaborators of the repository and from teams that have access to it; the pull request itself was published.';

/**
 * Push mode: our commits go straight onto the target, never forced. When someone else pushed
 * meanwhile, fetch, rebase our commits onto their tip and try again after a jittered pause,
 * until `push-timeout` has passed (or `push-attempts`, when set, are used up). A push GitHub
 * refuses for another reason than a moved target fails at once.
 */
export async function pushToTarget(context: DeliveryContext): Promise<Delivery> {
  const { work, local, inputs, target } = context;
  if (local.tree === work.target.tree)
    return { operation: 'none', pushed: false, headSha: undefined, pullRequest: undefined };
  if (inputs.dryRun) {
    if (inputs.signCommits) await checkSignable(work, work.target.sha);
    core.info(`Dry run: would push ${local.sha} onto '${target}'.`);
    const lfs = context.lfsUploads.describe();
    if (lfs) core.info(`Dry run: ${lfs}.`);
    return { operation: 'none', pushed: false, headSha: local.sha, pullRequest: undefined };
  }
  // A rebase onto a moved target brings no new objects of ours: one upload serves every attempt.
  await context.lfsUploads.upload();
  let base = work.target.sha;
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    // Signed commits are rebuilt on every attempt: a rebase onto a moved target rewrites them.
    const signed = inputs.signCommits ? await buildSignedChain(work, context.github, base) : undefined;
    if (signed) await work.tree.resetHard(signed.tip);
    const result = await work.tree.push(target);
    await signed?.cleanUp();
    if (result.pushed) {
      const head = await work.tree.commitInfo('HEAD');
      core.info(`Pushed onto '${target}' (attempt ${attempt}).`);
      return { operation: 'none', pushed: true, headSha: head.sha, pullRequest: undefined };
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
    await work.tree.fetchBranches([target]);
    await work.tree.rebaseOnto(work.targetRef, base, inputs.committer).catch((error: Error) => {
      throw new ActionError(
        `Our commits conflict with what was pushed to '${target}' meanwhile: ${error.message}`,
        'Nothing was pushed. Run again to start from the new target.'
      );
    });
    base = (await work.tree.commitInfo(work.targetRef)).sha;
  }
}
