import { ZERO_OID } from './common.js';
import { Server } from './server.js';
import type { GitHook, GitHookHandle, RequestFilter, RequestLogEntry } from './types.js';

/** Test helpers: hooks before git requests, direct git access to the repositories, the request log. */
export class RepoControl extends Server {
  /**
   * Runs `callback` (awaited) just before the next matching git request is handed to
   * `git http-backend`, e.g. to push a competing commit between a client's fetch and its push.
   * By default it matches the POST that carries the service (the actual push or fetch; with
   * protocol v2 the first such POST of a fetch is its ls-refs command), not the info/refs
   * advertisement; `stage: 'advertisement'` matches the GET .../info/refs?service=... instead.
   * Only authenticated requests for an existing repository reach it.
   */
  beforeGit(
    match: {
      repo: string;
      service: 'git-receive-pack' | 'git-upload-pack';
      times?: number;
      stage?: 'rpc' | 'advertisement';
    },
    callback: (entry: RequestLogEntry) => unknown
  ): GitHookHandle {
    this.repo(match.repo);
    if (match.service !== 'git-receive-pack' && match.service !== 'git-upload-pack') {
      throw new Error(`beforeGit: bad service ${JSON.stringify(match.service)}`);
    }
    const times = match.times ?? 1;
    if (!(Number.isInteger(times) && times >= 1)) throw new Error(`beforeGit: bad times ${times}`);
    let resolve: () => void = (): void => {};
    let reject: (err: unknown) => void = (): void => {};
    const done = new Promise<void>((res, rej) => {
      resolve = () => res();
      reject = rej;
    });
    done.catch(() => {}); // a caller that never awaits `done` must not get an unhandled rejection
    const hook: GitHook = {
      repo: match.repo.toLowerCase(),
      service: match.service,
      stage: match.stage ?? 'rpc',
      times,
      fired: 0,
      callback,
      resolve,
      reject
    };
    this.gitHooks.push(hook);
    return {
      fired: () => hook.fired,
      done,
      cancel: () => {
        const i = this.gitHooks.indexOf(hook);
        if (i >= 0) this.gitHooks.splice(i, 1);
      }
    };
  }

  /**
   * Runs git against a repository's bare dir and returns its trimmed stdout.
   */
  git(
    fullName: string,
    args: string[],
    options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}
  ): string {
    return this.runGit(['--git-dir', this.repo(fullName).bareDir, ...args], options).trim();
  }

  /**
   * @returns the branch's commit sha, or null if there is no such branch
   */
  branchSha(fullName: string, branch: string): string | null {
    return this.refSha(this.repo(fullName), `refs/heads/${branch}`);
  }

  /**
   * Every blob reachable from the tree of `ref`, as { path: content (utf8) }.
   * @param ref branch name, tag or sha
   */
  readTree(fullName: string, ref: string): Record<string, string> {
    const repo = this.repo(fullName);
    const listing = this.runGit([
      '--git-dir',
      repo.bareDir,
      'ls-tree',
      '-r',
      '-z',
      '--full-tree',
      `${ref}^{tree}`
    ]);
    const blobs: Array<{ file: string; sha: string }> = [];
    for (const line of listing.split('\0')) {
      if (!line) continue;
      const tab = line.indexOf('\t');
      const [, type, sha] = line.slice(0, tab).split(' ');
      if (type === 'blob') blobs.push({ file: line.slice(tab + 1), sha });
    }
    const out: Record<string, string> = {};
    if (blobs.length === 0) return out;
    // One `cat-file --batch` for all of them: each answer is "<sha> blob <size>\n<content>\n".
    const raw = this.runGitBytes(['--git-dir', repo.bareDir, 'cat-file', '--batch'], {
      input: blobs.map((b) => b.sha).join('\n') + '\n',
      maxBuffer: 512 * 1024 * 1024
    });
    let at = 0;
    for (const { file } of blobs) {
      const headerEnd = raw.indexOf(10, at);
      const size = Number(raw.subarray(at, headerEnd).toString().split(' ')[2]);
      out[file] = raw.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8');
      at = headerEnd + 1 + size + 1;
    }
    return out;
  }

  /**
   * Commits `files` on top of `branch`, as if someone else had pushed. A missing branch is
   * created from the default branch (or `options.from`). A `null` content deletes that path.
   * @returns the new commit's sha
   */
  commitToBranch(
    fullName: string,
    branch: string,
    files: Record<string, string | Buffer | null>,
    message: string = 'Upstream change',
    options: { from?: string } = {}
  ): string {
    const repo = this.repo(fullName);
    let parent = this.refSha(repo, `refs/heads/${branch}`);
    const expectedOld = parent ?? ZERO_OID;
    if (!parent) {
      const from = options.from ?? repo.defaultBranch;
      parent = this.runGit(['--git-dir', repo.bareDir, 'rev-parse', '--verify', `${from}^{commit}`]).trim();
    }
    const sha = this.writeCommit(repo.bareDir, branch, files, message, parent, expectedOld);
    this.syncPulls(repo);
    return sha;
  }

  /**
   * Points `branch` at `commitish`, as someone's force push would (amended, squashed or dropped
   * commits): what was only on the old tip is no longer on the branch.
   * @returns the branch's new sha
   */
  forcePushBranch(fullName: string, branch: string, commitish: string): string {
    const repo = this.repo(fullName);
    const sha = this.runGit([
      '--git-dir',
      repo.bareDir,
      'rev-parse',
      '--verify',
      `${commitish}^{commit}`
    ]).trim();
    this.runGit(['--git-dir', repo.bareDir, 'update-ref', '-m', 'force push', `refs/heads/${branch}`, sha]);
    this.syncPulls(repo);
    return sha;
  }

  /**
   * The logged requests that match `filter` (every given field must match).
   */
  requestsMatching(filter: RequestFilter = {}): RequestLogEntry[] {
    return this.requests
      .slice(filter.since ?? 0)
      .filter(
        (e) =>
          (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
          (filter.host === undefined || e.host === filter.host.toLowerCase()) &&
          (filter.kind === undefined || e.kind === filter.kind) &&
          (filter.pathPattern === undefined ||
            ((filter.pathPattern.lastIndex = 0), filter.pathPattern.test(e.path))) &&
          (filter.service === undefined || e.service === filter.service) &&
          (filter.operation === undefined || (e.operation ?? '').split(',').includes(filter.operation)) &&
          (filter.status === undefined || e.status === filter.status) &&
          (filter.injected === undefined || (e.injected === true) === filter.injected) &&
          (filter.fault === undefined || e.fault === filter.fault) &&
          (filter.authUser === undefined || e.authUser === filter.authUser)
      );
  }

  /**
   * How many logged requests match `filter`, e.g. countRequests({ service: 'git-receive-pack',
   * method: 'POST' }) or countRequests({ operation: 'createCommitOnBranch' }).
   */
  countRequests(filter: RequestFilter = {}): number {
    return this.requestsMatching(filter).length;
  }
}
