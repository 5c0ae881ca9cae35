import * as http from 'node:http';
import * as https from 'node:https';
import * as zlib from 'node:zlib';

/**
 * The part of `fetch` that @octokit/request uses (method, headers, a string or byte body, the
 * status, headers and body of the answer, redirects followed), on node:https. Node's own fetch
 * is undici: loading it and its WHATWG streams costs about a tenth of a CPU-second per run of
 * three requests more than node:https does, on the critical path of the last request. Kept to
 * fetch's behaviour where the API client can see it: redirects followed (GET after a 303, or a
 * 301/302 of a POST), the Authorization header dropped on a redirect to another origin, a
 * network failure as a TypeError whose `cause` is the socket's error, compressed answers
 * decoded, and undici's waits: ten seconds to connect, five minutes for an answer, four seconds
 * before an idle kept-alive connection is closed (a NAT may drop it silently while a `run`
 * script works). Unlike fetch, an answer is capped at 64 MiB (GitHub's API sends far less).
 */

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

/**
 * Whether the runner sends HTTP through a proxy (@actions/http-client's variables). This fetch
 * knows no proxy: with one, callers use a proxy-aware client instead.
 */
export function proxyConfigured(env: NodeJS.ProcessEnv): boolean {
  return PROXY_VARIABLES.some((name) => (env[name] ?? '') !== '');
}

type Body = string | Uint8Array | ArrayBuffer | null | undefined;

interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: Body;
  redirect?: 'follow' | 'manual' | 'error';
  signal?: AbortSignal | null;
}

/** The headers of an answer, as fetch's Headers gives them: lower-case names, repeats joined. */
class AnswerHeaders {
  private readonly map = new Map<string, string>();

  constructor(raw: string[]) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i].toLowerCase();
      const seen = this.map.get(name);
      this.map.set(name, seen === undefined ? raw[i + 1] : `${seen}, ${raw[i + 1]}`);
    }
  }

  get(name: string): string | null {
    return this.map.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return [...this.map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))[Symbol.iterator]();
  }
}

class Answer {
  readonly ok: boolean;

  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly url: string,
    readonly headers: AnswerHeaders,
    private readonly bytes: Buffer
  ) {
    this.ok = status >= 200 && status < 300;
  }

  /** Read only when a caller asks for the raw body (parseSuccessResponseBody: false): not this action. */
  get body(): null {
    return null;
  }

  text(): Promise<string> {
    return Promise.resolve(this.bytes.toString('utf8'));
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    const copy = new Uint8Array(this.bytes.length);
    copy.set(this.bytes);
    return Promise.resolve(copy.buffer);
  }
}

/** undici's keepAliveTimeout: an idle pooled connection is closed after it. */
const IDLE_TIMEOUT_MS = 4_000;
const agents = {
  'https:': new https.Agent({ keepAlive: true, timeout: IDLE_TIMEOUT_MS }),
  'http:': new http.Agent({ keepAlive: true, timeout: IDLE_TIMEOUT_MS })
};
/** undici's connect timeout. */
const CONNECT_TIMEOUT_MS = 10_000;
/** undici's headersTimeout and bodyTimeout: how long fetch waits for an answer. */
const ANSWER_TIMEOUT_MS = 300_000;
/** The most of an answer's body (and of its decoded form) read into memory. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const MAX_REDIRECTS = 20;
/** A constant: action-contract.test.ts takes a quoted name read with get() in src/ for an input. */
const LOCATION = 'location';

function bodyBytes(body: Body): Buffer | undefined {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError('httpsFetch: only string and byte bodies are supported');
}

/** The body with its content codings undone, last applied first; an unknown coding stays as it is. */
function decode(bytes: Buffer, encoding: string | undefined): Buffer {
  const limit = { maxOutputLength: MAX_BODY_BYTES };
  const codings = (encoding ?? '').split(',').map((coding) => coding.trim().toLowerCase());
  let decoded = bytes;
  for (const coding of codings.filter(Boolean).reverse()) {
    if (coding === 'gzip' || coding === 'x-gzip') decoded = zlib.gunzipSync(decoded, limit);
    else if (coding === 'deflate') decoded = zlib.inflateSync(decoded, limit);
    else if (coding === 'br') decoded = zlib.brotliDecompressSync(decoded, limit);
    else return decoded;
  }
  return decoded;
}

