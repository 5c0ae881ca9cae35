import { BASE_EPOCH, ZERO_OID, isoNow, stableId } from './common.js';
import { RepoControl } from './repo-admin.js';
import type { EmulatorOptions, RepoAccess, Stored, TokenInfo, UserBrief } from './types.js';
import { mkdirSync, rmSync } from 'node:fs';

/**
 * A local stand-in for GitHub (see index.ts). The methods here are its admin API: tokens,
 * repositories, milestones, reviews, and what the tests read back (pull requests, events).
 */
export class Emulator extends RepoControl {
  /**
   * Registers a token. Only registered tokens are accepted by REST, GraphQL and git.
   *   scopes: null (default) sends no X-OAuth-Scopes header, as for ghs_ and github_pat_ tokens;
   *   a string is sent verbatim, e.g. 'repo, read:org'.
   *   permissions: what a ghs_/ghu_/github_pat_ token may do beyond contents and pull requests,
   *   e.g. { workflows: 'write' } (pushes that change .github/workflows/ are refused without it).
   */
  addToken(
    token: string,
    options: {
      login?: string;
      scopes?: string | null;
      expiration?: string | null;
      permissions?: Record<string, string>;
    } = {}
  ): TokenInfo {
    if (!token) throw new Error('addToken: empty token');
    const login = options.login ?? 'octo-bot';
    const info: TokenInfo = {
      token,
      login,
      userId: stableId(`user:${login.toLowerCase()}`),
      scopes: options.scopes ?? null,
      expiration: options.expiration ?? null,
      permissions: { ...options.permissions },
      used: 0,
      repoAccess: new Map()
    };
    this.tokens.set(token, info);
    return info;
  }

  removeToken(token: string) {
    this.tokens.delete(token);
  }

  /**
   * Creates a bare repository with a deterministic initial commit on the default branch.
   * Extra branches start from that commit, with their own `files` committed on top when given.
   * @param fullName 'owner/name'
   *   collaborators: users besides the owner who may be asked for reviews and assigned (GitHub
   *   refuses review requests to others with a 422 and leaves them out of assignments silently).
   *   teams: slugs of the teams with access to the repository, which may be asked for reviews.
   *   allowAutoMerge (default false): the repository's "Allow auto-merge" setting.
   *   actionsCanCreatePullRequests (default true): when false, POST /pulls answers 403 as GitHub
   *   does for the Actions GITHUB_TOKEN (here: for every token).
   */
  createRepo(
    fullName: string,
    options: {
      defaultBranch?: string;
      private?: boolean;
      files?: Record<string, string | Buffer>;
      branches?: Record<string, { files?: Record<string, string | Buffer> }>;
      allowAutoMerge?: boolean;
      actionsCanCreatePullRequests?: boolean;
      collaborators?: string[];
      teams?: string[];
    } = {}
  ): { fullName: string; bareDir: string } {
    const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(fullName);
    if (!m || m[2].endsWith('.git'))
      throw new Error(`createRepo: bad repository name ${JSON.stringify(fullName)}`);
    if (this.repos.has(fullName.toLowerCase())) throw new Error(`createRepo: ${fullName} already exists`);
    const [, owner, name] = m;
    const defaultBranch = options.defaultBranch ?? 'main';
    const repo = this.newRepository(owner, name, {
      defaultBranch,
      private: options.private ?? false,
      parent: null
    });
    const bareDir = repo.bareDir;
    repo.allowAutoMerge = options.allowAutoMerge ?? false;
    repo.actionsCanCreatePullRequests = options.actionsCanCreatePullRequests ?? true;
    for (const login of options.collaborators ?? []) repo.collaborators.add(login.toLowerCase());
    for (const slug of options.teams ?? []) repo.teams.add(slug.toLowerCase());
    const files = options.files ?? { 'README.md': '# hi\n' };
    // Fixed dates: the same name and files always give the same commits.
    const root = this.writeCommit(
      bareDir,
      defaultBranch,
      files,
      'Initial commit',
      null,
      ZERO_OID,
      BASE_EPOCH
    );
    for (const [branch, spec] of Object.entries(options.branches ?? {})) {
      if (spec && spec.files && Object.keys(spec.files).length > 0) {
        this.writeCommit(bareDir, branch, spec.files, `Add ${branch}`, root, ZERO_OID, BASE_EPOCH + 60);
      } else {
        this.runGit(['--git-dir', bareDir, 'update-ref', `refs/heads/${branch}`, root, ZERO_OID]);
      }
    }
    return { fullName, bareDir };
  }

