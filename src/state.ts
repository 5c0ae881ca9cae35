/** Names under which main records, with core.saveState, what its post step must undo. */
export const STATE = {
  sandboxDir: 'sandbox-dir',
  /** Set once main has deleted the sandbox itself, leaving the post step nothing to do. */
  removed: 'sandbox-removed'
} as const;
