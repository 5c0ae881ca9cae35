/**
 * Bad input through the built action: each case must end with exit code 1, one `::error::` that
 * names the input (or GITHUB_TOKEN), no stack trace, no request to GitHub, and no file created
 * outside the job's folders. The whole table is in __tests__/unit/bad-input.test.ts.
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

/**
 * One case per stage of the main step's validation (token, repository and branch parsing, path
 * resolution, the outbox read, a choice): the full table runs against those functions in
 * __tests__/unit/bad-input.test.ts; these prove that the built action turns each into one
 * `::error::`, exit 1, no request and nothing left behind.
 */
const CASES: Case[] = [
  ['repo with a shell command', { repo: 'a/b;touch /tmp/pwned' }, 'repo'],
  ['target with ..', { 'target-branch': 'main..x' }, 'target-branch'],
  ['token with a newline', {}, 'GITHUB_TOKEN', 'ghs_abc\ndef0000000000000000000'],
  ['path climbing out', { path: '../../elsewhere' }, 'path'],
  ['outbox that is a file', { outbox: 'a-file.patch' }, 'outbox'],
  ['mode PUSH', { mode: 'PUSH' }, 'mode']
];

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
