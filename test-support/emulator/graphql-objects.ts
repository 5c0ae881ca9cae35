import { EMULATED_SIGNATURE, WEB_FLOW, isSafeRefName, nodeId, stableId } from './common.js';
import { RestApi } from './rest.js';
import type { RepoInfo, Site, Stored } from './types.js';

/** Users, pull requests, repositories, refs and commits as GraphQL objects (plain values and resolvers). */
export class GraphQLObjects extends RestApi {
  gqlUser(login: string, site: Site) {
    const user = this.userBrief(login);
    return {
      __typename: user.type,
      __interfaces: ['Node', 'Actor'],
      id: user.node_id,
      databaseId: user.id,
      login,
      url: `${site.web}/${login}`
    };
  }

  gqlPull(pr: Stored, site: Site) {
    const repo = this.repo(pr.base.repo.full_name);
    const am = pr.auto_merge;
    return {
      __typename: 'PullRequest',
      __interfaces: [
        'Node',
        'Assignable',
        'Closable',
        'Comment',
        'Labelable',
        'Lockable',
        'UniformResourceLocatable',
        'Updatable'
      ],
      id: pr.node_id,
      databaseId: pr.id,
      number: pr.number,
      title: pr.title,
      body: pr.body ?? '',
      state: pr.merged ? 'MERGED' : pr.state.toUpperCase(),
      closed: pr.state !== 'open',
      isDraft: pr.draft,
      url: `${site.web}/${repo.fullName}/pull/${pr.number}`,
      headRefName: pr.head.ref,
      headRefOid: pr.head.sha,
      baseRefName: pr.base.ref,
      baseRefOid: pr.base.sha,
      maintainerCanModify: pr.maintainer_can_modify,
      createdAt: pr.created_at,
      updatedAt: pr.updated_at,
      closedAt: pr.closed_at,
      author: this.gqlUser(pr.user.login, site),
      autoMergeRequest: am
        ? {
            __typename: 'AutoMergeRequest',
            mergeMethod: String(am.merge_method).toUpperCase(),
            enabledAt: am.enabled_at,
            enabledBy: this.gqlUser(am.enabled_by.login, site),
            commitHeadline: am.commit_title,
            commitBody: am.commit_message,
            authorEmail: am.author_email ?? null
          }
        : null,
      repository: {
        __typename: 'Repository',
        __interfaces: ['Node'],
        id: nodeId('R', repo.id),
        databaseId: repo.id,
        name: repo.name,
        nameWithOwner: repo.fullName,
        owner: { __typename: 'User', login: repo.owner },
        autoMergeAllowed: repo.allowAutoMerge,
        url: `${site.web}/${repo.fullName}`
      }
    };
  }

  /**
   * A repository as GraphQL shows it; `ref`, `defaultBranchRef` and `object` are resolved on demand.
   * (Reached through createCommitOnBranch's payload; the root `repository` query is not served,
   * the smoke tests use it as their example of an unsupported field.)
   */
  gqlRepository(repo: RepoInfo, site: Site) {
    const ownerId = stableId(`user:${repo.owner.toLowerCase()}`);
    return {
      __typename: 'Repository',
      __interfaces: ['Node', 'RepositoryInfo', 'UniformResourceLocatable'],
      id: nodeId('R', repo.id),
      databaseId: repo.id,
      name: repo.name,
      nameWithOwner: repo.fullName,
      owner: {
        __typename: 'User',
        __interfaces: ['Node', 'Actor', 'RepositoryOwner'],
        id: nodeId('U', ownerId),
        login: repo.owner,
        url: `${site.web}/${repo.owner}`
      },
      url: `${site.web}/${repo.fullName}`,
      isPrivate: repo.private,
      visibility: repo.private ? 'PRIVATE' : 'PUBLIC',
      autoMergeAllowed: repo.allowAutoMerge,
      defaultBranchRef: () => this.gqlRef(repo, `refs/heads/${repo.defaultBranch}`, site),
      ref: (a: { qualifiedName?: unknown }) => {
        const q = a.qualifiedName;
        if (typeof q !== 'string' || !q) return null;
        for (const full of q.startsWith('refs/') ? [q] : [`refs/heads/${q}`, `refs/tags/${q}`]) {
          const ref = this.gqlRef(repo, full, site);
          if (ref) return ref;
        }
        return null;
      },
      object: (a: { oid?: unknown; expression?: unknown }) => {
        const spec =
          typeof a.oid === 'string' ? a.oid : typeof a.expression === 'string' ? a.expression : null;
        if (!spec || spec.startsWith('-') || (typeof a.oid === 'string' && !/^[0-9a-f]{4,40}$/i.test(spec)))
          return null;
        const sha = this.refSha(repo, spec);
        return sha ? this.gqlCommit(repo, sha, site) : null;
      }
    };
  }

