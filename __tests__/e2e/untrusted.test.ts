/**
 * Untrusted input stays data (issue 8): each attack of an outbox, an earlier step or an event
 * payload, tried against the built action, and shown to fail: no workflow file published outside
 * the policy, no injected workflow command in the log, no markup in the job summary, the bytes of
 * a patch published as they are, and an outbox over its bounds refused before any work.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  expectFailure,
  expectSuccess,
  newRepo,
  publish,
  pushesTo,
  useEmulator,
  type Emulator,
  type Run
} from './support.js';

const TOKEN = 'ghs_e2eUntrustedToken000000000000001';
const suite = useEmulator((emulator) => {
  // Workflows: write, as GitHub would need to accept the push that allow-workflow-changes lets through.
  emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null, permissions: { workflows: 'write' } });
});
const em = (): Emulator => suite.emulator;

const DEV = {
  GIT_AUTHOR_NAME: 'Dev Eloper',
  GIT_AUTHOR_EMAIL: 'dev@example.com',
  GIT_COMMITTER_NAME: 'Dev Eloper',
  GIT_COMMITTER_EMAIL: 'dev@example.com'
};
const WITH_WORKFLOW = {
  'README.md': '# Sample\n',
  '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
  'data/old.txt': 'old\n'
};

function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...DEV, ...env }
  }).trim();
}

function root(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-untrusted-'));
}

/** A clone of the repository on disk (no network), to make commits, patches and bundles from. */
function workClone(fullName: string): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'untrusted-src-'));
  execFileSync('git', ['clone', '-q', `file://${em().repo(fullName).bareDir}`, work]);
  return work;
}

/** Commits what `change` does in a clone, and writes it as `git format-patch` files into <root>/workspace/outbox. */
function outboxOf(
  fullName: string,
  dir: string,
  change: (work: string) => void,
  formatArgs: string[] = []
): string {
  const work = workClone(fullName);
  change(work);
  const outbox = path.join(dir, 'workspace', 'outbox');
  fs.mkdirSync(outbox, { recursive: true });
  git(work, ['format-patch', '-q', ...formatArgs, '-o', outbox, 'origin/main..HEAD']);
  return work;
}

function commitAll(work: string, message: string): void {
  git(work, ['add', '-A']);
  git(work, ['commit', '-q', '-m', message]);
}

function blobBytes(fullName: string, ref: string, file: string): Buffer {
  return execFileSync('git', [
    '--git-dir',
    em().repo(fullName).bareDir,
    'cat-file',
    'blob',
    `${ref}:${file}`
  ]);
}

function modeOf(fullName: string, ref: string, file: string): string {
  return em().git(fullName, ['ls-tree', ref, '--', file]).split(' ')[0];
}

/**
 * Every line of the main step's raw output (stdout and stderr, broken where the runner breaks
 * lines: CR, LF, and more to be safe) that the runner would take as a workflow command, except the
 * action's own: ::add-mask:: of the token, ::error::, ::warning::, ::notice:: and ::debug:: with
 * no properties (their data is escaped by @actions/core). Injected ones come back.
 */
function injectedCommands(result: Run): string[] {
  const lines = `${result.main.stdout}\n${result.main.stderr}`.split(/\r\n|[\r\n\v\f\x85\u2028\u2029]/);
  return lines.filter((line) => {
    const trimmed = line.replace(/^[\s\ufeff]+/u, '');
    if (line.includes('##[')) return true;
    if (!trimmed.startsWith('::')) return false;
    // The action's own masks: the token and its encodings (an injected one carries INJ).
    if (trimmed.startsWith('::add-mask::') && !trimmed.includes('INJ')) return false;
    return !/^::(error|warning|notice|debug)::/.test(line);
  });
}

/**
 * One series deletes a workflow, moves one out, changes one's mode, then adds a workflow and
 * removes it again: one run for the two tests that read its refusal.
 */
