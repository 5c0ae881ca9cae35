import { namesFromInputs } from '../../src/connect.js';
import { parseInputs } from '../../src/inputs.js';
import { proxyConfigured } from '../../src/https-fetch.js';
import { orchestrationUserAgent } from '../../src/octokit.js';
import { readRunnerContext } from '../../src/runner-context.js';

const context = readRunnerContext({
  GITHUB_WORKSPACE: '/home/runner/work/ws',
  RUNNER_TEMP: '/home/runner/work/_temp',
  GITHUB_REPOSITORY: 'octo/own',
  GITHUB_RUN_ID: '7'
});
const inputs = (values: Record<string, string>) => parseInputs((name) => values[name] ?? '', context);

describe('namesFromInputs: what the clone can fetch before the API answers', () => {
  test('nothing without a target: the default branch comes from the API', () => {
    expect(namesFromInputs(inputs({}))).toBeUndefined();
    expect(namesFromInputs(inputs({ branch: 'bot/x' }))).toBeUndefined();
  });

  test('the target and the branch as given, or outbox/<target>', () => {
    expect(namesFromInputs(inputs({ 'target-branch': 'dev', branch: 'bot/x' }))).toEqual({
      target: 'dev',
      branch: 'bot/x'
    });
    expect(namesFromInputs(inputs({ 'target-branch': 'dev' }))).toEqual({
      target: 'dev',
      branch: 'outbox/dev'
    });
  });

  test('a random or timestamp suffix is drawn here; short-commit-hash needs the API', () => {
    const random = namesFromInputs(inputs({ 'target-branch': 'dev', 'branch-suffix': 'random' }));
    expect(random?.branch).toMatch(/^outbox\/dev-[a-z0-9]+$/);
    const stamped = namesFromInputs(
      inputs({ 'target-branch': 'dev', branch: 'b', 'branch-suffix': 'timestamp' })
    );
    expect(stamped?.branch).toMatch(/^b-\d+$/);
    expect(
      namesFromInputs(inputs({ 'target-branch': 'dev', 'branch-suffix': 'short-commit-hash' }))
    ).toBeUndefined();
  });
});

describe('the API client without @actions/github', () => {
  test.each([
    [{}, false],
    [{ HTTPS_PROXY: 'http://proxy:3128' }, true],
    [{ https_proxy: 'http://proxy:3128' }, true],
    [{ HTTP_PROXY: 'http://proxy:3128' }, true],
    [{ http_proxy: '' }, false],
    [{ NO_PROXY: '*' }, false]
  ])('a proxy in %j: %s (then @actions/github builds the client)', (env, proxied) => {
    expect(proxyConfigured(env)).toBe(proxied);
  });

  test("the runner's orchestration id in the user agent, as @actions/github puts it", () => {
    expect(orchestrationUserAgent({})).toBeUndefined();
    expect(orchestrationUserAgent({ ACTIONS_ORCHESTRATION_ID: '  ' })).toBeUndefined();
    expect(orchestrationUserAgent({ ACTIONS_ORCHESTRATION_ID: ' run 1/a:b ' })).toBe(
      'actions_orchestration_id/run_1_a_b'
    );
  });
});
