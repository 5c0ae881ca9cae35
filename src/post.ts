import { existsSync } from 'node:fs';
import { STATE } from './state.js';

/**
 * The post step. After a successful main step there is nothing left to remove, and saying so
 * needs none of the rest of the action: @actions/core and the HTTP client under it would be most
 * of this step's time. The cleanup is a bundle of its own (dist/cleanup.js), loaded only when
 * there is work.
 */
export async function run(): Promise<void> {
  const state = (name: string) => process.env[`STATE_${name}`] ?? '';
  const dir = state(STATE.sandboxDir);
  if (state(STATE.removed) === 'true' && dir && !existsSync(dir)) {
    process.stdout.write(
      'Nothing to clean up: the main step already removed the sandbox with gh and git credentials.\n'
    );
  } else {
    const { runPostStep } = await import(/* webpackIgnore: true */ './cleanup.js');
    await runPostStep();
  }
}
