import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as core from '@actions/core';
import { publishPullRequest, pushToTarget } from './deliver.js';
import { ActionError, describeError } from './errors.js';
import { logText } from './log-text.js';
import { SandboxRemoval } from './cleanup.js';
import { authenticateGh, findGh } from './gh-auth.js';
import { GitHubClient } from './github.js';
import { parseInputs, readEventSession, readRunnerContext, withEventSession, type Inputs } from './inputs.js';
import { LfsSupport } from './lfs.js';
import { applyOutbox, readOutbox } from './outbox.js';
import { Sandbox, type EarlyCommand } from './sandbox.js';
import { STATE } from './state.js';
import { writeReport } from './summary.js';
import { resolveRealPaths } from './real-paths.js';
import { readToken, reportsNoScopes, reviewTokenAccess } from './token.js';
import { checkWorkflowPolicy } from './workflow-policy.js';
import { prepareWorkTree } from './worktree.js';

/**
 * The main step: token → inputs → sandbox auth → work tree → changes → publish → report.
 * `ghVersion` is `gh --version` when the entry point started it already.
 */
export async function run(early: { ghVersion?: EarlyCommand } = {}): Promise<void> {
  let removal: SandboxRemoval | undefined;
  try {
    // The token is masked before anything else can print it, even an input error.
    const token = readToken(process.env, { info: core.info, mask: core.setSecret });
    const requested = readEventSession(process.env.GITHUB_EVENT_NAME, await readEventPayload());
    const { context, realPaths } = await resolveRealPaths(readRunnerContext(process.env), (name) =>
      core.getInput(name)
    );
    const inputs = parseInputs(
      withEventSession((name) => core.getInput(name), requested, core.info),
      context,
      realPaths
    );
    // Read and counted before any sandbox, clone or request: an outbox over its bounds costs nothing.
    const outbox = inputs.outbox
      ? await readOutbox(inputs.outbox, {
          maxChanges: inputs.outboxMaxChanges,
          maxBytes: inputs.outboxMaxBytes
        })
      : undefined;
    const repository = `${inputs.owner}/${inputs.repo}`;

    const github = new GitHubClient(token, context.apiUrl, inputs.owner, inputs.repo, inputs.maxWaitSeconds);
    const sandbox = await Sandbox.create(context.runnerTemp, core.info);
    core.saveState(STATE.sandboxDir, sandbox.dir);
    // actions/checkout leaves an Authorization header in the clone's config; an empty value resets it.
    // proactiveAuth (git 2.46+) asks gh for the credential before the first request, saving the
    // 401 round trip of every fetch and push; older git ignores the key.
    sandbox.overrideGitConfig([
      [`http.${context.serverUrl}/.extraheader`, ''],
      ['http.extraheader', ''],
      ['http.proactiveAuth', 'basic']
    ]);
    const { session } = await connect(github, sandbox, {
      token,
      host: context.host,
      inputs,
      ghVersion: early.ghVersion
    });
    const { target, branch } = session;
    removal = new SandboxRemoval(sandbox);
    // After gh's setup, which writes the same global config file.
    const lfs = await LfsSupport.setUp(sandbox);

    // A clone already at `path` is read as data and its work taken over into a clone of our own:
    // an earlier step may have written its .git (hooks, fsmonitor, filters, credential helpers).
    const existing =
      inputs.path !== undefined && (await fs.readdir(inputs.path).catch(() => [])).length > 0
        ? inputs.path
        : undefined;
    const dir =
      existing === undefined && inputs.path !== undefined
        ? inputs.path
        : path.join(await fs.mkdtemp(path.join(context.runnerTemp, 'outbox-publisher-clone-')), inputs.repo);
    const remoteUrl = `${context.serverUrl}/${repository}.git`;
    const { author, committer, commitMessage } = inputs;
    const hasScript = inputs.run.trim() !== '';
    // Without a script to run, a clone of our own needs on disk only what the outbox changes.
    const sparse = !hasScript && inputs.path === undefined;
    const work = await prepareWorkTree(sandbox, {
      dir,
      existing,
      remoteUrl,
      repository,
      target,
      branch,
      commitMessage,
      author,
      committer,
      sparse,
      branchHistory: inputs.mode === 'pull-request',
      isOnTarget: (sha) => github.isOnBranch(target, sha)
    });
    if (outbox) await applyOutbox(work.tree, outbox, { target, targetRef: work.targetRef, committer });
    // Without a script nothing but the outbox (committed as it was applied) changed the tree.
    if (hasScript) {
      await lfs.fetchContent(work.tree);
      await sandbox.runScript(inputs.run, work.tree.dir, lfs.contentEnv);
      await work.tree.commitAll(commitMessage, author, committer);
    }
    const local = await work.tree.commitInfo('HEAD');
    // Before anything is pushed, dry runs included: workflow files only when the author allowed them.
    if (local.tree !== work.target.tree || local.sha !== work.target.sha) {
      checkWorkflowPolicy(
        await work.tree.pathsTouched(work.target.sha, local.sha),
        inputs.allowWorkflowChanges
      );
    }

    // Before anything is pushed: LFS files need git-lfs, pointers, and their objects somewhere.
    const lfsUploads = await lfs.review(work.tree, work.target.sha, { url: remoteUrl, token });
    // For the report, read by commit id while the delivery runs (a push moves refs, not ids).
    // Only the report needs them: a failure to read them costs the file list, not the publish.
    const changes = (
      local.tree === work.target.tree
        ? Promise.resolve(undefined)
        : work.tree.describeChanges(work.target.sha, local.sha)
    ).catch(
      (error: Error) => (
        core.warning(`Could not list the changes for the report: ${logText(error.message)}`),
        undefined
      )
    );

    const facts = { work, local, github, inputs, target, branch, lfsUploads, doneWithGit: removal.start };
    const delivery = await (inputs.mode === 'push'
      ? pushToTarget(facts)
      : publishPullRequest({ ...facts, openPullRequest: session.openPullRequest }));
    removal.start();
    const { commits, files } = (await changes) ?? { commits: 0, files: [] };
    await writeReport({
      repository,
      mode: inputs.mode,
      targetBranch: target,
      branch: inputs.mode === 'push' ? target : branch,
      path: work.tree.dir,
      operation: delivery.operation,
      pushed: delivery.pushed,
      dryRun: inputs.dryRun,
      headSha: delivery.headSha,
      pullRequest: delivery.pullRequest,
      commits: delivery.operation === 'closed' ? 0 : commits,
      files
    });
  } catch (error) {
    core.setFailed(describeError(error));
    // A bug, not a problem with the workflow: its stack helps the report (shown only with debug logging).
    if (!(error instanceof ActionError) && error instanceof Error && error.stack) core.debug(error.stack);
  } finally {
    await removal?.finished();
  }
}

