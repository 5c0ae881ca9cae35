import { EMULATED_SIGNATURE, nodeId, stableId } from './common.js';
import type { CommitInfo, RepoInfo, Site, Stored, UserBrief } from './types.js';
import { JsonViews } from './rest-json.js';

/** GitHub's JSON for issues, pull requests and commits, with URLs for the site asked. */
export class PullJsonViews extends JsonViews {
  /**
   * The parts of a pull request that its issue shares, with URLs for `site`.
   */
  issueSharedJson(repo: RepoInfo, pr: Stored, site: Site) {
    const milestone = pr.milestone
      ? repo.milestones.find((m) => m.number === pr.milestone.number)
      : undefined;
    const assignees = pr.assignees.map((u: UserBrief) => this.userOut(u, site));
    return {
      labels: pr.labels.map((l: Stored) => ({
        ...l,
        url: `${site.api}/repos/${repo.fullName}/labels/${encodeURIComponent(l.name)}`
      })),
      assignee: assignees[0] ?? null,
      assignees,
      milestone: milestone ? this.milestoneJson(repo, milestone, site) : null
    };
  }

  /**
   * A pull request as the issues API shows it.
   */
  issueJson(repo: RepoInfo, pr: Stored, site: Site) {
    const id = stableId(`issue:${repo.fullName.toLowerCase()}:${pr.number}`);
    const base = `${site.api}/repos/${repo.fullName}/issues/${pr.number}`;
    const html = `${site.web}/${repo.fullName}/pull/${pr.number}`;
    return {
      id,
      node_id: nodeId('I', `${repo.fullName.toLowerCase()}#${pr.number}`),
      url: base,
      repository_url: `${site.api}/repos/${repo.fullName}`,
      labels_url: `${base}/labels{/name}`,
      comments_url: `${base}/comments`,
      events_url: `${base}/events`,
      html_url: html,
      number: pr.number,
      state: pr.state,
      state_reason: null,
      title: pr.title,
      body: pr.body,
      user: this.userOut(pr.user, site),
      ...this.issueSharedJson(repo, pr, site),
      locked: pr.locked,
      active_lock_reason: null,
      comments: this.comments.filter((c) => c.repo === repo.fullName && c.issue_number === pr.number).length,
      pull_request: {
        url: `${site.api}/repos/${repo.fullName}/pulls/${pr.number}`,
        html_url: html,
        diff_url: `${html}.diff`,
        patch_url: `${html}.patch`,
        merged_at: pr.merged_at
      },
      draft: pr.draft,
      closed_at: pr.closed_at,
      created_at: pr.created_at,
      updated_at: pr.updated_at,
      closed_by: null,
      author_association: pr.author_association
    };
  }

  /**
   * Returns a copy of a stored pull request with URLs for the site it is read through (callers
   * run syncPulls first so that the shas are current): `pull-request`, or with `simple` the
   * `pull-request-simple` that lists show.
   */
  pullJson(pr: Stored, site: Site, options: { simple?: boolean } = {}) {
    const repo = this.repo(pr.base.repo.full_name);
    const out = structuredClone(pr);
    const repoBrief = this.repoJson(repo, site);
    out.html_url = `${site.web}/${repo.fullName}/pull/${pr.number}`;
    out.url = `${site.api}/repos/${repo.fullName}/pulls/${pr.number}`;
    out.issue_url = `${site.api}/repos/${repo.fullName}/issues/${pr.number}`;
    out.diff_url = `${out.html_url}.diff`;
    out.patch_url = `${out.html_url}.patch`;
    out.commits_url = `${out.url}/commits`;
    out.review_comments_url = `${out.url}/comments`;
    out.review_comment_url = `${site.api}/repos/${repo.fullName}/pulls/comments{/number}`;
    out.comments_url = `${out.issue_url}/comments`;
    out.statuses_url = `${site.api}/repos/${repo.fullName}/statuses/${pr.head.sha}`;
    out.user = this.userOut(pr.user, site);
    for (const side of [out.head, out.base]) side.user = this.userOut(this.userBrief(side.user.login), site);
    out.base.repo = repoBrief;
    // A pull request from a fork shows the fork; one whose fork was deleted, null (as GitHub does).
    const headRepo = this.repos.get(String(pr.head.repo.full_name).toLowerCase());
    out.head.repo = headRepo === repo ? repoBrief : headRepo ? this.repoJson(headRepo, site) : null;
    Object.assign(out, this.issueSharedJson(repo, pr, site));
    out.requested_reviewers = pr.requested_reviewers.map((u: UserBrief) => this.userOut(u, site));
    out.requested_teams = pr.requested_teams.map((t: Stored) => this.teamJson(repo, t, site));
    if (pr.auto_merge) {
      const { enabled_at: _enabledAt, ...autoMerge } = pr.auto_merge;
      out.auto_merge = { ...autoMerge, enabled_by: this.userOut(pr.auto_merge.enabled_by, site) };
    }
    const link = (href: string) => ({ href });
    out._links = {
      self: link(out.url),
      html: link(out.html_url),
      issue: link(out.issue_url),
      comments: link(out.comments_url),
      review_comments: link(out.review_comments_url),
      review_comment: link(out.review_comment_url),
      commits: link(out.commits_url),
      statuses: link(out.statuses_url)
    };
    if (options.simple) {
      // The list shows pull-request-simple: no merge state, counts or diff statistics.
      for (const key of [
        'merged',
        'mergeable',
        'rebaseable',
        'mergeable_state',
        'merged_by',
        'comments',
        'review_comments',
        'maintainer_can_modify',
        'commits',
        'additions',
        'deletions',
        'changed_files'
      ])
        delete out[key];
      return out;
    }
    const stats = this.diffStats(repo, pr.base.sha, pr.head.sha);
    Object.assign(out, {
      merged_by: null,
      rebaseable: null,
      mergeable_state: 'unknown',
      comments: this.comments.filter((c) => c.repo === repo.fullName && c.issue_number === pr.number).length,
      review_comments: 0,
      ...stats
    });
    return out;
  }

  /**
   * A commit as the commits/compare APIs show it (no GitHub account is linked: author/committer null).
   */
  commitJson(repo: RepoInfo, c: CommitInfo, site: Site) {
    const api = `${site.api}/repos/${repo.fullName}`;
    const web = `${site.web}/${repo.fullName}`;
    return {
      sha: c.sha,
      node_id: nodeId('C', `${repo.fullName.toLowerCase()}@${c.sha}`),
      commit: {
        author: { ...c.author },
        committer: { ...c.committer },
        message: c.message,
        tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
        url: `${api}/git/commits/${c.sha}`,
        comment_count: 0,
        verification: this.verifiedCommits.has(c.sha)
          ? {
              verified: true,
              reason: 'valid',
              signature: EMULATED_SIGNATURE,
              payload: null,
              verified_at: c.committer.date
            }
          : { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null }
      },
      url: `${api}/commits/${c.sha}`,
      html_url: `${web}/commit/${c.sha}`,
      comments_url: `${api}/commits/${c.sha}/comments`,
      author: null,
      committer: null,
      parents: c.parents.map((p) => ({ sha: p, url: `${api}/commits/${p}`, html_url: `${web}/commit/${p}` }))
    };
  }
}
