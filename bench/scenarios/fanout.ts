/**
 * 3. Fan-out: subscribers (bench/subscriber.ts) on callEvents, over graphql-transport-ws, then
 * over SSE, then over Apollo's multipart subscriptions, Exotel call webhooks posted at a steady
 * rate; latency to each subscriber's receipt from sending each webhook (the budget line) and
 * from its answer (the budget's words), and events lost; over WebSocket also against the floor, a
 * bare server that only writes each event to every subscriber (bench/children/bare.ts). Then, in a
 * fresh gateway per store engine, idle subscribers up to the budget's 10,000: the gateway's
 * resident memory.
 */
import { subscribe as openSubscriber, type Subscriber, type Transport } from '../subscriber.js';
import { API_KEY, EXOTEL_CALLS_PATH, exotelCall, keepAliveAgent, metric, round, sampleSum, scrape, send, startChild, startGateway, storeEngines, summarise, type Child, type Options, type Row } from '../lib.js';

const SUBSCRIPTION = 'subscription BenchCalls { callEvents(filter: { provider: EXOTEL }) { id providerCallId status } }';
const BATCH = 500;
/** Call ids unique across runs, should the store be kept. */
const RUN = Date.now().toString(36);

interface Subscribers {
  clients: Subscriber[];
  /** call id → receipt times (performance.now()), one per subscriber that got it. */
  receipts: Map<string, number[]>;
  /** Subscribers that have received at least one event: their subscription is live. */
  heard: Set<number>;
}

/** Open `count` subscribers in batches; resolves when every one is connected and subscribed. */
async function subscribe(url: string, transport: Transport, count: number, into: Subscribers): Promise<void> {
  for (let done = 0; done < count; done += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - done) }, async (_, i) => {
      const index = done + i;
      into.clients[index] = await openSubscriber({
        url,
        transport,
        authorization: `Bearer ${API_KEY}`,
        query: SUBSCRIPTION,
        next: ({ data }) => {
          const at = performance.now();
          into.heard.add(index);
          const id = (data as { callEvents?: { providerCallId?: string } } | undefined)?.callEvents?.providerCallId;
          if (id) into.receipts.get(id)?.push(at);
        },
        closed: (reason) => process.stderr.write(`bench: subscriber ${index}: ${reason}\n`),
      });
    });
    await Promise.all(batch);
  }
}

/**
 * Events until every subscriber has received one. A subscriber is open once its connection is
 * acknowledged; the server registers the subscription a little later (and, over Redis, its
 * channel), and the protocol has no ack for it: an event received is the only proof it is live.
 */
async function everyoneListening(base: string, subs: Subscribers, prefix: string): Promise<void> {
  const until = performance.now() + 60_000;
  for (let attempt = 0; subs.heard.size < subs.clients.length; attempt++) {
    if (performance.now() > until) throw new Error(`${subs.clients.length - subs.heard.size} of ${subs.clients.length} subscribers never got an event in 60 s`);
    const posted = await postSteadily(base, `${prefix}-${attempt}`, 1, 1, subs.receipts);
    await measure(subs, posted, 1_000);
  }
}

