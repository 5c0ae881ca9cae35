import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as core from './workflow-commands.js';
import { carryOverOntoTarget, checkOrigin } from './carry-over.js';
import { ActionError, CommandError, InputError } from './errors.js';
import type { CommitDetails, CommitInfo } from './git.js';
import { fetchHistoryUntil, fetchTargetAndBranch, FORK_REMOTE, ORIGIN, READ_FIX } from './git-remote.js';
import { GitWorkTree } from './git-worktree.js';
import type { Pathspec } from './add-paths.js';
import type { Identity } from './identity.js';
import type { Inputs } from './inputs.js';
import type { Sandbox } from './sandbox.js';
import { borrowObjects, readExistingClone } from './existing-clone.js';

export interface PreparedWorkTree {
  git: GitWorkTree;
  /** The target branch's tip when the work started. */
  target: CommitDetails;
  targetRef: string;
  /** The remote the PR branch is fetched from and pushed to: origin, or the fork (`push-to-fork`). */
  branchRemote: string;
  /** The PR branch's tip on the remote, when it exists. */
  remoteBranchTip: CommitDetails | undefined;
  /** The PR branch's commits that are not on the target, oldest first (parents before children). */
  remoteBranchCommits: CommitDetails[];
  /** HEAD's commit as the work tree was handed over, when known without asking git (a new clone's: the target's tip). */
  head?: string;
}

export interface WorkTreeOptions {
  /** Where our clone goes: a missing or empty folder. */
  dir: string;
  /** A clone found at `path`, whose commits and uncommitted changes are taken over (read as data). */
  existing?: string;
  remoteUrl: string;
  /** The fork the PR branch lives in (`push-to-fork`), else undefined: the branch is on origin. */
  forkUrl?: string;
  repository: string;
  target: string;
  branch: string;
  commitMessage: string;
  author: Identity;
  committer: Identity;
  /** `add-paths`: which of a clone's uncommitted changes are taken over (all when empty). */
  addPaths: readonly Pathspec[];
  /** `signoff`: every commit made in the work tree is signed off by the committer. */
  signoff: boolean;
  /** A new clone checks out only top-level files (and later the folders changes touch): for publishes without a `run` script. */
  sparse: boolean;
  /** Whether the PR branch's history is read (pull-request mode); without, only its tip. */
  branchHistory: boolean;
  /** Asks GitHub whether a commit is on the target: when fetching the branch's history failed, whether it had none of its own. */
  isOnTarget: (sha: string) => Promise<boolean>;
  /**
   * Settles once the sandbox's git config is complete (git-lfs's filter, src/lfs.ts), which the
   * clone's fetch does not need and its checkout does: the fetch starts without waiting for it.
   */
  configReady?: Promise<unknown>;
}

/**
 * Where the work tree goes and what it starts from, from the inputs. A clone already at `path`
 * is read as data and its work taken over into a clone of our own: an earlier step may have
 * written its .git (hooks, fsmonitor, filters, credential helpers).
 */
export async function workTreeOptions(
  inputs: Inputs,
  where: {
    runnerTemp: string;
    remoteUrl: string;
    forkUrl?: string;
    repository: string;
    target: string;
    branch: string;
  },
  isOnTarget: (sha: string) => Promise<boolean>
): Promise<WorkTreeOptions> {
  const existing =
    inputs.path !== undefined && (await fs.readdir(inputs.path).catch(() => [])).length > 0
      ? inputs.path
      : undefined;
  const dir =
    existing === undefined && inputs.path !== undefined
      ? inputs.path
      : path.join(await fs.mkdtemp(path.join(where.runnerTemp, 'outbox-publisher-clone-')), inputs.repo);
  const { author, committer, commitMessage } = inputs;
  return {
    dir,
    existing,
    remoteUrl: where.remoteUrl,
    forkUrl: where.forkUrl,
    repository: where.repository,
    target: where.target,
    branch: where.branch,
    commitMessage,
    author,
    committer,
    addPaths: inputs.addPaths,
    signoff: inputs.signoff,
    // Without a script to run, a clone of our own needs on disk only what the outbox changes.
    sparse: inputs.run.trim() === '' && inputs.path === undefined,
    branchHistory: inputs.mode === 'pull-request',
    isOnTarget
  };
}

/**
 * The work tree that changes are made in: always a clone of our own at `dir`, checked out on
 * `branch` at the target's tip. With `existing` (a clone left by actions/checkout or earlier
 * steps), that clone's local commits and uncommitted changes are carried over onto the current
 * target tip; the clone itself is only read, never changed, and no git process runs in it.
 */
