import { isoNow, nodeId, stableId } from './common.js';
import { HttpError, validationFailed } from './http.js';
import { PullJsonViews } from './rest-json-pulls.js';
import type { RepoInfo, Site, Stored, TokenInfo } from './types.js';

/** REST: listing, creating and updating pull requests (state, base, reopening). */
export class PullHandlers extends PullJsonViews {
  listPulls(repo: RepoInfo, query: URLSearchParams, site: Site) {
    this.syncPulls(repo);
    const state = query.get('state') ?? 'open';
    const head = query.get('head');
    const base = query.get('base');
    let list = this.pulls.filter((x) => x.base.repo.full_name === repo.fullName);
    if (state === 'open' || state === 'closed') list = list.filter((x) => x.state === state);
    // Like GitHub: the head filter only applies in the `owner:branch` form; a bare branch name is ignored.
    if (head && head.includes(':')) {
      const [owner, ...refParts] = head.split(':');
      const ref = refParts.join(':');
      list = list.filter(
        (x) => x.head.user.login.toLowerCase() === owner.toLowerCase() && x.head.ref === ref
      );
    }
    if (base) list = list.filter((x) => x.base.ref === base);
    const sort = query.get('sort') ?? 'created';
    const direction = query.get('direction') ?? (sort === 'created' ? 'desc' : 'asc'); // GitHub's defaults
    const key = sort === 'updated' ? 'updated_at' : 'created_at';
    list = [...list].sort((a, b) => (a[key] === b[key] ? a.number - b.number : a[key] < b[key] ? -1 : 1));
    if (direction === 'desc') list.reverse();
    const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
    const lastPage = Math.max(1, Math.ceil(list.length / perPage));
    const items = list
      .slice((page - 1) * perPage, page * perPage)
      .map((x) => this.pullJson(x, site, { simple: true }));
    const headers: Record<string, string> = {};
    if (lastPage > 1) {
      const link = (n: number) => {
        const q = new URLSearchParams(query);
        q.set('per_page', String(perPage));
        q.set('page', String(n));
        return `${site.api}/repos/${repo.fullName}/pulls?${q.toString()}`;
      };
      const rels = [];
      if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`);
      if (page < lastPage) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(lastPage)}>; rel="last"`);
      if (page > 1) rels.push(`<${link(1)}>; rel="first"`);
      headers.link = rels.join(', ');
    }
    return { status: 200, body: items, headers };
  }

  createPull(repo: RepoInfo, body: Stored, site: Site, me: TokenInfo) {
    const doc = 'pulls/pulls#create-a-pull-request';
    if (!repo.actionsCanCreatePullRequests) {
      throw new HttpError(403, {
        message: 'GitHub Actions is not permitted to create or approve pull requests.',
        documentation_url: `https://docs.github.com/rest/${doc}`
      });
    }
    if (typeof body.title !== 'string' || body.title === '') {
      throw validationFailed(doc, [{ resource: 'PullRequest', code: 'missing_field', field: 'title' }]);
    }
    if (typeof body.base !== 'string' || body.base === '')
      throw validationFailed(doc, [{ resource: 'PullRequest', code: 'missing_field', field: 'base' }]);
    checkBodyLength(body.body, doc);
    if (typeof body.head !== 'string' || body.head === '')
      throw validationFailed(doc, [{ resource: 'PullRequest', code: 'missing_field', field: 'head' }]);
    // `owner:branch` names a branch of that owner's repository in the network (a fork); `head_repo`
    // (owner/name) picks the repository when the owner has more than one there.
    let headOwner = repo.owner;
    let headRef: string = body.head;
    const colon = body.head.indexOf(':');
    if (colon >= 0) {
      headOwner = body.head.slice(0, colon);
      headRef = body.head.slice(colon + 1);
    }
    let headRepo: RepoInfo | undefined;
    if (body.head_repo !== undefined) {
      const named = typeof body.head_repo === 'string' ? /^([^/]+)\/([^/]+)$/.exec(body.head_repo) : null;
      headRepo =
        named && named[1].toLowerCase() === headOwner.toLowerCase()
          ? this.inNetwork(repo, named[1], named[2])
          : undefined;
    } else headRepo = this.inNetwork(repo, headOwner);
    const headSha = headRepo ? this.refSha(headRepo, `refs/heads/${headRef}`) : null;
    if (!headRepo || !headSha)
      throw validationFailed(doc, [{ resource: 'PullRequest', field: 'head', code: 'invalid' }]);
    const crossRepo = headRepo !== repo;
    // GitHub lets maintainers edit a pull request from a fork unless told otherwise; only someone
    // who may push to the fork can grant that (CPR's ERROR_PR_FORK_COLLAB). On a pull request
    // within one repository the field means nothing and is kept as sent.
    const maintainerCanModify =
      body.maintainer_can_modify === undefined ? crossRepo : Boolean(body.maintainer_can_modify);
    if (crossRepo && maintainerCanModify && this.accessOf(me, headRepo).contents !== 'write') {
      throw validationFailed(doc, [
        {
          resource: 'PullRequest',
          code: 'custom',
          field: 'fork_collab',
          message: "fork_collab Fork collab can't be granted by someone without permission"
        }
      ]);
    }
    const baseSha = this.refSha(repo, `refs/heads/${body.base}`);
    if (!baseSha) throw validationFailed(doc, [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    this.syncPulls(repo);
    const existing = this.pulls.find(
      (x) =>
        x.base.repo.full_name === repo.fullName &&
        x.state === 'open' &&
        x.head.repo.full_name === headRepo.fullName &&
        x.head.ref === headRef &&
        x.base.ref === body.base
    );
    if (existing) {
      throw validationFailed(doc, [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${headRepo.owner}:${headRef}.`
        }
      ]);
    }
    if (this.isAncestor(repo, headSha, baseSha)) {
      throw validationFailed(doc, [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `No commits between ${body.base} and ${crossRepo ? body.head : headRef}`
        }
      ]);
    }
    const number = repo.nextNumber++;
    const id = stableId(`pull:${repo.fullName.toLowerCase()}:${number}`);
    const now = isoNow();
    const brief = (login: string) => ({ login, id: stableId(`user:${login.toLowerCase()}`), type: 'User' });
    const pr = {
      id,
      // Unique and stable: derived from the repository and number, not from the numeric id.
      node_id: nodeId('PR', `${repo.fullName.toLowerCase()}#${number}`),
      number,
      state: 'open',
      locked: false,
      title: body.title,
      body: typeof body.body === 'string' ? body.body : null,
      draft: Boolean(body.draft),
      user: this.userBrief(me.login),
      labels: [] as Stored[],
      assignee: null,
      assignees: [] as Stored[],
      requested_reviewers: [] as Stored[],
      requested_teams: [] as Stored[],
      milestone: null as { number: number; title: string } | null,
      auto_merge: null as Stored | null,
      html_url: `${site.web}/${repo.fullName}/pull/${number}`,
      url: `${site.api}/repos/${repo.fullName}/pulls/${number}`,
      head: {
        label: `${headRepo.owner}:${headRef}`,
        ref: headRef,
        sha: headSha,
        user: brief(headRepo.owner),
        repo: { full_name: headRepo.fullName }
      },
      base: {
        label: `${repo.owner}:${body.base}`,
        ref: body.base,
        sha: baseSha,
        user: brief(repo.owner),
        repo: { full_name: repo.fullName }
      },
      merged: false,
      mergeable: null,
      merged_at: null,
      merge_commit_sha: null,
      closed_at: null as string | null,
      maintainer_can_modify: maintainerCanModify,
      author_association: 'MEMBER',
      created_at: now,
      updated_at: now
    };
    this.pulls.push(pr);
    this.event(repo, pr, 'opened');
    return {
      status: 201,
      body: this.pullJson(pr, site),
      headers: { location: `${site.api}/repos/${repo.fullName}/pulls/${number}` }
    };
  }

  updatePull(repo: RepoInfo, pr: Stored, body: Stored, site: Site) {
    const doc = 'pulls/pulls#update-a-pull-request';
    if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed') {
      throw validationFailed(doc, [{ resource: 'PullRequest', field: 'state', code: 'invalid' }]);
    }
    if (
      body.base !== undefined &&
      (typeof body.base !== 'string' || !this.refSha(repo, `refs/heads/${body.base}`))
    ) {
      throw validationFailed(doc, [{ resource: 'PullRequest', field: 'base', code: 'invalid' }]);
    }
    checkBodyLength(body.body, doc);
    // Sent for a pull request within one repository, the field alone fails the update.
    if (body.maintainer_can_modify !== undefined && pr.head.repo.full_name === pr.base.repo.full_name) {
      throw validationFailed(doc, [
        {
          resource: 'PullRequest',
          code: 'custom',
          field: 'fork_collab',
          message: 'Fork collab can only be enabled on cross-repo pull requests'
        }
      ]);
    }
    const newBase = body.base ?? pr.base.ref;
    const newState = body.state ?? pr.state;
    this.checkReopen(repo, pr, newState, newBase, doc);
    // GitHub sends pull_request.edited for a write of the title, body or base.
    const edited = ['title', 'body', 'base'].filter((field) => body[field] !== undefined);
    if (edited.length > 0) this.event(repo, pr, 'edited', edited.join(','));
    if (typeof body.title === 'string') pr.title = body.title;
    if (body.body !== undefined) pr.body = body.body;
    if (body.maintainer_can_modify !== undefined)
      pr.maintainer_can_modify = Boolean(body.maintainer_can_modify);
    if (body.base !== undefined) {
      pr.base.ref = body.base;
      pr.base.label = `${repo.owner}:${body.base}`;
    }
    this.setPullState(repo, pr, newState);
    pr.updated_at = isoNow();
    return { status: 200, body: this.pullJson(pr, site) };
  }

  /**
   * Refuses (422) to leave `pr` open on `newBase` when another open pull request has the same
   * head and base, and to reopen a pull request whose head branch is gone.
   */
  checkReopen(
    repo: RepoInfo,
    pr: Stored,
    newState: string | undefined,
    newBase: string | undefined,
    doc: string
  ) {
    if (newState !== 'open' || (pr.state === 'open' && newBase === pr.base.ref)) return;
    const clash = this.pulls.find(
      (x) =>
        x !== pr &&
        x.base.repo.full_name === repo.fullName &&
        x.state === 'open' &&
        x.head.repo.full_name === pr.head.repo.full_name &&
        x.head.ref === pr.head.ref &&
        x.base.ref === newBase
    );
    if (clash) {
      throw validationFailed(doc, [
        {
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${pr.head.label}.`
        }
      ]);
    }
    const headRepo = this.repos.get(String(pr.head.repo.full_name).toLowerCase());
    if (pr.state !== 'open' && !(headRepo && this.refSha(headRepo, `refs/heads/${pr.head.ref}`))) {
      throw validationFailed(doc, [{ resource: 'PullRequest', field: 'state', code: 'invalid' }]);
    }
  }

  /**
   * @param newState 'open' or 'closed'
   */
  setPullState(repo: RepoInfo, pr: Stored, newState: string | undefined) {
    if (newState === pr.state) return;
    this.event(repo, pr, newState === 'closed' ? 'closed' : 'reopened');
    pr.state = newState;
    pr.closed_at = newState === 'closed' ? isoNow() : null;
    if (newState === 'closed')
      pr.auto_merge = null; // GitHub disables auto-merge when a PR is closed
    else this.syncPulls(repo);
  }
}

/**
 * GitHub refuses a body of more than 65,536 characters, counted as code points (an astral emoji
 * counts once): 422 with a custom error on `body` (peter-evans/create-issue-from-file#1049;
 * dead-claudia/github-limits#13).
 */
function checkBodyLength(text: unknown, doc: string): void {
  if (typeof text === 'string' && [...text].length > 65536) {
    throw validationFailed(doc, [
      {
        resource: 'PullRequest',
        code: 'custom',
        field: 'body',
        message: 'body is too long (maximum is 65536 characters)'
      }
    ]);
  }
}
