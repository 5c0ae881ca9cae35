import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ActionError } from './errors.js';
import type { GitWorkTree } from './git-worktree.js';

/**
 * A clone found at `path`, read as data. An earlier step may have written its `.git` (hooks,
 * core.fsmonitor, filter drivers, credential helpers, includes...), so no git process ever runs
 * with it as its repository: its refs are read as files, its config with `git config --file`
 * (which follows no include), its objects are borrowed by a repository of our own.
 */
export interface ExistingClone {
  /** The work tree (a real path). */
  dir: string;
  gitDir: string;
  /** The commit checked out. */
  head: string;
  /** remote.origin.url, as written in the clone's own config file. */
  originUrl: string | undefined;
  /** The shallow boundary (`.git/shallow`), empty for a complete clone. */
  shallow: string[];
  /** Inert settings of the clone's config that change what its work tree means (line endings, file modes). */
  settings: Array<[string, string]>;
}

const SHA = /^[0-9a-f]{40}$/;

/** Settings copied from the clone's config: each one is read by git as data, none names a program. */
const INERT_SETTINGS = [
  'core.autocrlf',
  'core.eol',
  'core.safecrlf',
  'core.filemode',
  'core.symlinks',
  'core.ignorecase',
  'core.precomposeunicode',
  'core.excludesfile',
  'core.attributesfile'
];

function refused(dir: string, what: string, fix: string): ActionError {
  return new ActionError(`The clone at '${dir}' ${what}.`, fix);
}

/** Reads the clone at `dir`; `reader` is a repository of our own, in which `git config --file` runs. */
export async function readExistingClone(reader: GitWorkTree, dir: string): Promise<ExistingClone> {
  const gitDir = path.join(dir, '.git');
  const stat = await fs.stat(gitDir).catch(() => undefined);
  if (!stat?.isDirectory()) {
    throw new ActionError(
      `'${dir}' holds files but no .git folder${stat ? ' (its .git is a file: a linked work tree or a submodule)' : ''}.`,
      "Point 'path' at the folder actions/checkout cloned into, or at a new or empty folder."
    );
  }
  const fix =
    "Use a plain clone made by actions/checkout (or 'git clone'), or leave 'path' empty for a fresh clone.";
  if (await exists(path.join(gitDir, 'commondir'))) throw refused(dir, 'is a linked work tree', fix);
  if (await exists(path.join(gitDir, 'objects', 'info', 'alternates')))
    throw refused(dir, 'borrows objects from another repository (objects/info/alternates)', fix);
  const config = await readConfigFile(reader, path.join(gitDir, 'config'), dir);
  const one = (key: string) => config.get(key)?.at(-1);
  if (one('core.worktree') !== undefined)
    throw refused(dir, 'sets core.worktree (its work tree is elsewhere)', fix);
  if (one('core.bare') === 'true') throw refused(dir, 'is a bare repository', fix);
  const objectFormat = one('extensions.objectformat');
  if (objectFormat && objectFormat.toLowerCase() !== 'sha1')
    throw refused(dir, `uses the '${objectFormat}' object format, which GitHub does not serve`, fix);
  const refStorage = one('extensions.refstorage');
  if (refStorage && refStorage.toLowerCase() !== 'files')
    throw refused(dir, `keeps its refs in '${refStorage}' storage`, fix);
  const head = await resolveHead(gitDir, dir);
  const shallowText = await fs.readFile(path.join(gitDir, 'shallow'), 'utf8').catch(() => '');
  const shallow = shallowText.split('\n').filter((line) => line.length > 0);
  if (shallow.some((sha) => !SHA.test(sha))) throw refused(dir, 'has an unreadable .git/shallow file', fix);
  const settings = INERT_SETTINGS.flatMap((key): Array<[string, string]> => {
    const value = one(key);
    return value === undefined ? [] : [[key, value]];
  });
  return { dir, gitDir, head, originUrl: one('remote.origin.url'), shallow, settings };
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false
  );
}

