/**
 * Subscribers on bare TCP sockets, for the fan-out scenarios: graphql-transport-ws (the
 * WebSocket handshake, its accept key checked, connection_init, one subscription), GraphQL
 * over SSE (graphql-sse's distinct connections mode) and Apollo's multipart subscriptions (each
 * one POST, its chunked answer read as events or parts). Every message is parsed whole. A
 * thousand graphql-ws clients (over ws) in the bench's one process cost ~24 µs a frame on the
 * cores the gateway's writes share, so the last subscribers' latency was the bench's own queue
 * more than the gateway's. The real clients are tested in test/.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** Where every subscriber's socket reads (one thread: each read is consumed before the next). */
const READ_BUFFER = Buffer.alloc(256 * 1024);

export type Transport = 'ws' | 'sse' | 'multipart';

export interface Subscriber {
  dispose(): void;
}

export interface SubscriberOptions {
  /** The gateway's http(s) URL of /graphql. */
  url: string;
  transport: Transport;
  authorization: string;
  query: string;
  /** Each `next` message's payload. */
  next(payload: { data?: unknown; errors?: unknown }): void;
  /** The connection ended or broke after it was open, before dispose(). */
  closed(reason: string): void;
}

/** What a protocol does with its connection. */
interface Wire {
  write(bytes: Buffer | string): void;
  /** The subscription is sent (or open): the subscriber is handed out; its dispose() sends `goodbye`, then ends the connection. */
  opened(goodbye?: Buffer): void;
  fail(reason: string): void;
  /** Still reading: not failed or disposed. */
  live(): boolean;
}

interface Protocol {
  /** The first bytes sent. */
  hello: string;
  /** The answer's head: why it is not the one expected, if it is not. */
  answer(head: string): string | undefined;
  /** Consumes whole messages from the body's `data`; returns the bytes of one not yet whole. */
  read(data: Buffer): Buffer | undefined;
}

/** A client frame: masked, as RFC 6455 requires of clients. */
function frame(opcode: number, body: Buffer): Buffer {
  const extended = body.length < 126 ? 0 : body.length < 65_536 ? 2 : 8;
  const out = Buffer.alloc(2 + extended + 4 + body.length);
  out[0] = 0x80 | opcode;
  out[1] = 0x80 | (extended === 0 ? body.length : extended === 2 ? 126 : 127);
  if (extended === 2) out.writeUInt16BE(body.length, 2);
  if (extended === 8) out.writeBigUInt64BE(BigInt(body.length), 2);
  const mask = randomBytes(4);
  mask.copy(out, 2 + extended);
  for (let i = 0; i < body.length; i++) out[2 + extended + 4 + i] = body[i]! ^ mask[i & 3]!;
  return out;
}

/** graphql-transport-ws over a WebSocket. */
function websocket(o: SubscriberOptions, url: URL, wire: Wire): Protocol {
  const key = randomBytes(16).toString('base64');
  const accept = createHash('sha1').update(key + GUID).digest('base64');
  const sendText = (message: unknown) => wire.write(frame(0x1, Buffer.from(JSON.stringify(message))));
  // A UUID, as graphql-ws's client names its operations: the server sees no two alike.
  const id = randomUUID();
  const message = (text: string) => {
    const m = JSON.parse(text) as { id?: string; type: string; payload?: { data?: unknown; errors?: unknown } };
    if (m.type === 'next' && m.id === id) o.next(m.payload ?? {});
    else if (m.type === 'ping') sendText({ type: 'pong' });
    else if (m.type === 'connection_ack') {
      sendText({ id, type: 'subscribe', payload: { query: o.query } });
      wire.opened(frame(0x8, Buffer.from([0x03, 0xe8])));
    } else if (m.type !== 'pong') wire.fail(`the server sent ${text.slice(0, 200)}`);
  };
  return {
    hello:
      `GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`,
    answer(head) {
      if (!head.startsWith('HTTP/1.1 101 ') || !head.includes(`\r\nSec-WebSocket-Accept: ${accept}`)) return `no upgrade: ${head.split('\r\n')[0]}`;
      sendText({ type: 'connection_init', payload: { authorization: o.authorization } });
      return undefined;
    },
    read(data) {
      let at = 0;
      // A server's frames are not masked: FIN and opcode, a length of 7, 16 or 64 bits, the body.
      while (data.length - at >= 2 && wire.live()) {
        const short = data[at + 1]! & 0x7f;
        const start = at + (short < 126 ? 2 : short === 126 ? 4 : 10);
        if (data.length < start) break;
        const length = short < 126 ? short : short === 126 ? data.readUInt16BE(at + 2) : Number(data.readBigUInt64BE(at + 2));
        if (data.length < start + length) break;
        const [first, body] = [data[at]!, data.subarray(start, start + length)];
        at = start + length;
        if ((first & 0x80) === 0) wire.fail('a fragmented frame');
        else if ((first & 0x0f) === 0x1) message(body.toString('utf8'));
        else if ((first & 0x0f) === 0x9) wire.write(frame(0xa, body));
        else if ((first & 0x0f) === 0x8) wire.fail(`closed by the server (${length >= 2 ? body.readUInt16BE(0) : 'no code'})`);
        else if ((first & 0x0f) !== 0xa) wire.fail(`opcode ${first & 0x0f}`);
      }
      return at < data.length && wire.live() ? data.subarray(at) : undefined;
    },
  };
}

