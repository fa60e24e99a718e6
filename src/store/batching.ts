/**
 * One statement for the items of every caller that arrive together (webhooks under load): a
 * store round trip costs far more than a row. A failed statement is tried again one item at a
 * time, so that an item the store refuses (bad data) fails alone, not its neighbours.
 *
 * By default a batch takes what arrived while the previous one ran. `inTurn` batches are sent at
 * the end of the event-loop turn their items were asked in, without waiting for a batch still
 * running: an item's statement is then sent before anything the gateway reads from the network
 * after asking for it (and on the embedded store, which runs statements in the order sent, runs
 * first), as it was unbatched.
 */
export function batched<I, O>(run: (items: I[]) => Promise<O[]>, opts: { max?: number; inTurn?: boolean } = {}): (item: I) => Promise<O> {
  const max = opts.max ?? 100;
  let queue: Array<{ item: I; resolve: (o: O) => void; reject: (err: unknown) => void }> = [];
  const one = (b: (typeof queue)[number]) => run([b.item]).then((out) => b.resolve(out[0]!), b.reject);
  const settle = async (batch: typeof queue) => {
    try {
      const out = await run(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(out[i]!));
    } catch (err) {
      if (batch.length === 1) batch[0]!.reject(err);
      else await Promise.all(batch.map(one));
    }
  };
  let busy = false;
  const flush = opts.inTurn
    ? () => {
        const asked = queue;
        queue = [];
        busy = false;
        // Each batch's statement is sent now, in order; they do not wait on one another.
        for (let i = 0; i < asked.length; i += max) void settle(asked.slice(i, i + max));
      }
    : async () => {
        while (queue.length) await settle(queue.splice(0, max));
        busy = false;
      };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (!busy) {
        busy = true;
        setImmediate(flush);
      }
    });
}
