// Git LFS basic transfers (basic-transfers.md) and verify callbacks of the emulator: the storage
// host takes and serves an object only with the ticket the batch answer gave for it; an uploaded
// object is served once lfs.github.com has been told to verify it.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_OBJECT_SIZE, parseJson, send, type ReadBody } from './lfs-common.js';
import type { LfsRoute, LfsStore } from './lfs-store.js';

/** Upload (PUT) or download (GET) of one object on the storage host. */
export async function serveMedia(
  store: LfsStore,
  req: IncomingMessage,
  res: ServerResponse,
  route: Extract<LfsRoute, { kind: 'media' }>,
  method: string,
  readBody: ReadBody
) {
  const op = method === 'PUT' ? 'upload' : method === 'GET' ? 'download' : undefined;
  const ticket = op ? store.ticketFor(req, route.oid, op) : undefined;
  const repo = store.repos.findRepoById(route.repoId);
  if (!op || !ticket || !repo || ticket.repo !== repo.fullName.toLowerCase()) {
    req.resume();
    // What the storage host answers a request without a valid signature.
    res.writeHead(403, { 'content-type': 'application/xml' });
    res.end(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Request has expired or is not signed for this object</Message></Error>\n'
    );
    return;
  }
  if (op === 'download') {
    const bytes = store.bucket(store.objects, repo.fullName).get(route.oid);
    if (!bytes) return send(res, 404, { message: 'Object does not exist' });
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
    res.end(bytes);
    return;
  }
  const bytes = await readBody(req, MAX_OBJECT_SIZE);
  const oid = createHash('sha256').update(bytes).digest('hex');
  if (oid !== route.oid || bytes.length !== ticket.size) {
    return send(res, 400, {
      message: `The uploaded content (sha256 ${oid}, ${bytes.length} bytes) is not the announced object`
    });
  }
  store.bucket(store.pending, repo.fullName).set(oid, bytes);
  res.writeHead(200, { 'content-length': 0 });
  res.end();
}

/** The verify callback: an uploaded object of the announced size becomes visible. */
export async function serveVerify(
  store: LfsStore,
  req: IncomingMessage,
  res: ServerResponse,
  route: Extract<LfsRoute, { kind: 'verify' }>,
  method: string,
  readBody: ReadBody
) {
  const ticket = method === 'POST' ? store.ticketFor(req, route.oid, 'verify') : undefined;
  const repo = store.repos.findRepo(`${route.owner}/${route.name}`);
  if (!ticket || !repo || ticket.repo !== repo.fullName.toLowerCase()) {
    req.resume();
    return send(res, 401, { message: 'Bad credentials' });
  }
  const body = parseJson(await readBody(req, 1024 * 1024)) ?? {};
  const pending = store.bucket(store.pending, repo.fullName);
  const bytes = pending.get(route.oid);
  if (!bytes || body.oid !== route.oid || body.size !== bytes.length) {
    return send(res, 422, { message: 'Object does not exist or does not match its size' });
  }
  pending.delete(route.oid);
  store.bucket(store.objects, repo.fullName).set(route.oid, bytes);
  return send(res, 200, { message: 'Object verified' });
}
