/**
 * GitHub refuses a pull request body longer than 65,536 characters with 422 Validation Failed,
 * `{"resource":"PullRequest","code":"custom","field":"body","message":"body is too long (maximum
 * is 65536 characters)"}`. The characters are Unicode code points (GitHub counts like Ruby's
 * String#length; an emoji outside the BMP counts once, not as its two UTF-16 code units), and at
 * 4 UTF-8 bytes each that also keeps a body under the 262,144-byte limit of issue bodies.
 *
 * What peers do: create-pull-request truncates to 65,536 with a warning (src/main.ts there). A
 * body made by a changelog tool or an agent that runs long should not cost the whole publish, so
 * we truncate too, but say so in the body itself: the reader of the pull request sees that text is
 * missing, and the log says how much. The cut falls on a code point, and a code fence left open by
 * the cut is closed before the note, so that the note does not render as code.
 */
export const PR_BODY_MAX = 65536;

export interface FittedBody {
  body: string;
  /** Code points of the original body. */
  originalLength: number;
  /** Set when the body was cut: one line for the log. */
  warning: string | undefined;
}

/** Code points of `text`. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point; a lone surrogate counts as one.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

/** The first `max` code points of `text`. */
function firstCodePoints(text: string, max: number): string {
  let count = 0;
  let i = 0;
  while (i < text.length && count < max) {
    const unit = text.charCodeAt(i);
    const pair =
      unit >= 0xd800 &&
      unit <= 0xdbff &&
      i + 1 < text.length &&
      text.charCodeAt(i + 1) >= 0xdc00 &&
      text.charCodeAt(i + 1) <= 0xdfff;
    i += pair ? 2 : 1;
    count++;
  }
  return text.slice(0, i);
}

/** The fence (``` or ~~~, of its length) that is still open at the end of `markdown`, if any. */
export function openFence(markdown: string): string | undefined {
  let open: string | undefined;
  for (const line of markdown.split('\n')) {
    const match = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (!match) continue;
    const fence = match[1];
    if (open === undefined) {
      // A backtick fence's info string may not hold a backtick (CommonMark); then it is no fence.
      if (fence[0] === '`' && line.slice(match[0].length).includes('`')) continue;
      open = fence;
    } else if (
      fence[0] === open[0] &&
      fence.length >= open.length &&
      line.slice(match[0].length).trim() === ''
    ) {
      open = undefined;
    }
  }
  return open;
}

function truncationNote(source: string, originalLength: number, kept: number): string {
  return (
    `\n\n---\n*[Pull request body truncated: the '${source}' input held ${originalLength} characters, ` +
    `GitHub takes at most ${PR_BODY_MAX}; the first ${kept} are shown.]*`
  );
}

/**
 * The body as GitHub will take it: unchanged when it fits, else cut with a note at its end, the
 * whole at most PR_BODY_MAX code points. `source` names the input it came from (`body` or
 * `body-path`) in the note and the warning.
 */
export function fitBody(body: string, source: 'body' | 'body-path', max: number = PR_BODY_MAX): FittedBody {
  const originalLength = codePointLength(body);
  if (originalLength <= max) return { body, originalLength, warning: undefined };
  // The note states the kept count and a closing fence may be added: build, measure, and shrink
  // the budget by any excess until the whole fits (twice at most in practice).
  let budget = max - codePointLength(truncationNote(source, originalLength, originalLength));
  for (;;) {
    let kept = firstCodePoints(body, Math.max(0, budget));
    const keptLength = codePointLength(kept);
    const fence = openFence(kept);
    if (fence) kept += `\n${fence}`;
    const fitted = kept + truncationNote(source, originalLength, keptLength);
    const excess = codePointLength(fitted) - max;
    if (excess > 0 && budget > 0) {
      budget -= excess;
      continue;
    }
    return {
      body: fitted,
      originalLength,
      warning: `The pull request body from '${source}' has ${originalLength} characters, more than GitHub's ${max}; it was cut to ${keptLength} with a note saying so.`
    };
  }
}
