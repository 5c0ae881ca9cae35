// GraphQL documents as the emulator reads them: parsed by the `graphql` package (no schema), with
// GitHub's wording for syntax errors, and a projection of plain objects onto selection sets
// (aliases, fragments, @skip/@include), enough for what Octokit's graphql() and gh send.

import type {
  GraphQLError,
  TokenKind,
  DirectiveNode,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionNode,
  Token,
  ValueNode
} from 'graphql';
import { graphqlLib } from './graphql-lib.js';

/** A syntax error, worded as GitHub (graphql-ruby) words it. */
export class GqlSyntaxError extends Error {
  locations: Array<{ line: number; column: number }> | undefined;

  constructor(message: string, location?: { line: number; column: number }) {
    super(message);
    this.locations = location ? [{ line: location.line, column: location.column }] : undefined;
  }
}

/** A field to resolve, after fragments were flattened and @skip/@include applied. */
export interface GqlField {
  alias: string | null;
  name: string;
  args: Record<string, ValueNode>;
  selections: readonly SelectionNode[] | null;
  line: number;
  column: number;
}

export interface GqlOperation {
  type: 'query' | 'mutation' | 'subscription';
  name: string | null;
  /** declared variables and their default values (null when none) */
  variables: Record<string, ValueNode | null>;
  selections: readonly SelectionNode[];
}

export interface GqlDocument {
  operations: GqlOperation[];
  fragments: Map<string, FragmentDefinitionNode>;
}

// graphql-ruby's token names, as GitHub's parse errors show them.
let tokenNames: Partial<Record<TokenKind, string>> | undefined;
function tokenName(kind: TokenKind): string | undefined {
  const { TokenKind } = graphqlLib();
  tokenNames ??= {
    [TokenKind.BANG]: 'BANG',
    [TokenKind.DOLLAR]: 'VAR_SIGN',
    [TokenKind.AMP]: 'AMP',
    [TokenKind.PAREN_L]: 'LPAREN',
    [TokenKind.PAREN_R]: 'RPAREN',
    [TokenKind.SPREAD]: 'ELLIPSIS',
    [TokenKind.COLON]: 'COLON',
    [TokenKind.EQUALS]: 'EQUALS',
    [TokenKind.AT]: 'DIR_SIGN',
    [TokenKind.BRACKET_L]: 'LBRACKET',
    [TokenKind.BRACKET_R]: 'RBRACKET',
    [TokenKind.BRACE_L]: 'LCURLY',
    [TokenKind.PIPE]: 'PIPE',
    [TokenKind.BRACE_R]: 'RCURLY',
    [TokenKind.NAME]: 'IDENTIFIER',
    [TokenKind.INT]: 'INT',
    [TokenKind.FLOAT]: 'FLOAT',
    [TokenKind.STRING]: 'STRING',
    [TokenKind.BLOCK_STRING]: 'STRING'
  };
  return tokenNames[kind];
}

/** GitHub's message for an unexpected token. */
function unexpected(token: Token): GqlSyntaxError {
  const { TokenKind } = graphqlLib();
  if (token.kind === TokenKind.EOF) return new GqlSyntaxError('Unexpected end of document', token);
  const value = token.value ?? token.kind;
  const kind = tokenName(token.kind) ?? 'error';
  return new GqlSyntaxError(
    `Parse error on ${JSON.stringify(value)} (${kind}) at [${token.line}, ${token.column}]`,
    token
  );
}

/** Turns the `graphql` package's syntax error into the one GitHub gives for the same document. */
function githubSyntaxError(src: string, err: GraphQLError): GqlSyntaxError {
  const { Lexer, Source, TokenKind, getLocation } = graphqlLib();
  const position = err.positions?.[0] ?? 0;
  const at = err.locations?.[0] ?? { line: 1, column: 1 };
  const source = new Source(src);
  const lexer = new Lexer(source);
  let lastEnd = 0;
  try {
    let token = lexer.advance();
    if (token.kind === TokenKind.EOF)
      return new GqlSyntaxError('This document does not contain any operations', token);
    while (token.kind !== TokenKind.EOF && token.end <= position) {
      lastEnd = token.end;
      token = lexer.advance();
    }
    return unexpected(token);
  } catch {
    // The document does not even split into tokens. A bad string is reported where it starts.
    const start = nextTokenStart(src, lastEnd);
    const where = getLocation(source, start);
    if (/Unterminated string/.test(err.message))
      return new GqlSyntaxError(
        src.startsWith('"""', start) ? 'Unterminated block string' : 'Unterminated string',
        where
      );
    if (/escape sequence/.test(err.message))
      return new GqlSyntaxError(
        `Bad unicode escape in ${JSON.stringify(src.slice(start, position + 2))}`,
        where
      );
    return new GqlSyntaxError(
      `Parse error on bad Unicode escape sequence: ${JSON.stringify(src[position] ?? '')} (error) at [${at.line}, ${at.column}]`,
      at
    );
  }
}

/** Where the next token starts at or after `from`: past white space, commas and comments. */
function nextTokenStart(src: string, from: number): number {
  let i = from;
  while (i < src.length) {
    if (' \t\n\r,\ufeff'.includes(src[i])) i++;
    else if (src[i] === '#') while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
    else break;
  }
  return i;
}

