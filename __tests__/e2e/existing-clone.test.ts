/**
 * A clone at `path` that an earlier step (with no token) could have written: every program its
 * .git names — fsmonitor, hooks, filter drivers, credential helpers, ssh commands behind
 * insteadOf, includes — must never run while the token is reachable. The clone is read as data
 * and its work taken over into the action's own clone. Each planted program would leave a marker
 * and a copy of its environment and standard input; none may exist after the run.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runAction } from '../../test-support/run-action.js';
import {
  expectFailure,
  expectNoLeftovers,
  expectSuccess,
  newRepo,
  pushesTo,
  useEmulator,
  type Emulator,
  type Run
} from './support.js';

const TOKEN = 'ghs_e2eExistingCloneToken000000000001';
const suite = useEmulator((emulator) => {
  emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null });
});
const em = (): Emulator => suite.emulator;

const DEV = {
  GIT_AUTHOR_NAME: 'Dev Eloper',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Dev Eloper',
  GIT_COMMITTER_EMAIL: 'dev@example.com'
};

/** Plain local git, ignoring the clone's planted config where it matters is the test's business: fixtures only. */
function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...DEV, ...env }
  }).trim();
}

interface Fixture {
  root: string;
  clone: string;
  repo: string;
  /** Where planted programs leave their traces (outside the run's folders, searched for the token too). */
  markers: string;
  /** Folder of planted programs: each writes a marker, its environment, arguments and stdin to `markers`. */
  bin: string;
}

const HOOKS = [
  'applypatch-msg',
  'pre-applypatch',
  'post-applypatch',
  'pre-commit',
  'pre-merge-commit',
  'prepare-commit-msg',
  'commit-msg',
  'post-commit',
  'pre-rebase',
  'post-checkout',
  'post-merge',
  'pre-push',
  'pre-receive',
  'update',
  'reference-transaction',
  'post-receive',
  'post-update',
  'push-to-checkout',
  'pre-auto-gc',
  'post-rewrite',
  'sendemail-validate',
  'fsmonitor-watchman',
  'p4-pre-submit',
  'post-index-change'
];

/** A clone like actions/checkout leaves (shallow, origin on github.com), with a commit and uncommitted work on top. */
function fixture(prefix: string, options: { full?: boolean } = {}): Fixture {
  const repo = newRepo(em(), prefix);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-planted-'));
  const clone = path.join(root, 'workspace', 'repo');
  fs.mkdirSync(path.dirname(clone), { recursive: true });
  execFileSync('git', [
    'clone',
    '-q',
    ...(options.full ? [] : ['--depth', '1']),
    `file://${em().repo(repo).bareDir}`,
    clone
  ]);
  git(clone, ['remote', 'set-url', 'origin', `https://github.com/${repo}`]);
  fs.writeFileSync(path.join(clone, 'feature.txt'), 'from the workflow\n');
  git(clone, ['add', 'feature.txt']);
  git(clone, ['commit', '-q', '-m', 'Add feature from the workflow'], {
    GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z'
  });
  fs.appendFileSync(path.join(clone, 'README.md'), 'Edited, not committed.\n');
  fs.writeFileSync(path.join(clone, 'untracked.txt'), 'new\n');
  const markers = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-markers-'));
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-planted-bin-'));
  return { root, clone, repo, markers, bin };
}

/** A planted program named `name` in `fx.bin`; returns its path. */
function program(fx: Fixture, name: string): string {
  const file = path.join(fx.bin, name);
  const trace = `${fx.markers}/${name}-$$`;
  fs.writeFileSync(
    file,
    [
      '#!/bin/sh',
      `: > "${trace}.ran"`,
      `env > "${trace}.env"`,
      `echo "$@" > "${trace}.args"`,
      `tee "${trace}.stdin"`,
      'exit 0',
      ''
    ].join('\n'),
    { mode: 0o755 }
  );
  return file;
}

/** `section.sub.name` (or `section.name`) as config file text, appended: no git process per entry. */
function setConfig(
  fx: Fixture,
  entries: Array<[string, string]>,
  file = path.join(fx.clone, '.git', 'config')
): void {
  const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const text = entries.map(([key, value]) => {
    const section = key.slice(0, key.indexOf('.'));
    const name = key.slice(key.lastIndexOf('.') + 1);
    const sub = key.slice(section.length + 1, key.length - name.length - 1);
    return `[${section}${sub ? ` ${quote(sub)}` : ''}]\n\t${name} = ${quote(value)}\n`;
  });
  fs.appendFileSync(file, text.join(''));
}

