import * as path from 'node:path';

/** The environment of every process the sandbox starts: what is inherited, and what is set. */

/** Variables that carry a token or redirect gh/git configuration: never inherited by a child. */
const WITHHELD = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  'GH_HOST',
  'GH_CONFIG_DIR',
  'GIT_CONFIG_GLOBAL'
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
