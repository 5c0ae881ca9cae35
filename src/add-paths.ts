/**
 * `add-paths`: commit only the changes that match these pathspecs; the rest stay out of the
 * commit and are listed in the log.
 *
 * git does the matching. Its pathspec rules (a `*` that crosses `/` unless `:(glob)`, directory
 * prefixes, `:(icase)`, `:(attr:...)`, exclusions, "only exclusions means everything else") are
 * what users know from create-pull-request's `add-paths` and from `git add`; a second
 * implementation here would disagree with git on some name, and the commit would then hold what
 * the log says it does not. So only the parsing and the validation are ours.
 *
 * Why not `git add -- <pathspecs>` straight away (as create-pull-request does, ignoring its exit
 * code): git 2.39 aborts the whole `add` (exit 128, nothing staged) when one pathspec matches no
 * file ("pathspec 'x' did not match any files"), and (exit 1) when one names an ignored file. A run
 * that changed nothing under one of the paths is normal. So the wiring takes two steps, both
 * built here:
 *   1. `git ls-files -z --cached --others --exclude-standard --deduplicate -- <pathspecs>` lists
 *      the tracked and the new, not ignored, paths that match (ls-files never fails on a pathspec
 *      that matches nothing, and supports all the magic below);
 *   2. `git add --all --pathspec-from-file=- --pathspec-file-nul` with those paths on stdin, each
 *      as `:(literal)<path>`, stages exactly them (deletions included; git >= 2.25), and nothing
 *      when the list is empty.
 * Then `partitionStatus` reads `git status --porcelain=v1 -z` to list what was left out.
 *
 * What is refused, with the input named: absolute paths and `..` segments (git answers "is outside
 * repository" for some and resolves others, depending on the working directory), magic that git
 * does not know or that is internal to git (`prefix`), and `literal` with `glob`, which git refuses
 * too. `:(top)`/`:/` only anchors at the repository's root, where the action runs anyway.
 */
import { InputError } from './errors.js';
import { quoteName, quotedName } from './log-text.js';

/** The pathspec magic words this action passes through (gitglossary(7) "pathspec"). */
const PATHSPEC_MAGIC: readonly string[] = ['top', 'literal', 'glob', 'icase', 'attr', 'exclude'];
/** Short-form magic signatures: `:/` is top, `:!` and `:^` are exclude. */
const SHORT_MAGIC: Record<string, string> = { '/': 'top', '!': 'exclude', '^': 'exclude' };
/**
 * The characters git reads as (unimplemented) short magic after a leading `:` and dies on (its
 * GIT_PATHSPEC_MAGIC class); any other character starts the pattern.
 */
const GIT_MAGIC_SIGNATURES = '"#%&\',-;<=>@_`~';

export interface Pathspec {
  /** As given (trimmed), for `git add -- <spec>`. */
  spec: string;
  /** The magic words, long names. */
  magic: string[];
  /** The pattern after the magic. */
  pattern: string;
}

/**
 * Splits on newlines and commas (but not on the commas between magic words, `:(top,glob)src`),
 * trims, drops empties and repeats, and validates each pathspec.
 */
export function parseAddPaths(value: string): Pathspec[] {
  const specs = value
    .split('\n')
    .flatMap(splitOnCommas)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return [...new Set(specs)].map(parsePathspec);
}

function splitOnCommas(line: string): string[] {
  const items: string[] = [];
  let at = 0;
  while (at <= line.length) {
    const start = at;
    while (line[at] === ' ' || line[at] === '\t') at++;
    let from = at;
    if (line.startsWith(':(', at)) {
      const close = line.indexOf(')', at);
      from = close < 0 ? line.length : close + 1;
    }
    const comma = line.indexOf(',', from);
    const end = comma < 0 ? line.length : comma;
    items.push(line.slice(start, end));
    at = end + 1;
  }
  return items;
}

