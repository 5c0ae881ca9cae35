import * as fs from 'node:fs/promises';
import * as core from '@actions/core';
import { ActionError, CommandError, InputError } from './errors.js';
import { ConflictError, GitWorkTree, type CommitDetails, type CommitInfo } from './git.js';
import type { Identity } from './inputs.js';
import type { Sandbox } from './sandbox.js';

export interface WorkTree {
  tree: GitWorkTree;
  /** The target branch's tip when the work started. */
  target: CommitInfo;
  targetRef: string;
  /** The PR branch's tip on the remote, when it exists. */
  remoteBranchTip: CommitDetails | undefined;
  /** The PR branch's commits that are not on the target, oldest first (parents before children). */
  remoteBranchCommits: CommitDetails[];
}

export interface WorkTreeOptions {
  dir: string;
  remoteUrl: string;
  repository: string;
  target: string;
  branch: string;
  commitMessage: string;
  author: Identity;
  committer: Identity;
  /** A new clone checks out only top-level files (and later the folders changes touch): for publishes without a `run` script. */
  sparse: boolean;
  /** Whether the PR branch's history is read (pull-request mode); without, only its tip. */
  branchHistory: boolean;
  /** Asks GitHub whether a commit is on the target: when fetching the branch's history failed, whether it had none of its own. */
  isOnTarget: (sha: string) => Promise<boolean>;
}

/**
 * The work tree that changes are made in, checked out on `branch` at the target's tip.
 * A missing or empty `dir` gets a shallow single-branch clone; a clone already there (left by
 * actions/checkout or earlier steps) is used as it is: its local commits and uncommitted
 * changes are carried over onto the current target tip.
 */
export async function prepareWorkTree(sandbox: Sandbox, options: WorkTreeOptions): Promise<WorkTree> {
  const { dir, target, branch } = options;
  const entries = await fs.readdir(dir).catch(() => [] as string[]);
  const existing = entries.length > 0;
  const tree = existing ? await GitWorkTree.open(sandbox, dir) : await GitWorkTree.init(sandbox, dir, options.remoteUrl, branch);
  if (existing) await checkOrigin(tree, options);

  const fetched = await tree.fetchTargetAndBranch(target, branch, { shallow: !existing || (await tree.isShallow()), fresh: !existing });
  if (!fetched.targetFound) {
    throw new InputError('target-branch', `branch '${target}' does not exist in ${options.repository}`, 'Give an existing branch, or leave the input empty for the default branch.');
  }
  const targetRef = `refs/remotes/origin/${target}`;
  const targetTip = await tree.commitInfo(targetRef);
  if (existing) {
    // Before the clone's own commits are carried over: that may deepen the target's history.
    const work = { tree, target: targetTip, targetRef, ...(await readRemoteBranch(tree, options, targetTip, targetRef)) };
    await carryOverOntoTarget(work, options);
    return work;
  }
  // A new clone's checkout does not touch what the branch's fetch writes: the two run at once.
  const checkout = (async () => {
    if (options.sparse) {
      core.info('No run script: the clone checks out only top-level files, and the folders that outbox changes touch as they are applied.');
      await tree.startSparse();
    }
    await tree.checkoutNewBranch(branch, targetRef);
  })();
  const [remote] = await Promise.all([readRemoteBranch(tree, options, targetTip, targetRef), checkout]);
  return { tree, target: targetTip, targetRef, ...remote };
}

/**
 * The PR branch on the remote: its tip and its commits that are not on the target. When it is
 * one commit on the target's tip — what this action leaves — the fetched tip is all there is.
 * Otherwise a shallow clone fetches the branch's own history, down to where it meets the target
 * whatever its length (one more fetch); a complete clone has it already.
 */
