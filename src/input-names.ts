/**
 * The action's input names by role, for the `sessions` step (src/sessions-run.ts).
 * __tests__/unit/action-contract.test.ts checks them against action.yml.
 */

/** The inputs of one publish (what parseInputs reads): what a session may set, `path` aside. */
export const PUBLISH_INPUTS: readonly string[] = [
  'repo',
  'target-branch',
  'mode',
  'branch',
  'branch-suffix',
  'path',
  'outbox',
  'outbox-max-changes',
  'outbox-max-bytes',
  'allow-workflow-changes',
  'run',
  'add-paths',
  'commit-message',
  'title',
  'body',
  'body-path',
  'labels',
  'draft',
  'author',
  'committer',
  'signoff',
  'dry-run',
  'sign-commits',
  'max-wait',
  'push-timeout',
  'push-attempts',
  'overwrite-foreign-commits',
  'delete-branch',
  'reviewers',
  'team-reviewers',
  'assignees',
  'milestone',
  'maintainer-can-modify',
  'auto-merge',
  'push-to-fork'
];

/** The inputs of a sessions step as a whole, read by src/sessions-run.ts, never by parseInputs. */
export const SESSIONS_STEP_INPUTS: readonly string[] = ['sessions', 'max-parallel', 'shard'];

/** The one output of a sessions step (the single publish's outputs are not set there). */
export const RESULTS_OUTPUT = 'results';
