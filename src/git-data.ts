/**
 * Signed commits for every file mode, through the REST Git Data API: blobs, a tree on `base_tree`,
 * a commit, a ref. Unlike GraphQL createCommitOnBranch (every file 100644), a tree entry keeps its
 * mode: 100644, 100755, 120000 (symlink: a blob holding the target) and 160000 (submodule: a
 * commit sha, nothing to upload). So a commit re-created this way has the very tree git has
 * locally, and the "same tree as the work tree" check after fetching still holds byte for byte.
 *
 * Pure: from `git diff-tree -r -z --raw --no-renames <parent> <commit>` changes (git.ts's
 * RawChange shape, restated here so that this module depends on nothing) to the request bodies.
 * GitHub signs the commit only when the request has no author and no committer (its "signature
 * verification for bots"), so `commitRequest` never sends them; the original author goes into a
 * Co-authored-by trailer, as for createCommitOnBranch.
 */

/** One changed path, as git.ts's rawChanges gives it. */
export interface RawChangeLike {
  oldMode: string;
  newMode: string;
  /** What the path held before (all zeros when added), when known. */
  oldBlob?: string;
  /** The new blob (or gitlink commit); all zeros for a deletion. */
  blob: string;
  /** A, M, D or T (renames are off). */
  status: string;
  path: string;
}

type TreeMode = '100644' | '100755' | '120000' | '160000';

/** An entry of `POST /repos/{o}/{r}/git/trees`'s `tree`; `sha: null` deletes the path. */
export interface TreeEntry {
  path: string;
  mode: TreeMode;
  type: 'blob' | 'commit';
  sha: string | null;
}

const MODES: readonly string[] = ['100644', '100755', '120000', '160000'];
/** Entries per createTree request: create-pull-request's chunk size, chained through `base_tree`. */
const TREE_CHUNK = 100;

/** Why a change cannot be written as a tree entry (a mode git no longer writes, such as 100664), or undefined. */
export function unwritableChange(change: RawChangeLike): string | undefined {
  const mode = change.status === 'D' ? change.oldMode : change.newMode;
  if (!MODES.includes(mode))
    return `'${change.path}' has the file mode ${mode}, which the Git Data API does not take`;
  if (!['A', 'M', 'D', 'T'].includes(change.status))
    return `'${change.path}' has the change status ${change.status}`;
  return undefined;
}

/**
 * The tree entries for one commit's changes, deletions first (so that a file replaced by a
 * folder of the same name is gone before the folder's entries arrive). Throws on a change
 * `unwritableChange` refuses; callers check with it first to say so in their own words.
 */
export function treeEntries(changes: readonly RawChangeLike[]): TreeEntry[] {
  const deletions: TreeEntry[] = [];
  const writes: TreeEntry[] = [];
  for (const change of changes) {
    const problem = unwritableChange(change);
    if (problem) throw new RangeError(problem);
    if (change.status === 'D') {
      const mode = change.oldMode as TreeMode;
      deletions.push({ path: change.path, mode, type: mode === '160000' ? 'commit' : 'blob', sha: null });
    } else {
      const mode = change.newMode as TreeMode;
      writes.push({ path: change.path, mode, type: mode === '160000' ? 'commit' : 'blob', sha: change.blob });
    }
  }
  return [...deletions, ...writes];
}

/** The blobs to upload (`POST /git/blobs`, base64) before the tree: each distinct one once; gitlinks need none. */
export function blobsToUpload(entries: readonly TreeEntry[]): string[] {
  return [...new Set(entries.filter((e) => e.type === 'blob' && e.sha !== null).map((e) => e.sha as string))];
}

/** `entries` in createTree requests of at most `size`, each to be sent with the previous answer's sha as `base_tree`. */
export function treeChunks(entries: readonly TreeEntry[], size: number = TREE_CHUNK): TreeEntry[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`treeChunks: size ${size}`);
  const chunks: TreeEntry[][] = [];
  for (let at = 0; at < entries.length; at += size) chunks.push(entries.slice(at, at + size));
  return chunks;
}

/**
 * The body of `POST /git/commits`: message, tree and the one parent, and deliberately no author
 * or committer, or GitHub does not sign it.
 */
export function commitRequest(
  message: string,
  tree: string,
  parent: string
): {
  message: string;
  tree: string;
  parents: string[];
} {
  return { message, tree, parents: [parent] };
}

/**
 * The body of `PATCH /git/refs/heads/{branch}`: never forced. GitHub then refuses with 422
 * "Update is not a fast forward" unless `sha` descends from the ref's tip, so a push that landed
 * since the caller read the tip fails instead of being overwritten.
 */
export function refUpdateRequest(sha: string): { sha: string; force: false } {
  return { sha, force: false };
}

/** GitHub's answer when a ref update was not a fast-forward: someone else moved the branch. */
export function isNotFastForward(status: number, message: string): boolean {
  return status === 422 && /not a fast[- ]forward/i.test(message);
}
