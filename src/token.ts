import { ActionError } from './errors.js';
import { parseScopes, TOKEN_VARIABLE } from './token-facts.js';

export interface TokenKind {
  id: 'classic' | 'fine-grained' | 'installation' | 'oauth' | 'user-to-server' | 'unknown';
  label: string;
}

const KINDS: Array<[string, TokenKind]> = [
  ['github_pat_', { id: 'fine-grained', label: 'fine-grained personal access token' }],
  ['ghp_', { id: 'classic', label: 'classic personal access token' }],
  ['ghs_', { id: 'installation', label: 'GitHub App installation token (or the workflow GITHUB_TOKEN)' }],
  ['gho_', { id: 'oauth', label: 'OAuth app token' }],
  ['ghu_', { id: 'user-to-server', label: 'GitHub App user-to-server token' }]
];

export function tokenKind(token: string): TokenKind {
  for (const [prefix, kind] of KINDS) if (token.startsWith(prefix)) return kind;
  return { id: 'unknown', label: 'token of unknown kind (no known prefix)' };
}

/** Installation and fine-grained tokens carry no X-OAuth-Scopes, so gh's login takes them as they are. */
export function reportsNoScopes(token: string): boolean {
  return ['installation', 'fine-grained'].includes(tokenKind(token).id);
}

/** Every form in which the token could turn up in a log: all of them must be masked. */
export function secretForms(token: string): string[] {
  const forms = [
    token,
    Buffer.from(`x-access-token:${token}`).toString('base64'),
    Buffer.from(`${token}:x-oauth-basic`).toString('base64'),
    Buffer.from(`:${token}`).toString('base64'),
    Buffer.from(token).toString('base64'),
    encodeURIComponent(token)
  ];
  // Parts of a malformed multi-line value, so that no line of it shows either.
  for (const line of token.split(/[\r\n]+/)) if (line.trim().length >= 8) forms.push(line.trim());
  return [...new Set(forms)];
}

/** GitHub documents token lengths of up to 255 characters. */
const MAX_TOKEN_LENGTH = 255;

/** Why the value cannot be a GitHub token (letters, digits, '_', '.', '-'), or undefined when it can. */
export function malformation(token: string): string | undefined {
  if (/[\r\n]/.test(token)) return 'contains a line break';
  if (/[ \t]/.test(token)) return 'contains white space';
  if (/[\x00-\x1f\x7f]/.test(token)) return 'contains a control character';
  if (/[^\x21-\x7e]/.test(token)) return 'contains characters outside printable ASCII';
  const odd = /[^A-Za-z0-9_.-]/.exec(token);
  if (odd) return `contains '${odd[0]}', which no GitHub token does`;
  if (token.length > MAX_TOKEN_LENGTH)
    return `is ${token.length} characters long; GitHub tokens have at most ${MAX_TOKEN_LENGTH}`;
  return undefined;
}

export interface TokenReader {
  info(message: string): void;
  mask(secret: string): void;
}

/**
 * Reads the token from GITHUB_TOKEN and masks it (and its derived forms) before anything
 * else can print it. The environment variable is the only source on purpose: no input, no file.
 */
export function readToken(env: NodeJS.ProcessEnv, log: TokenReader): string {
  log.info('Reading GitHub token from environment variable');
  const raw = env[TOKEN_VARIABLE];
  if (raw === undefined || raw.trim() === '') {
    throw new ActionError(
      `${TOKEN_VARIABLE} environment variable not set`,
      "Map a secret into the step's environment: `env: { GITHUB_TOKEN: ${{ secrets.YOUR_TOKEN }} }` (or `${{ github.token }}` for the workflow token)."
    );
  }
  for (const form of secretForms(raw)) log.mask(form);
  const problem = malformation(raw);
  if (problem) {
    throw new ActionError(
      `${TOKEN_VARIABLE} is malformed: it ${problem}`,
      'Check the secret: a token is one word of printable characters, with no spaces or newlines around or inside it.'
    );
  }
  log.info('Successfully read GitHub token from environment');
  log.info(`Token kind: ${tokenKind(raw).label}`);
  return raw;
}

const ORG_SCOPES = ['read:org', 'write:org', 'admin:org'];

export interface ScopeReview {
  /** Set when the token cannot write to the repository: the message to fail with. */
  missing: string | undefined;
  /** Scopes the action does not need that widen the damage of a leak. */
  broad: string[];
  /**
   * Whether `gh auth login --with-token` will accept the token. gh demands `repo` and one of the
   * org scopes from any token that reports its scopes; tokens that report none pass.
   */
  ghLoginAccepts: boolean;
}

export function reviewScopes(scopes: string[] | null, repositoryIsPrivate: boolean): ScopeReview {
  if (scopes === null) return { missing: undefined, broad: [], ghLoginAccepts: true };
  const has = (scope: string) => scopes.includes(scope);
  const canWrite = has('repo') || (!repositoryIsPrivate && has('public_repo'));
  const needed = repositoryIsPrivate ? "'repo'" : "'repo' or 'public_repo'";
  const missing = canWrite
    ? undefined
    : `The token's scopes (${scopes.join(', ') || 'none'}) do not include ${needed}, which pushing to this repository needs.`;
  const broad = scopes.filter((scope) => scope === 'delete_repo' || scope.startsWith('admin:'));
  return { missing, broad, ghLoginAccepts: has('repo') && ORG_SCOPES.some(has) };
}

/**
 * Checks what the API told us about the token: fails when it cannot push, warns about broad
 * scopes and a near expiry. Returns the review, whose `ghLoginAccepts` picks gh's auth way.
 */
export function reviewTokenAccess(
  facts: { scopesHeader: string | null; expirationHeader: string | null; isPrivate: boolean },
  warn: (message: string) => void,
  now = new Date()
): ScopeReview {
  const review = reviewScopes(parseScopes(facts.scopesHeader), facts.isPrivate);
  if (review.missing)
    throw new ActionError(
      review.missing,
      `Give the token the ${facts.isPrivate ? "'repo'" : "'public_repo' (or 'repo')"} scope, or use a fine-grained token with contents and pull-requests write access.`
    );
  if (review.broad.length > 0) {
    warn(
      `The token carries scopes this action does not need: ${review.broad.join(', ')}. A token without them limits the damage if it leaks.`
    );
  }
  const expiry = expiryWarning(facts.expirationHeader, now);
  if (expiry) warn(expiry);
  return review;
}

/** Parses `github-authentication-token-expiration` ("2026-12-01 10:00:00 UTC" or "... -0800"). */
export function parseExpiration(header: string | undefined | null): Date | undefined {
  if (!header) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})\s*(UTC|Z|[+-]\d{2}:?\d{2})?$/.exec(
    header.trim()
  );
  if (!match) return undefined;
  const zone =
    !match[3] || match[3] === 'UTC' || match[3] === 'Z'
      ? 'Z'
      : match[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(`${match[1]}T${match[2]}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const EXPIRY_WARNING_DAYS = 14;

export function expiryWarning(header: string | undefined | null, now: Date): string | undefined {
  const expires = parseExpiration(header);
  if (!expires) return undefined;
  const days = (expires.getTime() - now.getTime()) / 86_400_000;
  if (days > EXPIRY_WARNING_DAYS) return undefined;
  const when =
    days <= 0
      ? 'has expired'
      : `expires in ${Math.max(1, Math.floor(days))} day(s), on ${expires.toISOString()}`;
  return `The token in ${TOKEN_VARIABLE} ${when}. Create a new one and update the secret before then.`;
}
