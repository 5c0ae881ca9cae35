import {
  loginKeepsOffKeyring,
  parseGhVersion,
  supportsInsecureStorage,
  tokenVariables
} from '../../src/gh-auth.js';
import { CommandError, describeError, InputError } from '../../src/errors.js';
import { outputsOf, summaryRows, type Report } from '../../src/report.js';

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

test('errors read well', () => {
  expect(describeError(new InputError('repo', 'is bad', 'Fix it.'))).toBe("Input 'repo': is bad\nFix it.");
  expect(describeError(new Error('boom'))).toBe('Unexpected error: boom');
  expect(new CommandError('git push', 1, 'a\nb\n').message).toBe("'git push' failed with exit code 1:\na\nb");
});

test('outputs are the public contract', () => {
  const report: Report = {
    repository: 'o/r',
    mode: 'pull-request',
    targetBranch: 'main',
    branch: 'outbox/main',
    path: '/tmp/x',
    operation: 'created',
    pushed: true,
    dryRun: false,
    headSha: 'abc',
    pullRequest: { number: 5, url: 'https://github.com/o/r/pull/5' },
    commits: 2,
    files: [{ status: 'A', path: 'x' }]
  };
  expect(outputsOf(report)).toEqual({
    'pull-request-number': '5',
    'pull-request-url': 'https://github.com/o/r/pull/5',
    'pull-request-operation': 'created',
    'head-sha': 'abc',
    branch: 'outbox/main',
    pushed: 'true',
    commits: '2',
    path: '/tmp/x'
  });
  expect(summaryRows(report)).toContainEqual(['Files changed', '1']);
});

test('gh auth login runs only where the sandbox can keep gh off the keyring (the D-Bus Secret Service)', () => {
  expect(loginKeepsOffKeyring('linux')).toBe(true);
  expect(loginKeepsOffKeyring('freebsd')).toBe(true);
  expect(loginKeepsOffKeyring('darwin')).toBe(false);
  expect(loginKeepsOffKeyring('win32')).toBe(false);
});
