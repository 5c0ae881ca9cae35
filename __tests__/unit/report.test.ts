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
