import { logText } from './log-text.js';

/**
 * Errors meant for the workflow author. Their message says what went wrong and how to fix it;
 * the action prints it as one `::error::` line, never with a stack trace.
 */
export class ActionError extends Error {
  constructor(problem: string, fix?: string) {
    super(fix ? `${problem}\n${fix}` : problem);
    this.name = 'ActionError';
  }
}

/** A value given to one of the action's inputs is not usable. */
export class InputError extends ActionError {
  constructor(
    readonly input: string,
    problem: string,
    fix?: string
  ) {
    super(`Input '${input}': ${problem}`, fix);
    this.name = 'InputError';
  }
}

/** A git or gh process failed; the message carries what it printed on stderr. */
export class CommandError extends ActionError {
  constructor(
    readonly commandLine: string,
    readonly exitCode: number,
    readonly stderr: string,
    fix?: string
  ) {
    const detail = stderr.trim().split('\n').slice(-6).join('\n');
    super(`'${commandLine}' failed with exit code ${exitCode}${detail ? `:\n${detail}` : ''}`, fix);
    this.name = 'CommandError';
  }
}

/** The message for `core.setFailed`: outside text in it (names, git's stderr, API messages) made inert for the log. */
export function describeError(error: unknown): string {
  if (error instanceof ActionError) return logText(error.message);
  if (error instanceof Error) return logText(`Unexpected error: ${error.message}`);
  return logText(`Unexpected error: ${String(error)}`);
}
