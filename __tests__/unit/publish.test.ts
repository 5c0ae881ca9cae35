import type { CommitInfo } from '../../src/git.js';
import type { PullRequest } from '../../src/github-pulls.js';
import {
  foreignCommits,
  isOurs,
  missingExtras,
  planPublish,
  pushBackoffMs,
  pushRetryDelay,
  textMatches,
  withoutReviewed,
  withoutRunLinks,
  type BranchCommit,
  type BranchFacts,
  type DesiredPullRequest,
  type Policy,
  type PullRequestExtras,
  type RemoteBranch
} from '../../src/plan.js';

const target: CommitInfo = { sha: 'T', tree: 'tree-T', parents: ['T0'] };
const local: CommitInfo = { sha: 'L', tree: 'tree-L', parents: ['T'] };
const desired: DesiredPullRequest = {
  title: 'Regenerate',
  body: 'Body',
  labels: ['bot'],
  reviewers: [],
  teamReviewers: [],
  assignees: [],
  milestone: undefined,
  autoMerge: undefined
};
const NO_EXTRAS: PullRequestExtras = {
  labels: [],
  reviewers: [],
  teamReviewers: [],
  assignees: [],
  milestone: undefined,
  autoMerge: undefined,
  authorAsReviewer: undefined
};
const policy: Policy = { overwriteForeignCommits: false, deleteBranch: false };
const pr: PullRequest = {
  number: 3,
  nodeId: 'PR_3',
  url: 'https://github.com/o/r/pull/3',
  title: 'Regenerate',
  body: 'Body',
  draft: false,
  author: 'app[bot]',
  labels: ['bot'],
  reviewers: [],
  teamReviewers: [],
  assignees: [],
  milestone: undefined,
  autoMerge: undefined
};
const ours: BranchCommit = { sha: 'R', parents: ['T'], subject: 'Regenerate', author: 'bot', ours: true };
const foreign: BranchCommit = {
  sha: 'F',
  parents: ['R'],
  subject: 'Fix by hand',
  author: 'Ann',
  ours: false
};
/** The target's old tip, amended, squashed or dropped since: still under our commit on the branch. */
const oldBase: BranchCommit = {
  sha: 'O',
  parents: ['T0'],
  subject: 'Squash (#1)',
  author: 'Main Tainer',
  ours: false
};
const oursOnOldBase: BranchCommit = { ...ours, parents: ['O'] };

function remote(overrides: Partial<RemoteBranch> = {}): RemoteBranch {
  return { sha: 'R', tree: 'tree-L', basedOnTarget: true, commits: [ours], ...overrides };
}

function facts(overrides: Partial<BranchFacts>): BranchFacts {
  return { target, local, remoteBranch: undefined, openPullRequest: undefined, ...overrides };
}

const noChange = { sha: 'T', tree: 'tree-T', parents: ['T0'] };

