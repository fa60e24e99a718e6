/** One source stream and one execution per event for subscribers of the same document and variables. */
import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionArgs, type ExecutionResult } from 'graphql';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELIVERIES_PER_TURN, MAX_QUEUED_EVENTS, sharedSubscriptions, type Sink } from '../../src/server/shared-subscriptions.js';

/** A topic the test publishes to; counts its open listeners and the executions of `tick`. */
function topic() {
  const listeners = new Set<(v: number | Error) => void>();
  const enders = new Set<() => void>();
  let executions = 0;
  const listen = (): AsyncIterableIterator<number> => {
    const queue: Array<number | Error> = [];
    let wake: (() => void) | undefined;
    const push = (v: number | Error) => {
      queue.push(v);
      wake?.();
    };
    listeners.add(push);
    let open = true;
    enders.add(() => {
      open = false;
      wake?.();
    });
    const it: AsyncIterableIterator<number> = {
      async next() {
        while (open && queue.length === 0) await new Promise<void>((r) => (wake = r));
        if (!open) return { done: true, value: undefined };
        const v = queue.shift()!;
        if (v instanceof Error) throw v;
        return { done: false, value: v };
      },
      async return() {
        open = false;
        listeners.delete(push);
        wake?.();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => it,
    };
    return it;
  };
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString, resolve: () => 'ok' } } }),
    subscription: new GraphQLObjectType({
      name: 'Subscription',
      fields: {
        tick: {
          type: GraphQLInt,
          args: { times: { type: GraphQLInt } },
          subscribe: () => listen(),
          resolve: (v: number, args: { times?: number }) => {
            executions++;
            return v * (args.times ?? 1);
          },
        },
      },
    }),
  });
  return {
    schema,
    publish: (v: number | Error) => [...listeners].forEach((l) => l(v)),
    /** Every source stream ends, as the bus's does at shutdown. */
    end: () => [...enders].forEach((e) => e()),
    listeners: () => listeners.size,
    executions: () => executions,
  };
}

const doc = parse('subscription Ticks($times: Int) { tick(times: $times) }');

async function open(subscribe: ReturnType<typeof sharedSubscriptions>, schema: GraphQLSchema, times?: number, sink?: Sink) {
  const args: ExecutionArgs = { schema, document: doc, variableValues: times === undefined ? {} : { times } };
  return (await subscribe(args, sink)) as AsyncIterableIterator<ExecutionResult>;
}

const tick = (r: IteratorResult<ExecutionResult>) => (r.done ? 'done' : (r.value.data?.tick ?? r.value.errors?.[0]?.message));

