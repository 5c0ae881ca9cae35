// Jest's TypeScript transform: esbuild strips the types of one file at a time, which is all the
// tests need (the typecheck lane checks the types, and tsconfig's isolatedModules guarantees that
// a file compiles on its own). It costs a few milliseconds a file where ts-jest loaded the
// TypeScript compiler into every jest process.
import { createHash } from 'node:crypto';
import { transformSync, version } from 'esbuild';

/** @typedef {{ supportsStaticESM?: boolean }} TransformOptions */

/**
 * @param {boolean | undefined} esm
 * @returns {'esm' | 'cjs'}
 */
const format = (esm) => (esm ? 'esm' : 'cjs');

export default {
  canInstrument: false,
  /**
   * @param {string} source
   * @param {string} file
   * @param {TransformOptions} options
   */
  getCacheKey(source, file, options) {
    return createHash('sha256')
      .update(`esbuild ${version} ${format(options.supportsStaticESM)} ${file}\0`)
      .update(source)
      .digest('hex');
  },
  /**
   * @param {string} source
   * @param {string} file
   * @param {TransformOptions} options
   */
  process(source, file, options) {
    const { code, map } = transformSync(source, {
      loader: 'ts',
      format: format(options.supportsStaticESM),
      target: 'node20',
      sourcemap: true,
      sourcefile: file,
      // As tsc with target ES2022: class fields are defined, not assigned.
      tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } }
    });
    return { code, map };
  }
};