describe('planPublish', () => {
  test('nothing changed and no pull request: nothing at all', () => {
    expect(planPublish(facts({ local: noChange }), desired, policy)).toEqual({
      operation: 'none',
      push: undefined,
      pullRequest: 'none',
      extras: NO_EXTRAS,
      deleteBranch: false,
      headSha: undefined,
      blockedBy: []
    });
  });

  test('first publish: push a new branch, create the pull request', () => {
    expect(planPublish(facts({}), desired, policy)).toEqual({
      operation: 'created',
      push: { expectedTip: undefined },
      pullRequest: 'create',
      extras: { ...NO_EXTRAS, labels: ['bot'] },
      deleteBranch: false,
      headSha: 'L',
      blockedBy: []
    });
  });

  test('same tree already on the branch, on the current target, with its pull request: unchanged', () => {
    expect(
      planPublish(facts({ remoteBranch: remote(), openPullRequest: pr }), desired, policy)
    ).toMatchObject({
      operation: 'unchanged',
      push: undefined,
      pullRequest: 'keep',
      extras: NO_EXTRAS,
      headSha: 'R'
    });
  });

  test('same tree but the target moved on: rebuild and push, leased on the old tip', () => {
    const plan = planPublish(
      facts({ remoteBranch: remote({ basedOnTarget: false }), openPullRequest: pr }),
      desired,
      policy
    );
    expect(plan).toMatchObject({
      operation: 'updated',
      push: { expectedTip: 'R' },
      pullRequest: 'keep',
      headSha: 'L'
    });
  });

  test('new content: push leased on the remote tip', () => {
    expect(
      planPublish(facts({ remoteBranch: remote({ tree: 'tree-OLD' }), openPullRequest: pr }), desired, policy)
    ).toMatchObject({
      operation: 'updated',
      push: { expectedTip: 'R' }
    });
  });

  test('branch current but its pull request was closed: a new pull request, no push', () => {
    expect(planPublish(facts({ remoteBranch: remote() }), desired, policy)).toMatchObject({
      operation: 'created',
      push: undefined,
      pullRequest: 'create',
      headSha: 'R'
    });
  });

  test('a new title or a missing label updates the pull request only', () => {
    expect(
      planPublish(
        facts({ remoteBranch: remote(), openPullRequest: { ...pr, title: 'Old' } }),
        desired,
        policy
      )
    ).toMatchObject({
      operation: 'updated',
      push: undefined,
      pullRequest: 'update'
    });
    expect(
      planPublish(facts({ remoteBranch: remote(), openPullRequest: { ...pr, labels: [] } }), desired, policy)
    ).toMatchObject({
      operation: 'updated',
      pullRequest: 'keep',
      extras: { ...NO_EXTRAS, labels: ['bot'] }
    });
  });

  test('a rerun from another workflow run is unchanged: the run link in the body is no reason to edit', () => {
    const link = (run: string) =>
      `Automated changes published by [this workflow run](https://github.com/o/w/actions/runs/${run}) with outbox-publisher.`;
    const opened = { ...pr, body: link('100') };
    for (const run of ['101', '100/attempts/2']) {
      expect(
        planPublish(
          facts({ remoteBranch: remote(), openPullRequest: opened }),
          { ...desired, body: link(run) },
          policy
        )
      ).toMatchObject({
        operation: 'unchanged',
        pullRequest: 'keep',
        push: undefined
      });
    }
    expect(
      planPublish(
        facts({ remoteBranch: remote(), openPullRequest: opened }),
        { ...desired, body: `${link('101')} More.` },
        policy
      )
    ).toMatchObject({
      operation: 'updated',
      pullRequest: 'update'
    });
  });

  test('extras the pull request lacks make it updated; those it has, in any letter case, do not', () => {
    const wanted = {
      ...desired,
      labels: ['Bot'],
      reviewers: ['Ann'],
      teamReviewers: ['core'],
      assignees: ['bob'],
      milestone: 2,
      autoMerge: 'squash'
    };
    const complete = {
      ...pr,
      reviewers: ['ann'],
      teamReviewers: ['Core'],
      assignees: ['BOB'],
      milestone: 2,
      autoMerge: 'squash'
    };
    expect(
      planPublish(facts({ remoteBranch: remote(), openPullRequest: complete }), wanted, policy)
    ).toMatchObject({ operation: 'unchanged', extras: NO_EXTRAS });
    expect(
      planPublish(
        facts({
          remoteBranch: remote(),
          openPullRequest: { ...complete, reviewers: [], milestone: 1, autoMerge: 'merge' }
        }),
        wanted,
        policy
      )
    ).toMatchObject({
      operation: 'updated',
      pullRequest: 'keep',
      push: undefined,
      extras: { ...NO_EXTRAS, reviewers: ['Ann'], milestone: 2, autoMerge: 'squash' }
    });
  });

  test('a commit someone else made on the branch blocks the publish', () => {
    const plan = planPublish(
      facts({ remoteBranch: remote({ tree: 'tree-X', commits: [ours, foreign] }), openPullRequest: pr }),
      desired,
      policy
    );
    expect(plan).toMatchObject({ blockedBy: [foreign], push: undefined, pullRequest: 'none' });
  });

  test('...unless overwriting is allowed, and then the branch is never taken as up to date', () => {
    const plan = planPublish(
      facts({ remoteBranch: remote({ commits: [ours, foreign] }), openPullRequest: pr }),
      desired,
      { ...policy, overwriteForeignCommits: true }
    );
    expect(plan).toMatchObject({ blockedBy: [], operation: 'updated', push: { expectedTip: 'R' } });
  });

  test('changes already on the target: the pull request is closed, the branch deleted when asked', () => {
    expect(
      planPublish(facts({ local: noChange, remoteBranch: remote(), openPullRequest: pr }), desired, policy)
    ).toMatchObject({
      operation: 'closed',
      pullRequest: 'close',
      deleteBranch: false,
      headSha: 'R'
    });
    expect(
      planPublish(facts({ local: noChange, remoteBranch: remote(), openPullRequest: pr }), desired, {
        ...policy,
        deleteBranch: true
      })
    ).toMatchObject({
      operation: 'closed',
      deleteBranch: true,
      headSha: undefined
    });
  });

  test('a branch with foreign commits is closed but never deleted', () => {
    const plan = planPublish(
      facts({ local: noChange, remoteBranch: remote({ commits: [foreign] }), openPullRequest: pr }),
      desired,
      { overwriteForeignCommits: true, deleteBranch: true }
    );
    expect(plan).toMatchObject({ operation: 'closed', deleteBranch: false, blockedBy: [] });
  });
});

