import * as path from 'node:path';
import { InputError } from './errors.js';
import type { Identity } from './identity.js';
import { quoteName } from './log-text.js';
import { branchNameProblem } from './refname.js';
import type { RunnerContext } from './runner-context.js';

/** Reads one input by name (core.getInput, or a table in the tests). */
export type GetInput = (name: string) => string;

export const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
export const TEAM = /^[a-z0-9][a-z0-9_-]{0,99}$/;
export const LABEL = /^[^\x00-\x1f\x7f]{1,50}$/;

/** A list input whose every item must match `pattern`. */
export function parseNames(input: string, value: string, pattern: RegExp, fix: string): string[] {
  const items = parseList(value);
  const bad = items.find((item) => !pattern.test(item));
  if (bad !== undefined) throw new InputError(input, `'${bad}' is not a valid name`, fix);
  return items;
}

export function parseTitle(title: string): string {
  if (title.length > 256)
    throw new InputError('title', `is ${title.length} characters long; pull request titles have at most 256`);
  if (/[\x00-\x1f\x7f]/.test(title))
    throw new InputError('title', 'contains a line break or control character');
  return title;
}

export function parseChoice<T extends string>(
  get: GetInput,
  input: string,
  choices: readonly T[]
): T | undefined {
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

export function parseInteger(
  get: GetInput,
  input: string,
  fallback: number,
  min: number,
  max: number
): number {
  const value = get(input).trim();
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(input, `'${value}' is not a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

export function defaultBody(runUrl: string | undefined): string {
  const source = runUrl ? ` by [this workflow run](${runUrl})` : '';
  return `Automated changes published${source} with outbox-publisher.`;
}

/** `owner/name`; `input` is the input it came from, named in errors. */
export function parseRepository(value: string, input = 'repo'): { owner: string; repo: string } {
  if (!value) {
    throw new InputError(
      'repo',
      'is empty and GITHUB_REPOSITORY is not set',
      "Give the repository as 'owner/name'."
    );
  }
  const parts = value.split('/');
  if (parts.length !== 2) {
    throw new InputError(input, `'${value}' is not of the form 'owner/name'`);
  }
  const [owner, repo] = parts as [string, string];
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(owner)) {
    throw new InputError(
      input,
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
      input,
      `'${repo}' is not a valid repository name`,
      "Repository names use letters, digits, '.', '-' and '_' (at most 100), without a '.git' suffix."
    );
  }
  return { owner, repo };
}

export function optionalBranch(get: GetInput, input: string): string | undefined {
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

export function parseBoolean(get: GetInput, input: string): boolean {
  const value = get(input).trim();
  if (['', 'false', 'False', 'FALSE'].includes(value)) return false;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  throw new InputError(input, `'${value}' is not a boolean`, "Use 'true' or 'false'.");
}

/**
 * A folder inside the workspace or RUNNER_TEMP. `path` may be the workspace itself (where
 * actions/checkout clones by default); nothing may point outside.
 */
export function parsePath(
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
