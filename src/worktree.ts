import * as core from '@actions/core';
import { ActionError, InputError } from './errors.js';
import { ConflictError, GitWorkTree, type CommitInfo } from './git.js';
import type { Identity } from './inputs.js';
import type { Sandbox } from './sandbox.js';
import { borrowObjects, commitWorkTree, readExistingClone, type ExistingClone } from './existing-clone.js';

export interface WorkTree {
  tree: GitWorkTree;
  /** The target branch's tip when the work started. */
  target: CommitInfo;
  targetRef: string;
  /** The PR branch's tip on the remote, when it exists. */
  remoteBranchTip: (CommitInfo & { message: string; author: string }) | undefined;
}

export interface WorkTreeOptions {
  /** Where our clone goes: a missing or empty folder. */
  dir: string;
  /** A clone found at `path`, whose commits and uncommitted changes are taken over (read as data). */
  existing?: string;
  remoteUrl: string;
  repository: string;
  target: string;
  branch: string;
  commitMessage: string;
  author: Identity;
  committer: Identity;
  /** A new clone checks out only top-level files (and later the folders changes touch): for publishes without a `run` script. */
  sparse: boolean;
}

/**
 * The work tree that changes are made in: always a clone of our own at `dir`, checked out on
 * `branch` at the target's tip. With `existing` (a clone left by actions/checkout or earlier
 * steps), that clone's local commits and uncommitted changes are carried over onto the current
 * target tip; the clone itself is only read, never changed, and no git process runs in it.
 */
export async function prepareWorkTree(sandbox: Sandbox, options: WorkTreeOptions): Promise<WorkTree> {
  const { dir, target, branch } = options;
  const tree = await GitWorkTree.init(sandbox, dir, options.remoteUrl, branch);
  const clone = options.existing === undefined ? undefined : await readExistingClone(tree, options.existing);
  if (clone) {
    checkOrigin(clone, options);
    await borrowObjects(tree, clone);
  }

  const fetched = await tree.fetchTargetAndBranch(target, branch, { shallow: !clone || clone.shallow.length > 0, fresh: true });
  if (!fetched.targetFound) {
    throw new InputError('target-branch', `branch '${target}' does not exist in ${options.repository}`, 'Give an existing branch, or leave the input empty for the default branch.');
  }
  const targetRef = `refs/remotes/origin/${target}`;
  const [targetTip, remoteBranchTip] = await Promise.all([tree.commitInfo(targetRef), tree.readCommitIfAny(`refs/remotes/origin/${branch}`)]);
  const work = { tree, target: targetTip, targetRef, remoteBranchTip };
  if (clone) await carryOverOntoTarget(work, clone, options);
  else {
    if (options.sparse) {
      core.info('No run script: the clone checks out only top-level files, and the folders that outbox changes touch as they are applied.');
      await tree.startSparse();
    }
    await tree.checkoutNewBranch(branch, targetRef);
  }
  return work;
}

/** The PR branch is one commit on the current target tip, as this action leaves it. */
export function isOneCommitOnTarget(work: WorkTree): boolean {
  const tip = work.remoteBranchTip;
  return tip !== undefined && tip.parents.length === 1 && tip.parents[0] === work.target.sha;
}

function normalizeRemote(url: string): string {
  return url
    .replace(/^(https?:\/\/)[^@/]*@/, '$1')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .toLowerCase();
}

function checkOrigin(clone: ExistingClone, options: WorkTreeOptions): void {
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
      await tree.fetchBranches([target], history);
    }
    const base = await tree.mergeBase(head, targetRef);
    if (base) return base;
  }
  throw new ActionError(`The clone's HEAD shares no history with '${target}'.`, "Check out the target branch (or a branch made from it) in 'path' before this step.");
}

/**
 * Re-creates the clone's own commits, and a commit of its uncommitted changes, on top of the
 * target's tip in our clone, each with our trailer. The found clone is left as it was.
 */
async function carryOverOntoTarget(work: WorkTree, clone: ExistingClone, options: WorkTreeOptions): Promise<void> {
  const { tree, targetRef } = work;
  await findBase(tree, clone.head, options.target, targetRef);
  const identity = { GIT_AUTHOR_NAME: options.author.name, GIT_AUTHOR_EMAIL: options.author.email, GIT_COMMITTER_NAME: options.committer.name, GIT_COMMITTER_EMAIL: options.committer.email };
  const saved = await commitWorkTree(tree, clone, options.commitMessage, identity);
  const savedChanges = saved !== clone.head;
  const series = await tree.commitsBetween(targetRef, saved);
  for (const sha of series) {
    if (await tree.isMerge(sha)) {
      throw new ActionError(`The clone holds a merge commit (${sha.slice(0, 12)}) on top of '${options.target}'.`, 'Publish linear history: rebase the work onto the target before this step.');
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
    `Carried ${carried} commit(s)${savedChanges ? ' and the uncommitted changes' : ''} from the clone at '${clone.dir}' onto '${options.target}' (${work.target.sha.slice(0, 12)}) in the action's own clone at '${tree.dir}'.`
  );
}
