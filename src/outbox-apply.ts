import * as path from 'node:path';
import * as core from './workflow-commands.js';
import { ActionError } from './errors.js';
import { ConflictError, PUBLISHED_BY_TRAILER, type CommitDetails } from './git.js';
import { fetchBranches } from './git-remote.js';
import type { GitWorkTree } from './git-worktree.js';
import {
  addTrailer,
  applyMails,
  MailConflictError,
  pathsOfPatch,
  patchIds,
  patchIdsOfCommits,
  patchIdsOfDiffs,
  showPatch
} from './outbox-git.js';
import type { Identity } from './identity.js';
import { diffOf, historyStart, joinMails, mailDate } from './mbox.js';
import { BUNDLE, shown, tooManyChanges, type Outbox, type OutboxResult } from './outbox.js';

interface PendingMail {
  label: string;
  bytes: Buffer;
}

/**
 * Applies the outbox onto HEAD: each patch (or each mail of an mbox) becomes one commit with its
 * author, date and message; each bundle's new commits are replayed. A change whose patch id is
 * already on the target, or earlier in the outbox, is skipped, so a rerun never duplicates it.
 * The patch ids of all mails come from one `git patch-id`, and each run of patch files between
 * bundles is applied by one `git am`; one pass at the end adds our trailer to every new commit.
 */
export async function applyOutbox(
  tree: GitWorkTree,
  outbox: Outbox,
  options: {
    target: string;
    targetRef: string;
    targetTip: CommitDetails;
    committer: Identity;
    /** HEAD's commit, when the caller knows it. */
    head?: string;
  }
): Promise<OutboxResult> {
  const start = options.head ?? (await tree.commitInfo('HEAD')).sha;
  const mails = outbox.files.flatMap((file) =>
    file.mails.map((bytes, i) => ({
      label: file.mails.length > 1 ? `${shown(file.name)} (mail ${i + 1})` : shown(file.name),
      bytes
    }))
  );
  const [mailIds] = await Promise.all([
    patchIdsOfDiffs(
      tree,
      mails.map((mail) => diffOf(mail.bytes))
    ),
    fetchTargetHistorySince(
      tree,
      { name: options.target, committedAt: options.targetTip.committedAt },
      mails.map((mail) => mailDate(mail.bytes))
    )
  ]);
  const known = new Set(await patchIdsOfCommits(tree, options.targetRef));
  const result: OutboxResult = { applied: 0, skipped: 0 };
  let changes = outbox.mails;
  /** Whether the change is new: not on the target, not earlier in the outbox. */
  const isNew = (patchId: string | undefined, label: string) => {
    if (patchId && known.has(patchId)) {
      core.info(`Skipped ${label}: the same change is already on '${options.target}'.`);
      result.skipped++;
      return false;
    }
    if (patchId) known.add(patchId);
    return true;
  };

  let pending: PendingMail[] = [];
  const applyPending = async () => {
    if (pending.length === 0) return;
    const mbox = joinMails(pending.map((mail) => mail.bytes));
    // Every folder the series touches at once, before the series is applied.
    await tree.widenSparse(() => pathsOfPatch(tree, mbox));
    try {
      await applyMails(tree, mbox, options.committer, tree.signoff);
    } catch (error) {
      if (error instanceof MailConflictError) {
        const label = error.mail !== undefined ? pending[error.mail - 1]?.label : undefined;
        throw new ActionError(
          `Outbox file ${label ?? 'one of the outbox patches'} does not apply on '${options.target}': ${error.detail}`,
          'Nothing was pushed. Regenerate the patches against the current target.'
        );
      }
      throw error;
    }
    result.applied += pending.length;
    pending = [];
  };

  let next = 0;
  for (const file of outbox.files) {
    if (!BUNDLE.test(file.name)) {
      for (const end = next + file.mails.length; next < end; next++) {
        if (isNew(mailIds[next], mails[next].label)) pending.push(mails[next]);
      }
      continue;
    }
    await applyPending();
    const commits = await bundleCommits(tree, file.file, options);
    changes += commits.length;
    if (changes > outbox.limits.maxChanges) throw tooManyChanges(changes, outbox.limits);
    for (const sha of commits) {
      const label = `${shown(file.name)} (${sha.slice(0, 12)})`;
      const [patchId] = await patchIds(tree, await showPatch(tree, sha));
      if (!isNew(patchId, label)) continue;
      await tree.widenSparse(() => tree.pathsOfCommit(sha));
      try {
        await tree.replayCommit(sha, options.committer);
      } catch (error) {
        if (error instanceof ConflictError) {
          throw new ActionError(
            `Outbox file ${label} does not apply on '${options.target}': ${error.detail}`,
            'Nothing was pushed. Regenerate the patches against the current target.'
          );
        }
        throw error;
      }
      result.applied++;
    }
  }
  await applyPending();
  if (result.applied > 0) await addTrailer(tree, start, PUBLISHED_BY_TRAILER, tree.branch);
  core.info(
    `Outbox: applied ${result.applied} change(s), skipped ${result.skipped} already on '${options.target}'.`
  );
  return result;
}

