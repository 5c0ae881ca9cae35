import { DOC_URL, ZERO_OID, isSafeRefName } from './common.js';
import { HttpError, notFound, pageLinks } from './http.js';
import { GitObjectHandlers } from './rest-git-objects.js';
import type { CommitInfo, RepoInfo, Site, Stored } from './types.js';

/** REST: creating, moving and deleting refs, and comparing commits. */
export class GitDataHandlers extends GitObjectHandlers {
  /**
   * POST /git/refs { ref: 'refs/heads/x', sha }
   */
  createRef(repo: RepoInfo, body: Stored, site: Site) {
    const docUrl = `${DOC_URL}/git/refs#create-a-reference`;
    const fail = (message: string) => new HttpError(422, { message, documentation_url: docUrl });
    for (const key of ['ref', 'sha']) {
      if (body[key] === undefined || body[key] === null)
        throw fail(`Invalid request.\n\n"${key}" wasn't supplied.`);
      if (typeof body[key] !== 'string')
        throw fail(`Invalid request.\n\nFor '${key}', ${JSON.stringify(body[key])} is not a string.`);
    }
    const full: string = body.ref;
    if (!/^refs\/[^/]+\/./.test(full))
      throw fail("Reference name must start with 'refs/' and have at least two slashes.");
    const ref = full.slice('refs/'.length);
    if (!/^(?:heads|tags)\//.test(ref) || !isSafeRefName(full))
      throw fail(`${full} is not a valid ref name.`);
    const type = this.objectType(repo, body.sha);
    if (!type || (ref.startsWith('heads/') && type !== 'commit')) throw fail('Object does not exist');
    const sha = body.sha.toLowerCase();
    if (this.gitRefSha(repo, ref)) throw fail('Reference already exists');
    try {
      // A branch "x" blocks "x/y" and the other way round, as in any git repository.
      this.runGit(['--git-dir', repo.bareDir, 'update-ref', full, sha, ZERO_OID]);
    } catch {
      throw fail(this.gitRefSha(repo, ref) ? 'Reference already exists' : 'Reference update failed');
    }
    this.syncPulls(repo);
    return {
      status: 201,
      body: this.refJson(repo, ref, sha, site),
      headers: { location: `${site.api}/repos/${repo.fullName}/git/refs/${ref}` }
    };
  }

  /**
   * PATCH /git/refs/:ref { sha, force }: a fast-forward unless `force` is true.
   * @param ref decoded, without the leading refs/ ('heads/x')
   */
  updateRef(repo: RepoInfo, ref: string, body: Stored, site: Site) {
    const docUrl = `${DOC_URL}/git/refs#update-a-reference`;
    const fail = (message: string) => new HttpError(422, { message, documentation_url: docUrl });
    if (body.sha === undefined || body.sha === null) throw fail(`Invalid request.\n\n"sha" wasn't supplied.`);
    if (typeof body.sha !== 'string')
      throw fail(`Invalid request.\n\nFor 'sha', ${JSON.stringify(body.sha)} is not a string.`);
    if (body.force !== undefined && typeof body.force !== 'boolean')
      throw fail(`Invalid request.\n\nFor 'force', ${JSON.stringify(body.force)} is not a boolean.`);
    const old = this.gitRefSha(repo, ref);
    if (!old) throw fail('Reference does not exist');
    const type = this.objectType(repo, body.sha);
    if (!type || (ref.startsWith('heads/') && type !== 'commit')) throw fail('Object does not exist');
    const sha = body.sha.toLowerCase();
    if (!body.force && sha !== old && !this.isAncestor(repo, old, sha))
      throw fail('Update is not a fast forward');
    try {
      this.runGit(['--git-dir', repo.bareDir, 'update-ref', `refs/${ref}`, sha, old]);
    } catch {
      throw fail('Reference cannot be updated');
    }
    this.syncPulls(repo);
    return { status: 200, body: this.refJson(repo, ref, sha, site) };
  }

  /**
   * GET /compare/BASE...HEAD, computed with git on the bare repository. Like GitHub ("Compare
   * two commits"): without a paging parameter at most 250 commits, the last being the most recent
   * of the whole comparison; with `per_page` or `page`, pages of at most 100 (30 by default),
   * oldest first, with a Link header.
   * @param basehead decoded
   */
  compare(repo: RepoInfo, basehead: string, query: URLSearchParams, site: Site) {
    const dots = basehead.indexOf('...');
    if (dots < 0) throw notFound();
    const baseSpec = basehead.slice(0, dots);
    const headSpec = basehead.slice(dots + 3);
    const baseSha = this.resolveCommitish(repo, baseSpec);
    const headSha = this.resolveCommitish(repo, headSpec);
    if (!baseSha || !headSha) throw notFound();
    const g = (args: string[]) => this.runGit(['--git-dir', repo.bareDir, ...args]).trim();
    let mergeBase = '';
    try {
      mergeBase = g(['merge-base', baseSha, headSha]);
    } catch {
      // unrelated histories
    }
    if (!mergeBase) {
      throw new HttpError(404, {
        message: `No common ancestor between ${baseSpec} and ${headSpec}.`,
        documentation_url: `${DOC_URL}/commits/commits#compare-two-commits`
      });
    }
    // Oldest first (parents before children); how many there are is ahead_by.
    const all = g(['rev-list', '--reverse', '--topo-order', `${baseSha}..${headSha}`])
      .split('\n')
      .filter(Boolean);
    const aheadBy = all.length;
    const behindBy = Number(g(['rev-list', '--count', `${headSha}..${baseSha}`]));
    const status = aheadBy && behindBy ? 'diverged' : aheadBy ? 'ahead' : behindBy ? 'behind' : 'identical';
    const headers: Record<string, string> = {};
    let shas = all.slice(-250);
    if (query.has('per_page') || query.has('page')) {
      const perPage = Math.min(100, Math.max(1, Number(query.get('per_page') ?? 30) || 30));
      const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
      shas = all.slice((page - 1) * perPage, page * perPage);
      const link = pageLinks(
        `${site.api}/repos/${repo.fullName}/compare/${basehead}`,
        query,
        perPage,
        page,
        Math.max(1, Math.ceil(all.length / perPage))
      );
      if (link) headers.link = link;
    }
    const info = this.commitInfos(repo, [baseSha, mergeBase, ...shas]);
    const commitJson = (sha: string) => this.commitJson(repo, info.get(sha) as CommitInfo, site);
    const url = `${site.api}/repos/${repo.fullName}/compare/${basehead}`;
    const htmlUrl = `${site.web}/${repo.fullName}/compare/${basehead}`;
    return {
      status: 200,
      body: {
        url,
        html_url: htmlUrl,
        permalink_url: `${site.web}/${repo.fullName}/compare/${repo.owner}:${baseSha.slice(0, 7)}...${repo.owner}:${headSha.slice(0, 7)}`,
        diff_url: `${htmlUrl}.diff`,
        patch_url: `${htmlUrl}.patch`,
        base_commit: commitJson(baseSha),
        merge_base_commit: commitJson(mergeBase),
        status,
        ahead_by: aheadBy,
        behind_by: behindBy,
        total_commits: aheadBy,
        commits: shas.map(commitJson),
        files: []
      },
      headers
    };
  }
}
