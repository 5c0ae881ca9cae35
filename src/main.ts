import * as core from './workflow-commands.js';
import { ActionError, describeError } from './errors.js';
import { publishOne } from './publish-one.js';
import { readInputs } from './read-inputs.js';
import type { EarlyCommand } from './sandbox.js';
import { readToken } from './token.js';

/**
 * The main step: token → inputs → sandbox and auth → work tree → changes → deliver → report, once,
 * or once per entry of the `sessions` input (src/sessions-run.ts).
 * `ghVersion` is `gh --version` when the entry point started it already.
 */
export async function run(early: { ghVersion?: EarlyCommand } = {}): Promise<void> {
  try {
    // The token is masked before anything else can print it, even an input error.
    const token = readToken(process.env, { info: core.info, mask: core.setSecret });
    // A sessions step (and its YAML parser) and the report are loaded only when they run.
    if (core.getInput('sessions').trim() !== '') {
      const { publishSessions } = await import('./sessions-run.js');
      await publishSessions(token, early);
      return;
    }
    const { inputs, context, outbox } = await readInputs(process.env);
    const report = await publishOne({ token, inputs, context, outbox, ...early });
    const { writeReport } = await import('./report.js');
    await writeReport(report);
  } catch (error) {
    core.setFailed(describeError(error));
    // A bug, not a problem with the workflow: its stack helps the report (shown only with debug logging).
    if (!(error instanceof ActionError) && error instanceof Error && error.stack) core.debug(error.stack);
  }
}