const PLANTS: Record<string, (fx: Fixture) => void> = {
  'core.fsmonitor': (fx) =>
    setConfig(fx, [
      ['core.fsmonitor', program(fx, 'fsmonitor')],
      ['core.untrackedCache', 'true']
    ]),
  'core.hooksPath with every hook': (fx) => {
    const hooks = path.join(fx.bin, 'hooks');
    fs.mkdirSync(hooks);
    for (const hook of HOOKS) fs.renameSync(program(fx, hook), path.join(hooks, hook));
    setConfig(fx, [['core.hooksPath', hooks]]);
  },
  'hooks in .git/hooks': (fx) => {
    for (const hook of HOOKS) fs.renameSync(program(fx, hook), path.join(fx.clone, '.git', 'hooks', hook));
  },
  'credential.helper': (fx) =>
    setConfig(fx, [
      ['credential.helper', program(fx, 'credential-helper')],
      ['credential.https://github.com.helper', program(fx, 'credential-helper-for-url')],
      ['credential.useHttpPath', 'true']
    ]),
  'include.path to insteadOf, core.sshCommand and a credential helper': (fx) => {
    const included = path.join(fx.bin, 'included.config');
    setConfig(
      fx,
      [
        ['url.ssh://git@evil.example/.insteadOf', 'https://github.com/'],
        ['core.sshCommand', program(fx, 'ssh-command')],
        ['credential.helper', program(fx, 'included-credential-helper')]
      ],
      included
    );
    setConfig(fx, [['include.path', included]]);
  },
  'includeIf.gitdir to fsmonitor, diff.external and a pager': (fx) => {
    const included = path.join(fx.bin, 'included-if.config');
    setConfig(
      fx,
      [
        ['core.fsmonitor', program(fx, 'included-fsmonitor')],
        ['diff.external', program(fx, 'included-diff-external')],
        ['core.pager', program(fx, 'included-pager')]
      ],
      included
    );
    setConfig(fx, [[`includeIf.gitdir:${path.join(fx.clone, '.git')}.path`, included]]);
  },
  'a filter on files that did not change (.git/info/attributes)': (fx) => {
    fs.writeFileSync(path.join(fx.clone, '.git', 'info', 'attributes'), '*.bin filter=evil\n');
    setConfig(fx, [
      ['filter.evil.clean', program(fx, 'filter-clean')],
      ['filter.evil.smudge', program(fx, 'filter-smudge')]
    ]);
  },
  'editors, gpg, askpass, alternate refs and upload-pack commands': (fx) =>
    setConfig(fx, [
      ['core.editor', program(fx, 'editor')],
      ['sequence.editor', program(fx, 'sequence-editor')],
      ['commit.gpgSign', 'true'],
      ['gpg.program', program(fx, 'gpg')],
      ['core.askPass', program(fx, 'askpass')],
      ['core.alternateRefsCommand', program(fx, 'alternate-refs')],
      ['uploadpack.packObjectsHook', program(fx, 'pack-objects-hook')],
      ['remote.origin.uploadpack', program(fx, 'upload-pack')],
      ['remote.origin.receivepack', program(fx, 'receive-pack')],
      ['gc.auto', '1'],
      ['diff.external', program(fx, 'diff-external')]
    ])
};

/** Runs main and post without the leak check, so that the planted programs' traces are looked at first. */
async function runOn(fx: Fixture, inputs: Record<string, string>): Promise<Run> {
  return runAction({ token: TOKEN, root: fx.root, inputs: { repo: fx.repo, path: 'repo', ...inputs } });
}

/** No planted program ran: no trace at all (and so no token in one). Then the usual checks. */
function expectNothingRan(fx: Fixture, result: Run): void {
  expect(fs.readdirSync(fx.markers)).toEqual([]);
  expectNoLeftovers(result, TOKEN, [fx.markers, fx.bin]);
}

/**
 * The plants share two runs, each plant on the clone where no other one hides it (two
 * core.fsmonitor or diff.external values, or core.hooksPath and .git/hooks, would): a shallow
 * clone, as actions/checkout leaves it, with every git process traced (trace2); and a complete
 * clone with its refs packed, a detached HEAD and a file that only .git/info/exclude ignores.
 * Each planted program leaves a trace named after it, so a failure names the plant that ran.
 */
const GROUPS: Array<[string, { full: boolean; plants: string[] }]> = [
  [
    'a shallow clone',
    {
      full: false,
      plants: [
        'core.fsmonitor',
        'hooks in .git/hooks',
        'credential.helper',
        'editors, gpg, askpass, alternate refs and upload-pack commands'
      ]
    }
  ],
  [
    'a complete clone, refs packed, detached HEAD',
    {
      full: true,
      plants: [
        'core.hooksPath with every hook',
        'include.path to insteadOf, core.sshCommand and a credential helper',
        'includeIf.gitdir to fsmonitor, diff.external and a pager',
        'a filter on files that did not change (.git/info/attributes)'
      ]
    }
  ]
];

