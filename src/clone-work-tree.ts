import * as path from 'node:path';
import type { Pathspec } from './add-paths.js';
import { ActionError } from './errors.js';
import { filterAttributes } from './git-attributes.js';
import type { ExistingClone } from './existing-clone.js';
import { PUBLISHED_BY_TRAILER } from './git.js';
import type { GitWorkTree } from './git-worktree.js';
import { identityEnv, type Identity } from './identity.js';
import { stageMatching } from './staging.js';

/**
 * The clone's uncommitted changes (untracked files too, ignored ones not) as one commit on its
 * HEAD, made in our repository: its work tree is read through our git folder and a fresh index
 * (GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE), so the clone's config, hooks and index are never
 * used. Returns the new commit, or HEAD when nothing changed. A changed file whose attributes
 * name a filter (`filter=lfs`...) is refused: its driver would come from the clone's config,
 * and storing the file unfiltered would publish something else than the clone holds.
 */
export async function commitWorkTree(
  ours: GitWorkTree,
  clone: ExistingClone,
  commit: { commitMessage: string; author: Identity; committer: Identity; addPaths: readonly Pathspec[] }
): Promise<string> {
  const gitDir = path.join(ours.dir, '.git');
  const env = {
    GIT_DIR: gitDir,
    GIT_WORK_TREE: clone.dir,
    GIT_INDEX_FILE: path.join(gitDir, 'index-taken-over')
  };
  const inClone = { cwd: clone.dir, env };
  await ours.git(['read-tree', clone.head], inClone);
  if (commit.addPaths.length > 0) await stageMatching(ours, commit.addPaths, inClone);
  else await ours.git(['add', '--all'], inClone);
  const changed = (
    await ours.git(['diff-index', '--cached', '--name-only', '-z', clone.head], inClone)
  ).stdout
    .split('\0')
    .filter((name) => name.length > 0);
  if (changed.length === 0) return clone.head;
  const filtered = [...(await filterAttributes(ours, changed, inClone))]
    .filter(([, filter]) => !['unspecified', 'unset'].includes(filter))
    .map(([file, filter]) => `${file} (filter=${filter})`);
  if (filtered.length > 0) {
    throw new ActionError(
      `The clone at '${clone.dir}' has uncommitted changes to files that go through a filter: ${filtered.slice(0, 10).join(', ')}${filtered.length > 10 ? ', ...' : ''}. ` +
        "The filter's program would come from the clone's own config, which this action does not run, and the files cannot be taken over without it.",
      'Commit those changes before this step (git runs the filter then), or let the `run` script make them.'
    );
  }
  const tree = (await ours.git(['write-tree'], inClone)).stdout.trim();
  // No sign-off here: this commit is replayed onto the target like the clone's own, which adds it.
  const withTrailers = (
    await ours.git(['interpret-trailers', '--trailer', PUBLISHED_BY_TRAILER], {
      input: cleanMessage(commit.commitMessage)
    })
  ).stdout;
  return (
    await ours.git(['commit-tree', tree, '-p', clone.head, '-F', '-'], {
      input: withTrailers,
      env: identityEnv(commit.author, commit.committer)
    })
  ).stdout.trim();
}

/** git commit's `whitespace` clean-up: no trailing spaces, no leading, trailing or repeated blank lines. */
function cleanMessage(message: string): string {
  const lines = message.split('\n').map((line) => line.replace(/\s+$/, ''));
  return (
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+|\n+$/g, '') + '\n'
  );
}
