/**
 * Words that name JavaScript's own properties ("constructor", "__proto__", "toString" …) where a
 * provider sends a status, a state or a code: the mappings' tables must find nothing for them.
 * In plain objects they found Object's own function, which crashed the gateway when it went to
 * the store's thread, or its prototype, which was read as a success.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderStatusOf, stockNumberRecord } from '../../src/datasources/avanser/mapping.js';
import { callPatch } from '../../src/datasources/delacon/mapping.js';
import { callStatus, toAllocation } from '../../src/datasources/exotel/mapping.js';
import { codeFailure, statusRow } from '../../src/datasources/voipinnovations/errors.js';
import { didToNumber } from '../../src/datasources/voipinnovations/mapping.js';
import { ErrorCode } from '../../src/errors.js';
import { startTestGateway, type TestGateway } from '../helpers/gateway.js';

const WORDS = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];

describe('in upstream answers', () => {
  it.each(WORDS)('%s: no status, state, kind or success', (word) => {
    const allocation = toAllocation({ greenvn_id: 'g1', connection_id: 'c1', greenvn: '+918040001001', state: word }, { now: '2024-01-01T00:00:00.000Z' });
    expect(allocation.state).toBe('ACTIVE');
    expect(orderStatusOf(word)).toBeUndefined();
    expect(stockNumberRecord({ number: '61280740802', type: word })?.kind).toBeUndefined();
    expect(didToNumber({ tn: '4353198001', availability: word }, 'ACTIVE')?.status).toBe('ACTIVE');
    // An unknown code per DID is a refusal, at the top level an upstream error: never a success.
    expect(statusRow(word).code).toBe(ErrorCode.PROVIDER_REJECTED);
    expect(codeFailure(word, { topLevel: true })?.code).toBe(ErrorCode.UPSTREAM_ERROR);
  });
});

describe('in webhooks', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway();
  });
  afterAll(async () => {
    await gw?.close();
  });

  it.each(WORDS)('%s as an Exotel call status: the call is kept as MISSED, the gateway keeps answering', async (word) => {
    expect(callStatus(word, word)).toBe('MISSED');
    const sid = `proto-${word}`;
    const res = await gw.webhook('exotel/calls', { call_sid: sid, from: '+919590000342', to: '+917760000969', greenvn: '+918040000513', dial_call_status: word, call_type: word });
    expect(res.status).toBe(200);
    const [row] = await gw.running.db.query<{ status: string }>(`SELECT data->>'status' AS status FROM call_events WHERE provider = 'EXOTEL' AND provider_call_id = $1`, [sid]);
    expect(row?.status).toBe('MISSED');
  });

  it('a value that cannot cross to the store thread fails its own statement, not the ones sent with it, nor the process', async () => {
    const db = gw.running.db;
    const [bad, good] = await Promise.allSettled([db.query('SELECT $1::text AS v', [Object]), db.query<{ one: number }>('SELECT 1 AS one')]);
    expect(bad.status).toBe('rejected');
    expect(good).toEqual({ status: 'fulfilled', value: [{ one: 1 }] });
  });

  it.each(WORDS)('%s as a Delacon conversion: none', (word) => {
    const patch = callPatch('end', { PLA_Call_Id: '1', PLA_Converted: word }, {}, { country: 'AU' });
    expect(patch.conversion).toBeUndefined();
  });
});