interface PlantedRun {
  fx: Fixture;
  result: Run;
  configBefore: string;
  headBefore: string;
  /** GIT_TRACE2_EVENT's folder (the shallow clone's run only). */
  traces?: string;
}

describe('a clone at `path` with planted config', () => {
  const runs = new Map<string, PlantedRun>();
  beforeAll(async () => {
    await Promise.all(
      GROUPS.map(async ([label, { full, plants }]) => {
        const fx = fixture('planted', { full });
        if (full) {
          git(fx.clone, ['pack-refs', '--all']);
          git(fx.clone, ['checkout', '-q', '--detach']);
          fs.writeFileSync(path.join(fx.clone, '.git', 'info', 'exclude'), 'secret.local\n');
          fs.writeFileSync(path.join(fx.clone, 'secret.local'), 'not for publishing\n');
        }
        for (const name of plants) PLANTS[name](fx);
        const configBefore = fs.readFileSync(path.join(fx.clone, '.git', 'config'), 'utf8');
        const headBefore = git(fx.clone, ['rev-parse', 'HEAD']);
        const traces = full ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-trace2-'));
        const result = await runAction({
          token: TOKEN,
          root: fx.root,
          env: traces ? { GIT_TRACE2_EVENT: traces } : {},
          inputs: {
            repo: fx.repo,
            path: 'repo',
            run: 'git status --short > /dev/null\necho from-run > run.txt',
            'commit-message': 'Publish workspace edits'
          }
        });
        runs.set(label, { fx, result, configBefore, headBefore, traces });
      })
    );
  });

  test('every plant is in one of the runs', () => {
    expect(GROUPS.flatMap(([, group]) => group.plants).sort()).toEqual(Object.keys(PLANTS).sort());
  });

  test.each(GROUPS)('%s: nothing planted runs, the work is published', (label, { plants }) => {
    const { fx, result, configBefore, headBefore, traces } = runs.get(label)!;
    expect(plants.length).toBeGreaterThan(0);
    expect(fs.readdirSync(fx.markers)).toEqual([]);
    expectNoLeftovers(result, TOKEN, [fx.markers, fx.bin, ...(traces ? [traces] : [])]);
    expectSuccess(result);
    // The clone's commit, its uncommitted changes, then what `run` changed.
    expect(result.outputs).toMatchObject({
      'pull-request-operation': 'created',
      pushed: 'true',
      commits: '3'
    });
    expect(em().readTree(fx.repo, 'outbox/main')).toMatchObject({
      'feature.txt': 'from the workflow\n',
      'untracked.txt': 'new\n',
      'README.md': '# Sample\nEdited, not committed.\n',
      'run.txt': 'from-run\n'
    });
    expect(
      em()
        .git(fx.repo, ['log', '--reverse', '--format=%an|%ad|%s', '--date=iso-strict', 'main..outbox/main'])
        .split('\n')
    ).toEqual([
      'Dev Eloper|2026-01-02T03:04:05+00:00|Add feature from the workflow',
      expect.stringMatching(/^github-actions\[bot\]\|.*\|Publish workspace edits$/),
      expect.stringMatching(/^github-actions\[bot\]\|.*\|Publish workspace edits$/)
    ]);
    expect(fs.readFileSync(path.join(fx.clone, '.git', 'config'), 'utf8')).toBe(configBefore);
    expect(git(fx.clone, ['rev-parse', 'HEAD'])).toBe(headBefore);
  });

  test('taking over a complete (not shallow) clone, detached HEAD, refs packed: files ignored by .git/info/exclude stay out', () => {
    const { fx } = runs.get(GROUPS[1][0])!;
    expect(fs.existsSync(path.join(fx.clone, '.git', 'shallow'))).toBe(false);
    expect(fs.existsSync(path.join(fx.clone, '.git', 'packed-refs'))).toBe(true);
    expect(em().readTree(fx.repo, 'outbox/main')['secret.local']).toBeUndefined();
    expect(fs.existsSync(path.join(fx.clone, 'secret.local'))).toBe(true);
  });

  test('taking over: no git process runs with the clone as its repository (git trace2 of every process)', () => {
    const { fx, traces } = runs.get(GROUPS[0][0])!;
    expect(fs.existsSync(path.join(fx.clone, '.git', 'shallow'))).toBe(true);
    const events = fs
      .readdirSync(traces!)
      .flatMap((file) => fs.readFileSync(path.join(traces!, file), 'utf8').split('\n'))
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as { event: string; argv?: string[]; worktree?: string });
    const starts = events.filter((event) => event.event === 'start');
    expect(starts.length).toBeGreaterThan(10);
    // git's own helper for an alternate's refs runs `git --git-dir=<clone>/.git for-each-ref` under
    // the clone's config: borrowing the objects through links keeps fetch from starting it.
    const inClone = starts.filter((event) =>
      event.argv!.some((arg) => arg.startsWith('--git-dir=') && arg.includes(fx.clone))
    );
    expect(inClone.map((event) => event.argv!.join(' '))).toEqual([]);
  });

  test('a clean filter that uncommitted changes go through: refused with a clear error, the filter never runs', async () => {
    const fx = fixture('planted-filter');
    fs.writeFileSync(path.join(fx.clone, '.gitattributes'), '* filter=evil\n');
    setConfig(fx, [
      ['filter.evil.clean', program(fx, 'filter-clean')],
      ['filter.evil.smudge', program(fx, 'filter-smudge')],
      ['filter.evil.process', program(fx, 'filter-process')],
      ['filter.evil.required', 'true']
    ]);
    const result = await runOn(fx, {});
    expectNothingRan(fx, result);
    expectFailure(
      result,
      /has uncommitted changes to files that go through a filter: .*README\.md \(filter=evil\)/
    );
    expect(result.main.log).toContain('Commit those changes before this step');
    expect(pushesTo(em(), fx.repo)).toBe(0);
  });

  test('a filter in .git/info/attributes counts too', async () => {
    const fx = fixture('planted-info-attributes');
    fs.mkdirSync(path.join(fx.clone, '.git', 'info'), { recursive: true });
    fs.writeFileSync(path.join(fx.clone, '.git', 'info', 'attributes'), '*.md filter=evil\n');
    setConfig(fx, [['filter.evil.clean', program(fx, 'filter-clean')]]);
    const result = await runOn(fx, {});
    expectNothingRan(fx, result);
    expectFailure(result, /go through a filter: README\.md \(filter=evil\)/);
    expect(pushesTo(em(), fx.repo)).toBe(0);
  });
});

