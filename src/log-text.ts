/**
 * Outside text on its way to the log or the job summary: file names, patch file names, commit
 * subjects and authors, branch names from events and inputs, API messages, git's stderr. The
 * runner reads every line of the step's output (stdout and stderr) for workflow commands: a line
 * that starts with `::` after whitespace (`::warning::`, `::add-mask::`, `::stop-commands::` ...),
 * or that holds `##[` anywhere (the legacy form), and it breaks lines at CR as well as LF. The job
 * summary is Markdown with HTML. Everything here is pure, so the unit tests can feed it every
 * command and every opener.
 */

/**
 * Characters that never appear raw: control characters (C0, DEL, C1, which include CR, LF, VT, FF,
 * NEL), the Unicode line and paragraph separators, and the invisible format characters that
 * reorder or hide text (bidi overrides and isolates, zero-width characters, the BOM).
 */
const INVISIBLE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
/** The legacy command prefix, honoured anywhere in a line. */
const LEGACY_COMMAND = /##\[/g;
const NAMED_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\v': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\'
};

/** git's octal escape of each UTF-8 byte of `ch`. */
function octal(ch: string): string {
  return [...Buffer.from(ch, 'utf8')].map((byte) => `\\${byte.toString(8).padStart(3, '0')}`).join('');
}

function escapeChar(ch: string): string {
  return NAMED_ESCAPES[ch] ?? octal(ch);
}

/**
 * A name (file, branch, patch file) for one line of the log: as it is when it is plain, else in
 * git's C-quoted form ("a\nb"), so that it is one line that starts with a quote. Quoted too: a
 * name with `"` or `\`, with `::` (so it cannot open a command even at the start of a line), with
 * `##[`, or with white space at either end.
 */
export function quoteName(name: string): string {
  if (!INVISIBLE.test(name) && !/["\\]|::|##\[|^\s|\s$/u.test(name)) return name;
  const body = name
    .replace(new RegExp(`["\\\\]|${INVISIBLE.source}`, 'gu'), escapeChar)
    .replace(LEGACY_COMMAND, '#\\043[');
  return `"${body}"`;
}

/**
 * Free text (a message, git's stderr) for the log: its LF and CRLF line breaks stay, every other
 * line break and invisible character is escaped, `##[` is broken, and a line that would start with
 * `::` (after white space) starts with `\::` instead. No line of the result is a workflow command.
 */
export function logText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(INVISIBLE_ALL, (ch) => (ch === '\t' ? ch : escapeChar(ch)))
        .replace(LEGACY_COMMAND, '#\\043[')
        .replace(/^(\s*)::/u, '$1\\::')
    )
    .join('\n');
}

/**
 * A path in git's C-quoted form, quoted whatever it holds: for git input that unquotes a line
 * that starts with a quote (`sparse-checkout add --stdin`), so that any name stays literal.
 */
export function cQuote(name: string): string {
  return `"${name.replace(/["\\]|[\x00-\x1f\x7f]/g, escapeChar)}"`;
}

/** A command line for the log: the tool and each argument as `quoteName` writes it. */
export function commandLine(tool: string, args: string[]): string {
  return [tool, ...args].map(quoteName).join(' ');
}

/**
 * Text for the job summary's HTML: one line (names C-quoted as in the log), with the characters
 * that open HTML or Markdown (`< > & " ' \` [ ] ( ) * _ # | ! ~ : \\`) as character references, so
 * that nothing in it renders as a tag, a heading, a link, emphasis, a table cell or an autolink.
 */
export function summaryText(text: string): string {
  return quoteName(text).replace(/[<>&"'`[\]()*_#|!~:\\]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * A pull request as a link for the job summary's HTML: the URL (API text) linked only when it is a
 * plain https URL, with every character that could leave the attribute as a reference.
 */
export function pullRequestLink(pr: { number: number; url: string } | undefined): string {
  if (!pr) return '—';
  if (!Number.isInteger(pr.number) || pr.number < 1) return '—';
  if (!/^https:\/\/[^\s"<>]+$/.test(pr.url)) return `#${pr.number}`;
  return `<a href="${pr.url.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`)}">#${pr.number}</a>`;
}

/**
 * A name inside a sentence of the log or an error: `'plain'` in single quotes, or `quoteName`'s
 * C-quoted form (which brings its own double quotes) when it holds anything to escape.
 */
export function quotedName(name: string): string {
  const quoted = quoteName(name);
  return quoted.startsWith('"') ? quoted : `'${quoted}'`;
}
