import * as path from 'node:path';
import { InputError } from './errors.js';
import { quoteName } from './log-text.js';
import { branchNameProblem } from './refname.js';

export interface Identity {
  name: string;
  email: string;
}

export type Mode = 'pull-request' | 'push';
export type AutoMerge = 'merge' | 'squash' | 'rebase';

export interface Inputs {
  owner: string;
  repo: string;
  mode: Mode;
  /** Undefined until looked up: the repository's default branch. */
  targetBranch: string | undefined;
  /** Undefined means `outbox/<target-branch>`. */
  branch: string | undefined;
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
  commitMessage: string;
  title: string;
  body: string;
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
}

/** A publish request carried by the triggering event: the design note's "session". */
export interface EventSession {
  repo?: { value: string; source: string };
  targetBranch?: { value: string; source: string };
}

/** Where the action runs: facts from the runner's environment, not from `with:`. */
export interface RunnerContext {
  serverUrl: string;
  apiUrl: string;
  /** Host name for git and gh: github.com or a GitHub Enterprise Server host. */
  host: string;
  workspace: string;
  runnerTemp: string;
  repository: string | undefined;
  runUrl: string | undefined;
}

export const DEFAULT_OUTBOX_MAX_CHANGES = 1000;
/** 100 MiB: far above any series of source patches, far below what would hold a runner for long. */
export const DEFAULT_OUTBOX_MAX_BYTES = 100 * 1024 * 1024;

export const DEFAULT_IDENTITY = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';

type GetInput = (name: string) => string;

export function readRunnerContext(env: NodeJS.ProcessEnv): RunnerContext {
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  let host: string;
  try {
    host = new URL(serverUrl).hostname;
  } catch {
    throw new InputError('GITHUB_SERVER_URL', `'${serverUrl}' is not a URL`);
  }
  const apiUrl = (
    env.GITHUB_API_URL || (host === 'github.com' ? 'https://api.github.com' : `${serverUrl}/api/v3`)
  ).replace(/\/+$/, '');
  const runnerTemp = env.RUNNER_TEMP || path.join(env.HOME || '/tmp', '.outbox-publisher-temp');
  const runUrl =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  return {
    serverUrl,
    apiUrl,
    host,
    workspace: path.resolve(env.GITHUB_WORKSPACE || process.cwd()),
    runnerTemp: path.resolve(runnerTemp),
    repository: env.GITHUB_REPOSITORY || undefined,
    runUrl
  };
}

/**
 * `workflow_dispatch` inputs `repo` / `target_branch`, or `repository_dispatch`
 * `client_payload.repo` / `client_payload.target_branch`: what a backend or a person asked for.
 */
export function readEventSession(eventName: string | undefined, payload: unknown): EventSession {
  const record = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const [fields, prefix] =
    eventName === 'workflow_dispatch'
      ? [record(record(payload).inputs), 'inputs']
      : eventName === 'repository_dispatch'
        ? [record(record(payload).client_payload), 'client_payload']
        : [{}, ''];
  const session: EventSession = {};
  if (typeof fields.repo === 'string' && fields.repo.trim())
    session.repo = { value: fields.repo.trim(), source: `${prefix}.repo` };
  if (typeof fields.target_branch === 'string' && fields.target_branch.trim()) {
    session.targetBranch = { value: fields.target_branch.trim(), source: `${prefix}.target_branch` };
  }
  return session;
}

/**
 * An input reader that falls back to the event's session for `repo` and `target-branch`, and
 * says so in the log, so the workflow author can see where a value came from.
 */
export function withEventSession(
  get: GetInput,
  session: EventSession,
  log: (message: string) => void
): GetInput {
  return (name) => {
    const value = get(name);
    const fallback =
      name === 'repo' ? session.repo : name === 'target-branch' ? session.targetBranch : undefined;
    if (value.trim() || !fallback) return value;
    // Logged before it is validated: quoted, so that a line break in it cannot start a workflow command.
    log(
      `Input '${name}' is not set; using ${fallback.source} from the triggering event: ${quoteName(fallback.value)}`
    );
    return fallback.value;
  };
}

/**
 * Reads and validates every input; throws an InputError naming the first bad one. `realPaths`
 * holds `path` and `outbox` with their symbolic links resolved (read from the file system by the
 * caller): the inside-the-workspace check is made on them.
 */
