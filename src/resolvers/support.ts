/** What resolvers share: cursors, connections, and the mutation envelope (idempotency, userErrors). */
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import type { KeyRun } from '../gateway/attempts.js';
import { InvalidPhoneNumber } from '../domain/phone.js';
import { BusinessError, ErrorCode } from '../errors.js';
import type { Page } from '../store/queries.js';
import type { UserError } from '../types/common.js';
import type { ConnectionShape } from '../types/connection.js';
import { fromGlobalId, splitProviderKey, type NodeType } from '../types/node.js';
import type { ProviderName } from '../domain/model.js';

const encodeCursor = (n: number) => Buffer.from(`c${n}`).toString('base64url');

/** No cursor (absent or null, as clients send it) means the first page. */
export function decodeCursor(cursor: string | null | undefined): number | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  const m = /^c(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new GraphQLError(`"${cursor}" is not a cursor from this list`, { extensions: { code: ErrorCode.BAD_USER_INPUT } });
  return Number(m[1]);
}

/** A store page (keyset on seq, newest first) as a connection. */
export function storeConnection<R, N>(page: Page<R>, present: (r: R) => N): ConnectionShape<N> {
  const edges = page.items.map((i) => ({ cursor: encodeCursor(i.seq), node: present(i.record) }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor } };
}

/** A provider list as a connection: cursors are positions. `fetch(limit)` returns the first `limit` items. */
export async function listConnection<R, N>(first: number, after: string | null | undefined, fetch: (limit: number) => Promise<R[]>, present: (r: R) => N): Promise<ConnectionShape<N>> {
  const start = (decodeCursor(after) ?? -1) + 1;
  const items = await fetch(start + first + 1);
  const edges = items.slice(start, start + first).map((r, i) => ({ cursor: encodeCursor(start + i), node: present(r) }));
  return { edges, pageInfo: { hasNextPage: items.length > start + first, endCursor: edges.at(-1)?.cursor } };
}

/** The provider and reference inside a global id of the expected type, or a BAD_USER_INPUT error. */
export function providerRefOf(id: string, type: NodeType, field: string): { provider: ProviderName; ref: string } {
  const decoded = fromGlobalId(id);
  if (!decoded || decoded.type !== type) throw new BusinessError(ErrorCode.VALIDATION_FAILED, `"${id}" is not a ${type} id`, ['input', field]);
  const { provider, ref } = splitProviderKey(decoded.key);
  return { provider: provider as ProviderName, ref };
}

/** Field paths start at the mutation's argument: ports and providers name fields inside `input`. */
function inInput(field: string[] | undefined): string[] | undefined {
  return field && field[0] !== 'input' ? ['input', ...field] : field;
}

export function toUserErrors(err: unknown): UserError[] | null {
  if (err instanceof BusinessError) return [{ code: err.code, message: err.message, field: inInput(err.field) }];
  if (err instanceof InvalidPhoneNumber) return [{ code: ErrorCode.INVALID_NUMBER, message: err.message }];
  return null;
}

type Envelope = { userErrors: UserError[] };

/**
 * Runs a mutation: business failures become userErrors (nothing thrown), infrastructure
 * failures stay GraphQL errors. With an idempotencyKey the first result is stored and
 * replayed; the same key with another input is refused. `run` gets the key's hold, for the
 * gateway to write down the provider calls it makes (src/domain/attempts.ts).
 */
export async function mutation<P extends Envelope>(
  ctx: Context,
  operation: string,
  input: { idempotencyKey?: string | null },
  empty: Omit<P, 'userErrors'>,
  /** May report userErrors of its own (a part refused while the rest was applied). */
  run: (key?: KeyRun) => Promise<Omit<P, 'userErrors'> & Partial<Envelope>>,
): Promise<P> {
  const key = input.idempotencyKey ?? undefined;
  const fail = (userErrors: UserError[]) => ({ ...empty, userErrors }) as P;
  if (key !== undefined && (key.length === 0 || key.length > 200)) {
    return fail([{ code: ErrorCode.VALIDATION_FAILED, field: ['input', 'idempotencyKey'], message: 'idempotencyKey must be 1 to 200 characters' }]);
  }
  let held: KeyRun | undefined;
  if (key !== undefined) {
    const { idempotencyKey: _omit, ...rest } = input;
    const hash = createHash('sha256').update(JSON.stringify(rest)).digest('hex');
    const begun = await ctx.gateway.keys.begin(ctx.principal.id, key, operation, hash);
    if (begun.state === 'replay') return begun.response as P;
    if (begun.state === 'conflict') {
      return fail([{ code: ErrorCode.IDEMPOTENCY_KEY_REUSED, field: ['input', 'idempotencyKey'], message: 'this idempotencyKey was used for a different request' }]);
    }
    if (begun.state === 'busy') {
      return fail([{ code: ErrorCode.IDEMPOTENCY_KEY_REUSED, field: ['input', 'idempotencyKey'], message: 'a request with this idempotencyKey is still in progress' }]);
    }
    held = begun.run;
  }
  let payload: P;
  try {
    const result = await run(held);
    payload = { ...result, userErrors: (result.userErrors ?? []).map((e) => ({ ...e, field: inInput(e.field) })) } as unknown as P;
  } catch (err) {
    const userErrors = toUserErrors(err);
    // Nothing settled: the key is freed, or kept while the outcome is unknown.
    if (!userErrors) throw held ? await held.failed(err) : err;
    payload = fail(userErrors);
  }
  await held?.complete(payload);
  return payload;
}
