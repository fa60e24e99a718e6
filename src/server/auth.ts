/**
 * API keys and scopes, the same for HTTP and WebSocket: `read` for queries and
 * subscriptions, `write` for mutations. Keys are compared as digests; a principal carries
 * the digest, never the key, so nothing downstream can log it.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GraphQLError, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { Scope } from '../config.js';
import type { Principal } from '../context.js';
import { ErrorCode } from '../errors.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

export class ApiKeys {
  private readonly keys: Array<{ digest: Buffer; principal: Principal }>;

  constructor(keys: Map<string, Set<Scope>>) {
    this.keys = [...keys].map(([key, scopes]) => ({ digest: digest(key), principal: { id: digest(key).toString('hex').slice(0, 16), scopes } }));
  }

  /** Each HTTP request's verdict: the rate limit, the fast path and Apollo's context each ask. */
  private readonly requests = new WeakMap<IncomingMessage, Principal | GraphQLError>();

  /** `authenticate` for an HTTP request's `Authorization` header, worked out once per request. */
  ofRequest(req: IncomingMessage): Principal {
    let verdict = this.requests.get(req);
    if (!verdict) {
      try {
        verdict = this.authenticate(req.headers.authorization);
      } catch (err) {
        verdict = err as GraphQLError;
      }
      this.requests.set(req, verdict);
    }
    if (verdict instanceof GraphQLError) throw verdict;
    return verdict;
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

export function operationOf(document: DocumentNode, operationName?: string | null): OperationDefinitionNode | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  return operationName ? ops.find((o) => o.name?.value === operationName) : ops.length === 1 ? ops[0] : undefined;
}

/** Refuse an operation the principal's scopes do not cover (403). */
export function assertScope(principal: Principal, operation: OperationDefinitionNode['operation']): void {
  const needed: Scope = operation === 'mutation' ? 'write' : 'read';
  if (!principal.scopes.has(needed)) {
    throw new GraphQLError(`This API key lacks the "${needed}" scope needed for ${operation === 'mutation' ? 'mutations' : `${operation === 'query' ? 'queries' : 'subscriptions'}`}`, {
      extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
    });
  }
}
