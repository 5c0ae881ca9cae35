import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as core from '@actions/core';
import { deliver } from './deliver.js';
import { ActionError, describeError } from './errors.js';
import { authenticateGh } from './gh-auth.js';
import { prepareWorkTree } from './git.js';
import { GitHubClient } from './github.js';
import { parseInputs, readRunnerContext } from './inputs.js';
import { planPublish } from './publish.js';
import { Sandbox } from './sandbox.js';
import { STATE } from './state.js';
import { writeReport } from './summary.js';
import { readToken, reviewTokenAccess } from './token.js';

/** The main step: token → inputs → sandbox auth → work tree → changes → publish → report. */
export async function run(): Promise<void> {
  try {
    // The token is masked before anything else can print it, even an input error.
    const token = readToken(process.env, { info: core.info, mask: core.setSecret });
    const context = readRunnerContext(process.env);
    const inputs = parseInputs((name) => core.getInput(name), context);
    const repository = `${inputs.owner}/${inputs.repo}`;

    const github = new GitHubClient(token, context.apiUrl, inputs.owner, inputs.repo);
    const facts = await github.inspectRepository();
    const access = reviewTokenAccess(facts, core.warning);
    const target = inputs.targetBranch ?? facts.defaultBranch;
    const branch = inputs.branch ?? `outbox/${target}`;

    const sandbox = await Sandbox.create(context.runnerTemp);
    core.saveState(STATE.sandboxDir, sandbox.dir);
    core.saveState(STATE.host, context.host);
    core.saveState(STATE.authMode, await authenticateGh(sandbox, { host: context.host, token, ghLoginAccepts: access.ghLoginAccepts }));

    const dir = inputs.path ?? path.join(await fs.mkdtemp(path.join(context.runnerTemp, 'outbox-publisher-clone-')), inputs.repo);
    const work = await prepareWorkTree(sandbox, { dir, remoteUrl: `${context.serverUrl}/${repository}.git`, repository, target, branch });
    if (inputs.run.trim()) await sandbox.runScript(inputs.run, work.tree.dir);
    const local = await work.tree.commitAll(inputs.commitMessage, inputs.author, inputs.committer);

    const existing = await github.findOpenPullRequest(branch, target);
    const desired = { title: inputs.title, body: inputs.body, labels: inputs.labels };
    const plan = planPublish({ target: work.target, local, remoteBranch: work.remoteBranch, openPullRequest: existing }, desired);
    const delivery = await deliver(plan, { tree: work.tree, github, branch, target, desired, draft: inputs.draft, existing, dryRun: inputs.dryRun });

    await writeReport({
      repository,
      targetBranch: target,
      branch,
      path: work.tree.dir,
      operation: plan.operation,
      pushed: delivery.pushed,
      dryRun: inputs.dryRun,
      headSha: plan.headSha,
      pullRequest: delivery.pullRequest,
      files: plan.operation === 'none' ? [] : await work.tree.changedFiles(work.target.sha, local.sha)
    });
  } catch (error) {
    core.setFailed(describeError(error));
    // A bug, not a problem with the workflow: its stack helps the report (shown only with debug logging).
    if (!(error instanceof ActionError) && error instanceof Error && error.stack) core.debug(error.stack);
  }
}
