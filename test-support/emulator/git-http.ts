import { checkPush } from '../push-rules.js';
import { parseReceivePackRequest, refusalResponse } from '../receive-pack.js';
import { faultMatches } from './faults.js';
import { GraphQLApi } from './graphql.js';
import type { IncomingMessage, RepoInfo, RequestLogEntry, ServerResponse, TokenInfo } from './types.js';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** git smart HTTP through `git http-backend`, with push rules checked before a push is applied. */
export class GitHttp extends GraphQLApi {
  /**
   * git-http-backend itself: started as `git http-backend`, the git wrapper only execs it, one
   * process more for every git request.
   */
  private httpBackend: string | undefined;

  async serveGit(
    req: IncomingMessage,
    res: ServerResponse,
    entry: RequestLogEntry,
    match: RegExpExecArray,
    tokenInfo: TokenInfo | null,
    url: URL
  ) {
    if (!tokenInfo) {
      req.resume();
      res.writeHead(401, {
        'www-authenticate': 'Basic realm="GitHub"',
        'content-type': 'text/plain; charset=utf-8'
      });
      res.end('Invalid username or token. Password authentication is not supported for Git operations.\n');
      return;
    }
    const repo = this.repos.get(`${match[1]}/${match[2]}`.toLowerCase());
    const access = repo ? this.accessOf(tokenInfo, repo) : undefined;
    if (!repo || access?.contents === 'none') {
      req.resume();
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Repository not found.\n');
      return;
    }

    // A token that may not write gets GitHub's 403 on the push's first request, before any ref
    // update: git prints the text as "remote: ..." and fails with "returned error: 403".
    if (entry.service === 'git-receive-pack' && access?.contents !== 'write') {
      req.resume();
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Permission to ${repo.fullName}.git denied to ${tokenInfo.login}.\n`);
      return;
    }

    // beforeGit() hooks. The request body is not read meanwhile, so the client just waits.
    const stage =
      req.method === 'POST' && match[3] === `/${entry.service}`
        ? 'rpc'
        : match[3] === '/info/refs' && url.searchParams.has('service')
          ? 'advertisement'
          : null;
    const hook = stage
      ? this.gitHooks.find(
          (h) => h.repo === repo.fullName.toLowerCase() && h.service === entry.service && h.stage === stage
        )
      : undefined;
    if (hook) {
      hook.times--;
      if (hook.times <= 0) this.gitHooks.splice(this.gitHooks.indexOf(hook), 1);
      entry.hooked = true;
      try {
        await hook.callback(entry);
        hook.fired++;
        if (hook.times <= 0) hook.resolve();
      } catch (err) {
        hook.fired++;
        entry.hookError = err instanceof Error ? (err.stack ?? err.message) : String(err);
        hook.reject(err);
        req.resume();
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`beforeGit hook failed: ${err instanceof Error ? err.message : String(err)}\n`);
        return;
      }
    }

    const env: NodeJS.ProcessEnv = {
      ...this.gitEnv,
      GIT_PROJECT_ROOT: this.reposDir,
      GIT_HTTP_EXPORT_ALL: '1',
      GATEWAY_INTERFACE: 'CGI/1.1',
      SERVER_PROTOCOL: 'HTTP/1.1',
      SERVER_SOFTWARE: 'gh-emulator',
      PATH_INFO: `/${repo.owner}/${repo.name}.git${match[3]}`,
      REQUEST_METHOD: req.method ?? 'GET',
      QUERY_STRING: url.search.replace(/^\?/, ''),
      CONTENT_TYPE: String(req.headers['content-type'] ?? ''),
      REMOTE_USER: tokenInfo.login,
      REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1'
    };
    if (req.headers['content-length'] !== undefined)
      env.CONTENT_LENGTH = String(req.headers['content-length']);
    if (req.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = String(req.headers['content-encoding']);
    if (req.headers['git-protocol']) env.GIT_PROTOCOL = String(req.headers['git-protocol']);

    const rpcPath = entry.path.replace(/\/info\/refs$/, `/${entry.service}`);
    const freshConnectionForReset =
      stage === 'advertisement' &&
      this.faults.some(
        (f) => f.reset && !f.reuseConnection && faultMatches(f, 'POST', entry.host, rpcPath, 'git')
      );
    // A push is read whole and checked against the repository's rules first (push-rules.ts).
    const push =
      stage === 'rpc' && entry.service === 'git-receive-pack'
        ? await this.checkReceivePack(req, res, entry, repo, tokenInfo)
        : undefined;
    if (push?.refused) return;
    if (push) env.CONTENT_LENGTH = String(push.body.length);
    this.httpBackend ??= path.join(this.runGit(['--exec-path']).trim(), 'git-http-backend');
    const child = spawn(this.httpBackend, [], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const errChunks: Buffer[] = [];
    child.stderr.on('data', (c) => errChunks.push(c));
    child.stdin.on('error', () => {}); // the CGI may exit before reading everything
    if (push) child.stdin.end(push.body);
    else req.pipe(child.stdin);

    let head = Buffer.alloc(0);
    let headersDone = false;
    child.stdout.on('data', (chunk) => {
      if (headersDone) return;
      head = Buffer.concat([head, chunk]);
      const crlf = head.indexOf('\r\n\r\n');
      const lf = head.indexOf('\n\n');
      let end = -1;
      let sepLen = 0;
      if (crlf >= 0 && (lf < 0 || crlf < lf)) [end, sepLen] = [crlf, 4];
      else if (lf >= 0) [end, sepLen] = [lf, 2];
      if (end < 0) return;
      headersDone = true;
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of head.subarray(0, end).toString('latin1').split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon <= 0) continue;
        const name = line.slice(0, colon).trim();
        const value = line.slice(colon + 1).trim();
        if (name.toLowerCase() === 'status') status = parseInt(value, 10) || 200;
        else headers[name] = value;
      }
      // libcurl silently resends a request whose reused connection dies before any answer, so a
      // reset meant for the POST that follows this advertisement must hit a fresh connection.
      if (stage === 'advertisement' && freshConnectionForReset) headers.Connection = 'close';
      res.writeHead(status, headers);
      const rest = head.subarray(end + sepLen);
      if (rest.length) res.write(rest);
      child.stdout.pipe(res);
    });
    child.on('error', (err) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`cannot run git http-backend: ${err.message}\n`);
      }
    });
    child.on('close', (code) => {
      const stderr = Buffer.concat(errChunks).toString('utf8');
      if (stderr) entry.stderr = stderr.slice(0, 4000);
      // A push may have moved or deleted the head branch of open pull requests.
      if (stage === 'rpc' && entry.service === 'git-receive-pack') this.syncPulls(repo);
      if (!headersDone) {
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`git http-backend exited with ${code} before sending headers\n${stderr}`);
        } else res.end();
      }
    });
  }

  /**
   * Reads a push and checks it; a refused push is answered here as receive-pack would answer it,
   * and changes nothing. The body of a push that may go on is returned for http-backend.
   * @param entry  gets `pushRefusal` ({ ref, rule, reason }) when refused
   */
  async checkReceivePack(
    req: IncomingMessage,
    res: ServerResponse,
    entry: RequestLogEntry,
    repo: RepoInfo,
    tokenInfo: TokenInfo
  ): Promise<{ refused: boolean; body: Buffer }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    let verdicts;
    try {
      const plain = /gzip/i.test(String(req.headers['content-encoding'] ?? '')) ? gunzipSync(body) : body;
      const request = parseReceivePackRequest(plain);
      const site =
        entry.host === 'github.com'
          ? 'https://github.com'
          : `https://${String(req.headers.host ?? entry.host)}`;
      verdicts = checkPush({
        bareDir: repo.bareDir,
        tmpDir: this.dir,
        fullName: repo.fullName,
        web: site,
        gitEnv: this.gitEnv,
        token: tokenInfo,
        rules: repo.pushRules,
        request
      });
      if (verdicts.length === 0) return { refused: false, body };
      entry.pushRefusal = verdicts.map(({ ref, rule, reason }) => ({ ref, rule, reason }));
      res.writeHead(200, {
        'content-type': 'application/x-git-receive-pack-result',
        'cache-control': 'no-cache, max-age=0, must-revalidate',
        expires: 'Fri, 01 Jan 1980 00:00:00 GMT',
        pragma: 'no-cache'
      });
      res.end(refusalResponse(request.capabilities, request.commands, verdicts));
      return { refused: true, body };
    } catch (err) {
      // What cannot be read or checked here is left to receive-pack, which reports it itself.
      entry.stderr = `push rules not checked: ${err instanceof Error ? err.message : String(err)}`;
      return { refused: false, body };
    }
  }
}