describe('shared subscriptions', () => {
  it('share one source and one execution among subscribers of the same variables, each in order', async () => {
    const t = topic();
    const subscribe = sharedSubscriptions();
    const a = await open(subscribe, t.schema, 2);
    const b = await open(subscribe, t.schema, 2);
    const c = await open(subscribe, t.schema, 10);
    expect(t.listeners()).toBe(2);
    t.publish(1);
    t.publish(2);
    expect([tick(await a.next()), tick(await a.next())]).toEqual([2, 4]);
    expect([tick(await b.next()), tick(await b.next())]).toEqual([2, 4]);
    expect([tick(await c.next()), tick(await c.next())]).toEqual([10, 20]);
    expect(t.executions()).toBe(4);
  });

  it('end a waiting subscriber at once on return, and close the source when the last one leaves', async () => {
    const t = topic();
    const subscribe = sharedSubscriptions();
    const a = await open(subscribe, t.schema);
    const b = await open(subscribe, t.schema);
    const waiting = a.next();
    await a.return!();
    expect(tick(await waiting)).toBe('done');
    expect(t.listeners()).toBe(1);
    await b.return!();
    expect(t.listeners()).toBe(0);

    // A later subscriber opens a fresh source.
    const later = await open(subscribe, t.schema);
    expect(t.listeners()).toBe(1);
    t.publish(7);
    expect(tick(await later.next())).toBe(7);
  });

  it('drop a subscriber that stops reading, with an error, without holding up the others', async () => {
    const t = topic();
    const subscribe = sharedSubscriptions();
    const idle = await open(subscribe, t.schema);
    const reader = await open(subscribe, t.schema);
    const got: unknown[] = [];
    for (let i = 1; i <= MAX_QUEUED_EVENTS + 5; i++) {
      t.publish(i);
      got.push(tick(await reader.next()));
    }
    expect(got).toHaveLength(MAX_QUEUED_EVENTS + 5);
    expect(got.at(-1)).toBe(MAX_QUEUED_EVENTS + 5);
    const seen: unknown[] = [];
    for (let r = await idle.next(); !r.done; r = await idle.next()) seen.push(tick(r));
    expect(seen).toHaveLength(MAX_QUEUED_EVENTS + 1);
    expect(seen.at(-1)).toBe('Too many undelivered events: subscribe again');
  });

  it('tell every subscriber when the source fails (without its detail), then end them', async () => {
    const t = topic();
    const subscribe = sharedSubscriptions();
    const a = await open(subscribe, t.schema);
    const b = await open(subscribe, t.schema);
    t.publish(new Error('bus down'));
    for (const s of [a, b]) {
      const r = await s.next();
      expect(r.done ? undefined : r.value.errors?.[0]?.message).toBe('The event stream failed');
      expect(tick(await s.next())).toBe('done');
    }
  });

  /** A sink that records what it is given: events' ticks, and how it was ended. */
  function recorder(room = Infinity) {
    const written: unknown[] = [];
    const ends: unknown[] = [];
    const sink: Sink = {
      next: (r) => room-- > 0 && written.push(r.data?.tick ?? r.errors?.[0]?.message) > 0,
      end: (e) => void ends.push(e ? e.errors?.[0]?.message : 'ended'),
    };
    return { sink, written, ends };
  }

  it('write each event of a subscriber with a sink straight to it, the same result object its group shares; the iterator only ends', async () => {
    const t = topic();
    const subscribe = sharedSubscriptions();
    const results: ExecutionResult[] = [];
    const direct = await open(subscribe, t.schema, 3, { next: (r) => results.push(r) > 0, end: () => undefined });
    const queued = await open(subscribe, t.schema, 3);
    const pending = direct.next();
    t.publish(1);
    t.publish(2);
    expect([tick(await queued.next()), tick(await queued.next())]).toEqual([3, 6]);
    expect(results.map((r) => r.data?.tick)).toEqual([3, 6]);
    expect(t.executions()).toBe(2);
    await direct.return!();
    expect(tick(await pending)).toBe('done');
    expect(t.listeners()).toBe(1);
  });

  it('deliver an event to a large group in turns, the event loop’s other work between them; each subscriber gets every event once, in order', async () => {
    const t = topic();
    const subscribe = sharedSubscriptions();
    const count = DELIVERIES_PER_TURN * 2 + 50;
    const sinks = Array.from({ length: count }, () => recorder());
    for (const r of sinks) await open(subscribe, t.schema, undefined, r.sink);
    const reached = () => sinks.filter((r) => r.written.length > 0).length;
    // Work that comes in while the event is being delivered: it runs before the last subscriber has it.
    const meanwhile = new Promise<number>((resolve) => {
      t.publish(1);
      setImmediate(() => resolve(reached()));
    });
    expect(await meanwhile).toBe(DELIVERIES_PER_TURN);
    t.publish(2);
    await expect.poll(() => sinks.every((r) => r.written.length === 2)).toBe(true);
    for (const r of sinks) expect(r.written).toEqual([1, 2]);
    expect(t.executions()).toBe(2);
  });

  it('between turns, a subscriber that leaves gets nothing more and one that joins gets only later events (fuzzed)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.nat(DELIVERIES_PER_TURN * 2 - 1), { maxLength: 40 }), fc.nat(20), async (leaving, joining) => {
        const t = topic();
        const subscribe = sharedSubscriptions();
        const count = DELIVERIES_PER_TURN * 2;
        const sinks = Array.from({ length: count }, () => recorder());
        const iterators: AsyncIterableIterator<ExecutionResult>[] = [];
        for (const r of sinks) iterators.push(await open(subscribe, t.schema, undefined, r.sink));
        const joined = Array.from({ length: joining }, () => recorder());
        await new Promise<void>((resolve) => {
          t.publish(1);
          // After the first turn: some leave, others join.
          setImmediate(async () => {
            for (const i of leaving) await iterators[i]!.return!();
            for (const r of joined) await open(subscribe, t.schema, undefined, r.sink);
            resolve();
          });
        });
        t.publish(2);
        await expect.poll(() => sinks.every((r, i) => leaving.includes(i) || r.written.length === 2) && joined.every((r) => r.written.length === 1)).toBe(true);
        sinks.forEach((r, i) => {
          // The first turn had the event before anyone left; the second turn's leavers never get it.
          const expected = leaving.includes(i) ? (i < DELIVERIES_PER_TURN ? [1] : []) : [1, 2];
          expect(r.written).toEqual(expected);
        });
        for (const r of joined) expect(r.written).toEqual([2]);
        t.end();
      }),
      { numRuns: 30 },
    );
  });

  it('drop a subscriber whose sink cannot take more: the sink is ended with why, the iterator ends, and its group goes on', async () => {
    const t = topic();
    const subscribe = sharedSubscriptions();
    const r = recorder(2);
    const direct = await open(subscribe, t.schema, undefined, r.sink);
    const other = await open(subscribe, t.schema);
    const pending = direct.next();
    for (const v of [1, 2, 3, 4]) t.publish(v);
    for (const v of [1, 2, 3, 4]) expect(tick(await other.next())).toBe(v);
    expect(r.written).toEqual([1, 2]);
    expect(r.ends).toEqual(['Too many undelivered events: subscribe again']);
    expect(tick(await pending)).toBe('done');
    expect(t.listeners()).toBe(1);
    await other.return!();
    expect(t.listeners()).toBe(0);
  });

  it('end a sink once when its stream ends or fails (after the failure as an event), and not when its client returns', async () => {
    const ended = topic();
    const a = recorder();
    const subscribe = sharedSubscriptions();
    const iterator = await open(subscribe, ended.schema, undefined, a.sink);
    ended.publish(5);
    await expect.poll(() => a.written).toEqual([5]);
    expect(a.ends).toEqual([]);
    ended.end();
    await expect.poll(() => a.ends).toEqual(['ended']);
    expect(tick(await iterator.next())).toBe('done');

    const failed = topic();
    const b = recorder();
    await open(subscribe, failed.schema, undefined, b.sink);
    failed.publish(new Error('bus down'));
    await expect.poll(() => b.ends).toEqual(['ended']);
    expect(b.written).toEqual(['The event stream failed']);

    const left = topic();
    const c = recorder();
    const stays = recorder();
    const leaving = await open(subscribe, left.schema, undefined, c.sink);
    await open(subscribe, left.schema, undefined, stays.sink);
    await leaving.return!();
    left.publish(1);
    await expect.poll(() => stays.written).toEqual([1]);
    left.end();
    await expect.poll(() => stays.ends).toEqual(['ended']);
    expect(c).toMatchObject({ written: [], ends: [] });
  });
});
