// Throwaway certificate authority for the end-to-end tests.
//
// The GitHub emulator serves HTTPS for github.com, api.github.com and localhost from this
// machine; every client under test (gh is written in Go, git uses libcurl + OpenSSL, the action
// runs on Node) must trust it. Each client reads its trust store from a different variable, see
// `emulatorEnv()` in emulator/. Keys are EC P-256: fast to generate and accepted by all three.

import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs';
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
  /**
   * A folder that holds the CA certificate alone, for GIT_SSL_CAPATH and SSL_CERT_DIR: without
   * one, git's libcurl (GnuTLS on Debian) and gh load every certificate of /etc/ssl/certs for
   * each connection, most of what a git fetch or push costs here.
   */
  trustDir: string;
}

/**
 * A folder (not there yet) where scripts/test.mjs lets one `npm test` run keep one CA: the first
 * emulator of the run makes it, every later one copies it instead of running openssl three times.
 */
const SHARED_CA_VARIABLE = 'OUTBOX_TEST_CA_DIR';

const CA_FILES = ['ca.pem', 'ca-key.pem', 'server.pem', 'server-key.pem'];

/**
 * The test CA in `dir` (ca.pem, ca-key.pem, server.pem, server-key.pem and trust/ca.pem). With
 * `shared`: a copy of the run's shared one (OUTBOX_TEST_CA_DIR) when there is one, else a new one,
 * which becomes the shared one when the run asks for one and it is not made yet. Without: a new
 * one, trusted by nobody else.
 */
export function testCA(dir: string, options: { shared: boolean }): TestCA {
  const shared = options.shared ? process.env[SHARED_CA_VARIABLE] : undefined;
  if (shared && CA_FILES.every((name) => existsSync(path.join(shared, name)))) {
    mkdirSync(dir, { recursive: true });
    for (const name of CA_FILES) copyFileSync(path.join(shared, name), path.join(dir, name));
    return readTestCA(dir);
  }
  const made = createTestCA(dir);
  if (shared) {
    // Whole or not at all: a folder renamed into place, so that no emulator copies half a CA.
    const temp = `${shared}.${process.pid}.tmp`;
    try {
      mkdirSync(temp, { recursive: true });
      for (const name of CA_FILES) copyFileSync(path.join(dir, name), path.join(temp, name));
      renameSync(temp, shared);
    } catch {
      // another shard made it first (or the folder cannot be written): this CA serves this file
      rmSync(temp, { recursive: true, force: true });
    }
  }
  return made;
}

/** The TestCA whose files createTestCA wrote into `dir`; makes its trust folder. */
function readTestCA(dir: string): TestCA {
  const caFile = path.join(dir, 'ca.pem');
  const trustDir = path.join(dir, 'trust');
  mkdirSync(trustDir, { recursive: true });
  copyFileSync(caFile, path.join(trustDir, 'ca.pem'));
  const certFile = path.join(dir, 'server.pem');
  const keyFile = path.join(dir, 'server-key.pem');
  return {
    caFile,
    certFile,
    keyFile,
    trustDir,
    ca: readFileSync(caFile, 'utf8'),
    cert: readFileSync(certFile, 'utf8'),
    key: readFileSync(keyFile, 'utf8')
  };
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
 * Files are written into `dir` (created if missing): ca.pem, ca-key.pem, server.pem, server-key.pem,
 * and trust/ca.pem (see TestCA.trustDir).
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

  return readTestCA(dir);
}
