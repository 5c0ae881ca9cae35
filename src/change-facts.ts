import type { FileChange, Git } from './git.js';

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

/**
 * What pushing `tip` over `base` brings, read once (two git processes) for the workflow policy,
 * the LFS review and the report: what each commit of `base..tip` changes (a merge against each
 * parent, a root commit against nothing), so that a file added and removed again within the
 * series counts, and the net difference.
 */
export async function readChanges(repo: Git, base: string, tip: string): Promise<ChangeFacts> {
  const [log, diff] = await Promise.all([
    repo.git([
      ...['log', '-m', '--root', '--no-renames', '--raw', '--no-abbrev', '-z', '--format=%x01%H'],
      ...[tip, '--not', base]
    ]),
    repo.git(['diff', '--name-status', '--no-renames', '-z', base, tip])
  ]);
  const commits = new Set<string>();
  const paths = new Set<string>();
  const blobs = new Map<string, string>();
  const fields = log.stdout.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i].replace(/^\n/, '');
    if (field.startsWith('\x01')) commits.add(field.slice(1));
    if (!field.startsWith(':') || i + 1 >= fields.length) continue;
    // `:<old mode> <new mode> <old id> <new id> <status>`, then the path.
    const [, newMode, , newId] = field.split(' ');
    const file = fields[++i];
    paths.add(file);
    if (!/^0+$/.test(newId) && newMode !== '160000') blobs.set(newId, file);
  }
  const net = diff.stdout.split('\0').filter((field) => field.length > 0);
  const files: FileChange[] = [];
  for (let i = 0; i + 1 < net.length; i += 2) {
    files.push({ status: net[i], path: net[i + 1] });
    paths.add(net[i + 1]);
  }
  return { commits: commits.size, paths: [...paths], blobs, files };
}