/** Every key of a config file (lower-cased section and name, as git prints them), without following includes. */
async function readConfigFile(
  reader: GitWorkTree,
  file: string,
  dir: string
): Promise<Map<string, string[]>> {
  const result = await reader.git(['config', '--file', file, '--no-includes', '--null', '--list'], {
    allowFailure: true
  });
  if (result.exitCode !== 0 && (await exists(file))) {
    throw refused(
      dir,
      `has a config file that git cannot read: ${result.stderr.trim()}`,
      'Fix or remove the .git/config that an earlier step wrote.'
    );
  }
  const entries = new Map<string, string[]>();
  for (const entry of result.stdout.split('\0')) {
    if (!entry) continue;
    const newline = entry.indexOf('\n');
    const [key, value] = newline < 0 ? [entry, 'true'] : [entry.slice(0, newline), entry.slice(newline + 1)];
    entries.set(key, [...(entries.get(key) ?? []), value]);
  }
  return entries;
}

/** A ref name that stays inside the .git folder when read as a file. */
function isSafeRefName(name: string): boolean {
  return (
    name.startsWith('refs/') &&
    !/[\x00-\x20\x7f\\:]/.test(name) &&
    name.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

/** HEAD's commit, following symbolic refs through loose ref files and packed-refs. */
async function resolveHead(gitDir: string, dir: string): Promise<string> {
  const noCommit = new ActionError(
    `The clone at '${dir}' has no commit checked out.`,
    "Check out a branch in 'path' before this step, or leave 'path' empty."
  );
  let content = (await fs.readFile(path.join(gitDir, 'HEAD'), 'utf8').catch(() => '')).trim();
  for (let depth = 0; depth < 5; depth++) {
    if (SHA.test(content)) return content;
    const symbolic = /^ref: (.+)$/.exec(content);
    if (!symbolic || !isSafeRefName(symbolic[1])) throw noCommit;
    const ref = symbolic[1];
    const loose = await fs.readFile(path.join(gitDir, ...ref.split('/')), 'utf8').catch(() => undefined);
    if (loose !== undefined) {
      content = loose.trim();
      continue;
    }
    const packed = await fs.readFile(path.join(gitDir, 'packed-refs'), 'utf8').catch(() => '');
    const line = packed.split('\n').find((l) => l.endsWith(` ${ref}`) && SHA.test(l.slice(0, 40)));
    if (line) return line.slice(0, 40);
    throw noCommit;
  }
  throw noCommit;
}

/** Where our repository sees the clone's objects: a folder of links to its object folders. */
const BORROWED = 'borrowed';

/**
 * Lets `ours` read every object of the clone, without copying them and without git ever
 * treating the clone as a repository. An alternate whose real path ends in `/objects` next to a
 * `refs` folder makes git run `git for-each-ref` inside that repository (to advertise its refs
 * in a fetch), under the clone's config; a folder of our own that links to the clone's object
 * folders one by one is an object store git reads, and nothing more. The clone's shallow
 * boundary, ignore and attribute files and inert settings come along, and its HEAD becomes a
 * ref of ours, so that a fetch asks the server only for what the clone lacks.
 */
export async function borrowObjects(ours: GitWorkTree, clone: ExistingClone): Promise<void> {
  const gitDir = path.join(ours.dir, '.git');
  const borrowed = path.join(gitDir, BORROWED);
  await fs.mkdir(borrowed);
  const objects = path.join(clone.gitDir, 'objects');
  const names = ['pack', ...Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))];
  await Promise.all(names.map((name) => fs.symlink(path.join(objects, name), path.join(borrowed, name))));
  await fs.writeFile(path.join(gitDir, 'objects', 'info', 'alternates'), `${borrowed}\n`);
  if (clone.shallow.length > 0)
    await fs.writeFile(path.join(gitDir, 'shallow'), clone.shallow.join('\n') + '\n');
  await fs.mkdir(path.join(gitDir, 'info'), { recursive: true });
  for (const name of ['exclude', 'attributes']) {
    const text = await fs.readFile(path.join(clone.gitDir, 'info', name)).catch(() => undefined);
    if (text !== undefined) await fs.writeFile(path.join(gitDir, 'info', name), text);
  }
  for (const [key, value] of clone.settings) await ours.git(['config', '--local', key, value]);
  await ours.git(['update-ref', TAKEN_OVER_REF, clone.head]);
}

/** Our ref for the clone's HEAD. */
const TAKEN_OVER_REF = 'refs/outbox-publisher/taken-over';
