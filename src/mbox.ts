/**
 * Mails as bytes: a `git format-patch` file or an mbox, split where `git mailsplit` splits it, so
 * that the outbox can be counted before anything runs and handed to one `git am` whole. Nothing
 * here decodes a mail's text: a patch of a latin-1 file, of CRLF lines or of binary data goes to
 * git exactly as it was written. Pure functions.
 */

const LF = 0x0a;
const FROM = Buffer.from('From ');
/** The From line `git format-patch` writes; put before a mail that has none, so that one stream holds every mail. */
const SYNTHETIC_FROM = Buffer.from(
  'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n'
);

const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;

/** git's `is_from_line` (mailsplit.c): "From " and something that ends like a date, on the line [start, end) with its LF. */
function isFromLine(bytes: Buffer, start: number, end: number): boolean {
  const len = end - start;
  if (len < 20 || bytes.compare(FROM, 0, 5, start, start + 5) !== 0) return false;
  let colon = end - 2;
  const first = start + 5;
  for (;;) {
    if (colon < first) return false;
    if (bytes[--colon] === 0x3a) break;
  }
  if (
    !isDigit(bytes[colon - 4]) ||
    !isDigit(bytes[colon - 2]) ||
    !isDigit(bytes[colon - 1]) ||
    !isDigit(bytes[colon + 1]) ||
    !isDigit(bytes[colon + 2])
  )
    return false;
  // strtol(colon + 3): white space, a sign, digits; the year must be after 1990.
  let at = colon + 3;
  while (at < end && [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(bytes[at])) at++;
  let sign = 1;
  if (bytes[at] === 0x2d || bytes[at] === 0x2b) sign = bytes[at++] === 0x2d ? -1 : 1;
  let year = 0;
  while (at < end && isDigit(bytes[at])) year = year * 10 + (bytes[at++] - 0x30);
  return sign * year > 90;
}

/**
 * The mails of one file, as `git mailsplit -b --keep-cr` cuts them: leading white space skipped;
 * when the first line is a From line, a new mail at every From line; otherwise one bare mail.
 * Each mail is a view into `bytes` (nothing is copied).
 */
export function splitMails(bytes: Buffer): Buffer[] {
  let start = 0;
  while (start < bytes.length && [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(bytes[start])) start++;
  if (start >= bytes.length) return [];
  const lineEnd = (from: number) => {
    const lf = bytes.indexOf(LF, from);
    return lf === -1 ? bytes.length : lf + 1;
  };
  if (!isFromLine(bytes, start, lineEnd(start))) return [bytes.subarray(start)];
  const mails: Buffer[] = [];
  let mailStart = start;
  // Only a line that begins with "From " can start the next mail: look for those alone.
  for (
    let at = bytes.indexOf('\nFrom ', lineEnd(start) - 1);
    at !== -1;
    at = bytes.indexOf('\nFrom ', at + 1)
  ) {
    const line = at + 1;
    if (isFromLine(bytes, line, lineEnd(line))) {
      mails.push(bytes.subarray(mailStart, line));
      mailStart = line;
    }
  }
  mails.push(bytes.subarray(mailStart));
  return mails;
}

/** Where the header ends: the index just past the first empty line (LF LF or LF CR LF), or the end. */
function headerEnd(mail: Buffer): number {
  for (let at = mail.indexOf(LF); at !== -1 && at + 1 < mail.length; at = mail.indexOf(LF, at + 1)) {
    if (mail[at + 1] === LF) return at + 2;
    if (mail[at + 1] === 0x0d && mail[at + 2] === LF) return at + 3;
  }
  return mail.length;
}

/** The mail's `Date:` header, or '' when it has none. */
export function mailDate(mail: Buffer): string {
  const header = mail.subarray(0, headerEnd(mail)).toString('latin1');
  return /^Date:[ \t]*(.*?)\r?$/im.exec(header)?.[1]?.trim() ?? '';
}

/**
 * Where the target's history that may hold an outbox's changes begins, in seconds since the
 * epoch (as `git fetch --shallow-since` takes it): a patch cannot have been merged before it was
 * written, so a day before the oldest mail's date (a day for clocks that disagree). Undefined
 * when no mail has a date that parses.
 */
export function historyStart(dates: readonly string[]): number | undefined {
  const times = dates.map((date) => Date.parse(date)).filter((time) => !Number.isNaN(time));
  if (times.length === 0) return undefined;
  return Math.floor((Math.min(...times) - 86_400_000) / 1000);
}

/**
 * The diff of a mail (from its first line that starts with "diff "), as `git patch-id` reads it;
 * undefined when the body holds no plain diff (an encoded MIME body, or no change).
 */
export function diffOf(mail: Buffer): Buffer | undefined {
  const body = headerEnd(mail);
  if (mail.subarray(body, body + 5).toString('latin1') === 'diff ') return mail.subarray(body);
  const at = mail.indexOf('\ndiff ', body);
  return at === -1 ? undefined : mail.subarray(at + 1);
}

/** The mails as one mbox for `git am`: each starts with a From line and ends with a line break. */
export function joinMails(mails: Buffer[]): Buffer {
  const parts: Buffer[] = [];
  for (const mail of mails) {
    if (!isFromLine(mail, 0, mail.indexOf(LF) === -1 ? mail.length : mail.indexOf(LF) + 1))
      parts.push(SYNTHETIC_FROM);
    parts.push(mail);
    if (mail[mail.length - 1] !== LF) parts.push(Buffer.from('\n'));
  }
  return Buffer.concat(parts);
}

/**
 * `message` with `trailer` added as git's `commit --trailer` adds it: into the last paragraph when
 * that is a block of trailers (not the subject), else as a paragraph of its own. Unchanged when the
 * trailer is there already. Works on bytes read as latin-1, so any encoding passes through.
 */
export function withTrailer(message: string, trailer: string): string {
  const text = message.replace(/\n+$/, '');
  if (text.split('\n').some((line) => line.trim() === trailer)) return message;
  const split = text.lastIndexOf('\n\n');
  const last = split === -1 ? undefined : text.slice(split + 2);
  const isTrailerBlock =
    last !== undefined &&
    last.split('\n').every((line, i) => /^[A-Za-z0-9-]+:\s/.test(line) || (i > 0 && /^\s+\S/.test(line)));
  return `${text}${isTrailerBlock ? '\n' : '\n\n'}${trailer}\n`;
}

/**
 * A `git fast-export` stream with `trailer` added to every commit's message, and whether any
 * message changed. Everything else (paths, modes, object ids, identities) passes byte for byte.
 */
export function addTrailerToExport(stream: Buffer, trailer: string): { stream: Buffer; changed: boolean } {
  const out: Buffer[] = [];
  let changed = false;
  let inCommit = false;
  let at = 0;
  while (at < stream.length) {
    const lf = stream.indexOf(LF, at);
    const end = lf === -1 ? stream.length : lf + 1;
    const line = stream.subarray(at, end).toString('latin1');
    const data = /^data (\d+)\n$/.exec(line);
    if (data) {
      const length = Number(data[1]);
      const content = stream.subarray(end, end + length);
      if (inCommit) {
        const before = content.toString('latin1');
        const after = withTrailer(before, trailer);
        changed ||= after !== before;
        const bytes = Buffer.from(after, 'latin1');
        out.push(Buffer.from(`data ${bytes.length}\n`), bytes);
        inCommit = false;
      } else {
        out.push(stream.subarray(at, end + length));
      }
      at = end + length;
      continue;
    }
    if (line.startsWith('commit ')) inCommit = true;
    out.push(stream.subarray(at, end));
    at = end;
  }
  return { stream: Buffer.concat(out), changed };
}
