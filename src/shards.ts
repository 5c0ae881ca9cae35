/**
 * How a `sessions` step runs its list: `max-parallel` (how many at once) and `shard: i/n` (which
 * part of the list this matrix job takes). Pure, like src/sessions.ts.
 */
import { createHash } from 'node:crypto';
import { InputError } from './errors.js';
import { quotedName } from './log-text.js';

export const DEFAULT_MAX_PARALLEL = 4;
/**
 * The most sessions at work at once. Each runs git and gh processes and several API calls; GitHub
 * allows at most 100 concurrent API requests per token (secondary rate limit), and a 2- or 4-core
 * runner gains nothing past a few dozen clones at once.
 */
const MAX_PARALLEL = 32;
/** `shard: i/n` splits a list across a matrix, which has at most 256 jobs. */
const MAX_SHARDS = 256;

/** `max-parallel`: how many sessions run at once, `DEFAULT_MAX_PARALLEL` when empty. */
export function parseMaxParallel(value: string): number {
  const trimmed = value.trim();
  if (!trimmed) return DEFAULT_MAX_PARALLEL;
  if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1 || Number(trimmed) > MAX_PARALLEL) {
    throw new InputError(
      'max-parallel',
      `${quotedName(trimmed)} is not a whole number from 1 to ${MAX_PARALLEL}`,
      `Give how many sessions may run at once, for example ${DEFAULT_MAX_PARALLEL}.`
    );
  }
  return Number(trimmed);
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `shard: i/n` (1 <= i <= n <= 256), or undefined when empty: every session. */
export function parseShard(value: string): Shard | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const match = /^(\d{1,3})\s*\/\s*(\d{1,3})$/.exec(trimmed);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || index < 1 || count < 1 || index > count || count > MAX_SHARDS) {
    throw new InputError(
      'shard',
      `${quotedName(trimmed)} is not of the form 'i/n' with 1 <= i <= n <= ${MAX_SHARDS}`,
      "In a matrix, give for example shard: '${{ matrix.shard }}/4' with shard: [1, 2, 3, 4]."
    );
  }
  return { index, count };
}

/**
 * The shard (1..count) a session belongs to: a hash of what it writes to (`sessionKey`), not its
 * position. Each matrix job may build the list on its own (from a file in the repository, or from
 * an API listing); by position, one added or reordered entry would shift every later one, and a
 * session could be published by two shards or by none. By key, a session's shard depends on itself
 * alone. The price is balance: shards differ in size as a random split would (about sqrt(n) apart).
 */
export function shardOf(key: string, count: number): number {
  const digest = createHash('sha256').update(key, 'utf8').digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

/** The sessions of `shard`, in list order; all of them when there is no shard. */
export function selectShard<T extends { key: string }>(
  sessions: readonly T[],
  shard: Shard | undefined
): T[] {
  if (!shard) return [...sessions];
  return sessions.filter((session) => shardOf(session.key, shard.count) === shard.index);
}
