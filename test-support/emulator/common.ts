import { createHash } from 'node:crypto';

export const DOC_URL = 'https://docs.github.com/rest';
export const ZERO_OID = '0'.repeat(40);
export const BASE_EPOCH = 1704103200; // 2024-01-01T10:00:00Z, for deterministic commits
// The error GitHub's enablePullRequestAutoMerge gives when the repository does not allow auto-merge.
export const AUTO_MERGE_NOT_ALLOWED = 'Pull request Auto merge is not allowed for this repository';
export const IDENTITY = { name: 'Upstream Octocat', email: 'upstream@users.noreply.github.com' };
// What the emulator shows as the signature of the commits GitHub signs (no real key is involved).
export const EMULATED_SIGNATURE =
  '-----BEGIN PGP SIGNATURE-----\n\n(signature made by the GitHub emulator, not a real one)\n-----END PGP SIGNATURE-----\n';
// The account GitHub signs web and API commits as.
export const WEB_FLOW = 'web-flow';

export function stableId(s: string): number {
  return 1000 + (createHash('sha256').update(s).digest().readUInt32BE(0) % 90_000_000);
}

export function nodeId(kind: string, id: number | string) {
  return `${kind}_${Buffer.from(`emu:${id}`).toString('base64url')}`;
}

export function isoNow() {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Whether a full ref name is safe to hand to git as a revision (no revision syntax, no option).
 */
export function isSafeRefName(ref: string) {
  return !ref.startsWith('-') && !/[\s~^:?*[\\\x00-\x1f\x7f]|\.\.|@\{|\/\/|\/$|\.lock(?:\/|$)|\/\./.test(ref);
}