/**
 * The first API answers and gh's setup, at once where they do not depend on each other: gh's
 * version always, and the whole gh login for tokens that report no scopes (installation and
 * fine-grained), which gh accepts whatever the API says. An API failure is reported first.
 */
async function connect(
  github: GitHubClient,
  sandbox: Sandbox,
  options: { token: string; host: string; inputs: Inputs; ghVersion?: EarlyCommand }
) {
  const { token, host, inputs } = options;
  const starting = github.start({
    target: inputs.targetBranch,
    branch: inputs.branch,
    lookUpPullRequest: inputs.mode === 'pull-request'
  });
  const version = findGh(sandbox, options.ghVersion);
  const early = reportsNoScopes(token)
    ? version.then((v) => authenticateGh(sandbox, { host, token, ghLoginAccepts: true, version: v }))
    : undefined;
  const [session, gh, login] = await Promise.allSettled([starting, version, early]);
  if (session.status === 'rejected') throw session.reason;
  if (gh.status === 'rejected') throw gh.reason;
  if (login.status === 'rejected') throw login.reason;
  const access = reviewTokenAccess(session.value, core.warning);
  const authMode =
    login.value ??
    (await authenticateGh(sandbox, {
      host,
      token,
      ghLoginAccepts: access.ghLoginAccepts,
      version: gh.value
    }));
  return { session: session.value, authMode };
}

async function readEventPayload(): Promise<unknown> {
  const file = process.env.GITHUB_EVENT_PATH;
  if (!file) return undefined;
  return JSON.parse(await fs.readFile(file, 'utf8').catch(() => 'null'));
}
