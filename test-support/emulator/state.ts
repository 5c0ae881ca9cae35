import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { testCA } from '../ca.js';
import { LfsStore } from '../lfs-store.js';
import { BASE_EPOCH, IDENTITY, ZERO_OID, isSafeRefName, isoNow, nodeId, stableId } from './common.js';
import { notFound } from './http.js';
import { looseObjectType, writeBlob, writeCommitObject, writeRootTree } from './loose-objects.js';
import type {
  CommitInfo,
  EmulatorOptions,
  GitHook,
  PendingFault,
  RepoInfo,
  RepoAccess,
  RequestLogEntry,
  ServerResponse,
  Stored,
  TestCA,
  TokenInfo,
  UserBrief
} from './types.js';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/**
 * The commit a branch (`refs/heads/...`) points at, read from the repository's files when that is
 * plain: a loose ref naming a loose commit (what update-ref and small pushes leave), or no ref at
 * all in a repository without packed refs (null). undefined for anything else (packed refs,
 * symbolic refs, objects in packs or alternates, unusual names), for git to answer. Open pull
 * requests look up their branches on every request: a git process each was most of what the
 * emulator spawned.
 */
function readBranchTip(bareDir: string, ref: string): string | null | undefined {
  const parts = ref.split('/');
  if (
    parts.length < 3 ||
    parts[0] !== 'refs' ||
    parts[1] !== 'heads' ||
    !parts.every(
      (part) =>
        /^[A-Za-z0-9_+=@,-][A-Za-z0-9._+=@,-]*$/.test(part) && !part.endsWith('.') && !part.endsWith('.lock')
    )
  )
    return undefined;
  let text: string;
  try {
    text = readFileSync(path.join(bareDir, ...parts), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if ((code === 'ENOENT' || code === 'ENOTDIR') && !existsSync(path.join(bareDir, 'packed-refs')))
      return null;
    return undefined;
  }
  if (!/^[0-9a-f]{40}\n$/.test(text)) return undefined;
  const sha = text.slice(0, 40);
  return looseObjectType(bareDir, sha) === 'commit' ? sha : undefined;
}

/**
 * Whether git keeps a name and an e-mail address as they are: it strips spaces and some
 * punctuation at their ends, and refuses angle brackets and newlines.
 */
function plainIdentity(identity: { name: string; email: string }): boolean {
  const plain = /^[^\s.,:;<>"\\'](?:[^<>\n]*[^\s.,:;<>"\\'])?$/;
  return plain.test(identity.name) && plain.test(identity.email);
}

/**
 * What the emulator knows: tokens, repositories (bare git repositories under `reposDir`), pull
 * requests, comments, reviews, events and the request log, plus the git plumbing that reads them.
 */
export class EmulatorState {
  port: number;
  host: string;
  /** Whether close() removes `dir` (only when the emulator made it). */
  ownsDir: boolean;
  dir: string;
  reposDir: string;
  ca: TestCA;
  caFile: string;
  /** a folder holding only the CA certificate (see TestCA.trustDir) */
  trustDir: string;
  gitEnv: NodeJS.ProcessEnv;
  /** isAncestor's answers between two commit shas (commits never change). */
  private readonly ancestry = new Map<string, boolean>();
  /** diffStats' answers between two commit shas. */
  private readonly stats = new Map<
    string,
    { commits: number; additions: number; deletions: number; changed_files: number }
  >();
  tokens = new Map<string, TokenInfo>();
  /** keyed by lower-cased full name */
  repos = new Map<string, RepoInfo>();
  /** pull requests as stored (GitHub's shape) */
  pulls: Stored[] = [];
  /** issue comments as stored, plus `repo` and `issue_number` */
  comments: Stored[] = [];
  /** reviews submitted with submitReview() */
  reviews: Array<{
    repo: string;
    number: number;
    login: string;
    state: string;
    id: number;
    submittedAt: string;
  }> = [];
  /**
   * The pull_request webhook events GitHub would send, in order: 'opened', 'edited' (a PATCH that
   * sets the title, body or base: it fires on every such write), 'closed', 'reopened',
   * 'synchronize', 'labeled', 'assigned', 'review_requested', 'milestoned', 'auto_merge_enabled'.
   * Tests use them to assert that a rerun with nothing new wrote nothing.
   */
  events: Array<{ repo: string; number: number; action: string; detail?: string }> = [];
  requests: RequestLogEntry[] = [];
  faults: PendingFault[] = [];
  gitHooks: GitHook[] = [];
  /**
   * Shas of the commits GitHub would have signed (made by createCommitOnBranch): the REST commit
   * JSON shows them as verified and GraphQL gives them a valid signature.
   */
  verifiedCommits = new Set<string>();
  commitCounter = 0;
  idCounter = 0;
  rateReset = Math.floor(Date.now() / 1000) + 3600;
  sockets = new Set<Socket>();
  /** Git LFS objects and locks (see lfs-store.ts). */
  lfs: LfsStore;
  /** The log entry of each response in flight, so that sendJson can record what it sent. */
  entryOf = new WeakMap<ServerResponse, RequestLogEntry>();

  constructor(options: EmulatorOptions = {}) {
    this.port = options.port ?? 443;
    this.host = options.host ?? '127.0.0.1';
    this.ownsDir = !options.dir;
    this.dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'gh-emulator-'));
    mkdirSync(this.dir, { recursive: true });
    this.reposDir = path.join(this.dir, 'repos');
    mkdirSync(this.reposDir, { recursive: true });
    this.ca = testCA(path.join(this.dir, 'ca'), { shared: options.sharedCA ?? false });
    this.caFile = this.ca.caFile;
    this.trustDir = this.ca.trustDir;

    // git run by the emulator (helpers and http-backend) sees none of the user's configuration.
    const serverGitConfig = path.join(this.dir, 'server.gitconfig');
    writeFileSync(serverGitConfig, '[safe]\n\tdirectory = *\n');
    this.gitEnv = {
      PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
      HOME: this.dir,
      LANG: 'C',
      LC_ALL: 'C',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: serverGitConfig,
      GIT_TERMINAL_PROMPT: '0'
    };
    this.lfs = new LfsStore({
      findRepo: (fullName) => this.repos.get(fullName.toLowerCase()),
      findRepoById: (id) => [...this.repos.values()].find((repo) => repo.id === id)
    });
  }

  repo(fullName: string): RepoInfo {
    const repo = this.repos.get(fullName.toLowerCase());
    if (!repo) throw new Error(`emulator: no repository ${fullName}`);
    return repo;
  }

  event(repo: RepoInfo, pr: Stored, action: string, detail?: string) {
    this.events.push({
      repo: repo.fullName,
      number: pr.number,
      action,
      ...(detail === undefined ? {} : { detail })
    });
  }

  runGit(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): string {
    return this.runGitBytes(args, options).toString('utf8');
  }

  /** runGit's output as bytes (`cat-file --batch`); `maxBuffer` 64 MiB unless given. */
  runGitBytes(
    args: string[],
    options: { input?: string | Buffer; env?: NodeJS.ProcessEnv; maxBuffer?: number } = {}
  ): Buffer {
    try {
      return execFileSync('git', args, {
        env: { ...this.gitEnv, ...options.env },
        input: options.input,
        maxBuffer: options.maxBuffer ?? 64 * 1024 * 1024,
        stdio: ['pipe', 'pipe', 'pipe']
      });
    } catch (err) {
      const e = err as Error & { stderr?: Buffer };
      throw new Error(`git ${args.join(' ')} failed: ${(e.stderr?.toString() ?? '').trim() || e.message}`);
    }
  }

  refSha(repo: RepoInfo, ref: string): string | null {
    const read = readBranchTip(repo.bareDir, ref);
    if (read !== undefined) return read;
    return this.revParse(repo, `${ref}^{commit}`);
  }

  /**
   * The object `rev` names in the repository, or null when it names none.
   */
  revParse(repo: RepoInfo, rev: string): string | null {
    try {
      return (
        execFileSync('git', ['--git-dir', repo.bareDir, 'rev-parse', '--verify', '--quiet', rev], {
          env: this.gitEnv,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore']
        }).trim() || null
      );
    } catch {
      return null;
    }
  }

  /**
   * Writes one commit with plumbing (temporary index) and moves `branch` to it atomically.
   * @param [expectedOld] value the ref must have (default: parent, or absent)
   * @param [epoch] author/committer time (default: a fixed clock that ticks a minute per commit)
   * @param [identity] author and committer (default: Upstream Octocat)
   */
  writeCommit(
    bareDir: string,
    branch: string,
    files: Record<string, string | Buffer | null>,
    message: string,
    parent: string | null,
    expectedOld: string = parent ?? ZERO_OID,
    epoch: number | undefined = undefined,
    identity: { name: string; email: string } = IDENTITY
  ): string {
    const index = path.join(this.dir, `index-${process.pid}-${randomBytes(4).toString('hex')}`);
    const env = { GIT_INDEX_FILE: index };
    const g: (args: string[], input?: string | Buffer) => string = (args, input): string =>
      this.runGit(['--git-dir', bareDir, ...args], { env, input }).trim();
    for (const file of Object.keys(files)) {
      if (
        /[\n\0]/.test(file) ||
        file.startsWith('/') ||
        file.split('/').some((part) => part === '' || part === '.' || part === '..')
      ) {
        throw new Error(`commit: bad path ${JSON.stringify(file)}`);
      }
    }
    // A first commit (every repository's) is written here, as git would write it: four git
    // processes fewer for each repository a test makes. Anything git might treat otherwise
    // (deletions, an empty or odd identity, paths git refuses) goes through git below.
    const rootFiles = Object.values(files).every((c) => c !== null)
      ? (files as Record<string, string | Buffer>)
      : null;
    if (!parent && rootFiles && Object.keys(rootFiles).length > 0 && message && plainIdentity(identity)) {
      const tree = writeRootTree(bareDir, rootFiles);
      if (tree) {
        const when = `${epoch ?? BASE_EPOCH + 3600 + 60 * this.commitCounter++} +0000`;
        const commit = writeCommitObject(bareDir, tree, null, message, identity, when);
        this.runGit([
          '--git-dir',
          bareDir,
          'update-ref',
          '-m',
          message,
          `refs/heads/${branch}`,
          commit,
          expectedOld
        ]);
        return commit;
      }
    }
    try {
      // Without a parent the index starts empty: update-index creates it (write-tree needs one).
      if (parent || Object.keys(files).length === 0)
        g(parent ? ['read-tree', parent] : ['read-tree', '--empty']);
      // --index-info works without a work tree; mode 0 removes a path.
      const lines = Object.entries(files).map(([file, content]) => {
        if (content === null) return `0 ${ZERO_OID}\t${file}\n`;
        return `100644 ${writeBlob(bareDir, content)}\t${file}\n`;
      });
      if (lines.length) g(['update-index', '--index-info'], lines.join(''));
      const tree = g(['write-tree']);
      const when = `${epoch ?? BASE_EPOCH + 3600 + 60 * this.commitCounter++} +0000`;
      const commit = this.runGit(
        ['--git-dir', bareDir, 'commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message],
        {
          env: {
            GIT_AUTHOR_NAME: identity.name,
            GIT_AUTHOR_EMAIL: identity.email,
            GIT_AUTHOR_DATE: when,
            GIT_COMMITTER_NAME: identity.name,
            GIT_COMMITTER_EMAIL: identity.email,
            GIT_COMMITTER_DATE: when
          }
        }
      ).trim();
      g(['update-ref', '-m', message, `refs/heads/${branch}`, commit, expectedOld]);
      return commit;
    } finally {
      rmSync(index, { force: true });
    }
  }

  /**
   * The object a ref below refs/ points at ('heads/x' or 'tags/v1'), or null when there is none.
   * @param ref without the leading refs/
   */
  gitRefSha(repo: RepoInfo, ref: string): string | null {
    if (!/^(?:heads|tags)\/./.test(ref) || !isSafeRefName(`refs/${ref}`)) return null;
    return this.revParse(repo, `refs/${ref}`);
  }

  /**
   * The type of an object given by its full sha ('commit', 'tree', 'blob', 'tag'), or null.
   */
  objectType(repo: RepoInfo, sha: unknown): string | null {
    if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/i.test(sha)) return null;
    // A loose object says its type in its first bytes; packed ones (and alternates') ask git.
    const loose = looseObjectType(repo.bareDir, sha.toLowerCase());
    if (loose) return loose;
    try {
      return (
        execFileSync('git', ['--git-dir', repo.bareDir, 'cat-file', '-t', sha.toLowerCase()], {
          env: this.gitEnv,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore']
        }).trim() || null
      );
    } catch {
      return null;
    }
  }

  /**
   * Resolves one side of a comparison: a branch, a tag or a (possibly abbreviated) commit sha,
   * optionally as OWNER:REF or OWNER:REPO:REF, where OWNER may name a fork in the same network
   * (its objects are shared, so the commit can be read through `repo`).
   */
  resolveCommitish(repo: RepoInfo, spec: string): string | null {
    let ref = spec;
    let where = repo;
    if (ref.includes(':')) {
      const parts = ref.split(':');
      if (parts.length > 3) return null;
      const found = this.inNetwork(repo, parts[0], parts.length === 3 ? parts[1] : undefined);
      if (!found) return null;
      where = found;
      ref = parts[parts.length - 1];
    }
    if (!ref || ref.startsWith('-') || /[\s~^:?*[\\]|\.\.|@\{/.test(ref)) return null;
    return (
      this.refSha(where, `refs/heads/${ref}`) ??
      this.refSha(where, `refs/tags/${ref}`) ??
      (/^[0-9a-f]{4,40}$/i.test(ref) ? this.refSha(where, ref.toLowerCase()) : null)
    );
  }

  /**
   * @returns whether commit a is an ancestor of (or equal to) commit b
   */
  isAncestor(repo: RepoInfo, a: string, b: string): boolean {
    const key = `${repo.bareDir} ${a} ${b}`;
    const known = this.ancestry.get(key);
    if (known !== undefined) return known;
    let answer: boolean;
    try {
      execFileSync('git', ['--git-dir', repo.bareDir, 'merge-base', '--is-ancestor', a, b], {
        env: this.gitEnv,
        stdio: 'ignore'
      });
      answer = true;
    } catch (error) {
      // 1: not an ancestor; anything else (a name that does not resolve yet) is not remembered.
      if ((error as { status?: number }).status !== 1) return false;
      answer = false;
    }
    // Commits never change, so between two shas the answer never does either.
    if (areCommitShas(a, b)) this.ancestry.set(key, answer);
    return answer;
  }

  /**
   * @param shas commit shas
   */
  commitInfos(repo: RepoInfo, shas: string[]): Map<string, CommitInfo> {
    const unique = [...new Set(shas)];
    const out = new Map();
    if (!unique.length) return out;
    const raw = this.runGit([
      '--git-dir',
      repo.bareDir,
      'log',
      '--no-walk=unsorted',
      '--format=%H%x1f%T%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%cn%x1f%ce%x1f%ct%x1f%B%x1e',
      ...unique
    ]);
    const iso = (epoch: string) => new Date(Number(epoch) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    for (const record of raw.split('\x1e')) {
      const fields = record.replace(/^\n/, '').split('\x1f');
      if (fields.length < 10) continue;
      const [sha, tree, parents, an, ae, at, cn, ce, ct, ...message] = fields;
      out.set(sha, {
        sha,
        tree,
        parents: parents.split(' ').filter(Boolean),
        author: { name: an, email: ae, date: iso(at) },
        committer: { name: cn, email: ce, date: iso(ct) },
        message: message.join('\x1f').replace(/\n+$/, '')
      });
    }
    return out;
  }

  /**
   * Commits, additions, deletions and changed files of head against its merge base with base, as
   * a pull request counts them.
   */
  diffStats(repo: RepoInfo, base: string, head: string) {
    // A function of the two commits alone: every listing of a pull request asks again.
    const key = `${repo.bareDir} ${base} ${head}`;
    const known = this.stats.get(key);
    if (known) return { ...known };
    const g = (args: string[]) => this.runGit(['--git-dir', repo.bareDir, ...args]).trim();
    let mergeBase = '';
    try {
      mergeBase = g(['merge-base', base, head]);
    } catch {
      return { commits: 0, additions: 0, deletions: 0, changed_files: 0 };
    }
    let additions = 0;
    let deletions = 0;
    let changed = 0;
    for (const line of g(['diff', '--numstat', mergeBase, head]).split('\n').filter(Boolean)) {
      const [added, deleted] = line.split('\t');
      additions += Number(added) || 0;
      deletions += Number(deleted) || 0;
      changed++;
    }
    const stats = {
      commits: Number(g(['rev-list', '--count', `${mergeBase}..${head}`])),
      additions,
      deletions,
      changed_files: changed
    };
    if (areCommitShas(base, head)) this.stats.set(key, stats);
    return { ...stats };
  }

  findPull(repo: RepoInfo, number: number) {
    this.syncPulls(repo);
    const pr = this.pulls.find((x) => x.base.repo.full_name === repo.fullName && x.number === number);
    if (!pr) throw notFound();
    return pr;
  }

  /**
   * Brings the open pull requests of a repository up to date with its branches, as GitHub does on
   * every push: head.sha and base.sha follow the branches, and a pull request whose head branch is
   * gone gets closed. Closed pull requests keep the shas they had. `repo` may be the base or, for a
   * pull request from a fork, the head repository (a push to the fork moves the pull request).
   */
  syncPulls(repo: RepoInfo) {
    for (const pr of this.pulls) {
      if (pr.state !== 'open') continue;
      const onBase = pr.base.repo.full_name === repo.fullName;
      if (!onBase && pr.head.repo.full_name !== repo.fullName) continue;
      const base = onBase ? repo : this.repo(pr.base.repo.full_name);
      const headRepo = this.repos.get(String(pr.head.repo.full_name).toLowerCase());
      const head = headRepo ? this.refSha(headRepo, `refs/heads/${pr.head.ref}`) : null;
      if (!head) {
        pr.state = 'closed';
        pr.closed_at = isoNow();
        pr.updated_at = pr.closed_at;
        this.event(base, pr, 'closed');
        continue;
      }
      if (head !== pr.head.sha) {
        this.event(base, pr, 'synchronize');
        pr.head.sha = head;
        pr.updated_at = isoNow();
      }
      pr.base.sha = this.refSha(base, `refs/heads/${pr.base.ref}`) ?? pr.base.sha;
    }
  }

  /** The repository a fork network grew from: the repository itself when it is no fork. */
  sourceOf(repo: RepoInfo): RepoInfo {
    let at = repo;
    while (at.parent) at = this.repo(at.parent);
    return at;
  }

  /**
   * The repository of `repo`'s fork network owned by `owner` (named `name`, when given): `repo`
   * itself for its own owner, else that owner's fork.
   */
  inNetwork(repo: RepoInfo, owner: string, name?: string): RepoInfo | undefined {
    if (
      owner.toLowerCase() === repo.owner.toLowerCase() &&
      (name ?? repo.name).toLowerCase() === repo.name.toLowerCase()
    )
      return repo;
    const root = this.sourceOf(repo);
    return [...this.repos.values()].find(
      (r) =>
        r.owner.toLowerCase() === owner.toLowerCase() &&
        (name === undefined || r.name.toLowerCase() === name.toLowerCase()) &&
        this.sourceOf(r) === root
    );
  }

  /** What `token` may do in `repo` (everything unless the tests said otherwise). */
  accessOf(token: TokenInfo, repo: RepoInfo): RepoAccess {
    return token.repoAccess.get(repo.fullName.toLowerCase()) ?? { contents: 'write', pullRequests: 'write' };
  }

  /**
   * A user as GitHub embeds it (owner, assignee, reviewer...).
   */
  userBrief(login: string): UserBrief {
    const id = stableId(`user:${login.toLowerCase()}`);
    return {
      login,
      id,
      node_id: nodeId('U', id),
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      site_admin: false
    };
  }

  /**
   * The repository and ref ('heads/x') a Ref node id stands for.
   */
  refByNodeId(id: string): { repo: RepoInfo; ref: string } | null {
    if (!id.startsWith('REF_')) return null;
    const m = /^emu:(\d+):(.+)$/s.exec(Buffer.from(id.slice(4), 'base64url').toString('utf8'));
    if (!m) return null;
    const repo = [...this.repos.values()].find((r) => r.id === Number(m[1]));
    return repo ? { repo, ref: m[2] } : null;
  }
}

/** Both names are full shas (not branch names that move): an answer about them never changes. */
function areCommitShas(a: string, b: string): boolean {
  return /^[0-9a-f]{40}$/.test(a) && /^[0-9a-f]{40}$/.test(b);
}
