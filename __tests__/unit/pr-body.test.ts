import { codePointLength, fitBody, openFence, PR_BODY_MAX } from '../../src/pr-body.js';

describe('fitBody', () => {
  it('leaves a body of up to 65536 characters alone', () => {
    const body = 'x'.repeat(PR_BODY_MAX);
    expect(fitBody(body, 'body')).toEqual({ body, originalLength: PR_BODY_MAX, warning: undefined });
  });

  it('counts code points, as GitHub does: 65536 emoji fit though they are 131072 UTF-16 units', () => {
    const body = '😀'.repeat(PR_BODY_MAX);
    expect(body.length).toBe(2 * PR_BODY_MAX);
    expect(fitBody(body, 'body').warning).toBeUndefined();
  });

  it('cuts a longer body to exactly 65536 characters, with a note that says so', () => {
    const fitted = fitBody('y'.repeat(PR_BODY_MAX + 1), 'body-path');
    expect(codePointLength(fitted.body)).toBeLessThanOrEqual(PR_BODY_MAX);
    expect(codePointLength(fitted.body)).toBeGreaterThan(PR_BODY_MAX - 10);
    expect(fitted.body).toMatch(
      /y\n\n---\n\*\[Pull request body truncated: the 'body-path' input held 65537 characters/
    );
    expect(fitted.body).toMatch(/the first \d+ are shown\.\]\*$/);
    const kept = Number(/the first (\d+) are shown/.exec(fitted.body)![1]);
    expect(fitted.body.startsWith('y'.repeat(kept) + '\n')).toBe(true);
    expect(fitted.warning).toMatch(/'body-path' has 65537 characters.*cut to \d+/);
    expect(fitted.originalLength).toBe(PR_BODY_MAX + 1);
  });

  it('never splits an emoji', () => {
    const fitted = fitBody('😀'.repeat(PR_BODY_MAX + 5), 'body');
    expect(codePointLength(fitted.body)).toBeLessThanOrEqual(PR_BODY_MAX);
    expect(fitted.body).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it('closes a code fence the cut left open, so that the note is not code', () => {
    const body = '# Changes\n\n````diff\n' + '+ line\n'.repeat(20000) + '````\n';
    const fitted = fitBody(body, 'body');
    expect(codePointLength(fitted.body)).toBeLessThanOrEqual(PR_BODY_MAX);
    expect(fitted.body).toMatch(/\n````\n\n---\n\*\[Pull request body truncated/);
    expect(openFence(fitted.body)).toBeUndefined();
  });

  it('works with a small limit too', () => {
    const fitted = fitBody('z'.repeat(500), 'body', 300);
    expect(codePointLength(fitted.body)).toBeLessThanOrEqual(300);
    expect(fitted.body).toMatch(/^z+\n\n---/);
  });
});

describe('openFence', () => {
  it.each([
    ['no fence', 'text', undefined],
    ['an open fence', 'a\n```js\ncode', '```'],
    ['a closed fence', '```\ncode\n```\n', undefined],
    ['a longer closing fence', '```\ncode\n`````\n', undefined],
    ['a shorter closing fence does not close', '````\ncode\n```\n', '````'],
    ['tildes are not closed by backticks', '~~~\ncode\n```\n', '~~~'],
    ['an inline span is not a fence', '```not a fence``` here', undefined],
    ['indented four spaces is no fence', '    ```\ncode', undefined]
  ])('%s', (_name, markdown, expected) => {
    expect(openFence(markdown)).toBe(expected);
  });
});
