// @ts-check
// The sessions row of `npm run bench` (issue 12): N small repositories published by one `sessions`
// step at `max-parallel` 1, 4 and 8, against the single-session action run N times one after the
// other (what a matrix of one-repository jobs does, minus each job's runner start-up). Every run is
// main + post as the runner runs them; each measurement publishes a branch of its own, so that
// every session opens a new pull request.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runAction } from '../test-support/run-action.js';

export const SESSIONS_PARALLEL = [1, 4, 8];
/** Issue 12: at `max-parallel: 4`, under 40% of the one-at-a-time total. */
export const SESSIONS_TARGET = { maxParallel: 4, ratio: 0.4 };

const now = () => performance.now();

/**
 * CPU time (user + system) of the finished children of this process and theirs, in ms (Linux:
 * cutime and cstime of /proc/self/stat, in ticks of 10 ms).
 */
function childrenCpuMs() {
  const fields = fs
    .readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /s, '')
    .split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/**
 * @typedef {{ label: string, maxParallel: number | undefined, ms: number, cpuMs: number }} SessionsMeasure
 * @typedef {{ count: number, measures: SessionsMeasure[] }} SessionsResult
 * @param {import('../test-support/emulator/index.js').Emulator} emulator
 * @param {string} work the bench's work folder
 * @param {{ count: number, token: string, log: (message: string) => void }} options
 * @returns {Promise<SessionsResult>}
 */
export async function sessionsRow(emulator, work, { count, token: benchToken, log }) {
  // Each measurement is a user of its own: GitHub's (and the emulator's) 80 content-generating
  // requests a minute count per user across processes, and 50 pull requests a measurement
  // would otherwise carry one measurement's count into the next one's first minute.
  let measurement = 0;
  const nextToken = () => {
    const token = `${benchToken}${++measurement}`;
    emulator.addToken(token, { login: `bench-sessions-${measurement}[bot]`, scopes: null });
    return token;
  };
  const id = path
    .basename(fs.mkdtempSync(path.join(work, 'sessions-id-')))
    .slice(-6)
    .toLowerCase();
  const repos = Array.from({ length: count }, (_, i) => `octo-org/bench-fleet-${id}-${i + 1}`);
  for (const repo of repos)
    emulator.createRepo(repo, { files: { 'README.md': '# fleet\n', 'config/settings.json': '{}\n' } });
  const root = () => fs.mkdtempSync(path.join(work, 'sessions-run-'));
  const script = (/** @type {string} */ label) => `echo "${label}" > fleet-bench.txt`;
  /** @type {SessionsMeasure[]} */
  const measures = [];

  log(`sessions: ${count} repositories, the single-session action once each, one at a time ...`);
  let token = nextToken();
  let cpu0 = childrenCpuMs();
  let t0 = now();
  for (const repo of repos) {
    const dir = root();
    const result = await runAction({
      token,
      root: dir,
      inputs: { repo, branch: 'bench/one-at-a-time', run: script('one at a time') }
    });
    if (
      result.main.code !== 0 ||
      result.post?.code !== 0 ||
      result.outputs['pull-request-operation'] !== 'created'
    )
      throw new Error(`one-at-a-time run of ${repo} failed:\n${result.main.log.slice(-3000)}`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  measures.push({
    label: 'one at a time',
    maxParallel: undefined,
    ms: now() - t0,
    cpuMs: childrenCpuMs() - cpu0
  });

  for (const maxParallel of SESSIONS_PARALLEL) {
    log(`sessions: ${count} sessions in one step, max-parallel ${maxParallel} ...`);
    const dir = root();
    token = nextToken();
    cpu0 = childrenCpuMs();
    t0 = now();
    const result = await runAction({
      token,
      root: dir,
      inputs: {
        sessions: JSON.stringify(repos.map((repo) => ({ repo }))),
        'max-parallel': String(maxParallel),
        branch: `bench/sessions-${maxParallel}`,
        run: script(`max-parallel ${maxParallel}`)
      }
    });
    const ms = now() - t0;
    const cpuMs = childrenCpuMs() - cpu0;
    /** @type {Array<{ operation: string }>} */
    const results = JSON.parse(result.outputs.results ?? '[]');
    if (
      result.main.code !== 0 ||
      result.post?.code !== 0 ||
      results.length !== count ||
      results.some((r) => r.operation !== 'created')
    )
      throw new Error(`sessions run at max-parallel ${maxParallel} failed:\n${result.main.log.slice(-3000)}`);
    fs.rmSync(dir, { recursive: true, force: true });
    measures.push({ label: `one step, \`max-parallel: ${maxParallel}\``, maxParallel, ms, cpuMs });
  }
  const single = measures[0].ms;
  for (const m of measures)
    log(
      `sessions ${m.label}: ${(m.ms / 1000).toFixed(1)} s in all, ${(m.ms / count / 1000).toFixed(2)} s per session, ${((100 * m.ms) / single).toFixed(0)}% of one at a time`
    );
  return { count, measures };
}

/**
 * The sessions table for docs/benchmarks.md.
 * @param {SessionsResult} r
 */
export function sessionsTable(r) {
  const single = r.measures[0].ms;
  const rows = r.measures.map((m) => {
    const share = m.ms / single;
    const targeted = m.maxParallel === SESSIONS_TARGET.maxParallel;
    return [
      m.label,
      `${(m.ms / 1000).toFixed(1)} s`,
      `${(m.ms / r.count / 1000).toFixed(2)} s`,
      `${(m.cpuMs / r.count / 1000).toFixed(2)} s`,
      `${(100 * share).toFixed(0)}%`,
      targeted ? `< ${SESSIONS_TARGET.ratio * 100}%` : '—',
      targeted ? (share < SESSIONS_TARGET.ratio ? 'pass' : '**fail**') : 'info'
    ];
  });
  const head = [
    `${r.count} repositories`,
    'total',
    'per session',
    'CPU per session',
    'of one at a time',
    'target',
    'result'
  ];
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`)
  ].join('\n');
}
