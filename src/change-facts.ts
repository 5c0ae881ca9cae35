import type { CommitInfo, FileChange, Git } from './git.js';

/** What `base..tip` brings (readChanges). */
export interface ChangeFacts {
  commits: number;
  /** Every path a commit changes, or the net difference does. */
  paths: string[];
  /** Every blob the commits write (intermediate versions included), with its path. */
  blobs: Map<string, string>;
  /** The net difference, for the report. */
  files: FileChange[];
}

/** One commit of `git log --raw`: its facts and the changes it makes (against each parent). */
interface LoggedCommit extends CommitInfo {
  changes: Array<FileChange & { newMode: string; newId: string }>;
}

const LOG_FORMAT = '--format=%x01%H %T %P';

/**
 * HEAD once every change is committed, and what it brings over `base` (undefined when HEAD is
 * `base`), read with as few git processes as give the same answer: one `git log` of
 * `HEAD --not base` names HEAD (its first record: a log starts at its one tip) with its tree and
 * parents, and what each commit changes. When HEAD is one commit on `base`, that commit's changes
 * are the net difference too; otherwise a `git diff` reads it. HEAD is read from its object
 * (`cat-file`) when the log cannot name it: when `base` holds it, or when it shows no parents (a
 * root commit, or a shallow clone's boundary, whose parents git grafts away).
 */
export async function readHeadChanges(
  repo: Git,
  base: string
): Promise<{ local: CommitInfo; facts: ChangeFacts | undefined }> {
  const logged = await logCommits(repo, 'HEAD', base);
  const head = logged[0];
  if (head === undefined || head.parents.length === 0) {
    const local = await repo.commitInfo('HEAD');
    return { local, facts: local.sha === base ? undefined : await readChanges(repo, base, local.sha) };
  }
  const local: CommitInfo = { sha: head.sha, tree: head.tree, parents: head.parents };
  const single = logged.length === 1 && head.parents.length === 1 && head.parents[0] === base;
  const net = single ? head.changes : await netDiff(repo, base, head.sha);
  return { local, facts: factsOf(logged, net) };
}

/**
 * What pushing `tip` over `base` brings (two git processes) for the workflow policy, the LFS
 * review and the report: what each commit of `base..tip` changes (a merge against each parent, a
 * root commit against nothing), so that a file added and removed again within the series counts,
 * and the net difference.
 */
async function readChanges(repo: Git, base: string, tip: string): Promise<ChangeFacts> {
  const [logged, net] = await Promise.all([logCommits(repo, tip, base), netDiff(repo, base, tip)]);
  return factsOf(logged, net);
}

/** The commits of `tip --not base`, newest first (`tip` first), with what each changes. */
async function logCommits(repo: Git, tip: string, base: string): Promise<LoggedCommit[]> {
  const log = await repo.git([
    ...['log', '-m', '--root', '--no-renames', '--raw', '--no-abbrev', '-z', LOG_FORMAT],
    ...[tip, '--not', base]
  ]);
  const commits: LoggedCommit[] = [];
  const fields = log.stdout.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i].replace(/^\n/, '');
    if (field.startsWith('\x01')) {
      const [sha, tree, ...parents] = field.slice(1).trim().split(' ');
      const seen = commits.at(-1);
      // `-m` shows a merge once per parent, each with its own header.
      if (seen?.sha !== sha) commits.push({ sha, tree, parents: parents.filter(Boolean), changes: [] });
    }
    if (!field.startsWith(':') || i + 1 >= fields.length) continue;
    // `:<old mode> <new mode> <old id> <new id> <status>`, then the path.
    const [, newMode, , newId, status] = field.split(' ');
    commits.at(-1)?.changes.push({ status, path: fields[++i], newMode, newId });
  }
  return commits;
}

async function netDiff(repo: Git, base: string, tip: string): Promise<FileChange[]> {
  const diff = await repo.git(['diff', '--name-status', '--no-renames', '-z', base, tip]);
  const net = diff.stdout.split('\0').filter((field) => field.length > 0);
  const files: FileChange[] = [];
  for (let i = 0; i + 1 < net.length; i += 2) files.push({ status: net[i], path: net[i + 1] });
  return files;
}

function factsOf(logged: LoggedCommit[], net: FileChange[]): ChangeFacts {
  const paths = new Set<string>();
  const blobs = new Map<string, string>();
  for (const commit of logged)
    for (const change of commit.changes) {
      paths.add(change.path);
      if (!/^0+$/.test(change.newId) && change.newMode !== '160000') blobs.set(change.newId, change.path);
    }
  const files = net.map(({ status, path }) => ({ status, path }));
  for (const file of files) paths.add(file.path);
  return { commits: logged.length, paths: [...paths], blobs, files };
}
