export const id = 834;
export const ids = [834];
export const modules = {

/***/ 2834:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  makeChanges: () => (/* binding */ makeChanges)
});

;// CONCATENATED MODULE: ./src/change-facts.ts
const LOG_FORMAT = '--format=%x01%H %T %P';
/**
 * HEAD once every change is committed, and what it brings over `base` (undefined when HEAD is
 * `base`), read with as few git processes as give the same answer: one `git log` of
 * `HEAD --not base` names HEAD (its first record: a log starts at its one tip) with its tree and
 * parents, and what each commit changes. When HEAD is one commit on `base`, that commit's changes
 * are the net difference too; otherwise a `git diff` reads it. HEAD is read from its object
 * (`cat-file`) when the log cannot name it: when `base` holds it, or when it shows no parents (a
 * root commit, or a shallow clone's boundary, whose parents git grafts away).
 */
async function readHeadChanges(repo, base) {
    const logged = await logCommits(repo, 'HEAD', base);
    const head = logged[0];
    if (head === undefined || head.parents.length === 0) {
        const local = await repo.commitInfo('HEAD');
        return { local, facts: local.sha === base ? undefined : await readChanges(repo, base, local.sha) };
    }
    const local = { sha: head.sha, tree: head.tree, parents: head.parents };
    const single = logged.length === 1 && head.parents.length === 1 && head.parents[0] === base;
    const net = single ? head.changes : await netDiff(repo, base, head.sha);
    return { local, facts: factsOf(logged, net) };
}
/**
 * What pushing `tip` over `base` brings (two git processes) for the workflow policy, the LFS
 * review and the report: what each commit of `base..tip` changes (a merge against each parent, a
 * root commit against nothing), so that a file added and removed again within the series counts,
 * and the net difference.
 */
async function readChanges(repo, base, tip) {
    const [logged, net] = await Promise.all([logCommits(repo, tip, base), netDiff(repo, base, tip)]);
    return factsOf(logged, net);
}
/** The commits of `tip --not base`, newest first (`tip` first), with what each changes. */
async function logCommits(repo, tip, base) {
    const log = await repo.git([
        ...['log', '-m', '--root', '--no-renames', '--raw', '--no-abbrev', '-z', LOG_FORMAT],
        ...[tip, '--not', base]
    ]);
    const commits = [];
    const fields = log.stdout.split('\0');
    for (let i = 0; i < fields.length; i++) {
        const field = fields[i].replace(/^\n/, '');
        if (field.startsWith('\x01')) {
            const [sha, tree, ...parents] = field.slice(1).trim().split(' ');
            const seen = commits.at(-1);
            // `-m` shows a merge once per parent, each with its own header.
            if (seen?.sha !== sha)
                commits.push({ sha, tree, parents: parents.filter(Boolean), changes: [] });
        }
        if (!field.startsWith(':') || i + 1 >= fields.length)
            continue;
        // `:<old mode> <new mode> <old id> <new id> <status>`, then the path.
        const [, newMode, , newId, status] = field.split(' ');
        commits.at(-1)?.changes.push({ status, path: fields[++i], newMode, newId });
    }
    return commits;
}
async function netDiff(repo, base, tip) {
    const diff = await repo.git(['diff', '--name-status', '--no-renames', '-z', base, tip]);
    const net = diff.stdout.split('\0').filter((field) => field.length > 0);
    const files = [];
    for (let i = 0; i + 1 < net.length; i += 2)
        files.push({ status: net[i], path: net[i + 1] });
    return files;
}
function factsOf(logged, net) {
    const paths = new Set();
    const blobs = new Map();
    for (const commit of logged)
        for (const change of commit.changes) {
            paths.add(change.path);
            if (!/^0+$/.test(change.newId) && change.newMode !== '160000')
                blobs.set(change.newId, change.path);
        }
    const files = net.map(({ status, path }) => ({ status, path }));
    for (const file of files)
        paths.add(file.path);
    return { commits: logged.length, paths: [...paths], blobs, files };
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/log-text.ts
var log_text = __webpack_require__(3529);
;// CONCATENATED MODULE: ./src/workflow-policy.ts


/**
 * What may be published: a workflow file pushed to the repository runs with the repository's
 * secrets (on push to the branch, or on the pull request), so changes under `.github/workflows/`
 * are refused unless the workflow author allows them, whatever made them: the outbox, an existing
 * work tree, or the `run` script. Pure, so each case is a unit test.
 */
/**
 * Paths that are, hold, or replace the workflow folder: anything under `.github/workflows/`, and
 * `.github/workflows` or `.github` themselves (a file, symlink or submodule put in their place).
 * Case is ignored: refusing more is safe.
 */
const WORKFLOW_PATH = /^\.github(?:\/workflows(?:\/|$)|$)/i;
/** The changed paths (added, modified, deleted, renamed from or to, mode changed) that touch workflows, sorted, once each. */
function workflowChanges(changedPaths) {
    return [...new Set([...changedPaths].filter((file) => WORKFLOW_PATH.test(file)))].sort();
}
/** Throws the one error that lists the workflow files and names the opt-in, unless allowed or none. */
function checkWorkflowPolicy(changedPaths, allowWorkflowChanges) {
    if (allowWorkflowChanges)
        return;
    const touched = workflowChanges(changedPaths);
    if (touched.length === 0)
        return;
    throw new errors/* ActionError */.lZ(`The changes touch ${touched.length} workflow file(s), which are not published by default: a workflow pushed to the repository runs with its secrets.\n` +
        `${touched.map((file) => `  ${(0,log_text/* quoteName */.AB)(file)}`).join('\n')}\nNothing was pushed.`, "If these workflow changes are meant to be published, set 'allow-workflow-changes: true' (the token then also needs the `workflow` scope, or Workflows: write).");
}

;// CONCATENATED MODULE: ./src/changes.ts


/**
 * The changes, committed on the work tree's branch: the outbox applied, then the `run` script
 * run and what it changed committed. Then the checks that come before anything is pushed (dry
 * runs included): workflow files only when the author allowed them, and (`lfsUploads`, when the
 * delivery pushes) LFS files with git-lfs, pointers, and their objects somewhere.
 */
async function makeChanges(work, options) {
    const { inputs, outbox, sandbox, lfs } = options;
    const { committer, author, commitMessage } = inputs;
    if (outbox) {
        const { applyOutbox } = await __webpack_require__.e(/* import() */ 678).then(__webpack_require__.bind(__webpack_require__, 1678));
        await applyOutbox(work.git, outbox, {
            target: options.target,
            targetRef: work.targetRef,
            targetTip: work.target,
            committer,
            head: work.head
        });
    }
    // Without a script nothing but the outbox (committed as it was applied) changed the tree.
    if (inputs.run.trim() !== '') {
        await lfs.fetchContent(work.git);
        await sandbox.runScript(inputs.run, work.git.dir, lfs.contentEnv);
        await work.git.commitAll(commitMessage, author, committer, inputs.addPaths);
    }
    // HEAD, and what the commits bring, read once for the policy, the LFS review and the report.
    const { local, facts } = await readHeadChanges(work.git, work.target.sha);
    if (facts)
        checkWorkflowPolicy(facts.paths, inputs.allowWorkflowChanges);
    const lfsUploads = () => lfs.review(work.git, facts?.blobs ?? new Map(), options.remote);
    // Only the report needs these: without a change of tree there is nothing to list.
    const summary = Promise.resolve(facts && local.tree !== work.target.tree ? { commits: facts.commits, files: facts.files } : undefined);
    return { local, lfsUploads, summary };
}


/***/ })

};

//# sourceMappingURL=834.index.js.map