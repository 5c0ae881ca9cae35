import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ActionError } from './errors.js';
import type { GhVersion } from './gh-auth.js';
import { findOnPath } from './found-tools.js';
import { subsection } from './git-config-text.js';
import { quotedName } from './log-text.js';

/**
 * gh as git's credential helper, written as `gh auth setup-git --hostname <host>` writes it (gh
 * 2.23 to 2.60 alike: pkg/cmd/auth/shared's credential setup, cmdutil's Executable), without its
 * gh process and four `git config` processes.
 */

const atLeast = (version: GhVersion, major: number, minor: number): boolean =>
  version.major > major || (version.major === major && version.minor >= minor);

/**
 * The hosts whose credentials gh answers for: the host, and for github.com (not GitHub
 * Enterprise, whose gists live under `<host>/gist/`) its gist host. gh's ghinstance.GistHost.
 */
export function credentialHosts(host: string): string[] {
  const lower = host.toLowerCase();
  const normalized = lower.endsWith('.github.com')
    ? 'github.com'
    : lower.endsWith('.github.localhost')
      ? 'github.localhost'
      : lower;
  const enterprise = normalized !== 'github.com' && normalized !== 'github.localhost';
  const gistUnderHost = enterprise || lower === 'garage.github.com' || lower === 'github.localhost';
  return gistUnderHost ? [host] : [host, `gist.${host}`];
}

/**
 * `!<gh> auth git-credential`, which git runs with a shell. gh puts its path in single quotes
 * when it holds a space, `$` or `\` and leaves it bare otherwise; a path that this cannot keep
 * whole and inert for the shell (a `'`, a control character, or other shell syntax left bare)
 * is refused rather than written for a shell to misread.
 */
export function helperCommand(ghPath: string): string {
  const quoted = /[ $\\]/.test(ghPath);
  const inert = quoted ? /^[^'\x00-\x1f\x7f]+$/ : /^[\p{L}\p{M}\p{N}_./+,:@%-]+$/u;
  if (!inert.test(ghPath)) {
    throw new ActionError(
      `gh's path ${quotedName(ghPath)} cannot be written as git's credential helper for the 'run' script: a shell would not read it back as one path.`,
      "Install gh in a folder whose path has only letters, digits and . _ - / + , : @ % (or set GH_PATH to such a path), or leave 'run' empty."
    );
  }
  return `!${quoted ? `'${ghPath}'` : ghPath} auth git-credential`;
}

/**
 * The global git config text that `gh auth setup-git --hostname <host>` writes: per host, an
 * empty helper (which drops helpers configured before it) and then gh.
 */
export function credentialHelperConfig(host: string, ghPath: string): string {
  const command = helperCommand(ghPath);
  return credentialHosts(host)
    .map((name) => {
      // gh's ghinstance.HostPrefix: plain HTTP only for a local development instance.
      const scheme = name.toLowerCase() === 'github.localhost' ? 'http' : 'https';
      return subsection('credential', `${scheme}://${name}`, [
        ['helper', ''],
        ['helper', command]
      ]);
    })
    .join('');
}

/**
 * The path gh writes for itself (cmdutil's Executable): GH_PATH when set (gh 2.24+); else the
 * running binary (os.Executable: symbolic links resolved on Linux, as started on macOS and
 * Windows), or the first PATH entry with its name that is a symbolic link to it (gh 2.40+: the
 * same file once resolved; before: a link whose text is exactly that path), so that a
 * Homebrew-style link outlives upgrades.
 */
export async function ghExecutablePath(
  version: GhVersion,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform
): Promise<string> {
  if (env.GH_PATH && atLeast(version, 2, 24)) return env.GH_PATH;
  const searchPath = env.PATH ?? '';
  const found = findOnPath('gh', searchPath, platform);
  if (found === undefined) throw new ActionError("gh was not found on PATH, and the 'run' script needs it.");
  const realExe = await fs.realpath(found);
  const exe = platform === 'darwin' || platform === 'win32' ? found : realExe;
  const base = path.basename(exe);
  const dirs = searchPath === '' ? [] : searchPath.split(path.delimiter);
  for (const dir of dirs) {
    const candidate = path.resolve(dir, base);
    const stat = await fs.lstat(candidate).catch(() => undefined);
    if (!stat) continue;
    if (candidate === exe) return candidate;
    if (!stat.isSymbolicLink()) continue;
    const same = atLeast(version, 2, 40)
      ? (await fs.realpath(candidate).catch(() => undefined)) === realExe
      : (await fs.readlink(candidate).catch(() => undefined)) === exe;
    if (same) return candidate;
  }
  return exe;
}
