import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { InputError } from '../../src/errors.js';
import {
  MAX_SESSIONS,
  parseSessions,
  sessionsSource,
  type ParseSessionsOptions
} from '../../src/sessions.js';
import { sessionKey } from '../../src/session-key.js';
import {
  DEFAULT_MAX_PARALLEL,
  parseMaxParallel,
  parseShard,
  selectShard,
  shardOf
} from '../../src/shards.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const action = parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
};
/** The declared inputs, and the step-level ones issue 12 adds (not in action.yml yet). */
const knownInputs = [...Object.keys(action.inputs), 'sessions', 'max-parallel', 'shard', 'add-paths'];

const stepValues: Record<string, string> = {
  title: 'Step title',
  labels: 'step-label',
  mode: 'pull-request'
};
const options: ParseSessionsOptions = { knownInputs, stepInput: (name) => stepValues[name] ?? '' };

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseSessions', () => {
  it('reads a JSON list and a YAML list alike', () => {
    const json = parseSessions('[{"repo": "octo/a", "target-branch": "main"}, {"repo": "octo/b"}]', options);
    const yaml = parseSessions('- repo: octo/a\n  target-branch: main\n- repo: octo/b\n', options);
    for (const sessions of [json, yaml]) {
      expect(sessions.map((s) => [s.index, s.repo, s.getInput('target-branch')])).toEqual([
        [1, 'octo/a', 'main'],
        [2, 'octo/b', '']
      ]);
    }
  });

  it("answers from the session first and from the step's inputs second", () => {
    const [a, b] = parseSessions(
      '[{"repo": "octo/a", "title": "Own title", "body": ""}, {"repo": "octo/b"}]',
      options
    );
    expect(a.getInput('title')).toBe('Own title');
    // A key given empty is the session's value: empty, as an empty step input is.
    expect(a.getInput('body')).toBe('');
    expect(a.getInput('labels')).toBe('step-label');
    expect(b.getInput('title')).toBe('Step title');
    expect(b.getInput('repo')).toBe('octo/b');
  });

  it('keeps every scalar as written: numbers, booleans and null are the text of the step input', () => {
    const [s] = parseSessions(
      '- repo: octo/a\n  target-branch: 1.10\n  draft: yes\n  milestone: 007\n  dry-run: true\n  run: |\n    echo hi\n    exit 0\n',
      options
    );
    expect(s.getInput('target-branch')).toBe('1.10');
    expect(s.getInput('draft')).toBe('yes');
    expect(s.getInput('milestone')).toBe('007');
    expect(s.getInput('dry-run')).toBe('true');
    expect(s.getInput('run')).toBe('echo hi\nexit 0\n');
    const [j] = parseSessions('[{"repo": "octo/a", "draft": true, "milestone": 3}]', options);
    expect(j.getInput('draft')).toBe('true');
    expect(j.getInput('milestone')).toBe('3');
  });

  it('joins a list for a list input the way the step input is split (one per line)', () => {
    const [s] = parseSessions(
      '[{"repo": "octo/a", "labels": ["bot", "deps"], "reviewers": "x, y"}]',
      options
    );
    expect(s.getInput('labels')).toBe('bot\ndeps');
    expect(s.getInput('reviewers')).toBe('x, y');
  });

  it.each([
    ['not JSON or YAML', '[{"repo": "octo/a"', /not valid JSON or YAML/],
    ['not a list', '{"repo": "octo/a"}', /is not a list/],
    ['an empty list', '[]', /empty list/],
    ['an entry that is not an object', '["octo/a"]', /entry 1 is not an object/],
    [
      'an unknown key',
      '[{"repo": "octo/a"}, {"repo": "octo/b", "colour": "red"}]',
      /entry 2 has the key 'colour'/
    ],
    ['a key in snake case', '[{"repo": "octo/a", "target_branch": "main"}]', /Did you mean 'target-branch'/],
    ['a step-only key', '[{"repo": "octo/a", "max-parallel": "2"}]', /'max-parallel'.*whole step/],
    ['a per-session path', '[{"repo": "octo/a", "path": "x"}]', /'path'.*whole step/],
    ['a duplicate key', '- repo: octo/a\n  title: a\n  title: b\n', /not valid JSON or YAML.*unique/],
    ['no repo', '[{"title": "x"}]', /entry 1 has no 'repo'/],
    ['a repo without owner', '[{"repo": "octo"}]', /'octo' is not of the form 'owner\/name'/],
    ['a repo with a bad owner', '[{"repo": "-octo/a"}]', /owner/],
    ['a repo ending in .git', '[{"repo": "octo/a.git"}]', /'.git'/],
    ['a list for a single-value input', '[{"repo": "octo/a", "title": ["a", "b"]}]', /'title' is a list/],
    ['an object value', '[{"repo": "octo/a", "labels": {"a": "b"}}]', /'labels' is an object/],
    ['a list item with a comma', '[{"repo": "octo/a", "labels": ["a,b"]}]', /comma or line break/],
    ['a nested list item', '[{"repo": "octo/a", "labels": [["a"]]}]', /not a string/]
  ])('refuses %s, naming sessions and the fix', (_name, text, message) => {
    const error = inputError(() => parseSessions(text, options));
    expect(error.input).toBe('sessions');
    expect(error.message).toMatch(message);
    // Every refusal says what to do.
    expect(error.message.split('\n').length).toBeGreaterThan(1);
  });

  it('refuses an unknown key that tries to break out of the log line, quoted', () => {
    const error = inputError(() => parseSessions('[{"repo": "octo/a", "x\\n::error::owned": "1"}]', options));
    expect(error.message.split('\n')[0]).toContain('"x\\n::error::owned"');
  });

  it.each([
    [
      'the same repository and target',
      '[{"repo": "octo/a", "target-branch": "main"}, {"repo": "Octo/A", "target-branch": "main"}]'
    ],
    [
      'the same explicit branch',
      '[{"repo": "octo/a", "branch": "b", "target-branch": "x"}, {"repo": "octo/a", "branch": "b", "target-branch": "y"}]'
    ],
    [
      'an explicit branch equal to the default one',
      '[{"repo": "octo/a", "target-branch": "main"}, {"repo": "octo/a", "branch": "outbox/main", "target-branch": "dev"}]'
    ],
    [
      'two pushes to one target',
      '[{"repo": "octo/a", "mode": "push", "target-branch": "main"}, {"repo": "octo/a", "mode": "push", "target-branch": "main", "title": "t"}]'
    ]
  ])('refuses two sessions that publish to one place: %s', (_name, text) => {
    expect(inputError(() => parseSessions(text, options)).message).toMatch(/entries 1 and 2 both publish/);
  });

  it('takes sessions that share a repository but not a branch', () => {
    const sessions = parseSessions(
      '[{"repo": "octo/a", "target-branch": "main"}, {"repo": "octo/a", "target-branch": "dev"}, {"repo": "octo/a", "mode": "push", "target-branch": "main"}]',
      options
    );
    expect(sessions).toHaveLength(3);
  });

  it(`takes ${MAX_SESSIONS} sessions and refuses one more`, () => {
    const list = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ repo: `octo/r${i}` })));
    expect(parseSessions(list(MAX_SESSIONS), options)).toHaveLength(MAX_SESSIONS);
    expect(inputError(() => parseSessions(list(MAX_SESSIONS + 1), options)).message).toMatch(
      /257 sessions, more than 256[\s\S]*shard/
    );
  });

  it('does not expand YAML aliases', () => {
    expect(inputError(() => parseSessions('- &a {repo: octo/a}\n- *a\n', options)).message).toMatch(
      /not valid JSON or YAML/
    );
  });
});

