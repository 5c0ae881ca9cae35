export const id = 665;
export const ids = [665];
export const modules = {

/***/ 321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ JobSummary)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);



const wrap = (tag, content) => (content ? `<${tag}>${content}</${tag}>` : `<${tag}>`);
/**
 * The job summary (GITHUB_STEP_SUMMARY), written as @actions/core's `core.summary` writes it (a
 * unit test compares the two): that module comes with @actions/core's HTTP client, most of the
 * bundle, which would load after the pull request is open, only to write a table. The text given
 * is HTML: outside text goes through src/log-text.ts's summaryText first.
 */
class JobSummary {
    buffer = '';
    addRaw(html, addEol = false) {
        this.buffer += addEol ? html + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL : html;
        return this;
    }
    addHeading(text, level) {
        return this.addRaw(wrap(`h${level}`, text), true);
    }
    addTable(rows) {
        const cell = (c) => (typeof c === 'string' ? wrap('td', c) : wrap('th', c.data));
        return this.addRaw(wrap('table', rows.map((row) => wrap('tr', row.map(cell).join(''))).join('')), true);
    }
    addList(items) {
        return this.addRaw(wrap('ul', items.map((item) => wrap('li', item)).join('')), true);
    }
    stringify() {
        return this.buffer;
    }
    /** Appends the summary to GITHUB_STEP_SUMMARY, which must exist and be writable. */
    async write() {
        const file = process.env.GITHUB_STEP_SUMMARY;
        if (!file)
            throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.');
        try {
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.R_OK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK);
        }
        catch {
            throw new Error(`Unable to access summary file: '${file}'.`);
        }
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.appendFile(file, this.buffer, { encoding: 'utf8' });
        this.buffer = '';
    }
}


/***/ }),

/***/ 665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   writeReport: () => (/* binding */ writeReport)
/* harmony export */ });
/* unused harmony exports outputsOf, summaryRows */
/* harmony import */ var _job_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(321);
/* harmony import */ var _log_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3529);
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6137);



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
        _workflow_commands_js__WEBPACK_IMPORTED_MODULE_2__/* .setOutput */ .uH(name, value);
    const summary = new _job_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .JobSummary */ .c().addHeading('outbox-publisher', 2).addTable([
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
            .catch((error) => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_2__/* .warning */ .$e(`Could not write the job summary: ${error.message}`));
}


/***/ })

};

//# sourceMappingURL=665.index.js.map