let kinds: Promise<{ repo: string; result: Run }> | undefined;
function kindsRun(): Promise<{ repo: string; result: Run }> {
  kinds ??= (async () => {
    const repo = newRepo(em(), 'wf-kinds', {
      ...WITH_WORKFLOW,
      '.github/workflows/release.yml': 'on: push\n',
      '.github/workflows/old.yml': 'on: push\n'
    });
    const dir = root();
    outboxOf(
      repo,
      dir,
      (work) => {
        git(work, ['rm', '-q', '.github/workflows/release.yml']);
        commitAll(work, 'Delete a workflow');
        git(work, ['mv', '.github/workflows/old.yml', 'old.yml']);
        commitAll(work, 'Move a workflow out');
        fs.chmodSync(path.join(work, '.github', 'workflows', 'ci.yml'), 0o755);
        commitAll(work, 'Make a workflow executable');
        // A workflow added and removed again within the series (the next test).
        fs.writeFileSync(path.join(work, '.github', 'workflows', 'once.yml'), 'on: push\n');
        commitAll(work, 'Add a workflow for one commit');
        git(work, ['rm', '-q', '.github/workflows/once.yml']);
        fs.writeFileSync(path.join(work, 'after.txt'), 'after\n');
        commitAll(work, 'Remove it again');
      },
      ['-M']
    );
    const result = await publish({ token: TOKEN, root: dir, inputs: { repo, outbox: 'outbox' } });
    return { repo, result };
  })();
  return kinds;
}

