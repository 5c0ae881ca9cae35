import { accessSync, constants, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Where each tool was found on PATH, by PATH and name: the lookup stats PATH folders in turn
 * (about ten on a hosted runner for git), once per step rather than once per process.
 */
const found = new Map<string, string>();

/** The file that runs for `tool` (the first on PATH), or undefined when there is none. */
export function findTool(tool: string): string | undefined {
  const searchPath = process.env.PATH ?? '';
  const key = `${searchPath}\0${tool}`;
  // Not found now may be found later (installed by a script): only a file is remembered.
  const file = found.get(key) ?? findOnPath(tool, searchPath);
  if (file !== undefined) found.set(key, file);
  return file;
}

/**
 * The first executable file named `name` on `searchPath`, as a shell finds a command; undefined
 * if none. Synchronous: a few stat calls, cheaper than as many round trips through the thread pool.
 */
export function findOnPath(
  name: string,
  searchPath: string,
  platform: NodeJS.Platform = process.platform
): string | undefined {
  const extensions = platform === 'win32' ? windowsExtensions(name) : [''];
  for (const dir of searchPath.split(path.delimiter).filter((entry) => entry !== '')) {
    for (const extension of extensions) {
      const candidate = path.resolve(dir, name + extension);
      if (isFile(candidate) && (platform === 'win32' || isExecutable(candidate))) return candidate;
    }
  }
  return undefined;
}

/**
 * On Windows a program is a file with one of PATHEXT's extensions, the name as given only when it
 * has one. A .bat or .cmd file runs only through cmd.exe, a shell, so it is never the answer.
 */
function windowsExtensions(name: string): string[] {
  const runnable = (process.env.PATHEXT ?? '.EXE')
    .split(';')
    .filter((extension) => extension !== '' && !/^\.(bat|cmd)$/i.test(extension));
  const given = path.extname(name);
  return given !== '' && runnable.some((extension) => extension.toLowerCase() === given.toLowerCase())
    ? ['']
    : runnable;
}

/** A PATH entry may be missing, a file, or unreadable: none of that is an error. */
function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
