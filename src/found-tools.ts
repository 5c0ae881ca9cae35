import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Where exec found each tool on PATH, by PATH and name. For a bare name, exec (@actions/io's
 * `which`) stats every PATH folder in turn on each run, about ten on a hosted runner for git;
 * given the file it found, it checks only that file. Its first debug line names the file.
 */
const found = new Map<string, string>();

const key = (tool: string) => `${process.env.PATH ?? ''}\0${tool}`;

/** What to give exec for `tool`: the file found before (with the same PATH), or the name. */
export function toolToExec(tool: string): string {
  return found.get(key(tool)) ?? tool;
}

/**
 * A debug listener for exec's run of `tool` that keeps the file exec found for it, then calls
 * `then` (on every debug line, as a listener of its own would be).
 */
export function learnToolPath(tool: string, then?: () => void): (message: string) => void {
  const at = key(tool);
  let first = true;
  return (message) => {
    if (first) {
      first = false;
      const file = /^exec tool: (\/.*)$/s.exec(message)?.[1];
      if (file !== undefined) found.set(at, file);
    }
    then?.();
  };
}

/** The first executable file named `name` on `searchPath`, as exec finds a tool; undefined if none. */
export async function findOnPath(
  name: string,
  searchPath: string,
  platform: NodeJS.Platform = process.platform
): Promise<string | undefined> {
  const extensions = platform === 'win32' ? ['', ...(process.env.PATHEXT ?? '.EXE').split(';')] : [''];
  for (const dir of searchPath.split(path.delimiter).filter((entry) => entry !== '')) {
    for (const extension of extensions) {
      const candidate = path.resolve(dir, name + extension);
      const stat = await fs.stat(candidate).catch(() => undefined);
      if (!stat?.isFile()) continue;
      if (
        platform === 'win32' ||
        (await fs.access(candidate, fs.constants.X_OK).then(
          () => true,
          () => false
        ))
      )
        return candidate;
    }
  }
  return undefined;
}
