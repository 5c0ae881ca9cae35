export const id = 386;
export const ids = [386];
export const modules = {

/***/ 2386:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deliver: () => (/* binding */ deliver)
});

// EXTERNAL MODULE: ./src/workflow-commands.ts
var workflow_commands = __webpack_require__(6137);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/git-remote.ts
var git_remote = __webpack_require__(994);
// EXTERNAL MODULE: ./src/log-text.ts
var log_text = __webpack_require__(3529);
// EXTERNAL MODULE: ./src/push-rejection.ts
var push_rejection = __webpack_require__(6353);
;// CONCATENATED MODULE: ./src/branch-push.ts





/**
 * Pushes the branch leased on the tip we saw. When the lease fails because another run (or a
 * person) pushed meanwhile, this run is superseded. Nothing is overwritten, and that is not an
 * error: the newer push stands, and the next run starts from it. A push GitHub refuses for any
 * other reason fails the step with GitHub's message. Returns whether this run pushed.
 */
async function publishBranch(work, branch, expectedTip) {
    const result = await (0,git_remote/* push */.VC)(work.git, branch, { expectedTip }, work.branchRemote);
    if (result.pushed) {
        workflow_commands/* info */.pq(`Pushed '${branch}'${work.branchRemote === git_remote/* ORIGIN */.VT ? '' : ' to the fork'}.`);
        return true;
    }
    if (!(await refMoved(work, branch, result.rejection, expectedTip, work.branchRemote)))
        throw refusalError(result.rejection, { branch, mode: 'pull-request' });
    workflow_commands/* notice */.lm(`Superseded: '${branch}' was updated on GitHub while this run worked (push rejected: ${(0,log_text/* logText */.kc)(result.rejection.reason)}). ` +
        "This run's result was not pushed and nothing was overwritten; the next run publishes on top of the newer state.");
    return false;
}
/**
 * Whether a rejected push lost to a push by someone else: git says so from the refs it was
 * shown, or, when the server's words leave it open, the remote tip is no longer `expectedTip`.
 */
async function refMoved(work, branch, rejection, expectedTip, remote = git_remote/* ORIGIN */.VT) {
    const kind = (0,push_rejection/* classifyRejection */.Wf)(rejection);
    if (kind !== 'maybe-moved')
        return kind === 'moved';
    return (await (0,git_remote/* remoteBranchTips */.h8)(work.git, [branch], remote)).get(branch) !== expectedTip;
}
function refusalError(rejection, where) {
    const { problem, fix } = (0,push_rejection/* explainRefusal */.GC)(rejection, where);
    return new errors/* ActionError */.lZ(problem, fix);
}

