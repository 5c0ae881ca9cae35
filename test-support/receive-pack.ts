// receive-pack's wire format, as much of it as the emulator needs to judge a push before
// `git http-backend` sees it: the commands and pack of a request (pkt-lines), and the answer
// to a refused push in receive-pack's own format, so that git prints it as it prints GitHub's.
import type { PushVerdict } from './push-rules.js';

const ZERO_OID = '0'.repeat(40);

/**
 * The commands, capabilities and pack of a receive-pack request body (protocol v0/v1: pushes
 * never use v2).
 * @param {Buffer} body
 */
export function parseReceivePackRequest(body: Buffer) {
  /** @type {Array<{ oldOid: string, newOid: string, ref: string }>} */
  const commands: Array<{ oldOid: string; newOid: string; ref: string }> = [];
  /** @type {string[]} */
  let capabilities: string[] = [];
  let at = 0;
  const next = () => {
    if (at + 4 > body.length) throw new Error('truncated pkt-line');
    const length = parseInt(body.subarray(at, at + 4).toString('latin1'), 16);
    if (Number.isNaN(length)) throw new Error('bad pkt-line length');
    if (length === 0) {
      at += 4;
      return null;
    }
    const line = body
      .subarray(at + 4, at + length)
      .toString('utf8')
      .replace(/\n$/, '');
    at += length;
    return line;
  };
  for (let line = next(); line !== null; line = next()) {
    const nul = line.indexOf('\0');
    if (nul >= 0) {
      capabilities = line
        .slice(nul + 1)
        .trim()
        .split(' ');
      line = line.slice(0, nul);
    }
    if (line.startsWith('shallow ')) continue;
    const [oldOid, newOid, ref] = line.split(' ');
    commands.push({ oldOid, newOid, ref });
  }
  if (capabilities.includes('push-options') && commands.some((c) => c.newOid !== ZERO_OID)) {
    while (next() !== null);
  }
  return { commands, capabilities, pack: body.subarray(at) };
}

/** @param {string | Buffer} data */
function pkt(data: string | Buffer) {
  const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return Buffer.concat([Buffer.from((payload.length + 4).toString(16).padStart(4, '0'), 'latin1'), payload]);
}

/**
 * receive-pack's answer to a push it refuses: the messages on side-band 2 ("remote: ..."), then
 * the report (unpack ok, one `ng` per ref) on side-band 1. Every ref of the push is refused;
 * those without a verdict of their own get the first one's reason, as with a declining hook.
 * @param {string[]} capabilities
 * @param {Array<{ ref: string }>} commands
 * @param {PushVerdict[]} verdicts
 * @returns {Buffer}
 */
export function refusalResponse(
  capabilities: string[],
  commands: Array<{ ref: string }>,
  verdicts: PushVerdict[]
): Buffer {
  const reasonOf = (ref: string) => (verdicts.find((v) => v.ref === ref) ?? verdicts[0]).reason;
  const report = Buffer.concat([
    pkt('unpack ok\n'),
    ...commands.map((c) => pkt(`ng ${c.ref} ${reasonOf(c.ref)}\n`)),
    Buffer.from('0000')
  ]);
  const bandSize = capabilities.includes('side-band-64k')
    ? 65515
    : capabilities.includes('side-band')
      ? 995
      : 0;
  if (bandSize === 0) return report;
  const parts = verdicts
    .flatMap((v) => v.messages)
    .map((line) => pkt(Buffer.concat([Buffer.from([2]), Buffer.from(`${line}\n`, 'utf8')])));
  for (let at = 0; at < report.length; at += bandSize)
    parts.push(pkt(Buffer.concat([Buffer.from([1]), report.subarray(at, at + bandSize)])));
  parts.push(Buffer.from('0000'));
  return Buffer.concat(parts);
}
