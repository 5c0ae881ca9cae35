import { parseAddPaths, type Pathspec } from './add-paths.js';
import { parseBranchSuffix, type BranchSuffix } from './branch-suffix.js';
import { InputError } from './errors.js';
import type { Identity } from './identity.js';
import {
  defaultBody,
  LABEL,
  LOGIN,
  optionalBranch,
  parseBoolean,
  parseChoice,
  parseIdentity,
  parseInteger,
  parseNames,
  parsePath,
  parseRepository,
  parseTitle,
  TEAM,
  type GetInput
} from './input-values.js';
import type { RunnerContext } from './runner-context.js';

type Mode = 'pull-request' | 'push';
type AutoMerge = 'merge' | 'squash' | 'rebase';

export interface Inputs {
  owner: string;
  repo: string;
  mode: Mode;
  /** Undefined until looked up: the repository's default branch. */
  targetBranch: string | undefined;
  /** Undefined means `outbox/<target-branch>`. */
  branch: string | undefined;
  /** Added to the branch's name (`<branch>-<suffix>`) when the publish starts; pull-request mode only. */
  branchSuffix: BranchSuffix | undefined;
  /** Undefined means a fresh folder under RUNNER_TEMP. */
  path: string | undefined;
  /** Folder of patches and bundles to publish. */
  outbox: string | undefined;
  /** Most changes an outbox may hold. */
  outboxMaxChanges: number;
  /** Most bytes the outbox's files may hold together. */
  outboxMaxBytes: number;
  /** Changes under .github/workflows/ may be published. */
  allowWorkflowChanges: boolean;
  run: string;
  /** Only the uncommitted changes these match are committed; empty: all of them. */
  addPaths: Pathspec[];
  /** Every commit the action publishes carries `Signed-off-by: <committer>`. */
  signoff: boolean;
  commitMessage: string;
  title: string;
  body: string;
  /** The real path of a file whose content is the body (read by the caller, see readInputs). */
  bodyPath: string | undefined;
  labels: string[];
  draft: boolean;
  author: Identity;
  committer: Identity;
  dryRun: boolean;
  signCommits: boolean;
  maxWaitSeconds: number;
  /** Push mode: stop retrying a push whose target keeps moving after this many seconds. */
  pushTimeoutSeconds: number;
  /** Push mode: at most this many push attempts when set; otherwise as many as fit in the timeout. */
  pushAttempts: number | undefined;
  overwriteForeignCommits: boolean;
  deleteBranch: boolean;
  reviewers: string[];
  teamReviewers: string[];
  assignees: string[];
  milestone: number | undefined;
  maintainerCanModify: boolean;
  autoMerge: AutoMerge | undefined;
  /** The fork the PR branch is pushed to (the pull request goes from it into `owner/repo`). */
  pushToFork: { owner: string; repo: string } | undefined;
}

const DEFAULT_OUTBOX_MAX_CHANGES = 1000;
/** 100 MiB: far above any series of source patches, far below what would hold a runner for long. */
const DEFAULT_OUTBOX_MAX_BYTES = 100 * 1024 * 1024;

export const DEFAULT_IDENTITY = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';

/**
 * Reads and validates every input; throws an InputError naming the first bad one. `realPaths`
 * holds `path` and `outbox` with their symbolic links resolved (read from the file system by the
 * caller): the inside-the-workspace check is made on them.
 */
