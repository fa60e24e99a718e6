/** 5. Boot: process start to /readyz 200, against a bare node:http process answering its first request. */
import { round, startChild, startGateway, summarise, waitFor200, type Options, type Row } from '../lib.js';

export async function boot(opts: Options): Promise<Row[]> {
  const runs = opts.quick ? 1 : 3;
  const gw: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    const gateway = await startGateway(opts);
    gw.push(gateway.bootMs);
    await gateway.stop();
    const since = performance.now();
    const child = await startChild('bare');
    bare.push(await waitFor200(child.url, since, child.process));
    await child.stop();
  }
  const value = summarise(gw).p50;
  return [
    { scenario: '5 boot', figure: 'start to /readyz OK', value: round(value, 0), unit: 'ms', target: '≤ 2,000 ms', ok: value <= 2_000, baseline: { label: 'bare node:http', value: round(summarise(bare).p50, 0) }, note: `median of ${runs}; a throwaway store copied from the template` },
  ];
}
