import * as core from '@actions/core';
import { ActionError, CommandError } from './errors.js';
import type { Git } from './git.js';
import { readRejection, type PushRejection } from './push-rejection.js';
import type { ExecResult, RunOptions } from './sandbox.js';

const NETWORK_ATTEMPTS = 3;
/** What git prints when the connection, not the request, failed. */
const TRANSIENT =
  /connection reset|connection refused|hung up unexpectedly|unexpected disconnect|early EOF|RPC failed|returned error: 5\d\d|Empty reply from server|SSL_read|Failed to connect|timed out|HTTP\/2 stream/i;

/** A rejected push says what git and the server said; src/push-rejection.ts reads it. */
export type PushResult = { pushed: true } | { pushed: false; rejection: PushRejection };

export const READ_FIX = 'Check that the repository exists and that the token in GITHUB_TOKEN may read it.';

/**
 * Runs `attempt` until it is done: it returns a result, or undefined when the connection broke
 * on the way (reset, hung up, 5xx) and `attempt` may be tried again. The one retry loop of every
 * git command that talks to the server; `lost` says what is logged before the next try.
 */
async function retryLostConnections<T>(
  attempt: (n: number, last: boolean) => Promise<T | undefined>,
  lost: (n: number) => string
): Promise<T> {
  for (let n = 1; ; n++) {
    const result = await attempt(n, n >= NETWORK_ATTEMPTS);
    if (result !== undefined) return result;
    core.info(lost(n));
    await new Promise((resolve) => setTimeout(resolve, 500 * n));
  }
}

/**
 * A git command that talks to the server, tried again when the connection failed on the way
 * (reset, hung up, 5xx); any other failure is final at once.
 */
function network(repo: Git, args: string[], options: RunOptions = {}): Promise<ExecResult> {
  return retryLostConnections(
    async (_n, last) => {
      const result = await repo.git(args, { ...options, allowFailure: true, authenticated: true });
      if (result.exitCode === 0 || last || !TRANSIENT.test(result.stderr)) {
        if (result.exitCode !== 0 && !options.allowFailure) {
          throw new CommandError(
            ['git', ...args].join(' '),
            result.exitCode,
            result.stderr || result.stdout,
            options.fix
          );
        }
        return result;
      }
      return undefined;
    },
    (n) => `git ${args[0]} lost its connection (attempt ${n}); trying again.`
  );
}

/** The remote's tips of the given branches; a branch that does not exist is absent from the map. */
export async function remoteBranchTips(repo: Git, branches: string[]): Promise<Map<string, string>> {
  const stdout = await network(
    repo,
    ['ls-remote', '--heads', 'origin', ...branches.map((b) => `refs/heads/${b}`)],
    { fix: READ_FIX }
  ).then((r) => r.stdout);
  const tips = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const [sha, ref] = line.trim().split('\t');
    if (sha && ref?.startsWith('refs/heads/')) tips.set(ref.slice('refs/heads/'.length), sha);
  }
  return tips;
}

/** Fetches each branch into refs/remotes/origin/<branch>, shallow unless `depth` is undefined. */
export async function fetchBranches(
  repo: Git,
  branches: string[],
  history: { depth?: number; deepen?: number; since?: string; unshallow?: boolean } = { depth: 1 }
): Promise<ExecResult> {
  const refspecs = branches.map((b) => `+refs/heads/${b}:refs/remotes/origin/${b}`);
  let shallow: string[] = [];
  if (history.since) shallow = [`--shallow-since=${history.since}`];
  else if (history.depth) shallow = [`--depth=${history.depth}`];
  else if (history.deepen) shallow = [`--deepen=${history.deepen}`];
  else if (history.unshallow && (await repo.isShallow())) shallow = ['--unshallow'];
  return network(repo, ['fetch', '--no-tags', '--no-write-fetch-head', ...shallow, 'origin', ...refspecs], {
    allowFailure: history.since !== undefined
  });
}

