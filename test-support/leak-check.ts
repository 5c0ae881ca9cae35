// Looks for a token in everything a run left behind: captured output and every file under the
// given folders. Each form the token could take on disk or in a log is searched for.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** @param {string} token */
export function tokenForms(token: string) {
  return [
    token,
    Buffer.from(`x-access-token:${token}`).toString('base64'),
    Buffer.from(`${token}:x-oauth-basic`).toString('base64'),
    Buffer.from(token).toString('base64'),
    Buffer.from(`:${token}`).toString('base64')
  ];
}

/**
 * @param {string} dir
 * @returns {string[]}
 */
function filesUnder(dir: string): string[] {
  /** @type {string[]} */
  const found: string[] = [];
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

/**
 * @param {{ token: string, texts?: Record<string, string>, dirs?: string[] }} where
 * @returns {string[]} one line per place the token (in some form) was found
 */
export function findLeaks({
  token,
  texts = {},
  dirs = []
}: {
  token: string;
  texts?: Record<string, string>;
  dirs?: string[];
}): string[] {
  const forms = tokenForms(token).filter((form) => form.length >= 8);
  /** @type {string[]} */
  const leaks: string[] = [];
  for (const [name, text] of Object.entries(texts)) {
    forms.forEach((form, i) => {
      if (text.includes(form)) leaks.push(`${name} holds token form #${i}`);
    });
  }
  for (const dir of dirs) {
    for (const file of filesUnder(dir)) {
      const bytes = fs.readFileSync(file);
      forms.forEach((form, i) => {
        if (bytes.includes(Buffer.from(form))) leaks.push(`${file} holds token form #${i}`);
      });
    }
  }
  return [...new Set(leaks)];
}
