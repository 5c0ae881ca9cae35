import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ActionError } from './errors.js';
import type { Identity } from './identity.js';
import type { ExecResult, RunOptions, Sandbox } from './sandbox.js';

/** Marks every commit this action writes; a branch commit without it was made by someone else. */
export const PUBLISHED_BY_TRAILER = 'Published-by: outbox-publisher';

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
}

/**
 * A commit with what tells whose it is (its author's name and its message) and when it was
 * committed (seconds since the epoch, as git compares dates).
 */
export type CommitDetails = CommitInfo & { message: string; author: string; committedAt: number };

export interface FileChange {
  status: string;
  path: string;
}

export interface RawChange {
  oldMode: string;
  newMode: string;
  /** What the path held before (all zeros when added): a blob GitHub has, as the parent is there. */
  oldBlob: string;
  blob: string;
  status: string;
  path: string;
}

/** A commit, patch or rebase step that does not apply; what to say is up to the caller. */
export class ConflictError extends ActionError {
  readonly detail: string;
  constructor(
    readonly what: string,
    output: string
  ) {
    const detail = output.trim().split('\n').slice(-4).join('\n');
    super(`${what} does not apply: ${detail}`);
    this.name = 'ConflictError';
    this.detail = detail;
  }
}

/**
 * git plumbing in one repository: runs git there through the sandbox (so git finds gh as its
 * credential helper in the private global config and the clone's .git/config never holds a
 * credential) and reads commits, trees and diffs. Writing commits is GitWorkTree's job
 * (src/git-worktree.ts), talking to the server src/git-remote.ts's.
 */
export class Git {
  constructor(
    protected readonly sandbox: Sandbox,
    readonly dir: string
  ) {}

  git(args: string[], options: RunOptions = {}): Promise<ExecResult> {
    return this.sandbox.run('git', args, { cwd: this.dir, ...options });
  }

  /** A git command whose stdout is bytes (objects, fast-export streams), not text. */
  gitBytes(args: string[], options: { input?: string } = {}): Promise<Buffer> {
    return this.sandbox.runForBytes('git', args, { cwd: this.dir, ...options });
  }

  async output(args: string[]): Promise<string> {
    return (await this.git(args)).stdout.trim();
  }

  /**
   * The commits reachable from `tip` but not from `exclude`, oldest first (parents before
   * children), each read from its object: with its true parents even at a shallow boundary.
   */
  async commitsNotOn(exclude: string, tip: string): Promise<CommitDetails[]> {
    const shas = await this.commitsBetween(exclude, tip);
    if (shas.length === 0) return [];
    const commits = await this.readCommits(shas);
    // By the list asked for, not the answers: a short answer must fail, not drop commits.
    return shas.map((sha, i) => {
      const commit = commits[i];
      if (!commit) throw new ActionError(`'${sha}' is not a commit in ${this.dir}.`);
      return commit;
    });
  }

  /** Whether the clone is shallow: git keeps .git/shallow exactly while it is (read without a process). */
  async isShallow(): Promise<boolean> {
    return fs.access(path.join(this.dir, '.git', 'shallow')).then(
      () => true,
      () => false
    );
  }

