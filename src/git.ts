import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as core from '@actions/core';
import { ActionError, CommandError } from './errors.js';
import type { Identity } from './inputs.js';
import { addTrailerToExport } from './mbox.js';
import { readRejection, type PushRejection } from './push-rejection.js';
import type { ExecResult, RunOptions, Sandbox } from './sandbox.js';

const NETWORK_ATTEMPTS = 3;
/** What git prints when the connection, not the request, failed. */
const TRANSIENT =
  /connection reset|connection refused|hung up unexpectedly|unexpected disconnect|early EOF|RPC failed|returned error: 5\d\d|Empty reply from server|SSL_read|Failed to connect|timed out|HTTP\/2 stream/i;

/** Marks every commit this action writes; a branch commit without it was made by someone else. */
export const PUBLISHED_BY_TRAILER = 'Published-by: outbox-publisher';

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
}

/** A commit with what tells whose it is: its author's name and its message. */
export type CommitDetails = CommitInfo & { message: string; author: string };

export interface FileChange {
  status: string;
  path: string;
}

export interface RawChange {
  oldMode: string;
  newMode: string;
  blob: string;
  status: string;
  path: string;
}

/** A rejected push says what git and the server said; src/push-rejection.ts reads it. */
export type PushResult = { pushed: true } | { pushed: false; rejection: PushRejection };

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

function identityEnv(
  author: Identity | undefined,
  committer: Identity,
  authorDate?: string
): Record<string, string> {
  return {
    ...(author ? { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email } : {}),
    ...(authorDate ? { GIT_AUTHOR_DATE: authorDate } : {}),
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email
  };
}

/**
 * One work tree and the git commands the action runs in it. Every command goes through the
 * sandbox, so git finds gh as its credential helper in the private global config and the
 * clone's own .git/config never holds a credential.
 */
