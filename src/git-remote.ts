import * as core from './workflow-commands.js';
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

/** The remote of the target repository; with `push-to-fork`, the PR branch's is FORK_REMOTE. */
export const ORIGIN = 'origin';
export const FORK_REMOTE = 'fork';

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
export async function remoteBranchTips(
  repo: Git,
  branches: string[],
  remote = ORIGIN
): Promise<Map<string, string>> {
  const stdout = await network(
    repo,
    ['ls-remote', '--heads', remote, ...branches.map((b) => `refs/heads/${b}`)],
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
 * With `branchRemote` (a fork), the branch comes from there, in a fetch of its own after the
 * target's (two fetches at once would contend for the shallow file).
 */
export async function fetchTargetAndBranch(
  repo: Git,
  target: string,
  branch: string,
  options: { shallow: boolean; fresh: boolean; branchRemote?: string }
): Promise<{ targetFound: boolean }> {
  const branchRemote = options.branchRemote ?? ORIGIN;
  const branchRef = `refs/remotes/${branchRemote}/${branch}`;
  const shallow = options.shallow ? ['--depth=1'] : [];
  // A stale remote-tracking ref in an existing clone must not pass for the branch's tip.
  if (!options.fresh) await repo.git(['update-ref', '-d', branchRef], { allowFailure: true });
  const branchRefspec = `+refs/heads/${branch}*:${branchRef}*`;
  const result = await network(
    repo,
    [
      'fetch',
      '--no-tags',
      '--no-write-fetch-head',
      ...shallow,
      ORIGIN,
      `+refs/heads/${target}:refs/remotes/origin/${target}`,
      ...(branchRemote === ORIGIN ? [branchRefspec] : [])
    ],
    { allowFailure: true }
  );
  if (result.exitCode !== 0) {
    if (/couldn't find remote ref/i.test(result.stderr)) return { targetFound: false };
    throw new CommandError('git fetch origin', result.exitCode, result.stderr, READ_FIX);
  }
  // A shallow fetch whose only refspec matches nothing fails (exit 1, no message): from a fork,
  // whether the branch exists is asked first.
  if (branchRemote !== ORIGIN && (await remoteBranchTips(repo, [branch], branchRemote)).has(branch)) {
    const refspec = `+refs/heads/${branch}:${branchRef}`;
    await network(repo, ['fetch', '--no-tags', '--no-write-fetch-head', ...shallow, branchRemote, refspec], {
      fix: "Check that the fork in 'push-to-fork' exists and that the token may read it."
    });
  }
  return { targetFound: true };
}

/**
 * Fetches `branch` with the history that is its own: the commits reachable from it and not
 * from `target` on the server (`--shallow-exclude`), into its remote-tracking ref, without
 * fetching any more of the target's history. When the branch has no such commit (it is all on
 * the target) the server gives up, and git reports that like any server failure.
 */
export async function fetchHistoryUntil(
  repo: Git,
  branch: string,
  target: string,
  remote = ORIGIN
): Promise<ExecResult> {
  // From a fork, the fork's own copy of the target marks where the branch's history ends.
  const args = [
    'fetch',
    '--no-tags',
    '--no-write-fetch-head',
    `--shallow-exclude=refs/heads/${target}`,
    remote,
    `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`
  ];
  return network(repo, args, { allowFailure: true });
}

/**
 * Pushes HEAD to `branch` of `remote`. With `lease`, the push is forced but only over the tip we
 * saw (`undefined`: the branch must not exist); without, it is a plain fast-forward push.
 */
export async function push(
  repo: Git,
  branch: string,
  lease?: { expectedTip: string | undefined },
  remote = ORIGIN
): Promise<PushResult> {
  const ref = `refs/heads/${branch}`;
  const leaseArgs = lease ? [`--force-with-lease=${ref}:${lease.expectedTip ?? ''}`] : [];
  let head: string | undefined;
  return retryLostConnections<PushResult>(
    async (_n, last) => {
      const result = await repo.git(
        ['push', '--porcelain', '--no-verify', ...leaseArgs, remote, `HEAD:${ref}`],
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
          `Pushing to '${branch}'${remote === ORIGIN ? '' : " of the fork in 'push-to-fork'"} failed:\n${(result.stderr || result.stdout).trim()}`,
          remote === ORIGIN
            ? 'Check that the token may push to this repository (contents: write).'
            : "Check that the token may push to the fork in 'push-to-fork' (contents: write on the fork). Nothing was pushed and no pull request was opened or changed."
        );
      }
      // The connection broke; the push may have reached the server all the same. Pushing again
      // would then fail its lease, so look first.
      head ??= (await repo.commitInfo('HEAD')).sha;
      const tips = await remoteBranchTips(repo, [branch], remote);
      if (tips.get(branch) === head) {
        core.info(`The push to '${branch}' lost its connection but reached GitHub.`);
        return { pushed: true };
      }
      return undefined;
    },
    (n) => `The push to '${branch}' lost its connection (attempt ${n}); trying again.`
  );
}
