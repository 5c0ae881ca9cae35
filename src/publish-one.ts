import * as core from './workflow-commands.js';
import { SandboxRemoval } from './cleanup.js';
import { connect, namesFromInputs, openSandbox, type BranchNames } from './connect.js';
import type { GhLogins } from './gh-login.js';
import type { Inputs } from './inputs.js';
import { LfsSupport } from './lfs.js';
import type { Outbox } from './outbox.js';
import type { Report } from './report.js';
import type { RunnerContext } from './runner-context.js';
import type { EarlyCommand } from './sandbox.js';
import { prepareWorkTree, workTreeOptions, type PreparedWorkTree } from './worktree.js';

export interface PublishSetup {
  token: string;
  inputs: Inputs;
  context: RunnerContext;
  outbox: Outbox | undefined;
  /**
   * gh for the `run` script, shared by the publishes of a step (one login per host); a publish
   * with a `run` script and none given logs gh in inside its own sandbox.
   */
  gh?: GhLogins;
  /** `gh --version`, when the entry point started it already. */
  ghVersion?: EarlyCommand;
  /**
   * The folder the sandbox is made in, when not RUNNER_TEMP: a `sessions` step keeps every
   * session's sandbox in one folder of its own, which its post step removes as a whole.
   */
  sandboxParent?: string;
  /** Called with the target branch as soon as it is known (a failed session still names it). */
  onTarget?: (target: string) => void;
}

/**
 * One publish: sandbox and auth → work tree → changes → deliver. Returns what the report says;
 * writing it is the caller's (one step output set, or a row of the sessions table). The sandbox is
 * removed (or its removal begun and awaited) before this returns or throws.
 */
export async function publishOne(setup: PublishSetup): Promise<Report> {
  const { token, inputs, context, outbox } = setup;
  let removal: SandboxRemoval | undefined;
  let ghReady: Promise<void> | undefined;
  let early: Promise<PreparedWorkTree> | undefined;
  try {
    const repository = `${inputs.owner}/${inputs.repo}`;
    const remoteUrl = `${context.serverUrl}/${repository}.git`;
    const fork = inputs.pushToFork;
    const forkUrl = fork ? `${context.serverUrl}/${fork.owner}/${fork.repo}.git` : undefined;

    const sandbox = await openSandbox(context, token, setup.sandboxParent);
    // Before gh's setup, which writes the same global config file; alongside the API's answers.
    const lfsReady = LfsSupport.setUp(sandbox);
    lfsReady.catch(() => undefined); // awaited below, after an API failure would be reported
    const prepare = async (names: BranchNames) =>
      prepareWorkTree(sandbox, {
        ...(await workTreeOptions(
          inputs,
          { ...names, runnerTemp: context.runnerTemp, remoteUrl, forkUrl, repository },
          async (sha) => (await client).isOnBranch(names.target, sha)
        )),
        configReady: lfsReady
      });
    // The clone is the critical path: when the inputs name both branches its fetch starts first,
    // and the API client (Octokit and its HTTP client, most of the action's code) loads while it
    // runs.
    const names = namesFromInputs(inputs);
    if (names) {
      early = prepare(names);
      early.catch(() => undefined); // awaited below, after an API failure would be reported
    }
    // Spawning is synchronous work of this process: gh's login and the client wait until the
    // fetch's git runs rather than delay it.
    await (early && Promise.race([sandbox.talking, early.catch(() => undefined)]));
    const client = (async () => {
      const { GitHubClient } = await import('./github.js');
      return GitHubClient.open(token, context.apiUrl, inputs, inputs.maxWaitSeconds);
    })();
    const gh =
      inputs.run.trim() === ''
        ? undefined
        : (setup.gh ?? new (await import('./gh-login.js')).GhLogins(sandbox.dir, core.info, setup.ghVersion));
    // The code that runs once the work tree is ready (changes, delivery) loads while the fetch
    // runs rather than before it starts.
    const later = Promise.all([import('./changes.js'), import('./deliver.js')]);
    later.catch(() => undefined); // awaited below, after an API failure would be reported
    const session = await connect(client, sandbox, {
      ...{ token, host: context.host, inputs, gh, names },
      configWritten: lfsReady
    });
    ghReady = session.ghReady;
    const { target, branch } = session;
    setup.onTarget?.(target);
    removal = new SandboxRemoval(sandbox);
    const lfs = await lfsReady;
    const work = await (early ?? prepare({ target, branch }));
    // The fetch and checkout ran while gh logged in; only the `run` script needs gh.
    await ghReady;
    const [{ makeChanges }, { deliver }] = await later;
    const changes = await makeChanges(work, {
      inputs,
      target,
      outbox,
      sandbox,
      lfs,
      remote: { url: remoteUrl, token }
    });

    const { local, lfsUploads } = changes;
    const github = await client;
    const delivery = await deliver({
      ...{ work, local, github, inputs, target, branch, lfsUploads },
      openPullRequest: session.openPullRequest,
      doneWithGit: removal.start
    });
    removal.start();
    const described = await changes.summary;
    const changesDetected = local.tree !== work.target.tree;
    return {
      repository,
      mode: inputs.mode,
      targetBranch: target,
      branch: inputs.mode === 'push' ? target : branch,
      path: work.git.dir,
      operation: delivery.operation,
      pushed: delivery.pushed,
      dryRun: inputs.dryRun,
      headSha: delivery.headSha,
      pullRequest: delivery.pullRequest,
      commits: delivery.operation === 'closed' ? 0 : (described?.commits ?? 0),
      changesDetected,
      // No change: no files. Changes whose list could not be read: unknown, not none.
      files: changesDetected ? described?.files : [],
      commitsVerified: delivery.commitsVerified
    };
  } finally {
    // gh writes into the sandbox until its setup ends, git until the clone is made: nothing
    // removes it before.
    await ghReady?.catch(() => undefined);
    await early?.catch(() => undefined);
    await removal?.finished();
  }
}
