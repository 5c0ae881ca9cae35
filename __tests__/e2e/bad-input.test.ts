/**
 * Bad input, table-driven, through the built action: each case must end with exit code 1, one
 * `::error::` that names the input (or GITHUB_TOKEN), no stack trace, no request to GitHub, and
 * no file created outside the job's folders.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAction } from '../../test-support/run-action.js';
import { expectFailure, useEmulator } from './support.js';

const TOKEN = 'ghs_e2eBadInputToken00000000000000001';
const suite = useEmulator((emulator) => {
  emulator.addToken(TOKEN, { scopes: null });
  emulator.createRepo('octo-org/target');
});

type Case = [label: string, inputs: Record<string, string>, names: string, token?: string];

const long = (n: number, ch = 'a') => ch.repeat(n);
const CASES: Case[] = [
  // repositories
  ['repo without owner', { repo: 'a' }, 'repo'],
  ['repo with three parts', { repo: 'a/b/c' }, 'repo'],
  ['repo climbing up', { repo: '../x' }, 'repo'],
  ['repo with a shell command', { repo: 'a/b;touch /tmp/pwned' }, 'repo'],
  ['repo with a Cyrillic owner letter', { repo: '\u0430cme/tools' }, 'repo'],
  ['repo with a Cyrillic name letter', { repo: 'octo-org/r\u0435po' }, 'repo'],
  ['repo with a 200-character owner', { repo: `${long(200)}/r` }, 'repo'],
  ['repo with a 200-character name', { repo: `o/${long(200)}` }, 'repo'],
  ['repo owner starting with a hyphen', { repo: '-a/b' }, 'repo'],
  ['repo owner ending with a hyphen', { repo: 'a-/b' }, 'repo'],
  ['repo owner with a double hyphen', { repo: 'a--b/c' }, 'repo'],
  ['repo with .git', { repo: 'a/b.git' }, 'repo'],
  ['repo named .', { repo: 'a/.' }, 'repo'],
  ['repo named ..', { repo: 'a/..' }, 'repo'],
  ['repo with a space', { repo: 'a/b c' }, 'repo'],
  ['repo as a URL', { repo: 'https://github.com/a/b' }, 'repo'],
  ['repo with a trailing slash', { repo: 'a/b/' }, 'repo'],
  ['repo with a colon', { repo: 'a:b/c' }, 'repo'],
  ['repo with a DEL character', { repo: 'a/b\u007fc' }, 'repo'],
  // branches
  ['target starting with -', { 'target-branch': '-x' }, 'target-branch'],
  ['target with ..', { 'target-branch': 'main..x' }, 'target-branch'],
  ['target with a space', { 'target-branch': 'a b' }, 'target-branch'],
  ['target refs/heads/..', { 'target-branch': 'refs/heads/..' }, 'target-branch'],
  ['target with @{', { 'target-branch': '@{' }, 'target-branch'],
  ['target ending in .lock', { 'target-branch': 'x.lock' }, 'target-branch'],
  ['target with //', { 'target-branch': 'a//b' }, 'target-branch'],
  ['target with ~', { 'target-branch': 'a~1' }, 'target-branch'],
  ['target with ^', { 'target-branch': 'a^' }, 'target-branch'],
  ['target with :', { 'target-branch': 'a:b' }, 'target-branch'],
  ['target with ?', { 'target-branch': 'a?' }, 'target-branch'],
  ['target with *', { 'target-branch': 'a*' }, 'target-branch'],
  ['target with [', { 'target-branch': 'a[b' }, 'target-branch'],
  ['target with a backslash', { 'target-branch': 'a\\b' }, 'target-branch'],
  ['target with a hidden part', { 'target-branch': 'a/.hidden' }, 'target-branch'],
  ['target ending with .', { 'target-branch': 'x.' }, 'target-branch'],
  ['target @', { 'target-branch': '@' }, 'target-branch'],
  ['target HEAD', { 'target-branch': 'HEAD' }, 'target-branch'],
  [
    'target as a full ref (git accepts, GitHub would not)',
    { 'target-branch': 'refs/heads/main' },
    'target-branch'
  ],
  [
    'target that looks like a SHA',
    { 'target-branch': '0123456789abcdef0123456789abcdef01234567' },
    'target-branch'
  ],
  ['branch equal to the target', { 'target-branch': 'main', branch: 'main' }, 'branch'],
  ['branch starting with /', { branch: '/x' }, 'branch'],
  ['branch ending with /', { branch: 'x/' }, 'branch'],
  ['branch with a control character', { branch: 'a\u0007b' }, 'branch'],
  // tokens
  ['token with a newline', {}, 'GITHUB_TOKEN', 'ghs_abc\ndef0000000000000000000'],
  ['token with a quote', {}, 'GITHUB_TOKEN', 'ghs_abc"def0000000000000000000'],
  ['token with spaces', {}, 'GITHUB_TOKEN', 'ghs_abc def 000000000000000000'],
  ['token with a tab', {}, 'GITHUB_TOKEN', 'ghs_abc\tdef00000000000000000'],
  ['token of 10 KB', {}, 'GITHUB_TOKEN', `ghs_${long(10240, 'x')}`],
  ['token with non-ASCII', {}, 'GITHUB_TOKEN', 'ghs_abcdéf000000000000000000'],
  ['token with a semicolon', {}, 'GITHUB_TOKEN', 'ghs_abc;rm000000000000000000'],
  // paths
  ['path outside the workspace', { path: '/etc/outbox' }, 'path'],
  ['path climbing out', { path: '../../elsewhere' }, 'path'],
  ['path in /tmp', { path: '/tmp/outbox-clone' }, 'path'],
  ['outbox that is a file', { outbox: 'a-file.patch' }, 'outbox'],
  ['outbox that is an empty folder', { outbox: 'empty' }, 'outbox'],
  ['outbox that does not exist', { outbox: 'missing' }, 'outbox'],
  ['outbox outside the workspace', { outbox: '/etc' }, 'outbox'],
  ['outbox as the workspace itself', { outbox: '.' }, 'outbox'],
  // lists and names
  ['label of 51 characters', { labels: `ok,${long(51)}` }, 'labels'],
  ['label with a control character', { labels: 'a\u0001b' }, 'labels'],
  ['reviewer with a space', { reviewers: 'bad user' }, 'reviewers'],
  ['reviewer with a double hyphen', { reviewers: 'a--b' }, 'reviewers'],
  ['team reviewer with its organization', { 'team-reviewers': 'Org/Team' }, 'team-reviewers'],
  ['assignee starting with -', { assignees: '-x' }, 'assignees'],
  // choices, booleans and numbers
  ['mode pullrequest', { mode: 'pullrequest' }, 'mode'],
  ['mode PUSH', { mode: 'PUSH' }, 'mode'],
  ['mode merge', { mode: 'merge' }, 'mode'],
  ['mode pull_request', { mode: 'pull_request' }, 'mode'],
  ['auto-merge fast-forward', { 'auto-merge': 'fast-forward' }, 'auto-merge'],
  ['draft yes', { draft: 'yes' }, 'draft'],
  ['dry-run 1', { 'dry-run': '1' }, 'dry-run'],
  ['overwrite-foreign-commits maybe', { 'overwrite-foreign-commits': 'maybe' }, 'overwrite-foreign-commits'],
  ['delete-branch nope', { 'delete-branch': 'nope' }, 'delete-branch'],
  ['maintainer-can-modify y', { 'maintainer-can-modify': 'y' }, 'maintainer-can-modify'],
  ['push-attempts 0', { 'push-attempts': '0' }, 'push-attempts'],
  ['push-attempts 21', { 'push-attempts': '21' }, 'push-attempts'],
  ['push-attempts five', { 'push-attempts': 'five' }, 'push-attempts'],
  ['push-attempts 1.5', { 'push-attempts': '1.5' }, 'push-attempts'],
  ['push-timeout 5m', { 'push-timeout': '5m' }, 'push-timeout'],
  ['push-timeout 21601', { 'push-timeout': '21601' }, 'push-timeout'],
  ['milestone v1', { milestone: 'v1' }, 'milestone'],
  ['milestone 0', { milestone: '0' }, 'milestone'],
  ['max-wait -5', { 'max-wait': '-5' }, 'max-wait'],
  ['max-wait 99999', { 'max-wait': '99999' }, 'max-wait'],
  // identities and texts
  ['committer without an email', { committer: 'no email' }, 'committer'],
  ['author with a bad email', { author: 'Ann <ann>' }, 'author'],
  ['committer without a name', { committer: '<a@example.com>' }, 'committer'],
  ['title of 300 characters', { title: long(300) }, 'title'],
  ['title with a line break', { title: 'one\ntwo' }, 'title'],
  ['commit message with a bell', { 'commit-message': 'ring\u0007' }, 'commit-message']
];

test('the table is large enough', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(60);
});

describe('bad input', () => {
  test.each(CASES)('%s', async (_label, inputs, name, token = TOKEN) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-bad-'));
    const workspace = path.join(root, 'workspace');
    fs.mkdirSync(path.join(workspace, 'empty'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'a-file.patch'), 'not a folder\n');
    const before = fs.readdirSync(workspace).sort();
    const requests = suite.emulator.requests.length;

    const result = await runAction({
      token,
      root,
      inputs: { repo: 'octo-org/target', run: 'touch /tmp/pwned-by-run', ...inputs }
    });

    expectFailure(
      result,
      name === 'GITHUB_TOKEN' ? /^GITHUB_TOKEN is malformed: / : new RegExp(`^Input '${name}': `)
    );
    expect(result.post?.code).toBe(0);
    expect(suite.emulator.requests.length).toBe(requests);
    expect(fs.readdirSync(workspace).sort()).toEqual(before);
    expect(fs.readdirSync(result.dirs.runnerTemp)).toEqual([]);
    expect(fs.existsSync('/tmp/pwned')).toBe(false);
    expect(fs.existsSync('/tmp/pwned-by-run')).toBe(false);
    if (token.length < 1000) expect(result.main.log).not.toContain(token.trim());
  });
});