describe('workflow files are published only when allowed', () => {
  const refusedFor = (result: Run, files: string[]) => {
    expectFailure(result, /^The changes touch \d+ workflow file\(s\), which are not published by default/);
    for (const file of files) expect(result.main.errors[0]).toContain(`\n  ${file}\n`.replace(/\n$/, ''));
    expect(result.main.errors[0]).toContain("set 'allow-workflow-changes: true'");
  };

  // One attack, tried through every way of delivering: one repository and one outbox (nothing is
  // pushed, so the runs can share them), five runs at once.
  const MODES: Array<[string, Record<string, string>]> = [
    ['pull-request', {}],
    ['push', { mode: 'push' }],
    ['signed pull-request', { 'sign-commits': 'true' }],
    ['signed push', { mode: 'push', 'sign-commits': 'true' }],
    ['dry run', { 'dry-run': 'true' }]
  ];
  const added = new Map<string, Run>();
  let addedRepo: string;
  let addedBefore: string | null;
  beforeAll(async () => {
    addedRepo = newRepo(em(), 'wf-add', WITH_WORKFLOW);
    const dir = root();
    outboxOf(addedRepo, dir, (work) => {
      fs.writeFileSync(
        path.join(work, '.github', 'workflows', 'steal.yml'),
        'on: push\njobs: { steal: { runs-on: ubuntu-latest, steps: [ { run: "echo ${{ secrets.X }}" } ] } }\n'
      );
      fs.writeFileSync(path.join(work, 'innocent.txt'), 'hello\n');
      commitAll(work, 'Add a workflow');
    });
    addedBefore = em().branchSha(addedRepo, 'main');
    await Promise.all(
      MODES.map(async ([name, extra]) => {
        const runRoot = root();
        fs.cpSync(path.join(dir, 'workspace'), path.join(runRoot, 'workspace'), { recursive: true });
        added.set(
          name,
          await publish({
            token: TOKEN,
            root: runRoot,
            inputs: { repo: addedRepo, outbox: 'outbox', ...extra }
          })
        );
      })
    );
  });

  test.each(MODES)(
    'an outbox patch that adds .github/workflows/steal.yml is refused (%s), and nothing is pushed',
    (name) => {
      const result = added.get(name)!;
      refusedFor(result, ['.github/workflows/steal.yml']);
      expect(result.main.errors[0]).not.toContain('innocent.txt');
      expect(pushesTo(em(), addedRepo)).toBe(0);
      expect(em().branchSha(addedRepo, 'main')).toBe(addedBefore);
      expect(em().branchSha(addedRepo, 'outbox/main')).toBeNull();
    }
  );

  test('deleting, renaming out of, and changing the mode of a workflow are refused too, as is a file that replaces .github', async () => {
    const { repo, result } = await kindsRun();
    refusedFor(result, [
      '.github/workflows/ci.yml',
      '.github/workflows/old.yml',
      '.github/workflows/release.yml'
    ]);
    expect(pushesTo(em(), repo)).toBe(0);

    const replaced = newRepo(em(), 'wf-replace', WITH_WORKFLOW);
    const dir2 = root();
    outboxOf(replaced, dir2, (work) => {
      git(work, ['rm', '-q', '-r', '.github']);
      fs.symlinkSync('elsewhere', path.join(work, '.github'));
      commitAll(work, 'Replace .github with a symlink');
    });
    const result2 = await publish({ token: TOKEN, root: dir2, inputs: { repo: replaced, outbox: 'outbox' } });
    refusedFor(result2, ['.github', '.github/workflows/ci.yml']);
    expect(pushesTo(em(), replaced)).toBe(0);
  });

  test('a workflow added and removed again within the series is refused: its commit would be pushed', async () => {
    // The series of the test above ends with it: the same run.
    const { repo, result } = await kindsRun();
    refusedFor(result, ['.github/workflows/once.yml']);
    expect(pushesTo(em(), repo)).toBe(0);
  });

  test('the run script and an existing work tree are held to the same policy', async () => {
    // One run with both: a clone at `path` with a planted workflow, and a script that edits another.
    const repo = newRepo(em(), 'wf-run', WITH_WORKFLOW);
    const dir = root();
    const clone = path.join(dir, 'workspace', 'repo');
    fs.mkdirSync(path.dirname(clone), { recursive: true });
    execFileSync('git', ['clone', '-q', `file://${em().repo(repo).bareDir}`, clone]);
    git(clone, ['remote', 'set-url', 'origin', `https://github.com/${repo}`]);
    fs.writeFileSync(path.join(clone, '.github', 'workflows', 'planted.yml'), 'on: push\n');
    const result = await publish({
      token: TOKEN,
      root: dir,
      inputs: { repo, path: 'repo', run: 'echo "# edited" >> .github/workflows/ci.yml' }
    });
    refusedFor(result, ['.github/workflows/ci.yml', '.github/workflows/planted.yml']);
    expect(pushesTo(em(), repo)).toBe(0);
  });

  test("with 'allow-workflow-changes: true' the workflow is published", async () => {
    const repo = newRepo(em(), 'wf-allowed', WITH_WORKFLOW);
    const dir = root();
    const work = outboxOf(repo, dir, (w) => {
      fs.writeFileSync(path.join(w, '.github', 'workflows', 'new.yml'), 'on: push\n');
      commitAll(w, 'Add a reviewed workflow');
    });
    // The job points git at another repository (GIT_DIR through $GITHUB_ENV): the action's git
    // must still work in its own clone, and leave that repository as it was.
    const other = path.join(work, '.git');
    const before = git(work, ['for-each-ref', '--format=%(refname) %(objectname)']);
    const otherFiles = () =>
      ['config', 'HEAD', 'index'].map((name) => fs.readFileSync(path.join(other, name)));
    const filesBefore = otherFiles();
    const result = await publish({
      token: TOKEN,
      root: dir,
      inputs: { repo, outbox: 'outbox', 'allow-workflow-changes': 'true' },
      env: { GIT_DIR: other, GIT_WORK_TREE: work, GIT_INDEX_FILE: path.join(other, 'index') }
    });
    expectSuccess(result);
    expect(em().readTree(repo, 'outbox/main')['.github/workflows/new.yml']).toBe('on: push\n');
    expect(git(work, ['for-each-ref', '--format=%(refname) %(objectname)'])).toBe(before);
    expect(otherFiles()).toEqual(filesBefore);
  });
});

