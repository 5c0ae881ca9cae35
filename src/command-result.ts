import { ActionError, CommandError } from './errors.js';
import { commandLine } from './log-text.js';
import type { ProcessOutcome } from './process-runner.js';

/** What a finished command means: its output, or the error that says what failed and the fix. */

/** How Sandbox.run runs one command. */
export interface RunOptions {
  cwd?: string;
  /** Written to the child's stdin; the way secrets reach a child, never argv. Bytes (patches) go as they are. */
  input?: string | Buffer;
  /** Return a non-zero exit instead of throwing. */
  allowFailure?: boolean;
  /** Extra variables for this one call. */
  env?: Record<string, string>;
  /** Show the child's output live in the log (for the user's script). */
  stream?: boolean;
  /** Added to a CommandError when the command fails. */
  fix?: string;
  /**
   * A git command of the action's own that talks to the server: it sends the token at once
   * (see Sandbox.authenticateGit) instead of waiting for a 401 to ask gh for it.
   */
  authenticated?: boolean;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function settle(
  tool: string,
  args: string[],
  outcome: ProcessOutcome,
  options: { allowFailure?: boolean; fix?: string }
): ExecResult {
  const result = {
    exitCode: outcome.exitCode,
    stdout: outcome.stdout.toString('utf8'),
    stderr: outcome.stderr.toString('utf8')
  };
  if (result.exitCode !== 0 && !options.allowFailure) {
    throw new CommandError(
      commandLine(tool, args),
      result.exitCode,
      result.stderr || result.stdout,
      options.fix
    );
  }
  return result;
}

/** The error for a tool that is not on PATH, with how to install it. */
export function toolNotFound(tool: string): ActionError {
  return new ActionError(`'${tool}' was not found on PATH.`, INSTALL_HINTS[tool]);
}

const INSTALL_HINTS: Record<string, string> = {
  gh: 'Install the GitHub CLI before this step: it is preinstalled on GitHub-hosted runners; on Debian or Ubuntu run `sudo apt-get install -y gh` (see https://cli.github.com for other systems).',
  git: 'Install git before this step (on Debian or Ubuntu: `sudo apt-get install -y git`).',
  bash: 'This action needs bash to run the `run` script.'
};