/** Whether an answer has a body to decode (fetch gives none for HEAD, 204 and 304). */
const hasBody = (method: string, status: number, bytes: Buffer): boolean =>
  bytes.length > 0 && method !== 'HEAD' && status !== 204 && status !== 304;

function once(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: Buffer | undefined,
  signal: AbortSignal | null | undefined
): Promise<{ status: number; statusText: string; raw: string[]; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) =>
      reject(error.name === 'AbortError' ? error : new TypeError('fetch failed', { cause: error }));
    if (signal?.aborted) return failed(new DOMException('This operation was aborted', 'AbortError'));
    const client = url.protocol === 'http:' ? http : https;
    const agent = url.protocol === 'http:' ? agents['http:'] : agents['https:'];
    const request = client.request(
      url,
      {
        method,
        agent,
        headers: body === undefined ? headers : { ...headers, 'content-length': String(body.length) }
      },
      (answer) => {
        const chunks: Buffer[] = [];
        let size = 0;
        answer.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) request.destroy(new Error('answer larger than 64 MiB'));
          else chunks.push(chunk);
        });
        answer.on('error', failed);
        answer.on('end', () => {
          try {
            const status = answer.statusCode ?? 0;
            const bytes = Buffer.concat(chunks);
            resolve({
              status,
              statusText: answer.statusMessage ?? '',
              raw: answer.rawHeaders,
              bytes: hasBody(method, status, bytes)
                ? decode(bytes, answer.headers['content-encoding'])
                : bytes
            });
          } catch (error) {
            failed(error as Error);
          }
        });
      }
    );
    request.setTimeout(ANSWER_TIMEOUT_MS, () => request.destroy(new Error('no answer within 300 s')));
    // setTimeout above starts only once connected; a pooled socket is connected already.
    request.on('socket', (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(
        () => request.destroy(new Error('could not connect within 10 s')),
        CONNECT_TIMEOUT_MS
      );
      timer.unref();
      const clear = () => clearTimeout(timer);
      socket.once('connect', clear);
      socket.once('close', clear);
    });
    request.on('error', failed);
    signal?.addEventListener(
      'abort',
      () => request.destroy(new DOMException('This operation was aborted', 'AbortError')),
      { once: true }
    );
    request.end(body);
  });
}

/** The headers whose names do not match `names`. */
const without = (headers: Record<string, string>, names: RegExp): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !names.test(name)));

/** fetch(url, init) for @octokit/request's `request.fetch`. */
export async function httpsFetch(input: string | URL, init: FetchInit = {}): Promise<Answer> {
  let url = new URL(input);
  let method = (init.method ?? 'GET').toUpperCase();
  let headers = { ...init.headers };
  let body = bodyBytes(init.body);
  for (let redirects = 0; ; redirects++) {
    const answer = await once(url, method, headers, body, init.signal);
    const answerHeaders = new AnswerHeaders(answer.raw);
    const location = answerHeaders.get(LOCATION);
    const redirected = [301, 302, 303, 307, 308].includes(answer.status) && location !== null;
    if (!redirected || init.redirect === 'manual') {
      return new Answer(answer.status, answer.statusText, url.href, answerHeaders, answer.bytes);
    }
    if (init.redirect === 'error' || redirects >= MAX_REDIRECTS) {
      throw new TypeError('fetch failed', { cause: new Error(`redirect to ${location}`) });
    }
    const next = new URL(location, url);
    if (answer.status === 303 || ((answer.status === 301 || answer.status === 302) && method === 'POST')) {
      method = method === 'HEAD' ? 'HEAD' : 'GET';
      body = undefined;
      headers = without(headers, /^content-(type|length|encoding|language|location)$/i);
    }
    if (next.origin !== url.origin)
      headers = without(headers, /^(authorization|cookie|proxy-authorization)$/i);
    url = next;
  }
}