export function parseInputs(
  get: GetInput,
  context: RunnerContext,
  realPaths: Partial<Record<'path' | 'outbox' | 'body-path', string>> = {}
): Inputs {
  const { owner, repo } = parseRepository(get('repo').trim() || context.repository || '');
  if (/[\x00-\x1f\x7f]/.test(get('commit-message').replace(/[\n\t]/g, ''))) {
    throw new InputError('commit-message', 'contains control characters');
  }
  const targetBranch = optionalBranch(get, 'target-branch');
  const branch = optionalBranch(get, 'branch');
  if (branch !== undefined && branch === targetBranch) {
    throw new InputError(
      'branch',
      `is the same as 'target-branch' ('${branch}')`,
      'A pull request needs its own branch: choose another name or leave the input empty.'
    );
  }
  const commitMessage = get('commit-message').trim() || 'Automated changes by outbox-publisher';
  const bodyPath = parsePath(
    'body-path',
    get('body-path').trim(),
    context,
    { mayBeRoot: false },
    realPaths['body-path']
  );
  if (bodyPath !== undefined && get('body').trim()) {
    throw new InputError('body-path', "and 'body' are both set", 'Give the body one way: set one of them.');
  }
  const committer = parseIdentity('committer', get('committer').trim() || DEFAULT_IDENTITY);
  const mode = parseChoice(get, 'mode', ['pull-request', 'push'] as const) ?? 'pull-request';
  const branchSuffix = parseBranchSuffix(get('branch-suffix'));
  if (branchSuffix !== undefined && mode === 'push') {
    throw new InputError(
      'branch-suffix',
      "is set in push mode, which pushes onto 'target-branch' and has no branch of its own",
      "Remove 'branch-suffix', or use 'mode: pull-request'."
    );
  }
  const path = parsePath('path', get('path').trim(), context, { mayBeRoot: true }, realPaths.path);
  const addPaths = parseAddPaths(get('add-paths'));
  if (addPaths.length > 0 && get('run').trim() === '' && path === undefined) {
    throw new InputError(
      'add-paths',
      "is set, but there is neither a 'run' script nor a clone at 'path' whose uncommitted changes it would pick from",
      'Outbox patches and bundles are commits and are published whole: remove add-paths, or leave such files out of the outbox.'
    );
  }
  const signCommits = parseBoolean(get, 'sign-commits');
  return {
    owner,
    repo,
    targetBranch,
    branch,
    branchSuffix,
    mode,
    path,
    outbox: parsePath('outbox', get('outbox').trim(), context, { mayBeRoot: false }, realPaths.outbox),
    outboxMaxChanges: parseInteger(get, 'outbox-max-changes', DEFAULT_OUTBOX_MAX_CHANGES, 1, 100_000),
    outboxMaxBytes: parseInteger(get, 'outbox-max-bytes', DEFAULT_OUTBOX_MAX_BYTES, 1, 2 ** 31 - 1),
    allowWorkflowChanges: parseBoolean(get, 'allow-workflow-changes'),
    run: get('run'),
    addPaths,
    signoff: parseBoolean(get, 'signoff'),
    commitMessage,
    title: parseTitle(get('title').trim() || commitMessage.split('\n')[0]),
    body: get('body').trim() ? get('body') : defaultBody(context.runUrl),
    bodyPath,
    labels: parseNames(
      'labels',
      get('labels'),
      LABEL,
      'Labels are at most 50 characters, without control characters.'
    ),
    draft: parseBoolean(get, 'draft'),
    author: get('author').trim() ? parseIdentity('author', get('author').trim()) : committer,
    committer,
    dryRun: parseBoolean(get, 'dry-run'),
    signCommits,
    maxWaitSeconds: parseInteger(get, 'max-wait', 120, 0, 3600),
    pushTimeoutSeconds: parseInteger(get, 'push-timeout', 300, 0, 21600),
    pushAttempts: get('push-attempts').trim() ? parseInteger(get, 'push-attempts', 0, 1, 20) : undefined,
    overwriteForeignCommits: parseBoolean(get, 'overwrite-foreign-commits'),
    deleteBranch: parseBoolean(get, 'delete-branch'),
    reviewers: parseNames('reviewers', get('reviewers'), LOGIN, 'Give GitHub user names.'),
    teamReviewers: parseNames(
      'team-reviewers',
      get('team-reviewers'),
      TEAM,
      "Give team slugs, without the organization (e.g. 'core-team')."
    ),
    assignees: parseNames('assignees', get('assignees'), LOGIN, 'Give GitHub user names.'),
    milestone: get('milestone').trim() ? parseInteger(get, 'milestone', 0, 1, 1_000_000) : undefined,
    maintainerCanModify: get('maintainer-can-modify').trim()
      ? parseBoolean(get, 'maintainer-can-modify')
      : true,
    autoMerge: parseChoice(get, 'auto-merge', ['merge', 'squash', 'rebase'] as const),
    pushToFork: parsePushToFork(get('push-to-fork').trim(), { owner, repo, mode, signCommits })
  };
}

/** `push-to-fork`: another repository, for a pull request's branch only, without signed commits. */
function parsePushToFork(
  value: string,
  setting: { owner: string; repo: string; mode: Mode; signCommits: boolean }
): { owner: string; repo: string } | undefined {
  if (!value) return undefined;
  const fork = parseRepository(value, 'push-to-fork');
  if (setting.mode === 'push') {
    throw new InputError(
      'push-to-fork',
      "is set with 'mode: push'",
      "Push mode pushes onto the target branch itself: leave 'push-to-fork' empty, or use 'mode: pull-request'."
    );
  }
  if (`${fork.owner}/${fork.repo}`.toLowerCase() === `${setting.owner}/${setting.repo}`.toLowerCase()) {
    throw new InputError(
      'push-to-fork',
      `names the target repository itself ('${value}')`,
      "Give the fork's 'owner/name', or leave the input empty to push the branch to the repository itself."
    );
  }
  if (setting.signCommits) {
    throw new InputError(
      'push-to-fork',
      "cannot be combined with 'sign-commits' yet",
      "Signed commits are made through GitHub's API on a branch of the target repository, which a bot that pushes to a fork may not write to: leave one of the two inputs empty."
    );
  }
  return fork;
}
