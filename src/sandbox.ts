import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as core from '@actions/core';
import * as exec from '@actions/exec';
import { ActionError, CommandError } from './errors.js';

/** Variables that carry a token or redirect gh/git configuration: never inherited by a child. */
const WITHHELD = ['GITHUB_TOKEN', 'GH_TOKEN', 'GITHUB_ENTERPRISE_TOKEN', 'GH_ENTERPRISE_TOKEN', 'GH_HOST', 'GH_CONFIG_DIR', 'GIT_CONFIG_GLOBAL'];

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Written to the child's stdin; the way secrets reach a child, never argv. */
  input?: string;
  /** Return a non-zero exit instead of throwing. */
  allowFailure?: boolean;
  /** Extra variables for this one call. */
  env?: Record<string, string>;
  /** Show the child's output live in the log (for the user's script). */
  stream?: boolean;
  /** Added to a CommandError when the command fails. */
  fix?: string;
}

/**
 * The private environment in which every gh and git process runs: its own gh config dir and
 * its own global git config under RUNNER_TEMP, so that the user's ~/.gitconfig and keychain are
 * never touched, and a token that only this folder holds disappears with it.
 * This is the only module that starts processes; each call is an argument array, no shell.
 */
export class Sandbox {
  private readonly extraEnv: Record<string, string> = {};
  private readonly gitConfigEntries: Array<[string, string]> = [];

  private constructor(readonly dir: string) {}

  static async create(runnerTemp: string): Promise<Sandbox> {
    await fs.mkdir(runnerTemp, { recursive: true });
    const dir = await fs.mkdtemp(path.join(runnerTemp, 'outbox-publisher-auth-'));
    await fs.chmod(dir, 0o700);
    const sandbox = new Sandbox(dir);
    await fs.mkdir(sandbox.ghConfigDir, { mode: 0o700 });
    await fs.writeFile(sandbox.gitConfigFile, '', { mode: 0o600 });
    return sandbox;
  }

  /** The sandbox that a main step made, for its post step. */
  static attach(dir: string): Sandbox {
    return new Sandbox(dir);
  }

  get ghConfigDir(): string {
    return path.join(this.dir, 'gh');
  }

  get gitConfigFile(): string {
    return path.join(this.dir, 'gitconfig');
  }

  /** Adds variables to every later child's environment (gh's token variables, in env mode). */
  setVariables(vars: Record<string, string>): void {
    Object.assign(this.extraEnv, vars);
  }

  /**
   * Git configuration with command-line precedence for every git process in the sandbox, the
   * user's `run` script included (GIT_CONFIG_COUNT/KEY/VALUE), appended to any the job set.
   */
  overrideGitConfig(entries: Array<[string, string]>): void {
    const inherited = Number(process.env.GIT_CONFIG_COUNT ?? '0') || 0;
    const count = inherited + this.gitConfigEntries.length;
    entries.forEach(([key, value], i) => {
      this.extraEnv[`GIT_CONFIG_KEY_${count + i}`] = key;
      this.extraEnv[`GIT_CONFIG_VALUE_${count + i}`] = value;
    });
    this.gitConfigEntries.push(...entries);
    this.extraEnv.GIT_CONFIG_COUNT = String(inherited + this.gitConfigEntries.length);
  }

  env(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(process.env)) {
      if (value === undefined || WITHHELD.includes(name) || name.startsWith('INPUT_') || name.startsWith('STATE_')) continue;
      env[name] = value;
    }
    return {
      ...env,
      GH_CONFIG_DIR: this.ghConfigDir,
      GIT_CONFIG_GLOBAL: this.gitConfigFile,
      GH_PROMPT_DISABLED: '1',
      GH_NO_UPDATE_NOTIFIER: '1',
      GIT_TERMINAL_PROMPT: '0',
      GCM_INTERACTIVE: 'never',
      ...this.extraEnv
    };
  }

  async run(tool: string, args: string[], options: RunOptions = {}): Promise<ExecResult> {
    const commandLine = [tool, ...args].join(' ');
    // exec echoes the command line itself when it streams the output.
    if (!options.stream) core.info(`[command]${commandLine}`);
    let result: exec.ExecOutput;
    try {
      result = await exec.getExecOutput(tool, args, {
        cwd: options.cwd,
        env: { ...this.env(), ...options.env },
        input: options.input === undefined ? undefined : Buffer.from(options.input),
        silent: !options.stream,
        ignoreReturnCode: true
      });
    } catch (error) {
      if (error instanceof Error && /Unable to locate executable/.test(error.message)) {
        throw new ActionError(`'${tool}' was not found on PATH.`, INSTALL_HINTS[tool]);
      }
      throw error;
    }
    if (result.exitCode !== 0 && !options.allowFailure) {
      throw new CommandError(commandLine, result.exitCode, result.stderr || result.stdout, options.fix);
    }
    return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
  }

  /** Runs a command whose standard output is binary (file contents), returned as bytes. */
  async runForBytes(tool: string, args: string[], options: { cwd?: string } = {}): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let stderr = '';
    const exitCode = await exec.exec(tool, args, {
      cwd: options.cwd,
      env: this.env(),
      silent: true,
      ignoreReturnCode: true,
      listeners: { stdout: (data) => chunks.push(data), stderr: (data) => (stderr += data.toString()) }
    });
    if (exitCode !== 0) throw new CommandError([tool, ...args].join(' '), exitCode, stderr);
    return Buffer.concat(chunks);
  }

  /**
   * Runs the workflow author's script with bash in strict mode. The script goes into a file in
   * the sandbox so the log shows one short command line rather than the whole script.
   */
  async runScript(script: string, cwd: string): Promise<void> {
    const file = path.join(this.dir, 'run.sh');
    await fs.writeFile(file, script, { mode: 0o600 });
    await this.run('bash', ['--noprofile', '--norc', '-e', '-u', '-o', 'pipefail', file], {
      cwd,
      stream: true,
      fix: "The 'run' script failed; its output is above. Nothing was committed or pushed."
    });
  }

  async remove(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}

const INSTALL_HINTS: Record<string, string> = {
  gh: 'Install the GitHub CLI before this step: it is preinstalled on GitHub-hosted runners; on Debian or Ubuntu run `sudo apt-get install -y gh` (see https://cli.github.com for other systems).',
  git: 'Install git before this step (on Debian or Ubuntu: `sudo apt-get install -y git`).',
  bash: 'This action needs bash to run the `run` script.'
};
