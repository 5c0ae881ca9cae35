import * as core from './workflow-commands.js';
import { ActionError } from './errors.js';
import { ORIGIN, push, remoteBranchTips } from './git-remote.js';
import { logText } from './log-text.js';
import { classifyRejection, explainRefusal, type PushRejection } from './push-rejection.js';
import type { PreparedWorkTree } from './worktree.js';

/**
 * Pushes the branch leased on the tip we saw. When the lease fails because another run (or a
 * person) pushed meanwhile, this run is superseded. Nothing is overwritten, and that is not an
 * error: the newer push stands, and the next run starts from it. A push GitHub refuses for any
 * other reason fails the step with GitHub's message. Returns whether this run pushed.
 */
export async function publishBranch(
  work: PreparedWorkTree,
  branch: string,
  expectedTip: string | undefined
): Promise<boolean> {
  const result = await push(work.git, branch, { expectedTip }, work.branchRemote);
  if (result.pushed) {
    core.info(`Pushed '${branch}'${work.branchRemote === ORIGIN ? '' : ' to the fork'}.`);
    return true;
  }
  if (!(await refMoved(work, branch, result.rejection, expectedTip, work.branchRemote)))
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
export async function refMoved(
  work: PreparedWorkTree,
  branch: string,
  rejection: PushRejection,
  expectedTip: string | undefined,
  remote = ORIGIN
): Promise<boolean> {
  const kind = classifyRejection(rejection);
  if (kind !== 'maybe-moved') return kind === 'moved';
  return (await remoteBranchTips(work.git, [branch], remote)).get(branch) !== expectedTip;
}

export function refusalError(
  rejection: PushRejection,
  where: { branch: string; mode: 'push' | 'pull-request' }
): ActionError {
  const { problem, fix } = explainRefusal(rejection, where);
  return new ActionError(problem, fix);
}