describe('sessionsSource', () => {
  it.each([
    ['', undefined],
    ['  \n', undefined],
    ['sessions.json', { file: 'sessions.json' }],
    ['config/fleet.yml', { file: 'config/fleet.yml' }],
    [' config/fleet.YAML ', { file: 'config/fleet.YAML' }],
    ['- repo: octo/a.yml', { text: '- repo: octo/a.yml' }],
    ['[{"repo": "octo/a"}]', { text: '[{"repo": "octo/a"}]' }],
    ['- repo: a/b\n- repo: c/d.yaml', { text: '- repo: a/b\n- repo: c/d.yaml' }]
  ])('%j', (value, expected) => {
    expect(sessionsSource(value)).toEqual(expected);
  });
});

describe('parseMaxParallel', () => {
  it.each([
    ['', DEFAULT_MAX_PARALLEL],
    ['1', 1],
    [' 8 ', 8],
    ['32', 32]
  ])('%j is %d', (value, expected) => {
    expect(parseMaxParallel(value)).toBe(expected);
  });
  it.each(['0', '33', '-1', '2.5', 'four', '1e1'])('refuses %j', (value) => {
    expect(inputError(() => parseMaxParallel(value)).input).toBe('max-parallel');
  });
});

describe('parseShard', () => {
  it.each([
    ['', undefined],
    ['1/1', { index: 1, count: 1 }],
    ['3/4', { index: 3, count: 4 }],
    [' 2 / 256 ', { index: 2, count: 256 }]
  ])('%j', (value, expected) => {
    expect(parseShard(value)).toEqual(expected);
  });
  it.each(['0/4', '5/4', '1/0', '1/257', '1', '1/2/3', 'a/b', '-1/2'])('refuses %j', (value) => {
    expect(inputError(() => parseShard(value)).input).toBe('shard');
  });
});

