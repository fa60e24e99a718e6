/** One source stream and one execution per event for subscribers of the same document and variables. */
import { GraphQLInt, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, type ExecutionArgs, type ExecutionResult } from 'graphql';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DELIVERIES_PER_TURN, sharedSubscriptions, type Sink } from '../../src/server/shared-subscriptions.js';

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

async function open(subscribe: ReturnType<typeof sharedSubscriptions>, schema: GraphQLSchema, times: number | undefined, sink: Sink) {
  const args: ExecutionArgs = { schema, document: doc, variableValues: times === undefined ? {} : { times } };
  return (await subscribe(args, sink)) as AsyncIterableIterator<ExecutionResult>;
}

const tick = (r: IteratorResult<ExecutionResult>) => (r.done ? 'done' : (r.value.data?.tick ?? r.value.errors?.[0]?.message));

/** A sink that records what it is given: events' ticks (and the results), and how it was ended. */
function recorder(room = Infinity) {
  const written: unknown[] = [];
  const results: ExecutionResult[] = [];
  const ends: unknown[] = [];
  const sink: Sink = {
    next: (r) => room-- > 0 && results.push(r) > 0 && written.push(r.data?.tick ?? r.errors?.[0]?.message) > 0,
    end: (e) => void ends.push(e ? e.errors?.[0]?.message : 'ended'),
  };
  return { sink, written, results, ends };
}

describe('shared subscriptions', () => {
  it('share one source and one execution, the same result object, among subscribers of the same variables, each in order', async () => {
    const t = topic();
    const subscribe = sharedSubscriptions();
    const [a, b, c] = [recorder(), recorder(), recorder()];
    await open(subscribe, t.schema, 2, a.sink);
    await open(subscribe, t.schema, 2, b.sink);
    await open(subscribe, t.schema, 10, c.sink);
    expect(t.listeners()).toBe(2);
    t.publish(1);
    t.publish(2);
    await expect.poll(() => [a.written, b.written, c.written]).toEqual([
      [2, 4],
      [2, 4],
      [10, 20],
    ]);
    expect(b.results[0]).toBe(a.results[0]);
    expect(t.executions()).toBe(4);
  });

  it('end a waiting iterator at once on return, and close the source when the last one leaves', async () => {
    const t = topic();
    const subscribe = sharedSubscriptions();
    const a = await open(subscribe, t.schema, undefined, recorder().sink);
    const b = await open(subscribe, t.schema, undefined, recorder().sink);
    const waiting = a.next();
    await a.return!();
    expect(tick(await waiting)).toBe('done');
    expect(t.listeners()).toBe(1);
    await b.return!();
    expect(t.listeners()).toBe(0);

    // A later subscriber opens a fresh source.
    const later = recorder();
    await open(subscribe, t.schema, undefined, later.sink);
    expect(t.listeners()).toBe(1);
    t.publish(7);
    await expect.poll(() => later.written).toEqual([7]);
  });

  it('tell every subscriber when the source fails (without its detail), then end them', async () => {
    const t = topic();
    const subscribe = sharedSubscriptions();
    const [a, b] = [recorder(), recorder()];
    const iterators = [await open(subscribe, t.schema, undefined, a.sink), await open(subscribe, t.schema, undefined, b.sink)];
    t.publish(new Error('bus down'));
    for (const r of [a, b]) {
      await expect.poll(() => r.ends).toEqual(['ended']);
      expect(r.written).toEqual(['The event stream failed']);
    }
    for (const it of iterators) expect(tick(await it.next())).toBe('done');
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
    const o = recorder();
    const other = await open(subscribe, t.schema, undefined, o.sink);
    const pending = direct.next();
    for (const v of [1, 2, 3, 4]) t.publish(v);
    await expect.poll(() => o.written).toEqual([1, 2, 3, 4]);
    expect(r.written).toEqual([1, 2]);
    expect(r.ends).toEqual(['Too many undelivered events: subscribe again']);
    expect(tick(await pending)).toBe('done');
    expect(t.listeners()).toBe(1);
    await other.return!();
    expect(t.listeners()).toBe(0);
  });

  it('end a sink once when its stream ends, and not when its client returns', async () => {
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
