/**
 * What a `sessions` step reports: the `results` output (JSON, one object per session, in list
 * order) and the job summary's table (one row per session). Pure, so that the tests can feed it
 * repository names and error texts that try to open markup.
 */
import { pullRequestLink, summaryText } from './log-text.js';
import type { SummaryCell } from './job-summary.js';

export interface SessionOutcome {
  repo: string;
  /** As resolved (the default branch's name when the session gave none), or '' when never known. */
  targetBranch: string;
  /** The single publish's `pull-request-operation` (created, updated, unchanged, closed, none), or `failed`. */
  operation: string;
  pullRequest: { number: number; url: string } | undefined;
  pushed: boolean;
  headSha: string | undefined;
  /** The error's message (the workflow author's text from ActionError), or undefined when it succeeded. */
  error: string | undefined;
}

/** One entry of the `results` output. Keys are spelled like the action's outputs. */
interface SessionResultJson {
  repo: string;
  'target-branch': string;
  operation: string;
  'pull-request-number': number | null;
  'pull-request-url': string;
  pushed: boolean;
  'head-sha': string;
  error: string;
}

/** Longest error text kept in `results`: 256 sessions of it stay far below an output's 1 MiB. */
const RESULTS_ERROR_MAX = 2000;
/** Longest error text in a summary row: 256 rows of it, escaped, stay below the summary's 1 MiB. */
const SUMMARY_ERROR_MAX = 300;

/** Cuts `text` to at most `max` code points, saying how much was left out. */
export function clip(text: string, max: number): string {
  const points = [...text];
  if (points.length <= max) return text;
  const note = ` … (${points.length - max} more characters)`;
  return points.slice(0, Math.max(0, max - [...note].length)).join('') + note;
}

function resultOf(outcome: SessionOutcome): SessionResultJson {
  return {
    repo: outcome.repo,
    'target-branch': outcome.targetBranch,
    operation: outcome.error === undefined ? outcome.operation : 'failed',
    'pull-request-number': outcome.pullRequest?.number ?? null,
    'pull-request-url': outcome.pullRequest?.url ?? '',
    pushed: outcome.pushed,
    'head-sha': outcome.headSha ?? '',
    error: outcome.error === undefined ? '' : clip(outcome.error, RESULTS_ERROR_MAX)
  };
}

/** The `results` output: a JSON array, one object per session, in list order. */
export function resultsOutput(outcomes: readonly SessionOutcome[]): string {
  return JSON.stringify(outcomes.map(resultOf));
}

/** The step fails when any session failed (after all have run). */
export function failedCount(outcomes: readonly SessionOutcome[]): number {
  return outcomes.filter((outcome) => outcome.error !== undefined).length;
}

/**
 * The summary table, header first, one row per session: repository, target branch, operation,
 * pull request link, pushed, error. Every outside text (names, error messages, the URL) goes
 * through `summaryText` or an attribute escape, so none of it renders as a tag, a link, a heading
 * or a table cell of its own; a URL that is not https is shown, not linked.
 */
export function sessionsSummaryRows(outcomes: readonly SessionOutcome[]): SummaryCell[][] {
  const header: SummaryCell[] = [
    'Repository',
    'Target branch',
    'Operation',
    'Pull request',
    'Pushed',
    'Error'
  ].map((data) => ({ data, header: true as const }));
  return [
    header,
    ...outcomes.map((outcome) => {
      const result = resultOf(outcome);
      return [
        summaryText(outcome.repo),
        outcome.targetBranch ? summaryText(outcome.targetBranch) : '—',
        summaryText(result.operation),
        pullRequestLink(outcome.pullRequest),
        outcome.pushed ? 'yes' : 'no',
        outcome.error === undefined ? '' : summaryText(clip(outcome.error, SUMMARY_ERROR_MAX))
      ];
    })
  ];
}

/** One line above the table: how many sessions ran and how many failed. */
export function sessionsSummaryLine(outcomes: readonly SessionOutcome[]): string {
  const failed = failedCount(outcomes);
  const total = outcomes.length;
  return `${total} session${total === 1 ? '' : 's'}: ${total - failed} succeeded, ${failed} failed.`;
}
