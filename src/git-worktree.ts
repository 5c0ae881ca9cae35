import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { CommandError } from './errors.js';
import { ConflictError, Git, PUBLISHED_BY_TRAILER } from './git.js';
import { identityEnv, type Identity } from './identity.js';
import { cQuote } from './log-text.js';
import type { Sandbox } from './sandbox.js';

/**
 * A clone this action made, and the commands that change it: sparse checkout, checking out the
 * branch, and committing (staging, replaying, rebasing), always with our trailer.
 */
export class GitWorkTree extends Git {
  /** Set by `startSparse`: only the top-level files and the folders `widenSparse` named are checked out. */
  private sparse = false;
  /** The index file (see `commitAll`); every work tree is a clone this action made. */
  private ownIndex: string | undefined;

  private constructor(sandbox: Sandbox, dir: string) {
    super(sandbox, dir);
  }

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

  async resetHard(ref: string): Promise<void> {
    await this.git(['reset', '-q', '--hard', ref]);
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
}