  /**
   * Forks `parent` as GitHub's POST /repos/:o/:r/forks does (see ForkHandlers.makeFork): a
   * repository of `owner`'s (default: the parent's name) that shares the parent's objects and
   * starts with its branches and tags. Returns the fork's full name.
   */
  forkRepo(
    parent: string,
    owner: string,
    options: { name?: string; defaultBranchOnly?: boolean } = {}
  ): string {
    const { fork, created } = this.makeFork(this.repo(parent), owner, options);
    if (!created)
      throw new Error(`forkRepo: ${owner} has a fork of ${parent}'s network already: ${fork.fullName}`);
    return fork.fullName;
  }

  /**
   * Sets what a token may do in one repository, as a fine-grained token's repository permissions
   * do: `contents` 'none' hides the repository (404 for REST and git), 'read' refuses pushes (git
   * 403 before any ref update) and ref writes (REST 403); `pullRequests` 'read' refuses pull
   * request and issue writes. Unset: 'write'.
   */
  setRepoAccess(token: string, fullName: string, access: Partial<RepoAccess>) {
    const info = this.tokens.get(token);
    if (!info) throw new Error('setRepoAccess: unknown token');
    const key = this.repo(fullName).fullName.toLowerCase();
    const before = info.repoAccess.get(key) ?? { contents: 'write', pullRequests: 'write' };
    info.repoAccess.set(key, { ...before, ...access });
  }

  /**
   * Changes repository settings after creation.
   */
  updateRepo(
    fullName: string,
    settings: { allowAutoMerge?: boolean; actionsCanCreatePullRequests?: boolean }
  ) {
    const repo = this.repo(fullName);
    if (settings.allowAutoMerge !== undefined) repo.allowAutoMerge = settings.allowAutoMerge;
    if (settings.actionsCanCreatePullRequests !== undefined)
      repo.actionsCanCreatePullRequests = settings.actionsCanCreatePullRequests;
  }

  /**
   * Sets what receive-pack refuses for a repository, as GitHub's protections and hooks do
   * (replacing earlier rules; `{}` for none). Files over 100 MB are refused whatever the rules;
   * `maxFileSize` lowers that limit for tests. See push-rules.ts for the messages.
   */
  setPushRules(fullName: string, rules: import('../push-rules.js').PushRules) {
    this.repo(fullName).pushRules = { ...rules };
  }

  /**
   * Creates a milestone (milestones have their own numbering, from 1).
   * @returns the milestone number
   */
  createMilestone(
    fullName: string,
    title: string,
    options: { description?: string; state?: 'open' | 'closed'; dueOn?: string } = {}
  ): number {
    const repo = this.repo(fullName);
    if (!title) throw new Error('createMilestone: empty title');
    if (repo.milestones.some((m) => m.title === title))
      throw new Error(`createMilestone: ${fullName} already has a milestone ${JSON.stringify(title)}`);
    const number = repo.nextMilestone++;
    repo.milestones.push({
      number,
      title,
      description: options.description ?? null,
      state: options.state ?? 'open',
      dueOn: options.dueOn ?? null,
      createdAt: isoNow()
    });
    return number;
  }