// EXTERNAL MODULE: ./src/git.ts
var git = __webpack_require__(1243);
// EXTERNAL MODULE: ./src/identity.ts
var identity = __webpack_require__(5625);
;// CONCATENATED MODULE: ./src/plan.ts
const NO_EXTRAS = {
    labels: [],
    reviewers: [],
    teamReviewers: [],
    assignees: [],
    milestone: undefined,
    autoMerge: undefined,
    authorAsReviewer: undefined
};
const NOTHING = {
    operation: 'none',
    push: undefined,
    pullRequest: 'none',
    extras: NO_EXTRAS,
    deleteBranch: false,
    headSha: undefined,
    blockedBy: []
};
function planPublish(facts, desired, policy) {
    const { target, local, remoteBranch: remote, openPullRequest: pr } = facts;
    const foreign = foreignCommits(remote?.commits ?? []);
    if (local.tree === target.tree) {
        // Our changes are all on the target already (merged upstream, or nothing was made).
        if (!pr)
            return NOTHING;
        const deleteBranch = policy.deleteBranch && remote !== undefined && foreign.length === 0;
        return {
            ...NOTHING,
            operation: 'closed',
            pullRequest: 'close',
            deleteBranch,
            headSha: deleteBranch ? undefined : remote?.sha
        };
    }
    if (foreign.length > 0 && !policy.overwriteForeignCommits)
        return { ...NOTHING, blockedBy: foreign };
    const upToDate = remote !== undefined && remote.tree === local.tree && remote.basedOnTarget && foreign.length === 0;
    const extras = missingExtras(pr, desired);
    const pullRequest = pr === undefined ? 'create' : textMatches(pr, desired) ? 'keep' : 'update';
    let operation;
    if (pullRequest === 'create')
        operation = 'created';
    else if (!upToDate || pullRequest === 'update' || hasExtras(extras))
        operation = 'updated';
    else
        operation = 'unchanged';
    return {
        operation,
        push: upToDate ? undefined : { expectedTip: remote?.sha },
        pullRequest,
        extras,
        deleteBranch: false,
        headSha: upToDate ? remote.sha : local.sha,
        blockedBy: []
    };
}
/**
 * The branch's commits that are someone else's work: those that are not ours and sit on top of
 * (descend from) a commit of ours. The commits below our own were the target's history when we
 * built the branch; the rebuild on the target's current tip leaves them out whatever became of
 * them (the target moved on, or was amended, squashed or force-pushed). A branch with no commit
 * of ours at all was rewritten by someone else: all of it is theirs. `commits` are the branch's
 * commits that are not on the target, parents before children.
 */
function foreignCommits(commits) {
    if (!commits.some((commit) => commit.ours))
        return commits;
    const onOurs = new Set();
    const foreign = [];
    for (const commit of commits) {
        const onTopOfOurs = commit.parents.some((parent) => onOurs.has(parent));
        if (commit.ours || onTopOfOurs)
            onOurs.add(commit.sha);
        if (!commit.ours && onTopOfOurs)
            foreign.push(commit);
    }
    return foreign;
}
/**
 * A link to a workflow run (…/actions/runs/ID, maybe …/attempts/N) with the run left out: every
 * run has its own id, so the default body's link is no reason to edit the pull request.
 */
function withoutRunLinks(text) {
    return text
        .replace(/(\/actions\/runs\/)\d+(?:\/attempts\/\d+)?/g, '$1…')
        .replace(/\r\n/g, '\n')
        .trimEnd();
}
/**
 * Whether the pull request already says what the inputs say. Bodies are compared without their
 * run links and line-ending differences (GitHub's editor saves CRLF), so a rerun writes nothing.
 */
function textMatches(pr, desired) {
    return pr.title === desired.title && withoutRunLinks(pr.body) === withoutRunLinks(desired.body);
}
/**
 * The labels, reviewers, assignees, milestone and auto-merge the inputs ask for and the pull
 * request lacks (GitHub compares names and logins case-insensitively). Everything, for a pull
 * request about to be created.
 */
function missingExtras(pr, desired) {
    const lacking = (wanted, present) => {
        const have = new Set((present ?? []).map((name) => name.toLowerCase()));
        return wanted.filter((name) => !have.has(name.toLowerCase()));
    };
    const author = pr?.author.toLowerCase();
    const authorAsReviewer = desired.reviewers.find((login) => login.toLowerCase() === author);
    return {
        labels: lacking(desired.labels, pr?.labels),
        reviewers: lacking(desired.reviewers, pr?.reviewers).filter((login) => login !== authorAsReviewer),
        teamReviewers: lacking(desired.teamReviewers, pr?.teamReviewers),
        assignees: lacking(desired.assignees, pr?.assignees),
        milestone: desired.milestone !== undefined && pr?.milestone !== desired.milestone ? desired.milestone : undefined,
        autoMerge: desired.autoMerge !== undefined && pr?.autoMerge !== desired.autoMerge ? desired.autoMerge : undefined,
        authorAsReviewer
    };
}
function hasExtras(extras) {
    return (extras.labels.length + extras.reviewers.length + extras.teamReviewers.length + extras.assignees.length >
        0 ||
        extras.milestone !== undefined ||
        extras.autoMerge !== undefined);
}
/**
 * GitHub drops a reviewer from the requested ones once they review: they are not asked again. A
 * team's request goes when one of its members reviews for it, so once anyone has reviewed, a team
 * that is no longer requested is not asked again either.
 */
