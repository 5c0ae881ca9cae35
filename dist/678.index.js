export const id = 678;
export const ids = [678];
export const modules = {

/***/ 1678:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  applyOutbox: () => (/* binding */ applyOutbox)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/workflow-commands.ts
var workflow_commands = __webpack_require__(6137);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/git.ts
var git = __webpack_require__(1243);
// EXTERNAL MODULE: ./src/git-remote.ts
var git_remote = __webpack_require__(994);
// EXTERNAL MODULE: ./src/identity.ts
var identity = __webpack_require__(5625);
// EXTERNAL MODULE: ./src/mbox.ts
var src_mbox = __webpack_require__(3427);
;// CONCATENATED MODULE: ./src/outbox-git.ts




/** A mail of a `git am` series that does not apply; `mail` is its place in the series (1-based), when git said. */
class MailConflictError extends git/* ConflictError */.fK {
    mail;
    constructor(mail, output) {
        super(`Mail ${mail ?? '?'}`, output);
        this.mail = mail;
        this.name = 'MailConflictError';
    }
}
/** The paths a patch touches (both sides of a rename), as git apply reads them. */
async function pathsOfPatch(repo, patch) {
    // A patch git cannot read yields no paths here; applying it then fails with the reason.
    const { stdout } = await repo.git(['apply', '--numstat', '-z', '-'], {
        input: patch,
        allowFailure: true
    });
    // -z: "added<TAB>deleted<TAB>path<NUL>", or for a rename "added<TAB>deleted<TAB><NUL>old<NUL>new<NUL>".
    return stdout
        .split('\0')
        .map((field) => field.replace(/^(\d+|-)\t(\d+|-)\t/, ''))
        .filter((field) => field.length > 0);
}
/**
 * Applies the mails of `mbox` onto HEAD in one `git am`, each as a commit with its author, date
 * and message, committed by `committer` (and signed off by it with `signoff`). The patches are bytes: `--keep-cr` keeps CRLF lines,
 * binary, latin-1 and mode changes pass as git wrote them. No hook runs (git 2.39's am has no
 * --no-verify: core.hooksPath points at nothing), nothing is signed, no automatic gc runs. When a
 * mail does not apply the series is undone, and the ConflictError's `mail` says which (1-based).
 */
async function applyMails(repo, mbox, committer, signoff) {
    const quiet = ['-c', 'core.hooksPath=/dev/null', '-c', 'maintenance.auto=false', '-c', 'gc.auto=0'];
    const am = [
        ...quiet,
        'am',
        '-q',
        '--keep-cr',
        '--no-3way',
        '--whitespace=nowarn',
        '--no-gpg-sign',
        '--no-message-id',
        '--no-scissors',
        // The committer's sign-off after the patch's own trailers, as `git am --signoff` writes it.
        ...(signoff ? ['--signoff'] : [])
    ];
    const result = await repo.git(am, {
        input: mbox,
        env: (0,identity/* identityEnv */.W)(undefined, committer),
        allowFailure: true
    });
    if (result.exitCode === 0)
        return;
    await repo.git([...quiet, 'am', '--abort'], { allowFailure: true });
    const failedAt = /^Patch failed at (\d+)/m.exec(result.stdout)?.[1];
    const errors = result.stderr.split('\n').filter((line) => /^(error|fatal):/.test(line));
    const said = errors.length > 0
        ? errors.join('\n')
        : result.stdout
            .split('\n')
            .filter((line) => line && !/^(hint:|When you have|If you prefer|To restore)/.test(line))
            .join('\n');
    throw new MailConflictError(failedAt ? Number(failedAt) : undefined, said || result.stderr);
}
/**
 * Adds `trailer` to every commit of `base..HEAD` that lacks it, in one `git fast-export` and one
 * `git fast-import` (not a process per commit): the branch HEAD is on (`checkedOut` when the
 * caller knows it) is rewritten with the same trees, authors, dates and committers, so the
 * index and the files stay as they are.
 */
async function addTrailer(repo, base, trailer, checkedOut) {
    const branch = checkedOut ?? (await repo.currentBranch());
    if (!branch)
        throw new errors/* ActionError */.lZ(`The work tree in ${repo.dir} has no branch checked out.`);
    const ref = `refs/heads/${branch}`;
    const exported = await repo.gitBytes([
        'fast-export',
        '--no-data',
        '--reference-excluded-parents',
        '--signed-tags=strip',
        '--reencode=yes',
        ref,
        `^${base}`
    ]);
    const { stream, changed } = (0,src_mbox/* addTrailerToExport */.KE)(exported, trailer);
    if (changed)
        await repo.git(['fast-import', '--quiet', '--force'], { input: stream });
}
/** `git patch-id --stable` of each diff (undefined where there is none), all in one process. */
async function patchIdsOfDiffs(repo, diffs) {
    const parts = [];
    diffs.forEach((diff, i) => {
        if (!diff)
            return;
        // A made-up commit line before each diff tells patch-id where one ends, and says whose id it prints.
        parts.push(Buffer.from(`commit ${i.toString(16).padStart(40, '0')}\n`), diff);
        if (diff[diff.length - 1] !== 0x0a)
            parts.push(Buffer.from('\n'));
    });
    const ids = diffs.map(() => undefined);
    if (parts.length === 0)
        return ids;
    const { stdout } = await repo.git(['patch-id', '--stable'], { input: Buffer.concat(parts) });
    for (const line of stdout.split('\n')) {
        const [id, commit] = line.trim().split(' ');
        if (id && commit)
            ids[parseInt(commit, 16)] = id;
    }
    return ids;
}
/** `git patch-id --stable` of a diff, or of every commit in `git log -p` output. */
async function patchIds(repo, diffs) {
    if (!diffs.trim())
        return [];
    const result = await repo.git(['patch-id', '--stable'], { input: diffs });
    return result.stdout
        .split('\n')
        .map((line) => line.split(' ')[0])
        .filter((id) => id.length > 0);
}
/** Patch ids of the non-merge commits reachable from `tip` and not from `exclude` (when given). */
async function patchIdsOfCommits(repo, tip, exclude) {
    // --min-parents=1 leaves out the shallow boundary, whose "diff" would be its whole tree.
    const log = await repo.output([
        'log',
        '-p',
        '--min-parents=1',
        '--max-parents=1',
        '--no-color',
        '--format=commit %H',
        tip,
        ...(exclude ? ['--not', exclude] : [])
    ]);
    return patchIds(repo, log);
}
async function showPatch(repo, sha) {
    return (await repo.git(['show', '--no-color', '--format=commit %H', sha])).stdout;
}

// EXTERNAL MODULE: ./src/outbox.ts
var src_outbox = __webpack_require__(7626);
;// CONCATENATED MODULE: ./src/outbox-apply.ts








/**
 * Applies the outbox onto HEAD: each patch (or each mail of an mbox) becomes one commit with its
 * author, date and message; each bundle's new commits are replayed. A change whose patch id is
 * already on the target, or earlier in the outbox, is skipped, so a rerun never duplicates it.
 * The patch ids of all mails come from one `git patch-id`, and each run of patch files between
 * bundles is applied by one `git am`; one pass at the end adds our trailer to every new commit.
 */
async function applyOutbox(tree, outbox, options) {
    const start = options.head ?? (await tree.commitInfo('HEAD')).sha;
    const mails = outbox.files.flatMap((file) => file.mails.map((bytes, i) => ({
        label: file.mails.length > 1 ? `${(0,src_outbox/* shown */.SP)(file.name)} (mail ${i + 1})` : (0,src_outbox/* shown */.SP)(file.name),
        bytes
    })));
    const [mailIds] = await Promise.all([
        patchIdsOfDiffs(tree, mails.map((mail) => (0,src_mbox/* diffOf */.n_)(mail.bytes))),
        fetchTargetHistorySince(tree, { name: options.target, committedAt: options.targetTip.committedAt }, mails.map((mail) => (0,src_mbox/* mailDate */.ge)(mail.bytes)))
    ]);
    const known = new Set(await patchIdsOfCommits(tree, options.targetRef));
    const result = { applied: 0, skipped: 0 };
    let changes = outbox.mails;
    /** Whether the change is new: not on the target, not earlier in the outbox. */
    const isNew = (patchId, label) => {
        if (patchId && known.has(patchId)) {
            workflow_commands/* info */.pq(`Skipped ${label}: the same change is already on '${options.target}'.`);
            result.skipped++;
            return false;
        }
        if (patchId)
            known.add(patchId);
        return true;
    };
    let pending = [];
    const applyPending = async () => {
        if (pending.length === 0)
            return;
        const mbox = (0,src_mbox/* joinMails */.rS)(pending.map((mail) => mail.bytes));
        // Every folder the series touches at once, before the series is applied.
        await tree.widenSparse(() => pathsOfPatch(tree, mbox));
        try {
            await applyMails(tree, mbox, options.committer, tree.signoff);
        }
        catch (error) {
            if (error instanceof MailConflictError) {
                const label = error.mail !== undefined ? pending[error.mail - 1]?.label : undefined;
                throw new errors/* ActionError */.lZ(`Outbox file ${label ?? 'one of the outbox patches'} does not apply on '${options.target}': ${error.detail}`, 'Nothing was pushed. Regenerate the patches against the current target.');
            }
            throw error;
        }
        result.applied += pending.length;
        pending = [];
    };
    let next = 0;
    for (const file of outbox.files) {
        if (!src_outbox/* BUNDLE */.dI.test(file.name)) {
            for (const end = next + file.mails.length; next < end; next++) {
                if (isNew(mailIds[next], mails[next].label))
                    pending.push(mails[next]);
            }
            continue;
        }
        await applyPending();
        const commits = await bundleCommits(tree, file.file, options);
        changes += commits.length;
        if (changes > outbox.limits.maxChanges)
            throw (0,src_outbox/* tooManyChanges */.RP)(changes, outbox.limits);
        for (const sha of commits) {
            const label = `${(0,src_outbox/* shown */.SP)(file.name)} (${sha.slice(0, 12)})`;
            const [patchId] = await patchIds(tree, await showPatch(tree, sha));
            if (!isNew(patchId, label))
                continue;
            await tree.widenSparse(() => tree.pathsOfCommit(sha));
            try {
                await tree.replayCommit(sha, options.committer);
            }
            catch (error) {
                if (error instanceof git/* ConflictError */.fK) {
                    throw new errors/* ActionError */.lZ(`Outbox file ${label} does not apply on '${options.target}': ${error.detail}`, 'Nothing was pushed. Regenerate the patches against the current target.');
                }
                throw error;
            }
            result.applied++;
        }
    }
    await applyPending();
    if (result.applied > 0)
        await addTrailer(tree, start, git/* PUBLISHED_BY_TRAILER */.nS, tree.branch);
    workflow_commands/* info */.pq(`Outbox: applied ${result.applied} change(s), skipped ${result.skipped} already on '${options.target}'.`);
    return result;
}
/**
 * Fetches the target's history since `historyStart` (src/mbox.ts), which keeps the clone
 * shallow. The server selects the commits committed since then, walking down from the tip: a
 * tip committed before has none, and the fetch would fail having brought nothing, so it is not
 * made (the tip is already here, from the work tree's fetch).
 */
async function fetchTargetHistorySince(tree, target, dates) {
    const since = (0,src_mbox/* historyStart */.nl)(dates);
    if (since === undefined || target.committedAt < since)
        return;
    const fetched = await (0,git_remote/* fetchBranches */.r4)(tree, [target.name], { since: new Date(since * 1000).toISOString() });
    // One commit past the boundary, so the oldest fetched commit has a parent to diff against.
    if (fetched.exitCode === 0)
        await (0,git_remote/* fetchBranches */.r4)(tree, [target.name], { deepen: 1 });
}
/** The commits a bundle adds on top of what the work tree has, oldest first. */
async function bundleCommits(tree, file, options) {
    const name = (0,src_outbox/* shown */.SP)(external_node_path_.basename(file));
    let verified = await tree.git(['bundle', 'verify', '-q', file], { allowFailure: true });
    if (verified.exitCode !== 0 && (await tree.isShallow())) {
        await (0,git_remote/* fetchBranches */.r4)(tree, [options.target], { unshallow: true });
        verified = await tree.git(['bundle', 'verify', '-q', file], { allowFailure: true });
    }
    if (verified.exitCode !== 0) {
        throw new errors/* ActionError */.lZ(`The outbox bundle ${name} cannot be used: ${verified.stderr.trim()}`, `Create it from a commit on '${options.target}', e.g. \`git bundle create out.bundle origin/${options.target}..HEAD\`.`);
    }
    const heads = (await tree.git(['bundle', 'list-heads', file])).stdout
        .split('\n')
        .map((line) => line.trim().split(' '))
        .filter((parts) => parts.length === 2);
    const head = heads.length === 1 ? heads[0] : heads.find(([, ref]) => ref === 'HEAD');
    if (!head)
        throw new errors/* ActionError */.lZ(`The outbox bundle ${name} has ${heads.length} heads and no HEAD; it must name one line of work.`);
    const ref = 'refs/outbox-publisher/bundle';
    await tree.git(['fetch', '-q', '--no-tags', '--no-write-fetch-head', file, `+${head[1]}:${ref}`]);
    const commits = await tree.commitsBetween('HEAD', ref);
    for (const sha of commits) {
        if (await tree.isMerge(sha))
            throw new errors/* ActionError */.lZ(`The outbox bundle ${name} holds a merge commit (${sha.slice(0, 12)}); only linear history can be published.`);
    }
    return commits;
}


/***/ })

};

//# sourceMappingURL=678.index.js.map