/**
 * Git config file text, written by the action into a clone of its own instead of one
 * `git config` (or `git remote add`) process per entry.
 */

/**
 * A value as git's config parser reads it back unchanged: in double quotes, with backslash,
 * double quote, newline, tab and backspace escaped (the escapes git's parser knows).
 */
export function configValue(value: string): string {
  const escaped = value.replace(
    /[\\"\n\t\b]/g,
    (c) => ({ '\n': '\\n', '\t': '\\t', '\b': '\\b' })[c] ?? `\\${c}`
  );
  return `"${escaped}"`;
}

/**
 * A section with a subsection (`[credential "https://github.com"]`) and its entries, in order.
 * A key may repeat (git's multi-valued keys); every value is quoted with `configValue`.
 */
export function subsection(section: string, name: string, entries: Array<[string, string]>): string {
  // git's parser takes `\` and `\"` in a subsection name and nothing else: no newline, no NUL.
  if (/[\n\0]/.test(name)) throw new Error(`not a subsection name git can read: ${JSON.stringify(name)}`);
  const quoted = name.replace(/[\\"]/g, (c) => `\\${c}`);
  return `[${section} "${quoted}"]\n${entries.map(([key, value]) => `\t${key} = ${configValue(value)}\n`).join('')}`;
}

/**
 * What `git remote add <name> <url>` appends to a repository's config: the remote's URL and its
 * default fetch refspec. `name` must be a valid remote name (the action's own: origin, fork).
 */
export function remoteSection(name: string, url: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`not a remote name of ours: ${name}`);
  return `[remote "${name}"]\n\turl = ${configValue(url)}\n\tfetch = +refs/heads/*:refs/remotes/${name}/*\n`;
}

/**
 * Pins Git LFS to the remote's own endpoint (git-lfs's default for `url`): a `.lfsconfig` in the
 * work tree, which an outbox patch or a `run` script may write, could otherwise send the
 * action's LFS requests, with the token's header, to another repository. The clone's config
 * outranks `.lfsconfig`, and `lfs.url`/`lfs.pushurl` outrank every other endpoint setting.
 */
export function lfsEndpointSection(remoteUrl: string): string {
  const endpoint = `${remoteUrl.replace(/\/+$/, '')}${remoteUrl.endsWith('.git') ? '' : '.git'}/info/lfs`;
  return `[lfs]\n\turl = ${configValue(endpoint)}\n\tpushurl = ${configValue(endpoint)}\n`;
}
