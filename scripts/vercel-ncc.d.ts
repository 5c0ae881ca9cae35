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
  }
  interface NccResult {
    code: string;
    map: string;
    assets: Record<string, { source: string | Buffer; permissions?: number }>;
  }
  export default function ncc(entry: string, options?: NccOptions): Promise<NccResult>;
}
