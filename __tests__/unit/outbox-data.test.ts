import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  addTrailerToExport,
  diffOf,
  historyStart,
  joinMails,
  mailDate,
  splitMails,
  withTrailer
} from '../../src/mbox.js';
import { checkWorkflowPolicy, workflowChanges } from '../../src/workflow-policy.js';

describe('workflow policy', () => {
  test('paths under .github/workflows, and .github or .github/workflows themselves, are workflow changes', () => {
    expect(
      workflowChanges([
        '.github/workflows/ci.yml',
        '.github/workflows/nested/x.yaml',
        '.GitHub/Workflows/upper.yml',
        '.github/workflows',
        '.github',
        '.github/workflows/ci.yml',
        '.github/CODEOWNERS',
        '.github/actions/setup/action.yml',
        'src/.github/workflows/x.yml',
        '.github/workflowsx/y.yml',
        'docs/workflows/x.yml'
      ])
    ).toEqual([
      '.GitHub/Workflows/upper.yml',
      '.github',
      '.github/workflows',
      '.github/workflows/ci.yml',
      '.github/workflows/nested/x.yaml'
    ]);
  });

  test('refused with one error that lists the files and names the opt-in; allowed when opted in', () => {
    expect(() => checkWorkflowPolicy(['README.md'], false)).not.toThrow();
    expect(() => checkWorkflowPolicy(['.github/workflows/a.yml'], true)).not.toThrow();
    expect(() =>
      checkWorkflowPolicy(['.github/workflows/b.yml', 'x', '.github/workflows/a\n::warning::INJ.yml'], false)
    ).toThrow(
      /^The changes touch 2 workflow file\(s\).*\n {2}"\.github\/workflows\/a\\n::warning::INJ\.yml"\n {2}\.github\/workflows\/b\.yml\nNothing was pushed\.\nIf these .*'allow-workflow-changes: true'/s
    );
  });
});

