/** An event's WebSocket frame, built by the gateway itself: the bytes ws would write, and what a client reads. */
import type { Writable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ws from 'ws';
import { eventFrame } from '../../src/server/transports/websocket.js';

// ws's own framing, exported by the package though its types leave it out.
const { Receiver, Sender } = ws as unknown as {
  Receiver: new (options: { isServer: boolean; maxPayload: number }) => Writable;
  Sender: { frame(data: Buffer, options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean }): Buffer[] };
};

/** What a client's ws reads from these bytes: each text message, in order. */
function read(bytes: Buffer): string[] {
  const messages: string[] = [];
  const receiver = new Receiver({ isServer: false, maxPayload: 0 });
  receiver.on('message', (data: Buffer, binary: boolean) => messages.push(binary ? '(binary)' : String(data)));
  receiver.on('error', (err: Error) => messages.push(`(error) ${err.message}`));
  receiver.write(bytes);
  return messages;
}

/** The frame ws itself sends for a text message (final, unmasked: a server's). */
const wsFrame = (text: string) => Buffer.concat(Sender.frame(Buffer.from(text), { fin: true, opcode: 0x01, mask: false, readOnly: false, rsv1: false }));

const text = fc.string({ unit: 'binary', maxLength: 40 });
// Message sizes in bytes where the frame's length field changes (125/126, 65,535/65,536), and any.
const size = fc.oneof(fc.integer({ min: 120, max: 130 }), fc.integer({ min: 65_530, max: 65_540 }), fc.integer({ min: 0, max: 70_000 }));

/**
 * A payload that makes `${head}${payload}}` `bytes` long in UTF-8 (longer only when the head is):
 * the sample repeated over about half of it (multi-byte characters too), then ASCII to the byte.
 */
function payloadOf(head: string, bytes: number, sample: string): string {
  const room = Math.max(0, bytes - Buffer.byteLength(head) - 1);
  // Counted, not measured per repeat: measuring the growing string each time was quadratic (a
  // one-character sample and a 70,000-byte frame took seconds a case on a busy machine).
  const sampleBytes = Buffer.byteLength(sample);
  const repeats = Math.min(Math.ceil(room / 2 / sample.length), Math.floor(room / sampleBytes));
  return sample.repeat(repeats) + 'x'.repeat(room - repeats * sampleBytes);
}

describe('eventFrame', () => {
  it('writes the bytes ws writes for the same text, which a client reads as that one message', () => {
    fc.assert(
      fc.property(text, size, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), (head, bytes, sample) => {
        const body = payloadOf(head, bytes, sample);
        const frame = eventFrame(head, Buffer.byteLength(head), Buffer.from(body));
        // As UTF-8 carries it: a lone surrogate becomes U+FFFD, as in ws.send.
        const expected = Buffer.from(`${head}${body}}`).toString();
        expect(frame.equals(wsFrame(expected))).toBe(true);
        expect(read(Buffer.concat([frame, frame]))).toEqual([expected, expected]);
      }),
      { numRuns: 300 },
    );
  });
});
