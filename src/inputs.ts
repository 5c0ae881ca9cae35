import * as path from 'node:path';
import { InputError } from './errors.js';
import { branchNameProblem } from './refname.js';

export interface Identity {
  name: string;
  email: string;
}

export interface Inputs {
  owner: string;
  repo: string;
  /** Undefined until looked up: the repository's default branch. */
  targetBranch: string | undefined;
  /** Undefined means `outbox/<target-branch>`. */
  branch: string | undefined;
  /** Undefined means a fresh folder under RUNNER_TEMP. */
  path: string | undefined;
  run: string;
  commitMessage: string;
  title: string;
  body: string;
  labels: string[];
  draft: boolean;
  author: Identity;
  committer: Identity;
  dryRun: boolean;
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
  const apiUrl = (env.GITHUB_API_URL || (host === 'github.com' ? 'https://api.github.com' : `${serverUrl}/api/v3`)).replace(/\/+$/, '');
  const runnerTemp = env.RUNNER_TEMP || path.join(env.HOME || '/tmp', '.outbox-publisher-temp');
  const runUrl =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
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

/** Reads and validates every input; throws an InputError naming the first bad one. */
export function parseInputs(get: GetInput, context: RunnerContext): Inputs {
  const { owner, repo } = parseRepository(get('repo').trim() || context.repository || '');
  const targetBranch = optionalBranch(get, 'target-branch');
  const branch = optionalBranch(get, 'branch');
  if (branch !== undefined && branch === targetBranch) {
    throw new InputError('branch', `is the same as 'target-branch' ('${branch}')`, 'A pull request needs its own branch: choose another name or leave the input empty.');
  }
  const commitMessage = get('commit-message').trim() || 'Automated changes by outbox-publisher';
  const committer = parseIdentity('committer', get('committer').trim() || DEFAULT_IDENTITY);
  return {
    owner,
    repo,
    targetBranch,
    branch,
    path: parsePath(get('path').trim(), context),
    run: get('run'),
    commitMessage,
    title: get('title').trim() || commitMessage.split('\n')[0]!,
    body: get('body').trim() ? get('body') : defaultBody(context.runUrl),
    labels: parseList(get('labels')),
    draft: parseBoolean(get, 'draft'),
    author: get('author').trim() ? parseIdentity('author', get('author').trim()) : committer,
    committer,
    dryRun: parseBoolean(get, 'dry-run')
  };
}

function defaultBody(runUrl: string | undefined): string {
  const source = runUrl ? ` by [this workflow run](${runUrl})` : '';
  return `Automated changes published${source} with outbox-publisher.`;
}

export function parseRepository(value: string): { owner: string; repo: string } {
  if (!value) {
    throw new InputError('repo', 'is empty and GITHUB_REPOSITORY is not set', "Give the repository as 'owner/name'.");
  }
  const parts = value.split('/');
  if (parts.length !== 2) {
    throw new InputError('repo', `'${value}' is not of the form 'owner/name'`);
  }
  const [owner, repo] = parts as [string, string];
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(owner)) {
    throw new InputError('repo', `'${owner}' is not a valid GitHub owner name`, 'Owner names use letters, digits and single hyphens, at most 39 characters.');
  }
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(repo) || repo === '.' || repo === '..' || repo.toLowerCase().endsWith('.git')) {
    throw new InputError('repo', `'${repo}' is not a valid repository name`, "Repository names use letters, digits, '.', '-' and '_' (at most 100), without a '.git' suffix.");
  }
  return { owner, repo };
}

function optionalBranch(get: GetInput, input: string): string | undefined {
  const value = get(input).trim();
  if (!value) return undefined;
  const problem = branchNameProblem(value);
  if (problem) {
    throw new InputError(input, `'${value}' is not a valid branch name: it ${problem}`, 'Branch names follow the rules of `git check-ref-format --branch`.');
  }
  return value;
}

export function parseIdentity(input: string, value: string): Identity {
  const match = /^([^<>\n]+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(value);
  if (!match) {
    throw new InputError(input, `'${value}' is not of the form 'Name <email@example.com>'`);
  }
  return { name: match[1]!.trim(), email: match[2]! };
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

function parsePath(value: string, context: RunnerContext): string | undefined {
  if (!value) return undefined;
  const resolved = path.resolve(context.workspace, value);
  const inside = (root: string) => resolved === root || resolved.startsWith(root + path.sep);
  if (!inside(context.workspace) && !inside(context.runnerTemp)) {
    throw new InputError('path', `'${value}' is outside the workspace (${context.workspace}) and RUNNER_TEMP`, 'Give a folder inside the workspace, or leave the input empty.');
  }
  if (resolved === context.workspace || resolved === context.runnerTemp) {
    throw new InputError('path', `'${value}' is the workspace or RUNNER_TEMP itself`, 'Give a sub-folder, for example `path: outbox`.');
  }
  return resolved;
}
