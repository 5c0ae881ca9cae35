/**
 * `sign-commits`: which API re-creates the commits, what neither can, and the signed message.
 * Pure: from each commit's raw changes (git.ts's shape) and the sizes of the blobs they write.
 *
 * Both APIs get the commit signed by GitHub, but not for the same tokens: GraphQL
 * createCommitOnBranch signs for any token (a personal access token too), while the REST Git Data
 * API signs only what a bot (GITHUB_TOKEN, an App installation) creates without author and
 * committer. GraphQL also takes one request per commit, where REST takes one per new blob, one per
 * 100 tree entries and one for the commit. So GraphQL is used whenever it can express every
 * commit, and REST (which keeps modes: executables, symlinks, submodules) only when it cannot.
 */
import { unwritableChange, type RawChangeLike } from './git-data.js';
import { quoteName } from './log-text.js';

/** GitHub's limit on one blob created through the API (create-pull-request documents 40 MiB). */
export const MAX_SIGNED_FILE_BYTES = 40 * 1024 * 1024;
/** The action's own cap on the base64 file contents sent in one createCommitOnBranch request. */
const MAX_GRAPHQL_COMMIT_BYTES = 40 * 1024 * 1024;

export interface CommitChanges {
  sha: string;
  changes: RawChangeLike[];
}

export type SigningPlan =
  | { api: 'graphql' }
  /** `why`: the first change GraphQL cannot express, for the log. */
  | { api: 'rest'; why: string }
  /** Nothing can publish it signed: the step fails before anything is sent. */
  | { refused: string; commit: string };

const MiB = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

/** Why createCommitOnBranch cannot express a change (it writes every file as 100644), or undefined. */
export function graphqlCannot(change: RawChangeLike): string | undefined {
  const where = quoteName(change.path);
  if (change.status === 'D') return change.oldMode === '160000' ? `${where} removes a submodule` : undefined;
  if (change.status === 'T') return `${where} changes its type (file, symlink or submodule)`;
  if (change.newMode === '120000') return `${where} is a symbolic link`;
  if (change.newMode === '160000') return `${where} is a submodule`;
  if (change.newMode === '100755') return `${where} is executable`;
  if (change.status === 'M' && change.oldMode !== change.newMode) return `${where} changes its file mode`;
  return undefined;
}

/** The API for these commits, or why none can sign them. `sizes`: bytes of each written blob. */
export function planSigning(
  commits: readonly CommitChanges[],
  sizes: ReadonlyMap<string, number>
): SigningPlan {
  let why: string | undefined;
  for (const { sha, changes } of commits) {
    let graphqlBytes = 0;
    for (const change of changes) {
      const unwritable = unwritableChange(change);
      if (unwritable) return { refused: `${unwritable}, which no GitHub API writes`, commit: sha };
      if (change.status === 'D' || change.newMode === '160000') continue;
      const size = sizes.get(change.blob) ?? 0;
      if (size > MAX_SIGNED_FILE_BYTES)
        return {
          refused: `${quoteName(change.path)} is ${MiB(size)} (${size} bytes), more than the ${MAX_SIGNED_FILE_BYTES / 1048576} MiB GitHub's API takes for one file`,
          commit: sha
        };
      graphqlBytes += Math.ceil(size / 3) * 4;
    }
    why ??= changes.map(graphqlCannot).find((reason) => reason !== undefined);
    if (why === undefined && graphqlBytes > MAX_GRAPHQL_COMMIT_BYTES)
      why = `commit ${sha.slice(0, 12)} carries ${MiB(graphqlBytes)} of base64 file contents, more than one createCommitOnBranch request may hold`;
  }
  return why === undefined ? { api: 'graphql' } : { api: 'rest', why };
}

/**
 * The message of a signed commit: its own, and a Co-authored-by trailer for its original author,
 * as the API makes the token's account (or GitHub) the author. The one place this message is
 * built: a trailer every signed commit needs (a sign-off) goes here too.
 */
export function signedCommitMessage(
  message: string,
  author: { name: string; email: string },
  /** The committer's `Signed-off-by` line when the `signoff` input is set. */
  signoff?: string
): string {
  const [headline = '', ...rest] = message.split('\n');
  const coAuthor = `Co-authored-by: ${author.name} <${author.email}>`;
  const body = rest.join('\n').replace(/^\n+/, '').replace(/\n+$/, '');
  let withCoAuthor = body.includes(coAuthor) ? body : `${body ? `${body}\n` : ''}${coAuthor}`;
  if (signoff) {
    // The commit made here carries the sign-off already; it moves to close the trailers, after
    // the co-author line, where `git commit --signoff` would put it on this message.
    const blank = withCoAuthor.lastIndexOf('\n\n');
    const blockStart = blank < 0 ? 0 : blank + 2;
    const trailers = withCoAuthor
      .slice(blockStart)
      .split('\n')
      .filter((line) => line !== signoff);
    withCoAuthor = withCoAuthor.slice(0, blockStart) + [...trailers, signoff].join('\n');
  }
  return `${headline}\n\n${withCoAuthor}`;
}

/** A message as createCommitOnBranch takes it: the first line, and the rest after the blank line. */
export function headlineAndBody(message: string): { headline: string; body: string } {
  const [headline = '', ...rest] = message.split('\n');
  return { headline, body: rest.join('\n').replace(/^\n+/, '') };
}
