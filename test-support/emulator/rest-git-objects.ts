import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { DOC_URL, EMULATED_SIGNATURE, ZERO_OID, isoNow, nodeId } from './common.js';
import { HttpError } from './http.js';
import { IssueHandlers } from './rest-issues.js';
import type { RepoInfo, Site, Stored, TokenInfo } from './types.js';

/** GitHub's cap on one blob created through the API (create-pull-request documents 40 MiB). */
const MAX_BLOB_BYTES = 40 * 1024 * 1024;
type Person = { name: string; email: string; date?: string };
const TREE_MODES: Record<string, string> = {
  '100644': 'blob',
  '100755': 'blob',
  '120000': 'blob',
  '160000': 'commit',
  '040000': 'tree'
};

/**
 * REST Git Data: blobs, trees and commits (POST /git/blobs, /git/trees, /git/commits), written
 * into the bare repository with git itself. Like GitHub ("Signature verification for bots"), a
 * commit is signed and verified only when a bot token (GITHUB_TOKEN, an App installation) makes
 * it without author, committer or signature; any other commit is unsigned.
 */
export class GitObjectHandlers extends IssueHandlers {
  private invalid(doc: string, message: string) {
    return new HttpError(422, { message, documentation_url: `${DOC_URL}/git/${doc}` });
  }

  /** Not a string, or missing: GitHub's "Invalid request" wording for body fields. */
  private requireString(doc: string, body: Stored, key: string): string {
    const value: unknown = body[key];
    if (value === undefined || value === null)
      throw this.invalid(doc, `Invalid request.\n\n"${key}" wasn't supplied.`);
    if (typeof value !== 'string')
      throw this.invalid(doc, `Invalid request.\n\nFor '${key}', ${JSON.stringify(value)} is not a string.`);
    return value;
  }

  /** An empty repository has no object store to write into: 409, as GitHub answers (rest-api-description#637). */
  private requireNotEmpty(repo: RepoInfo) {
    if (this.runGit(['--git-dir', repo.bareDir, 'for-each-ref', '--count=1']).trim() === '')
      throw new HttpError(409, { message: 'Git Repository is empty.', documentation_url: `${DOC_URL}/git` });
  }

  /** POST /git/blobs { content, encoding: 'utf-8' | 'base64' } */
  createBlob(repo: RepoInfo, body: Stored, site: Site) {
    const doc = 'blobs#create-a-blob';
    this.requireNotEmpty(repo);
    const content = this.requireString(doc, body, 'content');
    const encoding = body.encoding ?? 'utf-8';
    if (encoding !== 'utf-8' && encoding !== 'base64')
      throw this.invalid(doc, `encoding must be either "utf-8" or "base64", not ${JSON.stringify(encoding)}`);
    const bytes = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8');
    // GitHub's exact answer is undocumented; what matters is that it refuses.
    if (bytes.length > MAX_BLOB_BYTES) throw this.invalid(doc, 'content is too large (maximum is 40 MB)');
    const sha = this.runGit(['--git-dir', repo.bareDir, 'hash-object', '-w', '--stdin'], {
      input: bytes
    }).trim();
    const url = `${site.api}/repos/${repo.fullName}/git/blobs/${sha}`;
    return { status: 201, body: { url, sha }, headers: { location: url } };
  }

  /**
   * POST /git/trees { base_tree?, tree: [{ path, mode, type, sha | content }] }: the entries
   * applied in order onto `base_tree` (or nothing); `sha: null` deletes a path, which must exist.
   */
  createTree(repo: RepoInfo, body: Stored, site: Site) {
    const doc = 'trees#create-a-tree';
    this.requireNotEmpty(repo);
    if (!Array.isArray(body.tree)) throw this.invalid(doc, 'Invalid request.\n\n"tree" wasn\'t supplied.');
    const base: unknown = body.base_tree;
    if (base !== undefined && (typeof base !== 'string' || this.objectType(repo, base) !== 'tree'))
      throw this.invalid(doc, 'base_tree is not a valid tree oid');
    const index = path.join(this.dir, `tree-index-${randomBytes(4).toString('hex')}`);
    const g = (args: string[], input?: string) =>
      this.runGit(['--literal-pathspecs', '--git-dir', repo.bareDir, ...args], {
        env: { GIT_INDEX_FILE: index },
        input
      });
    try {
      g(base ? ['read-tree', base] : ['read-tree', '--empty']);
      for (const [i, entry] of (body.tree as unknown[]).entries()) this.applyTreeEntry(repo, entry, i, g);
      const sha = g(['write-tree']).trim();
      const json = this.treeJson(repo, sha, site);
      return { status: 201, body: json, headers: { location: json.url } };
    } finally {
      rmSync(index, { force: true });
    }
  }