function withoutReviewed(extras, reviewedBy) {
    const reviewed = new Set(reviewedBy.map((login) => login.toLowerCase()));
    return {
        ...extras,
        reviewers: extras.reviewers.filter((login) => !reviewed.has(login.toLowerCase())),
        teamReviewers: reviewed.size > 0 ? [] : extras.teamReviewers
    };
}
/** Whether a commit message carries the trailer this action writes. */
function isOurs(message, trailer) {
    return message.split('\n').some((line) => line.trim() === trailer);
}
/** The backoff before push attempt `attempt` (1-based) in push mode: grows, capped, with jitter. */
function pushBackoffMs(attempt, random = Math.random) {
    const base = Math.min(4000, 250 * 2 ** (attempt - 1));
    return Math.round(base / 2 + random() * (base / 2));
}
/**
 * How long to wait before trying a push-mode push again, or undefined when it is time to give
 * up: `maxAttempts` (when set) are used up, or the pause would end past `timeoutMs` since the
 * first attempt. Runs that collide spread out through the jitter of `pushBackoffMs`.
 */
function pushRetryDelay(state, random = Math.random) {
    if (state.maxAttempts !== undefined && state.attempt >= state.maxAttempts)
        return undefined;
    const wait = pushBackoffMs(state.attempt, random);
    return state.elapsedMs + wait > state.timeoutMs ? undefined : wait;
}

// EXTERNAL MODULE: ./src/api-errors.ts
var api_errors = __webpack_require__(5451);
// EXTERNAL MODULE: ./src/github-fork.ts + 1 modules
var github_fork = __webpack_require__(6582);
;// CONCATENATED MODULE: ./src/pull-request.ts






function desiredPullRequest(inputs) {
    const { title, body, labels, reviewers, teamReviewers, assignees, milestone, autoMerge } = inputs;
    return { title, body, labels, reviewers, teamReviewers, assignees, milestone, autoMerge };
}
/**
 * Opens, updates, keeps or closes the pull request, then writes the extras it lacks. Only opening,
 * updating and closing can fail the step: once the pull request is there, a refused comment,
 * label, reviewer, assignee, milestone, auto-merge or branch deletion is a warning naming its
 * input, and the next run tries again. `wrote`: whether any edit or extra was written.
 */
async function openOrUpdatePullRequest(github, plan, context) {
    const { desired, inputs, branch } = context;
    let pullRequest = context.existing;
    let created = false;
    let wrote = false;
    switch (plan.pullRequest) {
        case 'none':
            return { pullRequest: undefined, created, wrote };
        case 'close': {
            const number = pullRequest.number;
            await bestEffort(undefined, () => github.pulls.comment(number, `Closed by outbox-publisher: the changes of this pull request are all on '${context.target}' already, so nothing is left to publish.`));
            pullRequest = await github.pulls.update(number, { state: 'closed' });
            workflow_commands/* info */.pq(`Closed pull request #${number}: its changes are on the target already.`);
            if (plan.deleteBranch) {
                if (await bestEffort('delete-branch', () => (0,github_fork/* deletePullRequestBranch */.i)(github, branch, inputs.pushToFork), `Pull request #${number} was closed; delete the branch '${branch}' by hand.`)) {
                    workflow_commands/* info */.pq(`Deleted branch '${branch}'.`);
                }
            }
            else if (inputs.deleteBranch) {
                workflow_commands/* warning */.$e(`Kept branch '${branch}': it holds commits that outbox-publisher did not make.`);
            }
            return { pullRequest, created, wrote: true };
        }
        case 'create':
            ({ pullRequest, created } = await github.pulls.create({
                branch,
                base: context.target,
                title: desired.title,
                body: desired.body,
                draft: inputs.draft,
                maintainerCanModify: inputs.maintainerCanModify,
                fork: inputs.pushToFork
            }));
            workflow_commands/* info */.pq(`${created ? 'Created' : 'Found, opened by another run,'} pull request #${pullRequest.number}: ${pullRequest.url}`);
            break;
        case 'update':
            pullRequest = await github.pulls.update(pullRequest.number, {
                title: desired.title,
                body: desired.body
            });
            workflow_commands/* info */.pq(`Updated pull request #${pullRequest.number}: ${pullRequest.url}`);
            wrote = true;
            break;
        case 'keep':
            break;
    }
    // Read from the pull request as it now stands (one another run opened may have some already).
    const extras = missingExtras(pullRequest, desired);
    if (hasExtras(extras) || extras.authorAsReviewer)
        wrote = (await applyPullRequestExtras(github, pullRequest, extras, created)) || wrote;
    return { pullRequest, created, wrote };
}
/**
 * Runs one write that comes after a successful publish. A failure is a warning — naming the input
 * it serves, and how to get it done — never a failed step. Returns whether it succeeded.
 */
