/** Polling for tests that wait on something they cannot be told of (a log line, a store row, a socket's state). */

/** Resolves once `check` holds; fails after `timeoutMs`, naming `what`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The first value `fn` gives other than undefined; fails after `withinMs`, naming `what`. */
export async function eventually<T>(fn: () => Promise<T | undefined> | T | undefined, what: string, withinMs = 20_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
