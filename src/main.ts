import * as core from '@actions/core';
import { makeChanges } from './changes.js';
import { SandboxRemoval } from './cleanup.js';
import { connect, openSandbox } from './connect.js';
import { deliver } from './deliver.js';
import { ActionError, describeError } from './errors.js';
import { GitHubClient } from './github.js';
import { LfsSupport } from './lfs.js';
import { readInputs } from './read-inputs.js';
import { writeReport } from './report.js';
import type { EarlyCommand } from './sandbox.js';
import { readToken } from './token.js';
import { prepareWorkTree, workTreeOptions } from './worktree.js';

/**
 * The main step: token → inputs → sandbox and auth → work tree → changes → deliver → report.
 * `ghVersion` is `gh --version` when the entry point started it already.
 */
export async function run(early: { ghVersion?: EarlyCommand } = {}): Promise<void> {
  let removal: SandboxRemoval | undefined;
  try {
    // The token is masked before anything else can print it, even an input error.
    const token = readToken(process.env, { info: core.info, mask: core.setSecret });
    const { inputs, context, outbox } = await readInputs(process.env);
    const repository = `${inputs.owner}/${inputs.repo}`;
    const remoteUrl = `${context.serverUrl}/${repository}.git`;

    const github = new GitHubClient(token, context.apiUrl, inputs.owner, inputs.repo, inputs.maxWaitSeconds);
    const sandbox = await openSandbox(context);
    const session = await connect(github, sandbox, { token, host: context.host, inputs, ...early });
    const { target, branch } = session;
    removal = new SandboxRemoval(sandbox);
    // After gh's setup, which writes the same global config file.
    const lfs = await LfsSupport.setUp(sandbox);

    const where = { runnerTemp: context.runnerTemp, remoteUrl, repository, target, branch };
    const work = await prepareWorkTree(
      sandbox,
      await workTreeOptions(inputs, where, (sha) => github.isOnBranch(target, sha))
    );
    const changes = await makeChanges(work, {
      inputs,
      target,
      outbox,
      sandbox,
      lfs,
      remote: { url: remoteUrl, token }
    });

    const { local, lfsUploads } = changes;
    const delivery = await deliver({
      ...{ work, local, github, inputs, target, branch, lfsUploads },
      openPullRequest: session.openPullRequest,
      doneWithGit: removal.start
    });
    removal.start();
    const described = await changes.summary;
    const changesDetected = local.tree !== work.target.tree;
    await writeReport({
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
      files: changesDetected ? described?.files : []
    });
  } catch (error) {
    core.setFailed(describeError(error));
    // A bug, not a problem with the workflow: its stack helps the report (shown only with debug logging).
    if (!(error instanceof ActionError) && error instanceof Error && error.stack) core.debug(error.stack);
  } finally {
    await removal?.finished();
  }
}
