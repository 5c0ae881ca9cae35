import { ActionError } from './errors.js';
import { filterAttributes } from './git-attributes.js';
import type { Git } from './git.js';
import {
  LFS_MEDIA_TYPE,
  MAX_POINTER_SIZE,
  parsePointer,
  readDownloadAnswer,
  type LfsFile,
  type LfsPointer
} from './lfs-data.js';

/** Objects per batch request (git-lfs's own default batch size). */
const BATCH_SIZE = 100;

/**
 * LFS-tracked blobs among those a publish's commits write (`blobs`, id → path, from
 * src/change-facts.ts), with their paths and, when they are pointers, their objects.
 */
export async function newLfsFiles(tree: Git, blobs: ReadonlyMap<string, string>): Promise<LfsFile[]> {
  const paths = blobs;
  if (paths.size === 0) return [];
  // Which of those paths the work tree's .gitattributes give to Git LFS (folders are never).
  const filters = await filterAttributes(tree, [...new Set(paths.values())]);
  const tracked = [...paths].filter(([, file]) => filters.get(file) === 'lfs').map(([sha]) => sha);
  if (tracked.length === 0) return [];
  const checked = await tree.git(['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], {
    input: tracked.join('\n') + '\n'
  });
  const files: LfsFile[] = [];
  for (const line of checked.stdout.split('\n')) {
    const [sha, type, size] = line.split(' ');
    if (!sha || type !== 'blob') continue;
    const pointer =
      Number(size) <= MAX_POINTER_SIZE ? parsePointer((await tree.blob(sha)).toString('latin1')) : undefined;
    files.push({ path: paths.get(sha)!, blob: sha, pointer });
  }
  return files;
}

/** Which of `objects` GitHub's LFS store has, from batch download requests (which change nothing). */
export async function objectsOnGitHub(
  remote: { url: string; token: string },
  objects: LfsPointer[]
): Promise<Set<string>> {
  const present = new Set<string>();
  // Loaded here, not with the main step's bundle: node:https and node:zlib take a tenth of the
  // start-up before the clone's fetch, and a publish asks GitHub about LFS objects rarely.
  const { httpsFetch, proxyConfigured } = await import('./https-fetch.js');
  // node:https rather than Node's fetch, as the API client (src/https-fetch.ts), unless the
  // runner names a proxy, which Node's fetch follows (NODE_USE_ENV_PROXY) and httpsFetch does not.
  const fetch = proxyConfigured(process.env) ? globalThis.fetch : httpsFetch;
  for (let i = 0; i < objects.length; i += BATCH_SIZE) {
    const chunk = objects.slice(i, i + BATCH_SIZE);
    const response = await fetch(`${remote.url}/info/lfs/objects/batch`, {
      method: 'POST',
      headers: {
        Accept: LFS_MEDIA_TYPE,
        'Content-Type': LFS_MEDIA_TYPE,
        Authorization: `Basic ${Buffer.from(`x-access-token:${remote.token}`).toString('base64')}`
      },
      body: JSON.stringify({
        operation: 'download',
        transfers: ['basic'],
        objects: chunk,
        hash_algo: 'sha256'
      })
    }).catch((error: Error) => {
      throw new ActionError(`Could not reach GitHub's Git LFS API: ${error.message}`);
    });
    const text = await response.text();
    if (!response.ok) {
      const message = (() => {
        try {
          const message = (JSON.parse(text) as { message?: unknown }).message;
          return typeof message === 'string' ? message : '';
        } catch {
          return '';
        }
      })();
      throw new ActionError(
        `GitHub's Git LFS API answered ${response.status}${message ? `: ${message}` : ''} when asked which LFS objects it has. Nothing was pushed.`,
        response.status === 401 || response.status === 403 || response.status === 404
          ? 'Check that the token may read this repository (contents: read).'
          : undefined
      );
    }
    let answer: unknown;
    try {
      answer = JSON.parse(text);
    } catch {
      throw new ActionError("GitHub's Git LFS API gave an answer that is not JSON.");
    }
    for (const oid of readDownloadAnswer(answer).present) present.add(oid);
  }
  return present;
}
