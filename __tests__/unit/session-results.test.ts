import {
  clip,
  failedCount,
  resultsOutput,
  sessionsSummaryLine,
  sessionsSummaryRows,
  type SessionOutcome
} from '../../src/session-results.js';

const ok: SessionOutcome = {
  repo: 'octo/app',
  targetBranch: 'main',
  operation: 'created',
  pullRequest: { number: 7, url: 'https://github.com/octo/app/pull/7' },
  pushed: true,
  headSha: 'a'.repeat(40),
  error: undefined
};
const failed: SessionOutcome = {
  repo: 'octo/lib',
  targetBranch: '',
  operation: 'none',
  pullRequest: undefined,
  pushed: false,
  headSha: undefined,
  error: "Input 'labels': 'x' is not a label"
};

describe('results output', () => {
  it('is a JSON array in list order with the documented keys', () => {
    expect(JSON.parse(resultsOutput([ok, failed]))).toEqual([
      {
        repo: 'octo/app',
        'target-branch': 'main',
        operation: 'created',
        'pull-request-number': 7,
        'pull-request-url': 'https://github.com/octo/app/pull/7',
        pushed: true,
        'head-sha': 'a'.repeat(40),
        error: ''
      },
      {
        repo: 'octo/lib',
        'target-branch': '',
        operation: 'failed',
        'pull-request-number': null,
        'pull-request-url': '',
        pushed: false,
        'head-sha': '',
        error: "Input 'labels': 'x' is not a label"
      }
    ]);
  });

  it('keeps what a failed session did publish (pushed, head) next to its error', () => {
    const [result] = JSON.parse(resultsOutput([{ ...ok, error: 'labels could not be added' }]));
    expect(result).toMatchObject({ operation: 'failed', pushed: true, 'pull-request-number': 7 });
  });

  it('caps a long error and says how much was cut', () => {
    const [result] = JSON.parse(resultsOutput([{ ...failed, error: 'x'.repeat(10000) }]));
    expect([...result.error].length).toBe(2000);
    expect(result.error).toMatch(/… \(\d+ more characters\)$/);
  });

  it('counts the failures', () => {
    expect(failedCount([ok, failed, failed])).toBe(2);
    expect(sessionsSummaryLine([ok, failed, failed])).toBe('3 sessions: 1 succeeded, 2 failed.');
    expect(sessionsSummaryLine([ok])).toBe('1 session: 1 succeeded, 0 failed.');
  });
});

describe('clip', () => {
  it('counts code points and never splits one', () => {
    expect(clip('😀😀😀', 3)).toBe('😀😀😀');
    const clipped = clip('😀'.repeat(100), 40);
    expect([...clipped].length).toBe(40);
    expect(clipped).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe('summary rows', () => {
  it('has a header and one row per session', () => {
    const rows = sessionsSummaryRows([ok, failed]);
    expect(rows[0]).toEqual(
      ['Repository', 'Target branch', 'Operation', 'Pull request', 'Pushed', 'Error'].map((data) => ({
        data,
        header: true
      }))
    );
    expect(rows[1]).toEqual([
      'octo/app',
      'main',
      'created',
      '<a href="https://github.com/octo/app/pull/7">#7</a>',
      'yes',
      ''
    ]);
    expect(rows[2][2]).toBe('failed');
    expect(rows[2][3]).toBe('—');
    expect(rows[2][5]).toContain('is not a label');
  });

  const hostile = [
    '<img src=x onerror=alert(1)>',
    '[link](https://evil.example)',
    '| cell | cell |',
    '**bold** _em_ `code`',
    '# heading',
    'line\nbreak\r\nand more',
    '<!-- comment',
    '](javascript:alert(1))',
    '::error::owned',
    '&lt;script&gt;'
  ];

  it.each(hostile)('renders %j as inert text in every column', (text) => {
    const outcome: SessionOutcome = {
      ...failed,
      repo: text,
      targetBranch: text,
      operation: text,
      error: text
    };
    const cells = sessionsSummaryRows([outcome])[1] as string[];
    for (const cell of [cells[0], cells[1], cells[5]]) {
      // Character references are how markup characters may appear; nothing else that opens markup.
      expect(cell.replace(/&#\d+;/g, '')).not.toMatch(/[<>[\]|*_`#&\n\r]/);
    }
  });

  it('links only an https URL, with the attribute escaped', () => {
    const link = (url: string) => sessionsSummaryRows([{ ...ok, pullRequest: { number: 3, url } }])[1][3];
    expect(link('javascript:alert(1)')).toBe('#3');
    expect(link('javascript://x%0Aalert(1)')).toBe('#3');
    expect(link('http://github.com/o/r/pull/3')).toBe('#3');
    expect(link('https://x/"><script>')).toBe('#3');
    expect(link("https://github.com/o/r/pull/3?a='b'&c")).toBe(
      '<a href="https://github.com/o/r/pull/3?a=&#39;b&#39;&#38;c">#3</a>'
    );
  });

  it('caps a long error in the table', () => {
    const cell = sessionsSummaryRows([{ ...failed, error: 'e'.repeat(5000) }])[1][5] as string;
    expect(cell.length).toBeLessThan(400);
    expect(cell).toMatch(/more characters/);
  });
});
