import type * as exec from '@actions/exec';
import { ActionError, CommandError } from './errors.js';
import { commandLine } from './log-text.js';

/** What a finished command means: its output, or the error that says what failed and the fix. */

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function settle(
  tool: string,
  args: string[],
  outcome: exec.ExecOutput | Error,
  options: { allowFailure?: boolean; fix?: string }
): ExecResult {
  if (outcome instanceof Error) {
    if (/Unable to locate executable/.test(outcome.message))
      throw new ActionError(`'${tool}' was not found on PATH.`, INSTALL_HINTS[tool]);
    throw outcome;
  }
  if (outcome.exitCode !== 0 && !options.allowFailure) {
    throw new CommandError(
      commandLine(tool, args),
      outcome.exitCode,
      outcome.stderr || outcome.stdout,
      options.fix
    );
  }
  return { exitCode: outcome.exitCode, stdout: outcome.stdout, stderr: outcome.stderr };
}

const INSTALL_HINTS: Record<string, string> = {
  gh: 'Install the GitHub CLI before this step: it is preinstalled on GitHub-hosted runners; on Debian or Ubuntu run `sudo apt-get install -y gh` (see https://cli.github.com for other systems).',
  git: 'Install git before this step (on Debian or Ubuntu: `sudo apt-get install -y git`).',
  bash: 'This action needs bash to run the `run` script.'
};
