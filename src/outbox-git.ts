import { ActionError } from './errors.js';
import { ConflictError, type Git } from './git.js';
import { identityEnv, type Identity } from './identity.js';
import { addTrailerToExport } from './mbox.js';

/** A mail of a `git am` series that does not apply; `mail` is its place in the series (1-based), when git said. */
export class MailConflictError extends ConflictError {
  constructor(
    readonly mail: number | undefined,
    output: string
  ) {
    super(`Mail ${mail ?? '?'}`, output);
    this.name = 'MailConflictError';
  }
}

/** The paths a patch touches (both sides of a rename), as git apply reads them. */
export async function pathsOfPatch(repo: Git, patch: string | Buffer): Promise<string[]> {
  // A patch git cannot read yields no paths here; applying it then fails with the reason.
  const { stdout } = await repo.git(['apply', '--numstat', '-z', '-'], {
    input: patch,
    allowFailure: true
  });
  // -z: "added<TAB>deleted<TAB>path<NUL>", or for a rename "added<TAB>deleted<TAB><NUL>old<NUL>new<NUL>".
  return stdout
    .split('\0')
    .map((field) => field.replace(/^(\d+|-)\t(\d+|-)\t/, ''))
    .filter((field) => field.length > 0);
}

/**
 * Applies the mails of `mbox` onto HEAD in one `git am`, each as a commit with its author, date
 * and message, committed by `committer` (and signed off by it with `signoff`). The patches are bytes: `--keep-cr` keeps CRLF lines,
 * binary, latin-1 and mode changes pass as git wrote them. No hook runs (git 2.39's am has no
 * --no-verify: core.hooksPath points at nothing), nothing is signed, no automatic gc runs. When a
 * mail does not apply the series is undone, and the ConflictError's `mail` says which (1-based).
 */
export async function applyMails(
  repo: Git,
  mbox: Buffer,
  committer: Identity,
  signoff: boolean
): Promise<void> {
  const quiet = ['-c', 'core.hooksPath=/dev/null', '-c', 'maintenance.auto=false', '-c', 'gc.auto=0'];
  const am = [
    ...quiet,
    'am',
    '-q',
    '--keep-cr',
    '--no-3way',
    '--whitespace=nowarn',
    '--no-gpg-sign',
    '--no-message-id',
    '--no-scissors',
    // The committer's sign-off after the patch's own trailers, as `git am --signoff` writes it.
    ...(signoff ? ['--signoff'] : [])
  ];
  const result = await repo.git(am, {
    input: mbox,
    env: identityEnv(undefined, committer),
    allowFailure: true
  });
  if (result.exitCode === 0) return;
  await repo.git([...quiet, 'am', '--abort'], { allowFailure: true });
  const failedAt = /^Patch failed at (\d+)/m.exec(result.stdout)?.[1];
  const errors = result.stderr.split('\n').filter((line) => /^(error|fatal):/.test(line));
  const said =
    errors.length > 0
      ? errors.join('\n')
      : result.stdout
          .split('\n')
          .filter((line) => line && !/^(hint:|When you have|If you prefer|To restore)/.test(line))
          .join('\n');
  throw new MailConflictError(failedAt ? Number(failedAt) : undefined, said || result.stderr);
}

/**
 * Adds `trailer` to every commit of `base..HEAD` that lacks it, in one `git fast-export` and one
 * `git fast-import` (not a process per commit): the branch HEAD is on (`checkedOut` when the
 * caller knows it) is rewritten with the same trees, authors, dates and committers, so the
 * index and the files stay as they are.
 */
export async function addTrailer(
  repo: Git,
  base: string,
  trailer: string,
  checkedOut?: string
): Promise<void> {
  const branch = checkedOut ?? (await repo.currentBranch());
  if (!branch) throw new ActionError(`The work tree in ${repo.dir} has no branch checked out.`);
  const ref = `refs/heads/${branch}`;
  const exported = await repo.gitBytes([
    'fast-export',
    '--no-data',
    '--reference-excluded-parents',
    '--signed-tags=strip',
    '--reencode=yes',
    ref,
    `^${base}`
  ]);
  const { stream, changed } = addTrailerToExport(exported, trailer);
  if (changed) await repo.git(['fast-import', '--quiet', '--force'], { input: stream });
}

/** `git patch-id --stable` of each diff (undefined where there is none), all in one process. */
export async function patchIdsOfDiffs(
  repo: Git,
  diffs: Array<Buffer | undefined>
): Promise<Array<string | undefined>> {
  const parts: Buffer[] = [];
  diffs.forEach((diff, i) => {
    if (!diff) return;
    // A made-up commit line before each diff tells patch-id where one ends, and says whose id it prints.
    parts.push(Buffer.from(`commit ${i.toString(16).padStart(40, '0')}\n`), diff);
    if (diff[diff.length - 1] !== 0x0a) parts.push(Buffer.from('\n'));
  });
  const ids: Array<string | undefined> = diffs.map(() => undefined);
  if (parts.length === 0) return ids;
  const { stdout } = await repo.git(['patch-id', '--stable'], { input: Buffer.concat(parts) });
  for (const line of stdout.split('\n')) {
    const [id, commit] = line.trim().split(' ');
    if (id && commit) ids[parseInt(commit, 16)] = id;
  }
  return ids;
}

/** `git patch-id --stable` of a diff, or of every commit in `git log -p` output. */
export async function patchIds(repo: Git, diffs: string): Promise<string[]> {
  if (!diffs.trim()) return [];
  const result = await repo.git(['patch-id', '--stable'], { input: diffs });
  return result.stdout
    .split('\n')
    .map((line) => line.split(' ')[0])
    .filter((id) => id.length > 0);
}

/** Patch ids of the non-merge commits reachable from `tip` and not from `exclude` (when given). */
export async function patchIdsOfCommits(repo: Git, tip: string, exclude?: string): Promise<string[]> {
  // --min-parents=1 leaves out the shallow boundary, whose "diff" would be its whole tree.
  const log = await repo.output([
    'log',
    '-p',
    '--min-parents=1',
    '--max-parents=1',
    '--no-color',
    '--format=commit %H',
    tip,
    ...(exclude ? ['--not', exclude] : [])
  ]);
  return patchIds(repo, log);
}

export async function showPatch(repo: Git, sha: string): Promise<string> {
  return (await repo.git(['show', '--no-color', '--format=commit %H', sha])).stdout;
}
