import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Pathspec } from './add-paths.js';
import { CommandError } from './errors.js';
import { ConflictError, Git, PUBLISHED_BY_TRAILER } from './git.js';
import { identityEnv, type Identity } from './identity.js';
import { lfsEndpointSection, remoteSection } from './git-config-text.js';
import { writeNewRepository } from './git-init.js';
import { cQuote, quoteName } from './log-text.js';
import type { Sandbox } from './sandbox.js';
import { stageMatching } from './staging.js';

/**
 * A clone this action made, and the commands that change it: sparse checkout, checking out the
 * branch, and committing (staging, replaying, rebasing), always with our trailer.
 */
export class GitWorkTree extends Git {
  /** Set by `startSparse`: only the top-level files and the folders `widenSparse` named are checked out. */
  private sparse = false;
  /** The index file (see `commitAll`); every work tree is a clone this action made. */
  private ownIndex: string | undefined;

  private constructor(
    sandbox: Sandbox,
    dir: string,
    /** `signoff`: every commit made here gets `Signed-off-by: <committer>` (git's `--signoff`). */
    readonly signoff: boolean
  ) {
    super(sandbox, dir);
  }

  /** An empty repository at `dir` whose `origin` is `remoteUrl`; `dir` must be missing or empty. */
  static async init(
    sandbox: Sandbox,
    dir: string,
    remoteUrl: string,
    options: { initialBranch: string; signoff: boolean }
  ): Promise<GitWorkTree> {
    await fs.mkdir(dir, { recursive: true });
    const tree = new GitWorkTree(sandbox, dir, options.signoff);
    // No template: its hooks are samples that never run, and its other files unused (the action's
    // git runs no hook); copying them is most of what `git init` does. Where git would write
    // nothing else, the files are written here, without its process (src/git-init.ts).
    if (!(await writeNewRepository(dir, options.initialBranch)))
      await tree.git(['init', '-q', '--template=', `--initial-branch=${options.initialBranch}`]);
    await tree.addRemote('origin', remoteUrl);
    await fs.appendFile(path.join(dir, '.git', 'config'), lfsEndpointSection(remoteUrl));
    tree.ownIndex = path.join(dir, '.git', 'index');
    return tree;
  }

  /** `git remote add`, without its process: the lines it would write, appended to our config. */
  async addRemote(name: string, url: string): Promise<void> {
    await fs.appendFile(path.join(this.dir, '.git', 'config'), remoteSection(name, url));
    // What `[command]git remote add` showed: which repository this clone talks to.
    this.sandbox.log(`Remote ${name}: ${quoteName(url)}`);
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

  /** The branch `checkoutNewBranch` checked out, which the action's own commits go on. */
  branch: string | undefined;

  async checkoutNewBranch(branch: string, startPoint: string): Promise<void> {
    await this.git(['checkout', '-q', '--no-track', '-B', branch, startPoint]);
    this.branch = branch;
  }

  /**
   * Commits every change in the work tree (new files honouring .gitignore, edits, deletions) with
   * our trailer, or with `addPaths` only those that match (src/staging.ts); returns whether there
   * was anything to commit.
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
  async commitAll(
    message: string,
    author: Identity,
    committer: Identity,
    addPaths: readonly Pathspec[] = []
  ): Promise<boolean> {
    if (addPaths.length > 0) {
      // Only what matches is staged; the rest stays in the work tree, uncommitted, and is logged.
      if ((await stageMatching(this, addPaths)).staged.length === 0) return false;
      return this.commitStaged(message, author, committer, []);
    }
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
    return this.commitStaged(message, author, committer, ['--all']);
  }

  /** `git commit` with our trailer (and the sign-off); false when there was nothing to commit. */
  private async commitStaged(
    message: string,
    author: Identity,
    committer: Identity,
    extra: string[]
  ): Promise<boolean> {
    const commit = [
      'commit',
      '-q',
      ...extra,
      '--no-verify',
      '--no-gpg-sign',
      ...this.signoffOption(),
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
    // Only when the commit failed: nothing differs from HEAD that the commit would take (a
    // submodule with edits inside it but the same commit checked out is not a change) means there
    // was nothing to commit.
    const unchanged = await this.git(
      [
        'diff',
        '--quiet',
        '--ignore-submodules=dirty',
        ...(extra.includes('--all') ? [] : ['--cached']),
        'HEAD'
      ],
      { allowFailure: true }
    );
    if (unchanged.exitCode === 0) return false;
    throw new CommandError(
      ['git', ...commit].join(' '),
      committed.exitCode,
      committed.stderr || committed.stdout
    );
  }

  /** `--signoff` when the input asks for it: git adds the committer's line, once. */
  private signoffOption(): string[] {
    return this.signoff ? ['--signoff'] : [];
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
        ...this.signoffOption(),
        '--trailer',
        PUBLISHED_BY_TRAILER
      ],
      {
        env: identityEnv(undefined, committer)
      }
    );
  }

  /**
   * Points the branch at `ref`, a commit with HEAD's very tree (signed commits), leaving the index
   * and the files as they are: changes that `add-paths` left out stay in the work tree.
   */
  async moveToSameTree(ref: string): Promise<void> {
    await this.git(['reset', '-q', '--soft', ref]);
  }

  /**
   * Moves the commits `upstream..HEAD` onto `onto`; on a conflict the rebase is undone. Changes
   * that `add-paths` left out are stashed meanwhile (the stash commit is the committer's; the
   * rebased commits keep their authors).
   */
  async rebaseOnto(onto: string, upstream: string, committer: Identity): Promise<void> {
    const rebase = ['rebase', '-q', '--autostash', '--no-gpg-sign', '--onto', onto, upstream];
    const result = await this.git(rebase, {
      allowFailure: true,
      env: identityEnv(committer, committer)
    });
    if (result.exitCode !== 0) {
      await this.git(['rebase', '--abort'], { allowFailure: true });
      throw new ConflictError('Rebasing onto the new target', result.stderr || result.stdout);
    }
  }
}