describe("which commits are someone else's", () => {
  test('the target was rewritten under our commit: its old history is not theirs, the branch is rebuilt', () => {
    const branch = remote({ sha: 'R', basedOnTarget: false, commits: [oldBase, oursOnOldBase] });
    const plan = planPublish(facts({ remoteBranch: branch, openPullRequest: pr }), desired, policy);
    expect(plan).toMatchObject({
      blockedBy: [],
      operation: 'updated',
      push: { expectedTip: 'R' },
      headSha: 'L'
    });
  });

  test('...with the same tree: still rebuilt on the new tip, never unchanged', () => {
    const branch = remote({
      sha: 'R',
      tree: 'tree-L',
      basedOnTarget: false,
      commits: [oldBase, oursOnOldBase]
    });
    expect(planPublish(facts({ remoteBranch: branch, openPullRequest: pr }), desired, policy)).toMatchObject({
      operation: 'updated',
      push: { expectedTip: 'R' }
    });
  });

  test('a fix pushed on top of our commit after the target was rewritten is refused, and only it is named', () => {
    const fix = { ...foreign, sha: 'F2', parents: ['R'] };
    const branch = remote({ sha: 'F2', basedOnTarget: false, commits: [oldBase, oursOnOldBase, fix] });
    const plan = planPublish(facts({ remoteBranch: branch, openPullRequest: pr }), desired, policy);
    expect(plan).toMatchObject({ blockedBy: [fix], push: undefined, pullRequest: 'none', operation: 'none' });
  });

  test('a branch with no commit of ours was rewritten by someone else: all of it is refused', () => {
    const a: BranchCommit = { sha: 'A', parents: ['T'], subject: 'Rewrite', author: 'Ann', ours: false };
    const b: BranchCommit = { sha: 'B', parents: ['A'], subject: 'More', author: 'Ann', ours: false };
    const plan = planPublish(
      facts({ remoteBranch: remote({ sha: 'B', commits: [a, b] }), openPullRequest: pr }),
      desired,
      policy
    );
    expect(plan).toMatchObject({ blockedBy: [a, b], push: undefined });
  });

  test('a branch all on the target (no commit of its own) holds nothing to lose', () => {
    const plan = planPublish(
      facts({
        remoteBranch: remote({ sha: 'T0', tree: 'tree-T0', basedOnTarget: false, commits: [] }),
        openPullRequest: pr
      }),
      desired,
      policy
    );
    expect(plan).toMatchObject({ blockedBy: [], operation: 'updated', push: { expectedTip: 'T0' } });
  });

  test('descent, not position: a merge onto our commit is theirs, history merged in beside it is not', () => {
    const side: BranchCommit = {
      sha: 'S',
      parents: ['T0'],
      subject: 'Old target work',
      author: 'Main Tainer',
      ours: false
    };
    const merge: BranchCommit = {
      sha: 'M',
      parents: ['R', 'S'],
      subject: 'Merge main',
      author: 'Ann',
      ours: false
    };
    expect(foreignCommits([ours, side, merge])).toEqual([merge]);
    // Our later commits on top of someone's fix do not make the fix ours.
    const oursAgain: BranchCommit = { ...ours, sha: 'R2', parents: ['F'] };
    expect(foreignCommits([oldBase, oursOnOldBase, foreign, oursAgain])).toEqual([foreign]);
  });

  test('a long branch: the one foreign commit among 300 is found wherever it is', () => {
    const commits: BranchCommit[] = [];
    for (let i = 1; i <= 300; i++) {
      commits.push({
        sha: `C${i}`,
        parents: [i === 1 ? 'T' : `C${i - 1}`],
        subject: `Commit ${i}`,
        author: i === 260 ? 'Ann' : 'bot',
        ours: i !== 260
      });
    }
    expect(foreignCommits(commits)).toEqual([commits[259]]);
    expect(foreignCommits(commits.map((c) => ({ ...c, ours: true })))).toEqual([]);
  });
});

