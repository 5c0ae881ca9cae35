// Builds dist/ with @vercel/ncc: dist/index.js (main step), dist/post.js (post step) and
// dist/cleanup.js (what the post step loads when it has work), each with its source map, the
// chunks main loads with import() only when it needs them (dist/<id>.index.js), plus
// dist/licenses.txt. With --check, builds in memory and exits 1 when the committed dist/
// differs, which is how CI keeps dist/ in step with src/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import ncc from '@vercel/ncc';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const check = process.argv.includes('--check');

// cleanup.js is the post step's slow path, which post.js imports only when main left work to do.
const entries = { index: 'src/index.ts', post: 'src/post-entry.ts', cleanup: 'src/cleanup.ts' };
const files = new Map();
const licenses = new Map();

/**
 * ncc's asset relocator treats a path the code builds at run time (`path.resolve(tree.dir, ...,
 * 'lfs', 'objects')` in src/lfs.ts) as a pattern under the project root, and globs the whole
 * project for it, node_modules included: 470,000 lstat calls, two thirds of the dist check's CPU,
 * to find nothing. A path whose first segment under the root is not there (a run-time value, or a
 * name that does not exist) names no file of the action, so it is not globbed; ncc emits nothing
 * for it either way. Every other asset is left to ncc, and fails the check below as before.
 * @param {string} file
 * @param {boolean | { isRequire: boolean }} how
 */
function customEmit(file, how) {
  if (typeof how !== 'object' || how.isRequire) return undefined;
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return fs.existsSync(path.join(root, relative.split(path.sep)[0])) ? undefined : false;
}

for (const [name, entry] of Object.entries(entries)) {
  const { code, map, assets } = await ncc(path.join(root, entry), {
    minify: false,
    sourceMap: true,
    sourceMapRegister: false,
    license: 'licenses.txt',
    quiet: true,
    // The typecheck lane checks types; ts-loader only strips them (isolatedModules holds).
    transpileOnly: true,
    target: 'es2022',
    customEmit,
    // ncc's webpack cache lives in ~/.cache/ncc/<hash of the directory>: a fresh clone (CI) only
    // pays for writing it (tens of MB a clone), and a warm one measured no faster.
    cache: false
  });
  for (const [asset, { source }] of Object.entries(assets)) {
    if (asset === 'licenses.txt') {
      for (const block of String(source).split(/\n(?=\S)/))
        licenses.set(block.split('\n')[0], block.trimEnd());
    } else if (/^\d+\.index\.js(\.map)?$/.test(asset)) {
      // A chunk of code the entry loads with import() only when it needs it (main's sessions,
      // signing, outbox, report...): written beside the entry, and checked like it.
      const text = String(source);
      if (files.has(asset) && files.get(asset) !== text)
        throw new Error(`Two entries produced different chunks named ${asset}.`);
      files.set(asset, text);
    } else if (asset !== 'package.json' && !asset.endsWith('.map')) {
      throw new Error(`${entry} produced an unexpected asset ${asset}; the bundle must be one file.`);
    }
  }
  files.set(
    `${name}.js`,
    code.replace(/\/\/# sourceMappingURL=.*\n?$/, '') + `//# sourceMappingURL=${name}.js.map\n`
  );
  files.set(`${name}.js.map`, map);
}
files.set(
  'licenses.txt',
  [...licenses.keys()]
    .sort()
    .map((k) => licenses.get(k))
    .join('\n\n') + '\n'
);
files.set('package.json', JSON.stringify({ type: 'module' }, null, 2) + '\n');

if (check) {
  const stale = [...files].filter(([file, content]) => {
    const target = path.join(dist, file);
    return !fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== content;
  });
  const extra = fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => !files.has(f)) : [];
  if (stale.length > 0 || extra.length > 0) {
    console.error(
      `dist/ is out of date (${[...stale.map(([f]) => f), ...extra].join(', ')}): run \`npm run bundle\` and commit dist/.`
    );
    process.exit(1);
  }
  console.log('dist/ matches a fresh bundle.');
} else {
  fs.rmSync(dist, { recursive: true, force: true });
  fs.mkdirSync(dist);
  for (const [file, content] of files) fs.writeFileSync(path.join(dist, file), content);
  console.log(`Wrote ${[...files.keys()].map((f) => `dist/${f}`).join(', ')}`);
}
