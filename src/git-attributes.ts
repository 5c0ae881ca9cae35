import type { Git } from './git.js';
import type { RunOptions } from './sandbox.js';

/**
 * The `filter` attribute that the repository's .gitattributes give each of `paths`, from one
 * `git check-attr -z --stdin` (its answer is path, attribute, value, each NUL-terminated):
 * `lfs`, another driver's name, or `unspecified`/`unset`.
 */
export async function filterAttributes(
  repo: Git,
  paths: readonly string[],
  options: Pick<RunOptions, 'cwd' | 'env'> = {}
): Promise<Map<string, string>> {
  const fields = (
    await repo.git(['check-attr', '-z', '--stdin', 'filter'], { ...options, input: paths.join('\0') + '\0' })
  ).stdout.split('\0');
  const filters = new Map<string, string>();
  for (let i = 0; i + 2 < fields.length; i += 3) filters.set(fields[i], fields[i + 2]);
  return filters;
}
