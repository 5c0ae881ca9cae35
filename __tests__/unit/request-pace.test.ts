import {
  ContentPace,
  GITHUB_CONTENT_LIMITS,
  isContentGenerating,
  nextStart
} from '../../src/request-pace.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

describe('isContentGenerating', () => {
  it.each([
    ['POST', '/repos/{owner}/{repo}/pulls', true],
    ['POST', '/repos/octo-org/fleet-1/pulls', true],
    ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', true],
    ['POST', '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', true],
    ['DELETE', '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', true],
    ['GET', '/repos/{owner}/{repo}/pulls', false],
    ['PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}', false],
    ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', false],
    ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/assignees', false],
    ['POST', '/repos/{owner}/{repo}/git/refs', false],
    ['POST', '/repos/{owner}/{repo}/git/blobs', false]
  ])('%s %s: %s', (method, url, expected) => {
    expect(isContentGenerating({ method, url })).toBe(expected);
  });

  it('GraphQL: mutations count, queries do not, on github.com and on GHES', () => {
    const mutation = '# sign\n  mutation CreateSignedCommit($input: CreateCommitOnBranchInput!) { x }';
    expect(isContentGenerating({ method: 'POST', url: '/graphql', query: mutation })).toBe(true);
    expect(
      isContentGenerating({ method: 'POST', url: 'https://ghe.example/api/graphql', query: mutation })
    ).toBe(true);
    expect(
      isContentGenerating({ method: 'POST', url: '/graphql', query: 'query { viewer { login } }' })
    ).toBe(false);
    expect(isContentGenerating({ method: 'POST', url: '/graphql', query: '{ viewer { login } }' })).toBe(
      false
    );
  });
});

describe('nextStart', () => {
  it('is now while every window has room: no fixed wait between requests', () => {
    expect(nextStart([], 1000, GITHUB_CONTENT_LIMITS)).toBe(1000);
    const recent = Array.from({ length: 79 }, (_, i) => 1000 + i);
    expect(nextStart(recent, 1100, GITHUB_CONTENT_LIMITS)).toBe(1100);
  });

  it('waits for the 80th latest to leave the minute, then for the 500th latest to leave the hour', () => {
    const burst = Array.from({ length: 80 }, (_, i) => 1000 + i);
    expect(nextStart(burst, 1100, GITHUB_CONTENT_LIMITS)).toBe(1000 + MINUTE);
    // 500 spread over 50 minutes: the minute has room, the hour does not.
    const spread = Array.from({ length: 500 }, (_, i) => i * 6000);
    const now = 500 * 6000;
    expect(nextStart(spread, now, GITHUB_CONTENT_LIMITS)).toBe(HOUR);
  });
});

describe('ContentPace', () => {
  /** A clock that only moves when the pace sleeps or a request takes time. */
  function virtualPace() {
    let now = 0;
    const pace = new ContentPace(GITHUB_CONTENT_LIMITS, {
      now: () => now,
      sleep: (ms) => {
        now += ms;
        return Promise.resolve();
      }
    });
    const spans: Array<{ start: number; end: number }> = [];
    const request = async (): Promise<void> => {
      const start = now;
      await Promise.resolve();
      now += 250;
      spans.push({ start, end: now });
    };
    return { pace, spans, request, waits: [] as number[] };
  }

  it('1,200 requests at once: one at a time, at most 80 in any minute and 500 in any hour, no wait below', async () => {
    const { pace, spans, request, waits } = virtualPace();
    await Promise.all(Array.from({ length: 1200 }, () => pace.run(request, (ms) => waits.push(ms))));
    expect(spans).toHaveLength(1200);
    const starts = spans.map((s) => s.start);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
    for (const start of starts) {
      expect(starts.filter((s) => s > start - MINUTE && s <= start).length).toBeLessThanOrEqual(80);
      expect(starts.filter((s) => s > start - HOUR && s <= start).length).toBeLessThanOrEqual(500);
    }
    // The first 80 go back to back; the 81st waits for the minute; the 501st for the hour.
    for (let i = 1; i < 80; i++) expect(spans[i].start).toBe(spans[i - 1].end);
    expect(spans[80].start).toBe(spans[0].end + MINUTE);
    expect(spans[500].start).toBe(spans[0].end + HOUR);
    expect(waits.length).toBeGreaterThan(0);
  });

  it('a failed request counts and frees the turn', async () => {
    const { pace, spans, request } = virtualPace();
    await expect(pace.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await pace.run(request);
    expect(spans).toHaveLength(1);
  });
});
