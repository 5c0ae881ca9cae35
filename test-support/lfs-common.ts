// What the Git LFS parts of the emulator share: GitHub's hosts and limits for LFS, the JSON
// media type, and how an LFS endpoint reads a body and answers.
import type { ServerResponse } from 'node:http';

export const LFS_MEDIA_TYPE = 'application/vnd.git-lfs+json';
export const OBJECT_HOST = 'github-cloud.githubusercontent.com';
export const VERIFY_HOST = 'lfs.github.com';
export const MAX_BATCH_OBJECTS = 100;
export const MAX_OBJECT_SIZE = 2 * 1024 * 1024 * 1024;
export const TICKET_SECONDS = 3600;
export const LFS_DOCS = 'https://docs.github.com/repositories/working-with-files/managing-large-files';

export const BATCH_RE = /^\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/info\/lfs\/objects\/batch$/;
export const LOCKS_RE =
  /^\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/info\/lfs\/locks(\/verify|\/[^/]+\/unlock)?$/;
export const MEDIA_RE = /^\/alambic\/media\/(\d+)\/[0-9a-f]{2}\/[0-9a-f]{2}\/([0-9a-f]{64})$/;
export const VERIFY_RE = /^\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/objects\/([0-9a-f]{64})\/verify$/;

export type LfsRepo = { id: number; fullName: string; owner: string; name: string };
export type ReadBody = (req: import('node:http').IncomingMessage, limit?: number) => Promise<Buffer>;
export type Op = 'upload' | 'download' | 'verify';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a client's JSON, checked field by field
export type Json = Record<string, any>;

export function parseJson(raw: Buffer): Json | undefined {
  if (raw.length === 0) return {};
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': LFS_MEDIA_TYPE,
    'content-length': Buffer.byteLength(payload),
    ...headers
  });
  res.end(payload);
}