async function bestEffort(input, write, then) {
    try {
        await write();
        return true;
    }
    catch (error) {
        workflow_commands/* warning */.$e(`${input ? `Input '${input}': ` : ''}${(0,errors/* describeError */.Uc)(error)}${then ? `\n${then}` : ''}`);
        return false;
    }
}
const AGAIN = 'The pull request itself was published; the next run tries this again.';
/** Writes what the pull request lacks; returns whether anything was written. */
async function applyPullRequestExtras(github, pullRequest, wanted, created) {
    const number = pullRequest.number;
    let wrote = false;
    const write = async (input, step) => {
        const done = await bestEffort(input, step, AGAIN);
        wrote ||= done;
        return done;
    };
    if (wanted.authorAsReviewer) {
        workflow_commands/* warning */.$e(`Input 'reviewers': '${wanted.authorAsReviewer}' opened pull request #${number}, and GitHub does not request reviews from a pull request's author.`);
    }
    if (wanted.labels.length > 0)
        await write('labels', () => github.pulls.addLabels(number, wanted.labels));
    let extras = wanted;
    if (!created && extras.reviewers.length + extras.teamReviewers.length > 0) {
        // Asked for but not requested: maybe they reviewed already (GitHub then drops the request).
        let reviewedBy;
        await bestEffort('reviewers', async () => (reviewedBy = await github.pulls.listReviewers(number)));
        extras = reviewedBy
            ? withoutReviewed(extras, reviewedBy)
            : { ...extras, reviewers: [], teamReviewers: [] };
    }
    if (extras.reviewers.length + extras.teamReviewers.length > 0)
        wrote = (await requestReviews(github, number, extras.reviewers, extras.teamReviewers)) || wrote;
    if (extras.assignees.length > 0) {
        let left = [];
        const done = await bestEffort('assignees', async () => {
            const assigned = new Set((await github.pulls.addAssignees(number, extras.assignees)).map((login) => login.toLowerCase()));
            left = extras.assignees.filter((login) => !assigned.has(login.toLowerCase()));
        }, AGAIN);
        if (left.length > 0) {
            workflow_commands/* warning */.$e(`Input 'assignees': GitHub did not assign ${left.map((login) => `'${login}'`).join(', ')} to pull request #${number}: only users with access to the repository can be assigned, and GitHub leaves out the others without an error.`);
        }
        // Written only when someone was assigned: GitHub answers 201 when it left everyone out, too.
        wrote ||= done && left.length < extras.assignees.length;
    }
    if (extras.milestone !== undefined)
        await write('milestone', () => github.pulls.setMilestone(number, extras.milestone));
    if (extras.autoMerge !== undefined) {
        const method = extras.autoMerge;
        let refusal;
        if (await bestEffort('auto-merge', async () => (refusal = await github.pulls.enableAutoMerge(pullRequest.nodeId, method)), AGAIN)) {
            if (refusal) {
                workflow_commands/* warning */.$e(`Auto-merge was not enabled: ${(0,log_text/* logText */.kc)(refusal)}. Allow auto-merge in the repository's settings (General → Pull Requests) to use 'auto-merge'.`);
            }
            else {
                wrote = true;
                workflow_commands/* info */.pq(`Enabled auto-merge (${method}) on pull request #${number}.`);
            }
        }
    }
    return wrote;
}
/**
 * Requests reviews. GitHub refuses the whole request (422) when one reviewer cannot be asked — a
 * user or team that is not a collaborator — so after a refusal each is asked on its own, and the
 * warnings name the ones GitHub refused. Returns whether any request was made.
 */
