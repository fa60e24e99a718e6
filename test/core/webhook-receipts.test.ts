/**
 * Webhook receipts for operators, through GraphQL against the sandbox: only a key with the
 * `admin` scope sees or replays them (403 on HTTP, FORBIDDEN on the WebSocket, fragments
 * included); a list newest first with its filters and stable cursors; the token never shown,
 * bodies kept as bytes shown sensibly; and a replay that applies an unmatched event once its
 * cause is fixed, exactly once.
 */
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExotelAllocateDocument, ExotelDeallocateDocument, OnAllocationEventDocument, ReplayWebhookReceiptDocument, WebhookReceiptsDocument, type WebhookReceiptFilter } from '../generated/graphql.js';
import { fixture } from '../exotel/helpers.js';
import { RO_KEY, RW_KEY, startTestGateway, subscribe, WEBHOOK_TOKEN, wsResult, type TestGateway } from '../helpers/gateway.js';

const ADMIN_KEY = 'admin-key-1234567';
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({ SWITCHBOARD_API_KEYS: `${RW_KEY}=read,write;${RO_KEY}=read;${ADMIN_KEY}=read,write,admin` });
});
afterAll(async () => {
  await gw?.close();
});

const receipts = async (filter: WebhookReceiptFilter = {}, first = 20, after?: string) => (await gw.request(WebhookReceiptsDocument, { filter, first, after }, ADMIN_KEY)).webhookReceipts;
const replay = async (id: string) => (await gw.request(ReplayWebhookReceiptDocument, { input: { id } }, ADMIN_KEY)).replayWebhookReceipt;

let n = 0;
/** A failed PIN verification on `greenvn`: it names no allocation, so it applies to the active one holding that VN. */
const failedVerification = (greenvn: string) => ({ ...fixture('verification-failed.json'), call_sid: `replay${String(++n).padStart(26, '0')}`, greenvn });

/**
 * An instant no receipt shares, for the filters' ends (strict): a receipt's time is the store's
 * clock, to the millisecond on the embedded store, and a webhook posted within it would tie.
 */
async function instant(): Promise<string> {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 2));
  await tick();
  const at = new Date().toISOString();
  await tick();
  return at;
}

async function post(path: string, body: string | Buffer, contentType = 'application/json') {
  const res = await fetch(`${gw.url}/webhooks/${path}?token=${WEBHOOK_TOKEN}&note=kept`, { method: 'POST', headers: { 'content-type': contentType }, body });
  return res.status;
}

