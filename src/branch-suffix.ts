/**
 * The pull request branch's name (`pullRequestBranch`), and its `branch-suffix`.
 *
 * `branch-suffix`: each run publishes on a branch of its own (`<branch>-<suffix>`) and so opens
 * its own pull request, instead of updating one. The kinds and formats are create-pull-request's
 * (src/create-pull-request.ts and src/utils.ts there):
 *
 * - `random`: 7 characters of [0-9a-z]. create-pull-request takes them from Math.random(); here
 *   they come from the random bytes the caller passes (crypto.randomBytes), read by rejection
 *   sampling so that every character is equally likely.
 * - `timestamp`: whole seconds since the Unix epoch, as create-pull-request writes it (it rounds,
 *   we floor, so that the suffix never names a second that has not begun).
 * - `short-commit-hash`: the first 7 hex digits of the commit the changes start from: the
 *   target branch's tip when the run began. create-pull-request takes `git rev-parse --short HEAD`
 *   of the checkout before it commits, i.e. its base, so runs on the same base share one branch
 *   and one pull request, and a new base opens a new one. (git's --short gives at least 7 digits,
 *   more in big repositories; a fixed 7 keeps the name predictable.)
 *
 * Everything here is pure: the caller passes the bytes, the time, or the sha.
 */
import { InputError } from './errors.js';
import { quotedName } from './log-text.js';

/** The pull request branch before any suffix: the `branch` input, or `outbox/<target>`. */
export function pullRequestBranch(branch: string | undefined, target: string): string {
  return branch || `outbox/${target}`;
}

export const BRANCH_SUFFIXES = ['random', 'timestamp', 'short-commit-hash'] as const;
export type BranchSuffix = (typeof BRANCH_SUFFIXES)[number];

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const RANDOM_SUFFIX_LENGTH = 7;
const SHORT_HASH_LENGTH = 7;
/** Enough bytes that rejection sampling (1 in 64 refused) runs short about never; see `randomSuffix`. */
export const RANDOM_BYTES_NEEDED = 32;

/** The `branch-suffix` input, or undefined when it is empty. */
export function parseBranchSuffix(value: string): BranchSuffix | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  if ((BRANCH_SUFFIXES as readonly string[]).includes(trimmed)) return trimmed as BranchSuffix;
  throw new InputError(
    'branch-suffix',
    `${quotedName(trimmed)} is not a branch suffix`,
    `Use ${BRANCH_SUFFIXES.map((s) => `'${s}'`).join(', ')}, or leave it empty.`
  );
}

/** What a suffix is made from; the caller supplies all three, only the one its kind needs is read. */
export interface SuffixSource {
  /** Random bytes, at least RANDOM_BYTES_NEEDED of them for `random`. */
  randomBytes: Uint8Array;
  /** Milliseconds since the epoch (Date.now()). */
  now: number;
  /** The commit the changes start from, the target's tip (40 or 64 hex digits). */
  baseSha: string;
}

/** The suffix of `kind`. */
export function branchSuffix(kind: BranchSuffix, source: SuffixSource): string {
  switch (kind) {
    case 'random':
      return randomSuffix(source.randomBytes);
    case 'timestamp':
      return timestampSuffix(source.now);
    case 'short-commit-hash':
      return shortHashSuffix(source.baseSha);
  }
}

/**
 * 7 characters of [0-9a-z]. Each byte below 252 (7 x 36) gives one character (its value mod 36);
 * a byte of 252 or more is skipped, so that no character is likelier than another.
 */
export function randomSuffix(bytes: Uint8Array): string {
  let suffix = '';
  for (const byte of bytes) {
    if (byte >= 252) continue;
    suffix += ALPHABET[byte % 36];
    if (suffix.length === RANDOM_SUFFIX_LENGTH) return suffix;
  }
  throw new RangeError(
    `randomSuffix: ${bytes.length} random bytes were not enough; pass ${RANDOM_BYTES_NEEDED}`
  );
}

export function timestampSuffix(nowMs: number): string {
  if (!Number.isFinite(nowMs) || nowMs < 0) throw new RangeError(`timestampSuffix: ${nowMs} is not a time`);
  return String(Math.floor(nowMs / 1000));
}

export function shortHashSuffix(sha: string): string {
  if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha)) {
    throw new RangeError(`shortHashSuffix: ${quotedName(sha)} is not a full commit hash`);
  }
  return sha.slice(0, SHORT_HASH_LENGTH);
}

/** `<branch>-<suffix>`, as create-pull-request joins them. */
export function withBranchSuffix(branch: string, suffix: string): string {
  return `${branch}-${suffix}`;
}