describe('shards', () => {
  const sessions = parseSessions(
    JSON.stringify(
      Array.from({ length: 200 }, (_, i) => ({ repo: `octo/repo-${i}`, 'target-branch': 'main' }))
    ),
    options
  );

  it('puts every session in exactly one of n shards', () => {
    for (const count of [1, 2, 3, 7, 16]) {
      const seen = new Map<string, number>();
      for (let index = 1; index <= count; index++) {
        for (const session of selectShard(sessions, { index, count })) {
          seen.set(session.key, (seen.get(session.key) ?? 0) + 1);
        }
      }
      expect(seen.size).toBe(sessions.length);
      expect([...seen.values()].every((times) => times === 1)).toBe(true);
    }
  });

  it("keeps a session's shard when the list is reordered or grows", () => {
    const reordered = [...sessions].reverse();
    const grown = parseSessions(
      JSON.stringify([
        { repo: 'octo/new-one' },
        ...sessions.map((s) => ({ repo: s.repo, 'target-branch': 'main' }))
      ]),
      options
    );
    const shardOfRepo = (list: typeof sessions) =>
      new Map(
        [1, 2, 3, 4].flatMap((index) =>
          selectShard(list, { index, count: 4 }).map((s) => [s.repo, index] as const)
        )
      );
    const before = shardOfRepo(sessions);
    const afterReorder = shardOfRepo(reordered);
    const afterGrowth = shardOfRepo(grown);
    for (const [repo, index] of before) {
      expect(afterReorder.get(repo)).toBe(index);
      expect(afterGrowth.get(repo)).toBe(index);
    }
  });

  it('keeps list order inside a shard and splits roughly evenly', () => {
    const shard = selectShard(sessions, { index: 2, count: 4 });
    expect(shard.map((s) => s.index)).toEqual([...shard.map((s) => s.index)].sort((a, b) => a - b));
    for (let index = 1; index <= 4; index++) {
      const size = selectShard(sessions, { index, count: 4 }).length;
      expect(size).toBeGreaterThan(25);
      expect(size).toBeLessThan(75);
    }
  });

  it('is stable across runs: fixed keys land in fixed shards', () => {
    // Pinned so that a change of hash or key format, which would move sessions between the shards
    // of matrix jobs running different versions, is a deliberate one.
    expect([shardOf('pull-request\nocto/a\noutbox/main', 4), shardOf('push\nocto/a\nmain', 4)]).toEqual(
      PINNED_SHARDS
    );
    expect(sessionKey((name) => ({ repo: 'Octo/A', 'target-branch': 'main' })[name] ?? '')).toBe(
      'pull-request\nocto/a\noutbox/main'
    );
  });

  it('returns every session without a shard', () => {
    expect(selectShard(sessions, undefined)).toHaveLength(200);
  });
});

const PINNED_SHARDS = [4, 1];