describe('pull request text and extras', () => {
  test('run links are left out of the comparison, and so are CRLF line ends and trailing space', () => {
    expect(
      withoutRunLinks(
        'See https://github.com/o/r/actions/runs/123/attempts/4 and https://ghe.example/o/r/actions/runs/9.\r\n'
      )
    ).toBe('See https://github.com/o/r/actions/runs/… and https://ghe.example/o/r/actions/runs/….');
    expect(
      textMatches(
        { ...pr, body: 'Run https://github.com/o/r/actions/runs/1' },
        { title: 'Regenerate', body: 'Run https://github.com/o/r/actions/runs/2' }
      )
    ).toBe(true);
    expect(
      textMatches(
        { ...pr, body: 'Run https://github.com/o/r/actions/runs/1' },
        { title: 'Other', body: 'Run https://github.com/o/r/actions/runs/1' }
      )
    ).toBe(false);
    expect(
      textMatches({ ...pr, body: 'Line 1\r\nLine 2' }, { title: 'Regenerate', body: 'Line 1\nLine 2\n' })
    ).toBe(true);
    expect(textMatches({ ...pr, body: 'Edited by hand' }, { title: 'Regenerate', body: 'Body' })).toBe(false);
  });

  test('everything is missing from a pull request about to be created; the author is never asked to review', () => {
    const wanted = {
      ...desired,
      reviewers: ['ann', 'App[bot]'],
      assignees: ['ann'],
      milestone: 1,
      autoMerge: 'merge'
    };
    expect(missingExtras(undefined, wanted)).toEqual({
      ...NO_EXTRAS,
      labels: ['bot'],
      reviewers: ['ann', 'App[bot]'],
      assignees: ['ann'],
      milestone: 1,
      autoMerge: 'merge'
    });
    expect(missingExtras(pr, wanted)).toEqual({
      ...NO_EXTRAS,
      reviewers: ['ann'],
      assignees: ['ann'],
      milestone: 1,
      autoMerge: 'merge',
      authorAsReviewer: 'App[bot]'
    });
  });

  test('reviewers who reviewed are not asked again; nor are teams once anyone reviewed', () => {
    const extras = { ...NO_EXTRAS, reviewers: ['ann', 'Bob'], teamReviewers: ['core'] };
    expect(withoutReviewed(extras, [])).toEqual(extras);
    expect(withoutReviewed(extras, ['bob'])).toEqual({ ...NO_EXTRAS, reviewers: ['ann'], teamReviewers: [] });
  });
});

test('isOurs looks for the trailer line', () => {
  expect(isOurs('Regenerate\n\nPublished-by: outbox-publisher\n', 'Published-by: outbox-publisher')).toBe(
    true
  );
  expect(
    isOurs('Regenerate\n\nMentions Published-by: outbox-publisher inline\n', 'Published-by: outbox-publisher')
  ).toBe(false);
});

test('push backoff grows, is capped and jittered', () => {
  expect(pushBackoffMs(1, () => 0)).toBe(125);
  expect(pushBackoffMs(1, () => 1)).toBe(250);
  expect(pushBackoffMs(3, () => 1)).toBe(1000);
  expect(pushBackoffMs(10, () => 1)).toBe(4000);
});

test('push retries are bounded by time, and by attempts only when those are set', () => {
  const state = { attempt: 1, elapsedMs: 0, timeoutMs: 300_000, maxAttempts: undefined };
  expect(pushRetryDelay(state, () => 1)).toBe(250);
  // Many attempts are fine while time is left: the count alone never ends the retries.
  expect(pushRetryDelay({ ...state, attempt: 40, elapsedMs: 100_000 }, () => 1)).toBe(4000);
  expect(pushRetryDelay({ ...state, attempt: 40, elapsedMs: 297_000 }, () => 1)).toBeUndefined();
  expect(pushRetryDelay({ ...state, attempt: 40, elapsedMs: 297_000 }, () => 0)).toBe(2000);
  expect(pushRetryDelay({ ...state, timeoutMs: 0 }, () => 0)).toBeUndefined();
  expect(pushRetryDelay({ ...state, attempt: 3, maxAttempts: 3 })).toBeUndefined();
  expect(pushRetryDelay({ ...state, attempt: 2, maxAttempts: 3 }, () => 1)).toBe(500);
});
