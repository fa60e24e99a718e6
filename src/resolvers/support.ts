/** What resolvers share: cursors, connections, and the mutation envelope (userErrors; the idempotency key is the gateway's). */
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import type { KeyRun } from '../gateway/attempts.js';
import { InvalidPhoneNumber } from '../domain/phone.js';
import { BusinessError, ErrorCode, Refusals } from '../errors.js';
import type { Page, PageRequest } from '../gateway/lists.js';
import type { UserError } from '../types/common.js';
import { DEFAULT_PAGE, type ConnectionShape, type PageArgs } from '../types/connection.js';
import { fromGlobalId, splitProviderKey, type NodeType } from '../types/node.js';
import type { ProviderName } from '../domain/model.js';
import { INSTANTS } from '../domain/values.js';

/** An item's place: its seq and, in a list sorted on a key, that key (`c<seq>` or `c<seq>:<key>`). */
const encodeCursor = (seq: number, key?: number) => Buffer.from(key === undefined ? `c${seq}` : `c${seq}:${key}`).toString('base64url');

/** A key is a duration in seconds or an instant in microseconds: none lies outside the instants kept, in microseconds. */
const KEYS = { min: Date.parse(INSTANTS.first) * 1000, max: Date.parse(INSTANTS.last) * 1000 + 999 };

/** No cursor (absent or null, as clients send it) means the first page. A forged one is refused before any query. */
function decodeCursor(cursor: string | null | undefined): { seq: number; key?: number } | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  const m = /^c(\d+)(?::(-?\d+))?$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const seq = Number(m?.[1]);
  const key = m?.[2] === undefined ? undefined : Number(m[2]);
  if (!m || !Number.isSafeInteger(seq) || (key !== undefined && !(key >= KEYS.min && key <= KEYS.max))) {
    throw new GraphQLError(`"${cursor}" is not a cursor from this list`, { extensions: { code: ErrorCode.BAD_USER_INPUT } });
  }
  return { seq, key };
}

/** What a connection's arguments (checked by PageArgs) ask the gateway for. */
export function pageRequest(args: PageArgs): PageRequest {
  if (isGiven(args.last) || isGiven(args.before)) {
    const before = decodeCursor(args.before);
    return { first: args.last ?? DEFAULT_PAGE, backward: true, beforeSeq: before?.seq, beforeKey: before?.key };
  }
  const after = decodeCursor(args.after);
  return { first: args.first ?? DEFAULT_PAGE, afterSeq: after?.seq, afterKey: after?.key };
}

const isGiven = (v: unknown) => v !== undefined && v !== null;

/** A page from the gateway as a connection: each cursor names its item's place. */
export function connection<R, N>(page: Page<R>, present: (r: R) => N): ConnectionShape<N> {
  const edges = page.items.map((i) => ({ cursor: encodeCursor(i.seq, i.key), node: present(i.record) }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage, startCursor: edges[0]?.cursor, endCursor: edges.at(-1)?.cursor } };
}

/** The provider and reference inside a global id of the expected type, or a BAD_USER_INPUT error. */
export function providerRefOf(id: string, type: NodeType, field: string): { provider: ProviderName; ref: string } {
  const decoded = fromGlobalId(id);
  if (!decoded || decoded.type !== type) throw new BusinessError(ErrorCode.VALIDATION_FAILED, `"${id}" is not a ${type} id`, ['input', field]);
  const { provider, ref } = splitProviderKey(decoded.key);
  return { provider: provider as ProviderName, ref };
}

/** Field paths start at the mutation's argument: adapters name fields inside `input`. */
function inInput(field: string[] | undefined): string[] | undefined {
  return field && field[0] !== 'input' ? ['input', ...field] : field;
}

export function toUserErrors(err: unknown): UserError[] | null {
  if (err instanceof BusinessError) return (err instanceof Refusals ? err.all : [err]).map((e) => ({ code: e.code, message: e.message, field: inInput(e.field) }));
  if (err instanceof InvalidPhoneNumber) return [{ code: ErrorCode.INVALID_NUMBER, message: err.message }];
  return null;
}

type Envelope = { userErrors: UserError[] };

/**
 * Runs a mutation: business failures become userErrors (nothing thrown), infrastructure
 * failures stay GraphQL errors. With an idempotencyKey the gateway keeps the first payload
 * and replays it (src/gateway/idempotency.ts); `run` gets the key's hold, for the gateway to
 * write down the provider calls it makes.
 */
export async function mutation<P extends Envelope>(
  ctx: Context,
  operation: string,
  input: { idempotencyKey?: string | null },
  empty: Omit<P, 'userErrors'>,
  /** May report userErrors of its own (a part refused while the rest was applied). */
  run: (key?: KeyRun) => Promise<Omit<P, 'userErrors'> & Partial<Envelope>>,
): Promise<P> {
  /** A business failure as the payload; anything else is thrown. */
  const refused = (err: unknown): P => {
    const userErrors = toUserErrors(err);
    if (!userErrors) throw err;
    return { ...empty, userErrors } as P;
  };
  try {
    return await ctx.gateway.idempotency.once(ctx.principal.id, operation, input, async (key) => {
      try {
        const result = await run(key);
        return { ...result, userErrors: (result.userErrors ?? []).map((e) => ({ ...e, field: inInput(e.field) })) } as unknown as P;
      } catch (err) {
        // A refusal is the request's answer, kept under its key like any other.
        return refused(err);
      }
    });
  } catch (err) {
    // The key itself refused (reused, in progress, malformed).
    return refused(err);
  }
}
