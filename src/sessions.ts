/**
 * The `sessions` input: many repositories published by one step. Pure: the caller reads the file
 * when the input names one (`sessionsSource` says which), hands the text to `parseSessions`, and
 * gets back each session's own input getter, which answers from the session first and from the
 * step's inputs second. Everything the runner would pass as a step input is a string, so every
 * value in a session is one too: lists are joined the way the step input is split, and YAML is
 * read with the failsafe schema, so `1.10`, `yes` or `0x1F` stay exactly as written.
 */
import { parse } from 'yaml';
import { InputError } from './errors.js';
import type { GetInput } from './input-values.js';
import { quotedName } from './log-text.js';
import { describeKey, sessionKey } from './session-key.js';

/**
 * Most sessions one step takes. 256 is also the most jobs a GitHub Actions matrix may generate per
 * workflow run, so one `sessions` step replaces the largest matrix of single publishes, and `shard`
 * across a matrix (256 x 256) covers any realistic fleet. It also keeps the one-row-per-session job
 * summary and the `results` output far below the runner's 1 MiB limits (errors are capped below).
 */
export const MAX_SESSIONS = 256;
/**
 * Inputs that belong to the step, never to one session: the list itself and how it is run, and
 * `path`, because every session gets a clone of its own under RUNNER_TEMP.
 */
const STEP_ONLY_INPUTS: readonly string[] = ['sessions', 'max-parallel', 'shard', 'path'];

/** Inputs whose step value is a list split on commas and newlines: a session may give a YAML/JSON list. */
const LIST_INPUTS: readonly string[] = ['labels', 'reviewers', 'team-reviewers', 'assignees', 'add-paths'];

export interface Session {
  /** 1-based position in the list, as error messages and the summary count. */
  index: number;
  /** `owner/name` as written in the list. */
  repo: string;
  /** Every key the entry gave (repo included), as the string the step input would hold. */
  inputs: ReadonlyMap<string, string>;
  /** The session's own input getter: the entry's value when it has the key, else the step's. */
  getInput: GetInput;
  /** What the session writes to, for refusing duplicates and for choosing a shard (see `sessionKey`). */
  key: string;
}

export interface ParseSessionsOptions {
  /** The action's input names (action.yml). A session key must be one of them. */
  knownInputs: readonly string[];
  /** The step's own inputs, which every session falls back to. */
  stepInput: GetInput;
  /** Defaults to `STEP_ONLY_INPUTS`. */
  stepOnlyInputs?: readonly string[];
  /** Defaults to `LIST_INPUTS`. */
  listInputs?: readonly string[];
  /** Defaults to `MAX_SESSIONS`. */
  maxSessions?: number;
}

/**
 * What the `sessions` input holds: `{ file }` when it names a .json/.yml/.yaml file (one line, no
 * list syntax), else `{ text }` for an inline list, or undefined when it is empty. Reading the
 * file, and refusing one outside the workspace, is the caller's job.
 */
