import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { settle, toolNotFound, type ExecResult, type RunOptions } from './command-result.js';
import { CommandError } from './errors.js';
import { findTool } from './found-tools.js';
import { commandLine } from './log-text.js';
import { runProcess, type ProcessOptions, type ProcessOutcome } from './process-runner.js';
import {
  authHeaderEntries,
  gitConfigEnv,
  inheritedEnv,
  noKeyringBus,
  NON_INTERACTIVE,
  OWN_GIT_ENTRIES
} from './sandbox-env.js';

/** A command started before any sandbox existed (see Sandbox.startEarly). */
export interface EarlyCommand {
  tool: string;
  args: string[];
  outcome: Promise<ProcessOutcome>;
}

export type { ExecResult, RunOptions };

/** Writes one line to the step's log (core.info; passed in so this module loads without @actions/core). */
export type LogLine = (line: string) => void;

/**
 * The private environment in which every gh and git process runs: its own gh config dir and
 * its own global git config under RUNNER_TEMP, so that the user's ~/.gitconfig and keyring are
 * never touched, and a token that only this folder holds disappears with it (deleting the folder
 * is the whole logout: `gh auth logout` would reach for the keyring).
 * Every process starts here (through process-runner.ts): an argument array, never a shell.
 */
export class Sandbox {
  private readonly extraEnv: Record<string, string> = {};
  private readonly gitConfigEntries: Array<[string, string]> = [];
  private readonly authenticatedGitEntries: Array<[string, string]> = [];
  /**
   * The step's environment, read once rather than for every child: each read of process.env
   * goes through Node's C++ side, about half a millisecond per child for the 150 variables of a
   * hosted runner.
   */
  private readonly inherited = inheritedEnv();
  private markTalking = (): void => {};
  /** Settles once the first git command that talks to the server (`authenticated`) is running. */
  readonly talking = new Promise<void>((resolve) => (this.markTalking = resolve));

  private constructor(
    readonly dir: string,
    /** The step's log, or a session's buffer of it. */
    readonly log: LogLine
  ) {}

  static async create(runnerTemp: string, log: LogLine): Promise<Sandbox> {
    await fs.mkdir(runnerTemp, { recursive: true });
    const dir = await fs.mkdtemp(path.join(runnerTemp, 'outbox-publisher-auth-'));
    await fs.chmod(dir, 0o700);
    const sandbox = new Sandbox(dir, log);
    await fs.mkdir(sandbox.ghConfigDir, { mode: 0o700 });
    await fs.writeFile(sandbox.gitConfigFile, '', { mode: 0o600 });
    return sandbox;
  }

  /** The sandbox that a main step made, for its post step. */
  static attach(dir: string, log: LogLine): Sandbox {
    return new Sandbox(dir, log);
  }

  /**
   * Starts a command that needs neither a token nor any config (gh --version) before the sandbox
   * exists, so that it runs while Node is still loading the rest of the action. gh gets a config
   * folder that does not exist: it reads nothing of the user's and writes nothing. Nothing is
   * logged until `finish` takes the result.
   */
  static startEarly(tool: string, args: string[]): EarlyCommand {
    // The missing config folder sits in a new private one: a predictable path in a shared temp
    // folder could be made first by someone else, with a config.yml whose aliases gh would run.
    const base =
      process.env.RUNNER_TEMP && existsSync(process.env.RUNNER_TEMP) ? process.env.RUNNER_TEMP : os.tmpdir();
    const privateDir = mkdtempSync(path.join(base, 'outbox-publisher-probe-'));
    const env = {
      ...inheritedEnv(),
      ...NON_INTERACTIVE,
      ...noKeyringBus(privateDir),
      GH_CONFIG_DIR: path.join(privateDir, 'none')
    };
    const outcome = start(tool, args, { env });
    // Also handles a failure until `finish` reports it (or nothing does: main failed first).
    const removeDir = () => rmSync(privateDir, { recursive: true, force: true });
    outcome.then(removeDir, removeDir);
    return { tool, args, outcome };
  }

  get ghConfigDir(): string {
    return path.join(this.dir, 'gh');
  }

  get gitConfigFile(): string {
    return path.join(this.dir, 'gitconfig');
  }

  /**
   * Appends to the sandbox's global git config in one step, a whole new file renamed over it, so
   * that git running meanwhile (the clone's fetch) reads it before or after, never half written.
   */
  async appendGitConfig(text: string): Promise<void> {
    const next = `${this.gitConfigFile}.next`;
    await fs.writeFile(next, (await fs.readFile(this.gitConfigFile, 'utf8')) + text, { mode: 0o600 });
    await fs.rename(next, this.gitConfigFile);
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
    this.gitConfigEntries.push(...entries);
  }

