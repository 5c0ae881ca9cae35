import * as crypto from 'node:crypto';
import * as core from './workflow-commands.js';
import {
  branchSuffix,
  pullRequestBranch,
  RANDOM_BYTES_NEEDED,
  withBranchSuffix,
  type BranchSuffix
} from './branch-suffix.js';
import { InputError } from './errors.js';
import type { RepositoryName } from './fork-check.js';
import type { GhLogins } from './gh-login.js';
import type { GitHubClient } from './github.js';
import { checkPushToFork } from './github-fork.js';
import type { PullRequest } from './github-pulls.js';
import type { Inputs } from './inputs.js';
import { quoteName, quotedName } from './log-text.js';
import type { RunnerContext } from './runner-context.js';
import { Sandbox } from './sandbox.js';
import { STATE } from './state.js';
import { parseScopes } from './token-facts.js';
import { reportsNoScopes, reviewTokenAccess } from './token.js';

/** What the first API answers settle: the branches, what the token may do, the open pull request. */
interface StartFacts {
  target: string;
  branch: string;
  scopesHeader: string | null;
  expirationHeader: string | null;
  isPrivate: boolean;
  /** In flight while the work tree is prepared; resolves to undefined in push mode. */
  openPullRequest: Promise<PullRequest | undefined>;
}

/**
 * The sandbox that holds gh's and git's configuration and credentials for this run, recorded
 * for the post step (src/state.ts) before anything is written into it. Inside `parent` (a sessions
 * step's folder, recorded already and removed as a whole) it is not recorded on its own.
 */
export async function openSandbox(context: RunnerContext, token: string, parent?: string): Promise<Sandbox> {
  const sandbox = await Sandbox.create(parent ?? context.runnerTemp, core.info);
  if (!parent) core.saveState(STATE.sandboxDir, sandbox.dir);
  // actions/checkout leaves an Authorization header in the clone's config; an empty value resets it.
  // proactiveAuth (git 2.46+) asks gh for the credential before the first request, saving the
  // 401 round trip of every fetch and push; older git ignores the key.
  sandbox.overrideGitConfig([
    [`http.${context.serverUrl}/.extraheader`, ''],
    ['http.extraheader', ''],
    ['http.proactiveAuth', 'basic']
  ]);
  sandbox.authenticateGit(context.serverUrl, token);
  return sandbox;
}

/** What the first API answers settle, and gh's setup, which runs on while the clone is fetched. */
export interface BranchNames {
  target: string;
  branch: string;
}

/**
 * The target and PR branch when the inputs settle them without asking the API (a target is
 * given; no suffix, or one that does not name the target's tip), so that the clone's fetch
 * need not wait for the API's first answers. The suffix, when there is one, is drawn here.
 */
export function namesFromInputs(inputs: Inputs): BranchNames | undefined {
  const target = inputs.targetBranch;
  if (target === undefined || inputs.branchSuffix === 'short-commit-hash') return undefined;
  const named = pullRequestBranch(inputs.branch, target);
  return { target, branch: inputs.branchSuffix ? suffixed(named, inputs.branchSuffix, '') : named };
}

export interface Connection extends StartFacts {
  /**
   * Settles once gh is logged in and set up as git's credential helper, for the `run` script
   * (at once without one: the action's own git, git-lfs included, needs no gh, see
   * Sandbox.authenticateGit). Always awaited; a failure of gh's setup is reported when it is.
   */
  ghReady: Promise<void>;
}

/**
 * The first API answers and, when there is a `run` script, gh's setup for it (`gh`), at once
 * where they do not depend on each other: for tokens that report no scopes (installation and
 * fine-grained), which gh's login accepts whatever the API says, gh logs in alongside the API's
 * first answers; otherwise once they say whether it may. Returns as soon as the API has
 * answered; gh's setup goes on. An API failure is reported first.
 */