async function requestReviews(github, number, reviewers, teamReviewers) {
    try {
        await github.pulls.requestReviewers(number, reviewers, teamReviewers);
        workflow_commands/* info */.pq(`Requested reviews on pull request #${number}: ${[...reviewers, ...teamReviewers.map((slug) => `team ${slug}`)].join(', ')}.`);
        return true;
    }
    catch (error) {
        if (!(error instanceof api_errors/* ApiError */.hD && error.status === 422) ||
            reviewers.length + teamReviewers.length === 1) {
            const input = reviewers.length > 0 ? 'reviewers' : 'team-reviewers';
            workflow_commands/* warning */.$e(`Input '${input}': ${(0,errors/* describeError */.Uc)(error)}\n${REVIEW_FIX}`);
            return false;
        }
    }
    let requested = false;
    const ask = [
        ...reviewers.map((login) => ({ input: 'reviewers', login, slug: undefined })),
        ...teamReviewers.map((slug) => ({ input: 'team-reviewers', login: undefined, slug }))
    ];
    for (const one of ask) {
        try {
            await github.pulls.requestReviewers(number, one.login ? [one.login] : [], one.slug ? [one.slug] : []);
            requested = true;
        }
        catch (error) {
            workflow_commands/* warning */.$e(`Input '${one.input}': no review was requested from '${one.login ?? one.slug}': ${(0,errors/* describeError */.Uc)(error)}\n${REVIEW_FIX}`);
        }
    }
    return requested;
}
const REVIEW_FIX = 'GitHub requests reviews only from collaborators of the repository and from teams that have access to it; the pull request itself was published.';

;// CONCATENATED MODULE: ./src/deliver.ts









