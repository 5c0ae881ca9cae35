export const id = 665;
export const ids = [665];
export const modules = {

/***/ 665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writeReport: () => (/* binding */ writeReport)
/* harmony export */ });
/* unused harmony exports outputsOf, summaryRows */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3360);
/* harmony import */ var _log_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3529);


const STATUS_WORDS = { A: 'added', M: 'modified', D: 'deleted', T: 'type changed' };
/** The action's outputs, as strings; pure so that tests can check the contract. */
function outputsOf(report) {
    return {
        'pull-request-number': report.pullRequest ? String(report.pullRequest.number) : '',
        'pull-request-url': report.pullRequest?.url ?? '',
        'pull-request-operation': report.operation,
        'head-sha': report.headSha ?? '',
        branch: report.branch,
        pushed: String(report.pushed),
        commits: String(report.commits),
        path: report.path,
        'changes-detected': String(report.changesDetected),
        // Empty, not a wrong count, when the list could not be read (a warning said so).
        'changed-files': report.files ? String(report.files.length) : '',
        'commits-verified': report.commitsVerified === undefined ? '' : String(report.commitsVerified)
    };
}
/**
 * The summary table's rows, as HTML. Names (branches, which may hold `<`, `|`, `#`, backticks)
 * go through `summaryText`, so that none renders as markup.
 */
function summaryRows(report) {
    return [
        ['Repository', (0,_log_text_js__WEBPACK_IMPORTED_MODULE_1__/* .summaryText */ .g5)(report.repository)],
        ['Mode', report.mode],
        ['Target branch', (0,_log_text_js__WEBPACK_IMPORTED_MODULE_1__/* .summaryText */ .g5)(report.targetBranch)],
        ['Branch', (0,_log_text_js__WEBPACK_IMPORTED_MODULE_1__/* .summaryText */ .g5)(report.branch)],
        [
            'Operation',
            report.dryRun ? `${report.operation} (dry run: nothing was pushed or written)` : report.operation
        ],
        ['Pull request', (0,_log_text_js__WEBPACK_IMPORTED_MODULE_1__/* .pullRequestLink */ .Zl)(report.pullRequest)],
        ['Head', report.headSha ? `<code>${report.headSha.slice(0, 12)}</code>` : '—'],
        ['Pushed', report.pushed ? 'yes' : 'no'],
        ['Commits', String(report.commits)],
        ['Files changed', report.files ? String(report.files.length) : 'unknown']
    ];
}
async function writeReport(report) {
    for (const [name, value] of Object.entries(outputsOf(report)))
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
    const summary = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addHeading('outbox-publisher', 2).addTable([
        [
            { data: 'Item', header: true },
            { data: 'Value', header: true }
        ],
        ...summaryRows(report)
    ]);
    if (report.files && report.files.length > 0) {
        // A file name may hold line breaks, `#`, links or tags: C-quoted and escaped, it stays one line of text.
        summary
            .addHeading('Files', 3)
            .addList(report.files.map((f) => `<code>${(0,_log_text_js__WEBPACK_IMPORTED_MODULE_1__/* .summaryText */ .g5)(f.path)}</code> ${STATUS_WORDS[f.status] ?? (0,_log_text_js__WEBPACK_IMPORTED_MODULE_1__/* .summaryText */ .g5)(f.status)}`));
    }
    // The outputs are set; the publish happened. A summary that cannot be written costs only itself.
    if (process.env.GITHUB_STEP_SUMMARY)
        await summary
            .write()
            .catch((error) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not write the job summary: ${error.message}`));
}


/***/ })

};

//# sourceMappingURL=665.index.js.map