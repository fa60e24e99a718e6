import { describe, expect, it } from 'vitest';
import {
  boolish,
  callStatus,
  durationSeconds,
  exotelTime,
  formatExotelTime,
  joinParty,
  toAllocation,
  toCreateBody,
  toUpdatePartiesBody,
  toUpdateVnBody,
  unwrapOne,
} from '../../src/datasources/exotel/mapping.js';
import type { Envelope, GreenVnData } from '../../src/datasources/exotel/wire.js';
import { fixture, TZ } from './helpers.js';

const at = { now: '2024-05-01T10:00:00.000Z' };
const dataOf = (name: string) => (unwrapOne(fixture<Envelope>(name)) as Envelope).data as GreenVnData;

describe('allocation samples of the vendor page', () => {
  it('create response: green_vn, one-way, masked numbers dropped', () => {
    expect(toAllocation(dataOf('create-response.json'), { ...at, expiresAt: '2024-05-01T10:10:00.000Z' })).toEqual({
      provider: 'EXOTEL',
      providerRef: '123456',
      connectionId: 'abcd12345',
      greenVN: '+918012345678',
      aPartyNumbers: [],
      bPartyNumbers: [],
      aPartyPins: [],
      bPartyPins: [],
      usage: 'ONE_WAY',
      state: 'ACTIVE',
      flowId: undefined,
      expiresAt: '2024-05-01T10:10:00.000Z',
      createdAt: at.now,
      updatedAt: at.now,
      refreshedAt: at.now,
    });
  });

  it('get and delete responses: active and vault', () => {
    expect(toAllocation(dataOf('get-response.json'), at)).toMatchObject({ state: 'ACTIVE', usage: 'TWO_WAY', aPartyNumbers: [], bPartyNumbers: ['+919876543210'] });
    expect(toAllocation(dataOf('delete-response.json'), at)).toMatchObject({ state: 'DEALLOCATED', greenVN: '+918012345678', providerRef: '123456' });
  });

  it('a pin is a positive whole number GraphQL’s Int holds; anything else is none', () => {
    const pins = [1e20, 4294967296, -5, 0, '12.5', '1e3', null, '', '1234', 1234];
    expect(toAllocation({ ...dataOf('update-parties-response.json'), aparty_pins: pins }, at).aPartyPins).toEqual([1234, 1234]);
  });

  it('update responses: pins, and the new VN', () => {
    expect(toAllocation(dataOf('update-parties-response.json'), at)).toMatchObject({ aPartyPins: [12340], bPartyPins: [2340], usage: 'TWO_WAY' });
    expect(toAllocation(dataOf('update-vn-response.json'), at)).toMatchObject({
      greenVN: '+917205827365',
      aPartyNumbers: ['+919176226528', '+911234567891'],
      bPartyNumbers: ['+918136966620'],
    });
  });

  it('the NOTES envelope: greenvn (not green_vn), code null, pins', () => {
    const env = fixture<Envelope>('envelope-notes.json');
    expect(env.code).toBeNull();
    expect(toAllocation(env.data as GreenVnData, at)).toMatchObject({ greenVN: '+914048212136', aPartyPins: [1234], bPartyPins: [2345], connectionId: 'X1' });
  });

  it('the error sample comes as a one-element array', () => {
    expect(unwrapOne(fixture('error-duplicate-connection.json'))).toMatchObject({ success: false, status: 409, code: 18 });
  });

  it('reads pins as strings or [null], flow ids and numeric ids', () => {
    const a = toAllocation({ greenvn_id: 42, connection_id: 'c', aparty_pins: ['77', null], bparty_pins: [null], greenvn: ['+918040001001'], flow_id: 4521 }, at);
    expect(a).toMatchObject({ providerRef: '42', aPartyPins: [77], bPartyPins: [], greenVN: '+918040001001', flowId: '4521' });
  });
});

