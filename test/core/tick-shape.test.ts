/**
 * src/tick-shape.ts keeps one of `process.nextTick`'s objects alive, so that ticks made after
 * full collections still have its hidden class (why it matters: the module's comment). V8's
 * natives compare hidden classes; they are turned on for this file's process only (vitest runs
 * each file in a process of its own).
 */
import { createHook } from 'node:async_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { keepTickShape } from '../../src/tick-shape.js';

setFlagsFromString('--allow-natives-syntax');
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const sameHiddenClass = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

/**
 * The object of the next `process.nextTick`, caught by a hook of the test's own: not by
 * `keepTickShape`, so that an object it returned of another shape cannot agree with itself.
 */
function nextTickObject(): object {
  let tick: object | undefined;
  const hook = createHook({ init: (_id, type, _trigger, resource) => void (type === 'TickObject' && (tick ??= resource as object)) }).enable();
  process.nextTick(() => {});
  hook.disable();
  return tick!;
}

const ticks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => process.nextTick(resolve));
};

it("is one of process.nextTick's own objects", () => {
  const kept = keepTickShape();
  expect(kept).toBeDefined();
  expect(Object.getOwnPropertySymbols(kept).map(String)).toEqual(['Symbol(async_id_symbol)', 'Symbol(trigger_async_id_symbol)']);
  expect(Object.keys(kept!)).toEqual(['callback', 'args']);
});

it('keeps the hidden class of ticks through full collections made while no tick is pending', async () => {
  const kept = keepTickShape()!;
  await ticks(2_000);
  // Nothing pending: the state in which the collections freed the ticks' classes.
  await new Promise((resolve) => setTimeout(resolve, 10));
  gc();
  gc();
  await ticks(10);
  expect(sameHiddenClass(kept, nextTickObject())).toBe(true);
});
