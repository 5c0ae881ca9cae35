// Runs the built action the way the GitHub runner does: action.yml defaults applied, inputs as
// INPUT_<NAME> (upper case, hyphens kept), file commands through GITHUB_OUTPUT / GITHUB_STATE /
// GITHUB_STEP_SUMMARY, then the post step with STATE_<name> from the state file. Like the
// runner, it takes `::add-mask::` lines out of the log and remembers them.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// yaml is read only by actionInputs: loaded then, not with every test file that imports this one.
const require = createRequire(import.meta.url);
const parseYaml = (text: string) => (require('yaml') as typeof import('yaml')).parse(text);

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @type {{ mtime: number, inputs: Record<string, {default?: string}> } | undefined} */
let inputsCache: { mtime: number; inputs: Record<string, { default?: string }> } | undefined;

/**
 * Like GitHub, every run gets its own GITHUB_RUN_ID (a re-run keeps the id and counts up
 * GITHUB_RUN_ATTEMPT; pass both in `env` for that). Ids start at a random point so that two test
 * processes do not share them.
 */
let nextRunId = 7_000_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;

/** @returns {Record<string, {default?: string}>} */
export function actionInputs(): Record<string, { default?: string }> {
  const file = path.join(projectRoot, 'action.yml');
  const mtime = fs.statSync(file).mtimeMs;
  if (inputsCache?.mtime !== mtime)
    inputsCache = { mtime, inputs: parseYaml(fs.readFileSync(file, 'utf8')).inputs ?? {} };
  return inputsCache.inputs;
}

/**
 * Parses a file written with the runner's file-command format: `name=value` lines or
 * `name<<DELIMITER` blocks.
 * @param {string} file
 * @returns {Record<string, string>}
 */
export function parseFileCommands(file: string): Record<string, string> {
  /** @type {Record<string, string>} */
  const values: Record<string, string> = {};
  if (!fs.existsSync(file)) return values;
  const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const block = /^([^=<]+)<<(.+)$/.exec(line);
    if (block) {
      const [, name, delimiter] = block;
      const value = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      values[name] = value.join('\n');
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}

export type StepResult = {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  log: string;
  errors: string[];
};

/**
 * @param {string} script
 * @param {Record<string, string>} env
 * @param {string} cwd
 * @param {{ dist: string, killAfterLine?: RegExp }} options `dist`: the build's folder
 * @returns {Promise<StepResult & { masks: string[] }>}
 */
function runStep(
  script: string,
  env: Record<string, string>,
  cwd: string,
  options: { dist: string; killAfterLine?: RegExp; killWhen?: () => boolean; killSignal?: NodeJS.Signals }
): Promise<StepResult & { masks: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(options.dist, script)], {
      env,
      cwd,
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    const signal = options.killSignal ?? 'SIGTERM';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (options.killAfterLine && options.killAfterLine.test(stdout)) child.kill(signal);
    });
    // A condition outside the log (files the step made), checked every 50 ms.
    const poll = options.killWhen
      ? setInterval(() => {
          if (options.killWhen!()) child.kill(signal);
        }, 50)
      : undefined;
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      /** @type {string[]} */
      const masks: string[] = [];
      const logLines = [];
      for (const line of stdout.split('\n')) {
        const mask = /^::add-mask::(.*)$/.exec(line);
        if (mask) masks.push(unescapeCommand(mask[1]));
        else logLines.push(line);
      }
      const log = logLines.join('\n');
      const errors = logLines
        .filter((line) => line.startsWith('::error'))
        .map((line) => unescapeCommand(line.replace(/^::error[^:]*::/, '')));
      resolve({ code, signal, stdout, stderr, log, errors, masks });
    });
  });
}

/** @param {string} value */
function unescapeCommand(value: string) {
  return value.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

/**
 * @param {{
 *   inputs?: Record<string, string>,
 *   env?: Record<string, string | undefined>,
 *   token?: string,
 *   root?: string,
 *   killMainAfterLine?: RegExp,
 *   killMainWhen?: () => boolean,
 *   killMainSignal?: NodeJS.Signals,
 *   skipPost?: boolean
 * }} options
 */
export async function runAction(
  options: {
    inputs?: Record<string, string>;
    env?: Record<string, string | undefined>;
    token?: string;
    root?: string;
    killMainAfterLine?: RegExp;
    /** Kills main as soon as this returns true (polled). */
    killMainWhen?: () => boolean;
    /** The signal that kills main (SIGTERM unless given; SIGKILL leaves it no last word). */
    killMainSignal?: NodeJS.Signals;
    skipPost?: boolean;
    /** Another build's folder in place of dist/ (the bench's A/B comparison). */
    dist?: string;
  } = {}
) {
  const dist = options.dist ?? path.join(projectRoot, 'dist');
  const root = options.root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-run-'));
  const dirs = {
    root,
    home: path.join(root, 'home'),
    runnerTemp: path.join(root, 'runner-temp'),
    workspace: path.join(root, 'workspace'),
    files: path.join(root, 'files')
  };
  for (const dir of Object.values(dirs)) fs.mkdirSync(dir, { recursive: true });
  const files = {
    output: path.join(dirs.files, 'output'),
    state: path.join(dirs.files, 'state'),
    summary: path.join(dirs.files, 'summary'),
    env: path.join(dirs.files, 'env'),
    path: path.join(dirs.files, 'path')
  };
  for (const file of Object.values(files)) fs.writeFileSync(file, '');

  /** @type {Record<string, string>} */
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dirs.home,
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: dirs.runnerTemp,
    GITHUB_WORKSPACE: dirs.workspace,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    GITHUB_REPOSITORY: 'octo-org/workflows',
    GITHUB_RUN_ID: String(nextRunId++),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: '1',
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_PATH: files.path
  };
  for (const name of ['SSL_CERT_FILE', 'GIT_SSL_CAINFO', 'GIT_SSL_CAPATH', 'SSL_CERT_DIR']) {
    if (process.env[name]) env[name] = process.env[name];
  }
  // Node trusts the emulator through OpenSSL's SSL_CERT_FILE and SSL_CERT_DIR, read at the first
  // TLS connection. NODE_EXTRA_CA_CERTS would have each step's node parse its ~140 built-in roots
  // as it starts (about 40 ms of CPU), which no runner pays: the post step makes no connection.
  if (env.SSL_CERT_FILE) env.NODE_OPTIONS = '--use-openssl-ca';
  if (options.token !== undefined) env.GITHUB_TOKEN = options.token;
  for (const [name, spec] of Object.entries(actionInputs())) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = spec.default ?? '';
  }
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }

  const main = await runStep('index.js', env, dirs.workspace, {
    dist,
    killAfterLine: options.killMainAfterLine,
    killWhen: options.killMainWhen,
    killSignal: options.killMainSignal
  });
  const state = parseFileCommands(files.state);
  /** @type {Record<string, string>} */
  const postEnv: Record<string, string> = { ...env };
  for (const name of Object.keys(postEnv)) if (name.startsWith('INPUT_')) delete postEnv[name];
  for (const [name, value] of Object.entries(state)) postEnv[`STATE_${name}`] = value;
  const post = options.skipPost ? undefined : await runStep('post.js', postEnv, dirs.workspace, { dist });
  return {
    main,
    post,
    state,
    outputs: parseFileCommands(files.output),
    summary: fs.readFileSync(files.summary, 'utf8'),
    dirs,
    files,
    env
  };
}
