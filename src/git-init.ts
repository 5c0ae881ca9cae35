import { existsSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

/**
 * A new repository's `.git`, written as `git init -q --template= --initial-branch=<branch>`
 * writes it (git's create_default_files with no template: HEAD, the config, the object and ref
 * folders), without its process, which is on the critical path of every publish (it comes
 * right before the clone's fetch). git probes the file system for three config values; so does
 * this, the same way: whether the executable bit sticks (`filemode`), whether symbolic links can
 * be made (`symlinks`), whether names ignore case (`ignorecase`).
 *
 * Only where that is all git writes: on Linux (macOS adds `precomposeunicode`, Windows its own
 * defaults), with SHA-1 objects, and when no configuration git reads could change what it
 * writes (`core.sharedRepository` changes modes and is written too, `core.logAllRefUpdates` is
 * then not written). Otherwise returns false, and `git init` itself makes the repository.
 */
export async function writeNewRepository(
  dir: string,
  branch: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform
): Promise<boolean> {
  if (platform !== 'linux' || !initIsPlain(env)) return false;
  const gitDir = path.join(dir, '.git');
  for (const folder of ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags'])
    await fs.mkdir(path.join(gitDir, folder), { recursive: true });
  await fs.writeFile(path.join(gitDir, 'HEAD'), `ref: refs/heads/${branch}\n`);
  const config = path.join(gitDir, 'config');
  await fs.writeFile(config, '');
  const lines = [
    '[core]',
    '\trepositoryformatversion = 0',
    `\tfilemode = ${await executableBitSticks(config)}`,
    '\tbare = false',
    '\tlogallrefupdates = true'
  ];
  if (!(await symlinksWork(gitDir))) lines.push('\tsymlinks = false');
  if (existsSync(path.join(gitDir, 'CoNfIg'))) lines.push('\tignorecase = true');
  await fs.writeFile(config, lines.join('\n') + '\n');
  return true;
}

/**
 * Keys of git's configuration that change what `git init` writes, and `include`: an include
 * (`[include]`, `include.path`, `includeIf`, or a section header on the same line as another)
 * could hide them, so any mention of one counts as setting them.
 */
const INIT_KEYS = /sharedrepository|logallrefupdates|include/i;

/**
 * Whether `git init` would write exactly the plain repository: SHA-1 (no GIT_DEFAULT_HASH), and
 * none of INIT_KEYS in the system config (read as text) or in the job's `git -c` variables
 * (GIT_CONFIG_*, GIT_CONFIG_PARAMETERS). The sandbox's global config holds only what the action
 * writes. The system config is taken to be /etc/gitconfig, as Debian's and Ubuntu's git read it:
 * a git built with another prefix reads its own, and a sharedRepository set only there is not
 * written into the new repository's config.
 */
function initIsPlain(env: NodeJS.ProcessEnv): boolean {
  if (env.GIT_DEFAULT_HASH !== undefined && env.GIT_DEFAULT_HASH.toLowerCase() !== 'sha1') return false;
  if (INIT_KEYS.test(env.GIT_CONFIG_PARAMETERS ?? '')) return false;
  const count = Number(env.GIT_CONFIG_COUNT ?? '0') || 0;
  for (let i = 0; i < count; i++) if (INIT_KEYS.test(env[`GIT_CONFIG_KEY_${i}`] ?? '')) return false;
  if (env.GIT_CONFIG_NOSYSTEM && !/^(0|false|no|off)$/i.test(env.GIT_CONFIG_NOSYSTEM)) return true;
  const file = env.GIT_CONFIG_SYSTEM ?? '/etc/gitconfig';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  return !INIT_KEYS.test(text);
}

/** git's filemode probe: the config file's executable bit flipped, seen changed, and restored. */
async function executableBitSticks(file: string): Promise<boolean> {
  try {
    const before = (await fs.lstat(file)).mode;
    if (before & 0o100) return false;
    await fs.chmod(file, before ^ 0o100);
    const after = (await fs.lstat(file)).mode;
    await fs.chmod(file, before);
    return after !== before;
  } catch {
    return false;
  }
}

/** git's symlink probe: a link made, seen as a link, and removed. */
async function symlinksWork(gitDir: string): Promise<boolean> {
  const probe = path.join(gitDir, `tmp-symlink-probe-${process.pid}`);
  try {
    await fs.symlink('testing', probe);
    return (await fs.lstat(probe)).isSymbolicLink();
  } catch {
    return false;
  } finally {
    await fs.rm(probe, { force: true });
  }
}