/**
 * The answer's body as HTTP/1.1's chunked coding carries it, undone strictly: `text` takes each
 * chunk's text as it comes; a last (empty) chunk fails the stream, which ends only when disposed.
 */
function chunked(wire: Wire, text: (chunk: string) => void): Protocol['read'] {
  return (data) => {
    let at = 0;
    while (wire.live()) {
      const line = data.indexOf('\r\n', at);
      if (line < 0) break;
      const size = parseInt(data.subarray(at, line).toString('latin1'), 16);
      if (!(size >= 0)) {
        wire.fail(`a chunk size that is not one: ${data.subarray(at, Math.min(line, at + 40)).toString('latin1')}`);
        break;
      }
      if (data.length < line + 2 + size + 2) break;
      if (size === 0) wire.fail('the stream ended');
      text(data.subarray(line + 2, line + 2 + size).toString('utf8'));
      at = line + 2 + size + 2;
    }
    return at < data.length && wire.live() ? data.subarray(at) : undefined;
  };
}

/** The POST that opens an HTTP stream, and the check of its answer's head: 200, chunked, and `type`. */
function httpStream(o: SubscriberOptions, url: URL, wire: Wire, accept: string, type: RegExp): Pick<Protocol, 'hello' | 'answer'> {
  const body = JSON.stringify({ query: o.query });
  return {
    hello:
      `POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nAccept: ${accept}\r\nContent-Type: application/json\r\n` +
      `Authorization: ${o.authorization}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    answer(head) {
      if (!head.startsWith('HTTP/1.1 200 ') || !/\r\ntransfer-encoding: chunked/i.test(head) || !type.test(head)) return `no stream: ${head.split('\r\n')[0]}`;
      // The gateway subscribed before it answered: the stream is live.
      wire.opened();
      return undefined;
    },
  };
}

/** GraphQL over SSE (graphql-sse's distinct connections mode): the body's text cut into events at blank lines. */
function sse(o: SubscriberOptions, url: URL, wire: Wire): Protocol {
  /** Event text not yet ended by a blank line. */
  let text = '';
  const event = (lines: string[]) => {
    const type = lines.find((l) => l.startsWith('event:'))?.slice(6).trim();
    const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
    if (type === 'next') o.next(JSON.parse(data) as { data?: unknown; errors?: unknown });
    else if (type !== undefined) wire.fail(`the server sent event ${type}: ${data.slice(0, 200)}`);
  };
  return {
    ...httpStream(o, url, wire, 'text/event-stream', /\r\ncontent-type: text\/event-stream/i),
    read: chunked(wire, (chunk) => {
      text += chunk;
      for (let cut = text.indexOf('\n\n'); cut >= 0 && wire.live(); cut = text.indexOf('\n\n')) {
        event(text.slice(0, cut).split('\n'));
        text = text.slice(cut + 2);
      }
    }),
  };
}

const DELIMITER = '\r\n--graphql';

/**
 * Apollo's multipart subscription protocol (Apollo Client's HttpLink, whose `Accept` it sends):
 * the body's text cut into parts at each `--graphql` delimiter, a part's headers ended by a
 * blank line, its JSON `{"payload": result}`, or `{}` (a heartbeat).
 */
function multipart(o: SubscriberOptions, url: URL, wire: Wire): Protocol {
  /** Text after the last delimiter read: the part not yet closed. */
  let text = '';
  const part = (raw: string) => {
    // Nothing comes before the first delimiter; `--` right after one closes the stream.
    if (raw === '') return;
    if (raw.startsWith('--')) return wire.fail('the stream ended');
    const body = raw.indexOf('\r\n\r\n');
    if (!raw.startsWith('\r\n') || body < 0 || !/^content-type: application\/json/im.test(raw.slice(0, body))) return wire.fail(`a part without a JSON head: ${raw.slice(0, 200)}`);
    const message = JSON.parse(raw.slice(body + 4)) as { payload?: { data?: unknown; errors?: unknown } | null; errors?: unknown };
    if (message.payload) o.next(message.payload);
    else if (Object.keys(message).length > 0) wire.fail(`the server sent ${raw.slice(body + 4, body + 204)}`);
  };
  return {
    ...httpStream(o, url, wire, 'multipart/mixed;boundary="graphql";subscriptionSpec=1.0,application/json', /\r\ncontent-type: multipart\/mixed;boundary="graphql"/i),
    read: chunked(wire, (chunk) => {
      text += chunk;
      for (let cut = text.indexOf(DELIMITER); cut >= 0 && wire.live(); cut = text.indexOf(DELIMITER)) {
        part(text.slice(0, cut));
        text = text.slice(cut + DELIMITER.length);
      }
      // What follows the last delimiter: `--` ends the stream.
      if (text.startsWith('--') && wire.live()) part(text);
    }),
  };
}

const PROTOCOLS: Record<Transport, (o: SubscriberOptions, url: URL, wire: Wire) => Protocol> = { ws: websocket, sse, multipart };

/** Resolves once the subscription is sent (WebSocket) or its stream is open (SSE, multipart). */
export function subscribe(o: SubscriberOptions): Promise<Subscriber> {
  const url = new URL(o.url);
  let opened = false;
  let answered = false;
  let over = false;
  /** Bytes of a message not yet whole (copied: the read buffer is every socket's). */
  let pending: Buffer | undefined;

  return new Promise<Subscriber>((resolve, reject) => {
    const wire: Wire = {
      write: (bytes) => socket.write(bytes),
      opened(goodbye = Buffer.alloc(0)) {
        opened = true;
        resolve({ dispose: () => ((over = true), socket.end(goodbye)) });
      },
      fail(reason) {
        socket.destroy();
        if (over) return;
        over = true;
        // While opening, the caller hears of it once, through the promise.
        if (opened) o.closed(reason);
        else reject(new Error(reason));
      },
      live: () => !over,
    };
    const protocol = PROTOCOLS[o.transport](o, url, wire);
    /** The answer's head, then its body. */
    const consume = (data: Buffer): Buffer | undefined => {
      if (answered) return protocol.read(data);
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return data;
      const refused = protocol.answer(data.subarray(0, end).toString('latin1'));
      if (refused) return void wire.fail(refused);
      answered = true;
      return protocol.read(data.subarray(end + 4));
    };
    // `onread`: no stream and no buffer per read, which a thousand subscribers in one process feel.
    const socket = net.connect({
      port: Number(url.port),
      host: url.hostname,
      noDelay: true,
      onread: {
        buffer: READ_BUFFER,
        callback: (length) => {
          const read = READ_BUFFER.subarray(0, length);
          try {
            const left = consume(pending ? Buffer.concat([pending, read]) : read);
            pending = left && Buffer.from(left);
          } catch (err) {
            // A message that does not parse fails its subscriber; thrown here, it would end the bench.
            wire.fail(`an unreadable message: ${(err as Error).message}`);
          }
          return true;
        },
      },
    });
    socket.on('connect', () => socket.write(protocol.hello));
    socket.on('error', (err) => wire.fail(`socket error: ${err.message}`));
    socket.on('close', () => wire.fail('socket closed'));
  });
}