export async function connect(
  client: Promise<GitHubClient>,
  sandbox: Sandbox,
  options: {
    token: string;
    host: string;
    inputs: Inputs;
    /** Undefined when the publish has no `run` script: no gh process at all. */
    gh: GhLogins | undefined;
    configWritten: Promise<unknown>;
    /** The branch names when the inputs settled them (namesFromInputs), suffix included. */
    names?: BranchNames;
  }
): Promise<Connection> {
  const { token, host, inputs, gh } = options;
  const authenticate = (ghLoginAccepts: boolean): Promise<void> =>
    gh
      ? gh.provide(sandbox, { host, token, ghLoginAccepts, configWritten: options.configWritten })
      : Promise.resolve();
  // gh starts before the API client is loaded when nothing the API says can change its login.
  const early = gh && reportsNoScopes(token) ? authenticate(true) : undefined;
  early?.catch(() => undefined); // awaited as ghReady, or the API's failure is the one reported
  const github = await client;
  const starting = start(github, {
    target: options.names?.target ?? inputs.targetBranch,
    branch: options.names?.branch ?? inputs.branch,
    branchSuffix: options.names ? undefined : inputs.branchSuffix,
    lookUpPullRequest: inputs.mode === 'pull-request',
    fork: inputs.pushToFork
  });
  const forkChecked = inputs.pushToFork ? checkPushToFork(github, inputs.pushToFork) : Promise.resolve();
  const [session, fork] = await Promise.allSettled([starting, forkChecked]);
  if (session.status === 'rejected') throw session.reason;
  if (fork.status === 'rejected') throw fork.reason;
  const access = reviewTokenAccess(session.value, core.warning);
  const ghReady = early ?? authenticate(access.ghLoginAccepts);
  ghReady.catch(() => undefined); // awaited before the changes are made
  return { ...session.value, ghReady };
}

/**
 * The first requests of a publish. The token's scopes and expiry come from the headers of
 * whichever answers first: the open pull request lookup when the target is known (pull-request
 * mode), the repository otherwise (it names the default branch). The repository is read too
 * when only its visibility can tell whether a `public_repo` token is enough. The branch names
 * are policy, decided here: the default branch when no target is given, `outbox/<target>`, and
 * the `branch-suffix` added to it.
 */
async function start(
  github: GitHubClient,
  options: {
    target: string | undefined;
    branch: string | undefined;
    branchSuffix: BranchSuffix | undefined;
    lookUpPullRequest: boolean;
    fork: RepositoryName | undefined;
  }
): Promise<StartFacts> {
  let target = options.target;
  let facts:
    | { scopesHeader: string | null; expirationHeader: string | null; isPrivate: boolean | undefined }
    | undefined;
  if (!target || !options.lookUpPullRequest) {
    const repository = await github.inspectRepository();
    target ??= repository.defaultBranch;
    facts = repository;
  }
  const named = pullRequestBranch(options.branch, target);
  const branch = options.branchSuffix ? await withSuffix(github, named, target, options.branchSuffix) : named;
  let openPullRequest: Promise<PullRequest | undefined> = Promise.resolve(undefined);
  if (options.lookUpPullRequest) {
    if (facts) {
      openPullRequest = github.pulls.find(branch, target, options.fork);
      openPullRequest.catch(() => undefined); // awaited later; this keeps an early failure from going unhandled
    } else {
      const looked = await github.pulls.lookUp(branch, target, options.fork);
      openPullRequest = Promise.resolve(looked.pullRequest);
      facts = {
        scopesHeader: looked.scopesHeader,
        expirationHeader: looked.expirationHeader,
        isPrivate: undefined
      };
    }
  }
  const scopes = parseScopes(facts!.scopesHeader) ?? [];
  if (facts!.isPrivate === undefined && !scopes.includes('repo') && scopes.includes('public_repo')) {
    facts!.isPrivate = (await github.inspectRepository()).isPrivate;
  }
  return { target, branch, ...facts!, isPrivate: facts!.isPrivate ?? true, openPullRequest };
}

/**
 * `<branch>-<suffix>` (src/branch-suffix.ts). `short-commit-hash` names the target's tip as the run
 * starts, read before the branch's pull request can be looked up: runs on the same tip share one
 * branch and pull request.
 */
async function withSuffix(
  github: GitHubClient,
  branch: string,
  target: string,
  kind: BranchSuffix
): Promise<string> {
  let baseSha = '';
  if (kind === 'short-commit-hash') {
    const tip = await github.branchTip(target);
    if (tip === undefined) {
      await github.inspectRepository(); // a repository the token cannot see is reported as such
      throw new InputError(
        'target-branch',
        `branch ${quotedName(target)} does not exist in ${github.owner}/${github.repo}`,
        'Give an existing branch, or leave the input empty for the default branch.'
      );
    }
    baseSha = tip;
  }
  return suffixed(branch, kind, baseSha);
}

/** `<branch>-<suffix>`, logged; `baseSha` only for `short-commit-hash`. */
function suffixed(branch: string, kind: BranchSuffix, baseSha: string): string {
  const suffix = branchSuffix(kind, {
    randomBytes: crypto.randomBytes(RANDOM_BYTES_NEEDED),
    now: Date.now(),
    baseSha
  });
  const suffixed = withBranchSuffix(branch, suffix);
  core.info(`branch-suffix '${kind}': publishing through the branch ${quoteName(suffixed)}.`);
  return suffixed;
}
