import { readHeadChanges } from './change-facts.js';
import type { CommitInfo, FileChange } from './git.js';
import type { Inputs } from './inputs.js';
import type { LfsSupport, LfsUploads } from './lfs.js';
import type { Outbox } from './outbox.js';
import type { Sandbox } from './sandbox.js';
import { checkWorkflowPolicy } from './workflow-policy.js';
import type { PreparedWorkTree } from './worktree.js';

export interface Changes {
  /** HEAD of the work tree once every change is committed. */
  local: CommitInfo;
  /**
   * The LFS review of what the commits bring (src/lfs.ts): the objects the delivery uploads before
   * it pushes. Asked for only when the delivery will push (a dry run's included): a publish that
   * ends with nothing to push publishes no LFS file, and skips its process and its request.
   */
  lfsUploads: () => Promise<LfsUploads>;
  /** For the report: commits and the net file list; undefined when the tree did not change. */
  summary: Promise<{ commits: number; files: FileChange[] } | undefined>;
}

/**
 * The changes, committed on the work tree's branch: the outbox applied, then the `run` script
 * run and what it changed committed. Then the checks that come before anything is pushed (dry
 * runs included): workflow files only when the author allowed them, and (`lfsUploads`, when the
 * delivery pushes) LFS files with git-lfs, pointers, and their objects somewhere.
 */
export async function makeChanges(
  work: PreparedWorkTree,
  options: {
    inputs: Inputs;
    /** The target branch's name. */
    target: string;
    outbox: Outbox | undefined;
    sandbox: Sandbox;
    lfs: LfsSupport;
    remote: { url: string; token: string };
  }
): Promise<Changes> {
  const { inputs, outbox, sandbox, lfs } = options;
  const { committer, author, commitMessage } = inputs;
  if (outbox) {
    const { applyOutbox } = await import('./outbox-apply.js');
    await applyOutbox(work.git, outbox, {
      target: options.target,
      targetRef: work.targetRef,
      targetTip: work.target,
      committer,
      head: work.head
    });
  }
  // Without a script nothing but the outbox (committed as it was applied) changed the tree.
  if (inputs.run.trim() !== '') {
    await lfs.fetchContent(work.git);
    await sandbox.runScript(inputs.run, work.git.dir, lfs.contentEnv);
    await work.git.commitAll(commitMessage, author, committer, inputs.addPaths);
  }
  // HEAD, and what the commits bring, read once for the policy, the LFS review and the report.
  const { local, facts } = await readHeadChanges(work.git, work.target.sha);
  if (facts) checkWorkflowPolicy(facts.paths, inputs.allowWorkflowChanges);
  const lfsUploads = () => lfs.review(work.git, facts?.blobs ?? new Map(), options.remote);
  // Only the report needs these: without a change of tree there is nothing to list.
  const summary = Promise.resolve(
    facts && local.tree !== work.target.tree ? { commits: facts.commits, files: facts.files } : undefined
  );
  return { local, lfsUploads, summary };
}
