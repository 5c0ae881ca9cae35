import * as core from './workflow-commands.js';
import { ActionError } from './errors.js';
import { blobsToUpload, commitRequest, treeChunks, treeEntries } from './git-data.js';
import type { GitHubClient } from './github.js';
import type { CreatedCommit } from './github-git-data.js';
import { quoteName } from './log-text.js';
import { runPool } from './pool.js';
import { signedCommitMessage, type CommitChanges } from './signing-plan.js';
import type { PreparedWorkTree } from './worktree.js';

/** Blob uploads at once: a few, as GitHub limits concurrent and content-creating requests. */
const BLOB_UPLOADS_AT_ONCE = 4;
const ZERO_OID = '0'.repeat(40);

/**
 * Re-creates `commits` on `base` through the REST Git Data API, which keeps every file mode:
 * for each commit, its new blobs (those GitHub has are not sent again), its tree on the parent's
 * (100 entries a request, chained through `base_tree`), then the commit, without author and
 * committer so that GitHub signs it when the token is a bot's. Nothing points at the commits
 * until the caller creates its temporary branch on the returned tip.
 */
export async function createRestCommits(
  work: PreparedWorkTree,
  github: GitHubClient,
  base: string,
  commits: readonly CommitChanges[],
  /** The committer's `Signed-off-by` line when the `signoff` input is set. */
  signoff: string | undefined
): Promise<{ tip: string; created: CreatedCommit[] }> {
  // GitHub has every blob of the trees our parents have: the old side of each change is in one.
  const onGitHub = new Set<string>();
  for (const { changes } of commits)
    for (const change of changes)
      if (change.oldBlob && change.oldMode !== '160000' && change.oldBlob !== ZERO_OID)
        onGitHub.add(change.oldBlob);
  let parent = base;
  let tree = (await work.git.commitInfo(base)).tree;
  const created: CreatedCommit[] = [];
  let uploaded = 0;
  for (const { sha, changes } of commits) {
    const entries = treeEntries(changes);
    const uploads = blobsToUpload(entries).filter((blob) => !onGitHub.has(blob));
    const pathOf = (blob: string) => entries.find((entry) => entry.sha === blob)?.path ?? blob;
    const results = await runPool(uploads, BLOB_UPLOADS_AT_ONCE, async (blob) => {
      const content = (await work.git.blob(blob)).toString('base64');
      const got = await github.gitData.createBlob(content, pathOf(blob));
      if (got !== blob)
        throw new ActionError(
          `GitHub stored ${quoteName(pathOf(blob))} as blob ${got}, not ${blob}; nothing was published.`,
          "Set 'sign-commits: false' and report this."
        );
      onGitHub.add(blob);
      uploaded++;
    });
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    for (const chunk of treeChunks(entries)) tree = await github.gitData.createTree(tree, chunk);
    const message = signedCommitMessage(await work.git.message(sha), await work.git.authorOf(sha), signoff);
    const commit = await github.gitData.createCommit(commitRequest(message, tree, parent));
    created.push(commit);
    parent = commit.sha;
  }
  core.info(
    `Created ${commits.length} commit(s) through the REST Git Data API (${uploaded} blob(s) uploaded).`
  );
  return { tip: parent, created };
}
