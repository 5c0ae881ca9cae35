import { DOC_URL, isoNow, nodeId, stableId } from './common.js';
import { HttpError, notFound, validationFailed } from './http.js';
import { ForkHandlers } from './rest-forks.js';
import type { RepoInfo, Site, Stored, TokenInfo, UserBrief } from './types.js';

/** REST: the routes below the API root, dispatched to the handlers. */
export class RestApi extends ForkHandlers {
  /**
   * @param p path below the API root
   */
  // eslint-disable-next-line @typescript-eslint/require-await -- an HttpError thrown here must reject
  async rest(
    method: string,
    p: string,
    query: URLSearchParams,
    rawBody: Buffer,
    site: Site,
    me: TokenInfo
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const match = (re: RegExp) => re.exec(p);
    let m: RegExpExecArray | null;

    if (p === '/' && method === 'GET') return { status: 200, body: this.rootDocument(site) };
    if (p === '/user' && method === 'GET') return { status: 200, body: this.authenticatedUserJson(me, site) };

    if ((m = match(/^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/))) {
      const repo = this.repos.get(`${decodeURIComponent(m[1])}/${decodeURIComponent(m[2])}`.toLowerCase());
      if (!repo) throw notFound();
      const sub = m[3] ?? '';
      this.checkAccess(me, repo, method, sub);
      let s: RegExpExecArray | null;
      if (sub === '' && method === 'GET')
        return { status: 200, body: this.repoJson(repo, site, { full: true, viewer: me }) };
      if (sub === '/forks' && method === 'POST')
        return this.createFork(repo, this.parseJson(rawBody), site, me);
      if ((s = /^\/branches\/(.+)$/.exec(sub)) && method === 'GET') {
        const branch = decodeURIComponent(s[1]);
        const sha = this.refSha(repo, `refs/heads/${branch}`);
        if (!sha)
          throw new HttpError(404, {
            message: 'Branch not found',
            documentation_url: `${DOC_URL}/branches/branches#get-a-branch`
          });
        return {
          status: 200,
          body: {
            name: branch,
            commit: { sha, url: `${site.api}/repos/${repo.fullName}/commits/${sha}` },
            protected: false,
            _links: {
              self: `${site.api}/repos/${repo.fullName}/branches/${branch}`,
              html: `${site.web}/${repo.fullName}/tree/${branch}`
            }
          }
        };
      }
      if ((s = /^\/git\/ref\/(.+)$/.exec(sub)) && method === 'GET') {
        const ref = decodeURIComponent(s[1]);
        const sha = this.gitRefSha(repo, ref);
        if (!sha) throw notFound();
        return { status: 200, body: this.refJson(repo, ref, sha, site) };
      }
      if (sub === '/git/blobs' && method === 'POST')
        return this.createBlob(repo, this.parseJson(rawBody), site);
      if (sub === '/git/trees' && method === 'POST')
        return this.createTree(repo, this.parseJson(rawBody), site);
      if (sub === '/git/commits' && method === 'POST')
        return this.createGitCommit(repo, this.parseJson(rawBody), site, me);
      if (sub === '/git/refs' && method === 'POST')
        return this.createRef(repo, this.parseJson(rawBody), site);
      if ((s = /^\/git\/refs\/(.+)$/.exec(sub)) && method === 'PATCH')
        return this.updateRef(repo, decodeURIComponent(s[1]), this.parseJson(rawBody), site);
      if ((s = /^\/git\/refs\/(.+)$/.exec(sub)) && method === 'DELETE') {
        const ref = decodeURIComponent(s[1]);
        const sha = this.gitRefSha(repo, ref);
        if (!sha)
          throw new HttpError(422, {
            message: 'Reference does not exist',
            documentation_url: `${DOC_URL}/git/refs#delete-a-reference`
          });
        this.runGit(['--git-dir', repo.bareDir, 'update-ref', '-d', `refs/${ref}`, sha]);
        this.syncPulls(repo); // GitHub closes open pull requests whose head branch is deleted
        return { status: 204, body: null };
      }
      if ((s = /^\/compare\/(.+)$/.exec(sub)) && method === 'GET')
        return this.compare(repo, decodeURIComponent(s[1]), query, site);
      if (sub === '/pulls' && method === 'GET') return this.listPulls(repo, query, site);
      if (sub === '/pulls' && method === 'POST')
        return this.createPull(repo, this.parseJson(rawBody), site, me);
      if ((s = /^\/pulls\/(\d+)$/.exec(sub))) {
        const pr = this.findPull(repo, Number(s[1]));
        if (method === 'GET') return { status: 200, body: this.pullJson(pr, site) };
        if (method === 'PATCH') return this.updatePull(repo, pr, this.parseJson(rawBody), site);
      }
      if ((s = /^\/pulls\/(\d+)\/reviews$/.exec(sub)) && method === 'GET') {
        const pr = this.findPull(repo, Number(s[1]));
        const all = this.reviews.filter((r) => r.repo === repo.fullName && r.number === pr.number);
        const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30));
        const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
        const html = `${site.web}/${repo.fullName}/pull/${pr.number}`;
        const body = all.slice((page - 1) * perPage, page * perPage).map((r) => ({
          id: r.id,
          node_id: nodeId('PRR', r.id),
          user: this.userOut(this.userBrief(r.login), site),
          body: '',
          state: r.state,
          html_url: `${html}#pullrequestreview-${r.id}`,
          pull_request_url: `${site.api}/repos/${repo.fullName}/pulls/${pr.number}`,
          author_association: 'COLLABORATOR',
          _links: {
            html: { href: `${html}#pullrequestreview-${r.id}` },
            pull_request: { href: `${site.api}/repos/${repo.fullName}/pulls/${pr.number}` }
          },
          submitted_at: r.submittedAt,
          commit_id: pr.head.sha
        }));
        return { status: 200, body };
      }
      if ((s = /^\/pulls\/(\d+)\/requested_reviewers$/.exec(sub))) {
        const pr = this.findPull(repo, Number(s[1]));
        if (method === 'GET') {
          const out = this.pullJson(pr, site);
          return { status: 200, body: { users: out.requested_reviewers, teams: out.requested_teams } };
        }
        if (method === 'POST' || method === 'DELETE')
          return this.requestReviewers(repo, pr, method, this.parseJson(rawBody), site);
      }
      if ((s = /^\/issues\/(\d+)\/assignees$/.exec(sub)) && (method === 'POST' || method === 'DELETE')) {
        const pr = this.findPull(repo, Number(s[1]));
        const body = this.parseJson(rawBody);
        const logins = body.assignees === undefined ? [] : body.assignees;
        if (!Array.isArray(logins) || !logins.every((x) => typeof x === 'string' && x !== '')) {
          throw validationFailed('issues/assignees#add-assignees-to-an-issue', [
            { resource: 'Issue', code: 'invalid', field: 'assignees' }
          ]);
        }
        if (method === 'POST') {
          // Like GitHub: users who cannot be assigned are left out without an error.
          for (const login of logins) {
            if (!repo.collaborators.has(login.toLowerCase())) continue;
            if (!pr.assignees.some((u: UserBrief) => u.login.toLowerCase() === login.toLowerCase())) {
              pr.assignees.push(this.userBrief(login));
              this.event(repo, pr, 'assigned', login);
            }
          }
        } else {
          const drop = new Set(logins.map((x) => x.toLowerCase()));
          pr.assignees = pr.assignees.filter((u: UserBrief) => !drop.has(u.login.toLowerCase()));
        }
        pr.assignee = pr.assignees[0] ?? null;
        pr.updated_at = isoNow();
        return { status: method === 'POST' ? 201 : 200, body: this.issueJson(repo, pr, site) };
      }
      if ((s = /^\/issues\/(\d+)$/.exec(sub))) {
        const pr = this.findPull(repo, Number(s[1]));
        if (method === 'GET') return { status: 200, body: this.issueJson(repo, pr, site) };
        if (method === 'PATCH') return this.updateIssue(repo, pr, this.parseJson(rawBody), site);
      }
      if (sub === '/milestones' && method === 'GET') {
        const state = query.get('state') ?? 'open';
        const list = repo.milestones.filter((m) => state === 'all' || m.state === state);
        return { status: 200, body: list.map((m) => this.milestoneJson(repo, m, site)) };
      }
      if ((s = /^\/milestones\/(\d+)$/.exec(sub)) && method === 'GET') {
        const m = repo.milestones.find((x) => x.number === Number(s?.[1]));
        if (!m) throw notFound();
        return { status: 200, body: this.milestoneJson(repo, m, site) };
      }
      if ((s = /^\/issues\/(\d+)\/labels$/.exec(sub)) && method === 'POST') {
        const pr = this.findPull(repo, Number(s[1]));
        const body = this.parseJson(rawBody);
        const wanted = Array.isArray(body) ? body : body.labels;
        if (!Array.isArray(wanted)) {
          throw validationFailed('issues/labels#add-labels-to-an-issue', [
            { resource: 'Label', code: 'invalid', field: 'labels' }
          ]);
        }
        for (const l of wanted) {
          const name = typeof l === 'string' ? l : l && typeof l.name === 'string' ? l.name : null;
          if (!name)
            throw validationFailed('issues/labels#add-labels-to-an-issue', [
              { resource: 'Label', code: 'invalid', field: 'labels' }
            ]);
          if (!pr.labels.some((x: { name: string }) => x.name.toLowerCase() === name.toLowerCase())) {
            pr.labels.push(this.labelJson(repo, name, site));
            this.event(repo, pr, 'labeled', name);
          }
        }
        pr.updated_at = isoNow();
        return {
          status: 200,
          body: pr.labels.map((l: Stored) => ({
            ...l,
            url: `${site.api}/repos/${repo.fullName}/labels/${encodeURIComponent(l.name)}`
          }))
        };
      }
      if ((s = /^\/issues\/(\d+)\/comments$/.exec(sub)) && method === 'POST') {
        const pr = this.findPull(repo, Number(s[1]));
        const body = this.parseJson(rawBody);
        if (typeof body.body !== 'string' || body.body === '') {
          throw validationFailed('issues/comments#create-an-issue-comment', [
            { resource: 'IssueComment', code: 'missing_field', field: 'body' }
          ]);
        }
        const id = stableId(`comment:${++this.idCounter}:${repo.fullName}`);
        const now = isoNow();
        const comment = {
          id,
          node_id: nodeId('IC', id),
          url: `${site.api}/repos/${repo.fullName}/issues/comments/${id}`,
          html_url: `${site.web}/${repo.fullName}/pull/${pr.number}#issuecomment-${id}`,
          issue_url: `${site.api}/repos/${repo.fullName}/issues/${pr.number}`,
          body: body.body,
          user: this.userJson(me, site),
          created_at: now,
          updated_at: now,
          author_association: 'MEMBER'
        };
        this.comments.push({ ...comment, repo: repo.fullName, issue_number: pr.number });
        return { status: 201, body: comment, headers: { location: comment.url } };
      }
    }
    throw notFound();
  }

  /**
   * Refuses what the token may not do in the repository (Emulator.setRepoAccess): a repository it
   * cannot see is not found; a write it lacks the permission for is GitHub's 403.
   */
  checkAccess(me: TokenInfo, repo: RepoInfo, method: string, sub: string) {
    const access = this.accessOf(me, repo);
    if (access.contents === 'none') throw notFound();
    // Reading, and forking (which writes to another account), need read access only.
    if (method === 'GET' || method === 'HEAD' || sub === '/forks') return;
    const needed = /^\/git\//.test(sub) ? access.contents : access.pullRequests;
    if (needed === 'write') return;
    throw new HttpError(403, {
      message: `Resource not accessible by ${me.token.startsWith('ghs_') ? 'integration' : 'personal access token'}`,
      documentation_url: DOC_URL
    });
  }
}
