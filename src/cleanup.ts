import * as path from 'node:path';
import * as core from './workflow-commands.js';
import { Sandbox } from './sandbox.js';
import { STATE } from './state.js';

/**
 * Deletes the sandbox folder, which holds gh's and git's config and with them the token. That
 * is the whole logout: `gh auth logout` (gh 2.24+) deletes the host's entries in the OS user's
 * keyring, which may hold the machine's own gh login.
 */
async function removeSandbox(sandbox: Sandbox): Promise<void> {
  await sandbox.remove();
  core.info('Removed the sandbox with gh and git credentials.');
}

/**
 * The main step's removal: begun once git is done with the credentials (while the pull request's
 * API calls run), so the token is on disk only as long as git needs it. A failure is a warning:
 * the post step, which sees no `removed` state, repeats the removal.
 */
export class SandboxRemoval {
  private removing: Promise<void> | undefined;

  constructor(private readonly sandbox: Sandbox) {}

  /** Begins the removal; later calls do nothing. */
  readonly start = (): void => {
    this.removing ??= removeSandbox(this.sandbox).then(
      () => core.saveState(STATE.removed, 'true'),
      (error: Error) =>
        core.warning(`Could not remove the sandbox yet (the post step tries again): ${error.message}`)
    );
  };

  /** Settles when a begun removal has ended (at once when none was begun). */
  async finished(): Promise<void> {
    await this.removing;
  }
}

/**
 * The post step's guarantee: runs whether main succeeded, failed or was cancelled, and removes
 * whatever main left of the sandbox (main removes it itself once git is done with it).
 */
async function cleanup(): Promise<void> {
  const dir = core.getState(STATE.sandboxDir);
  if (!dir) {
    core.info('Nothing to clean up: the main step created no sandbox.');
    return;
  }
  // The state file is the runner's, but a path from it is still checked before a recursive delete.
  if (!path.basename(dir).startsWith('outbox-publisher-auth-')) {
    throw new Error(`Refusing to delete '${dir}': it is not a sandbox folder of this action.`);
  }
  await removeSandbox(Sandbox.attach(dir, core.info));
}

/** The post step's slow path (dist/cleanup.js, loaded by dist/post.js only when there is work). */
export async function runPostStep(): Promise<void> {
  try {
    await cleanup();
  } catch (error) {
    core.setFailed(`Cleaning up failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
