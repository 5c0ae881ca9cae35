import type { RawChange } from '../../src/git.js';
import {
  graphqlCannot,
  headlineAndBody,
  MAX_SIGNED_FILE_BYTES,
  planSigning,
  signedCommitMessage
} from '../../src/signing-plan.js';

const ZERO = '0'.repeat(40);
const change = (status: string, oldMode: string, newMode: string, path = 'f', blob = 'b'): RawChange => ({
  status,
  oldMode,
  newMode,
  oldBlob: ZERO,
  blob,
  path
});
const commit = (...changes: RawChange[]) => ({ sha: 'c'.repeat(40), changes });

describe('graphqlCannot', () => {
  test('regular files added, modified and deleted are fine', () => {
    for (const c of [
      change('A', '000000', '100644'),
      change('M', '100644', '100644'),
      change('D', '100755', '000000'),
      change('D', '120000', '000000')
    ])
      expect(graphqlCannot(c)).toBeUndefined();
  });
  test.each([
    [change('A', '000000', '100755', 'run.sh'), 'run.sh is executable'],
    [change('M', '100644', '100755', 'run.sh'), 'run.sh is executable'],
    [change('M', '100755', '100644', 'x'), 'x changes its file mode'],
    [change('A', '000000', '120000', 'link'), 'link is a symbolic link'],
    [change('A', '000000', '160000', 'sub'), 'sub is a submodule'],
    [change('D', '160000', '000000', 'sub'), 'sub removes a submodule'],
    [change('T', '100644', '120000', 't'), 't changes its type']
  ])('%j needs REST', (raw, message) => {
    expect(graphqlCannot(raw)).toContain(message);
  });
});

describe('planSigning', () => {
  const sizes = new Map([
    ['b', 10],
    ['big', MAX_SIGNED_FILE_BYTES + 1],
    ['half', 16 * 1024 * 1024]
  ]);
  test('GraphQL when every commit holds regular files only', () => {
    expect(
      planSigning([commit(change('A', '000000', '100644'), change('D', '100644', '000000'))], sizes)
    ).toEqual({ api: 'graphql' });
  });
  test('REST, with the first reason, when one commit has a mode GraphQL cannot write', () => {
    expect(
      planSigning(
        [commit(change('A', '000000', '100644')), commit(change('A', '000000', '120000', 'link'))],
        sizes
      )
    ).toEqual({ api: 'rest', why: 'link is a symbolic link' });
  });
  test('REST when one commit carries more contents than one GraphQL request may hold', () => {
    const plan = planSigning(
      [commit(change('A', '000000', '100644', 'a', 'half'), change('A', '000000', '100644', 'b', 'half'))],
      sizes
    );
    expect(plan).toMatchObject({ api: 'rest', why: expect.stringMatching(/MiB of base64/) as string });
  });
  test('a file over 40 MiB is refused by name; a deleted or submodule entry has no size', () => {
    const plan = planSigning([commit(change('A', '000000', '100644', 'huge "x".bin', 'big'))], sizes);
    expect(plan).toMatchObject({
      refused: expect.stringMatching(
        /^"huge \\"x\\"\.bin" is 40\.0 MiB \(41943041 bytes\), more than the 40 MiB/
      ) as string
    });
    expect(planSigning([commit(change('A', '000000', '160000', 's', 'big'))], sizes)).toMatchObject({
      api: 'rest'
    });
  });
  test('a mode no API writes is refused', () => {
    expect(planSigning([commit(change('M', '100644', '100664', 'old'))], sizes)).toMatchObject({
      refused: expect.stringMatching(/'old' has the file mode 100664/) as string
    });
  });
});

describe('signedCommitMessage', () => {
  test('keeps the message and credits the original author, once', () => {
    const message = signedCommitMessage('Subject\n\nBody line\n\nPublished-by: outbox-publisher', {
      name: 'Ann',
      email: 'ann@example.com'
    });
    expect(message).toBe(
      'Subject\n\nBody line\n\nPublished-by: outbox-publisher\nCo-authored-by: Ann <ann@example.com>'
    );
    expect(signedCommitMessage(message, { name: 'Ann', email: 'ann@example.com' })).toBe(message);
    expect(headlineAndBody(signedCommitMessage('Only a subject', { name: 'Ann', email: 'a@x' }))).toEqual({
      headline: 'Only a subject',
      body: 'Co-authored-by: Ann <a@x>'
    });
  });

  test('with signoff, the sign-off closes the trailers, once, after the co-author line', () => {
    const signoff = 'Signed-off-by: Bot <bot@x>';
    const ann = { name: 'Ann', email: 'a@x' };
    // As `git commit --signoff --trailer` wrote it here: the sign-off moves after Co-authored-by.
    expect(
      headlineAndBody(
        signedCommitMessage(`Subject\n\nBody\n\n${signoff}\nPublished-by: outbox-publisher`, ann, signoff)
      )
    ).toEqual({
      headline: 'Subject',
      body: `Body\n\nPublished-by: outbox-publisher\nCo-authored-by: Ann <a@x>\n${signoff}`
    });
    // An author's own sign-off (another line) stays where it is; a sign-off in the body text is text.
    expect(
      headlineAndBody(
        signedCommitMessage(`S\n\n${signoff} said\n\nSigned-off-by: Ann <a@x>\n${signoff}`, ann, signoff)
      ).body
    ).toBe(`${signoff} said\n\nSigned-off-by: Ann <a@x>\nCo-authored-by: Ann <a@x>\n${signoff}`);
    expect(headlineAndBody(signedCommitMessage('Only a subject', ann, signoff)).body).toBe(
      `Co-authored-by: Ann <a@x>\n${signoff}`
    );
  });
});
