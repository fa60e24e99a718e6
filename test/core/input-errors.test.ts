/**
 * Input checks report every bad field at once, each as a userError naming its path: any set of
 * bad fields (fast-check picks them) comes back as exactly that set, nothing provisioned.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(async () => {
  await gw?.close();
});

const PROVISION = 'mutation($input: ProvisionNumbersInput!) { provisionNumbers(input: $input) { orders { id } userErrors { code field message } } }';
const UPDATE = 'mutation($input: UpdateServiceInput!) { updateService(input: $input) { parts { applied } userErrors { code field message } } }';

interface Case {
  provider: string;
  document: string;
  block: 'delacon' | 'avanser';
  /** Everything else of the input. */
  input: Record<string, unknown>;
  valid: Record<string, unknown>;
  /** A bad value for a field, and the path (inside the block) its userError names. */
  bad: Record<string, { value: unknown; field: string[] }>;
}

const CASES: Case[] = [
  {
    provider: 'DELACON',
    document: PROVISION,
    block: 'delacon',
    input: {},
    valid: { businessName: 'B', businessCategory: 'C', email: 'a@b.example', terminationNumber: '+61299998888', region: 'AUSTRALIA', numberType: '02', count: 1, acceptTerms: true },
    bad: {
      businessName: { value: ' ', field: ['businessName'] },
      email: { value: 'not-an-address', field: ['email'] },
      terminationNumber: { value: '+442079460000', field: ['terminationNumber'] },
      count: { value: 0, field: ['count'] },
      acceptTerms: { value: false, field: ['acceptTerms'] },
      orderSummaryEmail: { value: 'nope', field: ['orderSummaryEmail'] },
    },
  },
  {
    provider: 'DELACON',
    document: UPDATE,
    block: 'delacon',
    input: { serviceRef: '1001' },
    valid: { smsMessage: 'hello' },
    bad: {
      businessName: { value: '  ', field: ['businessName'] },
      email: { value: 'x@', field: ['email'] },
      transferTimeSeconds: { value: 1000, field: ['transferTimeSeconds'] },
      smsMessage: { value: 'x'.repeat(161), field: ['smsMessage'] },
      oneThreeHundredNumber: { value: '0299998888', field: ['oneThreeHundredNumber'] },
    },
  },
  {
    provider: 'AVANSER',
    document: PROVISION,
    block: 'avanser',
    input: {},
    valid: { name: 'Sales', serviceType: 'TRANSFER', answerPoint: '+61299998888', numbers: ['+61280740802'] },
    bad: {
      name: { value: ' ', field: ['name'] },
      answerPoint: { value: null, field: ['answerPoint'] },
      missedCallNotifications: { value: { emails: ['a@b.example', 'nope'] }, field: ['missedCallNotifications', 'emails', '1'] },
      numbers: { value: ['+61280740802', '+61280740802', '+61280740803', '+61280740803'], field: ['numbers'] },
      country: { value: 'Australia', field: ['country'] },
      count: { value: 2, field: ['count'] },
    },
  },
];

describe('every bad field at once', () => {
  it.each(CASES.map((c) => [`${c.provider} ${c.document === PROVISION ? 'provisionNumbers' : 'updateService'}`, c] as const))('%s', async (_, c) => {
    await fc.assert(
      fc.asyncProperty(fc.subarray(Object.keys(c.bad), { minLength: 1 }), async (fields) => {
        const block = { ...c.valid, ...Object.fromEntries(fields.map((f) => [f, c.bad[f]!.value])) };
        const r = await gw.post(c.document, { input: { provider: c.provider, ...c.input, [c.block]: block } });
        expect(r.body.errors).toBeUndefined();
        const payload = Object.values(r.body.data as Record<string, { userErrors: Array<{ code: string; field: string[]; message: string }> }>)[0]!;
        const paths = payload.userErrors.map((e) => e.field.join('.')).sort();
        // Each bad item of a list is reported: AVANSER's numbers hold two duplicates (items 1 and 3).
        const expected = fields.flatMap((f) => (f === 'numbers' ? [['numbers', '1'], ['numbers', '3']] : [c.bad[f]!.field])).map((p) => ['input', c.block, ...p].join('.'));
        expect(paths).toEqual(expected.sort());
        for (const e of payload.userErrors) expect(e.message).not.toBe('');
      }),
      { numRuns: 15 },
    );
  });
});
