import * as crypto from 'node:crypto';
import * as core from '@actions/core';
import { ActionError } from './errors.js';
import { logText } from './log-text.js';
import type { RawChange } from './git.js';
import { fetchBranches } from './git-remote.js';
import type { GitHubClient } from './github.js';
import type { PreparedWorkTree } from './worktree.js';

/**
 * `sign-commits`: the commits are re-created through GraphQL createCommitOnBranch, which GitHub
 * signs ("Verified"), instead of pushed. The API takes whole file contents for regular files
 * only, so anything it cannot express fails here rather than being published differently.
 */

/** The action's own cap on the base64 file contents sent in one request, below GitHub's request limits. */
const MAX_SIGNED_COMMIT_BYTES = 40 * 1024 * 1024;

/** Why a commit's changes cannot go through createCommitOnBranch, or undefined when they can. */
export function unsignableChange(changes: RawChange[]): string | undefined {
  for (const change of changes) {
    const where = `'${change.path}'`;
    if (change.status === 'D') {
      if (change.oldMode === '160000') return `${where} removes a submodule`;
      continue;
    }
    if (change.status === 'T') return `${where} changes its type (file, symlink or submodule)`;
    if (change.newMode === '120000') return `${where} is a symbolic link`;
    if (change.newMode === '160000') return `${where} is a submodule`;
    if (change.newMode === '100755') return `${where} is executable (the API creates every file as 100644)`;
    if (change.status === 'M' && change.oldMode !== change.newMode) return `${where} changes its file mode`;
  }
  return undefined;
}

/**
 * The message sent for a signed commit: its own, plus a co-author line for the original author.
 * With `signoff` (the committer's `Signed-off-by` line, which the commit made here carries
 * already), the sign-off is moved to close the trailers, after the co-author line, where
 * `git commit --signoff` would put it on this message.
 */
export function signedMessage(
  message: string,
  author: { name: string; email: string },
  signoff?: string
): { headline: string; body: string } {
  const [headline = '', ...rest] = message.split('\n');
  const coAuthor = `Co-authored-by: ${author.name} <${author.email}>`;
  let body = rest.join('\n').replace(/^\n+/, '');
  if (!body.includes(coAuthor)) body = `${body ? `${body}\n` : ''}${coAuthor}`;
  if (signoff) {
    const blank = body.lastIndexOf('\n\n');
    const blockStart = blank < 0 ? 0 : blank + 2;
    const trailers = body
      .slice(blockStart)
      .split('\n')
      .filter((line) => line !== signoff);
    body = body.slice(0, blockStart) + [...trailers, signoff].join('\n');
  }
  return { headline, body };
}

export interface SignedChain {
  /** Tip of the signed commits, fetched into the work tree. */
  tip: string;
  /** Deletes the temporary branch the chain was built on. */
  cleanUp: () => Promise<void>;
}

/** Checks every commit between `base` and HEAD before anything is sent. */
export async function checkSignable(work: PreparedWorkTree, base: string): Promise<string[]> {
  const commits = await work.git.commitsBetween(base, 'HEAD');
  for (const sha of commits) {
    const problem = unsignableChange(await work.git.rawChanges(sha));
    if (problem) {
      throw new ActionError(
        `Commit ${sha.slice(0, 12)} cannot be published as a signed commit: ${problem}, which GitHub's createCommitOnBranch cannot express.`,
        "Nothing was published. Set 'sign-commits: false' for this change, or leave such files out of it."
      );
    }
  }
  return commits;
}

/**
 * Re-creates the commits `base..HEAD` as signed commits on a temporary branch started at `base`,
 * fetches the result and checks that its tree is exactly the work tree's. The caller then pushes
 * that tip where it belongs (leased, or fast-forward) and cleans up.
 */
export async function buildSignedChain(
  work: PreparedWorkTree,
  github: GitHubClient,
  base: string,
  /** The committer's `Signed-off-by` line when the `signoff` input is set. */
  signoff: string | undefined
): Promise<SignedChain> {
  const commits = await checkSignable(work, base);
  const expectedTree = (await work.git.commitInfo('HEAD')).tree;
  const temp = `outbox-publisher/signing-${process.env.GITHUB_RUN_ID ?? 'local'}-${crypto.randomBytes(4).toString('hex')}`;
  await github.createBranch(temp, base);
  const cleanUp = () =>
    github
      .deleteBranch(temp)
      .catch((error: Error) =>
        core.warning(`Could not delete the temporary branch '${temp}': ${logText(error.message)}`)
      );
  try {
    let head = base;
    for (const sha of commits) {
      const changes = await work.git.rawChanges(sha);
      const additions: Array<{ path: string; contents: string }> = [];
      let bytes = 0;
      for (const change of changes.filter((c) => c.status !== 'D')) {
        const contents = (await work.git.blob(change.blob)).toString('base64');
        bytes += contents.length;
        additions.push({ path: change.path, contents });
      }
      if (bytes > MAX_SIGNED_COMMIT_BYTES) {
        throw new ActionError(
          `Commit ${sha.slice(0, 12)} carries ${Math.round(bytes / 1048576)} MiB of file contents, more than one signed-commit request may hold (${MAX_SIGNED_COMMIT_BYTES / 1048576} MiB).`,
          "Nothing was published. Split the change into smaller commits, or set 'sign-commits: false'."
        );
      }
      const deletions = changes.filter((c) => c.status === 'D').map((c) => ({ path: c.path }));
      const message = signedMessage(await work.git.message(sha), await work.git.authorOf(sha), signoff);
      head = await github.createSignedCommit({
        branch: temp,
        expectedHeadOid: head,
        ...message,
        additions,
        deletions
      });
    }
    await fetchBranches(work.git, [temp], { depth: commits.length + 1 });
    const signed = await work.git.commitInfo(`refs/remotes/origin/${temp}`);
    if (signed.tree !== expectedTree) {
      throw new ActionError(
        'The signed commits GitHub created do not hold the same files as the work tree; nothing was published.',
        "Set 'sign-commits: false' and report this."
      );
    }
    core.info(`Created ${commits.length} signed commit(s) through the API.`);
    return { tip: signed.sha, cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