/** Outbox file names that carry workflow commands (one patch applied, its copy skipped, a bundle). */
const SKIPPED = '0001-x\n::warning title=INJ::x\n.patch';
const APPLIED = '0000-y\r::error title=INJ::y\r\n::add-mask::INJ\u2028::stop-commands::INJ.patch';
const BUNDLE = 'z\n::group::INJ\n##[warning]INJ.bundle';
/** Names of changed files that carry Markdown and HTML. The payload; git keeps no empty path component, so its '//' is a folder and a file in it. */
const EVIL_NAME = 'evil\n\n## INJECTED [click](https:/x)\n\n.txt';
const ODD_NAME = '<img src=x onerror=alert(1)>|`tick`*_x_*#[a](b).txt';

/**
 * One publish serves the log test of outbox file names and the job summary test of changed file
 * names: both are outbox runs with default inputs, and each asserts on its own part of the result.
 */
let oddNames: Promise<{ repo: string; result: Run }> | undefined;
function oddNamesRun(): Promise<{ repo: string; result: Run }> {
  oddNames ??= (async () => {
    const repo = newRepo(em(), 'odd-names');
    const dir = root();
    const work = outboxOf(repo, dir, (w) => {
      fs.writeFileSync(path.join(w, 'one.txt'), '1\n');
      fs.mkdirSync(path.join(w, path.dirname(EVIL_NAME)));
      fs.writeFileSync(path.join(w, EVIL_NAME), 'payload\n');
      fs.writeFileSync(path.join(w, ODD_NAME), 'odd\n');
      commitAll(w, 'One change, with oddly named files');
    });
    const outbox = path.join(dir, 'workspace', 'outbox');
    const [made] = fs.readdirSync(outbox);
    fs.renameSync(path.join(outbox, made), path.join(outbox, APPLIED));
    // The same change again: skipped, with its name in the log.
    fs.copyFileSync(path.join(outbox, APPLIED), path.join(outbox, SKIPPED));
    git(work, ['reset', '-q', '--hard', 'origin/main']);
    fs.writeFileSync(path.join(work, 'two.txt'), '2\n');
    commitAll(work, 'Bundled change');
    git(work, ['bundle', 'create', '-q', path.join(outbox, BUNDLE), 'origin/main..HEAD']);
    const result = await publish({ token: TOKEN, root: dir, inputs: { repo, outbox: 'outbox' } });
    return { repo, result };
  })();
  return oddNames;
}