  private applyTreeEntry(
    repo: RepoInfo,
    entry: unknown,
    i: number,
    g: (args: string[], input?: string) => string
  ) {
    const doc = 'trees#create-a-tree';
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      throw this.invalid(doc, `Invalid request.\n\nFor 'items', ${JSON.stringify(entry)} is not an object.`);
    const e = entry as Stored;
    const p: unknown = e.path;
    if (
      typeof p !== 'string' ||
      p === '' ||
      /[\0\n]/.test(p) ||
      p.startsWith('/') ||
      p.split('/').some((part) => ['', '.', '..'].includes(part) || part.toLowerCase() === '.git')
    )
      throw this.invalid(doc, `tree.path ${JSON.stringify(p)} is invalid`);
    if (typeof e.mode !== 'string' || !(e.mode in TREE_MODES))
      throw this.invalid(
        doc,
        `tree.mode ${JSON.stringify(e.mode)} is not one of 100644, 100755, 040000, 160000, 120000`
      );
    const type = TREE_MODES[e.mode];
    if (e.type !== undefined && e.type !== type)
      throw this.invalid(doc, `tree.type ${JSON.stringify(e.type)} does not match mode ${e.mode}`);
    const hasSha = 'sha' in e;
    const hasContent = e.content !== undefined;
    if (hasSha === hasContent)
      throw this.invalid(
        doc,
        'Must supply either tree.sha or tree.content. Request will be rejected if both are present.'
      );
    if (hasSha && e.sha === null) {
      // "Returns an error if you try to delete a file that does not exist."
      if (this.indexPaths(g, p).length === 0) throw this.invalid(doc, 'GitRPC::BadObjectState');
      this.removeFromIndex(g, this.indexPaths(g, p));
      return;
    }
    let sha: string;
    if (hasContent) {
      if (typeof e.content !== 'string' || type !== 'blob')
        throw this.invalid(doc, `tree.content is only for blobs (entry ${i})`);
      sha = this.runGit(['--git-dir', repo.bareDir, 'hash-object', '-w', '--stdin'], {
        input: e.content
      }).trim();
    } else {
      if (typeof e.sha !== 'string' || !/^[0-9a-f]{40}$/i.test(e.sha))
        throw this.invalid(doc, `tree.sha ${JSON.stringify(e.sha)} is not a valid ${type}`);
      sha = e.sha.toLowerCase();
      // A submodule's commit lives in another repository: nothing to check.
      if (type !== 'commit' && this.objectType(repo, sha) !== type)
        throw this.invalid(doc, `tree.sha ${sha} is not a valid ${type}`);
    }
    // What the path held before (a file where a folder goes, or the other way round) is replaced.
    const replaced = this.indexPaths(g, p);
    for (let at = p.lastIndexOf('/'); at > 0; at = p.lastIndexOf('/', at - 1))
      if (this.indexPaths(g, p.slice(0, at)).includes(p.slice(0, at))) replaced.push(p.slice(0, at));
    this.removeFromIndex(g, replaced);
    if (type === 'tree') g(['read-tree', `--prefix=${p}/`, sha]);
    else g(['update-index', '--add', '--index-info'], `${e.mode} ${sha}\t${p}\n`);
  }

  /** The index entries at `p`: the file or submodule itself, or everything under the folder. */
  private indexPaths(g: (args: string[], input?: string) => string, p: string): string[] {
    return g(['ls-files', '-z', '--', p]).split('\0').filter(Boolean);
  }

  /** Mode 0 in --index-info removes a path, and works without a work tree. */
  private removeFromIndex(g: (args: string[], input?: string) => string, paths: string[]) {
    if (paths.length) g(['update-index', '--index-info'], paths.map((p) => `0 ${ZERO_OID}\t${p}\n`).join(''));
  }

