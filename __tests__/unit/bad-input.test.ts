/**
 * Bad input, table-driven, where it is decided: the token is read (readToken), the inputs are
 * read from `INPUT_*` the way the runner sets them (action.yml's defaults, then the case's values,
 * through @actions/core's getInput), their paths resolved (resolveRealPaths) and parsed
 * (parseInputs), and the outbox listed (readOutbox), in the order the main step does it, before
 * any sandbox, clone or request. Each case must fail with one error that names the input (or
 * GITHUB_TOKEN) in the form the main step prints it, without the token in it, and without
 * touching the workspace or RUNNER_TEMP.
 *
 * A handful of these cases also run through the built action (__tests__/e2e/bad-input.test.ts),
 * which proves the wiring: one `::error::`, exit 1, no request, nothing pushed, no stack trace.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as core from '@actions/core';
import { parse } from 'yaml';
import { ActionError, InputError, describeError } from '../../src/errors.js';
import { readEventSession, withEventSession } from '../../src/event-session.js';
import { parseInputs } from '../../src/inputs.js';
import { readRunnerContext } from '../../src/runner-context.js';
import { readOutbox } from '../../src/outbox.js';
import { resolveRealPaths } from '../../src/real-paths.js';
import { readToken } from '../../src/token.js';

const TOKEN = 'ghs_e2eBadInputToken00000000000000001';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const declared = (
  parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  }
).inputs;

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
  ['branch with ..', { branch: 'main..x' }, 'branch'],
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
  ['draft maybe', { draft: 'maybe' }, 'draft'],
  ['dry-run 1', { 'dry-run': '1' }, 'dry-run'],
  ['overwrite-foreign-commits maybe', { 'overwrite-foreign-commits': 'maybe' }, 'overwrite-foreign-commits'],
  ['delete-branch nope', { 'delete-branch': 'nope' }, 'delete-branch'],
  ['maintainer-can-modify y', { 'maintainer-can-modify': 'y' }, 'maintainer-can-modify'],
  ['push-to-fork without an owner', { 'push-to-fork': 'just-a-name' }, 'push-to-fork'],
  ['push-to-fork with a bad owner', { 'push-to-fork': '-bad/fork' }, 'push-to-fork'],
  ['push-to-fork with mode push', { 'push-to-fork': 'bot/fork', mode: 'push' }, 'push-to-fork'],
  ['push-to-fork with sign-commits', { 'push-to-fork': 'bot/fork', 'sign-commits': 'true' }, 'push-to-fork'],
  [
    'push-to-fork naming the target',
    { repo: 'octo-org/app', 'push-to-fork': 'Octo-Org/App' },
    'push-to-fork'
  ],
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

const inputVariable = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

/**
 * What the main step does with the token and the inputs before its first sandbox, clone or
 * request (src/main.ts `run`, up to `readOutbox`), with the environment the e2e harness gives it.
 */
async function validate(
  env: NodeJS.ProcessEnv,
  masks: string[],
  log: string[] = []
): Promise<{ inputsRead: boolean; outboxRead: boolean }> {
  const saved = { ...process.env };
  // core.getInput reads process.env, as on the runner.
  for (const name of Object.keys(process.env)) if (name.startsWith('INPUT_')) delete process.env[name];
  Object.assign(process.env, env);
  try {
    readToken(env, { info: (line) => log.push(line), mask: (secret) => masks.push(secret) });
    const requested = readEventSession(env.GITHUB_EVENT_NAME, undefined);
    const { context, realPaths } = await resolveRealPaths(readRunnerContext(env), (name) =>
      core.getInput(name)
    );
    const inputs = parseInputs(
      withEventSession(
        (name) => core.getInput(name),
        requested,
        () => {}
      ),
      context,
      realPaths
    );
    if (inputs.outbox)
      await readOutbox(inputs.outbox, {
        maxChanges: inputs.outboxMaxChanges,
        maxBytes: inputs.outboxMaxBytes
      });
    return { inputsRead: true, outboxRead: inputs.outbox !== undefined };
  } finally {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  }
}

test('the table is large enough', () => {
  expect(CASES.length).toBeGreaterThanOrEqual(60);
});

test('the same environment with good inputs passes validation (the cases fail for their input alone)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-bad-unit-'));
  try {
    const workspace = path.join(dir, 'workspace');
    fs.mkdirSync(path.join(workspace, 'outbox'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'outbox', '0001-a.patch'), 'From x\n');
    fs.mkdirSync(path.join(dir, 'runner-temp'));
    const env = environment(dir, TOKEN, { repo: 'octo-org/target', outbox: 'outbox', path: 'clone' });
    await expect(validate(env, [])).resolves.toEqual({ inputsRead: true, outboxRead: true });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function environment(dir: string, token: string, inputs: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    HOME: path.join(dir, 'home'),
    RUNNER_TEMP: path.join(dir, 'runner-temp'),
    GITHUB_WORKSPACE: path.join(dir, 'workspace'),
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_REPOSITORY: 'octo-org/workflows',
    GITHUB_RUN_ID: '1',
    GITHUB_TOKEN: token
  };
  for (const [name, spec] of Object.entries(declared)) env[inputVariable(name)] = spec.default ?? '';
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
  return env;
}

