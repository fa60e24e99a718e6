/**
 * One statement for the items of every caller that arrive while the previous batch runs
 * (webhooks under load): a store round trip costs far more than a row. A failed statement
 * is tried again one item at a time, so that an item the store refuses (bad data) fails
 * alone, not its neighbours.
 */
export function batched<I, O>(run: (items: I[]) => Promise<O[]>, max = 100): (item: I) => Promise<O> {
  const queue: Array<{ item: I; resolve: (o: O) => void; reject: (err: unknown) => void }> = [];
  let busy = false;
  const one = (b: (typeof queue)[number]) => run([b.item]).then((out) => b.resolve(out[0]!), b.reject);
  const flush = async () => {
    while (queue.length) {
      const batch = queue.splice(0, max);
      try {
        const out = await run(batch.map((b) => b.item));
        batch.forEach((b, i) => b.resolve(out[i]!));
      } catch (err) {
        if (batch.length === 1) batch[0]!.reject(err);
        else await Promise.all(batch.map(one));
      }
    }
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