/** Pushes and opens the pull request, or pushes onto the target, as the `mode` input says. */
async function deliver(context) {
    // The signing code is loaded only for `sign-commits`.
    const signing = context.inputs.signCommits ? await __webpack_require__.e(/* import() */ 409).then(__webpack_require__.bind(__webpack_require__, 3409)) : undefined;
    return context.inputs.mode === 'push'
        ? pushToTarget({ ...context, signing })
        : publishPullRequest({ ...context, signing });
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Pull-request mode: the branch is (target tip + our changes), pushed leased on the tip we saw;
 * the pull request is opened, updated, or closed once our changes are all on the target.
 */
async function publishPullRequest(context) {
    const { work, local, github, inputs, branch, signing } = context;
    const existing = await context.openPullRequest;
    const remoteBranch = describeRemoteBranch(work);
    const desired = desiredPullRequest(inputs);
    const plan = planPublish({ target: work.target, local, remoteBranch, openPullRequest: existing }, desired, {
        overwriteForeignCommits: inputs.overwriteForeignCommits,
        deleteBranch: inputs.deleteBranch
    });
    if (plan.blockedBy.length > 0) {
        const list = plan.blockedBy
            .map((c) => `  ${c.sha.slice(0, 12)} ${(0,log_text/* quoteName */.AB)(c.subject)} (${(0,log_text/* quoteName */.AB)(c.author)})`)
            .join('\n');
        throw new errors/* ActionError */.lZ(`The branch '${branch}' holds ${plan.blockedBy.length} commit(s) that outbox-publisher did not make:\n${list}\nPublishing would throw them away, so nothing was pushed.`, "Merge or move that work elsewhere, or set 'overwrite-foreign-commits: true' to replace the branch anyway.");
    }
    // The LFS review only for a push: an unchanged rerun publishes no LFS file.
    const lfsUploads = plan.push ? await context.lfsUploads() : undefined;
    if (inputs.dryRun) {
        if (signing && plan.push)
            await signing.checkSignable(work, work.target.sha);
        workflow_commands/* info */.pq(`Dry run: would ${plan.push ? `push ${plan.headSha} to '${branch}'` : 'push nothing'}; pull request: ${plan.pullRequest}; operation: ${plan.operation}.`);
        const lfs = lfsUploads?.describe();
        if (lfs)
            workflow_commands/* info */.pq(`Dry run: ${lfs}.`);
        return { operation: plan.operation, pushed: false, headSha: plan.headSha, pullRequest: existing };
    }
    let superseded = false;
    let headSha = plan.headSha;
    let signed;
    if (plan.push && lfsUploads) {
        if (work.branchRemote !== git_remote/* ORIGIN */.VT && lfsUploads.files.length > 0) {
            throw new errors/* ActionError */.lZ(`The changes bring ${lfsUploads.files.length} new Git LFS object(s), which 'push-to-fork' cannot upload yet. Nothing was pushed.`, "Publish them without 'push-to-fork', or upload the LFS objects to the fork before this step.");
        }
        await lfsUploads.upload();
        signed = signing
            ? await signing.buildSignedChain(work, github, work.target.sha, signoffOf(inputs))
            : undefined;
        if (signed) {
            await work.git.moveToSameTree(signed.tip);
            headSha = signed.tip;
        }
        try {
            superseded = !(await publishBranch(work, branch, plan.push.expectedTip));
        }
        finally {
            await signed?.cleanUp();
        }
    }
    const supersededBy = superseded
        ? (await (0,git_remote/* remoteBranchTips */.h8)(work.git, [branch], work.branchRemote)).get(branch)
        : undefined;
    context.doneWithGit();
    const { pullRequest, created, wrote } = await openOrUpdatePullRequest(github, plan, {
        ...context,
        desired,
        existing
    });
    if (superseded)
        return {
            operation: created ? 'created' : 'unchanged',
            pushed: false,
            headSha: supersededBy,
            pullRequest
        };
    const commitsVerified = signed?.verified;
    // A plan that only had extras to write is 'updated' only when one of them was written.
    const onlyExtras = plan.operation === 'updated' && !plan.push && plan.pullRequest === 'keep';
    const operation = created || plan.pullRequest !== 'create'
        ? onlyExtras && !wrote
            ? 'unchanged'
            : plan.operation
        : 'updated';
    return { operation, pushed: plan.push !== undefined, headSha, pullRequest, commitsVerified };
}
/** The committer's sign-off line for signed commits, when the `signoff` input asks for one. */
function signoffOf(inputs) {
    return inputs.signoff ? (0,identity/* signoffTrailer */.Q)(inputs.committer) : undefined;
}
/**
 * The PR branch as it stands on GitHub, from the history the work tree fetched: its tip, and
 * its commits that are not on the target, each marked ours or not by our trailer.
 */
function describeRemoteBranch(work) {
    const tip = work.remoteBranchTip;
    if (!tip)
        return undefined;
    const commits = work.remoteBranchCommits.map((commit) => ({
        sha: commit.sha,
        parents: commit.parents,
        subject: commit.message.split('\n')[0],
        author: commit.author,
        ours: isOurs(commit.message, git/* PUBLISHED_BY_TRAILER */.nS)
    }));
    // The target's tip is in the branch when it is the tip, or the parent of one of its commits.
    const basedOnTarget = tip.sha === work.target.sha || commits.some((commit) => commit.parents.includes(work.target.sha));
    return { sha: tip.sha, tree: tip.tree, basedOnTarget, commits };
}
/**
 * Push mode: our commits go straight onto the target, never forced. When someone else pushed
 * meanwhile, fetch, rebase our commits onto their tip and try again after a jittered pause,
 * until `push-timeout` has passed (or `push-attempts`, when set, are used up). A push GitHub
 * refuses for another reason than a moved target fails at once.
 */
async function pushToTarget(context) {
    const { work, local, inputs, target, signing } = context;
    if (local.tree === work.target.tree)
        return { operation: 'none', pushed: false, headSha: undefined, pullRequest: undefined };
    const lfsUploads = await context.lfsUploads();
    if (inputs.dryRun) {
        if (signing)
            await signing.checkSignable(work, work.target.sha);
        workflow_commands/* info */.pq(`Dry run: would push ${local.sha} onto '${target}'.`);
        const lfs = lfsUploads.describe();
        if (lfs)
            workflow_commands/* info */.pq(`Dry run: ${lfs}.`);
        return { operation: 'none', pushed: false, headSha: local.sha, pullRequest: undefined };
    }
    // A rebase onto a moved target brings no new objects of ours: one upload serves every attempt.
    await lfsUploads.upload();
    let base = work.target.sha;
    const started = Date.now();
    for (let attempt = 1;; attempt++) {
        // Signed commits are rebuilt on every attempt: a rebase onto a moved target rewrites them.
        const signed = signing
            ? await signing.buildSignedChain(work, context.github, base, signoffOf(inputs))
            : undefined;
        if (signed)
            await work.git.moveToSameTree(signed.tip);
        const result = await (0,git_remote/* push */.VC)(work.git, target);
        await signed?.cleanUp();
        if (result.pushed) {
            const head = await work.git.commitInfo('HEAD');
            workflow_commands/* info */.pq(`Pushed onto '${target}' (attempt ${attempt}).`);
            return {
                operation: 'none',
                pushed: true,
                headSha: head.sha,
                pullRequest: undefined,
                commitsVerified: signed?.verified
            };
        }
        if (!(await refMoved(work, target, result.rejection, base)))
            throw refusalError(result.rejection, { branch: target, mode: 'push' });
        const elapsedMs = Date.now() - started;
        const wait = pushRetryDelay({
            attempt,
            elapsedMs,
            timeoutMs: inputs.pushTimeoutSeconds * 1000,
            maxAttempts: inputs.pushAttempts
        });
        if (wait === undefined) {
            const limit = inputs.pushAttempts !== undefined && attempt >= inputs.pushAttempts
                ? "'push-attempts'"
                : "'push-timeout'";
            throw new errors/* ActionError */.lZ(`Pushing onto '${target}' was rejected ${attempt} time(s) in ${Math.round(elapsedMs / 1000)} s (${(0,log_text/* logText */.kc)(result.rejection.reason)}): others keep pushing to it. Nothing was forced.`, `Raise ${limit}, or serialize publishes with a \`concurrency\` group per repository and branch.`);
        }
        workflow_commands/* info */.pq(`'${target}' moved on GitHub (${(0,log_text/* logText */.kc)(result.rejection.reason)}); rebasing onto it and trying again in ${wait} ms.`);
        await sleep(wait);
        await (0,git_remote/* fetchBranches */.r4)(work.git, [target]);
        await work.git.rebaseOnto(work.targetRef, base, inputs.committer).catch((error) => {
            throw new errors/* ActionError */.lZ(`Our commits conflict with what was pushed to '${target}' meanwhile: ${error.message}`, 'Nothing was pushed. Run again to start from the new target.');
        });
        base = (await work.git.commitInfo(work.targetRef)).sha;
    }
}


/***/ })

};

//# sourceMappingURL=386.index.js.map