describe('bad input', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-bad-unit-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each(CASES)('%s', async (_label, inputs, name, token = TOKEN) => {
    const workspace = path.join(dir, 'workspace');
    const runnerTemp = path.join(dir, 'runner-temp');
    fs.mkdirSync(path.join(workspace, 'empty'), { recursive: true });
    fs.mkdirSync(runnerTemp);
    fs.writeFileSync(path.join(workspace, 'a-file.patch'), 'not a folder\n');
    const before = fs.readdirSync(workspace).sort();
    const masks: string[] = [];
    const log: string[] = [];

    const error: unknown = await validate(
      environment(dir, token, { repo: 'octo-org/target', run: 'touch /tmp/pwned-by-run', ...inputs }),
      masks,
      log
    ).then(
      () => undefined,
      (thrown: unknown) => thrown
    );

    expect(error).toBeInstanceOf(ActionError);
    if (name !== 'GITHUB_TOKEN') expect(error).toMatchObject({ input: name });
    else expect(error).not.toBeInstanceOf(InputError);
    // What the main step hands to core.setFailed, which prints it as the one `::error::`.
    const message = describeError(error);
    expect(message).toMatch(
      name === 'GITHUB_TOKEN' ? /^GITHUB_TOKEN is malformed: / : new RegExp(`^Input '${name}': `)
    );
    expect(message).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    // The token is masked before it is judged, and never part of the message.
    expect(masks).toContain(token);
    if (token.length < 1000) expect([...log, message].join('\n')).not.toContain(token.trim());
    expect(fs.readdirSync(workspace).sort()).toEqual(before);
    expect(fs.readdirSync(runnerTemp)).toEqual([]);
  });
});

/** Moved from the e2e suites, which ran the action for each; their wiring is proven by e2e/bad-input.test.ts. */
describe('the messages say what is wrong', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-bad-unit-'));
    fs.mkdirSync(path.join(dir, 'runner-temp'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const failureOf = async (token: string, inputs: Record<string, string>, log: string[] = []) =>
    describeError(
      await validate(environment(dir, token, { repo: 'octo-org/target', ...inputs }), [], log).then(
        () => undefined,
        (thrown: unknown) => thrown
      )
    );

  test('an outbox that is a file, or holds no patches, is bad input', async () => {
    fs.mkdirSync(path.join(dir, 'workspace', 'empty'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'workspace', 'file.patch'), '');
    expect(await failureOf(TOKEN, { outbox: 'empty' })).toMatch(
      /^Input 'outbox': .* holds no \*\.patch, \*\.mbox or \*\.bundle files/
    );
    expect(await failureOf(TOKEN, { outbox: 'file.patch' })).toMatch(/^Input 'outbox': .* is not a folder/);
  });

  test('a token with a space is rejected as malformed without being printed', async () => {
    fs.mkdirSync(path.join(dir, 'workspace'));
    const log: string[] = [];
    const message = await failureOf('ghp_e2e malformed0000000000000000', {}, log);
    expect(message).toMatch(/^GITHUB_TOKEN is malformed: it contains white space/);
    expect(log).toContain('Reading GitHub token from environment variable');
    expect([...log, message].join('\n')).not.toContain('malformed0000');
  });
});

/** Moved from e2e/existing-clone.test.ts: the real path decides, and nothing is written through the link. */
describe('paths through symbolic links', () => {
  let dir: string;
  let outside: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-symlink-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-outside-'));
    fs.mkdirSync(path.join(dir, 'workspace'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'runner-temp'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const failureOf = async (inputs: Record<string, string>) =>
    describeError(
      await validate(environment(dir, TOKEN, { repo: 'octo-org/target', ...inputs }), []).then(
        () => undefined,
        (thrown: unknown) => thrown
      )
    );

  test('`path` through a link to a folder outside the workspace is refused, nothing is written there', async () => {
    fs.symlinkSync(outside, path.join(dir, 'workspace', 'link'));
    expect(await failureOf({ path: 'link/clone', run: 'echo x > x.txt' })).toMatch(
      new RegExp(
        `^Input 'path': 'link/clone' \\(through a symbolic link: it is really '${fs.realpathSync(outside)}/clone'\\) is outside the workspace`
      )
    );
    expect(fs.readdirSync(outside)).toEqual([]);
  });

  test('`outbox` through a link to a folder outside the workspace is refused', async () => {
    fs.writeFileSync(path.join(outside, '0001-x.patch'), 'not a patch\n');
    fs.symlinkSync(outside, path.join(dir, 'workspace', 'outbox'));
    expect(await failureOf({ outbox: 'outbox' })).toMatch(
      /^Input 'outbox': 'outbox' \(through a symbolic link: it is really '.*'\) is outside the workspace/
    );
  });
});