describe('taking over a clone at `path`', () => {
  test('a merge commit on top of the target is refused; the clone is left as it was', async () => {
    const fx = fixture('takeover-merge');
    git(fx.clone, ['checkout', '-q', '-b', 'side', 'HEAD~1']);
    fs.writeFileSync(path.join(fx.clone, 'side.txt'), 'side\n');
    git(fx.clone, ['add', 'side.txt']);
    git(fx.clone, ['commit', '-q', '-m', 'Side']);
    git(fx.clone, ['checkout', '-q', 'main']);
    git(fx.clone, ['merge', '-q', '--no-ff', '-m', 'Merge side', 'side']);
    const head = git(fx.clone, ['rev-parse', 'HEAD']);
    const status = git(fx.clone, ['status', '--porcelain']);
    const result = await runOn(fx, {});
    expectFailure(result, /holds a merge commit/);
    expect(pushesTo(em(), fx.repo)).toBe(0);
    expect([
      git(fx.clone, ['rev-parse', 'HEAD']),
      git(fx.clone, ['status', '--porcelain']),
      git(fx.clone, ['symbolic-ref', 'HEAD'])
    ]).toEqual([head, status, 'refs/heads/main']);
  });

  test('work that conflicts with the current target fails; the clone is left as it was', async () => {
    const fx = fixture('takeover-conflict');
    em().commitToBranch(fx.repo, 'main', { 'README.md': '# Changed upstream\n' }, 'Upstream edit');
    const head = git(fx.clone, ['rev-parse', 'HEAD']);
    const status = git(fx.clone, ['status', '--porcelain']);
    const readme = fs.readFileSync(path.join(fx.clone, 'README.md'), 'utf8');
    const result = await runOn(fx, {});
    expectFailure(result, /does not apply on the current 'main'/);
    expect(result.main.log).toContain('The clone was left as it was.');
    expect(pushesTo(em(), fx.repo)).toBe(0);
    expect([
      git(fx.clone, ['rev-parse', 'HEAD']),
      git(fx.clone, ['status', '--porcelain']),
      fs.readFileSync(path.join(fx.clone, 'README.md'), 'utf8')
    ]).toEqual([head, status, readme]);
  });
});

describe('paths through symbolic links', () => {
  test('a link that stays inside the workspace is followed', async () => {
    const repo = newRepo(em(), 'symlink-inside');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-symlink-'));
    fs.mkdirSync(path.join(root, 'workspace', 'real'), { recursive: true });
    fs.symlinkSync(path.join(root, 'workspace', 'real'), path.join(root, 'workspace', 'link'));
    const result = await runAction({
      token: TOKEN,
      root,
      inputs: { repo, path: 'link', run: 'echo x > x.txt' }
    });
    expectNoLeftovers(result, TOKEN);
    expectSuccess(result);
    expect(result.outputs.path).toBe(path.join(fs.realpathSync(root), 'workspace', 'real'));
    expect(fs.readFileSync(path.join(root, 'workspace', 'real', 'x.txt'), 'utf8')).toBe('x\n');
  });
});
