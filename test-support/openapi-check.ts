// Checks the emulator's REST answers against GitHub's own API description (@octokit/openapi,
// api.github.com.json): each recorded response is matched to its operation by method and path
// template, and its status, JSON body and the headers the action reads are validated with ajv.
// The emulator records what it sends in `entry.response` (see Emulator.sendJson).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFunction } from 'node:vm';
import type { Ajv, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

/**
 * ajv, ajv-formats and ajv's standalone code generator, loaded only when a validator must be
 * compiled (jest evaluates them afresh for each test file, and a check whose validators are all
 * cached does not need them). The latter two are CommonJS: each one's function is its `default`.
 */
const ajvLib = () => ({
  Ajv: (require('ajv') as typeof import('ajv')).Ajv,
  addFormats: (require('ajv-formats') as typeof import('ajv-formats')).default,
  standaloneCode: (require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js'))
    .default
});

/**
 * Compiled validators, kept as ajv standalone modules: compiling GitHub's schemas cost every test
 * file about two CPU-seconds. A module is named by a hash of everything its code depends on (this
 * file, the versions of ajv, ajv-formats and the description, and the schema itself), so a cached
 * validator is the one ajv would compile.
 */
const cacheDir = path.join(
  path.dirname(require.resolve('ajv/package.json')),
  '..',
  '.cache',
  'outbox-publisher',
  'openapi-validators'
);
const cacheSalt = [
  readFileSync(fileURLToPath(import.meta.url), 'utf8'),
  ...['ajv', 'ajv-formats', '@octokit/openapi'].map(
    (name) => (require(`${name}/package.json`) as { version: string }).version
  )
].join('\0');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GitHub's API description, read as JSON
type Json = any;

export type Route = { method: string; template: string; pattern: RegExp; operation: Json };
export type Problem = { method: string; path: string; status: number; problem: string };

/** Errors GitHub sends on any route, which the description leaves out of most operations. */
const GENERIC_ERRORS = new Set([401, 403, 404, 500, 502, 503]);

/**
 * Headers the action reads, with what GitHub sends. The description declares few headers (Link,
 * Location); these come from GitHub's documentation on rate limits and token scopes.
 * @type {Record<string, RegExp>}
 */
const READ_HEADERS: Record<string, RegExp> = {
  'content-type': /^application\/json; charset=utf-8$/,
  'x-oauth-scopes': /^$|^[a-z:_]+(?:, [a-z:_]+)*$/,
  'x-accepted-oauth-scopes': /^$|^[a-z:_]+(?:, [a-z:_]+)*$/,
  'github-authentication-token-expiration': /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} (?:UTC|[+-]\d{4})$/,
  'x-ratelimit-limit': /^\d+$/,
  'x-ratelimit-remaining': /^\d+$/,
  'x-ratelimit-used': /^\d+$/,
  'x-ratelimit-reset': /^\d{10}$/,
  'x-ratelimit-resource': /^[a-z_]+$/,
  'retry-after': /^\d+$/,
  'x-github-request-id': /^[0-9A-F]+:[0-9A-F]+:[0-9A-F]+(?::[0-9A-F]+)*$/,
  link: /^<https:\/\/[^>]+>; rel="(?:next|prev|first|last)"(?:, <https:\/\/[^>]+>; rel="(?:next|prev|first|last)")*$/,
  location: /^https:\/\/\S+$/
};

/**
 * A cached CommonJS module, evaluated from its text; undefined when it is not there (yet). Not
 * `require`: under jest, a file found missing stays missing for the rest of the process, so a
 * validator another suite or shard wrote since was compiled again by every later suite: from an
 * empty cache (CI's fresh clone), 56 compiles and 16 ajv set-ups for 18 validators, against 18
 * and 8 this way.
 */
function loadModule(file: string): unknown {
  try {
    const module = { exports: {} as unknown };
    compileFunction(readFileSync(file, 'utf8'), ['module', 'exports', 'require'], { filename: file })(
      module,
      module.exports,
      require
    );
    return module.exports;
  } catch {
    return undefined; // not compiled yet, or unreadable: compiled again
  }
}

/** GitHub's whole API description (13 MB of JSON, parsed once per module registry). */
function readDescription(): Json {
  return require('@octokit/openapi/generated/api.github.com.json');
}

/**
 * The part of GitHub's description that checking reads (each operation's id and responses, the
 * shared responses and headers: about 5% of its 13 MB), cached next to the validators. Parsing
 * the whole description cost every suite about 0.3 CPU-seconds; the schemas it leaves out are
 * read only when a validator must be compiled.
 */
function readOutline(): Json {
  const file = path.join(
    cacheDir,
    `outline-${createHash('sha256').update(cacheSalt).digest('hex').slice(0, 16)}.json`
  );
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // not written yet (or unreadable): derive it from the description
  }
  const spec = readDescription();
  const paths: Record<string, Record<string, Json>> = {};
  for (const [template, item] of Object.entries<Json>(spec.paths)) {
    paths[template] = {};
    for (const method of ['get', 'post', 'patch', 'put', 'delete']) {
      if (item[method])
        paths[template][method] = {
          operationId: item[method].operationId,
          responses: item[method].responses
        };
    }
  }
  const outline = {
    paths,
    components: { responses: spec.components.responses, headers: spec.components.headers }
  };
  try {
    mkdirSync(cacheDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(outline));
    renameSync(temp, file);
  } catch {
    // a cache that cannot be written only costs time
  }
  return outline;
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: null joins the allowed types (a schema without a
 * type, such as a $ref or allOf, becomes "that, or null").
 * @param {any} schema
 * @returns {any}
 */
export function toJsonSchema(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema;
  /** @type {Record<string, any>} */
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(rest))
    out[key] = key === 'example' || key === 'examples' || key === 'enum' ? value : toJsonSchema(value);
  if (nullable !== true) return out;
  if (typeof out.type === 'string') {
    out.type = [out.type, 'null'];
    if (out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

export class OpenApiCheck {
  /** What the check reads of the description: the operations' responses, and the shared responses and headers. */
  spec: Json;
  routes: Route[] = [];
  private compiler: Ajv | undefined;
  compiled = new Map<string, ValidateFunction>();

  constructor() {
    const spec = readOutline();
    this.spec = spec;
    for (const [template, item] of Object.entries<Json>(spec.paths)) {
      const pattern = new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, (name) => (name === '{ref}' || name === '{basehead}' ? '(.+)' : '([^/]+)'))}$`
      );
      for (const method of ['get', 'post', 'patch', 'put', 'delete']) {
        if (item[method])
          this.routes.push({ method: method.toUpperCase(), template, pattern, operation: item[method] });
      }
    }
    // Literal segments win over parameters, as GitHub routes them (/pulls/comments before /pulls/{n}).
    this.routes.sort(
      (a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0)
    );
  }

  /**
   * ajv with GitHub's component schemas, made when a validator is not in the cache: converting
   * and adding those schemas costs about 0.4 CPU-seconds, which a check whose validators are all
   * cached (every suite's, after the first run) does not pay.
   */
  get ajv(): Ajv {
    if (!this.compiler) {
      const { Ajv, addFormats } = ajvLib();
      // strict: false lets OpenAPI 3.0's own keywords (example, discriminator...) pass.
      const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, code: { source: true } });
      addFormats(ajv);
      const { components } = readDescription();
      ajv.addSchema({ $id: 'gh', components: { schemas: toJsonSchema(components.schemas) } });
      this.compiler = ajv;
    }
    return this.compiler;
  }

  /**
   * @param {string} method
   * @param {string} path REST path below the API root, without the query string
   * @returns {Route | undefined}
   */
  route(method: string, path: string): Route | undefined {
    return this.routes.find((r) => r.method === method && r.pattern.test(path));
  }

  /** @param {any} schema @param {string} key */
  validator(schema: Json, key: string) {
    let validate = this.compiled.get(key);
    if (!validate) {
      const rebased = JSON.parse(
        JSON.stringify(toJsonSchema(schema)).replace(/"#\/components\//g, '"gh#/components/')
      );
      validate = this.cachedCompile(rebased);
      this.compiled.set(key, validate);
    }
    return validate;
  }

  /** ajv's validator for `schema`, from the cache when an earlier run compiled it. */
  cachedCompile(schema: Json): ValidateFunction {
    const name = createHash('sha256')
      .update(cacheSalt)
      .update('\0')
      .update(JSON.stringify(schema))
      .digest('hex');
    const file = path.join(cacheDir, `${name}.cjs`);
    const cached = loadModule(file);
    if (cached) return cached as ValidateFunction;
    const validate = this.ajv.compile(schema);
    try {
      mkdirSync(cacheDir, { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, ajvLib().standaloneCode(this.ajv, validate));
      renameSync(temp, file);
    } catch {
      // a cache that cannot be written only costs time
    }
    return validate;
  }

  /** @param {any} response a response object or a $ref to one */
  resolveResponse(response: Json) {
    if (response?.$ref) return this.spec.components.responses[response.$ref.split('/').pop()];
    return response;
  }

  /**
   * Problems with one recorded response (an empty list when it matches the description).
   * @param {{ method: string, path: string, status: number, headers: Record<string, unknown>, body: unknown }} response
   * @returns {string[]}
   */
  check(response: {
    method: string;
    path: string;
    status: number;
    headers: Record<string, unknown>;
    body: unknown;
  }): string[] {
    const { method, path, status, headers, body } = response;
    const route = this.route(method, path);
    if (!route) return [`no operation in the description for ${method} ${path}`];
    const problems = [];
    const key = `${route.method} ${route.template} ${status}`;
    let documented = this.resolveResponse(route.operation.responses[String(status)]);
    if (!documented) {
      if (!GENERIC_ERRORS.has(status)) {
        return [
          `${status} is not a status ${route.operation.operationId} answers with (documented: ${Object.keys(route.operation.responses).join(', ')})`
        ];
      }
      documented = {
        content: { 'application/json': { schema: { $ref: '#/components/schemas/basic-error' } } }
      };
    }
    // Some error answers are documented without a body (request-reviewers' 422); GitHub sends its
    // usual error object there.
    const schema =
      documented.content?.['application/json']?.schema ??
      (status >= 400 ? { $ref: '#/components/schemas/basic-error' } : undefined);
    if (status === 204 || !schema) {
      if (body !== null && body !== undefined && body !== '')
        problems.push(`${status} has no body in the description, got ${JSON.stringify(body).slice(0, 80)}`);
    } else {
      const validate = this.validator(schema, key);
      if (!validate(body)) {
        for (const error of (validate.errors ?? []).slice(0, 400)) {
          problems.push(
            `body${error.instancePath} ${error.message}${error.params && 'additionalProperty' in error.params ? ` (${error.params.additionalProperty})` : ''}`
          );
        }
      }
    }
    const lower = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)])
    );
    for (const [name, declared] of Object.entries<Json>(documented.headers ?? {})) {
      const spec = declared.$ref ? this.spec.components.headers[declared.$ref.split('/').pop()] : declared;
      // Location is always sent with a 201 from these operations; Link only when there are more pages.
      if (name.toLowerCase() === 'location' && status === 201 && lower.location === undefined)
        problems.push('header location missing');
      if (
        lower[name.toLowerCase()] !== undefined &&
        spec?.schema?.type === 'string' &&
        typeof lower[name.toLowerCase()] !== 'string'
      )
        problems.push(`header ${name} is not a string`);
    }
    for (const [name, pattern] of Object.entries(READ_HEADERS)) {
      const value = lower[name];
      if (value === undefined) {
        if (name === 'content-type' && status !== 204) problems.push('header content-type missing');
        if (name.startsWith('x-ratelimit-') || name === 'x-github-request-id')
          problems.push(`header ${name} missing`);
        continue;
      }
      if (!pattern.test(value))
        problems.push(`header ${name}: ${JSON.stringify(value)} is not what GitHub sends`);
    }
    return problems.map((problem) => `${route.operation.operationId} ${status}: ${problem}`);
  }

  /**
   * Checks every recorded REST response of an emulator's request log (faults the test injected
   * are the test's own answers and are skipped).
   * @param {Array<Record<string, any>>} requests
   * @returns {{ checked: number, operations: Set<string>, problems: Problem[] }}
   */
  checkLog(requests: Array<Record<string, Json>>): {
    checked: number;
    operations: Set<string>;
    problems: Problem[];
  } {
    /** @type {Problem[]} */
    const problems: Problem[] = [];
    const operations = new Set<string>();
    let checked = 0;
    for (const entry of requests) {
      if (entry.kind !== 'rest' || entry.injected || !entry.response) continue;
      checked++;
      const response = {
        method: entry.method,
        path: entry.response.path,
        status: entry.response.status,
        headers: entry.response.headers,
        body: entry.response.body
      };
      const route = this.route(response.method, response.path);
      if (route) operations.add(`${route.operation.operationId} ${response.status}`);
      for (const problem of this.check(response))
        problems.push({
          method: entry.method,
          path: entry.response.path,
          status: entry.response.status,
          problem
        });
    }
    return { checked, operations, problems };
  }
}
