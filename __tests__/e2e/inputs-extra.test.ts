/**
 * The issue-12 inputs and outputs on as few runs as possible: one publish asserts several of them,
 * its rerun and a run that finds the changes on the target already check the outputs' other values.
 */
import { expectSuccess, newRepo, publish, useEmulator, type Emulator } from './support.js';

const TOKEN = 'ghs_e2eInputsExtraToken00000000000001';
const suite = useEmulator((emulator) => emulator.addToken(TOKEN, { login: 'outbox-app[bot]', scopes: null }));
const em = (): Emulator => suite.emulator;

describe('changes-detected and changed-files', () => {
  test('count what the run publishes: created, then unchanged, then closed', async () => {
    const repo = newRepo(em(), 'outputs');
    const inputs = {
      repo,
      'target-branch': 'main',
      run: 'echo new > new.txt && echo changed > data/old.txt && rm -f README.md'
    };
    const first = await publish({ token: TOKEN, inputs });
    expectSuccess(first);
    expect(first.outputs).toMatchObject({
      'pull-request-operation': 'created',
      'changes-detected': 'true',
      'changed-files': '3'
    });

    // Already published: nothing pushed, but the run still proposes the same three files.
    const rerun = await publish({ token: TOKEN, inputs });
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