export function parseGraphQL(src: string): GqlDocument {
  const { GraphQLError, Kind, parse } = graphqlLib();
  let doc: DocumentNode;
  try {
    doc = parse(src);
  } catch (err) {
    if (err instanceof GraphQLError) throw githubSyntaxError(src, err);
    throw err;
  }
  const operations: GqlOperation[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of doc.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    else if (def.kind === Kind.OPERATION_DEFINITION) operations.push(operationOf(def));
    // GitHub's parser knows no type system definitions in a request: the first token is wrong.
    else if (def.loc) throw unexpected(def.loc.startToken);
  }
  if (!operations.length) {
    const end = doc.loc?.endToken;
    throw new GqlSyntaxError('This document does not contain any operations', end);
  }
  return { operations, fragments };
}

function operationOf(def: OperationDefinitionNode): GqlOperation {
  const variables: Record<string, ValueNode | null> = {};
  for (const v of def.variableDefinitions ?? []) variables[v.variable.name.value] = v.defaultValue ?? null;
  return {
    type: def.operation,
    name: def.name?.value ?? null,
    variables,
    selections: def.selectionSet.selections
  };
}

/** The value of a literal (variables looked up in `vars`; object fields left unset are left out). */
export function gqlValue(v: ValueNode, vars: Record<string, unknown>): unknown {
  const { Kind } = graphqlLib();
  switch (v.kind) {
    case Kind.VARIABLE:
      return vars[v.name.value];
    case Kind.LIST:
      return v.values.map((x) => gqlValue(x, vars));
    case Kind.OBJECT:
      return Object.fromEntries(
        v.fields.map((f) => [f.name.value, gqlValue(f.value, vars)]).filter(([, x]) => x !== undefined)
      );
    case Kind.INT:
    case Kind.FLOAT:
      return Number(v.value);
    case Kind.NULL:
      return null;
    default:
      return v.value;
  }
}

/** A field's arguments as plain values (GitHub's JSON: anything goes until it is checked). */
export function gqlArgs(
  args: Record<string, ValueNode>,
  vars: Record<string, unknown>
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) {
    const value = gqlValue(v, vars);
    if (value !== undefined) out[k] = value;
  }
  return out;
}

function argsOf(node: FieldNode | DirectiveNode): Record<string, ValueNode> {
  return Object.fromEntries((node.arguments ?? []).map((a) => [a.name.value, a.value]));
}

function gqlIncluded(
  directives: readonly DirectiveNode[] | undefined,
  vars: Record<string, unknown>
): boolean {
  for (const d of directives ?? []) {
    const cond = gqlArgs(argsOf(d), vars).if;
    if (d.name.value === 'skip' && cond === true) return false;
    if (d.name.value === 'include' && cond === false) return false;
  }
  return true;
}

/**
 * Flattens fragments into the list of fields that apply to an object of type `typename`
 * (implementing `interfaces`).
 * @param seen fragments being expanded (guards against cycles)
 */
export function gqlFields(
  selections: readonly SelectionNode[],
  doc: GqlDocument,
  vars: Record<string, unknown>,
  typename: string | undefined,
  interfaces: string[] = [],
  seen = new Set<string>()
): GqlField[] {
  const { Kind } = graphqlLib();
  const applies = (cond: string | undefined) =>
    !cond || !typename || cond === typename || interfaces.includes(cond);
  const out: GqlField[] = [];
  for (const sel of selections) {
    if (!gqlIncluded(sel.directives, vars)) continue;
    if (sel.kind === Kind.FIELD) {
      out.push({
        alias: sel.alias?.value ?? null,
        name: sel.name.value,
        args: argsOf(sel),
        selections: sel.selectionSet?.selections ?? null,
        line: sel.loc?.startToken.line ?? 0,
        column: sel.loc?.startToken.column ?? 0
      });
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      if (applies(sel.typeCondition?.name.value))
        out.push(...gqlFields(sel.selectionSet.selections, doc, vars, typename, interfaces, seen));
    } else {
      const name = sel.name.value;
      const fragment = doc.fragments.get(name);
      if (!fragment) throw new GqlSyntaxError(`Fragment ${name} was used, but not defined`);
      if (seen.has(name) || !applies(fragment.typeCondition.name.value)) continue;
      out.push(
        ...gqlFields(
          fragment.selectionSet.selections,
          doc,
          vars,
          typename,
          interfaces,
          new Set([...seen, name])
        )
      );
    }
  }
  return out;
}

/**
 * Projects a plain value onto a selection set. Objects may carry `__typename` and
 * `__interfaces`; a function-valued property is called with the field's arguments.
 * Unknown fields come out as null; an object selected without a selection set is returned whole.
 */
export function gqlProject(
  value: unknown,
  selections: readonly SelectionNode[] | null,
  doc: GqlDocument,
  vars: Record<string, unknown>
): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((x) => gqlProject(x, selections, doc, vars));
  if (!selections || typeof value !== 'object') return value;
  const obj = value as Record<string, unknown> & { __typename?: string; __interfaces?: string[] };
  const out: Record<string, unknown> = {};
  for (const f of gqlFields(selections, doc, vars, obj.__typename, obj.__interfaces ?? [])) {
    const key = f.alias ?? f.name;
    if (f.name === '__typename') {
      out[key] = obj.__typename ?? null;
      continue;
    }
    let v = obj[f.name];
    if (typeof v === 'function') v = (v as (args: Record<string, unknown>) => unknown)(gqlArgs(f.args, vars));
    const projected = gqlProject(v, f.selections, doc, vars);
    // The same response key selected twice (e.g. from two fragments): merge the objects.
    const prev = out[key];
    out[key] =
      prev && projected && typeof prev === 'object' && typeof projected === 'object' && !Array.isArray(prev)
        ? { ...prev, ...projected }
        : projected;
  }
  return out;
}
