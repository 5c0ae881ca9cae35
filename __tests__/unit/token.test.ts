import { ActionError } from '../../src/errors.js';
import {
  expiryWarning,
  malformation,
  parseExpiration,
  readToken,
  reviewScopes,
  reviewTokenAccess,
  secretForms,
  tokenKind
} from '../../src/token.js';
import { parseScopes } from '../../src/token-facts.js';

describe('readToken', () => {
  function read(env: NodeJS.ProcessEnv) {
    const lines: string[] = [];
    const masks: string[] = [];
    try {
      const token = readToken(env, { info: (m) => lines.push(m), mask: (s) => masks.push(s) });
      return { token, lines, masks };
    } catch (error) {
      return { error: error as Error, lines, masks };
    }
  }

  test('reads, masks every form and names the kind', () => {
    const { token, lines, masks } = read({ GITHUB_TOKEN: 'ghp_abcdef123456' });
    expect(token).toBe('ghp_abcdef123456');
    expect(lines).toEqual([
      'Reading GitHub token from environment variable',
      'Successfully read GitHub token from environment',
      'Token kind: classic personal access token'
    ]);
    expect(masks).toEqual(
      expect.arrayContaining([
        'ghp_abcdef123456',
        Buffer.from('x-access-token:ghp_abcdef123456').toString('base64')
      ])
    );
    expect(lines.join('\n')).not.toContain('abcdef');
  });

  test.each([undefined, '', '   '])('unset or blank (%j) fails with the documented message', (value) => {
    const { error, masks } = read({ GITHUB_TOKEN: value });
    expect(error).toBeInstanceOf(ActionError);
    expect(error!.message.split('\n')[0]).toBe('GITHUB_TOKEN environment variable not set');
    expect(error!.message).toContain('env:');
    expect(masks).toEqual([]);
  });

  test.each(['ghp_a\nb123456789', 'ghp_ab 123456', 'ghp_ab\t12345', 'ghp_\x01abcdef', ' ghp_abcdef '])(
    'malformed %j is rejected, masked first',
    (value) => {
      const { error, masks } = read({ GITHUB_TOKEN: value });
      expect(error!.message).toMatch(/^GITHUB_TOKEN is malformed: it contains/);
      expect(error!.message).not.toContain(value.trim());
      expect(masks).toContain(value);
    }
  );
});

test('tokenKind recognises prefixes', () => {
  expect(tokenKind('ghp_x').id).toBe('classic');
  expect(tokenKind('github_pat_x').id).toBe('fine-grained');
  expect(tokenKind('ghs_x').id).toBe('installation');
  expect(tokenKind('gho_x').id).toBe('oauth');
  expect(tokenKind('ghu_x').id).toBe('user-to-server');
  expect(tokenKind('abc').id).toBe('unknown');
});

test('secretForms covers base64 and URL forms', () => {
  const forms = secretForms('tok/en+1');
  expect(forms).toContain('tok%2Fen%2B1');
  expect(forms).toContain(Buffer.from('x-access-token:tok/en+1').toString('base64'));
});

test('malformation', () => {
  expect(malformation('ghp_ok')).toBeUndefined();
  expect(malformation('v1.0123abcd-x')).toBeUndefined();
  expect(malformation('a"b')).toBe("contains '\"', which no GitHub token does");
  expect(malformation('é')).toBe('contains characters outside printable ASCII');
  expect(malformation('g'.repeat(256))).toBe('is 256 characters long; GitHub tokens have at most 255');
});

describe('scopes', () => {
  test('parseScopes', () => {
    expect(parseScopes(undefined)).toBeNull();
    expect(parseScopes('')).toEqual([]);
    expect(parseScopes('repo, read:org')).toEqual(['repo', 'read:org']);
  });

  test('no header: nothing to check, gh login works', () => {
    expect(reviewScopes(null, true)).toEqual({ missing: undefined, broad: [], ghLoginAccepts: true });
  });

  test('repo + read:org: gh login works', () => {
    expect(reviewScopes(['repo', 'read:org'], true)).toMatchObject({
      missing: undefined,
      ghLoginAccepts: true
    });
    expect(reviewScopes(['repo', 'admin:org'], true)).toMatchObject({
      ghLoginAccepts: true,
      broad: ['admin:org']
    });
  });

  test("the seed's scopes (repo, user:email) need the environment way", () => {
    expect(reviewScopes(['repo', 'user:email'], true)).toEqual({
      missing: undefined,
      broad: [],
      ghLoginAccepts: false
    });
  });

  test('public_repo is enough for a public repository only', () => {
    expect(reviewScopes(['public_repo'], false).missing).toBeUndefined();
    expect(reviewScopes(['public_repo'], true).missing).toMatch(/do not include 'repo'/);
    expect(reviewScopes(['read:org'], false).missing).toMatch(/'repo' or 'public_repo'/);
  });

  test('broad scopes are reported', () => {
    expect(reviewScopes(['repo', 'delete_repo', 'admin:repo_hook'], false).broad).toEqual([
      'delete_repo',
      'admin:repo_hook'
    ]);
  });

  test('reviewTokenAccess fails on a missing scope and warns on broad ones', () => {
    const warnings: string[] = [];
    expect(() =>
      reviewTokenAccess({ scopesHeader: 'gist', expirationHeader: null, isPrivate: true }, (w) =>
        warnings.push(w)
      )
    ).toThrow(ActionError);
    reviewTokenAccess({ scopesHeader: 'repo, delete_repo', expirationHeader: null, isPrivate: true }, (w) =>
      warnings.push(w)
    );
    expect(warnings).toEqual([expect.stringContaining('delete_repo')]);
  });
});

describe('expiry', () => {
  const now = new Date('2026-11-24T00:00:00Z');
  test('parses the header forms GitHub sends', () => {
    expect(parseExpiration('2026-12-01 10:00:00 UTC')?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(parseExpiration('2026-12-01 10:00:00 -0800')?.toISOString()).toBe('2026-12-01T18:00:00.000Z');
    expect(parseExpiration('soon')).toBeUndefined();
  });
  test('warns within 14 days, not after', () => {
    expect(expiryWarning('2026-12-01 00:00:00 UTC', now)).toMatch(/expires in 7 day/);
    expect(expiryWarning('2026-11-20 00:00:00 UTC', now)).toMatch(/has expired/);
    expect(expiryWarning('2027-01-01 00:00:00 UTC', now)).toBeUndefined();
    expect(expiryWarning(null, now)).toBeUndefined();
  });
});
