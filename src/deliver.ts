import * as core from '@actions/core';
import { ActionError } from './errors.js';
import type { GitWorkTree } from './git.js';
import type { GitHubClient, PullRequest } from './github.js';
import type { DesiredPullRequest, PublishPlan } from './publish.js';

export interface Delivery {
  pushed: boolean;
  pullRequest: PullRequest | undefined;
}

/**
 * Carries out a publish plan: push the branch, then open or update the pull request.
 * In a dry run it only says what it would do.
 */
export async function deliver(
  plan: PublishPlan,
  context: {
    tree: GitWorkTree;
    github: GitHubClient;
    branch: string;
    target: string;
    desired: DesiredPullRequest;
    draft: boolean;
    existing: PullRequest | undefined;
    dryRun: boolean;
  }
): Promise<Delivery> {
  const { tree, github, branch, target, desired, existing } = context;
  if (context.dryRun) {
    core.info(`Dry run: would ${plan.push ? `push ${plan.headSha} to '${branch}'` : 'push nothing'}; pull request: ${plan.pullRequest}; operation: ${plan.operation}.`);
    return { pushed: false, pullRequest: existing };
  }
  if (plan.push) await publishBranch(tree, branch, plan.push.expectedTip);
  const pullRequest = plan.pullRequest === 'none' ? undefined : await openOrUpdatePullRequest(github, plan, { branch, target, desired, draft: context.draft, existing });
  return { pushed: plan.push !== undefined, pullRequest };
}

export async function publishBranch(tree: GitWorkTree, branch: string, expectedTip: string | undefined): Promise<void> {
  const result = await tree.pushBranch(branch, expectedTip);
  if (!result.pushed) {
    throw new ActionError(
      `The branch '${branch}' changed on GitHub while this run worked (push rejected: ${result.reason}). Nothing was overwritten.`,
      'Another run or person pushed to it meanwhile; run the workflow again to publish on top of the new state.'
    );
  }
  core.info(`Pushed '${branch}'.`);
}

export async function openOrUpdatePullRequest(
  github: GitHubClient,
  plan: PublishPlan,
  fields: { branch: string; target: string; desired: DesiredPullRequest; draft: boolean; existing: PullRequest | undefined }
): Promise<PullRequest> {
  const { desired } = fields;
  let pullRequest = fields.existing;
  if (plan.pullRequest === 'create') {
    pullRequest = await github.createPullRequest({ branch: fields.branch, base: fields.target, title: desired.title, body: desired.body, draft: fields.draft });
    core.info(`Created pull request #${pullRequest.number}: ${pullRequest.url}`);
  } else if (plan.pullRequest === 'update') {
    pullRequest = await github.updatePullRequest(pullRequest!.number, { title: desired.title, body: desired.body });
    core.info(`Updated pull request #${pullRequest.number}: ${pullRequest.url}`);
  }
  if (plan.labelsToAdd.length > 0) await github.addLabels(pullRequest!.number, plan.labelsToAdd);
  return pullRequest!;
}