describe('the admin scope', () => {
  const LIST = 'query { webhookReceipts(first: 1) { edges { node { id } } } }';
  const documents = {
    'the field itself': LIST,
    'a named fragment': 'query { ...R } fragment R on Query { webhookReceipts(first: 1) { edges { node { id } } } }',
    'a fragment inside a fragment': 'query { ...A } fragment A on Query { ...B } fragment B on Query { webhookReceipts { pageInfo { hasNextPage } } }',
    'an inline fragment': 'query { providers { provider } ... on Query { webhookReceipts { edges { cursor } } } }',
    'the replay mutation': 'mutation { replayWebhookReceipt(input: { id: "x" }) { userErrors { code } } }',
  };

  it.each(Object.entries(documents))('refuses %s over HTTP with 403 FORBIDDEN to keys without it, before anything runs', async (_name, query) => {
    for (const key of [RW_KEY, RO_KEY]) {
      const r = await gw.post(query, {}, key);
      expect(r.status).toBe(403);
      expect(r.body.data).toBeUndefined();
      expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(r.body.errors?.[0]?.message).toMatch(/lacks the "(admin|read|write)" scope/);
    }
  });

  it.each(Object.entries(documents))('refuses %s over the WebSocket with FORBIDDEN; the socket stays open', async (_name, query) => {
    const client = gw.ws(RW_KEY);
    const r = await wsResult(client, query);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(r.data).toBeUndefined();
    expect((await wsResult(client, '{ providers { provider } }')).data).toBeDefined();
  });

  it('lets an admin key through on both transports, and leaves other fields to read and write keys', async () => {
    expect((await gw.post(LIST, {}, ADMIN_KEY)).status).toBe(200);
    expect((await wsResult(gw.ws(ADMIN_KEY), LIST)).data).toEqual({ webhookReceipts: expect.any(Object) });
    expect((await gw.post('{ providers { provider } }', {}, RO_KEY)).status).toBe(200);
    // A document with an admin operation beside it: only the operation that runs counts.
    const both = `query Mine { providers { provider } } ${LIST.replace('query', 'query Theirs')}`;
    const r = await fetch(gw.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${RO_KEY}` }, body: JSON.stringify({ query: both, operationName: 'Mine' }) });
    expect(r.status).toBe(200);
  });
});

describe('webhookReceipts', () => {
  it('lists every delivery newest first, with what became of it, filtered by provider, status and time, page by page', async () => {
    const before = await instant();
    const payload = JSON.stringify(failedVerification('+918049999001'));
    expect(await post('exotel/verifications', payload)).toBe(200); // unmatched: no allocation holds the VN
    expect(await post('exotel/verifications', payload)).toBe(200); // the same event again: unmatched too (the key was released)
    const middle = await instant();
    expect(await post('exotel/calls', '{"not":"a call"}')).toBe(400); // rejected
    expect(await post('delacon/calls', '{"PLA_Call_Id":"42001","PLA_CallResult":"Answered","PLA_Duration":"12s"}')).toBe(200);
    expect(await post('delacon/calls', '{"PLA_Call_Id":"42001","PLA_CallResult":"Answered","PLA_Duration":"12s"}')).toBe(200); // duplicate
    const after = await instant();

    const all = (await receipts({ receivedAfter: before, receivedBefore: after })).edges.map((e) => e.node);
    expect(all.map((r) => [r.provider, r.event, r.status])).toEqual([
      ['DELACON', 'calls', 'DUPLICATE'],
      ['DELACON', 'calls', 'APPLIED'],
      ['EXOTEL', 'calls', 'REJECTED'],
      ['EXOTEL', 'verifications', 'UNMATCHED'],
      ['EXOTEL', 'verifications', 'UNMATCHED'],
    ]);
    expect(all[2]).toMatchObject({ reason: expect.stringMatching(/call_sid/), eventKey: null, method: 'POST', contentType: 'application/json', bodyEncoding: 'TEXT', body: '{"not":"a call"}', bodyBase64: null });
    expect(all[3]!.query).toEqual([{ key: 'note', value: 'kept' }]);
    expect(all[3]!.body).toBe(payload);

    expect((await receipts({ provider: 'EXOTEL', status: 'UNMATCHED', receivedAfter: before })).edges).toHaveLength(2);
    expect((await receipts({ status: 'APPLIED', receivedAfter: before })).edges.map((e) => e.node.provider)).toEqual(['DELACON']);
    expect((await receipts({ receivedAfter: before, receivedBefore: middle })).edges.map((e) => e.node.id)).toEqual([all[3]!.id, all[4]!.id]);
    expect((await receipts({ receivedAfter: middle })).edges.map((e) => e.node.id)).toEqual(all.slice(0, 3).map((r) => r.id));

    // Pages of two; a receipt arriving meanwhile does not move the pages already begun.
    const first = await receipts({ receivedAfter: before }, 2);
    expect(await post('delacon/calls', '{"PLA_Call_Id":"42002","PLA_CallResult":"Answered","PLA_Duration":"3s"}')).toBe(200);
    const second = await receipts({ receivedAfter: before }, 2, first.pageInfo.endCursor!);
    const third = await receipts({ receivedAfter: before }, 2, second.pageInfo.endCursor!);
    expect([...first.edges, ...second.edges, ...third.edges].map((e) => e.node.id)).toEqual(all.map((r) => r.id));
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage, third.pageInfo.hasNextPage]).toEqual([true, true, false]);
  });

  it('refuses a range that ends before it starts, naming the argument', async () => {
    const r = await gw.post(WebhookReceiptsDocument, { filter: { receivedAfter: '2026-01-02T00:00:00Z', receivedBefore: '2026-01-01T00:00:00Z' } }, ADMIN_KEY);
    expect(r.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^filter\.receivedBefore: /), extensions: { code: 'BAD_USER_INPUT', argument: 'filter.receivedBefore' } });
  });

  it('never shows the webhook token, wherever a provider put it; a body kept as bytes is shown as text and exactly', async () => {
    const since = await instant();
    const echo = JSON.stringify({ ...failedVerification('+918049999002'), callback: `https://gw.example/webhooks/exotel/calls?token=${WEBHOOK_TOKEN}` });
    expect(await post('exotel/verifications', echo)).toBe(200);
    const bytes = Buffer.concat([Buffer.from(`{"call_sid":"x","echo":"${WEBHOOK_TOKEN}","bad":"`), Buffer.from([0xff, 0x00, 0xfe]), Buffer.from('"}')]);
    expect(await post('exotel/verifications', bytes)).toBe(400);

    const answer = await gw.post(WebhookReceiptsDocument, { filter: { provider: 'EXOTEL', receivedAfter: since } }, ADMIN_KEY);
    expect(JSON.stringify(answer.body)).not.toContain(WEBHOOK_TOKEN);
    const [binary, text] = answer.body.data!.webhookReceipts.edges.map((e) => e.node);
    expect(text!.body).toBe(echo.replace(WEBHOOK_TOKEN, '[redacted]'));
    expect(binary).toMatchObject({ status: 'REJECTED', bodyEncoding: 'BASE64', body: '{"call_sid":"x","echo":"[redacted]","bad":"\ufffd\ufffd\ufffd"}' });
    const redacted = Buffer.from(bytes.toString('latin1').replace(WEBHOOK_TOKEN, '[redacted]'), 'latin1');
    expect(Buffer.from(binary!.bodyBase64!, 'base64').equals(redacted)).toBe(true);
  });
});

describe('replayWebhookReceipt', () => {
  it('applies an unmatched event once its cause is fixed, once: a second replay, or a replay of its redelivery, is refused', async () => {
    const vn = '+918040001001'; // the sandbox's KA landline
    const payload = JSON.stringify(failedVerification(vn));
    expect(await post('exotel/verifications', payload)).toBe(200);
    expect(await post('exotel/verifications', payload)).toBe(200); // Exotel sent it again: a second unmatched receipt
    const [redelivery, original] = (await receipts({ provider: 'EXOTEL', status: 'UNMATCHED' })).edges.map((e) => e.node).filter((r) => r.body === payload);

    // Nothing to apply it to yet: replayed, it stays unmatched.
    expect(await replay(original!.id)).toMatchObject({ userErrors: [], receipt: { id: original!.id, status: 'UNMATCHED' } });

    const { allocateGreenVN } = await gw.request(ExotelAllocateDocument, {
      input: { aPartyNumbers: ['+919811000101'], bPartyNumbers: ['+919811000102'], usage: 'TWO_WAY', preferences: { region: 'KA', type: 'LANDLINE' }, strict: true },
    });
    const allocation = allocateGreenVN.allocation!;
    expect(allocation.greenVN).toBe(vn);
    const events = subscribe(gw.ws(), OnAllocationEventDocument, { filter: { allocationId: allocation.id } });
    await events.ready;

    expect(await replay(original!.id)).toMatchObject({ userErrors: [], receipt: { id: original!.id, status: 'APPLIED', reason: null } });
    expect((await events.next()).allocationEvents).toMatchObject({ kind: 'VERIFICATION_FAILED', allocationRef: allocation.providerRef, caller: '+919811000002', pin: '9999' });

    expect(await replay(original!.id)).toMatchObject({ receipt: null, userErrors: [{ code: 'NOT_PERMITTED', field: ['input', 'id'], message: expect.stringMatching(/applied already/) }] });
    expect(await replay(redelivery!.id)).toMatchObject({ receipt: null, userErrors: [{ code: 'NOT_PERMITTED', message: expect.stringMatching(/applied already \(by another delivery\)/) }] });
    expect(await events.drain(300)).toEqual([]);
    expect((await receipts({ provider: 'EXOTEL' })).edges.find((e) => e.node.id === redelivery!.id)?.node.status).toBe('UNMATCHED');
  });

  it('two replays at once apply the event once', async () => {
    const allocate = async () =>
      (
        await gw.request(ExotelAllocateDocument, {
          input: { aPartyNumbers: ['+919811000201'], bPartyNumbers: ['+919811000202'], usage: 'TWO_WAY', preferences: { region: 'DL', type: 'LANDLINE' }, strict: true },
        })
      ).allocateGreenVN.allocation!;
    const before = await allocate();
    await gw.request(ExotelDeallocateDocument, { input: { allocationId: before.id } });
    const since = await instant();
    expect(await post('exotel/verifications', JSON.stringify(failedVerification(before.greenVN!)))).toBe(200);
    const [unmatched] = (await receipts({ status: 'UNMATCHED', receivedAfter: since })).edges.map((e) => e.node);
    const now = await allocate();
    expect(now.greenVN).toBe(before.greenVN);
    const events = subscribe(gw.ws(), OnAllocationEventDocument, { filter: { allocationId: now.id } });
    await events.ready;

    const answers = await Promise.all([replay(unmatched!.id), replay(unmatched!.id)]);
    expect(answers.map((a) => a.receipt?.status ?? a.userErrors[0]?.code).sort()).toEqual(['APPLIED', 'NOT_PERMITTED']);
    expect((await events.next()).allocationEvents.kind).toBe('VERIFICATION_FAILED');
    expect(await events.drain(300)).toEqual([]);
  });

  it('refuses what cannot be replayed, with the field', async () => {
    const since = await instant();
    expect(await post('exotel/calls', '{"not":"a call"}')).toBe(400);
    const [rejected] = (await receipts({ status: 'REJECTED', receivedAfter: since })).edges.map((e) => e.node);
    expect(await replay(rejected!.id)).toMatchObject({ receipt: null, userErrors: [{ code: 'VALIDATION_FAILED', field: ['input', 'id'], message: expect.stringMatching(/^the payload still cannot be read: .*call_sid/) }] });
    expect(await replay('nonsense')).toMatchObject({ userErrors: [{ code: 'VALIDATION_FAILED', field: ['input', 'id'] }] });
    expect(await replay(Buffer.from('WebhookReceipt:999999999').toString('base64url'))).toMatchObject({ userErrors: [{ code: 'NOT_FOUND', field: ['input', 'id'] }] });
    const r = await gw.post(print(ReplayWebhookReceiptDocument), { input: { id: rejected!.id } }, RW_KEY);
    expect(r.status).toBe(403);
  });
});
