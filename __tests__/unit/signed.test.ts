import type { RawChange } from '../../src/git.js';
import { signedMessage, unsignableChange } from '../../src/signed.js';

const change = (status: string, oldMode: string, newMode: string, path = 'f'): RawChange => ({
  status,
  oldMode,
  newMode,
  blob: 'b',
  path
});

describe('unsignableChange', () => {
  test('regular files added, modified and deleted are fine', () => {
    expect(
      unsignableChange([
        change('A', '000000', '100644'),
        change('M', '100644', '100644'),
        change('D', '100755', '000000'),
        change('D', '120000', '000000')
      ])
    ).toBeUndefined();
  });
  test.each([
    [change('A', '000000', '100755', 'run.sh'), "'run.sh' is executable"],
    [change('M', '100644', '100755', 'run.sh'), "'run.sh' is executable"],
    [change('M', '100755', '100644', 'x'), "'x' changes its file mode"],
    [change('A', '000000', '120000', 'link'), "'link' is a symbolic link"],
    [change('A', '000000', '160000', 'sub'), "'sub' is a submodule"],
    [change('D', '160000', '000000', 'sub'), "'sub' removes a submodule"],
    [change('T', '100644', '120000', 't'), "'t' changes its type"]
  ])('%j is refused', (raw, message) => {
    expect(unsignableChange([change('A', '000000', '100644'), raw])).toContain(message);
  });
});

describe('signedMessage', () => {
  test('keeps the message and credits the original author', () => {
    expect(
      signedMessage('Subject\n\nBody line\n\nPublished-by: outbox-publisher', {
        name: 'Ann',
        email: 'ann@example.com'
      })
    ).toEqual({
      headline: 'Subject',
      body: 'Body line\n\nPublished-by: outbox-publisher\nCo-authored-by: Ann <ann@example.com>'
    });
    expect(signedMessage('Only a subject', { name: 'Ann', email: 'a@x' })).toEqual({
      headline: 'Only a subject',
      body: 'Co-authored-by: Ann <a@x>'
    });
  });

  test('with signoff, the sign-off closes the trailers, once, after the co-author line', () => {
    const signoff = 'Signed-off-by: Bot <bot@x>';
    const ann = { name: 'Ann', email: 'a@x' };
    // As `git commit --signoff --trailer` wrote it here: the sign-off moves after Co-authored-by.
    expect(
      signedMessage(`Subject\n\nBody\n\n${signoff}\nPublished-by: outbox-publisher`, ann, signoff)
    ).toEqual({
      headline: 'Subject',
      body: `Body\n\nPublished-by: outbox-publisher\nCo-authored-by: Ann <a@x>\n${signoff}`
    });
    // An author's own sign-off (another line) stays where it is; a sign-off in the body text is text.
    expect(
      signedMessage(`S\n\n${signoff} said\n\nSigned-off-by: Ann <a@x>\n${signoff}`, ann, signoff).body
    ).toBe(`${signoff} said\n\nSigned-off-by: Ann <a@x>\nCo-authored-by: Ann <a@x>\n${signoff}`);
    expect(signedMessage('Only a subject', ann, signoff).body).toBe(`Co-authored-by: Ann <a@x>\n${signoff}`);
  });
});
