import * as core from './workflow-commands.js';
import {
  listArguments,
  partitionStatus,
  splitNul,
  STAGE_ARGUMENTS,
  stageInput,
  type Pathspec
} from './add-paths.js';
import type { Git } from './git.js';
import { quoteName } from './log-text.js';
import type { RunOptions } from './sandbox.js';

/**
 * `add-paths` applied to a work tree's uncommitted changes: git matches the pathspecs and stages
 * exactly those paths (the two steps src/add-paths.ts explains), and what is left out is listed in
 * the log, each name quoted (a file name is data). `where` runs git on another work tree or index
 * (an existing clone read through our own git folder, src/existing-clone.ts).
 */
export async function stageMatching(
  repo: Git,
  pathspecs: readonly Pathspec[],
  where: Pick<RunOptions, 'cwd' | 'env'> = {}
): Promise<{ staged: string[]; leftOut: string[] }> {
  const matching = splitNul((await repo.git(listArguments(pathspecs), where)).stdout);
  if (matching.length > 0) await repo.git([...STAGE_ARGUMENTS], { ...where, input: stageInput(matching) });
  const status = await repo.git(
    ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules=dirty', '--no-renames'],
    where
  );
  const result = partitionStatus(status.stdout);
  logLeftOut(result.leftOut);
  return result;
}

/** The most left-out names the log lists one by one; the rest are counted. */
const LISTED = 50;

function logLeftOut(leftOut: string[]): void {
  if (leftOut.length === 0) return;
  const names = leftOut.slice(0, LISTED).map((name) => `  ${quoteName(name)}`);
  if (leftOut.length > LISTED) names.push(`  ... and ${leftOut.length - LISTED} more`);
  core.info(
    `add-paths: ${leftOut.length} changed file(s) match none of its pathspecs and are left out of the commit:\n${names.join('\n')}`
  );
}
