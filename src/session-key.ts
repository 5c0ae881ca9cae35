/**
 * What a session of a `sessions` step writes to: the key that two sessions may not share, and
 * that `shard` hashes (src/shards.ts), with its description for the error naming two entries.
 */
import { pullRequestBranch } from './branch-suffix.js';
import type { GetInput } from './input-values.js';
import { quotedName } from './log-text.js';

/**
 * What a session writes to: in push mode the target branch, else the pull request branch (its
 * `branch` input, or `outbox/<target-branch>` as the single publish defaults it). Repository names
 * are case-insensitive on GitHub, so the key is lowercased there. An empty target stands for the
 * repository's default branch, which only the API knows, so `main` and "default" do not collide
 * here even when they are the same branch.
 */
export function sessionKey(get: GetInput): string {
  const repo = get('repo').trim().toLowerCase();
  const target = get('target-branch').trim();
  if (get('mode').trim() === 'push') return `push\n${repo}\n${target}`;
  const branch = pullRequestBranch(get('branch').trim(), target);
  return `pull-request\n${repo}\n${branch}`;
}

export function describeKey(get: GetInput): string {
  const target = get('target-branch').trim();
  if (get('mode').trim() === 'push') {
    return target ? `by pushing to ${quotedName(target)}` : 'by pushing to the default branch';
  }
  const branch = get('branch').trim();
  if (branch) return `through the branch ${quotedName(branch)}`;
  return target
    ? `through the branch ${quotedName(pullRequestBranch(undefined, target))}`
    : 'through the default branch of outbox/';
}