describe('mails as bytes', () => {
  const mail = (subject: string, body = 'diff --git a/x b/x\n') =>
    `From 1234567890123456789012345678901234567890 Mon Sep 17 00:00:00 2001\nFrom: A <a@example.com>\nDate: Tue, 3 Mar 2026 12:00:00 +0000\nSubject: [PATCH] ${subject}\n\n${body}`;

  /** How many mails real `git mailsplit -b --keep-cr` makes of `bytes`. */
  function gitSplit(bytes: Buffer): number {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mailsplit-'));
    const file = path.join(dir, 'in');
    fs.writeFileSync(file, bytes);
    fs.mkdirSync(path.join(dir, 'out'));
    const count = Number(
      execFileSync('git', ['mailsplit', '-b', '--keep-cr', `-o${path.join(dir, 'out')}`, file], {
        encoding: 'utf8'
      }).trim()
    );
    fs.rmSync(dir, { recursive: true, force: true });
    return count;
  }

  test.each([
    ['one mail', mail('one')],
    ['three mails', mail('a') + mail('b') + mail('c')],
    [
      'a body line that starts with From but is no date',
      mail('a', 'From me to you\nFrom here: 12:00\n') + mail('b')
    ],
    ['a body line that looks like a From line', mail('a', 'From x Mon Sep 17 00:00:00 2001\n')],
    ['an old year', mail('a', 'From x Mon Sep 17 00:00:00 1980\n')],
    ['CRLF lines', (mail('a') + mail('b')).replace(/\n/g, '\r\n')],
    ['leading blank lines', `\n\n  ${mail('a')}${mail('b')}`],
    ['a bare mail (no From line first)', `From: A <a@example.com>\nSubject: x\n\n${mail('inner')}`],
    ['no final newline', mail('a') + mail('b', 'diff --git a/y b/y')],
    ['latin-1 bytes', mail('caf\xe9', 'caf\xe9\n') + mail('b')]
  ])('splits like git mailsplit: %s', (_name, text) => {
    const bytes = Buffer.from(text, 'latin1');
    const mails = splitMails(bytes);
    expect(mails.length).toBe(gitSplit(bytes));
    // Nothing lost or changed, other than leading white space.
    expect(Buffer.concat(mails).toString('latin1')).toBe(text.replace(/^\s+/, ''));
  });

  test("the target's history that may hold the mails starts a day before the oldest date", () => {
    // Seconds, as git sends deepen-since: `git rev-parse --since=2026-03-02T11:00:00Z` says the same.
    const gitSeconds = (date: string) => Date.parse(date) / 1000;
    const start = historyStart([
      'Tue, 3 Mar 2026 12:00:00 +0100',
      'Wed, 4 Mar 2026 09:30:15 +0000',
      'not a date'
    ]);
    expect(start).toBe(gitSeconds('2026-03-02T11:00:00Z'));
    expect(historyStart(['', 'garbage'])).toBeUndefined();
    expect(historyStart([])).toBeUndefined();
  });

  test('an empty file holds no mail (git mailsplit calls it an empty mbox)', () => {
    expect(splitMails(Buffer.from(' \n\n'))).toEqual([]);
  });

  test('date, diff and a joined mbox', () => {
    const [a] = splitMails(Buffer.from(mail('a', 'Body.\n---\n x | 1 +\n\ndiff --git a/x b/x\n+1\n')));
    expect(mailDate(a)).toBe('Tue, 3 Mar 2026 12:00:00 +0000');
    expect(diffOf(a)!.toString()).toBe('diff --git a/x b/x\n+1\n');
    expect(diffOf(Buffer.from(mail('no diff', 'Just text.\n')))).toBeUndefined();
    const bare = Buffer.from('From: A <a@example.com>\nSubject: bare\n\ndiff --git a/x b/x');
    const joined = joinMails([bare, a]).toString();
    expect(
      joined.startsWith('From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\nFrom: A')
    ).toBe(true);
    expect(splitMails(Buffer.from(joined))).toHaveLength(2);
  });

  test('our trailer goes where git commit --trailer puts it, once', () => {
    const t = 'Published-by: outbox-publisher';
    expect(withTrailer('Subject\n', t)).toBe(`Subject\n\n${t}\n`);
    expect(withTrailer('Subject\n\nBody.\n', t)).toBe(`Subject\n\nBody.\n\n${t}\n`);
    expect(withTrailer('Subject\n\nBody.\n\nSigned-off-by: A <a@b>\n', t)).toBe(
      `Subject\n\nBody.\n\nSigned-off-by: A <a@b>\n${t}\n`
    );
    expect(withTrailer('Fix: a thing\n', t)).toBe(`Fix: a thing\n\n${t}\n`);
    expect(withTrailer(`Subject\n\n${t}\n`, t)).toBe(`Subject\n\n${t}\n`);
  });

  test('a fast-export stream gets the trailer in commit messages only, other bytes kept', () => {
    const blob = Buffer.from('blob\nmark :1\ndata 4\n\xff\x00\n\n', 'latin1');
    const commit = Buffer.from(
      'commit refs/heads/b\nmark :2\nauthor A <a@b> 1 +0000\ncommitter C <c@d> 2 +0000\ndata 8\ncaf\xe9 x\n\nfrom 1111111111111111111111111111111111111111\nM 100644 :1 "a\\nb"\n\n',
      'latin1'
    );
    const { stream, changed } = addTrailerToExport(
      Buffer.concat([blob, commit]),
      'Published-by: outbox-publisher'
    );
    expect(changed).toBe(true);
    expect(stream.toString('latin1')).toBe(
      'blob\nmark :1\ndata 4\n\xff\x00\n\ncommit refs/heads/b\nmark :2\nauthor A <a@b> 1 +0000\ncommitter C <c@d> 2 +0000\ndata 39\ncaf\xe9 x\n\nPublished-by: outbox-publisher\nfrom 1111111111111111111111111111111111111111\nM 100644 :1 "a\\nb"\n\n'
    );
    expect(addTrailerToExport(stream, 'Published-by: outbox-publisher').changed).toBe(false);
  });
});