/**
 * One fetch for the target, which must exist, and the PR branch, which may not: the branch
 * goes through a glob refspec, which matches nothing instead of failing. A clone that is not
 * shallow stays whole. Both land in their remote-tracking refs; a missing target is reported.
 */
export async function fetchTargetAndBranch(
  repo: Git,
  target: string,
  branch: string,
  options: { shallow: boolean; fresh: boolean }
): Promise<{ targetFound: boolean }> {
  const branchRef = `refs/remotes/origin/${branch}`;
  const shallow = options.shallow;
  // A stale remote-tracking ref in an existing clone must not pass for the branch's tip.
  if (!options.fresh) await repo.git(['update-ref', '-d', branchRef], { allowFailure: true });
  const result = await network(
    repo,
    [
      'fetch',
      '--no-tags',
      '--no-write-fetch-head',
      ...(shallow ? ['--depth=1'] : []),
      'origin',
      `+refs/heads/${target}:refs/remotes/origin/${target}`,
      `+refs/heads/${branch}*:${branchRef}*`
    ],
    { allowFailure: true }
  );
  if (result.exitCode !== 0) {
    if (/couldn't find remote ref/i.test(result.stderr)) return { targetFound: false };
    throw new CommandError(
      'git fetch origin',
      result.exitCode,
      result.stderr,
      'Check that the repository exists and that the token in GITHUB_TOKEN may read it.'
    );
  }
  return { targetFound: true };
}

/**
 * Fetches `branch` with the history that is its own: the commits reachable from it and not
 * from `target` on the server (`--shallow-exclude`), into its remote-tracking ref, without
 * fetching any more of the target's history. When the branch has no such commit (it is all on
 * the target) the server gives up, and git reports that like any server failure.
 */
export async function fetchHistoryUntil(repo: Git, branch: string, target: string): Promise<ExecResult> {
  const args = [
    'fetch',
    '--no-tags',
    '--no-write-fetch-head',
    `--shallow-exclude=refs/heads/${target}`,
    'origin',
    `+refs/heads/${branch}:refs/remotes/origin/${branch}`
  ];
  return network(repo, args, { allowFailure: true });
}

/**
 * Pushes HEAD to `branch`. With `lease`, the push is forced but only over the tip we saw
 * (`undefined`: the branch must not exist); without, it is a plain fast-forward push.
 */
export async function push(
  repo: Git,
  branch: string,
  lease?: { expectedTip: string | undefined }
): Promise<PushResult> {
  const ref = `refs/heads/${branch}`;
  const leaseArgs = lease ? [`--force-with-lease=${ref}:${lease.expectedTip ?? ''}`] : [];
  let head: string | undefined;
  return retryLostConnections<PushResult>(
    async (_n, last) => {
      const result = await repo.git(
        ['push', '--porcelain', '--no-verify', ...leaseArgs, 'origin', `HEAD:${ref}`],
        { allowFailure: true, authenticated: true }
      );
      if (result.exitCode === 0) return { pushed: true };
      const line = result.stdout.split('\n').find((l) => l.includes(`:${ref}\t`));
      if (line?.startsWith('!'))
        return {
          pushed: false,
          rejection: readRejection(line.split('\t')[2] ?? '[rejected]', result.stderr)
        };
      if (!TRANSIENT.test(result.stderr) || last) {
        throw new ActionError(
          `Pushing to '${branch}' failed:\n${(result.stderr || result.stdout).trim()}`,
          'Check that the token may push to this repository (contents: write).'
        );
      }
      // The connection broke; the push may have reached the server all the same. Pushing again
      // would then fail its lease, so look first.
      head ??= (await repo.commitInfo('HEAD')).sha;
      const tips = await remoteBranchTips(repo, [branch]);
      if (tips.get(branch) === head) {
        core.info(`The push to '${branch}' lost its connection but reached GitHub.`);
        return { pushed: true };
      }
      return undefined;
    },
    (n) => `The push to '${branch}' lost its connection (attempt ${n}); trying again.`
  );
}
