/**
 * Scenario 3's floor (bench/children/bare.ts with FANOUT): the bench's own subscribers
 * (bench/subscriber.ts) on it, then Exotel call webhooks: each live subscriber gets each event
 * once, under the id it chose and with the webhook's call id, and one leaving breaks nothing for
 * the others.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { EXOTEL_CALLS_PATH, exotelCall, send } from '../../bench/lib.js';
import { subscribe, type Subscriber } from '../../bench/subscriber.js';

let child: ChildProcess | undefined;
afterEach(() => void child?.kill());

async function startFloor(): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', 'bench/children/bare.ts'], { env: { ...process.env, FANOUT: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    child!.stdout!.once('data', (d: Buffer) => resolve(d.toString()));
    child!.once('exit', (code) => reject(new Error(`the floor exited with ${code}`)));
  });
  return (JSON.parse(line) as { url: string }).url;
}

/** An Exotel call webhook posted as the bench posts it; its answer's status. */
const post = async (url: string, body: string) => (await send(url, { method: 'POST', path: EXOTEL_CALLS_PATH, headers: { 'content-type': 'application/json' }, body })).status;

describe('bench: the fan-out floor', () => {
  it('writes each webhook to every live subscriber once', async () => {
    const url = await startFloor();
    const got: string[][] = [[], [], []];
    const subscribers: Subscriber[] = [];
    for (const seen of got) {
      subscribers.push(
        await subscribe({
          url: `${url}/graphql`,
          transport: 'ws',
          authorization: 'Bearer unused',
          query: 'subscription { callEvents { providerCallId } }',
          next: ({ data }) => void seen.push((data as { callEvents: { providerCallId: string } }).callEvents.providerCallId),
          closed: (reason) => void seen.push(`closed: ${reason}`),
        }),
      );
    }
    // The subscription goes out after the acknowledgement: wait until the floor has it.
    const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
    await settle();
    expect(await post(url, exotelCall('call-1'))).toBe(200);
    expect(await post(url, exotelCall('call-"2"'))).toBe(200);
    await settle();
    expect(got).toEqual([['call-1', 'call-"2"'], ['call-1', 'call-"2"'], ['call-1', 'call-"2"']]);

    subscribers[1]!.dispose();
    await settle();
    expect(await post(url, exotelCall('call-3'))).toBe(200);
    await settle();
    expect(got.map((seen) => seen.at(-1))).toEqual(['call-3', 'call-"2"', 'call-3']);
    for (const s of subscribers) s.dispose();
  });
});
