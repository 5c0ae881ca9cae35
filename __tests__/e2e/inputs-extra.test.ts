/**
 * The issue-12 inputs and outputs on as few runs as possible: one publish asserts several of them,
 * its rerun and a run that finds the changes on the target already check the outputs' other values.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expectSuccess, newRepo, publish, useEmulator, type Emulator } from './support.js';

const TOKEN = 'ghs_e2eInputsExtraToken00000000000001';
const suite = useEmulator((emulator) => emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null }));
const em = (): Emulator => suite.emulator;

/** A run's root folder whose workspace holds `body.md`. */
function rootWithBody(text: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-run-'));
  fs.mkdirSync(path.join(root, 'workspace'), { recursive: true });
  fs.writeFileSync(path.join(root, 'workspace', 'body.md'), text);
  return root;
}

// Over GitHub's limit in code points, and in UTF-16 units twice over (each emoji is two).
const LONG_BODY = `Release notes\n\n\`\`\`\n${'\u{1F600}'.repeat(70_000)}\n\`\`\`\n`;

describe('changes-detected and changed-files', () => {
  test('count what the run publishes: created (with body-path), then unchanged, then closed', async () => {
    const repo = newRepo(em(), 'outputs');
    const inputs = {
      repo,
      'target-branch': 'main',
      run: 'echo new > new.txt && echo changed > data/old.txt && rm -f README.md'
    };
    const first = await publish({
      token: TOKEN,
      inputs: { ...inputs, 'body-path': 'body.md' },
      root: rootWithBody(LONG_BODY)
    });
    expectSuccess(first);
    // body-path: read from the workspace, cut to GitHub's limit with a note, and a warning.
    const body = em().pullsOf(repo)[0].body as string;
    expect(body.startsWith('Release notes\n\n```\n\u{1F600}')).toBe(true);
    expect([...body].length).toBeLessThanOrEqual(65536);
    expect([...body].length).toBeGreaterThan(65000);
    expect(body).toMatch(
      /\n```\n\n---\n\*\[Pull request body truncated: the 'body-path' input held 70024 characters/
    );
    expect(first.main.log).toMatch(
      /^::warning::The pull request body from 'body-path' has 70024 characters/m
    );
    expect(first.outputs).toMatchObject({
      'pull-request-operation': 'created',
      'changes-detected': 'true',
      'changed-files': '3'
    });
    // HEAD and the changed paths are read once (src/change-facts.ts), for the policy, LFS and the
    // count: one commit on the target, so its log is the net difference too (no diff, no cat-file).
    const afterCommit = first.main.log.slice(first.main.log.indexOf('[command]git commit'));
    const reads = afterCommit.match(
      /^\[command\]git (log -m|diff --name|rev-list --objects|cat-file)\b.*$/gm
    );
    expect(reads?.map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual(['[command]git log -m']);

    // Already published: nothing pushed, but the run still proposes the same three files.
    const rerun = await publish({
      token: TOKEN,
      inputs: { ...inputs, 'body-path': 'body.md' },
      root: rootWithBody(LONG_BODY)
    });
    expectSuccess(rerun);
    expect(rerun.outputs).toMatchObject({
      'pull-request-operation': 'unchanged',
      pushed: 'false',
      'changes-detected': 'true',
      'changed-files': '3'
    });

    // The same changes land on the target: the run has nothing left to propose.
    em().commitToBranch(repo, 'main', { 'new.txt': 'new\n', 'data/old.txt': 'changed\n', 'README.md': null });
    const closed = await publish({ token: TOKEN, inputs });
    expectSuccess(closed);
    expect(closed.outputs).toMatchObject({
      'pull-request-operation': 'closed',
      'changes-detected': 'false',
      'changed-files': '0'
    });
  });
});
