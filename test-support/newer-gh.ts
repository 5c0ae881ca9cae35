// Where the newer gh (2.46, with keyring code) is: OUTBOX_NEWER_GH (set by .ci/run), or what
// `../shared/tools/newer-gh` beside the repository prints (it downloads into a cache once).
// When OUTBOX_NEWER_GH is set (.ci/run sets it), a missing newer gh is an error, never a skip.
// Elsewhere (a developer machine or GitHub's runners without ../shared) the gh 2.46 cases skip
// with a warning.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from './run-action.js';

/** @type {{ gh: string | undefined, why: string } | undefined} */
let found: { gh: string | undefined; why: string } | undefined;

/** @returns {{ gh: string | undefined, why: string }} the newer gh's path, or why there is none */
export function findNewerGh(): { gh: string | undefined; why: string } {
  if (found) return found;
  const fromEnv = process.env.OUTBOX_NEWER_GH;
  if (fromEnv) {
    found = fs.existsSync(fromEnv)
      ? { gh: fromEnv, why: 'OUTBOX_NEWER_GH' }
      : { gh: undefined, why: `OUTBOX_NEWER_GH names '${fromEnv}', which does not exist` };
  } else {
    const tool = path.resolve(projectRoot, '..', 'shared', 'tools', 'newer-gh');
    try {
      const gh = execFileSync(tool, {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 300_000
      }).trim();
      found = fs.existsSync(gh)
        ? { gh, why: tool }
        : { gh: undefined, why: `${tool} printed '${gh}', which does not exist` };
    } catch (error) {
      found = {
        gh: undefined,
        why: `${tool} failed: ${error instanceof Error ? error.message : String(error)}`
      };
    }
  }
  if (!found.gh && fromEnv) {
    throw new Error(
      `gh 2.46 is needed for the keyring tests in CI and was not found (${found.why}). .ci/run fetches it with ../shared/tools/newer-gh.`
    );
  }
  return found;
}