export async function prepareWorkTree(sandbox: Sandbox, options: WorkTreeOptions): Promise<PreparedWorkTree> {
  const { dir, target, branch } = options;
  const tree = await GitWorkTree.init(sandbox, dir, options.remoteUrl, {
    initialBranch: branch,
    signoff: options.signoff
  });
  const branchRemote = options.forkUrl === undefined ? ORIGIN : FORK_REMOTE;
  if (options.forkUrl !== undefined) await tree.addRemote(FORK_REMOTE, options.forkUrl);
  const clone = options.existing === undefined ? undefined : await readExistingClone(tree, options.existing);
  if (clone) {
    checkOrigin(clone, options);
    await borrowObjects(tree, clone);
  }

  const fetched = await fetchTargetAndBranch(tree, target, branch, {
    shallow: !clone || clone.shallow.length > 0,
    fresh: true,
    branchRemote
  });
  await options.configReady;
  if (!fetched.targetFound) {
    throw new InputError(
      'target-branch',
      `branch '${target}' does not exist in ${options.repository}`,
      'Give an existing branch, or leave the input empty for the default branch.'
    );
  }
  const targetRef = `refs/remotes/origin/${target}`;
  // Both tips in one process; the branch's is undefined when it does not exist.
  const readTips = async () => {
    const [targetTip, branchTip] = await tree.readCommits([
      targetRef,
      `refs/remotes/${branchRemote}/${branch}`
    ]);
    if (!targetTip) throw new ActionError(`'${targetRef}' is not a commit in ${dir}.`);
    const remote = await readRemoteBranch(
      tree,
      { ...options, branchRemote },
      branchTip,
      targetTip,
      targetRef
    );
    return { git: tree, target: targetTip, targetRef, branchRemote, ...remote };
  };
  if (clone) {
    // Before the clone's own commits are carried over: that may deepen the target's history.
    const work = await readTips();
    await carryOverOntoTarget(work, clone, options);
    return work;
  }
  // A new clone's checkout needs nothing read from the tips and does not touch what the branch's
  // fetch writes: it starts on the critical path at once, and the tips are read beside it.
  const checkout = (async () => {
    if (options.sparse) {
      core.info(
        'No run script: the clone checks out only top-level files, and the folders that outbox changes touch as they are applied.'
      );
      await tree.startSparse();
    }
    await tree.checkoutNewBranch(branch, targetRef);
  })();
  // Both settle before either's failure is thrown: no git of ours runs on after this returns.
  const [work, checkedOut] = await Promise.allSettled([readTips(), checkout]);
  if (work.status === 'rejected') throw work.reason;
  if (checkedOut.status === 'rejected') throw checkedOut.reason;
  return { ...work.value, head: work.value.target.sha };
}

/**
 * The PR branch on the remote: its tip and its commits that are not on the target. When it is
 * one commit on the target's tip — what this action leaves — the fetched tip is all there is.
 * Otherwise a shallow clone fetches the branch's own history, down to where it meets the target
 * whatever its length (one more fetch); a complete clone has it already.
 */
async function readRemoteBranch(
  tree: GitWorkTree,
  options: WorkTreeOptions & { branchRemote: string },
  /** The branch's tip as the first fetch brought it. */
  tip: CommitDetails | undefined,
  target: CommitInfo,
  targetRef: string
): Promise<{ remoteBranchTip: CommitDetails | undefined; remoteBranchCommits: CommitDetails[] }> {
  const branchRef = `refs/remotes/${options.branchRemote}/${options.branch}`;
  if (!tip || tip.sha === target.sha || !options.branchHistory)
    return { remoteBranchTip: tip, remoteBranchCommits: [] };
  if (tip.parents.length === 1 && tip.parents[0] === target.sha)
    return { remoteBranchTip: tip, remoteBranchCommits: [tip] };
  if (!(await tree.isShallow()))
    return { remoteBranchTip: tip, remoteBranchCommits: await tree.commitsNotOn(targetRef, tip.sha) };
  const fetched = await fetchHistoryUntil(tree, options.branch, options.target, options.branchRemote);
  if (fetched.exitCode !== 0) {
    // A branch all on the target (an older commit of it) fails the same way as a broken server.
    if (await options.isOnTarget(tip.sha)) return { remoteBranchTip: tip, remoteBranchCommits: [] };
    throw new CommandError('git fetch origin', fetched.exitCode, fetched.stderr, READ_FIX);
  }
  // The branch may have moved since the first fetch: what was just fetched is what counts.
  const current = await tree.readCommit(branchRef);
  return { remoteBranchTip: current, remoteBranchCommits: await tree.commitsNotOn(targetRef, current.sha) };
}