async function readRemoteBranch(
  tree: GitWorkTree,
  options: WorkTreeOptions,
  target: CommitInfo,
  targetRef: string
): Promise<{ remoteBranchTip: CommitDetails | undefined; remoteBranchCommits: CommitDetails[] }> {
  const branchRef = `refs/remotes/origin/${options.branch}`;
  const tip = await tree.readCommitIfAny(branchRef);
  if (!tip || tip.sha === target.sha || !options.branchHistory) return { remoteBranchTip: tip, remoteBranchCommits: [] };
  if (tip.parents.length === 1 && tip.parents[0] === target.sha) return { remoteBranchTip: tip, remoteBranchCommits: [tip] };
  if (!(await tree.isShallow())) return { remoteBranchTip: tip, remoteBranchCommits: await tree.commitsNotOn(targetRef, tip.sha) };
  const fetched = await tree.fetchHistoryUntil(options.branch, options.target);
  if (fetched.exitCode !== 0) {
    // A branch all on the target (an older commit of it) fails the same way as a broken server.
    if (await options.isOnTarget(tip.sha)) return { remoteBranchTip: tip, remoteBranchCommits: [] };
    throw new CommandError('git fetch origin', fetched.exitCode, fetched.stderr, 'Check that the repository exists and that the token in GITHUB_TOKEN may read it.');
  }
  // The branch may have moved since the first fetch: what was just fetched is what counts.
  const current = await tree.readCommit(branchRef);
  return { remoteBranchTip: current, remoteBranchCommits: await tree.commitsNotOn(targetRef, current.sha) };
}

function normalizeRemote(url: string): string {
  return url
    .replace(/^(https?:\/\/)[^@/]*@/, '$1')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .toLowerCase();
}

async function checkOrigin(tree: GitWorkTree, options: WorkTreeOptions): Promise<void> {
  const origin = await tree.originUrl();
  if (!origin || normalizeRemote(origin) !== normalizeRemote(options.remoteUrl)) {
    throw new InputError(
      'path',
      `'${options.dir}' is a clone of ${origin ? `'${origin.replace(/\/\/[^@/]*@/, '//')}'` : 'no origin'}, not of ${options.repository}`,
      "Point 'path' at a clone of the repository given in 'repo', or at a new or empty folder."
    );
  }
}

/** Finds where HEAD left the target, deepening a shallow clone until the two histories meet. */
async function findBase(tree: GitWorkTree, target: string, targetRef: string): Promise<string> {
  for (const history of [undefined, { depth: 50 }, { depth: 1000 }, { unshallow: true }] as const) {
    if (history) {
      if (!(await tree.isShallow())) break;
      await tree.fetchBranches([target], history);
    }
    const base = await tree.mergeBase('HEAD', targetRef);
    if (base) return base;
  }
  throw new ActionError(`The clone's HEAD shares no history with '${target}'.`, "Check out the target branch (or a branch made from it) in 'path' before this step.");
}

/**
 * Re-creates the clone's own commits, and a commit of its uncommitted changes, on top of the
 * target's tip, each with our trailer. If they do not apply, the clone is put back as it was.
 */
async function carryOverOntoTarget(work: WorkTree, options: WorkTreeOptions): Promise<void> {
  const { tree, targetRef } = work;
  const head = await tree.commitInfo('HEAD').catch(() => {
    throw new ActionError(`The clone at '${options.dir}' has no commit checked out.`);
  });
  const headBranch = await tree.currentBranch();
  await findBase(tree, options.target, targetRef);
  const savedChanges = await tree.commitAll(options.commitMessage, options.author, options.committer);
  const saved = (await tree.commitInfo('HEAD')).sha;
  const series = await tree.commitsBetween(targetRef, 'HEAD');
  for (const sha of series) {
    if (await tree.isMerge(sha)) {
      await restore(tree, headBranch, saved, head.sha);
      throw new ActionError(`The clone holds a merge commit (${sha.slice(0, 12)}) on top of '${options.target}'.`, 'Publish linear history: rebase the work onto the target before this step.');
    }
  }
  try {
    await tree.checkoutNewBranch(options.branch, targetRef);
    for (const sha of series) await tree.replayCommit(sha, options.committer);
  } catch (error) {
    await restore(tree, headBranch, saved, head.sha);
    if (error instanceof ConflictError) {
      throw new ActionError(
        `The clone's work does not apply on the current '${options.target}': ${error.message}`,
        'The clone was put back as it was. Update the work to the current target and run again.'
      );
    }
    throw error;
  }
  const carried = series.length - (savedChanges ? 1 : 0);
  core.info(`Carried ${carried} commit(s)${savedChanges ? ' and the uncommitted changes' : ''} from the existing clone onto '${options.target}' (${work.target.sha.slice(0, 12)}).`);
}

/** Puts the clone back: HEAD (and its branch) at the original commit, the changes uncommitted. */
async function restore(tree: GitWorkTree, branch: string | undefined, saved: string, original: string): Promise<void> {
  await tree.git(['checkout', '-q', '-f', ...(branch ? ['-B', branch] : ['--detach']), saved], { allowFailure: true });
  await tree.git(['reset', '-q', '--mixed', original], { allowFailure: true });
}
