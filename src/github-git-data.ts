import type { ApiClient } from './octokit.js';
import { PERMISSIONS, type Permission } from './api-errors.js';
import type { TreeEntry } from './git-data.js';

/** What the Git Data calls share with the client that made them (src/github.ts). */
interface ApiAccess {
  readonly octokit: ApiClient;
  readonly owner: string;
  readonly repo: string;
  call<T>(doing: string, permission: Permission, request: () => Promise<T>): Promise<T>;
}

/** A commit GitHub created, and whether it signed it (`verification` of the 201 answer). */
export interface CreatedCommit {
  sha: string;
  verified: boolean;
  /** GitHub's reason: 'valid' when signed, 'unsigned' when GitHub did not sign it. */
  reason: string;
}

/**
 * The REST Git Data calls (`github.gitData.*`): blobs, trees and commits. Each one counts toward
 * GitHub's secondary limit on content-creating requests; the client waits that limit out.
 */
export class GitDataApi {
  constructor(private readonly api: ApiAccess) {}

  private get where() {
    return { owner: this.api.owner, repo: this.api.repo };
  }

  /** Uploads one blob; returns the sha GitHub computed. */
  async createBlob(base64: string, path: string): Promise<string> {
    const { data } = await this.api.call(`uploading '${path}' as a blob`, PERMISSIONS.writeContents, () =>
      this.api.octokit.request('POST /repos/{owner}/{repo}/git/blobs', {
        ...this.where,
        content: base64,
        encoding: 'base64'
      })
    );
    return data.sha;
  }

  /** `entries` applied onto `baseTree`; returns the new tree's sha. */
  async createTree(baseTree: string, entries: TreeEntry[]): Promise<string> {
    const { data } = await this.api.call('creating a tree', PERMISSIONS.writeContents, () =>
      this.api.octokit.request('POST /repos/{owner}/{repo}/git/trees', {
        ...this.where,
        base_tree: baseTree,
        tree: entries
      })
    );
    return data.sha;
  }

  /** A commit without author and committer, so that GitHub may sign it. */
  async createCommit(body: { message: string; tree: string; parents: string[] }): Promise<CreatedCommit> {
    const { data } = await this.api.call('creating a commit', PERMISSIONS.writeContents, () =>
      this.api.octokit.request('POST /repos/{owner}/{repo}/git/commits', { ...this.where, ...body })
    );
    return { sha: data.sha, verified: data.verification.verified, reason: data.verification.reason };
  }
}