export function parseInputs(
  get: GetInput,
  context: RunnerContext,
  realPaths: Partial<Record<'path' | 'outbox', string>> = {}
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
  const committer = parseIdentity('committer', get('committer').trim() || DEFAULT_IDENTITY);
  return {
    owner,
    repo,
    targetBranch,
    branch,
    mode: parseChoice(get, 'mode', ['pull-request', 'push'] as const) ?? 'pull-request',
    path: parsePath('path', get('path').trim(), context, { mayBeRoot: true }, realPaths.path),
    outbox: parsePath('outbox', get('outbox').trim(), context, { mayBeRoot: false }, realPaths.outbox),
    outboxMaxChanges: parseInteger(get, 'outbox-max-changes', DEFAULT_OUTBOX_MAX_CHANGES, 1, 100_000),
    outboxMaxBytes: parseInteger(get, 'outbox-max-bytes', DEFAULT_OUTBOX_MAX_BYTES, 1, 2 ** 31 - 1),
    allowWorkflowChanges: parseBoolean(get, 'allow-workflow-changes'),
    run: get('run'),
    commitMessage,
    title: parseTitle(get('title').trim() || commitMessage.split('\n')[0]),
    body: get('body').trim() ? get('body') : defaultBody(context.runUrl),
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
    signCommits: parseBoolean(get, 'sign-commits'),
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
    autoMerge: parseChoice(get, 'auto-merge', ['merge', 'squash', 'rebase'] as const)
  };
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^[a-z0-9][a-z0-9_-]{0,99}$/;
const LABEL = /^[^\x00-\x1f\x7f]{1,50}$/;

/** A list input whose every item must match `pattern`. */
function parseNames(input: string, value: string, pattern: RegExp, fix: string): string[] {
  const items = parseList(value);
  const bad = items.find((item) => !pattern.test(item));
  if (bad !== undefined) throw new InputError(input, `'${bad}' is not a valid name`, fix);
  return items;
}

function parseTitle(title: string): string {
  if (title.length > 256)
    throw new InputError('title', `is ${title.length} characters long; pull request titles have at most 256`);
  if (/[\x00-\x1f\x7f]/.test(title))
    throw new InputError('title', 'contains a line break or control character');
  return title;
}

function parseChoice<T extends string>(get: GetInput, input: string, choices: readonly T[]): T | undefined {
  const value = get(input).trim();
  if (!value) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  const near = choices.find(
    (choice) =>
      choice.toLowerCase() === value.toLowerCase() ||
      choice.replace('-', '') === value.replace(/[-_ ]/g, '').toLowerCase()
  );
  throw new InputError(
    input,
    `'${value}' is not one of ${choices.map((c) => `'${c}'`).join(', ')}`,
    near ? `Did you mean '${near}'?` : undefined
  );
}

function parseInteger(get: GetInput, input: string, fallback: number, min: number, max: number): number {
  const value = get(input).trim();
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(input, `'${value}' is not a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

function defaultBody(runUrl: string | undefined): string {
  const source = runUrl ? ` by [this workflow run](${runUrl})` : '';
  return `Automated changes published${source} with outbox-publisher.`;
}

export function parseRepository(value: string): { owner: string; repo: string } {
  if (!value) {
    throw new InputError(
      'repo',
      'is empty and GITHUB_REPOSITORY is not set',
      "Give the repository as 'owner/name'."
    );
  }
  const parts = value.split('/');
  if (parts.length !== 2) {
    throw new InputError('repo', `'${value}' is not of the form 'owner/name'`);
  }
  const [owner, repo] = parts as [string, string];
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(owner)) {
    throw new InputError(
      'repo',
      `'${owner}' is not a valid GitHub owner name`,
      'Owner names use letters, digits and single hyphens, at most 39 characters.'
    );
  }
  if (
    !/^[A-Za-z0-9._-]{1,100}$/.test(repo) ||
    repo === '.' ||
    repo === '..' ||
    repo.toLowerCase().endsWith('.git')
  ) {
    throw new InputError(
      'repo',
      `'${repo}' is not a valid repository name`,
      "Repository names use letters, digits, '.', '-' and '_' (at most 100), without a '.git' suffix."
    );
  }
  return { owner, repo };
}

function optionalBranch(get: GetInput, input: string): string | undefined {
  const value = get(input).trim();
  if (!value) return undefined;
  const problem = branchNameProblem(value);
  if (problem) {
    throw new InputError(
      input,
      `'${quoteName(value)}' is not a valid branch name: it ${problem}`,
      'Branch names follow the rules of `git check-ref-format --branch`.'
    );
  }
  return value;
}

export function parseIdentity(input: string, value: string): Identity {
  const match = /^([^<>\n]+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(value);
  if (!match) {
    throw new InputError(input, `'${value}' is not of the form 'Name <email@example.com>'`);
  }
  return { name: match[1].trim(), email: match[2] };
}

/** Splits on commas and newlines, trims, and drops empties and repeats. */
export function parseList(value: string): string[] {
  const items = value
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return [...new Set(items)];
}

function parseBoolean(get: GetInput, input: string): boolean {
  const value = get(input).trim();
  if (['', 'false', 'False', 'FALSE'].includes(value)) return false;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  throw new InputError(input, `'${value}' is not a boolean`, "Use 'true' or 'false'.");
}

/**
 * A folder inside the workspace or RUNNER_TEMP. `path` may be the workspace itself (where
 * actions/checkout clones by default); nothing may point outside.
 */
function parsePath(
  input: string,
  value: string,
  context: RunnerContext,
  options: { mayBeRoot: boolean },
  real?: string
): string | undefined {
  if (!value) return undefined;
  const lexical = path.resolve(context.workspace, value);
  const resolved = real ?? lexical;
  const inside = (root: string) => resolved === root || resolved.startsWith(root + path.sep);
  if (!inside(context.workspace) && !inside(context.runnerTemp)) {
    const through = resolved === lexical ? '' : ` (through a symbolic link: it is really '${resolved}')`;
    throw new InputError(
      input,
      `'${value}'${through} is outside the workspace (${context.workspace}) and RUNNER_TEMP`,
      'Give a folder inside the workspace, or leave the input empty.'
    );
  }
  if (resolved === context.runnerTemp || (!options.mayBeRoot && resolved === context.workspace)) {
    throw new InputError(
      input,
      `'${value}' is the ${resolved === context.runnerTemp ? 'RUNNER_TEMP' : 'workspace'} folder itself`,
      'Give a sub-folder.'
    );
  }
  return resolved;
}
