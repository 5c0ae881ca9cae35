import { describeError, InputError } from '../../src/errors.js';
import { readEventSession, withEventSession } from '../../src/event-session.js';
import { parseIdentity, parseList, parseRepository } from '../../src/input-values.js';
import { DEFAULT_IDENTITY, parseInputs } from '../../src/inputs.js';
import { readRunnerContext, type RunnerContext } from '../../src/runner-context.js';

const context: RunnerContext = readRunnerContext({
  GITHUB_WORKSPACE: '/home/runner/work/ws',
  RUNNER_TEMP: '/home/runner/work/_temp',
  GITHUB_REPOSITORY: 'octo/own',
  GITHUB_RUN_ID: '7'
});

function parse(values: Record<string, string>) {
  return parseInputs((name) => values[name] ?? '', context);
}

function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseInputs', () => {
  test('applies defaults', () => {
    const inputs = parse({});
    expect(inputs.owner).toBe('octo');
    expect(inputs.repo).toBe('own');
    expect(inputs.targetBranch).toBeUndefined();
    expect(inputs.branch).toBeUndefined();
    expect(inputs.path).toBeUndefined();
    expect(inputs.title).toBe('Automated changes by outbox-publisher');
    expect(inputs.body).toContain('https://github.com/octo/own/actions/runs/7');
    expect(inputs.committer).toEqual(parseIdentity('committer', DEFAULT_IDENTITY));
    expect(inputs.author).toEqual(inputs.committer);
    expect(inputs.draft).toBe(false);
    expect(inputs.dryRun).toBe(false);
    expect(inputs).toMatchObject({
      mode: 'pull-request',
      outbox: undefined,
      pushAttempts: undefined,
      pushTimeoutSeconds: 300,
      overwriteForeignCommits: false,
      deleteBranch: false,
      reviewers: [],
      milestone: undefined,
      maintainerCanModify: true,
      autoMerge: undefined
    });
  });

  test('reads the publishing inputs', () => {
    const inputs = parse({
      mode: 'push',
      outbox: 'patches',
      'push-attempts': '8',
      'push-timeout': '60',
      'overwrite-foreign-commits': 'true',
      'delete-branch': 'true',
      reviewers: 'ann, bob',
      'team-reviewers': 'core',
      assignees: 'ann',
      milestone: '4',
      'maintainer-can-modify': 'false',
      'auto-merge': 'squash',
      path: '.'
    });
    expect(inputs).toMatchObject({
      mode: 'push',
      outbox: '/home/runner/work/ws/patches',
      pushAttempts: 8,
      pushTimeoutSeconds: 60,
      overwriteForeignCommits: true,
      deleteBranch: true,
      reviewers: ['ann', 'bob'],
      teamReviewers: ['core'],
      assignees: ['ann'],
      milestone: 4,
      maintainerCanModify: false,
      autoMerge: 'squash',
      path: '/home/runner/work/ws'
    });
  });

  test('push-to-fork names the fork by owner and name; empty means the repository itself', () => {
    expect(parse({ 'push-to-fork': ' bot-account/fork-of-app ' }).pushToFork).toEqual({
      owner: 'bot-account',
      repo: 'fork-of-app'
    });
    expect(parse({}).pushToFork).toBeUndefined();
  });

  test('title defaults to the first line of the commit message', () => {
    expect(parse({ 'commit-message': 'Regenerate\n\nDetails' }).title).toBe('Regenerate');
  });

  test('reads every input', () => {
    const inputs = parse({
      repo: 'a-b/c.d_e',
      'target-branch': 'release/1',
      branch: 'bot/x',
      path: 'out/clone',
      labels: 'a, b\nc,,a',
      draft: 'true',
      'dry-run': 'TRUE',
      author: 'Ann <ann@example.com>'
    });
    expect(inputs).toMatchObject({
      owner: 'a-b',
      repo: 'c.d_e',
      targetBranch: 'release/1',
      branch: 'bot/x',
      draft: true,
      dryRun: true
    });
    expect(inputs.path).toBe('/home/runner/work/ws/out/clone');
    expect(inputs.labels).toEqual(['a', 'b', 'c']);
    expect(inputs.author).toEqual({ name: 'Ann', email: 'ann@example.com' });
  });

  test.each([
    ['repo', { repo: 'a' }],
    ['repo', { repo: 'a/b/c' }],
    ['repo', { repo: '../x' }],
    ['repo', { repo: 'a/b;touch /tmp/pwned' }],
    ['repo', { repo: '-a/b' }],
    ['repo', { repo: 'a/b.git' }],
    ['target-branch', { 'target-branch': 'main..x' }],
    ['branch', { branch: '-x' }],
    ['branch', { branch: 'main', 'target-branch': 'main' }],
    ['path', { path: '/etc' }],
    ['path', { path: '../../elsewhere' }],
    ['draft', { draft: 'yes' }],
    ['dry-run', { 'dry-run': '1' }],
    ['committer', { committer: 'no email' }],
    ['author', { author: 'Ann <ann>' }],
    ['mode', { mode: 'pullrequest' }],
    ['mode', { mode: 'PUSH' }],
    ['push-attempts', { 'push-attempts': '0' }],
    ['push-attempts', { 'push-attempts': 'many' }],
    ['push-timeout', { 'push-timeout': '-1' }],
    ['push-timeout', { 'push-timeout': '21601' }],
    ['push-timeout', { 'push-timeout': '5m' }],
    ['milestone', { milestone: 'v1' }],
    ['auto-merge', { 'auto-merge': 'fast-forward' }],
    ['outbox', { outbox: '/tmp/elsewhere' }],
    ['outbox', { outbox: '.' }]
  ])('rejects a bad %s', (input, values) => {
    const error = inputErrorOf(() => parse(values));
    expect(error.input).toBe(input);
    expect(error.message).toMatch(new RegExp(`^Input '${input}': `));
  });

  test('repo falls back to GITHUB_REPOSITORY and fails when neither is there', () => {
    const bare = readRunnerContext({ GITHUB_WORKSPACE: '/w', RUNNER_TEMP: '/t' });
    expect(inputErrorOf(() => parseInputs(() => '', bare)).input).toBe('repo');
  });
});

