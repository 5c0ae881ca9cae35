import { JobSummary } from './job-summary.js';
import type { FileChange } from './git.js';
import { pullRequestLink, summaryText } from './log-text.js';
import * as core from './workflow-commands.js';
import type { Operation } from './plan.js';

export interface Report {
  repository: string;
  mode: 'pull-request' | 'push';
  targetBranch: string;
  branch: string;
  path: string;
  operation: Operation;
  pushed: boolean;
  dryRun: boolean;
  headSha: string | undefined;
  pullRequest: { number: number; url: string } | undefined;
  /** How many commits were published (or would be, in a dry run). */
  commits: number;
  /**
   * The run's result differs from the target branch's tip the run started from: there is
   * something this run publishes (or would, in a dry run), also when a rerun finds it already
   * published. False when nothing changed and when the changes are on the target already (closed).
   */
  changesDetected: boolean;
  /** Files that differ from the target (net); undefined when they could not be listed. */
  files: FileChange[] | undefined;
  /** With `sign-commits`: whether GitHub signed every commit it created; undefined when it made none. */
  commitsVerified?: boolean;
}

const STATUS_WORDS: Record<string, string> = { A: 'added', M: 'modified', D: 'deleted', T: 'type changed' };

/** The action's outputs, as strings; pure so that tests can check the contract. */
export function outputsOf(report: Report): Record<string, string> {
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
export function summaryRows(report: Report): Array<[string, string]> {
  return [
    ['Repository', summaryText(report.repository)],
    ['Mode', report.mode],
    ['Target branch', summaryText(report.targetBranch)],
    ['Branch', summaryText(report.branch)],
    [
      'Operation',
      report.dryRun ? `${report.operation} (dry run: nothing was pushed or written)` : report.operation
    ],
    ['Pull request', pullRequestLink(report.pullRequest)],
    ['Head', report.headSha ? `<code>${report.headSha.slice(0, 12)}</code>` : '—'],
    ['Pushed', report.pushed ? 'yes' : 'no'],
    ['Commits', String(report.commits)],
    ['Files changed', report.files ? String(report.files.length) : 'unknown']
  ];
}

export async function writeReport(report: Report): Promise<void> {
  for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name, value);
  const summary = new JobSummary().addHeading('outbox-publisher', 2).addTable([
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
      .addList(
        report.files.map(
          (f) => `<code>${summaryText(f.path)}</code> ${STATUS_WORDS[f.status] ?? summaryText(f.status)}`
        )
      );
  }
  // The outputs are set; the publish happened. A summary that cannot be written costs only itself.
  if (process.env.GITHUB_STEP_SUMMARY)
    await summary
      .write()
      .catch((error: Error) => core.warning(`Could not write the job summary: ${error.message}`));
}
