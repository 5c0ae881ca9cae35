import { outputsOf, summaryRows, type Report } from '../../src/report.js';

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
    changesDetected: true,
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
    path: '/tmp/x',
    'changes-detected': 'true',
    'changed-files': '1',
    'commits-verified': ''
  });
  expect(summaryRows(report)).toContainEqual(['Files changed', '1']);
  expect(outputsOf({ ...report, commitsVerified: true })['commits-verified']).toBe('true');
  expect(outputsOf({ ...report, commitsVerified: false })['commits-verified']).toBe('false');
});

test('changes-detected and changed-files: none, and a list that could not be read', () => {
  const base: Report = {
    repository: 'o/r',
    mode: 'pull-request',
    targetBranch: 'main',
    branch: 'outbox/main',
    path: '/tmp/x',
    operation: 'closed',
    pushed: false,
    dryRun: false,
    headSha: undefined,
    pullRequest: undefined,
    commits: 0,
    changesDetected: false,
    files: []
  };
  expect(outputsOf(base)).toMatchObject({ 'changes-detected': 'false', 'changed-files': '0' });
  const unknown = { ...base, operation: 'unchanged' as const, changesDetected: true, files: undefined };
  expect(outputsOf(unknown)).toMatchObject({ 'changes-detected': 'true', 'changed-files': '' });
  expect(summaryRows(unknown)).toContainEqual(['Files changed', 'unknown']);
});
