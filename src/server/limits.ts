/**
 * What one operation may ask for, the same on HTTP and WebSocket: tokens (a parse option),
 * depth, aliases and directives (validation rules, from graphql-armor), and then, once the
 * variables are known, text the store cannot keep, list sizes and cost (`checkOperation`).
 * Apollo runs the first on HTTP; the WebSocket path runs the same itself, because Apollo
 * plugins do not see it.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  GraphQLError,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  visit,
  BREAK,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type StringValueNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { unstorableAt } from '../domain/values.js';
import { ErrorCode } from '../errors.js';
import { MAX_ITEMS } from '../types/lists.js';
import { DEFAULT_PAGE } from '../types/connection.js';

export const LIMITS = {
  depth: 10,
  // The cost grows 1.5× per level and multiplies by page sizes and list arguments: 5,000
  // refused a page of calls with their numbers, services and allocations (~6,600).
  cost: 20_000,
  aliases: 15,
  directives: 50,
  tokens: 2_000,
  subscriptionsPerSocket: 100,
} as const;

export const parseOptions = { maxTokens: LIMITS.tokens };

/** armor's refusals start with "Syntax Error: "; they are validation errors, reported as such. */
const onReject = [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')))];
const rejection = { propagateOnRejection: false, onReject };

export const validationRules: ValidationRule[] = [
  maxDepthRule({ n: LIMITS.depth, ignoreIntrospection: true, flattenFragments: true, ...rejection }),
  maxAliasesRule({ n: LIMITS.aliases, ...rejection }),
  maxDirectivesRule({ n: LIMITS.directives, ...rejection }),
];

/**
 * graphql-armor's static cost (a field 1, an object 2 plus 1.5× its selection, times its page
 * size), with list arguments multiplying like pages and each of their items costing
 * `listItem` on top: most stand for one upstream call (a portability check, a reservation).
 */
const COST = { scalar: 1, object: 2, depthFactor: 1.5, listItem: 100 };

/** A request refused before it runs (HTTP 400 on the HTTP path). */
function refusal(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Each fragment is costed once: spreads of spreads would otherwise grow exponentially. */
  fragmentCosts: Map<string, number>;
}

/**
 * How many list items an argument's value holds (0 without a list); throws BAD_USER_INPUT when
 * a list is longer than its cap. Walks the raw value: refusing must not cost coercing 6,000 numbers.
 */
function listItems(type: GraphQLInputType, value: unknown, coordinate: string, path: string): number {
  if (isNonNullType(type)) return listItems(type.ofType, value, coordinate, path);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
    const cap = (MAX_ITEMS as Record<string, number>)[coordinate] ?? 0;
    if (items.length > cap) throw refusal(ErrorCode.BAD_USER_INPUT, `${path} takes at most ${cap} items (got ${items.length})`);
    return items.reduce<number>((sum, item) => sum + listItems(type.ofType, item, coordinate, path), items.length);
  }
  if (isInputObjectType(type) && typeof value === 'object' && value !== null) {
    let sum = 0;
    for (const field of Object.values(type.getFields())) {
      sum += listItems(field.type, (value as Record<string, unknown>)[field.name], `${type.name}.${field.name}`, `${path}.${field.name}`);
    }
    return sum;
  }
  return 0;
}

function fieldCost(w: Walk, parent: GraphQLNamedType, node: FieldNode): number {
  if (node.name.value.startsWith('__')) return 0; // introspection and __typename
  const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
  if (!def) return 0;
  // A page (`first` or `last`; a connection's default without either) or list arguments run the field's selection once per item.
  let items = 0;
  let page = def.args.some((a) => a.name === 'first') ? DEFAULT_PAGE : 1;
  for (const argDef of def.args) {
    const arg = node.arguments?.find((a) => a.name.value === argDef.name);
    const value = arg ? valueFromASTUntyped(arg.value, w.variables) : argDef.defaultValue;
    items += listItems(argDef.type, value, `${parent.name}.${def.name}(${argDef.name}:)`, `${def.name}(${argDef.name})`);
    if ((argDef.name === 'first' || argDef.name === 'last') && typeof value === 'number') page = value;
  }
  const multiplier = Math.max(1, page, items);
  let type = def.type;
  while (isNonNullType(type) || isListType(type)) type = type.ofType;
  const each = node.selectionSet ? COST.object + COST.depthFactor * selectionCost(w, type, node.selectionSet) : COST.scalar;
  return each * multiplier + COST.listItem * items;
}

