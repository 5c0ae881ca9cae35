import {
  authMode,
  loginKeepsOffKeyring,
  parseGhVersion,
  supportsInsecureStorage,
  tokenVariables
} from '../../src/gh-auth.js';

test('gh versions and --insecure-storage', () => {
  const debian = parseGhVersion(
    'gh version 2.23.0 (2023-02-27 Debian 2.23.0+dfsg1-1)\nhttps://github.com/cli/cli/releases/tag/v2.23.0\n'
  )!;
  expect(debian.text).toBe('2.23.0');
  expect(supportsInsecureStorage(debian)).toBe(false);
  expect(supportsInsecureStorage(parseGhVersion('gh version 2.26.0 (2023-03-28)')!)).toBe(true);
  expect(supportsInsecureStorage(parseGhVersion('gh version 3.0.0')!)).toBe(true);
  expect(parseGhVersion('hub 1.0')).toBeUndefined();
});

test('token variables per host', () => {
  expect(tokenVariables('github.com', 't')).toEqual({ GH_TOKEN: 't' });
  expect(tokenVariables('ghe.example.com', 't')).toEqual({
    GH_ENTERPRISE_TOKEN: 't',
    GH_HOST: 'ghe.example.com'
  });
});

test('gh auth login runs only where the sandbox can keep gh off the keyring (the D-Bus Secret Service)', () => {
  expect(loginKeepsOffKeyring('linux')).toBe(true);
  expect(loginKeepsOffKeyring('freebsd')).toBe(true);
  expect(loginKeepsOffKeyring('darwin')).toBe(false);
  expect(loginKeepsOffKeyring('win32')).toBe(false);
});

test('gh logs in only when it accepts the token and the keyring stays out of reach', () => {
  expect(authMode(true, 'linux')).toBe('login');
  expect(authMode(false, 'linux')).toBe('env');
  expect(authMode(true, 'darwin')).toBe('env');
  expect(authMode(true, 'win32')).toBe('env');
});