/** A path in git's C-quoted form (quotes, backslashes and control characters escaped), for git input that unquotes lines. */
export function cQuote(name: string): string {
  const escapes: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r' };
  const body = name.replace(
    /["\\\n\t\r]|[\x00-\x1f\x7f]/g,
    (c) => escapes[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`
  );
  return `"${body}"`;
}

export class GitWorkTree {
  /** Set by `startSparse`: only the top-level files and the folders `widenSparse` named are checked out. */
  private sparse = false;
  /** The index file (see `commitAll`); every work tree is a clone this action made. */
  private ownIndex: string | undefined;

  private constructor(
    private readonly sandbox: Sandbox,
    readonly dir: string
  ) {}

  /** An empty repository at `dir` whose `origin` is `remoteUrl`; `dir` must be missing or empty. */
  static async init(
    sandbox: Sandbox,
    dir: string,
    remoteUrl: string,
    initialBranch: string
  ): Promise<GitWorkTree> {
    await fs.mkdir(dir, { recursive: true });
    const tree = new GitWorkTree(sandbox, dir);
    await tree.git(['init', '-q', `--initial-branch=${initialBranch}`]);
    await tree.git(['remote', 'add', 'origin', remoteUrl]);
    tree.ownIndex = path.join(dir, '.git', 'index');
    return tree;
  }

  git(args: string[], options: RunOptions = {}): Promise<ExecResult> {
    return this.sandbox.run('git', args, { cwd: this.dir, ...options });
  }

  /**
   * A git command that talks to the server, tried again when the connection failed on the way
   * (reset, hung up, 5xx); any other failure is final at once.
   */
  private async network(args: string[], options: RunOptions = {}): Promise<ExecResult> {
    for (let attempt = 1; ; attempt++) {
      const result = await this.git(args, { ...options, allowFailure: true });
      if (result.exitCode === 0 || attempt >= NETWORK_ATTEMPTS || !TRANSIENT.test(result.stderr)) {
        if (result.exitCode !== 0 && !options.allowFailure) {
          throw new CommandError(
            ['git', ...args].join(' '),
            result.exitCode,
            result.stderr || result.stdout,
            options.fix
          );
        }
        return result;
      }
      core.info(`git ${args[0]} lost its connection (attempt ${attempt}); trying again.`);
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }

  private async output(args: string[]): Promise<string> {
    return (await this.git(args)).stdout.trim();
  }

  async originUrl(): Promise<string | undefined> {
    const result = await this.git(['remote', 'get-url', 'origin'], { allowFailure: true });
    return result.exitCode === 0 ? result.stdout.trim() : undefined;
  }

  /** The remote's tips of the given branches; a branch that does not exist is absent from the map. */
  async remoteBranchTips(branches: string[]): Promise<Map<string, string>> {
    const stdout = await this.network(
      ['ls-remote', '--heads', 'origin', ...branches.map((b) => `refs/heads/${b}`)],
      {
        fix: 'Check that the repository exists and that the token in GITHUB_TOKEN may read it.'
      }
    ).then((r) => r.stdout);
    const tips = new Map<string, string>();
    for (const line of stdout.split('\n')) {
      const [sha, ref] = line.trim().split('\t');
      if (sha && ref?.startsWith('refs/heads/')) tips.set(ref.slice('refs/heads/'.length), sha);
    }
    return tips;
  }

  /** Fetches each branch into refs/remotes/origin/<branch>, shallow unless `depth` is undefined. */
  async fetchBranches(
    branches: string[],
    history: { depth?: number; deepen?: number; since?: string; unshallow?: boolean } = { depth: 1 }
  ): Promise<ExecResult> {
    const refspecs = branches.map((b) => `+refs/heads/${b}:refs/remotes/origin/${b}`);
    let shallow: string[] = [];
    if (history.since) shallow = [`--shallow-since=${history.since}`];
    else if (history.depth) shallow = [`--depth=${history.depth}`];
    else if (history.deepen) shallow = [`--deepen=${history.deepen}`];
    else if (history.unshallow && (await this.isShallow())) shallow = ['--unshallow'];
    return this.network(['fetch', '--no-tags', '--no-write-fetch-head', ...shallow, 'origin', ...refspecs], {
      allowFailure: history.since !== undefined
    });
  }

  /**
   * One fetch for the target, which must exist, and the PR branch, which may not: the branch
   * goes through a glob refspec, which matches nothing instead of failing. A clone that is not
   * shallow stays whole. Both land in their remote-tracking refs; a missing target is reported.
   */
  async fetchTargetAndBranch(
    target: string,
    branch: string,
    options: { shallow: boolean; fresh: boolean }
  ): Promise<{ targetFound: boolean }> {
    const branchRef = `refs/remotes/origin/${branch}`;
    const shallow = options.shallow;
    // A stale remote-tracking ref in an existing clone must not pass for the branch's tip.
    if (!options.fresh) await this.git(['update-ref', '-d', branchRef], { allowFailure: true });
    const result = await this.network(
      [
        'fetch',
        '--no-tags',
        '--no-write-fetch-head',
        ...(shallow ? ['--depth=1'] : []),
        'origin',
        `+refs/heads/${target}:refs/remotes/origin/${target}`,
        `+refs/heads/${branch}*:${branchRef}*`
      ],
      { allowFailure: true }
    );
    if (result.exitCode !== 0) {
      if (/couldn't find remote ref/i.test(result.stderr)) return { targetFound: false };
      throw new CommandError(
        'git fetch origin',
        result.exitCode,
        result.stderr,
        'Check that the repository exists and that the token in GITHUB_TOKEN may read it.'
      );
    }
    return { targetFound: true };
  }

  /**
   * Fetches `branch` with the history that is its own: the commits reachable from it and not
   * from `target` on the server (`--shallow-exclude`), into its remote-tracking ref, without
   * fetching any more of the target's history. When the branch has no such commit (it is all on
   * the target) the server gives up, and git reports that like any server failure.
   */
  async fetchHistoryUntil(branch: string, target: string): Promise<ExecResult> {
    const args = [
      'fetch',
      '--no-tags',
      '--no-write-fetch-head',
      `--shallow-exclude=refs/heads/${target}`,
      'origin',
      `+refs/heads/${branch}:refs/remotes/origin/${branch}`
    ];
    return this.network(args, { allowFailure: true });
  }

  /**
   * The commits reachable from `tip` but not from `exclude`, oldest first (parents before
   * children), each read from its object: with its true parents even at a shallow boundary.
   */
  async commitsNotOn(exclude: string, tip: string): Promise<CommitDetails[]> {
    const shas = await this.commitsBetween(exclude, tip);
    if (shas.length === 0) return [];
    const out = await this.sandbox.runForBytes('git', ['cat-file', '--batch'], {
      cwd: this.dir,
      input: shas.map((sha) => `${sha}\n`).join('')
    });
    const commits: CommitDetails[] = [];
    // Each object is "<sha> <type> <size>\n<size bytes>\n": read by size, as a message may hold anything.
    for (let at = 0; at < out.length;) {
      const eol = out.indexOf(10, at);
      const [sha, type, size] = out.subarray(at, eol).toString('latin1').split(' ');
      if (type !== 'commit') throw new ActionError(`'${sha}' is not a commit in ${this.dir}.`);
      const end = eol + 1 + Number(size);
      commits.push(parseCommit(sha, out.subarray(eol + 1, end).toString('utf8')));
      at = end + 1;
    }
    return commits;
  }

  async isShallow(): Promise<boolean> {
    return (await this.output(['rev-parse', '--is-shallow-repository'])) === 'true';
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

  /** Uncommitted changes, untracked files included and ignored ones not. */
  async isDirty(): Promise<boolean> {
    return (await this.output(['status', '--porcelain', '--untracked-files=all'])) !== '';
  }

  /**
   * From the next checkout on, only top-level files are written (a cone-mode sparse checkout);
   * folders come in through `widenSparse` when a change needs them.
   */
  async startSparse(): Promise<void> {
    // `init --cone` (git 2.25+) rather than `set --cone` (2.35+): the same top-level-only start.
    await this.git(['sparse-checkout', 'init', '--cone']);
    this.sparse = true;
  }

  /**
   * In a sparse work tree, checks out the folders that hold the paths `touched` names (asked for
   * only then, as listing them takes a git process); in a full one, nothing to do.
   */
  async widenSparse(touched: () => Promise<string[]>): Promise<void> {
    if (!this.sparse) return;
    const folders = new Set(
      (await touched()).map((file) => path.posix.dirname(file)).filter((folder) => folder !== '.')
    );
    if (folders.size === 0) return;
    // --stdin reads a line that starts with a quote as C-quoted: quoting every line keeps any name literal.
    await this.git(['sparse-checkout', 'add', '--stdin'], {
      input: [...folders].map(cQuote).join('\n') + '\n'
    });
  }

  /** The paths a patch touches (both sides of a rename), as git apply reads them. */
  async pathsOfPatch(patch: string | Buffer): Promise<string[]> {
    // A patch git cannot read yields no paths here; applying it then fails with the reason.
    const { stdout } = await this.git(['apply', '--numstat', '-z', '-'], {
      input: patch,
      allowFailure: true
    });
    // -z: "added<TAB>deleted<TAB>path<NUL>", or for a rename "added<TAB>deleted<TAB><NUL>old<NUL>new<NUL>".
    return stdout
      .split('\0')
      .map((field) => field.replace(/^(\d+|-)\t(\d+|-)\t/, ''))
      .filter((field) => field.length > 0);
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

  async checkoutNewBranch(branch: string, startPoint: string): Promise<void> {
    await this.git(['checkout', '-q', '--no-track', '-B', branch, startPoint]);
  }

  /**
   * Commits every change in the work tree (new files honouring .gitignore, edits, deletions) with
   * our trailer; returns whether there was anything to commit.
   *
   * Files written in the same second as the index are "racily clean": git cannot trust their
   * timestamps and reads and hashes them on every index write and refresh. After a checkout of
   * many files that is most of the cost, and `add --all` then `commit` pays it twice. Without new
   * files, `commit --all` alone refreshes once. With new files, they are added to the index first
   * (`update-index --add`: literal names, and linear where `add` with thousands of pathspecs is
   * not), and that index write checks every racily clean entry by content, smudging those that
   * changed; from then on each entry either matches its file or is marked changed. In a clone of
   * our own the index's time is then moved one second on, so that `commit --all` trusts what was
   * just verified instead of hashing it again; the commit writes a new index with a true time,
   * which restores git's protection for whatever comes after. A
   * process that the `run` script leaves running may write files at any moment; what it writes
   * after the staging begins may miss this commit, as it would if written after the commit.
   */
  async commitAll(message: string, author: Identity, committer: Identity): Promise<boolean> {
    const untracked = await this.git(['ls-files', '--others', '--exclude-standard', '-z']);
    if (untracked.stdout) {
      // An embedded repository is listed as 'dir/'; update-index takes it (as a gitlink) as 'dir'.
      const names = untracked.stdout
        .split('\0')
        .filter((name) => name.length > 0)
        .map((name) => name.replace(/\/$/, ''));
      await this.git(['update-index', '--add', '-z', '--stdin'], { input: names.join('\0') + '\0' });
      if (this.ownIndex) {
        const written = (await fs.stat(this.ownIndex)).mtimeMs / 1000;
        await fs.utimes(this.ownIndex, new Date(), Math.floor(written) + 1);
      }
    }
    const commit = [
      'commit',
      '-q',
      '--all',
      '--no-verify',
      '--no-gpg-sign',
      '--trailer',
      PUBLISHED_BY_TRAILER,
      '-F',
      '-'
    ];
    const committed = await this.git(commit, {
      input: message,
      env: identityEnv(author, committer),
      allowFailure: true
    });
    if (committed.exitCode === 0) return true;
    // Only when the commit failed: nothing differs from HEAD that `commit --all` would take (a
    // submodule with edits inside it but the same commit checked out is not a change) means there
    // was nothing to commit.
    const unchanged = await this.git(['diff', '--quiet', '--ignore-submodules=dirty', 'HEAD'], {
      allowFailure: true
    });
    if (unchanged.exitCode === 0) return false;
    throw new CommandError(
      ['git', ...commit].join(' '),
      committed.exitCode,
      committed.stderr || committed.stdout
    );
  }

  /** Re-creates `sha` on HEAD with its author, date and message, plus our trailer. */
  async replayCommit(sha: string, committer: Identity): Promise<void> {
    const picked = await this.git(['cherry-pick', '--no-commit', '--allow-empty', sha], {
      allowFailure: true
    });
    if (picked.exitCode !== 0) {
      await this.git(['reset', '-q', '--hard', 'HEAD'], { allowFailure: true });
      throw new ConflictError(`Commit ${sha.slice(0, 12)}`, picked.stderr || picked.stdout);
    }
    await this.git(
      [
        'commit',
        '-q',
        '--no-verify',
        '--no-gpg-sign',
        '--allow-empty',
        '-C',
        sha,
        '--trailer',
        PUBLISHED_BY_TRAILER
      ],
      {
        env: identityEnv(undefined, committer)
      }
    );
  }

  /**
   * Applies the mails of `mbox` onto HEAD in one `git am`, each as a commit with its author, date
   * and message, committed by `committer`. The patches are bytes: `--keep-cr` keeps CRLF lines,
   * binary, latin-1 and mode changes pass as git wrote them. No hook runs (git 2.39's am has no
   * --no-verify: core.hooksPath points at nothing), nothing is signed, no automatic gc runs. When a
   * mail does not apply the series is undone, and the ConflictError's `mail` says which (1-based).
   */
  async applyMails(mbox: Buffer, committer: Identity): Promise<void> {
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
      '--no-scissors'
    ];
    const result = await this.git(am, {
      input: mbox,
      env: identityEnv(undefined, committer),
      allowFailure: true
    });
    if (result.exitCode === 0) return;
    await this.git([...quiet, 'am', '--abort'], { allowFailure: true });
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
   * `git fast-import` (not a process per commit): the branch HEAD is on is rewritten with the same
   * trees, authors, dates and committers, so the index and the files stay as they are.
   */
  async addTrailer(base: string, trailer: string): Promise<void> {
    const branch = await this.currentBranch();
    if (!branch) throw new ActionError(`The work tree in ${this.dir} has no branch checked out.`);
    const ref = `refs/heads/${branch}`;
    const exported = await this.sandbox.runForBytes(
      'git',
      [
        'fast-export',
        '--no-data',
        '--reference-excluded-parents',
        '--signed-tags=strip',
        '--reencode=yes',
        ref,
        `^${base}`
      ],
      { cwd: this.dir }
    );
    const { stream, changed } = addTrailerToExport(exported, trailer);
    if (changed) await this.git(['fast-import', '--quiet', '--force'], { input: stream });
  }

  /** `git patch-id --stable` of each diff (undefined where there is none), all in one process. */
  async patchIdsOfDiffs(diffs: Array<Buffer | undefined>): Promise<Array<string | undefined>> {
    const parts: Buffer[] = [];
    diffs.forEach((diff, i) => {
      if (!diff) return;
      // A made-up commit line before each diff tells patch-id where one ends, and says whose id it prints.
      parts.push(Buffer.from(`commit ${i.toString(16).padStart(40, '0')}\n`), diff);
      if (diff[diff.length - 1] !== 0x0a) parts.push(Buffer.from('\n'));
    });
    const ids: Array<string | undefined> = diffs.map(() => undefined);
    if (parts.length === 0) return ids;
    const { stdout } = await this.git(['patch-id', '--stable'], { input: Buffer.concat(parts) });
    for (const line of stdout.split('\n')) {
      const [id, commit] = line.trim().split(' ');
      if (id && commit) ids[parseInt(commit, 16)] = id;
    }
    return ids;
  }

  /** `git patch-id --stable` of a diff, or of every commit in `git log -p` output. */
  async patchIds(diffs: string): Promise<string[]> {
    if (!diffs.trim()) return [];
    const result = await this.git(['patch-id', '--stable'], { input: diffs });
    return result.stdout
      .split('\n')
      .map((line) => line.split(' ')[0])
      .filter((id) => id.length > 0);
  }

  /** Patch ids of the non-merge commits reachable from `tip` and not from `exclude` (when given). */
  async patchIdsOfCommits(tip: string, exclude?: string): Promise<string[]> {
    // --min-parents=1 leaves out the shallow boundary, whose "diff" would be its whole tree.
    const log = await this.output([
      'log',
      '-p',
      '--min-parents=1',
      '--max-parents=1',
      '--no-color',
      '--format=commit %H',
      tip,
      ...(exclude ? ['--not', exclude] : [])
    ]);
    return this.patchIds(log);
  }

  async showPatch(sha: string): Promise<string> {
    return (await this.git(['show', '--no-color', '--format=commit %H', sha])).stdout;
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
    const { stdout } = await this.git(['cat-file', '--batch'], { input: `${ref}^{commit}\n` });
    const newline = stdout.indexOf('\n');
    const [sha, type] = stdout.slice(0, newline).split(' ');
    if (type !== 'commit') return undefined;
    return parseCommit(sha, stdout.slice(newline + 1));
  }

  async blob(sha: string): Promise<Buffer> {
    return this.sandbox.runForBytes('git', ['cat-file', 'blob', sha], { cwd: this.dir });
  }

  /** The raw tree changes of a commit against its first parent: modes, blob ids, status, path. */
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
      const [oldMode, newMode, , newBlob, status] = fields[i].replace(/^:/, '').split(' ');
      changes.push({
        oldMode: oldMode,
        newMode: newMode,
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

  async resetHard(ref: string): Promise<void> {
    await this.git(['reset', '-q', '--hard', ref]);
  }

  /** How many commits lead from `from` to `to`, and the files they change. */
  async describeChanges(from: string, to: string): Promise<{ commits: number; files: FileChange[] }> {
    const [commits, files] = await Promise.all([this.commitsBetween(from, to), this.changedFiles(from, to)]);
    return { commits: commits.length, files };
  }

  /**
   * Every path that pushing `tip` over `base` brings: what each commit of `base..tip` changes (a
   * merge against each parent, a root commit against nothing), so that a file added and removed
   * again within the series counts, and the net difference. Renames count as both of their paths.
   */
  async pathsTouched(base: string, tip: string): Promise<string[]> {
    const [log, diff] = await Promise.all([
      this.git(['log', '-m', '--root', '--no-renames', '--name-only', '-z', '--format=', tip, '--not', base]),
      this.git(['diff', '--no-renames', '--name-only', '-z', base, tip])
    ]);
    const paths = `${log.stdout}\0${diff.stdout}`.split('\0');
    return [...new Set(paths.filter((field) => field.length > 0))];
  }

  async changedFiles(from: string, to: string): Promise<FileChange[]> {
    const { stdout } = await this.git(['diff', '--name-status', '--no-renames', '-z', from, to]);
    const fields = stdout.split('\0').filter((field) => field.length > 0);
    const changes: FileChange[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) changes.push({ status: fields[i], path: fields[i + 1] });
    return changes;
  }

  /** Moves the commits `upstream..HEAD` onto `onto`; on a conflict the rebase is undone. */
  async rebaseOnto(onto: string, upstream: string, committer: Identity): Promise<void> {
    const result = await this.git(['rebase', '-q', '--no-gpg-sign', '--onto', onto, upstream], {
      allowFailure: true,
      env: identityEnv(undefined, committer)
    });
    if (result.exitCode !== 0) {
      await this.git(['rebase', '--abort'], { allowFailure: true });
      throw new ConflictError('Rebasing onto the new target', result.stderr || result.stdout);
    }
  }

  /**
   * Pushes HEAD to `branch`. With `lease`, the push is forced but only over the tip we saw
   * (`undefined`: the branch must not exist); without, it is a plain fast-forward push.
   */
  async push(branch: string, lease?: { expectedTip: string | undefined }): Promise<PushResult> {
    const ref = `refs/heads/${branch}`;
    const leaseArgs = lease ? [`--force-with-lease=${ref}:${lease.expectedTip ?? ''}`] : [];
    let head: string | undefined;
    for (let attempt = 1; ; attempt++) {
      const result = await this.git(
        ['push', '--porcelain', '--no-verify', ...leaseArgs, 'origin', `HEAD:${ref}`],
        { allowFailure: true }
      );
      if (result.exitCode === 0) return { pushed: true };
      const line = result.stdout.split('\n').find((l) => l.includes(`:${ref}\t`));
      if (line?.startsWith('!'))
        return {
          pushed: false,
          rejection: readRejection(line.split('\t')[2] ?? '[rejected]', result.stderr)
        };
      if (!TRANSIENT.test(result.stderr) || attempt >= NETWORK_ATTEMPTS) {
        throw new ActionError(
          `Pushing to '${branch}' failed:\n${(result.stderr || result.stdout).trim()}`,
          'Check that the token may push to this repository (contents: write).'
        );
      }
      // The connection broke; the push may have reached the server all the same. Pushing again
      // would then fail its lease, so look first.
      head ??= (await this.commitInfo('HEAD')).sha;
      const tips = await this.remoteBranchTips([branch]);
      if (tips.get(branch) === head) {
        core.info(`The push to '${branch}' lost its connection but reached GitHub.`);
        return { pushed: true };
      }
      core.info(`The push to '${branch}' lost its connection (attempt ${attempt}); trying again.`);
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
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
    message: split < 0 ? '' : raw.slice(split + 2).replace(/\n$/, '')
  };
}
