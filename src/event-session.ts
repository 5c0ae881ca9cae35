import { quoteName } from './log-text.js';
import type { GetInput } from './input-values.js';

/** A publish request carried by the triggering event: the design note's "session". */
export interface EventSession {
  repo?: { value: string; source: string };
  targetBranch?: { value: string; source: string };
}

/**
 * `workflow_dispatch` inputs `repo` / `target_branch`, or `repository_dispatch`
 * `client_payload.repo` / `client_payload.target_branch`: what a backend or a person asked for.
 */
export function readEventSession(eventName: string | undefined, payload: unknown): EventSession {
  const record = (value: unknown): Record<string, unknown> =>
    typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const [fields, prefix] =
    eventName === 'workflow_dispatch'
      ? [record(record(payload).inputs), 'inputs']
      : eventName === 'repository_dispatch'
        ? [record(record(payload).client_payload), 'client_payload']
        : [{}, ''];
  const session: EventSession = {};
  if (typeof fields.repo === 'string' && fields.repo.trim())
    session.repo = { value: fields.repo.trim(), source: `${prefix}.repo` };
  if (typeof fields.target_branch === 'string' && fields.target_branch.trim()) {
    session.targetBranch = { value: fields.target_branch.trim(), source: `${prefix}.target_branch` };
  }
  return session;
}

/**
 * An input reader that falls back to the event's session for `repo` and `target-branch`, and
 * says so in the log, so the workflow author can see where a value came from.
 */
export function withEventSession(
  get: GetInput,
  session: EventSession,
  log: (message: string) => void
): GetInput {
  return (name) => {
    const value = get(name);
    const fallback =
      name === 'repo' ? session.repo : name === 'target-branch' ? session.targetBranch : undefined;
    if (value.trim() || !fallback) return value;
    // Logged before it is validated: quoted, so that a line break in it cannot start a workflow command.
    log(
      `Input '${name}' is not set; using ${fallback.source} from the triggering event: ${quoteName(fallback.value)}`
    );
    return fallback.value;
  };
}
