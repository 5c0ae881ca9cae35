import { BASE_EPOCH, nodeId, stableId } from './common.js';
import { HttpBase } from './http.js';
import type { Milestone, RepoInfo, Site, Stored, TokenInfo, UserBrief } from './types.js';

/** GitHub's JSON for the API root, users, repositories, labels, milestones, teams and refs. */
export class JsonViews extends HttpBase {
  rootDocument(site: Site) {
    const api = site.api;
    return {
      current_user_url: `${api}/user`,
      current_user_authorizations_html_url: `${site.web}/settings/connections/applications{/client_id}`,
      authorizations_url: `${api}/authorizations`,
      code_search_url: `${api}/search/code?q={query}{&page,per_page,sort,order}`,
      commit_search_url: `${api}/search/commits?q={query}{&page,per_page,sort,order}`,
      emails_url: `${api}/user/emails`,
      emojis_url: `${api}/emojis`,
      events_url: `${api}/events`,
      feeds_url: `${api}/feeds`,
      followers_url: `${api}/user/followers`,
      following_url: `${api}/user/following{/target}`,
      gists_url: `${api}/gists{/gist_id}`,
      hub_url: `${api}/hub`,
      issue_search_url: `${api}/search/issues?q={query}{&page,per_page,sort,order}`,
      issues_url: `${api}/issues`,
      keys_url: `${api}/user/keys`,
      label_search_url: `${api}/search/labels?q={query}&repository_id={repository_id}{&page,per_page}`,
      notifications_url: `${api}/notifications`,
      organization_url: `${api}/orgs/{org}`,
      organization_repositories_url: `${api}/orgs/{org}/repos{?type,page,per_page,sort}`,
      organization_teams_url: `${api}/orgs/{org}/teams`,
      public_gists_url: `${api}/gists/public`,
      rate_limit_url: `${api}/rate_limit`,
      repository_url: `${api}/repos/{owner}/{repo}`,
      repository_search_url: `${api}/search/repositories?q={query}{&page,per_page,sort,order}`,
      current_user_repositories_url: `${api}/user/repos{?type,page,per_page,sort}`,
      starred_url: `${api}/user/starred{/owner}{/repo}`,
      starred_gists_url: `${api}/gists/starred`,
      topic_search_url: `${api}/search/topics?q={query}{&page,per_page}`,
      user_url: `${api}/users/{user}`,
      user_organizations_url: `${api}/user/orgs`,
      user_repositories_url: `${api}/users/{user}/repos{?type,page,per_page,sort}`,
      user_search_url: `${api}/search/users?q={query}{&page,per_page}`
    };
  }

  userJson(me: TokenInfo, site: Site) {
    return this.userOut(this.userBrief(me.login), site);
  }

