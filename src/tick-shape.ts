/**
 * One of `process.nextTick`'s own objects, kept for the life of the process.
 *
 * Node builds each tick as an object literal whose first keys are computed (its async ids).
 * V8 remembers, at each such key, the one hidden class it has seen there, weakly. When a full
 * collection runs while no tick is pending (the gateway's boot has many), the classes die with
 * the last tick; the next tick brings new ones, the remembered class no longer matches, and
 * from then on every `nextTick` in the process (each answer's write, each body's read) defines
 * its keys through the V8 runtime: ~1 µs of a scenario 1 request, in 7 of the 17 gateway
 * processes profiled. A live tick keeps its classes alive, so the remembered one stays right.
 */
import { createHook } from 'node:async_hooks';

export function keepTickShape(): object | undefined {
  let tick: object | undefined;
  // A hook only for this one tick: disabled at once, so no later async resource pays for it.
  const hook = createHook({
    init(_id, type, _trigger, resource) {
      if (type === 'TickObject') tick ??= resource as object;
    },
  }).enable();
  try {
    process.nextTick(() => {});
  } finally {
    hook.disable();
  }
  return tick;
}