describe('request bodies', () => {
  it('create: the vendor example from an AllocateRequest', () => {
    const body = toCreateBody({
      connectionId: 'X1',
      aPartyNumbers: ['+919176226528', '+911234567891'],
      bPartyNumbers: ['+918136966620'],
      usage: 'TWO_WAY',
      deallocateAfterSeconds: 600,
    });
    expect(JSON.parse(JSON.stringify(body))).toEqual(fixture('create-request.json'));
  });

  it('create: pins, strictness as a string, preferences with type, flow id', () => {
    const body = toCreateBody({
      connectionId: 'X2',
      aPartyNumbers: ['+919176226528'],
      bPartyNumbers: ['+918136966620'],
      aPartyPins: [1234],
      bPartyPins: [],
      usage: 'ONE_WAY',
      strict: true,
      preferences: { region: 'KA', pinCode: '560001', type: 'LANDLINE', greenVN: '+918040001001' },
      flowId: '4521',
    });
    expect(JSON.parse(JSON.stringify(body))).toEqual({
      connection_id: 'X2',
      aparty_numbers: ['+919176226528'],
      bparty_numbers: ['+918136966620'],
      aparty_pins: [1234],
      usage: 'oneway',
      strictness: 'true',
      preferences: { greenvn: '+918040001001', region: 'KA', pin_code: '560001', type: 'landline' },
      flow_id: '4521',
    });
  });

  it('update parties and update VN match the vendor examples', () => {
    const parties = toUpdatePartiesBody({ aPartyNumbers: ['+91995XXXXX40', '+9199XXXXXX41'], bPartyNumbers: ['+91798XXXXX40', '+9179XXXX6841'], aPartyPins: [12340], bPartyPins: [2340], usage: 'TWO_WAY' });
    expect(JSON.parse(JSON.stringify(parties))).toEqual(fixture('update-parties-request.json'));
    const vn = toUpdateVnBody({ strict: false, preferences: { greenVN: '+917205827365', region: 'KA', type: 'LANDLINE' } });
    expect(vn).toEqual(fixture('update-vn-request.json'));
    expect(JSON.stringify(toUpdateVnBody({}))).toBe('{}');
  });
});

describe('loose values', () => {
  it('timestamps: bogus offsets and zone-less times take the account timezone', () => {
    expect(exotelTime('2021-01-19T19:17:03+50:30', TZ)).toBe('2021-01-19T13:47:03.000Z');
    expect(exotelTime('2021-09-24 07:05:28', TZ)).toBe('2021-09-24T01:35:28.000Z');
    expect(exotelTime('2021-09-24 07:05:28', '+00:00')).toBe('2021-09-24T07:05:28.000Z');
    expect(exotelTime('2021-11-09T10:09:15+05:30', '+00:00')).toBe('2021-11-09T04:39:15.000Z');
    expect(exotelTime('2021-11-09T10:09:15Z', TZ)).toBe('2021-11-09T10:09:15.000Z');
    expect(exotelTime('2021-11-09T10:09:15+0100', TZ)).toBe('2021-11-09T09:09:15.000Z');
    expect(exotelTime('2021-11-09T10:09:15+05:75', TZ)).toBe('2021-11-09T04:39:15.000Z');
    expect(exotelTime('yesterday', TZ)).toBeUndefined();
    expect(exotelTime(undefined, TZ)).toBeUndefined();
  });

  it('formats times the way Exotel writes them', () => {
    expect(formatExotelTime(new Date('2021-09-24T01:35:28.000Z'), TZ)).toBe('2021-09-24 07:05:28');
    expect(formatExotelTime(new Date('2021-09-24T01:35:28.000Z'), '-03:00')).toBe('2021-09-23 22:35:28');
  });

  it('durations in d/h/m/s, strings or numbers', () => {
    expect(durationSeconds('600s')).toBe(600);
    expect(durationSeconds('20m')).toBe(1200);
    expect(durationSeconds('2h')).toBe(7200);
    expect(durationSeconds('1d')).toBe(86400);
    expect(durationSeconds('45')).toBe(45);
    expect(durationSeconds(30)).toBe(30);
    expect(durationSeconds('ten minutes')).toBeUndefined();
    expect(durationSeconds(-1)).toBeUndefined();
  });

  it('strictness as string or boolean', () => {
    expect([boolish('true'), boolish(true), boolish('false'), boolish(false), boolish('yes')]).toEqual([true, true, false, false, undefined]);
  });

  it('call status from call_type and dial_call_status', () => {
    expect(callStatus('completed', 'completed')).toBe('ANSWERED');
    expect(callStatus('completed', 'busy')).toBe('BUSY');
    expect(callStatus('incomplete', 'no-answer')).toBe('MISSED');
    expect(callStatus('incomplete', 'la-null')).toBe('MISSED');
    expect(callStatus('voicemail', 'completed')).toBe('VOICEMAIL');
    expect(callStatus('incomplete', 'failed')).toBe('FAILED');
    expect(callStatus('client-hangup', 'canceled')).toBe('FAILED');
    expect(callStatus(undefined, undefined)).toBe('MISSED');
  });

  it('a verified caller joins the party holding the pin, once', () => {
    const a = toAllocation(fixture<Envelope>('envelope-notes.json').data as GreenVnData, at);
    expect(joinParty(a, '+919811000001', 2345, 'later')).toMatchObject({ bPartyNumbers: ['+918136966620', '+919811000001'], aPartyNumbers: ['+919176226528'], updatedAt: 'later' });
    expect(joinParty(a, '+919811000001', 1234, 'later')).toMatchObject({ aPartyNumbers: ['+919176226528', '+919811000001'] });
    expect(joinParty(a, '+919811000001', 9999, 'later')).toBeUndefined();
    expect(joinParty(a, '+919176226528', 1234, 'later')).toBeUndefined();
  });
});
