import * as path from 'node:path';
import * as core from '@actions/core';
import { logoutGh } from './gh-auth.js';
import { Sandbox } from './sandbox.js';
import { STATE } from './state.js';

/**
 * The post step: runs whether main succeeded, failed or was cancelled, and removes everything
 * that held the token (gh's login and the sandbox folder with gh's and git's config).
 */
export async function cleanup(): Promise<void> {
  const dir = core.getState(STATE.sandboxDir);
  if (!dir) {
    core.info('Nothing to clean up: the main step created no sandbox.');
    return;
  }
  // The state file is the runner's, but a path from it is still checked before a recursive delete.
  if (!path.basename(dir).startsWith('outbox-publisher-auth-')) {
    throw new Error(`Refusing to delete '${dir}': it is not a sandbox folder of this action.`);
  }
  const sandbox = Sandbox.attach(dir);
  if (core.getState(STATE.authMode) === 'login') await logoutGh(sandbox, core.getState(STATE.host) || 'github.com');
  await sandbox.remove();
  core.info('Removed the sandbox with gh and git credentials.');
}
