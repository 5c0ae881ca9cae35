import * as core from './workflow-commands.js';
import { ActionError } from './errors.js';
import type { EarlyCommand, Sandbox } from './sandbox.js';

export interface GhVersion {
  major: number;
  minor: number;
  patch: number;
  text: string;
}

export type AuthMode = 'login' | 'env';

export function parseGhVersion(output: string): GhVersion | undefined {
  const match = /gh version (\d+)\.(\d+)\.(\d+)/.exec(output);
  if (!match) return undefined;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    text: `${match[1]}.${match[2]}.${match[3]}`
  };
}

/** `--insecure-storage` keeps the token in GH_CONFIG_DIR instead of a keyring that outlives the job; gh 2.26 added it. */
export function supportsInsecureStorage(version: GhVersion): boolean {
  return version.major > 2 || (version.major === 2 && version.minor >= 26);
}

/** The variables through which gh (and its git credential helper) takes a token from the environment. */
export function tokenVariables(host: string, token: string): Record<string, string> {
  return host === 'github.com' ? { GH_TOKEN: token } : { GH_ENTERPRISE_TOKEN: token, GH_HOST: host };
}

/** gh's version, from `gh --version` run now or, when given, begun before the sandbox existed. */
export async function findGh(sandbox: Sandbox, early?: EarlyCommand): Promise<GhVersion> {
  const { stdout } = await (early ? sandbox.finish(early) : sandbox.run('gh', ['--version']));
  const version = parseGhVersion(stdout);
  if (!version) throw new ActionError(`Could not read the version of gh from: ${stdout.trim()}`);
  core.info(`Using gh ${version.text}`);
  return version;
}

/**
 * Whether `gh auth login` can run without reaching the machine's keyring: where the keyring is
 * the Secret Service on D-Bus (Linux, the BSDs), the sandbox points gh at a bus that does not
 * exist. macOS's Keychain and Windows' Credential Manager need no bus and no variable turns them
 * off, so there gh only ever gets the token from its environment, a path with no keyring call.
 */
export function loginKeepsOffKeyring(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin' && platform !== 'win32';
}

/**
 * How gh gets the token for the `run` script. `login` stores it in a sandbox's GH_CONFIG_DIR
 * (fed on stdin); `env` hands it to gh's children through GH_TOKEN, for tokens that gh's login
 * refuses for lack of an org scope and on systems whose keyring gh's login would reach.
 */
export function authMode(ghLoginAccepts: boolean, platform: NodeJS.Platform = process.platform): AuthMode {
  return ghLoginAccepts && loginKeepsOffKeyring(platform) ? 'login' : 'env';
}

/** Says how gh was given the token, and why not by a login when it was not. */
export function logAuthMode(
  mode: AuthMode,
  host: string,
  platform: NodeJS.Platform = process.platform
): void {
  if (mode === 'login') {
    core.info(
      `Authenticated gh for ${host} with 'gh auth login --with-token' (token stored only in the sandbox's GH_CONFIG_DIR, no keyring reachable).`
    );
    return;
  }
  const why = !loginKeepsOffKeyring(platform)
    ? "'gh auth login' would reach this system's keyring, which belongs to the machine's own gh login."
    : "'gh auth login' refuses classic tokens without 'read:org', which this action does not need.";
  core.info(
    `Authenticated gh for ${host} through ${host === 'github.com' ? 'GH_TOKEN' : 'GH_ENTERPRISE_TOKEN and GH_HOST'} in the sandbox's environment: ${why}`
  );
}

/**
 * Logs gh in inside `sandbox` (login mode): the token, on stdin, stored in its GH_CONFIG_DIR.
 * Never undone with `gh auth logout` (which deletes keyring entries of the OS user): deleting
 * the sandbox folder is the logout.
 */
export async function logInGh(
  sandbox: Sandbox,
  options: { host: string; token: string; version: GhVersion }
): Promise<void> {
  const login = ['auth', 'login', '--with-token', '--hostname', options.host];
  if (supportsInsecureStorage(options.version)) login.push('--insecure-storage');
  await sandbox.run('gh', login, {
    input: `${options.token}\n`,
    fix: 'gh could not log in with the token. Check that the secret holds a valid token for this host.'
  });
}
