/**
 * A `sessions` step's log: one collapsed group per session. Sessions run side by side, so their
 * lines, written as they come, would interleave (a `::group::` opened by one session would swallow
 * the lines of the others, and GitHub does not nest groups). Instead, whatever a session writes to
 * stdout or stderr (@actions/core's lines, the command lines and the output of the user's `run`
 * script that Sandbox echoes) is kept in a buffer of its own, found through
 * AsyncLocalStorage, and written as one block, `::group::` to `::endgroup::`, when the session
 * ends: each session's log reads as it would in a step of its own, in the order sessions finish.
 * The price is that a session shows nothing while it runs; a cancelled step (SIGINT or SIGTERM,
 * as the runner sends) first writes what the running sessions have so far.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { quoteName } from './log-text.js';

/** The most a session's buffer keeps of its head and of its tail (bytes each), for a chatty `run`. */
const KEEP_BYTES = 512 * 1024;

/**
 * One session's output: its first `keep` bytes and its last, whatever comes between left out. Kept
 * as bytes, so that a character that a child's output splits across two chunks stays whole.
 */
export class SessionLogBuffer {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private readonly tail: Buffer[] = [];
  private tailBytes = 0;
  private droppedBytes = 0;
  /** Whether what was left out ended a line, so that the tail starts a line of its own. */
  private droppedEndsLine = true;

  constructor(private readonly keep = KEEP_BYTES) {}

  append(chunk: string | Uint8Array): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    if (this.tail.length === 0 && this.headBytes + bytes.length <= this.keep) {
      this.head.push(bytes);
      this.headBytes += bytes.length;
      return;
    }
    this.tail.push(bytes);
    this.tailBytes += bytes.length;
    while (this.tail.length > 1 && this.tailBytes - this.tail[0].length >= this.keep) {
      const dropped = this.tail.shift()!;
      this.tailBytes -= dropped.length;
      this.droppedBytes += dropped.length;
      this.droppedEndsLine = dropped.at(-1) === 0x0a;
    }
  }

  /** The output, ending with a line break; a note in place of what was left out. */
  text(): string {
    const head = Buffer.concat(this.head).toString('utf8');
    let tail = Buffer.concat(this.tail);
    if (this.droppedBytes === 0) return endLine(head + tail.toString('utf8'));
    // The tail starts at a line of its own: the rest of a line cut in two could start with `::`.
    const firstBreak = tail.indexOf(0x0a);
    const cut = this.droppedEndsLine ? 0 : firstBreak < 0 ? tail.length : firstBreak + 1;
    const left = this.droppedBytes + cut;
    tail = tail.subarray(cut);
    return endLine(
      `${endLine(head)}… ${left} bytes of this session's output left out …\n${tail.toString('utf8')}`
    );
  }
}

function endLine(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** A group as the runner reads it: `title` (a workflow command's data, escaped) over `body`. */
export function groupBlock(title: string, body: string): string {
  const data = title.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::group::${data}\n${endLine(body)}::endgroup::\n`;
}

/** A session in a group's title: its place in the list and its repository (as data). */
export function sessionLabel(index: number, total: number, repo: string): string {
  return `Session ${index} of ${total}: ${quoteName(repo)}`;
}

const MASK_COMMAND = '::add-mask::';

function isMask(chunk: string | Uint8Array): boolean {
  const start =
    typeof chunk === 'string' ? chunk : Buffer.from(chunk.subarray(0, MASK_COMMAND.length)).toString();
  return start.startsWith(MASK_COMMAND);
}

/** `write` of stdout or stderr, called with the stream as `this`. */
type Write = (this: NodeJS.WriteStream, chunk: string | Uint8Array, ...rest: unknown[]) => boolean;

/** Routes each session's stdout and stderr into its buffer, from `install` until `restore`. */
export class SessionLogs {
  private readonly current = new AsyncLocalStorage<SessionLogBuffer>();
  private readonly running = new Map<SessionLogBuffer, string>();
  private restoreAll: (() => void) | undefined;

  install(): void {
    const streams = [process.stdout, process.stderr];
    // Unbound on purpose: `restore` puts back the very function, and every call passes `this`.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const originals = streams.map((stream) => stream.write as Write);
    const current = this.current;
    this.writeOut = (text) => void originals[0].call(process.stdout, text);
    const route = (original: Write): Write =>
      function (this: NodeJS.WriteStream, chunk, ...rest) {
        const buffer = current.getStore();
        // A mask applies from the moment it is written: it never waits in a buffer.
        if (!buffer || isMask(chunk)) return original.call(this, chunk, ...rest);
        buffer.append(chunk);
        const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
        if (callback) process.nextTick(callback);
        return true;
      };
    streams.forEach((stream, i) => (stream.write = route(originals[i]) as typeof stream.write));
    const onSignal = (signal: NodeJS.Signals) => {
      this.flushRunning();
      this.restore();
      process.kill(process.pid, signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    this.restoreAll = () => {
      streams.forEach((stream, i) => (stream.write = originals[i] as typeof stream.write));
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    };
  }

  restore(): void {
    this.restoreAll?.();
    this.restoreAll = undefined;
  }

  /**
   * Runs one session with its output held back, then writes it as one group: `label` (see
   * `sessionLabel`) and how it ended (`ending` of its result).
   */
  async run<T>(label: string, work: () => Promise<T>, ending: (result: T) => string): Promise<T> {
    const buffer = new SessionLogBuffer();
    this.running.set(buffer, label);
    let heading = `${label} (stopped by an error)`;
    try {
      const result = await this.current.run(buffer, work);
      heading = `${label} (${ending(result)})`;
      return result;
    } finally {
      this.running.delete(buffer);
      this.writeOut(groupBlock(heading, buffer.text()));
    }
  }

  private writeOut = (text: string): void => void process.stdout.write(text);

  private flushRunning(): void {
    for (const [buffer, label] of this.running) {
      this.writeOut(groupBlock(`${label} (cut short)`, buffer.text()));
    }
    this.running.clear();
  }
}
