import * as core from './workflow-commands.js';
import type { Pathspec } from './add-paths.js';
import { ActionError, InputError } from './errors.js';
import { commitWorkTree } from './clone-work-tree.js';
import type { ExistingClone } from './existing-clone.js';
import { ConflictError, type CommitInfo } from './git.js';
import { fetchBranches } from './git-remote.js';
import type { GitWorkTree } from './git-worktree.js';
import type { Identity } from './identity.js';
import { quoteName } from './log-text.js';

/**
 * A clone found at `path` (src/existing-clone.ts), its work carried over into the action's own
 * clone: its origin checked, its commits and uncommitted changes replayed onto the target's tip.
 */

function normalizeRemote(url: string): string {
  return url
    .replace(/^(https?:\/\/)[^@/]*@/, '$1')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .toLowerCase();
}

export function checkOrigin(clone: ExistingClone, options: { remoteUrl: string; repository: string }): void {
  const origin = clone.originUrl;
  if (!origin || normalizeRemote(origin) !== normalizeRemote(options.remoteUrl)) {
    throw new InputError(
      'path',
      `'${clone.dir}' is a clone of ${origin ? `'${origin.replace(/\/\/[^@/]*@/, '//')}'` : 'no origin'}, not of ${options.repository}`,
      "Point 'path' at a clone of the repository given in 'repo', or at a new or empty folder."
    );
  }
}

/** Finds where `head` left the target, deepening a shallow clone until the two histories meet. */
async function findBase(tree: GitWorkTree, head: string, target: string, targetRef: string): Promise<string> {
  for (const history of [undefined, { depth: 50 }, { depth: 1000 }, { unshallow: true }] as const) {
    if (history) {
      if (!(await tree.isShallow())) break;
      await fetchBranches(tree, [target], history);
    }
    const base = await tree.mergeBase(head, targetRef);
    if (base) return base;
  }
  throw new ActionError(
    `The clone's HEAD shares no history with '${target}'.`,
    "Check out the target branch (or a branch made from it) in 'path' before this step."
  );
}

/**
 * Re-creates the clone's own commits, and a commit of its uncommitted changes, on top of the
 * target's tip in our clone, each with our trailer. The found clone is left as it was.
 */
export async function carryOverOntoTarget(
  work: { git: GitWorkTree; target: CommitInfo; targetRef: string },
  clone: ExistingClone,
  options: {
    target: string;
    branch: string;
    commitMessage: string;
    author: Identity;
    committer: Identity;
    addPaths: readonly Pathspec[];
  }
): Promise<void> {
  const { git: tree, targetRef } = work;
  await findBase(tree, clone.head, options.target, targetRef);
  const saved = await commitWorkTree(tree, clone, options);
  const savedChanges = saved !== clone.head;
  const series = await tree.commitsBetween(targetRef, saved);
  for (const sha of series) {
    if (await tree.isMerge(sha)) {
      throw new ActionError(
        `The clone holds a merge commit (${sha.slice(0, 12)}) on top of '${options.target}'.`,
        'Publish linear history: rebase the work onto the target before this step.'
      );
    }
  }
  await tree.checkoutNewBranch(options.branch, targetRef);
  try {
    for (const sha of series) await tree.replayCommit(sha, options.committer);
  } catch (error) {
    if (error instanceof ConflictError) {
      throw new ActionError(
        `The clone's work does not apply on the current '${options.target}': ${error.message}`,
        'The clone was left as it was. Update the work to the current target and run again.'
      );
    }
    throw error;
  }
  const carried = series.length - (savedChanges ? 1 : 0);
  core.info(
    `Carried ${carried} commit(s)${savedChanges ? ' and the uncommitted changes' : ''} from the clone at ${quoteName(clone.dir)} onto ${quoteName(options.target)} (${work.target.sha.slice(0, 12)}) in the action's own clone at ${quoteName(tree.dir)}.`
  );
}
