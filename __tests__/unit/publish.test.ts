import type { CommitInfo } from '../../src/git.js';
import type { PullRequest } from '../../src/github.js';
import { planPublish, type BranchFacts } from '../../src/publish.js';

const target: CommitInfo = { sha: 'T', tree: 'tree-T', parents: ['T0'] };
const local: CommitInfo = { sha: 'L', tree: 'tree-L', parents: ['T'] };
const desired = { title: 'Regenerate', body: 'Body', labels: ['bot'] };
const pr: PullRequest = { number: 3, url: 'https://github.com/o/r/pull/3', title: 'Regenerate', body: 'Body', draft: false, labels: ['bot'] };

function facts(overrides: Partial<BranchFacts>): BranchFacts {
  return { target, local, remoteBranch: undefined, openPullRequest: undefined, ...overrides };
}

describe('planPublish', () => {
  test('nothing changed: no push, no pull request', () => {
    expect(planPublish(facts({ local: { sha: 'T', tree: 'tree-T', parents: ['T0'] } }), desired)).toEqual({
      operation: 'none',
      push: undefined,
      pullRequest: 'none',
      labelsToAdd: [],
      headSha: undefined
    });
  });

  test('first publish: push a new branch, create the pull request', () => {
    expect(planPublish(facts({}), desired)).toEqual({
      operation: 'created',
      push: { expectedTip: undefined },
      pullRequest: 'create',
      labelsToAdd: ['bot'],
      headSha: 'L'
    });
  });

  test('same result already on the branch with its pull request: unchanged, nothing written', () => {
    const remoteBranch = { sha: 'R', tree: 'tree-L', parents: ['T'] };
    expect(planPublish(facts({ remoteBranch, openPullRequest: pr }), desired)).toEqual({
      operation: 'unchanged',
      push: undefined,
      pullRequest: 'keep',
      labelsToAdd: [],
      headSha: 'R'
    });
  });

  test('same tree on an old target: push again, leased on the old tip', () => {
    const remoteBranch = { sha: 'R', tree: 'tree-L', parents: ['OLD'] };
    const plan = planPublish(facts({ remoteBranch, openPullRequest: pr }), desired);
    expect(plan).toMatchObject({ operation: 'updated', push: { expectedTip: 'R' }, pullRequest: 'keep', headSha: 'L' });
  });

  test('new content: push leased on the remote tip, pull request kept', () => {
    const remoteBranch = { sha: 'R', tree: 'tree-OLD', parents: ['T'] };
    expect(planPublish(facts({ remoteBranch, openPullRequest: pr }), desired)).toMatchObject({ operation: 'updated', push: { expectedTip: 'R' } });
  });

  test('branch current but the pull request was closed: create a new one without pushing', () => {
    const remoteBranch = { sha: 'R', tree: 'tree-L', parents: ['T'] };
    expect(planPublish(facts({ remoteBranch }), desired)).toMatchObject({ operation: 'created', push: undefined, pullRequest: 'create', headSha: 'R' });
  });

  test('new title or missing label updates the pull request only', () => {
    const remoteBranch = { sha: 'R', tree: 'tree-L', parents: ['T'] };
    expect(planPublish(facts({ remoteBranch, openPullRequest: { ...pr, title: 'Old' } }), desired)).toMatchObject({
      operation: 'updated',
      push: undefined,
      pullRequest: 'update'
    });
    expect(planPublish(facts({ remoteBranch, openPullRequest: { ...pr, labels: [] } }), desired)).toMatchObject({
      operation: 'updated',
      pullRequest: 'keep',
      labelsToAdd: ['bot']
    });
  });
});