function selectionCost(w: Walk, type: GraphQLNamedType, set: SelectionSetNode): number {
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += fieldCost(w, type, selection);
      continue;
    }
    const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
    const known = name === undefined ? undefined : w.fragmentCosts.get(name);
    if (known !== undefined) {
      cost += known;
      continue;
    }
    const fragment = name === undefined ? (selection as InlineFragmentNode) : w.fragments.get(name);
    if (!fragment) continue;
    const on = fragment.typeCondition ? w.schema.getType(fragment.typeCondition.name.value) : type;
    const fragmentCost = selectionCost(w, on ?? type, fragment.selectionSet);
    if (name !== undefined) w.fragmentCosts.set(name, fragmentCost);
    cost += fragmentCost;
  }
  return cost;
}

/**
 * No input string may hold a NUL (U+0000) or a lone surrogate: PostgreSQL's text and jsonb
 * cannot keep them, and no provider field takes them. Refused before anything runs, in a
 * variable (BAD_USER_INPUT, naming where) or written in the document as `\u0000`
 * (GRAPHQL_VALIDATION_FAILED; graphql-js itself refuses a lone surrogate there). No variable
 * nests deeper than the store keeps either: no input type comes near it, and it is walked
 * before anything recursive (JSON.stringify, coercion) reads it.
 */
function refuseUnstorableVariables(variables: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(variables)) {
    const found = unstorableAt(value, name);
    if (!found) continue;
    const rule = found.tooDeep ? 'no input nests so deep' : 'no input string may hold one';
    throw refusal(ErrorCode.BAD_USER_INPUT, `Variable "$${name}" at "${found.at}" ${found.why}; ${rule}`);
  }
}

/** A NUL written in the document (`\u0000` in a string literal). */
function refuseNulLiteral(document: DocumentNode): void {
  let literal: StringValueNode | undefined;
  visit(document, {
    StringValue(node) {
      if (!node.value.includes('\0')) return undefined;
      literal = node;
      return BREAK;
    },
  });
  if (literal) {
    throw new GraphQLError('A string in the document contains a NUL character; no input string may hold one', {
      nodes: [literal],
      extensions: { code: ErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } },
    });
  }
}

/**
 * Operations found within the limits, each with the variables it was found so with (as JSON;
 * "" without variables): the verdict depends on nothing else, so its walk is not repeated.
 * Clients send the same few variable sets again and again (a page, a search, a poll).
 */
const withinLimits = new WeakMap<OperationDefinitionNode, Set<string>>();
/** Variable sets remembered per operation; then forgotten all at once, and remembered anew. */
const REMEMBERED_PER_OPERATION = 64;
/** Longer variables are walked each time: keeping them would cost more memory than the walk. */
const REMEMBERED_KEY_LENGTH = 1_024;

/**
 * Refuses a validated operation with variables or text the store cannot keep, whose lists
 * exceed their caps (BAD_USER_INPUT) or whose cost, counting page sizes and list lengths given
 * as literals or variables, exceeds LIMITS.cost (GRAPHQL_VALIDATION_FAILED). Runs before
 * anything executes, on HTTP and WebSocket.
 */
export function checkOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, rawVariables: Record<string, unknown> | null | undefined): void {
  // The declared variables as sent (graphql-js ignores the others), or their defaults.
  const variables: Record<string, unknown> = {};
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (rawVariables && Object.hasOwn(rawVariables, name)) variables[name] = rawVariables[name];
    else if (def.defaultValue) variables[name] = valueFromASTUntyped(def.defaultValue);
  }
  refuseUnstorableVariables(variables);
  const key = operation.variableDefinitions?.length ? JSON.stringify(variables) : '';
  const known = withinLimits.get(operation);
  if (known?.has(key)) return;
  refuseNulLiteral(document);
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const root = schema.getRootType(operation.operation);
  if (!root) return;
  const cost = selectionCost({ schema, fragments, variables, fragmentCosts: new Map() }, root, operation.selectionSet);
  if (cost > LIMITS.cost) throw refusal(ErrorCode.GRAPHQL_VALIDATION_FAILED, `Query cost limit of ${LIMITS.cost} exceeded (found ${Math.round(cost)}): ask for fewer items or fields`);
  if (key.length > REMEMBERED_KEY_LENGTH) return;
  if (!known) withinLimits.set(operation, new Set([key]));
  else if (known.size < REMEMBERED_PER_OPERATION) known.add(key);
  else {
    known.clear();
    known.add(key);
  }
}
