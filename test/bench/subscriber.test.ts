/**
 * The bench's bare-socket subscribers (bench/subscriber.ts) against a loopback server that sends
 * one good message, then one whose JSON does not parse: the good one is delivered, the bad one
 * fails that subscriber with a reason, and the bench's process goes on.
 */
import { createHash } from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { subscribe, type Transport } from '../../bench/subscriber.js';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const GOOD = { data: { callEvent: { id: '1' } } };
const BAD = '{"payload": {"data": ';

/** An unmasked server text frame (bodies here are under 126 bytes). */
const textFrame = (text: string) => Buffer.concat([Buffer.from([0x81, Buffer.byteLength(text)]), Buffer.from(text)]);
const chunk = (text: string) => `${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`;
const streamHead = (type: string) => `HTTP/1.1 200 OK\r\nContent-Type: ${type}\r\nTransfer-Encoding: chunked\r\n\r\n`;

/** What the server writes once it has read the request's head, then (WebSocket) to each client message. */
const SERVERS: Record<Transport, (head: string) => { first: string; reply?: (message: { type: string; id?: string }) => Buffer }> = {
  ws: (head) => {
    const key = /sec-websocket-key: (\S+)/i.exec(head)![1]!;
    const accept = createHash('sha1').update(key + GUID).digest('base64');
    return {
      first: `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`,
      reply: (m) =>
        m.type === 'connection_init' ? textFrame('{"type":"connection_ack"}') : Buffer.concat([textFrame(JSON.stringify({ id: m.id, type: 'next', payload: GOOD })), textFrame(BAD)]),
    };
  },
  sse: () => ({ first: streamHead('text/event-stream') + chunk(`event: next\ndata: ${JSON.stringify(GOOD)}\n\n`) + chunk(`event: next\ndata: ${BAD}\n\n`) }),
  multipart: () => ({
    first:
      streamHead('multipart/mixed;boundary="graphql";subscriptionSpec=1.0') +
      chunk(`\r\n--graphql\r\ncontent-type: application/json\r\n\r\n${JSON.stringify({ payload: GOOD })}`) +
      chunk(`\r\n--graphql\r\ncontent-type: application/json\r\n\r\n${BAD}\r\n--graphql`),
  }),
};

let server: net.Server | undefined;
afterEach(() => void server?.close());

describe('bench subscribers: a message that is not JSON', () => {
  it.each(['ws', 'sse', 'multipart'] as const)('over %s fails that subscriber, after the good message before it', async (transport) => {
    server = net.createServer((socket) => {
      let head = '';
      let answered: ReturnType<(typeof SERVERS)[Transport]> | undefined;
      socket.on('data', (data) => {
        if (answered) return void (answered.reply && socket.write(answered.reply(unmask(data))));
        head += data.toString('latin1');
        if (!head.includes('\r\n\r\n')) return;
        answered = SERVERS[transport](head);
        socket.write(answered.first);
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const received: unknown[] = [];
    const closed = new Promise<string>((resolve) => {
      const options = { url: `http://127.0.0.1:${port}/graphql`, transport, authorization: 'Bearer x', query: 'subscription { callEvent { id } }' };
      subscribe({ ...options, next: (p) => received.push(p), closed: resolve }).catch((err: Error) => resolve(`not opened: ${err.message}`));
    });
    expect(await closed).toMatch(/^an unreadable message: .*JSON/);
    expect(received).toEqual([GOOD]);
  });
});

/** A client frame's message (masked; a 7- or 16-bit length; one frame a read, as each waits for an answer). */
function unmask(data: Buffer): { type: string; id?: string } {
  const short = data[1]! & 0x7f;
  const start = short < 126 ? 2 : 4;
  const length = short < 126 ? short : data.readUInt16BE(2);
  const mask = data.subarray(start, start + 4);
  const body = Buffer.from(data.subarray(start + 4, start + 4 + length).map((b, i) => b ^ mask[i & 3]!));
  return JSON.parse(body.toString('utf8')) as { type: string; id?: string };
}
