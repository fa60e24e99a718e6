/**
 * Typed topics over graphql-yoga's pub/sub: in-process by default, Redis with REDIS_URL so
 * that a webhook received by one instance reaches subscribers on every instance.
 * Payloads are JSON-safe domain records, so they cross Redis unchanged.
 */
import { setMaxListeners } from 'node:events';
import { createPubSub, type PubSub, type PubSubEventTarget } from '@graphql-yoga/subscription';
import type { Redis } from 'ioredis';
import type { CallChange } from '../domain/calls.js';
import type { AllocationEventRecord, CallEventRecord, OrderRecord, PhoneNumberRecord } from '../domain/model.js';
import { eventsPublished } from '../observability/metrics.js';

export const Topic = {
  CALL_EVENT: 'CALL_EVENT',
  ORDER_UPDATED: 'ORDER_UPDATED',
  ALLOCATION_EVENT: 'ALLOCATION_EVENT',
  NUMBER_UPDATED: 'NUMBER_UPDATED',
  /** A call's change with the call as it was (absent for a new call): what live statistics recount. */
  CALL_CHANGED: 'CALL_CHANGED',
} as const;

export type Topics = {
  [Topic.CALL_EVENT]: [CallEventRecord];
  [Topic.ORDER_UPDATED]: [OrderRecord];
  [Topic.ALLOCATION_EVENT]: [AllocationEventRecord];
  [Topic.NUMBER_UPDATED]: [PhoneNumberRecord];
  [Topic.CALL_CHANGED]: [CallChange];
};

export interface Bus {
  pubSub: PubSub<Topics>;
  publish<K extends keyof Topics>(topic: K, ...payload: Topics[K]): void;
  /**
   * Calls `listener` with each payload of the topic until the returned function is called: for
   * the gateway's own listeners, without the async iterator (a repeater's promises were a
   * third of what live statistics cost per change).
   */
  listen<K extends keyof Topics>(topic: K, listener: (...payload: Topics[K]) => void): () => void;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export async function createBus(redisUrl?: string): Promise<Bus> {
  let clients: Redis[] = [];
  let target: PubSubEventTarget<Topics>;
  if (redisUrl) {
    // Loaded only when configured, to keep them out of every other boot.
    const [{ Redis }, { createRedisEventTarget }] = await Promise.all([import('ioredis'), import('@graphql-yoga/redis-event-target')]);
    // Subscriber connections cannot publish: two clients, as the event target expects.
    const options = { maxRetriesPerRequest: 3, lazyConnect: false };
    clients = [new Redis(redisUrl, options), new Redis(redisUrl, options)];
    // Connection trouble is reported by readiness; it must not crash the process.
    for (const c of clients) c.on('error', () => undefined);
    target = createRedisEventTarget({ publishClient: clients[0]!, subscribeClient: clients[1]! });
  } else {
    // Every subscriber listens on the one target: without this Node warns past 10 of them.
    const local = new EventTarget();
    setMaxListeners(Infinity, local);
    target = local as PubSubEventTarget<Topics>;
  }
  const pubSub = createPubSub<Topics>({ eventTarget: target });
  return {
    pubSub,
    listen(topic, listener) {
      // The pub/sub dispatches a CustomEvent whose detail is the payload (one argument each).
      const handler = (event: Event) => (listener as (payload: unknown) => void)((event as CustomEvent).detail);
      target.addEventListener(topic, handler);
      return () => target.removeEventListener(topic, handler);
    },
    publish(topic, ...payload) {
      eventsPublished.inc({ topic });
      pubSub.publish(topic, ...payload);
    },
    async ping() {
      if (clients.length === 0) return true;
      try {
        return (await clients[0]!.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    async close() {
      await Promise.all(clients.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
