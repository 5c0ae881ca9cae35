// The part of @vercel/ncc's programmatic API that scripts/bundle.mjs uses (the package ships no types).
declare module '@vercel/ncc' {
  interface NccOptions {
    minify?: boolean;
    sourceMap?: boolean;
    sourceMapRegister?: boolean;
    license?: string;
    quiet?: boolean;
    target?: string;
    transpileOnly?: boolean;
    /** false: no webpack cache; a string: the cache's directory (default ~/.cache/ncc/<hash>). */
    cache?: false | string;
    /**
     * Asks before the asset relocator emits (or rewrites) a path: false declines it, a string
     * replaces the expression, undefined lets ncc decide. The second argument is `true` or
     * `{ id, isRequire }` depending on the call site.
     */
    customEmit?: (
      file: string,
      how: boolean | { id: string; isRequire: boolean }
    ) => string | false | undefined;
  }
  interface NccResult {
    code: string;
    map: string;
    assets: Record<string, { source: string | Buffer; permissions?: number }>;
  }
  export default function ncc(entry: string, options?: NccOptions): Promise<NccResult>;
}
