/** Names under which main records, with core.saveState, what its post step must undo. */
export const STATE = {
  sandboxDir: 'sandbox-dir',
  host: 'gh-host',
  authMode: 'auth-mode'
} as const;