test('a mode typo gets a suggestion', () => {
  expect(inputErrorOf(() => parse({ mode: 'pullrequest' })).message).toContain(
    "Did you mean 'pull-request'?"
  );
});

describe('sessions from events', () => {
  test('workflow_dispatch inputs and repository_dispatch client_payload', () => {
    expect(readEventSession('workflow_dispatch', { inputs: { repo: 'a/b', target_branch: 'dev' } })).toEqual({
      repo: { value: 'a/b', source: 'inputs.repo' },
      targetBranch: { value: 'dev', source: 'inputs.target_branch' }
    });
    expect(readEventSession('repository_dispatch', { client_payload: { repo: ' c/d ' } })).toEqual({
      repo: { value: 'c/d', source: 'client_payload.repo' }
    });
    expect(readEventSession('push', { inputs: { repo: 'a/b' } })).toEqual({});
    expect(readEventSession('repository_dispatch', null)).toEqual({});
    expect(readEventSession('repository_dispatch', { client_payload: { repo: 7 } })).toEqual({});
  });

  test('inputs win over the session; the session wins over GITHUB_REPOSITORY', () => {
    const log: string[] = [];
    const session = readEventSession('repository_dispatch', {
      client_payload: { repo: 'e/f', target_branch: 'next' }
    });
    const fromEvent = parseInputs(
      withEventSession(
        () => '',
        session,
        (m) => log.push(m)
      ),
      context
    );
    expect(fromEvent).toMatchObject({ owner: 'e', repo: 'f', targetBranch: 'next' });
    expect(log).toEqual([
      expect.stringContaining('client_payload.repo'),
      expect.stringContaining('client_payload.target_branch')
    ]);
    const given = parseInputs(
      withEventSession(
        (n) => (n === 'repo' ? 'g/h' : ''),
        session,
        () => {}
      ),
      context
    );
    expect(given).toMatchObject({ owner: 'g', repo: 'h', targetBranch: 'next' });
  });

  test('a bad value from the event is an error naming the input', () => {
    const session = readEventSession('repository_dispatch', { client_payload: { repo: 'x/y/z' } });
    expect(
      inputErrorOf(() =>
        parseInputs(
          withEventSession(
            () => '',
            session,
            () => {}
          ),
          context
        )
      ).input
    ).toBe('repo');
  });
});

describe('small parsers', () => {
  test('parseRepository accepts GitHub names', () => {
    expect(parseRepository('Octo-Org/repo.name_1')).toEqual({ owner: 'Octo-Org', repo: 'repo.name_1' });
  });
  test('parseList', () => {
    expect(parseList('')).toEqual([]);
    expect(parseList(' x ,\n y\n')).toEqual(['x', 'y']);
  });
  test('readRunnerContext derives host and API URL', () => {
    expect(readRunnerContext({})).toMatchObject({ host: 'github.com', apiUrl: 'https://api.github.com' });
    expect(readRunnerContext({ GITHUB_SERVER_URL: 'https://ghe.example.com/' })).toMatchObject({
      host: 'ghe.example.com',
      apiUrl: 'https://ghe.example.com/api/v3'
    });
  });
});

