import { existsSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as core from './workflow-commands.js';
import type { ExecResult } from './command-result.js';
import { ActionError } from './errors.js';
import { findOnPath } from './found-tools.js';
import type { Git } from './git.js';
import { lfsFilterSection, parseConfigLines, runnerGlobalConfigFiles, type LfsFile } from './lfs-data.js';
import { newLfsFiles, objectsOnGitHub } from './lfs-objects.js';
import type { Sandbox } from './sandbox.js';

/**
 * Git LFS in the action's clones. A clone behaves as a person's would: the `run` script sees
 * the real content, changed LFS-tracked files are committed as pointers by git-lfs's filter,
 * and every new object is uploaded to GitHub's LFS store before the ref that needs it is pushed.
 *
 * - The filter comes from the runner's configuration: system-wide git config is seen by the
 *   sandbox's git as it is; the user's global config, which the sandbox's GIT_CONFIG_GLOBAL
 *   hides, is copied into the sandbox's global config (its filter.lfs.* keys and nothing else).
 * - Checkouts skip the smudge (GIT_LFS_SKIP_SMUDGE=1): a clone without a `run` script never
 *   needs the content, and outbox patches apply to pointers. Before the `run` script,
 *   `git lfs pull` brings the content of the checked-out files, and the script itself runs
 *   with smudging on (unless the job set GIT_LFS_SKIP_SMUDGE itself).
 * - The push runs with --no-verify, so no hook (git-lfs's pre-push among them) runs; the
 *   objects go up with an explicit `git lfs push` first. git-lfs reads git's config, the
 *   GIT_CONFIG_* variables included, so `git lfs push` and `git lfs pull` send the token with
 *   their first request as the action's fetch and push do (Sandbox.authenticateGit): no gh.
 */

const jobSkipsSmudge = (): boolean => /^(1|true|yes|on)$/i.test(process.env.GIT_LFS_SKIP_SMUDGE ?? '');

/** Git LFS as the runner provides it: whether git-lfs runs, and whether its filter is configured. */
export class LfsSupport {
  private availability: Promise<string | undefined> | undefined;
  private version: Promise<ExecResult> | undefined;

  private constructor(private readonly sandbox: Sandbox) {}

  /**
   * Takes the filter.lfs.* keys of the runner's global config into the sandbox's, and makes
   * checkouts skip the smudge (a variable that nothing reads where git-lfs or its filter is
   * missing). Whether git-lfs can be used is asked only once a publish meets LFS files
   * (`unavailable`): most never do, and the question takes three processes. gh's credential
   * helper lines, when a `run` script needs them, are appended after (src/gh-login.ts).
   */
  static async setUp(sandbox: Sandbox): Promise<LfsSupport> {
    const lfs = new LfsSupport(sandbox);
    const entries: Array<[string, string]> = [];
    for (const file of runnerGlobalConfigFiles(process.env, os.homedir())) {
      if (!existsSync(file)) continue;
      const found = await sandbox.run(
        'git',
        ['config', '--file', file, '--includes', '--get-regexp', '^filter\\.lfs\\.'],
        { cwd: sandbox.dir, allowFailure: true }
      );
      entries.push(...parseConfigLines(found.stdout));
    }
    const section = lfsFilterSection(entries);
    // Without git-lfs the copied keys would make checkouts fail with git's own filter error,
    // instead of our message once a publish meets LFS files: copied only where it can run.
    if (section && (await lfs.gitLfsFound())) await sandbox.appendGitConfig(section);
    sandbox.setVariables({ GIT_LFS_SKIP_SMUDGE: '1' });
    return lfs;
  }

  /**
   * Whether `git lfs` can start: a `git-lfs` executable on PATH (no process), else what
   * `git lfs version` says (git also looks in its exec-path; other systems name it otherwise).
   */
  private async gitLfsFound(): Promise<boolean> {
    if (findOnPath('git-lfs', process.env.PATH ?? '') !== undefined) return true;
    return (await this.lfsVersion()).exitCode === 0;
  }

  /** `git lfs version`, run at most once: for gitLfsFound where git-lfs is not on PATH, and for check. */
  private lfsVersion(): Promise<ExecResult> {
    this.version ??= this.sandbox.run('git', ['lfs', 'version'], {
      cwd: this.sandbox.dir,
      allowFailure: true
    });
    return this.version;
  }

  /** Why LFS cannot be used on this runner, or undefined when it can; asked once, when needed. */
  unavailable(): Promise<string | undefined> {
    this.availability ??= this.check();
    return this.availability;
  }

  private async check(): Promise<string | undefined> {
    const { sandbox } = this;
    const version = await this.lfsVersion();
    if (version.exitCode !== 0) return 'git-lfs is not installed on this runner (`git lfs version` failed)';
    // What the sandbox's git sees: the system's config (unless the job hides it) and the copy.
    const effective = await sandbox.run('git', ['config', '--get-regexp', '^filter\\.lfs\\.'], {
      cwd: sandbox.dir,
      allowFailure: true
    });
    const keys = new Set(parseConfigLines(effective.stdout).map(([key]) => key.toLowerCase()));
    if (!keys.has('filter.lfs.process') && !(keys.has('filter.lfs.clean') && keys.has('filter.lfs.smudge'))) {
      return 'git-lfs is installed but its filter is not configured (no filter.lfs.* in the system or global git config)';
    }
    core.info(
      `Git LFS: ${version.stdout.trim().split(' ')[0]}; checkouts skip the download of LFS content until a 'run' script needs it.`
    );
    return undefined;
  }

  /** For the `run` script and what brings its content: smudging on, unless the job turned it off. */
  get contentEnv(): Record<string, string> {
    return jobSkipsSmudge() ? {} : { GIT_LFS_SKIP_SMUDGE: '0' };
  }

  /** Before the `run` script: the real content of the LFS files checked out (one `git lfs pull`). */
  async fetchContent(tree: Git): Promise<void> {
    if (jobSkipsSmudge()) return;
    const tracked = await tree.git(['ls-files', '-z', '--', ':(attr:filter=lfs)']);
    if (tracked.stdout === '' || (await this.unavailable())) return;
    await tree.git(['lfs', 'pull', 'origin'], {
      env: this.contentEnv,
      authenticated: true,
      fix: "Git LFS could not download the content of the repository's LFS files. Check that the objects exist on GitHub."
    });
  }

  /**
   * Reviews the LFS-tracked files that the publish's commits add or change (`blobs`, from
   * src/change-facts.ts), before anything is pushed: without git-lfs they cannot be published; none
   * may be committed raw; each object must be either in the clone's LFS store (to upload) or on
   * GitHub already.
   */
  async review(
    tree: Git,
    blobs: ReadonlyMap<string, string>,
    remote: { url: string; token: string }
  ): Promise<LfsUploads> {
    const files = await newLfsFiles(tree, blobs);
    if (files.length === 0) return new LfsUploads(tree, []);
    const names = (list: LfsFile[]) => list.map((file) => JSON.stringify(file.path)).join(', ');
    const unavailable = await this.unavailable();
    if (unavailable) {
      throw new ActionError(
        `This change touches files the repository stores with Git LFS (${names(files)}), and ${unavailable}. Nothing was pushed.`,
        'git-lfs is needed: install it before this step (on Debian or Ubuntu: `sudo apt-get install -y git-lfs`, then `git lfs install`). GitHub-hosted runners have it.'
      );
    }
    const raw = files.filter((file) => !file.pointer);
    if (raw.length > 0) {
      throw new ActionError(
        `${names(raw)} would be committed as raw content over Git LFS pointers (git-lfs's filter did not run on them). Nothing was pushed.`,
        'Write these files through git with the Git LFS filter active (`git lfs install`), or leave them out of the change.'
      );
    }
    const store = path.resolve(
      tree.dir,
      (await tree.git(['rev-parse', '--git-common-dir'])).stdout.trim(),
      'lfs',
      'objects'
    );
    const local = new Set<string>();
    for (const { pointer } of files) {
      const stat = await fs
        .stat(path.join(store, pointer!.oid.slice(0, 2), pointer!.oid.slice(2, 4), pointer!.oid))
        .catch(() => undefined);
      if (stat?.size === pointer!.size) local.add(pointer!.oid);
    }
    const onGitHub = await objectsOnGitHub(remote, [
      ...new Map(files.map((f) => [f.pointer!.oid, f.pointer!])).values()
    ]);
    const missing = files.filter((file) => !local.has(file.pointer!.oid) && !onGitHub.has(file.pointer!.oid));
    if (missing.length > 0) {
      throw new ActionError(
        `The Git LFS object of ${names(missing)} is neither on GitHub nor in this clone, so the published file would be broken. Nothing was pushed.`,
        'Push the LFS objects to GitHub first (`git lfs push --all origin` where they were made), or leave these files out of the outbox: patches and bundles carry pointers, not LFS objects.'
      );
    }
    return new LfsUploads(
      tree,
      files.filter((file) => !onGitHub.has(file.pointer!.oid))
    );
  }
}

/** The LFS objects a publish must upload before its push. */
export class LfsUploads {
  constructor(
    private readonly tree: Git,
    /** New LFS files whose objects GitHub does not have yet. */
    readonly files: LfsFile[]
  ) {}

  /** For the dry run: which objects would go up, or undefined when none. */
  describe(): string | undefined {
    if (this.files.length === 0) return undefined;
    const list = this.files
      .map(
        (file) =>
          `${JSON.stringify(file.path)} (${file.pointer!.oid.slice(0, 12)}, ${file.pointer!.size} bytes)`
      )
      .join(', ');
    return `would upload ${this.files.length} Git LFS object(s) before the push: ${list}`;
  }

  /**
   * Uploads every LFS object that HEAD brings and the remote-tracking refs lack (git-lfs asks
   * GitHub, which skips what it has), before the ref is pushed, with the header of
   * Sandbox.authenticateGit (an Authorization header keeps git-lfs from asking a credential
   * helper); no hook is involved.
   */
  async upload(): Promise<void> {
    if (this.files.length === 0) return;
    await this.tree.git(['lfs', 'push', 'origin', 'HEAD'], {
      authenticated: true,
      fix: 'Nothing was pushed. Check that the token may push to this repository (contents: write), and that no one else holds a Git LFS lock on these files.'
    });
    core.info(`Uploaded ${this.files.length} Git LFS object(s) to GitHub.`);
  }
}
