/** Webhook receipts as operators see them (the `admin` scope): not Nodes, so `node(id:)` never reaches one. */
import { Field, ID, ObjectType } from 'type-graphql';
import { KeyValue } from './common.js';
import { Connection } from './connection.js';
import { Provider, WebhookBodyEncoding, WebhookReceiptStatus } from './enums.js';
import { DateTimeScalar } from './scalars.js';

const PREFIX = 'WebhookReceipt:';

/** A receipt's opaque id. */
export const receiptId = (n: number) => Buffer.from(`${PREFIX}${n}`).toString('base64url');

/** The receipt number inside an id, or null for anything else. */
export function receiptNumber(id: string): number | null {
  const m = /^WebhookReceipt:([1-9]\d{0,17})$/.exec(Buffer.from(id, 'base64url').toString('utf8'));
  return m && receiptId(Number(m[1])) === id ? Number(m[1]) : null;
}

@ObjectType({ description: 'One webhook delivery as the gateway kept it (before answering it), and what became of it. Never shows the webhook token.' })
export class WebhookReceipt {
  @Field(() => ID, { description: 'Opaque id, for replayWebhookReceipt.' })
  id!: string;

  @Field(() => Provider, { description: 'The provider whose route received it.' })
  provider!: string;

  @Field(() => String, { description: 'The route’s event: `/webhooks/<provider>/<event>` (calls, orders, requests …).' })
  event!: string;

  @Field(() => String, { description: 'The HTTP method it came with.' })
  method!: string;

  @Field(() => DateTimeScalar, { description: 'When it arrived.' })
  receivedAt!: string;

  @Field(() => WebhookReceiptStatus, { description: 'What became of it.' })
  status!: string;

  @Field(() => String, { nullable: true, description: 'Why it was rejected or failed, in the gateway’s words.' })
  reason?: string;

  @Field(() => String, { nullable: true, description: 'The provider event it carries (e.g. a call id and phase): deliveries with the same key are one event, applied once. Null when the payload could not be read.' })
  eventKey?: string;

  @Field(() => String, { nullable: true, description: 'Its Content-Type header, as sent.' })
  contentType?: string;

  @Field(() => [KeyValue], { description: 'Its query parameters (the token is never kept).' })
  query!: KeyValue[];

  @Field(() => String, { description: 'The body as text. A body kept as bytes (bodyEncoding BASE64) is decoded leniently: bytes that are not UTF-8, and NUL, show as U+FFFD; bodyBase64 has them exactly.' })
  body!: string;

  @Field(() => WebhookBodyEncoding, { description: 'How the body is kept.' })
  bodyEncoding!: string;

  @Field(() => String, { nullable: true, description: 'The body’s bytes in base64, when it is kept as bytes (not valid UTF-8, or holding NUL).' })
  bodyBase64?: string;
}

export const WebhookReceiptConnection = Connection('WebhookReceipt', WebhookReceipt);
