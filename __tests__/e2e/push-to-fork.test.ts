/**
 * `push-to-fork` end to end: the branch goes to a fork the bot may push to, the pull request from
 * `fork-owner:branch` into the repository the bot may not push to; reruns find it by that head.
 */
import {
  expectFailure,
  expectSuccess,
  newRepo,
  publish,
  pushesTo,
  useEmulator,
  type Emulator
} from './support.js';

const TOKEN = 'ghs_e2eForkToken0000000000000000000001';
const BOT = 'fork-bot';

const suite = useEmulator((emulator) => {
  emulator.addToken(TOKEN, { login: BOT, scopes: null });
});
const em = (): Emulator => suite.emulator;

/** The requests since `since` that write: any REST or GraphQL call but a read, and every push. */
function writesSince(since: number): string[] {
  return em()
    .requestsMatching({ since })
    .filter(
      (r) =>
        (r.kind === 'rest' && r.method !== 'GET') ||
        r.kind === 'graphql' ||
        (r.kind === 'git' && r.service === 'git-receive-pack')
    )
    .map((r) => `${r.method} ${r.path}`);
}

describe('push-to-fork', () => {
  let upstream: string;
  let fork: string;
  const inputs = (run: string) => ({ repo: upstream, 'push-to-fork': fork, run, title: 'Bump data' });

  beforeAll(() => {
    upstream = newRepo(em(), 'fork-upstream');
    // The bot may open pull requests in the upstream repository, but not push to it.
    em().setRepoAccess(TOKEN, upstream, { contents: 'read' });
    fork = em().forkRepo(upstream, BOT);
  });

  test('creates the pull request from the fork, finds it on reruns, updates it, never forces over others', async () => {
    const created = await publish({ token: TOKEN, inputs: inputs('echo one > data/new.txt') });
    expectSuccess(created);
    expect(created.outputs).toMatchObject({
      'pull-request-operation': 'created',
      'pull-request-number': '1',
      branch: 'outbox/main',
      pushed: 'true'
    });
    // The branch is in the fork only; the pull request in upstream names the fork as its head.
    expect(em().readTree(fork, 'outbox/main')).toMatchObject({ 'data/new.txt': 'one\n' });
    expect(em().branchSha(upstream, 'outbox/main')).toBeNull();
    expect(pushesTo(em(), upstream)).toBe(0);
    expect(pushesTo(em(), fork)).toBe(1);
    const pr = em().getPull(upstream, 1)!;
    expect(pr).toMatchObject({
      state: 'open',
      title: 'Bump data',
      maintainer_can_modify: true,
      head: { label: `${BOT}:outbox/main`, ref: 'outbox/main', repo: { full_name: fork } },
      base: { ref: 'main', repo: { full_name: upstream } }
    });
    expect(pr.head.sha).toBe(em().branchSha(fork, 'outbox/main'));
    expect(em().pullsOf(fork)).toEqual([]);
    expect(created.outputs['pull-request-url']).toBe(`https://github.com/${upstream}/pull/1`);

    // A rerun with nothing new writes nothing: no push, no API write.
    const mark = em().requests.length;
    const again = await publish({ token: TOKEN, inputs: inputs('echo one > data/new.txt') });
    expectSuccess(again);
    expect(again.outputs).toMatchObject({
      'pull-request-operation': 'unchanged',
      'pull-request-number': '1',
      pushed: 'false'
    });
    expect(writesSince(mark)).toEqual([]);
    // It looked the pull request up by the fork's head.
    expect(
      em().requestsMatching({ since: mark, method: 'GET', pathPattern: /\/pulls$/ })[0].query
    ).toMatchObject({ head: `${BOT}:outbox/main`, base: 'main' });

    // New content: the fork's branch moves (leased), the same pull request follows it.
    const updated = await publish({ token: TOKEN, inputs: inputs('echo two > data/new.txt') });
    expectSuccess(updated);
    expect(updated.outputs).toMatchObject({ 'pull-request-operation': 'updated', pushed: 'true' });
    expect(em().readTree(fork, 'outbox/main')['data/new.txt']).toBe('two\n');
    expect(em().pullsOf(upstream)).toHaveLength(1);
    expect(em().getPull(upstream, 1)!.head.sha).toBe(em().branchSha(fork, 'outbox/main'));
    expect(em().pullRequestEvents(upstream, ['synchronize'])).toHaveLength(1);

    // Someone else's commit on the fork's branch is read from the fork and never forced over.
    const theirs = em().commitToBranch(fork, 'outbox/main', { 'data/theirs.txt': 'mine\n' }, 'Their fix');
    const refused = await publish({ token: TOKEN, inputs: inputs('echo three > data/new.txt') });
    expectFailure(refused, /'outbox\/main' holds 1 commit\(s\) that outbox-publisher did not make/);
    expect(em().branchSha(fork, 'outbox/main')).toBe(theirs);
  });

  test('a repository that is not a fork of the target is an input error, before anything is pushed', async () => {
    const other = newRepo(em(), 'not-a-fork');
    const mark = em().requests.length;
    const result = await publish({
      token: TOKEN,
      inputs: { ...inputs('echo x > x.txt'), 'push-to-fork': other }
    });
    expectFailure(
      result,
      /^Input 'push-to-fork': '[^']+' is not a fork of [^,]+, nor a fork of the same parent \(it is no fork\)\n/
    );
    expect(result.main.errors[0]).toMatch(/Give a fork of/);
    expect(writesSince(mark)).toEqual([]);
    expect(em().requestsMatching({ since: mark, kind: 'git' })).toEqual([]);
    expect(result.outputs.pushed).toBeUndefined();
  });

  test('a fork the token may not push to fails the step at the push; nothing is reported as published', async () => {
    const denied = em().forkRepo(upstream, 'someone-else');
    em().setRepoAccess(TOKEN, denied, { contents: 'read' });
    const mark = em().requests.length;
    const result = await publish({
      token: TOKEN,
      inputs: { ...inputs('echo y > y.txt'), 'push-to-fork': denied, branch: 'outbox/denied' }
    });
    expectFailure(result, /Pushing to 'outbox\/denied' of the fork in 'push-to-fork' failed/);
    expect(result.main.errors[0]).toMatch(new RegExp(`Permission to ${denied}\\.git denied to ${BOT}`));
    expect(result.main.errors[0]).toMatch(/contents: write on the fork/);
    expect(em().branchSha(denied, 'outbox/denied')).toBeNull();
    // GitHub refused the push at its first request; no pull request was asked for.
    expect(
      em().requestsMatching({ since: mark, service: 'git-receive-pack', status: 403 }).length
    ).toBeGreaterThan(0);
    expect(em().requestsMatching({ since: mark, method: 'POST', pathPattern: /\/pulls$/ })).toEqual([]);
    expect(result.outputs.pushed).toBeUndefined();
    expect(result.outputs['pull-request-operation']).toBeUndefined();
  });
});
