// The `graphql` package, loaded on the first GraphQL request rather than with the emulator: jest
// evaluates a test file's modules afresh for each file, and loading graphql cost each file about
// 0.15 CPU-seconds, also files whose runs send no GraphQL at all.
import { createRequire } from 'node:module';

type GraphQL = typeof import('graphql');

const require = createRequire(import.meta.url);
let loaded: GraphQL | undefined;

export function graphqlLib(): GraphQL {
  loaded ??= require('graphql') as GraphQL;
  return loaded;
}