/**
 * Fetches the target's history since `historyStart` (src/mbox.ts), which keeps the clone
 * shallow. The server selects the commits committed since then, walking down from the tip: a
 * tip committed before has none, and the fetch would fail having brought nothing, so it is not
 * made (the tip is already here, from the work tree's fetch).
 */
async function fetchTargetHistorySince(
  tree: GitWorkTree,
  target: { name: string; committedAt: number },
  dates: string[]
): Promise<void> {
  const since = historyStart(dates);
  if (since === undefined || target.committedAt < since) return;
  const fetched = await fetchBranches(tree, [target.name], { since: new Date(since * 1000).toISOString() });
  // One commit past the boundary, so the oldest fetched commit has a parent to diff against.
  if (fetched.exitCode === 0) await fetchBranches(tree, [target.name], { deepen: 1 });
}

/** The commits a bundle adds on top of what the work tree has, oldest first. */
async function bundleCommits(
  tree: GitWorkTree,
  file: string,
  options: { target: string; targetRef: string }
): Promise<string[]> {
  const name = shown(path.basename(file));
  let verified = await tree.git(['bundle', 'verify', '-q', file], { allowFailure: true });
  if (verified.exitCode !== 0 && (await tree.isShallow())) {
    await fetchBranches(tree, [options.target], { unshallow: true });
    verified = await tree.git(['bundle', 'verify', '-q', file], { allowFailure: true });
  }
  if (verified.exitCode !== 0) {
    throw new ActionError(
      `The outbox bundle ${name} cannot be used: ${verified.stderr.trim()}`,
      `Create it from a commit on '${options.target}', e.g. \`git bundle create out.bundle origin/${options.target}..HEAD\`.`
    );
  }
  const heads = (await tree.git(['bundle', 'list-heads', file])).stdout
    .split('\n')
    .map((line) => line.trim().split(' '))
    .filter((parts) => parts.length === 2) as Array<[string, string]>;
  const head = heads.length === 1 ? heads[0] : heads.find(([, ref]) => ref === 'HEAD');
  if (!head)
    throw new ActionError(
      `The outbox bundle ${name} has ${heads.length} heads and no HEAD; it must name one line of work.`
    );
  const ref = 'refs/outbox-publisher/bundle';
  await tree.git(['fetch', '-q', '--no-tags', '--no-write-fetch-head', file, `+${head[1]}:${ref}`]);
  const commits = await tree.commitsBetween('HEAD', ref);
  for (const sha of commits) {
    if (await tree.isMerge(sha))
      throw new ActionError(
        `The outbox bundle ${name} holds a merge commit (${sha.slice(0, 12)}); only linear history can be published.`
      );
  }
  return commits;
}