describe('no outside string starts a workflow command in the log', () => {
  test('patch and bundle file names (in command lines and the Skipped line) are quoted', async () => {
    const { repo, result } = await oddNamesRun();
    expect(injectedCommands(result)).toEqual([]);
    expectSuccess(result);
    expect(result.main.log).toContain(
      'Skipped "0001-x\\n::warning title=INJ::x\\n.patch": the same change is already'
    );
    expect(result.main.log).toMatch(
      /\[command\]git bundle verify -q ".*z\\n::group::INJ\\n#\\043\[warning\]INJ\.bundle"/
    );
    expect(Object.keys(em().readTree(repo, 'outbox/main'))).toEqual(
      expect.arrayContaining(['one.txt', 'two.txt'])
    );
  });

  test('the name of a patch that does not apply, and git stderr, reach ::error:: escaped', async () => {
    const repo = newRepo(em(), 'inj-error');
    const dir = root();
    outboxOf(repo, dir, (w) => {
      fs.appendFileSync(path.join(w, 'data', 'old.txt'), 'more\n');
      commitAll(w, 'Edit old.txt');
    });
    em().commitToBranch(repo, 'main', { 'data/old.txt': 'changed upstream\n' }, 'Conflicting change');
    const outbox = path.join(dir, 'workspace', 'outbox');
    const [made] = fs.readdirSync(outbox);
    fs.renameSync(path.join(outbox, made), path.join(outbox, SKIPPED));
    const result = await publish({ token: TOKEN, root: dir, inputs: { repo, outbox: 'outbox' } });
    expect(injectedCommands(result)).toEqual([]);
    expectFailure(
      result,
      /^Outbox file "0001-x\\n::warning title=INJ::x\\n\.patch" does not apply on 'main': /
    );
    expect(pushesTo(em(), repo)).toBe(0);
  });

  test('a workflow_dispatch target_branch with a line break is logged quoted, before it is refused', async () => {
    const repo = newRepo(em(), 'inj-dispatch');
    const dir = root();
    const event = path.join(dir, 'event.json');
    fs.writeFileSync(
      event,
      JSON.stringify({ inputs: { target_branch: 'main\n::warning title=INJ::x\r::set-output name=INJ::y' } })
    );
    const result = await publish({
      token: TOKEN,
      root: dir,
      inputs: { repo, run: 'echo x > x.txt' },
      env: { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_EVENT_PATH: event }
    });
    expect(injectedCommands(result)).toEqual([]);
    expectFailure(
      result,
      /^Input 'target-branch': .* is not a valid branch name: it contains a control character/
    );
    expect(result.main.log).toContain(
      'using inputs.target_branch from the triggering event: "main\\n::warning title=INJ::x\\r::set-output name=INJ::y"'
    );
    expect(pushesTo(em(), repo)).toBe(0);
  });
});