  /**
   * Submits a review on a pull request as `login`, as a person would: like GitHub, it takes the
   * reviewer out of the requested reviewers (and, `forTeam`, that team's request too).
   */
  submitReview(
    fullName: string,
    number: number,
    login: string,
    options: { state?: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED'; forTeam?: string } = {}
  ) {
    const repo = this.repo(fullName);
    const pr = this.findPull(repo, number);
    pr.requested_reviewers = pr.requested_reviewers.filter(
      (u: UserBrief) => u.login.toLowerCase() !== login.toLowerCase()
    );
    if (options.forTeam)
      pr.requested_teams = pr.requested_teams.filter(
        (t: { slug: string }) => t.slug.toLowerCase() !== options.forTeam?.toLowerCase()
      );
    this.reviews.push({
      repo: repo.fullName,
      number,
      login,
      state: options.state ?? 'APPROVED',
      id: stableId(`review:${++this.idCounter}`),
      submittedAt: isoNow()
    });
  }

  /**
   * The pull_request events of a repository's pull requests (see `events`), optionally only those
   * with one of the given actions.
   */
  pullRequestEvents(fullName: string, actions: string[]) {
    const repo = this.repo(fullName);
    return this.events.filter((e) => e.repo === repo.fullName && (!actions || actions.includes(e.action)));
  }

  /**
   * The stored pull request (GitHub's shape, shas refreshed from the branches while it is open),
   * or null when the repository has no such pull request.
   */
  getPull(fullName: string, number: number): Stored | null {
    const repo = this.repo(fullName);
    this.syncPulls(repo);
    return this.pulls.find((x) => x.base.repo.full_name === repo.fullName && x.number === number) ?? null;
  }

  /**
   * The stored pull requests of a repository, by number (all states).
   */
  pullsOf(fullName: string): Stored[] {
    const repo = this.repo(fullName);
    this.syncPulls(repo);
    return this.pulls
      .filter((x) => x.base.repo.full_name === repo.fullName)
      .sort((a, b) => a.number - b.number);
  }

  /** Forgets tokens, repositories, pull requests, comments, the request log, pending faults, git hooks and verified commits. */
  reset() {
    this.tokens.clear();
    this.repos.clear();
    rmSync(this.reposDir, { recursive: true, force: true });
    mkdirSync(this.reposDir, { recursive: true });
    this.pulls.length = 0;
    this.comments.length = 0;
    this.reviews.length = 0;
    this.events.length = 0;
    this.requests.length = 0;
    this.faults.length = 0;
    this.gitHooks.length = 0;
    this.verifiedCommits.clear();
    this.commitCounter = 0;
  }
}

/**
 * Starts the emulator and resolves once it is listening.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = new Emulator(options);
  try {
    return await emulator.listen();
  } catch (err) {
    if (emulator.ownsDir) rmSync(emulator.dir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Environment variables a child process needs to trust the emulator's certificate:
 * Go (gh) reads SSL_CERT_FILE, git reads GIT_SSL_CAINFO, Node reads NODE_EXTRA_CA_CERTS at start-up.
 * With a trust folder (the emulator's `trustDir`), GIT_SSL_CAPATH and SSL_CERT_DIR point git and
 * gh there instead of /etc/ssl/certs, which they would otherwise read whole on every connection
 * (about 70 ms of CPU for each git fetch, push or ls-remote); they trust the CA alone either way.
 */
export function emulatorEnv(emulator: { caFile: string; trustDir?: string }): {
  SSL_CERT_FILE: string;
  GIT_SSL_CAINFO: string;
  NODE_EXTRA_CA_CERTS: string;
  GIT_SSL_CAPATH?: string;
  SSL_CERT_DIR?: string;
} {
  return {
    SSL_CERT_FILE: emulator.caFile,
    GIT_SSL_CAINFO: emulator.caFile,
    NODE_EXTRA_CA_CERTS: emulator.caFile,
    ...(emulator.trustDir ? { GIT_SSL_CAPATH: emulator.trustDir, SSL_CERT_DIR: emulator.trustDir } : {})
  };
}
