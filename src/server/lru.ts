/** A small cache keyed by strings: insertion order is age; `remember` puts a key last, evicting the one remembered longest ago when full. */
export class Lru<V> extends Map<string, V> {
  constructor(private readonly capacity: number) {
    super();
  }

  remember(key: string, value: V): V {
    this.delete(key);
    if (this.size >= this.capacity) this.delete(this.keys().next().value!);
    this.set(key, value);
    return value;
  }

  /** The value for `key`, worked out by `make` on a miss (undefined values are kept too). */
  through(key: string, make: (key: string) => V): V {
    const known = this.get(key);
    // One lookup for a kept value; a second only to tell a kept undefined from a miss.
    return known !== undefined || this.has(key) ? (known as V) : this.remember(key, make(key));
  }
}