/** Post `count` webhooks at `rate`/s; returns each call id's send and answer times, and the answer latencies. */
async function postSteadily(base: string, prefix: string, rate: number, count: number, receipts: Map<string, number[]>) {
  const agent = keepAliveAgent(8);
  const sent = new Map<string, number>();
  const answered = new Map<string, number>();
  const answers: number[] = [];
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const id = `${prefix}-${RUN}-${i}`;
    receipts.set(id, []);
    const t0 = performance.now();
    sent.set(id, t0);
    pending.push(
      send(base, { method: 'POST', path: EXOTEL_CALLS_PATH, headers: { 'content-type': 'application/json' }, body: exotelCall(id) }, agent).then((res) => {
        if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${res.body.slice(0, 200)}`);
        const at = performance.now();
        answered.set(id, at);
        answers.push(at - t0);
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return { sent, answered, answers: summarise(answers) };
}

/**
 * Wait until every subscriber has every event or `graceMs` passes: latencies from each
 * webhook's sending, and from its answer (`fromAnswer`), and losses.
 */
async function measure(subs: Subscribers, { sent, answered }: { sent: Map<string, number>; answered: Map<string, number> }, graceMs: number) {
  const expected = subs.clients.length * sent.size;
  const received = () => [...sent.keys()].reduce((n, id) => n + subs.receipts.get(id)!.length, 0);
  const until = performance.now() + graceMs;
  while (received() < expected && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
  const latencies: number[] = [];
  const fromAnswer: number[] = [];
  for (const [id, at] of sent) {
    for (const t of subs.receipts.get(id)!) {
      latencies.push(t - at);
      fromAnswer.push(t - answered.get(id)!);
    }
  }
  return { ...summarise(latencies), fromAnswer: summarise(fromAnswer), lost: expected - Math.min(expected, received()), duplicates: Math.max(0, received() - expected) };
}

const STEPS = ['claim', 'apply', 'mark'] as const;

/** The gateway's switchboard_webhook_step_seconds so far, from one scrape: seconds and count of each step, summed over routes. */
async function stepTotals(url: string) {
  const text = await scrape(url);
  return STEPS.map((step) => ({ seconds: sampleSum(text, 'switchboard_webhook_step_seconds_sum', { step }), count: sampleSum(text, 'switchboard_webhook_step_seconds_count', { step }) }));
}

/** Each step's mean in ms between two readings of `stepTotals`, as a note's words. */
function stepMeans(before: Awaited<ReturnType<typeof stepTotals>>, after: Awaited<ReturnType<typeof stepTotals>>): string {
  return STEPS.map((step, i) => `${step} ${round(((after[i]!.seconds - before[i]!.seconds) * 1000) / Math.max(1, after[i]!.count - before[i]!.count))}`).join(', ');
}

/**
 * `count` subscribers on gateway `on`, then `events` webhooks at `rate`/s posted to gateway `to`
 * (the same one, or another over Redis), after a second of them to warm both: delivery
 * latencies, losses, the webhooks' answer times and `on`'s CPU per delivery; with `steps`, the
 * means of `to`'s webhook steps (a server without them: the floor).
 */
export async function deliver(on: Child, to: Child, count: number, prefix: string, rate: number, events: number, { transport = 'ws', steps: timed = true }: { transport?: Transport; steps?: boolean } = {}) {
  const subs: Subscribers = { clients: [], receipts: new Map(), heard: new Set() };
  try {
    await subscribe(`${on.url}/graphql`, transport, count, subs);
    await everyoneListening(to.url, subs, `${prefix}-ready`);
    // A second of events first, as scenario 2 warms its paths: the figures are for a warm gateway.
    const warm = await postSteadily(to.url, `${prefix}-warm`, rate, rate, subs.receipts);
    await measure(subs, warm, 10_000);
    const steps0 = timed ? await stepTotals(to.url) : undefined;
    const cpu0 = on.cpuMs();
    const own0 = process.cpuUsage();
    const posted = await postSteadily(to.url, prefix, rate, events, subs.receipts);
    const result = await measure(subs, posted, 10_000);
    const own = process.cpuUsage(own0);
    const cpuMs = on.cpuMs() - cpu0;
    // Read after the CPU: a scrape is the gateway's work too.
    const steps = steps0 && stepMeans(steps0, await stepTotals(to.url));
    const per = Math.max(1, result.count);
    // This process's CPU (µs) per delivery: the subscribers' side, on the same 2 cores.
    return { ...result, answers: posted.answers, steps, cpuUs: (cpuMs * 1000) / per, subscribersCpuUs: (own.user + own.system) / per };
  } finally {
    await Promise.all(subs.clients.map((c) => c.dispose()));
  }
}

/** A fresh gateway, then `count` idle subscribers: its resident memory before and after. */
async function idleMemory(opts: Options, count: number, env: Record<string, string>) {
  const gateway = await startGateway(opts, env);
  const subs: Subscribers = { clients: [], receipts: new Map(), heard: new Set() };
  try {
    const rssIdle = gateway.rssMb();
    const heapIdle = await metric(gateway.url, 'nodejs_heap_size_used_bytes');
    const t0 = performance.now();
    await subscribe(`${gateway.url}/graphql`, 'ws', count, subs);
    await everyoneListening(gateway.url, subs, 'idle');
    const openSeconds = (performance.now() - t0) / 1000;
    // One series per subprotocol: their sum.
    const metrics = (await send(gateway.url, { method: 'GET', path: '/metrics' })).body;
    const sockets = [...metrics.matchAll(/^switchboard_websocket_connections(?:\{[^}]*\})? (\d+)$/gm)].reduce((n, m) => n + Number(m[1]), 0);
    await new Promise((r) => setTimeout(r, 1_000));
    const rss = gateway.rssMb();
    const heapKb = ((await metric(gateway.url, 'nodejs_heap_size_used_bytes')) - heapIdle) / 1024 / count;
    return { rss, rssIdle, heapKb, openSeconds, sockets };
  } finally {
    await Promise.all(subs.clients.map((c) => c.dispose()));
    await gateway.stop();
  }
}

export async function fanout(opts: Options): Promise<Row[]> {
  const fanoutSubscribers = opts.quick ? 200 : 1_000;
  const idleSubscribers = opts.quick ? 2_000 : 10_000;
  // Below saturation on purpose: at 20 webhooks/s (20,000 deliveries/s) a 2-core machine
  // queues; the capacity shows as CPU per delivery.
  const rate = 5;
  const events = Math.round(rate * opts.seconds);
  const s = '3 fan-out';
  const rows: Row[] = [];
  const gateway = await startGateway(opts);
  const floor = await startChild('bare', { FANOUT: '1' });
  try {
    // The same gateway, one transport after the other: their figures side by side.
    for (const [transport, name] of [['ws', ''], ['sse', 'SSE'], ['multipart', 'multipart']] as const) {
      const fan = await deliver(gateway, gateway, fanoutSubscribers, `fan-${transport}`, rate, events, { transport });
      const over = name && ` over ${name}`;
      const who = `${fanoutSubscribers} subscribers${over}`;
      const label = 'webhook answer';
      const { answers: answer, fromAnswer: after } = fan;
      rows.push(
        { scenario: s, figure: `delivery p50, ${who}`, value: round(fan.p50), unit: 'ms', target: '—', baseline: { label, value: round(answer.p50) }, note: `${events} webhooks at ${rate}/s; from each webhook's sending; each webhook's steps in the gateway, mean ms (switchboard_webhook_step_seconds): ${fan.steps}` },
        { scenario: s, figure: `delivery p99, ${who}`, value: round(fan.p99), unit: 'ms', target: '≤ 25 ms', ok: fan.p99 <= 25, baseline: { label, value: round(answer.p99) } },
        { scenario: s, figure: `delivery max, ${who}`, value: round(fan.max), unit: 'ms', target: '—', baseline: { label, value: round(answer.max) } },
        // The budget's own words; a gateway that answered after every delivery would read ≤ 0 here, so the line above is the budget's.
        { scenario: s, figure: `delivery p99 from the webhook's answer, ${who}`, value: round(after.p99), unit: 'ms', target: '—', note: `p50 ${round(after.p50)} ms` },
        { scenario: s, figure: `gateway CPU per delivery${name && `, ${name}`}`, value: round(fan.cpuUs, 1), unit: 'µs', target: '—', baseline: { label: 'subscribers\' process', value: round(fan.subscribersCpuUs, 1) }, note: `webhook included; ≈ ${round(1e6 / fan.cpuUs, 0)} deliveries/s per core; the baseline is the bench's own process receiving them (bench/subscriber.ts), on the same 2 cores` },
        { scenario: s, figure: `events lost${over}`, value: fan.lost, unit: 'events', target: '0', ok: fan.lost === 0, note: `${fan.count} deliveries, ${fan.duplicates} duplicated` },
      );
      if (fan.lost > 0) process.stderr.write(`bench: fan-out over ${transport} lost ${fan.lost} events\n`);
      if (transport !== 'ws') continue;
      // Right after the gateway's turn, the same subscribers and webhooks to the floor.
      const bare = await deliver(floor, floor, fanoutSubscribers, 'floor', rate, events, { steps: false });
      // Its figures would leave out the deliveries it never made: not a floor then.
      if (bare.lost > 0) throw new Error(`the bare WebSocket server lost ${bare.lost} of ${bare.count + bare.lost} deliveries`);
      const floorNote = `the floor for any server here: the same subscribers and webhooks to a bare node:http and ws server that answers each webhook at once, then writes its frame to every subscriber in one loop (no store, no GraphQL); its CPU ${round(bare.cpuUs, 1)} µs a delivery`;
      rows.push(
        { scenario: s, figure: `delivery p50, ${who}, bare WebSocket server`, value: round(bare.p50), unit: 'ms', target: '—', baseline: { label: 'the gateway', value: round(fan.p50) }, note: floorNote },
        { scenario: s, figure: `delivery p99, ${who}, bare WebSocket server`, value: round(bare.p99), unit: 'ms', target: '—', baseline: { label: 'the gateway', value: round(fan.p99) }, note: `from each webhook's sending; max ${round(bare.max)} ms` },
      );
    }
  } finally {
    await Promise.all([gateway.stop(), floor.stop()]);
  }

  // Memory with the embedded store, and with PostgreSQL when DATABASE_URL is set (the store
  // then lives outside the gateway's process).
  for (const { name: engine, env } of storeEngines()) {
    const m = await idleMemory(opts, idleSubscribers, env);
    const rssPer10k = ((m.rss - m.rssIdle) * 10_000) / idleSubscribers + m.rssIdle;
    rows.push({
      scenario: s,
      figure: `RSS with ${idleSubscribers} idle subscribers, ${engine}`,
      value: round(m.rss, 0),
      unit: 'MB',
      target: idleSubscribers === 10_000 ? '≤ 300 MB' : '≤ 300 MB at 10,000',
      ok: rssPer10k <= 300,
      baseline: { label: 'no subscriber', value: round(m.rssIdle, 0) },
      note: `${m.sockets} sockets open in ${round(m.openSeconds, 1)} s; ${round(((m.rss - m.rssIdle) * 1024) / idleSubscribers, 1)} KB RSS, ${round(m.heapKb, 1)} KB JS heap each${idleSubscribers === 10_000 ? '' : `; extrapolated to 10,000: ${round(rssPer10k, 0)} MB`}`,
    });
  }
  return rows;
}