  /** GitHub's tree JSON: the top level of `sha`, each blob with its size. */
  treeJson(repo: RepoInfo, sha: string, site: Site) {
    const api = `${site.api}/repos/${repo.fullName}/git`;
    const listing = this.runGit(['--git-dir', repo.bareDir, 'ls-tree', '-l', '-z', sha]);
    const tree = listing
      .split('\0')
      .filter(Boolean)
      .map((line) => {
        const tab = line.indexOf('\t');
        const [mode, type, oid, size] = line.slice(0, tab).split(/\s+/);
        const kind = type === 'tree' ? 'trees' : type === 'blob' ? 'blobs' : null;
        return {
          path: line.slice(tab + 1),
          mode,
          type,
          sha: oid,
          ...(type === 'blob' ? { size: Number(size) } : {}),
          ...(kind ? { url: `${api}/${kind}/${oid}` } : {})
        };
      });
    return { sha, url: `${api}/trees/${sha}`, tree, truncated: false };
  }

  /** POST /git/commits { message, tree, parents, author?, committer?, signature? } */
  createGitCommit(repo: RepoInfo, body: Stored, site: Site, me: TokenInfo) {
    const doc = 'commits#create-a-commit';
    this.requireNotEmpty(repo);
    const message = this.requireString(doc, body, 'message');
    const tree = this.requireString(doc, body, 'tree');
    if (this.objectType(repo, tree) !== 'tree') throw this.invalid(doc, 'Tree SHA does not exist');
    const parents: unknown = body.parents ?? [];
    if (!Array.isArray(parents) || parents.some((p) => this.objectType(repo, p) !== 'commit'))
      throw this.invalid(doc, 'Parent SHA does not exist or is not a commit object');
    const person = (key: string): Person | undefined => {
      const value: unknown = body[key];
      if (value === undefined) return undefined;
      const v = value as Stored;
      if (!v || typeof v.name !== 'string' || typeof v.email !== 'string')
        throw this.invalid(doc, `Invalid request.\n\n"name" and "email" are required for '${key}'.`);
      return { name: v.name, email: v.email, date: typeof v.date === 'string' ? v.date : undefined };
    };
    const author = person('author');
    const committer = person('committer');
    const custom = author !== undefined || committer !== undefined || body.signature !== undefined;
    // GitHub signs for bots only, and only commits whose identity and signature it chooses itself.
    const signs = me.login.endsWith('[bot]') && !custom;
    const user: Person = { name: me.login, email: `${me.userId}+${me.login}@users.noreply.github.com` };
    const now = isoNow();
    const who = author ?? user;
    const by: Person = committer ?? (signs ? { name: 'GitHub', email: 'noreply@github.com' } : who);
    const sha = this.runGit(
      [
        '--git-dir',
        repo.bareDir,
        'commit-tree',
        tree,
        ...parents.flatMap((p: string) => ['-p', p.toLowerCase()]),
        '-F',
        '-'
      ],
      {
        input: message,
        env: {
          GIT_AUTHOR_NAME: who.name,
          GIT_AUTHOR_EMAIL: who.email,
          GIT_AUTHOR_DATE: who.date ?? now,
          GIT_COMMITTER_NAME: by.name,
          GIT_COMMITTER_EMAIL: by.email,
          GIT_COMMITTER_DATE: by.date ?? now
        }
      }
    ).trim();
    if (signs) this.verifiedCommits.add(sha);
    const info = this.commitInfos(repo, [sha]).get(sha);
    if (!info) throw new Error(`emulator: commit ${sha} was not written`);
    const api = `${site.api}/repos/${repo.fullName}/git/commits`;
    const web = `${site.web}/${repo.fullName}/commit`;
    const url = `${api}/${sha}`;
    return {
      status: 201,
      headers: { location: url },
      body: {
        sha,
        node_id: nodeId('C', `${repo.fullName.toLowerCase()}@${sha}`),
        url,
        html_url: `${web}/${sha}`,
        author: info.author,
        committer: info.committer,
        message,
        tree: { sha: tree, url: `${site.api}/repos/${repo.fullName}/git/trees/${tree}` },
        parents: info.parents.map((p) => ({ sha: p, url: `${api}/${p}`, html_url: `${web}/${p}` })),
        verification: signs
          ? {
              verified: true,
              reason: 'valid',
              signature: EMULATED_SIGNATURE,
              payload: null,
              verified_at: now
            }
          : {
              verified: false,
              reason: body.signature === undefined ? 'unsigned' : 'invalid',
              signature: typeof body.signature === 'string' ? body.signature : null,
              payload: null,
              verified_at: null
            }
      }
    };
  }
}