  /**
   * A Ref (branch or tag) pointing at a commit, or null when there is no such ref.
   * @param fullRef e.g. refs/heads/main
   */
  gqlRef(repo: RepoInfo, fullRef: string, site: Site) {
    const m = /^refs\/([^/]+\/)(.+)$/.exec(fullRef);
    if (!m || !isSafeRefName(fullRef)) return null;
    const sha = this.refSha(repo, fullRef);
    if (!sha) return null;
    return {
      __typename: 'Ref',
      __interfaces: ['Node'],
      id: nodeId('REF', `${repo.id}:${fullRef.slice('refs/'.length)}`),
      name: m[2],
      prefix: `refs/${m[1]}`,
      target: () => this.gqlCommit(repo, sha, site),
      repository: () => this.gqlRepository(repo, site)
    };
  }

  /**
   * A commit as GraphQL shows it, or null when `sha` is not a commit of the repository.
   */
  gqlCommit(repo: RepoInfo, sha: string, site: Site) {
    const c = this.commitInfos(repo, [sha]).get(sha);
    if (!c) return null;
    const url = (oid: string) => `${site.web}/${repo.fullName}/commit/${oid}`;
    const nl = c.message.indexOf('\n');
    const actor = (who: { name: string; email: string; date: string }) => {
      const m = /^\d+\+(.+)@users\.noreply\.github\.com$/i.exec(who.email);
      return {
        __typename: 'GitActor',
        name: who.name,
        email: who.email,
        date: who.date,
        user: m ? this.gqlUser(m[1], site) : null
      };
    };
    const signed = this.verifiedCommits.has(sha);
    return {
      __typename: 'Commit',
      __interfaces: ['Node', 'GitObject', 'Subscribable', 'UniformResourceLocatable'],
      id: nodeId('C', `${repo.fullName.toLowerCase()}@${sha}`),
      oid: sha,
      abbreviatedOid: sha.slice(0, 7),
      url: url(sha),
      commitUrl: url(sha),
      resourcePath: `/${repo.fullName}/commit/${sha}`,
      message: c.message,
      messageHeadline: nl < 0 ? c.message : c.message.slice(0, nl),
      messageBody: nl < 0 ? '' : c.message.slice(nl + 1).replace(/^\n+/, ''),
      authoredDate: c.author.date,
      committedDate: c.committer.date,
      author: actor(c.author),
      committer: actor(c.committer),
      tree: { __typename: 'Tree', __interfaces: ['Node', 'GitObject'], oid: c.tree },
      parents: () => ({
        __typename: 'CommitConnection',
        totalCount: c.parents.length,
        nodes: c.parents.map((p) => ({
          __typename: 'Commit',
          oid: p,
          abbreviatedOid: p.slice(0, 7),
          url: url(p),
          commitUrl: url(p)
        }))
      }),
      signature: signed
        ? {
            __typename: 'GpgSignature',
            __interfaces: ['GitSignature'],
            isValid: true,
            state: 'VALID',
            wasSignedByGitHub: true,
            email: 'noreply@github.com',
            signer: this.gqlUser(WEB_FLOW, site),
            signature: EMULATED_SIGNATURE,
            payload: '',
            keyId: null
          }
        : null,
      repository: () => this.gqlRepository(repo, site)
    };
  }
}
