/**
 * graphql-js `subscribe`, except that subscribers running the same document with the same
 * variables share one source stream and one execution per event. The result depends only on
 * the event and the arguments: scopes were checked at subscribe time, the topic filters read
 * only the payload and the arguments, and loaders do not cache on WebSockets. So 1,000
 * subscribers cost one topic listener, one filter call and one execution per event, and a
 * write each; a listener and a repeater each were a third of a delivery's CPU.
 *
 * Each subscriber comes with its transport's sink, which writes an event's result at once: no
 * queue and no loop per subscriber. Its iterator only ends, when the client ends the
 * subscription (`return()`) or the stream ends.
 */
import { createSourceEventStream, execute, GraphQLError, type DocumentNode, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { sourceStreams } from '../observability/metrics.js';

/** Subscribers an event reaches before the event loop's other work gets a turn (see `deliverAll`). */
export const DELIVERIES_PER_TURN = 100;
/** Bytes written to a subscriber's connection and not yet taken by the network, past which a sink drops it (`Sink.next`). */
export const MAX_BUFFERED_BYTES = 1024 * 1024;

/** Where a transport takes a subscriber's events, as they come. */
export interface Sink {
  /** Writes an event's result now: false when the client has too much not yet taken (it does not read), and the subscriber is then dropped. */
  next(result: ExecutionResult): boolean;
  /** The subscription ended on the server's side: its stream ended, or failed or dropped it (`error` says why). */
  end(error?: ExecutionResult): void;
}

const OVERFLOW = 'Too many undelivered events: subscribe again';

/** `make`, once per result object: a shared stream hands the same result to every subscriber. */
export function perResult<T>(make: (result: ExecutionResult) => T): (result: ExecutionResult) => T {
  const made = new WeakMap<ExecutionResult, T>();
  return (result) => {
    let value = made.get(result);
    if (value === undefined) made.set(result, (value = make(result)));
    return value;
  };
}

/** A subscriber: its sink, and the iterator its transport ends it with. */
class Subscriber implements AsyncIterableIterator<ExecutionResult> {
  private waiting?: (r: IteratorResult<ExecutionResult>) => void;
  private left = false;

  // The group, not a closure per subscriber: thousands of idle subscribers each kept one.
  constructor(
    private readonly group: Group,
    /** Until the subscription ends. */
    private sink: Sink | undefined,
  ) {}

  private leave(): void {
    if (this.left) return;
    this.left = true;
    this.group.leave(this);
  }

  deliver(result: ExecutionResult): void {
    if (this.sink && !this.sink.next(result)) this.overflow();
  }

  /** A client that does not read must not hold the gateway's memory: told why, then ended. */
  private overflow(): void {
    this.finish()?.end({ errors: [new GraphQLError(OVERFLOW)] });
    this.leave();
  }

  /** The stream ended: the client is told. */
  end(): void {
    this.finish()?.end();
  }

  /** Ends the iterator; answers the sink still to be told, once. */
  private finish(): Sink | undefined {
    this.waiting?.({ done: true, value: undefined });
    this.waiting = undefined;
    const sink = this.sink;
    this.sink = undefined;
    return sink;
  }

  /** Events go to the sink: this only waits for the end. */
  next(): Promise<IteratorResult<ExecutionResult>> {
    if (!this.sink) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  // Must end at once, even while next() waits, or closed sockets would linger.
  return(): Promise<IteratorResult<ExecutionResult>> {
    this.finish();
    this.leave();
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(err: unknown): Promise<IteratorResult<ExecutionResult>> {
    void this.return();
    return Promise.reject(err);
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

/**
 * An event to every subscriber of a group, DELIVERIES_PER_TURN at a time, the event loop's other
 * work between: a WebSocket write is ~15-20 µs, so 1,000 subscribers held the loop ~20 ms, and a
 * webhook's answer waited for the last of them (and every other request with it). A subscriber
 * that joins meanwhile did not subscribe before the event, and does not get it.
 */
async function deliverAll(subscribers: Set<Subscriber>, result: ExecutionResult): Promise<void> {
  if (subscribers.size <= DELIVERIES_PER_TURN) {
    for (const s of subscribers) s.deliver(result);
    return;
  }
  const all = [...subscribers];
  for (let i = 0; i < all.length; i++) {
    if (i > 0 && i % DELIVERIES_PER_TURN === 0) await new Promise(setImmediate);
    all[i]!.deliver(result);
  }
}

interface Group {
  subscribers: Set<Subscriber>;
  source: AsyncIterator<unknown>;
  /** A subscriber is gone; the last one closes the source. */
  leave(s: Subscriber): void;
}

export function sharedSubscriptions() {
  const groups = new WeakMap<DocumentNode, Map<string, Group>>();

  /** Events from the source, executed once each, to every subscriber of the group. */
  async function pump(group: Group, args: ExecutionArgs, close: () => void): Promise<void> {
    try {
      for (;;) {
        const event = await group.source.next();
        if (event.done) break;
        await deliverAll(group.subscribers, await execute({ ...args, rootValue: event.value }));
      }
    } catch (err) {
      const error = err instanceof GraphQLError ? err : new GraphQLError('The event stream failed', { originalError: err as Error });
      for (const s of group.subscribers) s.deliver({ errors: [error] });
    } finally {
      close();
      for (const s of group.subscribers) s.end();
    }
  }

  return async function subscribe(args: ExecutionArgs, sink: Sink): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    let byVariables = groups.get(args.document);
    if (!byVariables) groups.set(args.document, (byVariables = new Map()));
    const key = `${args.operationName ?? ''}:${JSON.stringify(args.variableValues ?? {})}`;
    let group = byVariables.get(key);
    if (!group) {
      const stream = await createSourceEventStream(args);
      if (!(Symbol.asyncIterator in stream)) return stream;
      // Another subscriber of the same key may have opened the group meanwhile.
      group = byVariables.get(key);
      if (group) {
        void stream[Symbol.asyncIterator]().return?.();
      } else {
        const close = () => {
          if (byVariables.get(key) === opened) byVariables.delete(key);
        };
        const opened: Group = {
          subscribers: new Set(),
          source: stream[Symbol.asyncIterator](),
          leave(s) {
            opened.subscribers.delete(s);
            if (opened.subscribers.size > 0) return;
            close();
            void opened.source.return?.();
          },
        };
        byVariables.set(key, (group = opened));
        sourceStreams.inc();
        void pump(opened, args, close).finally(() => sourceStreams.dec());
      }
    }
    const subscriber = new Subscriber(group, sink);
    group.subscribers.add(subscriber);
    return subscriber;
  };
}
