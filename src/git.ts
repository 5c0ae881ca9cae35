import * as fs from 'node:fs/promises';
import { ActionError, InputError } from './errors.js';
import type { Identity } from './inputs.js';
import type { RunOptions, Sandbox } from './sandbox.js';

export interface CommitInfo {
  sha: string;
  tree: string;
  parents: string[];
}

export interface FileChange {
  status: string;
  path: string;
}

export interface WorkTree {
  tree: GitWorkTree;
  target: CommitInfo;
  /** The PR branch as it is on the remote, when it exists. */
  remoteBranch: CommitInfo | undefined;
}

/**
 * A shallow, single-branch clone of `target` at `dir`, checked out on a local `branch`; the remote
 * PR branch, when it exists, is fetched too so that its tip can be compared and leased.
 */
export async function prepareWorkTree(
  sandbox: Sandbox,
  options: { dir: string; remoteUrl: string; repository: string; target: string; branch: string }
): Promise<WorkTree> {
  const { target, branch } = options;
  const tree = await GitWorkTree.init(sandbox, options.dir, options.remoteUrl, branch);
  const tips = await tree.remoteBranchTips([target, branch]);
  if (!tips.has(target)) {
    throw new InputError('target-branch', `branch '${target}' does not exist in ${options.repository}`, 'Give an existing branch, or leave the input empty for the default branch.');
  }
  await tree.fetchBranches(tips.has(branch) ? [target, branch] : [target]);
  await tree.checkoutNewBranch(branch, `refs/remotes/origin/${target}`);
  return {
    tree,
    target: await tree.commitInfo(`refs/remotes/origin/${target}`),
    remoteBranch: tips.has(branch) ? await tree.commitInfo(`refs/remotes/origin/${branch}`) : undefined
  };
}

export type PushResult = { pushed: true } | { pushed: false; reason: string };

/**
 * One work tree and the git commands the action runs in it. Every command goes through the
 * sandbox, so git finds gh as its credential helper in the private global config and the
 * clone's own .git/config never holds a credential.
 */
export class GitWorkTree {
  private constructor(
    private readonly sandbox: Sandbox,
    readonly dir: string
  ) {}

  /** An empty repository at `dir` whose `origin` is `remoteUrl`; `dir` must be missing or empty. */
  static async init(sandbox: Sandbox, dir: string, remoteUrl: string, initialBranch: string): Promise<GitWorkTree> {
    const entries = await fs.readdir(dir).catch(() => []);
    if (entries.length > 0) {
      throw new ActionError(`The folder '${dir}' is not empty.`, "Give 'path' a new or empty folder, or leave it empty to use one under RUNNER_TEMP.");
    }
    await fs.mkdir(dir, { recursive: true });
    const tree = new GitWorkTree(sandbox, dir);
    await tree.git(['init', '-q', `--initial-branch=${initialBranch}`]);
    await tree.git(['remote', 'add', 'origin', remoteUrl]);
    return tree;
  }

  git(args: string[], options: RunOptions = {}) {
    return this.sandbox.run('git', args, { cwd: this.dir, ...options });
  }

  /** The remote's tips of the given branches; a branch that does not exist is absent from the map. */
  async remoteBranchTips(branches: string[]): Promise<Map<string, string>> {
    const { stdout } = await this.git(['ls-remote', '--heads', 'origin', ...branches.map((b) => `refs/heads/${b}`)], {
      fix: 'Check that the repository exists and that the token in GITHUB_TOKEN may read it.'
    });
    const tips = new Map<string, string>();
    for (const line of stdout.split('\n')) {
      const [sha, ref] = line.trim().split('\t');
      if (sha && ref?.startsWith('refs/heads/')) tips.set(ref.slice('refs/heads/'.length), sha);
    }
    return tips;
  }

  /** Shallow fetch of each branch into refs/remotes/origin/<branch>. */
  async fetchBranches(branches: string[], depth = 1): Promise<void> {
    const refspecs = branches.map((b) => `+refs/heads/${b}:refs/remotes/origin/${b}`);
    await this.git(['fetch', '--no-tags', '--no-write-fetch-head', `--depth=${depth}`, 'origin', ...refspecs]);
  }

  async checkoutNewBranch(branch: string, startPoint: string): Promise<void> {
    await this.git(['checkout', '-q', '--no-track', '-B', branch, startPoint]);
  }

  /** Stages everything (honouring .gitignore), commits it when there is anything, and returns HEAD. */
  async commitAll(message: string, author: Identity, committer: Identity): Promise<CommitInfo> {
    await this.git(['add', '--all']);
    const staged = await this.git(['diff', '--cached', '--quiet'], { allowFailure: true });
    if (staged.exitCode === 0) return this.commitInfo('HEAD');
    await this.git(['commit', '-q', '--no-verify', '--no-gpg-sign', '-F', '-'], {
      input: message,
      env: {
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email
      }
    });
    return this.commitInfo('HEAD');
  }

  /** Reads a commit's tree and parents from the object itself, which a shallow fetch keeps intact. */
  async commitInfo(ref: string): Promise<CommitInfo> {
    const sha = (await this.git(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`])).stdout.trim();
    const raw = (await this.git(['cat-file', 'commit', sha])).stdout;
    const header = raw.split('\n\n')[0]!.split('\n');
    const tree = header.find((line) => line.startsWith('tree '))!.slice(5);
    const parents = header.filter((line) => line.startsWith('parent ')).map((line) => line.slice(7));
    return { sha, tree, parents };
  }

  async changedFiles(from: string, to: string): Promise<FileChange[]> {
    const { stdout } = await this.git(['diff', '--name-status', '--no-renames', '-z', from, to]);
    const fields = stdout.split('\0').filter((field) => field.length > 0);
    const changes: FileChange[] = [];
    for (let i = 0; i + 1 < fields.length; i += 2) changes.push({ status: fields[i]!, path: fields[i + 1]! });
    return changes;
  }

  /**
   * Pushes HEAD to `branch`, leased on the tip we saw (`undefined`: the branch must not exist),
   * so a concurrent writer's commits are never overwritten.
   */
  async pushBranch(branch: string, expectedTip: string | undefined): Promise<PushResult> {
    const ref = `refs/heads/${branch}`;
    const result = await this.git(['push', '--porcelain', '--no-verify', `--force-with-lease=${ref}:${expectedTip ?? ''}`, 'origin', `HEAD:${ref}`], {
      allowFailure: true
    });
    if (result.exitCode === 0) return { pushed: true };
    const line = result.stdout.split('\n').find((l) => l.includes(`:${ref}\t`));
    if (line?.startsWith('!')) return { pushed: false, reason: line.split('\t')[2] ?? 'rejected' };
    throw new ActionError(`Pushing to '${branch}' failed:\n${(result.stderr || result.stdout).trim()}`, 'Check that the token may push to this repository (contents: write).');
  }
}
