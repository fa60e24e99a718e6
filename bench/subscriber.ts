/**
 * A graphql-transport-ws subscriber on a bare TCP socket, for the fan-out scenarios: the
 * WebSocket handshake (its accept key checked), connection_init, one subscription, and every
 * message parsed whole. A thousand graphql-ws clients (over ws) in the bench's one process cost
 * ~24 µs a frame on the cores the gateway's writes share, so the last subscribers' latency was
 * the bench's own queue more than the gateway's. The real clients are tested in test/.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** Where every subscriber's socket reads (one thread: each read is consumed before the next). */
const READ_BUFFER = Buffer.alloc(256 * 1024);

export interface Subscriber {
  dispose(): void;
}

export interface SubscriberOptions {
  url: string;
  authorization: string;
  query: string;
  /** Each `next` message's payload. */
  next(payload: { data?: unknown; errors?: unknown }): void;
  /** The connection ended or broke after it was open, before dispose(). */
  closed(reason: string): void;
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

/** Resolves once the server has acknowledged the connection and the subscription is sent. */
export function subscribe(o: SubscriberOptions): Promise<Subscriber> {
  const url = new URL(o.url);
  const key = randomBytes(16).toString('base64');
  const accept = createHash('sha1').update(key + GUID).digest('base64');
  let opened = false;
  let over = false;
  let upgraded = false;
  /** Bytes of a frame not yet whole (copied: the read buffer is every socket's). */
  let pending: Buffer | undefined;

  return new Promise<Subscriber>((resolve, reject) => {
    const fail = (reason: string) => {
      socket.destroy();
      if (over) return;
      over = true;
      // While opening, the caller hears of it once, through the promise.
      if (opened) o.closed(reason);
      else reject(new Error(reason));
    };
    const sendText = (message: unknown) => socket.write(frame(0x1, Buffer.from(JSON.stringify(message))));
    // A UUID, as graphql-ws's client names its operations: the server sees no two alike.
    const id = randomUUID();
    const message = (text: string) => {
      const m = JSON.parse(text) as { id?: string; type: string; payload?: { data?: unknown; errors?: unknown } };
      if (m.type === 'next' && m.id === id) o.next(m.payload ?? {});
      else if (m.type === 'ping') sendText({ type: 'pong' });
      else if (m.type === 'connection_ack') {
        sendText({ id, type: 'subscribe', payload: { query: o.query } });
        opened = true;
        resolve({ dispose: () => ((over = true), socket.end(frame(0x8, Buffer.from([0x03, 0xe8])))) });
      } else if (m.type !== 'pong') fail(`the server sent ${text.slice(0, 200)}`);
    };
    /** Consumes whole frames from `data`; returns the bytes of one not yet whole. */
    const frames = (data: Buffer): Buffer | undefined => {
      let at = 0;
      if (!upgraded) {
        const end = data.indexOf('\r\n\r\n');
        if (end < 0) return data;
        const head = data.subarray(0, end).toString('latin1');
        if (!head.startsWith('HTTP/1.1 101 ') || !head.includes(`\r\nSec-WebSocket-Accept: ${accept}`)) {
          fail(`no upgrade: ${head.split('\r\n')[0]}`);
          return undefined;
        }
        upgraded = true;
        at = end + 4;
        sendText({ type: 'connection_init', payload: { authorization: o.authorization } });
      }
      // A server's frames are not masked: FIN and opcode, a length of 7, 16 or 64 bits, the body.
      while (data.length - at >= 2 && !over) {
        const short = data[at + 1]! & 0x7f;
        const start = at + (short < 126 ? 2 : short === 126 ? 4 : 10);
        if (data.length < start) break;
        const length = short < 126 ? short : short === 126 ? data.readUInt16BE(at + 2) : Number(data.readBigUInt64BE(at + 2));
        if (data.length < start + length) break;
        const [first, body] = [data[at]!, data.subarray(start, start + length)];
        at = start + length;
        if ((first & 0x80) === 0) fail('a fragmented frame');
        else if ((first & 0x0f) === 0x1) message(body.toString('utf8'));
        else if ((first & 0x0f) === 0x9) socket.write(frame(0xa, body));
        else if ((first & 0x0f) === 0x8) fail(`closed by the server (${length >= 2 ? body.readUInt16BE(0) : 'no code'})`);
        else if ((first & 0x0f) !== 0xa) fail(`opcode ${first & 0x0f}`);
      }
      return at < data.length && !over ? data.subarray(at) : undefined;
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
          const left = frames(pending ? Buffer.concat([pending, read]) : read);
          pending = left && Buffer.from(left);
          return true;
        },
      },
    });
    socket.on('connect', () => {
      socket.write(
        `GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`,
      );
    });
    socket.on('error', (err) => fail(`socket error: ${err.message}`));
    socket.on('close', () => fail('socket closed'));
  });
}
