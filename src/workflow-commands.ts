import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * The runner's workflow commands and file commands that the action uses, written as
 * @actions/core writes them (a unit test compares the two byte for byte). @actions/core itself
 * imports an HTTP client (undici, most of its 1 MB) for OIDC tokens, which the action never asks
 * for: loading it would put a fifth of a second before the first fetch. The job summary is
 * src/job-summary.ts, for the same reason.
 */

const escapeData = (text: string): string =>
  text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

function issue(command: string, message: string, properties: Record<string, string> = {}): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${escapeProperty(value)}`)
    .join(',');
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`);
}

/** A `name<<delimiter` block of GITHUB_OUTPUT or GITHUB_STATE, or the older stdout command without one. */
function setValue(file: 'OUTPUT' | 'STATE', command: string, name: string, value: string): void {
  const filePath = process.env[`GITHUB_${file}`] ?? '';
  if (!filePath) {
    if (file === 'OUTPUT') process.stdout.write(EOL);
    issue(command, value, { name });
    return;
  }
  if (!existsSync(filePath)) throw new Error(`Missing file at path: ${filePath}`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter))
    throw new Error(`Unexpected input: name or value contains the delimiter "${delimiter}"`);
  appendFileSync(filePath, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, {
    encoding: 'utf8'
  });
}

/** An input's value (`INPUT_<NAME>`), trimmed; '' when not set. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function debug(message: string): void {
  issue('debug', message);
}

export function notice(message: string): void {
  issue('notice', message);
}

export function warning(message: string): void {
  issue('warning', message);
}

/** An `::error::` annotation and exit code 1 once the step ends. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  issue('error', message);
}

/** Asks the runner to mask `secret` in every later log line. */
export function setSecret(secret: string): void {
  issue('add-mask', secret);
}

export function setOutput(name: string, value: string): void {
  setValue('OUTPUT', 'set-output', name, value);
}

/** State for the post step, which reads it as `STATE_<name>`. */
export function saveState(name: string, value: string): void {
  setValue('STATE', 'save-state', name, value);
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}
