import * as path from 'node:path';
import { InputError } from './errors.js';

/** Where the action runs: facts from the runner's environment, not from `with:`. */
export interface RunnerContext {
  serverUrl: string;
  apiUrl: string;
  /** Host name for git and gh: github.com or a GitHub Enterprise Server host. */
  host: string;
  workspace: string;
  runnerTemp: string;
  repository: string | undefined;
  runUrl: string | undefined;
}

export function readRunnerContext(env: NodeJS.ProcessEnv): RunnerContext {
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  let host: string;
  try {
    host = new URL(serverUrl).hostname;
  } catch {
    throw new InputError('GITHUB_SERVER_URL', `'${serverUrl}' is not a URL`);
  }
  const apiUrl = (
    env.GITHUB_API_URL || (host === 'github.com' ? 'https://api.github.com' : `${serverUrl}/api/v3`)
  ).replace(/\/+$/, '');
  const runnerTemp = env.RUNNER_TEMP || path.join(env.HOME || '/tmp', '.outbox-publisher-temp');
  const runUrl =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  return {
    serverUrl,
    apiUrl,
    host,
    workspace: path.resolve(env.GITHUB_WORKSPACE || process.cwd()),
    runnerTemp: path.resolve(runnerTemp),
    repository: env.GITHUB_REPOSITORY || undefined,
    runUrl
  };
}
