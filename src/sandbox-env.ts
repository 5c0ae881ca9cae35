import * as path from 'node:path';

/** The environment of every process the sandbox starts: what is inherited, and what is set. */

/**
 * Variables that carry a token or redirect gh/git configuration: never inherited by a child.
 * The runner's own tokens (OIDC, Actions runtime and cache) are given to actions, not to `run:`
 * steps: neither gh, git nor the user's `run` script gets them from us.
 */
const WITHHELD = [
  'GITHUB_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_RESULTS_URL',
  'GH_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  'GH_HOST',
  'GH_CONFIG_DIR',
  'GIT_CONFIG_GLOBAL',
  // Where git finds a repository: inherited, they would point the action's git (and the `run`
  // script) at the job's repository instead of the sandbox's clone. The action sets them itself
  // where it means to (src/clone-work-tree.ts).
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_COMMON_DIR',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_NAMESPACE'
];

/** Keeps gh and git from prompting or checking for updates. */
export const NON_INTERACTIVE = {
  GH_PROMPT_DISABLED: '1',
  GH_NO_UPDATE_NOTIFIER: '1',
  GIT_TERMINAL_PROMPT: '0',
  GCM_INTERACTIVE: 'never'
};

/**
 * gh 2.24+ keeps logins in the OS keyring, which belongs to the OS user, not to GH_CONFIG_DIR:
 * even with --insecure-storage, `gh auth login` deletes the host's active keyring entry. On
 * Linux (and the BSDs) that keyring is the Secret Service on the D-Bus session bus, found
 * through DBUS_SESSION_BUS_ADDRESS (and, when that is unset, $XDG_RUNTIME_DIR/bus or an
 * autolaunched bus): pointed at a socket that does not exist, in a private folder nobody else
 * can create it in, every keyring call of gh fails at once and gh keeps to its config folder.
 */
export function noKeyringBus(privateDir: string): Record<string, string> {
  return { DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(privateDir, 'no-keyring-bus')}` };
}

/** The job's environment without tokens, inputs, state, or gh/git config redirections. */
export function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (
      value === undefined ||
      WITHHELD.includes(name) ||
      name.startsWith('INPUT_') ||
      name.startsWith('STATE_')
    )
      continue;
    env[name] = value;
  }
  return env;
}

/**
 * The git config that makes a git (or git-lfs) process send the token with its first request to
 * `serverUrl`, as actions/checkout does, and run no hook while it holds it.
 */
export function authHeaderEntries(serverUrl: string, token: string): Array<[string, string]> {
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return [
    [`http.${serverUrl}/.extraheader`, `AUTHORIZATION: basic ${basic}`],
    ['core.hooksPath', '/dev/null'],
    // git 2.46+ would otherwise also ask gh first and send a second Authorization header.
    ['http.proactiveAuth', 'none']
  ];
}

/**
 * Config of every git command the action runs itself (not the `run` script's). Its clones are
 * new and short-lived: no automatic maintenance (a `git maintenance run --auto` process after
 * every fetch and commit, which finds nothing to do), and fast-import keeps what it writes as
 * a pack rather than starting `git unpack-objects` to loosen a small one.
 */
export const OWN_GIT_ENTRIES: Array<[string, string]> = [
  ['maintenance.auto', 'false'],
  ['fastimport.unpackLimit', '0']
];

/** GIT_CONFIG_COUNT/KEY/VALUE for `entries`, after any that the job itself set. */
export function gitConfigEnv(entries: Array<[string, string]>): Record<string, string> {
  if (entries.length === 0) return {};
  const inherited = Number(process.env.GIT_CONFIG_COUNT ?? '0') || 0;
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(inherited + entries.length) };
  entries.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${inherited + i}`] = key;
    env[`GIT_CONFIG_VALUE_${inherited + i}`] = value;
  });
  return env;
}
