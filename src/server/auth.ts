/**
 * API keys and scopes, the same for HTTP and WebSocket: `read` for queries and
 * subscriptions, `write` for mutations, and `admin` besides for the fields that declare it
 * (`@Extensions({ scope: 'admin' })`: the operators' webhook receipts). Keys are compared as
 * digests; a principal carries the digest, never the key, so nothing downstream can log it.
 */
import { hash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import {
  GraphQLError,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { Scope } from '../config.js';
import type { Principal } from '../context.js';
import { ErrorCode } from '../errors.js';

// One-shot: no Hash object per request.
const digest = (s: string) => hash('sha256', s, 'buffer');

export class ApiKeys {
  private readonly keys: Array<{ digest: Buffer; principal: Principal }>;

  constructor(keys: Map<string, Set<Scope>>) {
    this.keys = [...keys].map(([key, scopes]) => ({ digest: digest(key), principal: { id: digest(key).toString('hex').slice(0, 16), scopes } }));
  }

  /**
   * The last valid `Authorization` value each connection sent, and its principal: every later ask
   * on a keep-alive connection that sends the same value (the rate limit, the fast path and
   * Apollo's context each ask) skips the digest (~2 µs of a ~60 µs request). Compared in constant
   * time, since a proxy may carry several clients' requests over one connection.
   */
  private readonly connections = new WeakMap<Socket, { authorization: Buffer; principal: Principal }>();

  /**
   * A refused request's error, so that its later asks neither digest nor build an error again.
   * Kept per request and only for refusals: an entry per accepted request cost ~1.5 µs of scenario 1.
   */
  private readonly refused = new WeakMap<IncomingMessage, GraphQLError>();

  /** `authenticate` for an HTTP request's `Authorization` header. */
  ofRequest(req: IncomingMessage): Principal {
    const authorization = req.headers.authorization;
    const given = authorization === undefined ? undefined : Buffer.from(authorization);
    const known = this.connections.get(req.socket);
    if (given && known?.authorization.length === given.length && timingSafeEqual(known.authorization, given)) return known.principal;
    const refused = this.refused.get(req);
    if (refused) throw refused;
    try {
      const principal = this.authenticate(authorization);
      if (given) this.connections.set(req.socket, { authorization: given, principal });
      return principal;
    } catch (err) {
      this.refused.set(req, err as GraphQLError);
      throw err;
    }
  }

  /** The principal of an `Authorization: Bearer <key>` value; throws UNAUTHENTICATED (401). */
  authenticate(authorization: string | undefined): Principal {
    if (!authorization) throw authError('Missing API key: send "Authorization: Bearer <key>"');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!m) throw authError('Malformed Authorization header: expected "Bearer <key>"');
    const d = digest(m[1]!);
    let found: Principal | undefined;
    // Compare against every key so timing does not reveal which one nearly matched.
    for (const k of this.keys) if (timingSafeEqual(k.digest, d)) found = k.principal;
    if (!found) throw authError('Unknown API key');
    return found;
  }
}

function authError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } } });
}

/** The operation to run: the one named, or the only one. A loop: it runs on every request. */
export function operationOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  let found: OperationDefinitionNode | undefined;
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName) {
      if (d.name?.value === operationName) return d;
    } else if (found) {
      return undefined; // several, none named
    } else {
      found = d;
    }
  }
  return found;
}

const forbidden = (needed: Scope, what: string) =>
  new GraphQLError(`This API key lacks the "${needed}" scope needed for ${what}`, { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });

/** Refuse an operation of a type the principal's scopes do not cover (403). */
export function assertScope(principal: Principal, operation: OperationDefinitionNode['operation']): void {
  const needed: Scope = operation === 'mutation' ? 'write' : 'read';
  if (!principal.scopes.has(needed)) throw forbidden(needed, operation === 'mutation' ? 'mutations' : operation === 'query' ? 'queries' : 'subscriptions');
}

/**
 * Refuse an operation the principal's scopes do not cover (403), before it runs: its type's
 * scope, then the scope of every field it selects that declares one, through fragments too.
 * Every transport calls this once the operation is known.
 */
export function authorize(principal: Principal, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): void {
  assertScope(principal, operation.operation);
  for (const { scope, what } of scopedFields(schema, document, operation)) {
    if (!principal.scopes.has(scope)) throw forbidden(scope, what);
  }
}

type ScopedField = { scope: Scope; what: string };
/** Per schema and operation node (the transports keep one document per query text). */
const scopedByOperation = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, ScopedField[]>>();

/** Every field an operation selects that declares a scope, in the order a walk meets them: found once per operation. */
function scopedFields(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): ScopedField[] {
  let byOperation = scopedByOperation.get(schema);
  if (!byOperation) scopedByOperation.set(schema, (byOperation = new WeakMap()));
  const known = byOperation.get(operation);
  if (known) return known;
  const found: ScopedField[] = [];
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const typeInfo = new TypeInfo(schema);
  const spread: string[] = [];
  const visitor = visitWithTypeInfo(typeInfo, {
    Field() {
      const field = typeInfo.getFieldDef();
      const scope = field?.extensions.scope as Scope | undefined;
      if (field && scope) found.push({ scope, what: `${typeInfo.getParentType()?.name}.${field.name}` });
    },
    FragmentSpread(node) {
      spread.push(node.name.value);
    },
  });
  visit(operation, visitor);
  const seen = new Set<string>();
  for (let name = spread.pop(); name !== undefined; name = spread.pop()) {
    const fragment = fragments.get(name);
    if (seen.has(name) || !fragment) continue;
    seen.add(name);
    visit(fragment, visitor);
  }
  byOperation.set(operation, found);
  return found;
}