describe('the job summary renders names as text', () => {
  test('a file name with line breaks, a heading and a link stays one escaped list item', async () => {
    const { repo, result } = await oddNamesRun();
    expectSuccess(result);
    expect(Object.keys(em().readTree(repo, 'outbox/main'))).toEqual(
      expect.arrayContaining([EVIL_NAME, ODD_NAME])
    );
    const summary = result.summary;
    // Every line is HTML (an HTML block never ends without a blank line), and none is blank.
    const lines = summary.split('\n').filter((line, i, all) => i < all.length - 1 || line !== '');
    expect(lines.filter((line) => !line.startsWith('<'))).toEqual([]);
    // No heading, link, image, emphasis or tag from the names: only the action's own markup.
    expect(summary).not.toMatch(/^\s*#/m);
    expect(summary).not.toMatch(/\]\(|<img|<a (?!href="https:\/\/github\.com\/)/);
    expect(summary.match(/<h\d>/g)).toEqual(['<h2>', '<h3>']);
    expect(summary).toContain(
      '<code>&#34;evil&#92;n&#92;n&#35;&#35; INJECTED &#91;click&#93;&#40;https&#58;/x&#41;&#92;n&#92;n.txt&#34;</code> added'
    );
    expect(summary).toContain(
      '<code>&#60;img src=x onerror=alert&#40;1&#41;&#62;&#124;&#96;tick&#96;&#42;&#95;x&#95;&#42;&#35;&#91;a&#93;&#40;b&#41;.txt</code> added'
    );
    expect(injectedCommands(result)).toEqual([]);
  });
});

describe('patches are bytes', () => {
  const cases: Array<[string, Record<string, Buffer>, (work: string) => void]> = [
    ['a latin-1 text file', { 'latin1.txt': Buffer.from('caf\xe9\nna\xefve\n', 'latin1') }, () => {}],
    [
      'CRLF lines, and a file that mixes CRLF and LF',
      { 'crlf.txt': Buffer.from('one\r\ntwo\r\n'), 'mixed.txt': Buffer.from('a\r\nb\nc\r\n') },
      () => {}
    ],
    [
      'a binary file (format-patch --binary)',
      {
        'image.bin': Buffer.from([
          0,
          1,
          2,
          255,
          254,
          0x0d,
          0x0a,
          0x0d,
          0,
          0x80,
          0x81,
          ...Buffer.from('From 0000 Mon Sep 17 00:00:00 2001\n')
        ])
      },
      () => {}
    ],
    ['a file without a final newline', { 'no-eol.txt': Buffer.from('last line without newline') }, () => {}],
    [
      'a changed mode, and a new executable',
      { 'tool.sh': Buffer.from('#!/bin/sh\necho hi\n') },
      (work) => fs.chmodSync(path.join(work, 'data', 'old.txt'), 0o755)
    ]
  ];

  // One outbox holds every case, as two patches (format-patch --binary, which writes text files
  // as it would without it): one publish, and each case checks its own files.
  const EXTRA = Buffer.from('\xff\r\n', 'latin1');
  let repo: string;
  let result: Run;
  beforeAll(async () => {
    repo = newRepo(em(), 'bytes');
    const dir = root();
    outboxOf(
      repo,
      dir,
      (w) => {
        for (const [, files, more] of cases) {
          for (const [file, bytes] of Object.entries(files)) fs.writeFileSync(path.join(w, file), bytes);
          if (files['tool.sh']) fs.chmodSync(path.join(w, 'tool.sh'), 0o755);
          // An edit of a file that is there already, in the same bytes, as a second patch.
          more(w);
        }
        commitAll(w, 'Bytes as they are');
        for (const [, files] of cases)
          for (const [file, bytes] of Object.entries(files))
            fs.writeFileSync(path.join(w, file), Buffer.concat([bytes, EXTRA]));
        commitAll(w, 'More bytes');
      },
      ['--binary']
    );
    result = await publish({ token: TOKEN, root: dir, inputs: { repo, outbox: 'outbox' } });
  });

  test.each(cases)('%s is published byte for byte', (_name, files) => {
    expectSuccess(result);
    for (const [file, bytes] of Object.entries(files)) {
      expect(blobBytes(repo, 'outbox/main~1', file).equals(bytes)).toBe(true);
      expect(blobBytes(repo, 'outbox/main', file).equals(Buffer.concat([bytes, EXTRA]))).toBe(true);
    }
    if (files['tool.sh']) {
      expect(modeOf(repo, 'outbox/main', 'tool.sh')).toBe('100755');
      expect(modeOf(repo, 'outbox/main', 'data/old.txt')).toBe('100755');
    }
  });
});

describe('an outbox has bounds', () => {
  /** A format-patch mail that adds `file`. */
  function mail(i: number): string {
    const file = `f${i}.txt`;
    return [
      'From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001',
      'From: Dev Eloper <dev@example.com>',
      `Date: Tue, 3 Mar 2026 12:${String(i % 60).padStart(2, '0')}:00 +0000`,
      `Subject: [PATCH] Add ${file}`,
      '',
      '---',
      `diff --git a/${file} b/${file}`,
      'new file mode 100644',
      'index 0000000..d00491f',
      '--- /dev/null',
      `+++ b/${file}`,
      '@@ -0,0 +1 @@',
      `+${i}`,
      '--',
      '2.39.5',
      ''
    ].join('\n');
  }

  test('a 200,000-mail mbox is refused with the numbers before any git process or request', async () => {
    const repo = newRepo(em(), 'bounds-mails');
    const dir = root();
    fs.mkdirSync(path.join(dir, 'workspace', 'outbox'), { recursive: true });
    const one = mail(1);
    fs.writeFileSync(path.join(dir, 'workspace', 'outbox', 'huge.mbox'), one.repeat(200_000));
    const requestsBefore = em().requests.length;
    const result = await publish({ token: TOKEN, root: dir, inputs: { repo, outbox: 'outbox' } });
    expectFailure(
      result,
      /^Input 'outbox': holds 200000 changes, more than 'outbox-max-changes' allows \(1000\)/
    );
    expect(result.main.log).not.toContain('[command]git');
    expect(em().requests.length).toBe(requestsBefore);
  });

  test('the total size is checked first, from the file sizes', async () => {
    const repo = newRepo(em(), 'bounds-bytes');
    const dir = root();
    fs.mkdirSync(path.join(dir, 'workspace', 'outbox'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'workspace', 'outbox', '0001-a.patch'), mail(1));
    fs.writeFileSync(path.join(dir, 'workspace', 'outbox', '0002-b.patch'), mail(2));
    const size = mail(1).length + mail(2).length;
    const result = await publish({
      token: TOKEN,
      root: dir,
      inputs: { repo, outbox: 'outbox', 'outbox-max-bytes': String(size - 1) }
    });
    expectFailure(
      result,
      new RegExp(
        `^Input 'outbox': its 2 file\\(s\\) hold ${size} bytes, more than 'outbox-max-bytes' allows \\(${size - 1}\\)`
      )
    );
    expect(result.main.log).not.toContain('[command]git');
    expect(pushesTo(em(), repo)).toBe(0);
  });

  test("a bundle's commits count too", async () => {
    const repo = newRepo(em(), 'bounds-bundle');
    const dir = root();
    const work = workClone(repo);
    for (const n of [1, 2, 3]) {
      fs.writeFileSync(path.join(work, `b${n}.txt`), `${n}\n`);
      commitAll(work, `Bundled ${n}`);
    }
    fs.mkdirSync(path.join(dir, 'workspace', 'outbox'), { recursive: true });
    git(work, [
      'bundle',
      'create',
      '-q',
      path.join(dir, 'workspace', 'outbox', 'work.bundle'),
      'origin/main..HEAD'
    ]);
    fs.writeFileSync(path.join(dir, 'workspace', 'outbox', '0001-a.patch'), mail(1));
    const result = await publish({
      token: TOKEN,
      root: dir,
      inputs: { repo, outbox: 'outbox', 'outbox-max-changes': '3' }
    });
    expectFailure(result, /^Input 'outbox': holds 4 changes, more than 'outbox-max-changes' allows \(3\)/);
    expect(pushesTo(em(), repo)).toBe(0);
  });

  test('a series is applied by one git am and deduplicated by one patch-id, not processes per patch', async () => {
    const repo = newRepo(em(), 'bounds-speed');
    const dir = root();
    const outbox = path.join(dir, 'workspace', 'outbox');
    fs.mkdirSync(outbox, { recursive: true });
    for (let i = 1; i <= 60; i++)
      fs.writeFileSync(path.join(outbox, `${String(i).padStart(4, '0')}-add.patch`), mail(i));
    // The same change twice: the second is skipped.
    fs.writeFileSync(path.join(outbox, '0061-again.patch'), mail(60));
    const result = await publish({ token: TOKEN, root: dir, inputs: { repo, outbox: 'outbox' } });
    expectSuccess(result);
    expect(result.main.log).toContain("Outbox: applied 60 change(s), skipped 1 already on 'main'.");
    const gitCommands = result.main.log.split('\n').filter((line) => line.startsWith('[command]git'));
    expect(gitCommands.filter((line) => / am /.test(line))).toHaveLength(1);
    expect(gitCommands.filter((line) => / patch-id /.test(line)).length).toBeLessThanOrEqual(2);
    expect(gitCommands.length).toBeLessThan(30);
    expect(em().git(repo, ['rev-list', '--count', 'main..outbox/main'])).toBe('60');
    const trailers = em()
      .git(repo, ['log', '--format=%(trailers:key=Published-by,valueonly,separator=)', 'main..outbox/main'])
      .split('\n');
    expect(new Set(trailers)).toEqual(new Set(['outbox-publisher']));
    expect(
      em().git(repo, ['log', '-1', '--format=%an <%ae>|%ad|%s', '--date=iso-strict', 'outbox/main'])
    ).toBe('Dev Eloper <dev@example.com>|2026-03-03T12:00:00+00:00|Add f60.txt');
  });
});
