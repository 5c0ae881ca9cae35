import * as core from './workflow-commands.js';
import { ApiError } from './api-errors.js';
import { describeError } from './errors.js';
import type { GitHubClient } from './github.js';
import { deletePullRequestBranch } from './github-fork.js';
import type { PullRequest } from './github-pulls.js';
import type { Inputs } from './inputs.js';
import { logText } from './log-text.js';
import {
  hasExtras,
  missingExtras,
  withoutReviewed,
  type DesiredPullRequest,
  type PublishPlan,
  type PullRequestExtras
} from './plan.js';

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
  context: {
    inputs: Inputs;
    target: string;
    branch: string;
    desired: DesiredPullRequest;
    existing: PullRequest | undefined;
  }
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
        github.pulls.comment(
          number,
          `Closed by outbox-publisher: the changes of this pull request are all on '${context.target}' already, so nothing is left to publish.`
        )
      );
      pullRequest = await github.pulls.update(number, { state: 'closed' });
      core.info(`Closed pull request #${number}: its changes are on the target already.`);
      if (plan.deleteBranch) {
        if (
          await bestEffort(
            'delete-branch',
            () => deletePullRequestBranch(github, branch, inputs.pushToFork),
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
      ({ pullRequest, created } = await github.pulls.create({
        branch,
        base: context.target,
        title: desired.title,
        body: desired.body,
        draft: inputs.draft,
        maintainerCanModify: inputs.maintainerCanModify,
        fork: inputs.pushToFork
      }));
      core.info(
        `${created ? 'Created' : 'Found, opened by another run,'} pull request #${pullRequest.number}: ${pullRequest.url}`
      );
      break;
    case 'update':
      pullRequest = await github.pulls.update(pullRequest!.number, {
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
  if (wanted.labels.length > 0) await write('labels', () => github.pulls.addLabels(number, wanted.labels));

  let extras = wanted;
  if (!created && extras.reviewers.length + extras.teamReviewers.length > 0) {
    // Asked for but not requested: maybe they reviewed already (GitHub then drops the request).
    let reviewedBy: string[] | undefined;
    await bestEffort('reviewers', async () => (reviewedBy = await github.pulls.listReviewers(number)));
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
          (await github.pulls.addAssignees(number, extras.assignees)).map((login) => login.toLowerCase())
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
    await write('milestone', () => github.pulls.setMilestone(number, extras.milestone!));
  if (extras.autoMerge !== undefined) {
    const method = extras.autoMerge as 'merge' | 'squash' | 'rebase';
    let refusal: string | undefined;
    if (
      await bestEffort(
        'auto-merge',
        async () => (refusal = await github.pulls.enableAutoMerge(pullRequest.nodeId, method)),
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
    await github.pulls.requestReviewers(number, reviewers, teamReviewers);
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
      await github.pulls.requestReviewers(number, one.login ? [one.login] : [], one.slug ? [one.slug] : []);
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
