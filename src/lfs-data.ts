import * as path from 'node:path';
import { ActionError } from './errors.js';

/** Git LFS data read without running anything: pointers, config lines, batch API answers. */

export const LFS_MEDIA_TYPE = 'application/vnd.git-lfs+json';
/** git-lfs reads blobs this small as possible pointers; a pointer is about 130 bytes. */
export const MAX_POINTER_SIZE = 1024;

export interface LfsPointer {
  oid: string;
  size: number;
}

/** A new LFS-tracked file version: where it is and, when it is a pointer, the object it names. */
export interface LfsFile {
  path: string;
  blob: string;
  pointer: LfsPointer | undefined;
}

/** Parses a Git LFS pointer file (spec v1); undefined for anything else. */
export function parsePointer(text: string): LfsPointer | undefined {
  if (
    text.length > MAX_POINTER_SIZE ||
    !text.startsWith('version https://git-lfs.github.com/spec/v1\n') ||
    !text.endsWith('\n')
  )
    return undefined;
  const lines = text.slice(0, -1).split('\n');
  const oid = lines.find((line) => line.startsWith('oid sha256:'))?.slice('oid sha256:'.length);
  const size = lines.find((line) => line.startsWith('size '))?.slice('size '.length);
  if (!oid || !/^[0-9a-f]{64}$/.test(oid) || !size || !/^\d+$/.test(size)) return undefined;
  // Keys are sorted after `version`, one per line, with nothing but key/value lines.
  if (!lines.every((line) => /^[a-z0-9.-]+ \S.*$/.test(line))) return undefined;
  return { oid, size: Number(size) };
}

/**
 * The files git reads as the user's global config, later ones winning: GIT_CONFIG_GLOBAL alone
 * when set, else the XDG file then ~/.gitconfig (see git-config(1), FILES).
 */
export function runnerGlobalConfigFiles(env: NodeJS.ProcessEnv, home: string): string[] {
  if (env.GIT_CONFIG_GLOBAL) return [env.GIT_CONFIG_GLOBAL];
  const xdg = env.XDG_CONFIG_HOME
    ? path.join(env.XDG_CONFIG_HOME, 'git', 'config')
    : path.join(home, '.config', 'git', 'config');
  return [xdg, path.join(home, '.gitconfig')];
}

/** `git config --get-regexp` output as [key, value] pairs. */
export function parseConfigLines(output: string): Array<[string, string]> {
  return output
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const space = line.indexOf(' ');
      return space < 0 ? [line, ''] : [line.slice(0, space), line.slice(space + 1)];
    });
}

/** A `[filter "lfs"]` section holding the given filter.lfs.* entries, values quoted for git's config parser. */
export function lfsFilterSection(entries: Array<[string, string]>): string {
  const quote = (value: string) =>
    `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
  const lines = entries
    .filter(([key]) => /^filter\.lfs\.[a-z]+$/i.test(key))
    .map(([key, value]) => `\t${key.slice('filter.lfs.'.length)} = ${quote(value)}`);
  return lines.length > 0 ? `[filter "lfs"]\n${lines.join('\n')}\n` : '';
}

/** Splits a batch answer into the objects GitHub has and those it does not; other errors are thrown. */
export function readDownloadAnswer(answer: unknown): { present: Set<string>; absent: Set<string> } {
  const objects = (answer as { objects?: unknown })?.objects;
  if (!Array.isArray(objects)) throw new ActionError("GitHub's Git LFS API gave an answer without objects.");
  const present = new Set<string>();
  const absent = new Set<string>();
  for (const object of objects as Array<{
    oid?: string;
    actions?: { download?: unknown };
    error?: { code?: number; message?: string };
  }>) {
    if (typeof object.oid !== 'string') continue;
    if (object.actions?.download) present.add(object.oid);
    else if (object.error?.code === 404 || object.error?.code === 410) absent.add(object.oid);
    else
      throw new ActionError(
        `GitHub's Git LFS API could not tell whether it has object ${object.oid}: ${object.error?.message ?? 'no download action'} (${object.error?.code ?? '?'}).`
      );
  }
  return { present, absent };
}