function parsePathspec(spec: string): Pathspec {
  const refuse = (problem: string, fix: string): never => {
    throw new InputError('add-paths', `${quoteSpec(spec)} ${problem}`, fix);
  };
  if (/[\x00-\x1f\x7f]/.test(spec)) {
    refuse('holds a control character', 'Give one pathspec per line or separate them with commas.');
  }
  let magic: string[] = [];
  let pattern = spec;
  if (spec.startsWith(':(')) {
    const close = spec.indexOf(')');
    if (close < 0) refuse("opens pathspec magic with ':(' and never closes it", "Close the magic with ')'.");
    magic = spec
      .slice(2, close)
      .split(',')
      .map((word) => word.trim())
      .filter((word) => word.length > 0);
    pattern = spec.slice(close + 1);
  } else if (spec.startsWith(':')) {
    let at = 1;
    while (at < spec.length && SHORT_MAGIC[spec[at]] !== undefined) {
      magic.push(SHORT_MAGIC[spec[at]]);
      at++;
    }
    if (spec[at] === ':') at++;
    else if (at < spec.length && GIT_MAGIC_SIGNATURES.includes(spec[at])) {
      refuse(
        `uses the pathspec magic '${spec[at]}', which git does not know`,
        "Short magic is ':/' (from the top) and ':!' or ':^' (exclude)."
      );
    }
    pattern = spec.slice(at);
  }
  for (const word of magic) {
    const name = word.split(':')[0];
    if (!PATHSPEC_MAGIC.includes(name)) {
      refuse(
        `uses the pathspec magic ${quotedName(name)}, which this action does not pass to git`,
        `Use only ${PATHSPEC_MAGIC.map((m) => `'${m}'`).join(', ')}.`
      );
    }
    if (name !== 'attr' && word !== name) {
      refuse(`gives ${quotedName(name)} an argument it does not take`, `Write it as ':(${name})'.`);
    }
  }
  const names = magic.map((word) => word.split(':')[0]);
  if (names.includes('literal') && names.includes('glob')) {
    refuse("uses both 'literal' and 'glob', which git refuses together", 'Keep one of them.');
  }
  if (pattern === '' && !names.includes('top')) {
    refuse('has no path after its magic', "Give a path after the magic, or ':/' for the whole repository.");
  }
  if (pattern.startsWith('/')) {
    refuse('is an absolute path', 'Give paths relative to the root of the repository.');
  }
  if (pattern.split('/').includes('..')) {
    refuse("has a '..' segment", 'Give paths inside the repository, relative to its root, without ..');
  }
  return { spec, magic: names, pattern };
}

function quoteSpec(spec: string): string {
  const quoted = quoteName(spec);
  return quoted.startsWith('"') ? quoted : `'${quoted}'`;
}

/** Step 1: `git ls-files` arguments that list the paths matching `pathspecs` (at least one). */
export function listArguments(pathspecs: readonly Pathspec[]): string[] {
  if (pathspecs.length === 0)
    throw new RangeError('listArguments: no pathspecs; without add-paths, stage everything');
  return [
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
    '--deduplicate',
    '--',
    ...pathspecs.map((p) => p.spec)
  ];
}

/** The paths of NUL-terminated output (`ls-files -z`). */
export function splitNul(output: string): string[] {
  return output.split('\0').filter((path) => path.length > 0);
}

/** Step 2: `git add` arguments; its stdin is `stageInput(paths)`. Run it only when there are paths. */
export const STAGE_ARGUMENTS: readonly string[] = [
  'add',
  '--all',
  '--pathspec-from-file=-',
  '--pathspec-file-nul'
];

/** stdin for STAGE_ARGUMENTS: each path as a literal pathspec, so `*`, `:` or `[` in a name match only itself. */
export function stageInput(paths: readonly string[]): string {
  return paths.map((path) => `:(literal)${path}\0`).join('');
}

/**
 * After staging, what will be committed and what is left out, from
 * `git status --porcelain=v1 -z --untracked-files=all` (entries are `XY path`, and for a rename
 * or copy `XY new` then `old` as the next field). `staged` holds every path whose index column
 * shows a change; `leftOut` every path with a work tree change or untracked. A path can be in both
 * (part of it staged).
 */
export function partitionStatus(porcelainZ: string): { staged: string[]; leftOut: string[] } {
  const staged: string[] = [];
  const leftOut: string[] = [];
  const fields = porcelainZ.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i];
    if (entry === '') continue;
    if (entry.length < 4 || entry[2] !== ' ')
      throw new Error(`Unexpected git status entry: ${quoteName(entry)}`);
    const index = entry[0];
    const worktree = entry[1];
    const path = entry.slice(3);
    if (index === 'R' || index === 'C') i++; // the old path follows in its own field
    if (index === '?' || index === '!') {
      if (index === '?') leftOut.push(path);
      continue;
    }
    if (index !== ' ') staged.push(path);
    if (worktree !== ' ') leftOut.push(path);
  }
  return { staged, leftOut };
}
