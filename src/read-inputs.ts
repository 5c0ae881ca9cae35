import * as fs from 'node:fs/promises';
import * as core from './workflow-commands.js';
import { InputError } from './errors.js';
import { readEventSession, withEventSession } from './event-session.js';
import { parseInputs, type Inputs } from './inputs.js';
import { readOutbox, type Outbox } from './outbox.js';
import { quotedName } from './log-text.js';
import { fitBody } from './pr-body.js';
import { resolveRealPaths } from './real-paths.js';
import { readRunnerContext, type RunnerContext } from './runner-context.js';

/**
 * The inputs (with the triggering event's `repo` and `target-branch` as fallbacks), the runner's
 * context, and the outbox, read and counted before any sandbox, clone or request: an outbox
 * over its bounds costs nothing. `sessionInput` is one session's getter (src/sessions.ts), which
 * already falls back to the step's inputs; the event does not name a session's repository.
 */
export async function readInputs(
  env: NodeJS.ProcessEnv,
  sessionInput?: (name: string) => string
): Promise<{ inputs: Inputs; context: RunnerContext; outbox: Outbox | undefined }> {
  let get = sessionInput;
  if (!get) {
    const requested = readEventSession(env.GITHUB_EVENT_NAME, await readEventPayload(env.GITHUB_EVENT_PATH));
    get = withEventSession((name) => core.getInput(name), requested, core.info);
  }
  const { context, realPaths } = await resolveRealPaths(readRunnerContext(env), get);
  const inputs = parseInputs(get, context, realPaths);
  const bodySource = inputs.bodyPath ? 'body-path' : 'body';
  if (inputs.bodyPath) {
    const text = await readBodyFile(inputs.bodyPath);
    if (text.trim()) inputs.body = text;
  }
  const fitted = fitBody(inputs.body, bodySource);
  if (fitted.warning) core.warning(fitted.warning);
  inputs.body = fitted.body;
  const outbox = inputs.outbox
    ? await readOutbox(inputs.outbox, {
        maxChanges: inputs.outboxMaxChanges,
        maxBytes: inputs.outboxMaxBytes
      })
    : undefined;
  return { inputs, context, outbox };
}

async function readEventPayload(file: string | undefined): Promise<unknown> {
  if (!file) return undefined;
  return JSON.parse(await fs.readFile(file, 'utf8').catch(() => 'null'));
}

async function readBodyFile(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : 'cannot be read';
    throw new InputError(
      'body-path',
      `${quotedName(file)} ${problem}`,
      'Give a file inside the workspace that holds the body.'
    );
  }
}
