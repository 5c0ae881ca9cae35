import path from 'node:path';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { DOC_URL, stableId } from './common.js';
import { HttpError, validationFailed } from './http.js';
import { GitDataHandlers } from './rest-git.js';
import type { RepoInfo, Site, Stored, TokenInfo } from './types.js';

/**
 * Repositories coming into being: a new bare repository, and forks. A fork is a repository of its
 * own (refs, pull requests, permissions) whose objects are shared with its parent both ways, as
 * GitHub keeps one object store per fork network: each lists the other in objects/info/alternates,
 * so a commit pushed to either can be read, compared and fetched through both.
 */
export class ForkHandlers extends GitDataHandlers {
  /** Initializes and registers a bare repository with no commits. */
  newRepository(
    owner: string,
    name: string,
    options: { defaultBranch: string; private: boolean; parent: RepoInfo | null }
  ): RepoInfo {
    const fullName = `${owner}/${name}`;
    const bareDir = path.join(this.reposDir, owner, `${name}.git`);
    // What `git init --quiet --bare --template= --initial-branch=<branch>` writes on Linux, without
    // its process (one per repository a test makes). Then: pushes are served, and as on
    // github.com, partial clones (--filter=blob:none) too; no `git gc --auto` after each push
    // (receive.autogc), a process per push that the pusher never sees the work of.
    for (const folder of ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags'])
      mkdirSync(path.join(bareDir, folder), { recursive: true });
    writeFileSync(path.join(bareDir, 'HEAD'), `ref: refs/heads/${options.defaultBranch}\n`);
    writeFileSync(
      path.join(bareDir, 'config'),
      '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = true\n' +
        '[http]\n\treceivepack = true\n[uploadpack]\n\tallowReachableSHA1InWant = true\n\tallowFilter = true\n' +
        '[receive]\n\tautogc = false\n'
    );
    const repo: RepoInfo = {
      id: stableId(`repo:${fullName.toLowerCase()}`),
      owner,
      name,
      fullName,
      private: options.private,
      defaultBranch: options.defaultBranch,
      bareDir,
      nextNumber: 1,
      allowAutoMerge: false,
      actionsCanCreatePullRequests: true,
      milestones: [],
      nextMilestone: 1,
      pushRules: {},
      collaborators: new Set([owner.toLowerCase()]),
      teams: new Set(),
      parent: options.parent ? options.parent.fullName : null
    };
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }

  /**
   * Forks `parent` into `owner`'s account (an existing fork of this network there is returned as
   * it is, as GitHub does). The fork gets the parent's branches (only the default one with
   * `defaultBranchOnly`) and tags at their current commits. A name taken in that account by
   * another repository gets GitHub's `-1`, `-2`... suffix.
   */
  makeFork(
    parent: RepoInfo,
    owner: string,
    options: { name?: string; defaultBranchOnly?: boolean } = {}
  ): { fork: RepoInfo; created: boolean } {
    const root = this.sourceOf(parent);
    const existing = [...this.repos.values()].find(
      (r) => r.owner.toLowerCase() === owner.toLowerCase() && r !== root && this.sourceOf(r) === root
    );
    if (existing) return { fork: existing, created: false };
    const wanted = options.name ?? parent.name;
    let name = wanted;
    for (let n = 1; this.repos.has(`${owner}/${name}`.toLowerCase()); n++) name = `${wanted}-${n}`;
    const fork = this.newRepository(owner, name, {
      defaultBranch: parent.defaultBranch,
      private: parent.private,
      parent
    });
    const objects = (repo: RepoInfo) => path.join(repo.bareDir, 'objects');
    writeFileSync(path.join(objects(fork), 'info', 'alternates'), `${objects(parent)}\n`);
    appendFileSync(path.join(objects(parent), 'info', 'alternates'), `${objects(fork)}\n`);
    const refs = this.runGit([
      '--git-dir',
      parent.bareDir,
      'for-each-ref',
      '--format=%(objectname) %(refname)',
      ...(options.defaultBranchOnly ? [`refs/heads/${parent.defaultBranch}`] : ['refs/heads', 'refs/tags'])
    ]);
    const updates = refs
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [sha, ref] = line.split(' ');
        return `create ${ref} ${sha}\n`;
      })
      .join('');
    if (updates) this.runGit(['--git-dir', fork.bareDir, 'update-ref', '--stdin'], { input: updates });
    return { fork, created: true };
  }

  /**
   * POST /repos/:o/:r/forks { organization?, name?, default_branch_only? }: 202 with the fork
   * (GitHub makes it asynchronously; here it is there at once), also when it existed already.
   * The fork goes to `organization` or to the token's user.
   */
  createFork(repo: RepoInfo, body: Stored, site: Site, me: TokenInfo) {
    const doc = 'repos/forks#create-a-fork';
    for (const key of ['organization', 'name'] as const) {
      if (body[key] !== undefined && (typeof body[key] !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(body[key])))
        throw validationFailed(doc, [{ resource: 'Repository', code: 'invalid', field: key }]);
    }
    if (body.default_branch_only !== undefined && typeof body.default_branch_only !== 'boolean') {
      throw new HttpError(422, {
        message: `Invalid request.\n\nFor 'default_branch_only', ${JSON.stringify(body.default_branch_only)} is not a boolean.`,
        documentation_url: `${DOC_URL}/${doc}`
      });
    }
    const owner: string = body.organization ?? me.login;
    const { fork } = this.makeFork(repo, owner, {
      name: body.name,
      defaultBranchOnly: body.default_branch_only
    });
    return { status: 202, body: this.repoJson(fork, site, { full: true, viewer: me }) };
  }
}