  /**
   * GET /user: the signed-in user as GitHub answers a token without the `user` scope (the
   * public-user schema: the brief user plus profile fields, null where the profile is empty).
   */
  authenticatedUserJson(me: TokenInfo, site: Site) {
    const created = new Date(BASE_EPOCH * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return {
      ...this.userJson(me, site),
      name: null,
      company: null,
      blog: '',
      location: null,
      email: null,
      hireable: null,
      bio: null,
      public_repos: 0,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: created,
      updated_at: created
    };
  }

  /**
   * A repository as GitHub shows it: `full` for GET /repos/:o/:r (full-repository), otherwise as
   * embedded in a pull request's head and base (repository).
   */
  repoJson(repo: RepoInfo, site: Site, options: { full?: boolean; viewer?: TokenInfo } = {}): Stored {
    const api = `${site.api}/repos/${repo.fullName}`;
    const created = new Date(BASE_EPOCH * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const out: Record<string, unknown> = {
      id: repo.id,
      node_id: nodeId('R', repo.id),
      name: repo.name,
      full_name: repo.fullName,
      private: repo.private,
      owner: this.userOut(this.userBrief(repo.owner), site),
      html_url: `${site.web}/${repo.fullName}`,
      description: null,
      fork: repo.parent !== null,
      url: api,
      forks_url: `${api}/forks`,
      keys_url: `${api}/keys{/key_id}`,
      collaborators_url: `${api}/collaborators{/collaborator}`,
      teams_url: `${api}/teams`,
      hooks_url: `${api}/hooks`,
      issue_events_url: `${api}/issues/events{/number}`,
      events_url: `${api}/events`,
      assignees_url: `${api}/assignees{/user}`,
      branches_url: `${api}/branches{/branch}`,
      tags_url: `${api}/tags`,
      blobs_url: `${api}/git/blobs{/sha}`,
      git_tags_url: `${api}/git/tags{/sha}`,
      git_refs_url: `${api}/git/refs{/sha}`,
      trees_url: `${api}/git/trees{/sha}`,
      statuses_url: `${api}/statuses/{sha}`,
      languages_url: `${api}/languages`,
      stargazers_url: `${api}/stargazers`,
      contributors_url: `${api}/contributors`,
      subscribers_url: `${api}/subscribers`,
      subscription_url: `${api}/subscription`,
      commits_url: `${api}/commits{/sha}`,
      git_commits_url: `${api}/git/commits{/sha}`,
      comments_url: `${api}/comments{/number}`,
      issue_comment_url: `${api}/issues/comments{/number}`,
      contents_url: `${api}/contents/{+path}`,
      compare_url: `${api}/compare/{base}...{head}`,
      merges_url: `${api}/merges`,
      archive_url: `${api}/{archive_format}{/ref}`,
      downloads_url: `${api}/downloads`,
      issues_url: `${api}/issues{/number}`,
      pulls_url: `${api}/pulls{/number}`,
      milestones_url: `${api}/milestones{/number}`,
      notifications_url: `${api}/notifications{?since,all,participating}`,
      labels_url: `${api}/labels{/name}`,
      releases_url: `${api}/releases{/id}`,
      deployments_url: `${api}/deployments`,
      created_at: created,
      updated_at: created,
      pushed_at: created,
      git_url: `git://${new URL(site.web).host}/${repo.fullName}.git`,
      ssh_url: `git@${new URL(site.web).hostname}:${repo.fullName}.git`,
      clone_url: `${site.web}/${repo.fullName}.git`,
      svn_url: `${site.web}/${repo.fullName}`,
      homepage: null,
      size: 1,
      stargazers_count: 0,
      watchers_count: 0,
      language: null,
      has_issues: true,
      has_projects: true,
      has_downloads: true,
      has_wiki: true,
      has_pages: false,
      has_discussions: false,
      forks_count: [...this.repos.values()].filter((r) => r.parent === repo.fullName).length,
      mirror_url: null,
      archived: false,
      disabled: false,
      open_issues_count: this.pulls.filter(
        (x) => x.base.repo.full_name === repo.fullName && x.state === 'open'
      ).length,
      license: null,
      allow_forking: true,
      is_template: false,
      web_commit_signoff_required: false,
      topics: [],
      visibility: repo.private ? 'private' : 'public',
      forks: 0,
      open_issues: 0,
      watchers: 0,
      default_branch: repo.defaultBranch
    };
    out.open_issues = out.open_issues_count;
    out.forks = out.forks_count;
    if (!options.full) return out;
    const access = options.viewer ? this.accessOf(options.viewer, repo) : undefined;
    const push = access === undefined || access.contents === 'write';
    const forkOf: Stored = {};
    if (repo.parent) {
      forkOf.parent = this.repoJson(this.repo(repo.parent), site);
      forkOf.source = this.repoJson(this.sourceOf(repo), site);
    }
    return {
      ...out,
      ...forkOf,
      permissions: { admin: false, maintain: false, push, triage: true, pull: true },
      allow_auto_merge: repo.allowAutoMerge,
      allow_merge_commit: true,
      allow_squash_merge: true,
      allow_rebase_merge: true,
      allow_update_branch: false,
      use_squash_pr_title_as_default: false,
      squash_merge_commit_title: 'COMMIT_OR_PR_TITLE',
      squash_merge_commit_message: 'COMMIT_MESSAGES',
      merge_commit_title: 'MERGE_MESSAGE',
      merge_commit_message: 'PR_TITLE',
      delete_branch_on_merge: false,
      // The repositories of the fork network besides its source.
      network_count: [...this.repos.values()].filter(
        (r) => r.parent !== null && this.sourceOf(r) === this.sourceOf(repo)
      ).length,
      subscribers_count: 0
    };
  }

  labelJson(repo: RepoInfo, name: string, site: Site) {
    const id = stableId(`label:${repo.fullName.toLowerCase()}:${name.toLowerCase()}`);
    return {
      id,
      node_id: nodeId('LA', id),
      url: `${site.api}/repos/${repo.fullName}/labels/${encodeURIComponent(name)}`,
      name,
      color: 'ededed',
      default: false,
      // Labels made by adding them have no description; the description of pull requests types it as a string.
      description: ''
    };
  }

  userOut(user: UserBrief, site: Site) {
    const name = encodeURIComponent(user.login); // github-actions%5Bbot%5D, as GitHub writes it
    const api = `${site.api}/users/${name}`;
    return {
      login: user.login,
      id: user.id,
      node_id: user.node_id,
      avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
      gravatar_id: '',
      url: api,
      html_url: `${site.web}/${name}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: user.type,
      user_view_type: 'public',
      site_admin: false
    };
  }

  milestoneJson(repo: RepoInfo, m: Milestone, site: Site) {
    const id = stableId(`milestone:${repo.fullName.toLowerCase()}:${m.number}`);
    const issues = this.pulls.filter(
      (x) => x.base.repo.full_name === repo.fullName && x.milestone && x.milestone.number === m.number
    );
    return {
      url: `${site.api}/repos/${repo.fullName}/milestones/${m.number}`,
      html_url: `${site.web}/${repo.fullName}/milestone/${m.number}`,
      labels_url: `${site.api}/repos/${repo.fullName}/milestones/${m.number}/labels`,
      id,
      node_id: nodeId('MI', id),
      number: m.number,
      title: m.title,
      description: m.description,
      creator: this.userOut(this.userBrief(repo.owner), site),
      open_issues: issues.filter((x) => x.state === 'open').length,
      closed_issues: issues.filter((x) => x.state !== 'open').length,
      state: m.state,
      created_at: m.createdAt,
      updated_at: m.createdAt,
      due_on: m.dueOn,
      closed_at: null
    };
  }

  /**
   * A team as a pull request's requested_teams shows it (team-simple).
   */
  teamJson(repo: RepoInfo, t: Stored, site: Site) {
    const api = `${site.api}/organizations/${stableId(`user:${repo.owner.toLowerCase()}`)}/team/${t.id}`;
    return {
      id: t.id,
      node_id: t.node_id,
      url: api,
      html_url: `${site.web}/orgs/${repo.owner}/teams/${t.slug}`,
      name: t.name,
      slug: t.slug,
      description: t.description,
      privacy: t.privacy,
      notification_setting: 'notifications_enabled',
      permission: t.permission,
      members_url: `${api}/members{/member}`,
      repositories_url: `${api}/repos`,
      type: 'organization',
      parent: null
    };
  }

  /**
   * A git reference as the refs API shows it.
   * @param ref without the leading refs/
   */
  refJson(repo: RepoInfo, ref: string, sha: string, site: Site) {
    const type = this.objectType(repo, sha) ?? 'commit';
    return {
      ref: `refs/${ref}`,
      node_id: nodeId('REF', `${repo.id}:${ref}`),
      url: `${site.api}/repos/${repo.fullName}/git/refs/${ref}`,
      object: { sha, type, url: `${site.api}/repos/${repo.fullName}/git/${type}s/${sha}` }
    };
  }
}
