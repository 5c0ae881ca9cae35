/**
 * What every layer may know about the token without holding it: the variable it is read from,
 * and its scopes as GitHub reports them.
 */
export const TOKEN_VARIABLE = 'GITHUB_TOKEN';

/** `X-OAuth-Scopes` as a list; null when the header is absent (fine-grained and installation tokens). */
export function parseScopes(header: string | undefined | null): string[] | null {
  if (header === undefined || header === null) return null;
  return header
    .split(',')
    .map((scope) => scope.trim())
    .filter((scope) => scope.length > 0);
}
