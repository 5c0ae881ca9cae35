import { ActionError } from './errors.js';
import { quoteName } from './log-text.js';

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
export function workflowChanges(changedPaths: Iterable<string>): string[] {
  return [...new Set([...changedPaths].filter((file) => WORKFLOW_PATH.test(file)))].sort();
}

/** Throws the one error that lists the workflow files and names the opt-in, unless allowed or none. */
export function checkWorkflowPolicy(changedPaths: Iterable<string>, allowWorkflowChanges: boolean): void {
  if (allowWorkflowChanges) return;
  const touched = workflowChanges(changedPaths);
  if (touched.length === 0) return;
  throw new ActionError(
    `The changes touch ${touched.length} workflow file(s), which are not published by default: a workflow pushed to the repository runs with its secrets.\n` +
      `${touched.map((file) => `  ${quoteName(file)}`).join('\n')}\nNothing was pushed.`,
    "If these workflow changes are meant to be published, set 'allow-workflow-changes: true' (the token then also needs the `workflow` scope, or Workflows: write)."
  );
}
