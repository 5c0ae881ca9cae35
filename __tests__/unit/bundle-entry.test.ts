/**
 * What the main step compiles before its clone's fetch starts: dist/index.js holds the code on
 * the way to that fetch, and the rest of the publish is in chunks loaded with `import()` (the API
 * client while the fetch runs, changes and delivery too, signing and the outbox only when asked
 * for). A static import of one of these from the entry's side would bring it back into
 * dist/index.js, which every publish compiles before its first git process.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

/** The files under src/ (and the packages) that went into a file of dist/, from its source map. */
function sourcesOf(file: string): string[] {
  const map = JSON.parse(fs.readFileSync(path.join(dist, `${file}.map`), 'utf8')) as { sources: string[] };
  return map.sources.map((source) => source.replace(/^.*?(src\/|node_modules\/)/, '$1'));
}

const LOADED_LATER = [
  'src/github.ts',
  'src/changes.ts',
  'src/outbox-apply.ts',
  'src/deliver.ts',
  'src/signed.ts',
  'src/gh-login.ts',
  'src/report.ts',
  'src/sessions-run.ts'
];

test('dist/index.js holds none of what the publish loads once its fetch runs', () => {
  const entry = sourcesOf('index.js');
  expect(entry).toContain('src/worktree.ts');
  expect(entry.filter((source) => LOADED_LATER.includes(source))).toEqual([]);
  expect(entry.filter((source) => source.startsWith('node_modules/'))).toEqual([]);
});

test('each of them is in a chunk of its own that dist/index.js can load', () => {
  const chunks = fs.readdirSync(dist).filter((name) => /^\d+\.index\.js$/.test(name));
  const inChunks = new Set(chunks.flatMap(sourcesOf));
  for (const source of LOADED_LATER) expect([source, inChunks.has(source)]).toEqual([source, true]);
});