export function sessionsSource(value: string): { file: string } | { text: string } | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  if (!trimmed.includes('\n') && /\.(?:json|ya?ml)$/i.test(trimmed) && !/^[[{-]/.test(trimmed)) {
    return { file: trimmed };
  }
  return { text: value };
}

/** Parses the sessions list (JSON is YAML, so one parser reads both). */
export function parseSessions(text: string, options: ParseSessionsOptions): Session[] {
  const stepOnly = new Set(options.stepOnlyInputs ?? STEP_ONLY_INPUTS);
  const known = new Set(options.knownInputs);
  const lists = new Set(options.listInputs ?? LIST_INPUTS);
  const maxSessions = options.maxSessions ?? MAX_SESSIONS;

  let document: unknown;
  try {
    // failsafe: every scalar is a string as written; uniqueKeys refuses `{a: 1, a: 2}`; no
    // aliases, so that a small text cannot expand into a huge one (shared values belong on the
    // step, which every session falls back to).
    document = parse(text, { schema: 'failsafe', uniqueKeys: true, maxAliasCount: 0, prettyErrors: false });
  } catch (error) {
    throw new InputError(
      'sessions',
      `is not valid JSON or YAML: ${(error as Error).message.split('\n')[0]}`,
      'Give a list of objects, for example [{"repo": "octo-org/app", "target-branch": "main"}].'
    );
  }
  if (!Array.isArray(document)) {
    throw new InputError(
      'sessions',
      'is not a list',
      'Give a list of objects, for example [{"repo": "octo-org/app", "target-branch": "main"}].'
    );
  }
  if (document.length === 0) {
    throw new InputError(
      'sessions',
      'is an empty list',
      'List at least one session, or leave the input empty.'
    );
  }
  if (document.length > maxSessions) {
    throw new InputError(
      'sessions',
      `lists ${document.length} sessions, more than ${maxSessions}`,
      `Split the list across a matrix with the 'shard' input (i/n), or across several steps.`
    );
  }

  const sessions: Session[] = [];
  const byKey = new Map<string, number>();
  document.forEach((entry: unknown, position) => {
    const index = position + 1;
    const where = `entry ${index}`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new InputError(
        'sessions',
        `${where} is not an object`,
        "Each entry is an object of inputs, at least 'repo'."
      );
    }
    const inputs = new Map<string, string>();
    for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
      if (!known.has(key)) {
        const hyphenated = key.replace(/_/g, '-');
        const hint = known.has(hyphenated) ? ` Did you mean '${hyphenated}'?` : '';
        throw new InputError(
          'sessions',
          `${where} has the key ${quotedName(key)}, which is not an input of this action`,
          `Keys are the action's input names, such as 'repo', 'target-branch', 'title'.${hint}`
        );
      }
      if (stepOnly.has(key)) {
        throw new InputError(
          'sessions',
          `${where} has the key '${key}', which applies to the whole step, not to one session`,
          `Set '${key}' on the step's 'with:' instead.`
        );
      }
      inputs.set(key, valueOf(value, key, where, lists.has(key)));
    }
    const repo = (inputs.get('repo') ?? '').trim();
    if (!repo) {
      throw new InputError(
        'sessions',
        `${where} has no 'repo'`,
        "Give each session a 'repo' as 'owner/name'."
      );
    }
    const repoProblem = repositoryProblem(repo);
    if (repoProblem) {
      throw new InputError(
        'sessions',
        `${where}: 'repo' ${quotedName(repo)} ${repoProblem}`,
        "Give the repository as 'owner/name'."
      );
    }
    const getInput: GetInput = (name) => inputs.get(name) ?? options.stepInput(name);
    const key = sessionKey(getInput);
    const earlier = byKey.get(key);
    if (earlier !== undefined) {
      throw new InputError(
        'sessions',
        `entries ${earlier} and ${index} both publish to ${quotedName(repo)} ${describeKey(getInput)}`,
        "Give each session its own 'branch' (or 'target-branch' in push mode), or merge the two entries."
      );
    }
    byKey.set(key, index);
    sessions.push({ index, repo, inputs, getInput, key });
  });
  return sessions;
}

/** A session value as the step input would hold it. */
function valueOf(value: unknown, key: string, where: string, isList: boolean): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (!isList) {
      throw new InputError(
        'sessions',
        `${where}: '${key}' is a list, and '${key}' takes one value`,
        `Give '${key}' as a string.`
      );
    }
    return value
      .map((item: unknown) => {
        if (typeof item !== 'string') {
          throw new InputError(
            'sessions',
            `${where}: '${key}' holds an item that is not a string`,
            `Give '${key}' as a list of names.`
          );
        }
        if (/[,\n]/.test(item)) {
          throw new InputError(
            'sessions',
            `${where}: '${key}' holds the item ${quotedName(item)}, with a comma or line break that would split it in two`,
            `Give one name per item.`
          );
        }
        return item;
      })
      .join('\n');
  }
  throw new InputError(
    'sessions',
    `${where}: '${key}' is an object`,
    `Give '${key}' as a string${isList ? ' or a list of strings' : ''}.`
  );
}

/** Why `value` is not `owner/name` (GitHub's rules for each part), or undefined. */
function repositoryProblem(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length !== 2) return "is not of the form 'owner/name'";
  const [owner, name] = parts as [string, string];
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(owner)) {
    return 'has an owner that is not a GitHub owner name (letters, digits and single hyphens, at most 39)';
  }
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(name) || name === '.' || name === '..' || /\.git$/i.test(name)) {
    return "has a name that is not a GitHub repository name (letters, digits, '.', '-', '_', no '.git')";
  }
  return undefined;
}
