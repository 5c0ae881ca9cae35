// Throwaway certificate authority for the end-to-end tests.
//
// The GitHub emulator serves HTTPS for github.com, api.github.com and localhost from this
// machine; every client under test (gh is written in Go, git uses libcurl + OpenSSL, the action
// runs on Node) must trust it. Each client reads its trust store from a different variable, see
// `emulatorEnv()` in emulator/. Keys are EC P-256: fast to generate and accepted by all three.

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** Host names the server certificate is valid for. */
export const SERVER_DNS_NAMES = Object.freeze([
  'github.com',
  'api.github.com',
  'codeload.github.com',
  'uploads.github.com',
  // Git LFS object transfers and verify callbacks (lfs-store.ts)
  'github-cloud.githubusercontent.com',
  'lfs.github.com',
  'localhost'
]);

/** IP addresses the server certificate is valid for. */
export const SERVER_IP_ADDRESSES = Object.freeze(['127.0.0.1', '::1']);

export interface TestCA {
  /** path of the CA certificate (PEM) — point clients' trust stores here */
  caFile: string;
  /** path of the server certificate (PEM), signed by the CA */
  certFile: string;
  /** path of the server private key (PEM, unencrypted) */
  keyFile: string;
  /** CA certificate, PEM text */
  ca: string;
  /** server certificate, PEM text */
  cert: string;
  /** server private key, PEM text */
  key: string;
}

/**
 * Runs the openssl CLI with an argument array; failures carry openssl's stderr.
 * @param {string[]} args
 * @param {string} cwd
 */
function openssl(args: string[], cwd: string) {
  try {
    execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: Buffer };
    if (e.code === 'ENOENT') throw new Error('createTestCA: the `openssl` command was not found on PATH');
    const stderr = e.stderr ? e.stderr.toString() : '';
    throw new Error(`createTestCA: openssl ${args[0]} failed: ${stderr.trim() || e.message}`);
  }
}

/**
 * Generates a CA valid for a few days and a server certificate signed by it, with SANs for
 * github.com, api.github.com, codeload.github.com, uploads.github.com, localhost, 127.0.0.1 and ::1.
 * Files are written into `dir` (created if missing): ca.pem, ca-key.pem, server.pem, server-key.pem.
 *
 * @param {string} dir directory to write the files into
 * @param {{ days?: number }} [options] validity of the server certificate in days (default 3; the CA gets one more)
 * @returns {TestCA}
 */
export function createTestCA(dir: string, options: { days?: number } = {}): TestCA {
  const days = options.days ?? 3;
  mkdirSync(dir, { recursive: true });
  const caFile = path.join(dir, 'ca.pem');
  const caKeyFile = path.join(dir, 'ca-key.pem');
  const certFile = path.join(dir, 'server.pem');
  const keyFile = path.join(dir, 'server-key.pem');
  const csrFile = path.join(dir, 'server.csr');
  const extFile = path.join(dir, 'server-ext.cnf');
  const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  const tag = randomBytes(4).toString('hex');

  openssl(
    [
      'req',
      '-x509',
      '-new',
      ...ecKey,
      '-keyout',
      caKeyFile,
      '-out',
      caFile,
      '-days',
      String(days + 1),
      '-sha256',
      '-subj',
      `/O=outbox-publisher tests/CN=outbox-publisher throwaway test CA ${tag}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE,pathlen:0',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-addext',
      'subjectKeyIdentifier=hash'
    ],
    dir
  );

  openssl(
    [
      'req',
      '-new',
      ...ecKey,
      '-keyout',
      keyFile,
      '-out',
      csrFile,
      '-subj',
      '/O=outbox-publisher tests/CN=github.com'
    ],
    dir
  );

  const san = [
    ...SERVER_DNS_NAMES.map((n) => `DNS:${n}`),
    ...SERVER_IP_ADDRESSES.map((ip) => `IP:${ip}`)
  ].join(',');
  writeFileSync(
    extFile,
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
      `subjectAltName=${san}`,
      'subjectKeyIdentifier=hash',
      'authorityKeyIdentifier=keyid,issuer',
      ''
    ].join('\n')
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      csrFile,
      '-CA',
      caFile,
      '-CAkey',
      caKeyFile,
      '-set_serial',
      `0x${randomBytes(12).toString('hex')}`,
      '-days',
      String(days),
      '-sha256',
      '-extfile',
      extFile,
      '-out',
      certFile
    ],
    dir
  );

  return {
    caFile,
    certFile,
    keyFile,
    ca: readFileSync(caFile, 'utf8'),
    cert: readFileSync(certFile, 'utf8'),
    key: readFileSync(keyFile, 'utf8')
  };
}
