import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { InputError } from './errors.js';
import { quoteName } from './log-text.js';
import { splitMails } from './mbox.js';

const PATCH = /\.(patch|mbox)$/;
export const BUNDLE = /\.bundle$/;

export interface OutboxResult {
  applied: number;
  skipped: number;
}

export interface OutboxLimits {
  /** Most changes: mails, and commits of bundles. */
  maxChanges: number;
  /** Most bytes all the outbox's files may hold together. */
  maxBytes: number;
}

interface OutboxFile {
  name: string;
  file: string;
  /** A patch file's mails as bytes (empty for a bundle). */
  mails: Buffer[];
}

/** An outbox read and counted, within its limits. */
export interface Outbox {
  files: OutboxFile[];
  limits: OutboxLimits;
  /** How many mails its patch files hold. */
  mails: number;
}

/** A name for a message: 'plain' in quotes, anything else C-quoted (see quoteName). */
export function shown(name: string): string {
  const quoted = quoteName(name);
  return quoted === name ? `'${name}'` : quoted;
}

/** The outbox's files in name order; an outbox that is not a folder, or holds none, is bad input. */
async function listOutbox(dir: string): Promise<string[]> {
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat)
    throw new InputError(
      'outbox',
      `'${dir}' does not exist`,
      'Download the artifact that holds the patches before this step, or leave the input empty.'
    );
  if (!stat.isDirectory())
    throw new InputError(
      'outbox',
      `'${dir}' is not a folder`,
      'Give the folder that holds the *.patch, *.mbox or *.bundle files.'
    );
  const files = (await fs.readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && (PATCH.test(entry.name) || BUNDLE.test(entry.name)))
    .map((entry) => entry.name)
    .sort();
  if (files.length === 0)
    throw new InputError('outbox', `'${dir}' holds no *.patch, *.mbox or *.bundle files`);
  return files.map((name) => path.join(dir, name));
}

export function tooManyChanges(count: number, limits: OutboxLimits): InputError {
  return new InputError(
    'outbox',
    `holds ${count} changes, more than 'outbox-max-changes' allows (${limits.maxChanges})`,
    "Nothing was applied or pushed. Publish the work in smaller outboxes, or raise 'outbox-max-changes'."
  );
}

/**
 * Reads the outbox before anything else runs, within its bounds: the sizes first (from the file
 * system, nothing read), then the mails, counted by scanning the bytes for mailsplit's From lines
 * (a 200,000-mail mbox is refused in a moment). Bundles are counted when they are opened.
 */
export async function readOutbox(dir: string, limits: OutboxLimits): Promise<Outbox> {
  const files = await listOutbox(dir);
  const sizes = await Promise.all(files.map(async (file) => (await fs.stat(file)).size));
  const tooBig = (bytes: number) =>
    new InputError(
      'outbox',
      `its ${files.length} file(s) hold ${bytes} bytes, more than 'outbox-max-bytes' allows (${limits.maxBytes})`,
      "Nothing was applied or pushed. Publish the work in smaller outboxes, or raise 'outbox-max-bytes'."
    );
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total > limits.maxBytes) throw tooBig(total);
  const outbox: Outbox = { files: [], limits, mails: 0 };
  let read = 0;
  for (const file of files) {
    const name = path.basename(file);
    if (BUNDLE.test(name)) {
      outbox.files.push({ name, file, mails: [] });
      continue;
    }
    const bytes = await fs.readFile(file);
    read += bytes.length;
    // A file that grew since it was measured is measured again.
    if (read > limits.maxBytes) throw tooBig(read);
    const mails = splitMails(bytes);
    if (mails.length === 0)
      throw new InputError(
        'outbox',
        `the file ${shown(name)} is empty`,
        'Give each patch file at least one mail (`git format-patch` output), or remove it.'
      );
    outbox.mails += mails.length;
    outbox.files.push({ name, file, mails });
  }
  if (outbox.mails > limits.maxChanges) throw tooManyChanges(outbox.mails, limits);
  return outbox;
}
