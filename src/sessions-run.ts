/**
 * A `sessions` step: the single publish (src/publish-one.ts) once per entry of the list, at most
 * `max-parallel` at once, each with its own inputs, sandbox and clone. A session that fails never
 * stops the others; the step fails after all have run, naming how many failed.
 */
import * as fs from 'node:fs/promises';
import { SandboxRemoval } from './cleanup.js';
import { ActionError, describeError, InputError } from './errors.js';
import { GhLogins } from './gh-login.js';
import { JobSummary } from './job-summary.js';
import { parsePath } from './input-values.js';
import { quotedName, quoteName } from './log-text.js';
import { runPool } from './pool.js';
import { publishOne } from './publish-one.js';
import { readInputs } from './read-inputs.js';
import { resolveRealPaths } from './real-paths.js';
import { readRunnerContext } from './runner-context.js';
import { sessionLabel, SessionLogs } from './session-log.js';
import { Sandbox, type EarlyCommand } from './sandbox.js';
import * as core from './workflow-commands.js';
import {
  failedCount,
  resultsOutput,
  sessionsSummaryLine,
  sessionsSummaryRows,
  type SessionOutcome
} from './session-results.js';
import { PUBLISH_INPUTS, RESULTS_OUTPUT } from './input-names.js';
import { parseSessions, sessionsSource, type Session } from './sessions.js';
import { parseMaxParallel, parseShard, selectShard } from './shards.js';
import { STATE } from './state.js';

export async function publishSessions(token: string, early: { ghVersion?: EarlyCommand }): Promise<void> {
  const listed = await readSessions();
  const selected = selectShard(listed, parseShard(core.getInput('shard')));
  const maxParallel = parseMaxParallel(core.getInput('max-parallel'));
  // Every session's inputs are read before any publishes: a bad one fails the step with nothing pushed.
  const sessions: Prepared[] = [];
  for (const session of selected) sessions.push({ session, read: await readSessionInputs(session) });
  const context = readRunnerContext(process.env);
  // Every session's sandbox lives in this one folder, recorded for the post step before any
  // session starts: a killed step leaves the post step one folder to remove.
  const parent = await Sandbox.create(context.runnerTemp, core.info);
  core.saveState(STATE.sandboxDir, parent.dir);
  // gh logs in once per host for every session with a `run` script, inside `parent`.
  const shared = { ...early, gh: new GhLogins(parent.dir, core.info, early.ghVersion) };
  let outcomes: SessionOutcome[];
  // Each session's lines in one group of its own, written when it ends (src/session-log.ts).
  const logs = new SessionLogs();
  try {
    core.info(`Publishing ${sessions.length} sessions, at most ${maxParallel} at once.`);
    logs.install();
    const settled = await runPool(sessions, maxParallel, async (prepared) => {
      const { index, repo } = prepared.session;
      const outcome = await logs.run(
        // Numbered in the whole list, which a shard takes only part of.
        sessionLabel(index, listed.length, repo),
        () => publishSession(prepared, token, parent.dir, shared),
        (ended) => ended.operation
      );
      // After its group, so that a failure shows without opening the group.
      if (outcome.error !== undefined) warnFailed(prepared.session, outcome.error);
      return outcome;
    });
    outcomes = settled.map((result, i) => {
      if (result.status === 'fulfilled') return result.value;
      warnFailed(sessions[i].session, describeError(result.reason));
      return failedOutcome(sessions[i].session, '', result.reason);
    });
  } finally {
    logs.restore();
    const removal = new SandboxRemoval(parent);
    removal.start();
    await removal.finished();
  }
  core.setOutput(RESULTS_OUTPUT, resultsOutput(outcomes));
  await writeSessionsSummary(outcomes);
  const failed = failedCount(outcomes);
  if (failed > 0) {
    core.setFailed(
      `${failed} of ${outcomes.length} session${outcomes.length === 1 ? '' : 's'} failed (see the job summary and the 'results' output).`
    );
  }
}

async function readSessions(): Promise<Session[]> {
  const source = sessionsSource(core.getInput('sessions'));
  let text: string;
  if (source && 'file' in source) {
    const { context, realPaths } = await resolveRealPaths(
      readRunnerContext(process.env),
      (name) => core.getInput(name),
      ['sessions']
    );
    const file = parsePath('sessions', source.file, context, { mayBeRoot: false }, realPaths.sessions)!;
    text = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new InputError(
        'sessions',
        `names the file ${quotedName(source.file)}, which cannot be read (${error.code})`
      );
    });
  } else {
    text = source?.text ?? '';
  }
  return parseSessions(text, {
    knownInputs: PUBLISH_INPUTS,
    stepInput: (name) => core.getInput(name)
  });
}

interface Prepared {
  session: Session;
  read: Awaited<ReturnType<typeof readInputs>>;
}

async function readSessionInputs(session: Session): Promise<Prepared['read']> {
  // Each session gets a fresh clone under RUNNER_TEMP: `path` is the step's, never a session's.
  const get = (name: string) => (name === 'path' ? '' : session.getInput(name));
  try {
    return await readInputs(process.env, get);
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    throw new ActionError(`Session ${session.index} (${quoteName(session.repo)}): ${error.message}`);
  }
}

/** One session, never throwing: its failure is its outcome. */
async function publishSession(
  { session, read }: Prepared,
  token: string,
  sandboxParent: string,
  early: { ghVersion?: EarlyCommand; gh: GhLogins }
): Promise<SessionOutcome> {
  let target = session.getInput('target-branch').trim();
  try {
    const { inputs, context, outbox } = read;
    const report = await publishOne({
      ...{ token, inputs, context, outbox, sandboxParent, ...early },
      onTarget: (resolved) => (target = resolved)
    });
    return {
      repo: session.repo,
      targetBranch: report.targetBranch,
      operation: report.operation,
      pullRequest: report.pullRequest,
      pushed: report.pushed,
      headSha: report.headSha,
      error: undefined
    };
  } catch (error) {
    return failedOutcome(session, target, error);
  }
}

function warnFailed(session: Session, message: string): void {
  core.warning(`Session ${session.index} (${quoteName(session.repo)}) failed: ${message}`);
}

function failedOutcome(session: Session, target: string, error: unknown): SessionOutcome {
  const message = describeError(error);
  return {
    repo: session.repo,
    targetBranch: target,
    operation: 'failed',
    pullRequest: undefined,
    pushed: false,
    headSha: undefined,
    error: message
  };
}

async function writeSessionsSummary(outcomes: readonly SessionOutcome[]): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await new JobSummary()
    .addHeading('outbox-publisher', 2)
    .addRaw(sessionsSummaryLine(outcomes), true)
    .addTable(sessionsSummaryRows(outcomes))
    .write()
    .catch((error: Error) => core.warning(`Could not write the job summary: ${error.message}`));
}