describe('paths resolved through symbolic links (given by the caller, which reads the file system)', () => {
  const get = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  test('the check is made on the real path: a link inside the workspace to a folder outside is refused', () => {
    const error = inputErrorOf(() => parseInputs(get({ path: 'link' }), context, { path: '/srv/outside' }));
    expect(error.input).toBe('path');
    expect(error.message).toContain(
      "'link' (through a symbolic link: it is really '/srv/outside') is outside the workspace"
    );
    expect(
      inputErrorOf(() => parseInputs(get({ outbox: 'box' }), context, { outbox: '/tmp/box' })).input
    ).toBe('outbox');
  });

  test('a real path inside the workspace or RUNNER_TEMP is what the inputs hold', () => {
    expect(parseInputs(get({ path: 'link' }), context, { path: '/home/runner/work/ws/real' }).path).toBe(
      '/home/runner/work/ws/real'
    );
    expect(
      parseInputs(get({ outbox: 'box' }), context, { outbox: '/home/runner/work/_temp/box' }).outbox
    ).toBe('/home/runner/work/_temp/box');
  });

  test('an outbox whose real path is the workspace itself is refused', () => {
    expect(
      inputErrorOf(() => parseInputs(get({ outbox: 'link' }), context, { outbox: '/home/runner/work/ws' }))
        .input
    ).toBe('outbox');
  });
});

describe('body-path', () => {
  test('is a path inside the workspace, resolved through its real path', () => {
    expect(parse({ 'body-path': 'notes/body.md' }).bodyPath).toBe('/home/runner/work/ws/notes/body.md');
    expect(parse({}).bodyPath).toBeUndefined();
    expect(inputErrorOf(() => parse({ 'body-path': '../../etc/passwd' })).input).toBe('body-path');
    const viaLink = inputErrorOf(() =>
      parseInputs((name) => (name === 'body-path' ? 'link.md' : ''), context, { 'body-path': '/etc/passwd' })
    );
    expect(viaLink.input).toBe('body-path');
    expect(viaLink.message).toMatch(/symbolic link/);
  });

  test('and body together are an input error', () => {
    const error = inputErrorOf(() => parse({ 'body-path': 'body.md', body: 'inline' }));
    expect(error.input).toBe('body-path');
    expect(error.message).toMatch(/'body' are both set/);
  });
});

describe('add-paths, branch-suffix, signoff', () => {
  test('off by default', () => {
    const inputs = parse({});
    expect(inputs.addPaths).toEqual([]);
    expect(inputs.branchSuffix).toBeUndefined();
    expect(inputs.signoff).toBe(false);
  });

  test('are parsed', () => {
    const inputs = parse({
      run: 'make',
      'add-paths': 'src\n*.md, :!src/cache',
      'branch-suffix': 'short-commit-hash',
      signoff: 'true'
    });
    expect(inputs.addPaths.map((p) => p.spec)).toEqual(['src', '*.md', ':!src/cache']);
    expect(inputs.branchSuffix).toBe('short-commit-hash');
    expect(inputs.signoff).toBe(true);
    // A clone at `path` has uncommitted changes to pick from, too.
    expect(parse({ path: 'repo', 'add-paths': 'src' }).addPaths).toHaveLength(1);
  });

  test('branch-suffix in push mode is an input error that names the fix', () => {
    const error = inputErrorOf(() => parse({ mode: 'push', 'branch-suffix': 'random' }));
    expect(error.input).toBe('branch-suffix');
    expect(error.message).toMatch(/push mode/);
    expect(error.message).toMatch(/mode: pull-request/);
    // The line the step prints (commit-shaping.test.ts ran it end to end; bad-input.test.ts proves
    // that wiring for input errors).
    expect(
      describeError(
        inputErrorOf(() => parse({ mode: 'push', run: 'echo x > x.txt', 'branch-suffix': 'timestamp' }))
      )
    ).toMatch(
      /^Input 'branch-suffix': is set in push mode.*Remove 'branch-suffix', or use 'mode: pull-request'\./s
    );
  });

  test('add-paths with nothing uncommitted to pick from (outbox only) is an input error', () => {
    const error = inputErrorOf(() => parse({ outbox: 'outbox', 'add-paths': 'src' }));
    expect(error.input).toBe('add-paths');
    expect(error.message).toMatch(/published whole/);
  });

  test('a bad pathspec, a bad suffix and a bad boolean name their input', () => {
    expect(inputErrorOf(() => parse({ run: 'x', 'add-paths': '/etc' })).input).toBe('add-paths');
    expect(inputErrorOf(() => parse({ 'branch-suffix': 'uuid' })).input).toBe('branch-suffix');
    expect(inputErrorOf(() => parse({ signoff: 'yes please' })).input).toBe('signoff');
  });
});