  async mergeBase(a: string, b: string): Promise<string | undefined> {
    const result = await this.git(['merge-base', a, b], { allowFailure: true });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  /** Commits reachable from `tip` but not from `exclude`, oldest first. */
  async commitsBetween(exclude: string, tip: string): Promise<string[]> {
    const stdout = await this.output(['rev-list', '--reverse', '--topo-order', tip, '--not', exclude]);
    return stdout ? stdout.split('\n') : [];
  }

  async isMerge(sha: string): Promise<boolean> {
    return (await this.commitInfo(sha)).parents.length > 1;
  }

  async currentBranch(): Promise<string | undefined> {
    const result = await this.git(['symbolic-ref', '-q', '--short', 'HEAD'], { allowFailure: true });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  /** The paths a commit changes against its first parent (against nothing for a root commit). */
  async pathsOfCommit(sha: string): Promise<string[]> {
    const { stdout } = await this.git([
      'diff-tree',
      '-r',
      '-z',
      '--name-only',
      '--no-commit-id',
      '--root',
      sha
    ]);
    return stdout.split('\0').filter((field) => field.length > 0);
  }

  /**
   * Reads a commit from the object itself (one `cat-file --batch`): a shallow fetch grafts away
   * the parents of its boundary commits, but the object still names them.
   */
  async commitInfo(ref: string): Promise<CommitInfo> {
    return this.readCommit(ref);
  }

  async readCommit(ref: string): Promise<CommitDetails> {
    const commit = await this.readCommitIfAny(ref);
    if (!commit) throw new ActionError(`'${ref}' is not a commit in ${this.dir}.`);
    return commit;
  }

  /** The commit `ref` names, or undefined when there is none (one process, no rev-parse first). */
  async readCommitIfAny(ref: string): Promise<CommitDetails | undefined> {
    return (await this.readCommits([ref]))[0];
  }

  /** The commits `refs` name, each undefined when there is none, all read by one `cat-file --batch`. */
  async readCommits(refs: readonly string[]): Promise<Array<CommitDetails | undefined>> {
    const out = await this.gitBytes(['cat-file', '--batch'], {
      input: refs.map((ref) => `${ref}^{commit}\n`).join('')
    });
    const commits: Array<CommitDetails | undefined> = [];
    // Each answer is "<sha> <type> <size>\n<size bytes>\n", or "<name> missing\n" (read by size,
    // as a message may hold anything).
    for (let at = 0; commits.length < refs.length && at < out.length;) {
      const eol = out.indexOf(10, at);
      const [sha, type, size] = out.subarray(at, eol).toString('latin1').split(' ');
      if (type !== 'commit' || size === undefined) {
        commits.push(undefined);
        at = eol + 1;
        continue;
      }
      const end = eol + 1 + Number(size);
      commits.push(parseCommit(sha, out.subarray(eol + 1, end).toString('utf8')));
      at = end + 1;
    }
    return commits;
  }

  async blob(sha: string): Promise<Buffer> {
    return this.gitBytes(['cat-file', 'blob', sha]);
  }

  /** The raw tree changes of a commit against its first parent: modes, blob ids, status, path. */
  /** The size in bytes of each blob, read in one `cat-file --batch-check`. */
  async blobSizes(shas: readonly string[]): Promise<Map<string, number>> {
    const sizes = new Map<string, number>();
    if (shas.length === 0) return sizes;
    const { stdout } = await this.git(['cat-file', '--batch-check'], {
      input: shas.map((s) => `${s}\n`).join('')
    });
    for (const line of stdout.split('\n')) {
      const [sha, type, size] = line.split(' ');
      if (type === 'blob') sizes.set(sha, Number(size));
    }
    return sizes;
  }

  async rawChanges(sha: string): Promise<RawChange[]> {
    const { stdout } = await this.git([
      'diff-tree',
      '-r',
      '-z',
      '--no-renames',
      '--no-commit-id',
      '--raw',
      `${sha}^`,
      sha
    ]);
    const fields = stdout.split('\0').filter((field) => field.length > 0);
    const changes: RawChange[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const [oldMode, newMode, oldBlob, newBlob, status] = fields[i].replace(/^:/, '').split(' ');
      changes.push({
        oldMode: oldMode,
        newMode: newMode,
        oldBlob,
        blob: newBlob,
        status: status,
        path: fields[i + 1]
      });
    }
    return changes;
  }

  async message(sha: string): Promise<string> {
    return (await this.git(['log', '-1', '--format=%B', sha])).stdout.replace(/\n+$/, '');
  }

  async authorOf(sha: string): Promise<Identity> {
    const [name, email] = (await this.output(['log', '-1', '--format=%an%x00%ae', sha])).split('\0');
    return { name: name, email: email };
  }

  /** How many commits lead from `from` to `to`, and the files they change. */
}

/** A commit object's text (headers, a blank line, the message) read into its fields. */
function parseCommit(sha: string, raw: string): CommitDetails {
  const split = raw.indexOf('\n\n');
  const header = (split < 0 ? raw : raw.slice(0, split)).split('\n');
  const field = (name: string) =>
    header.filter((line) => line.startsWith(`${name} `)).map((line) => line.slice(name.length + 1));
  return {
    sha,
    tree: field('tree')[0],
    parents: field('parent'),
    author: (field('author')[0] ?? '').replace(/ <.*$/, ''),
    // "committer Name <email> 1700000000 +0000": the time is the second field from the end.
    committedAt: Number((field('committer')[0] ?? '').split(' ').slice(-2)[0]),
    message: split < 0 ? '' : raw.slice(split + 2).replace(/\n$/, '')
  };
}