  /**
   * Lets the action's own fetches, pushes and ls-remotes (RunOptions.authenticated) send the
   * token with their first request, as actions/checkout does: git 2.39 has no
   * http.proactiveAuth, so through gh's credential helper each of them would first take a 401.
   * The header reaches only those processes, in their environment (GIT_CONFIG_*): never argv,
   * never a file, never the `run` script (which gets the token from gh, as before). Hooks are
   * off for them, so nothing a `run` script left in the clone runs with the header.
   */
  authenticateGit(serverUrl: string, token: string): void {
    this.authenticatedGitEntries.push(...authHeaderEntries(serverUrl, token));
  }

  /**
   * Every child's environment; `ownGit` adds what the action's own git commands run with (not
   * the `run` script's), and `authenticated` the header of `authenticateGit` too.
   */
  env(ownGit = false, authenticated = false): Record<string, string> {
    const entries = [
      ...this.gitConfigEntries,
      ...(ownGit ? OWN_GIT_ENTRIES : []),
      ...(authenticated ? this.authenticatedGitEntries : [])
    ];
    return {
      ...this.inherited,
      GH_CONFIG_DIR: this.ghConfigDir,
      GIT_CONFIG_GLOBAL: this.gitConfigFile,
      ...NON_INTERACTIVE,
      ...noKeyringBus(this.dir),
      ...this.extraEnv,
      ...gitConfigEnv(entries)
    };
  }

  async run(tool: string, args: string[], options: RunOptions = {}): Promise<ExecResult> {
    // `start` logs the command line itself when it streams the output.
    // Arguments carry outside names (bundle files, branches): quoted so that none breaks the line.
    if (!options.stream) this.log(`[command]${commandLine(tool, args)}`);
    const authenticated = options.authenticated === true && tool === 'git';
    let outcome: ProcessOutcome;
    try {
      outcome = await start(tool, args, {
        cwd: options.cwd,
        env: { ...this.env(tool === 'git', authenticated), ...options.env },
        input: options.input,
        echo: options.stream ? (chunk) => void process.stdout.write(chunk) : undefined,
        onStart: authenticated ? () => this.markTalking() : undefined,
        streamed: options.stream === true
      });
    } finally {
      // Also when it could not start: nothing waits for a talk that never comes.
      if (authenticated) this.markTalking();
    }
    return settle(tool, args, outcome, options);
  }

  /** The result of a command begun with `startEarly`, logged and checked as `run` would. */
  async finish(early: EarlyCommand): Promise<ExecResult> {
    this.log(`[command]${commandLine(early.tool, early.args)}`);
    return settle(early.tool, early.args, await early.outcome, {});
  }

  /** Runs a command whose standard output is binary (file contents), returned as bytes. */
  async runForBytes(
    tool: string,
    args: string[],
    options: { cwd?: string; input?: string } = {}
  ): Promise<Buffer> {
    const { exitCode, stdout, stderr } = await start(tool, args, {
      cwd: options.cwd,
      env: this.env(tool === 'git'),
      input: options.input
    });
    if (exitCode !== 0) throw new CommandError(commandLine(tool, args), exitCode, stderr.toString('utf8'));
    return stdout;
  }

  /**
   * Runs the workflow author's script with bash in strict mode. The script goes into a file in
   * the sandbox so the log shows one short command line rather than the whole script.
   */
  async runScript(script: string, cwd: string, env?: Record<string, string>): Promise<void> {
    const file = path.join(this.dir, 'run.sh');
    await fs.writeFile(file, script, { mode: 0o600 });
    await this.run('bash', ['--noprofile', '--norc', '-e', '-u', '-o', 'pipefail', file], {
      cwd,
      env,
      stream: true,
      fix: "The 'run' script failed; its output is above. Nothing was committed or pushed."
    });
  }

  async remove(): Promise<void> {
    await fs.rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * Runs `tool`, found on PATH, with runProcess; `streamed` first logs its command line as the
 * `run` script's output follows it, with the file that runs.
 */
async function start(
  tool: string,
  args: string[],
  options: ProcessOptions & { streamed?: boolean }
): Promise<ProcessOutcome> {
  const file = findTool(tool);
  if (file === undefined) throw toolNotFound(tool);
  if (options.streamed) process.stdout.write(`[command]${commandLine(file, args)}\n`);
  return runProcess(file, args, options).catch((error: NodeJS.ErrnoException) => {
    // The file found earlier in the step is gone.
    if (error.code === 'ENOENT' && !existsSync(file)) throw toolNotFound(tool);
    throw error;
  });
}
