import { describe, expect, it } from 'vitest';
import { InvalidPhoneNumber } from '../../src/domain/phone.js';
import {
  CALL_STATUSES,
  callEventPatch,
  callStatusOf,
  classOfKind,
  fromAvanserNumber,
  orderDraft,
  requestBody,
  serviceFields,
  serviceRecord,
  stockNumberRecord,
  stockQuery,
  toAvanserNumber,
  tryFromAvanser,
} from '../../src/datasources/avanser/mapping.js';
import { fixture } from './helpers.js';

const NOW = '2024-01-01T00:00:00.000Z';

describe('AVANSER numbers', () => {
  it.each([
    ['61280740802', '+61280740802'],
    ['+61280740802', '+61280740802'],
    ['+61-0280740801', '+61280740801'],
    ['+61-0405061663', '+61405061663'],
    ['+61-1300123456', '+611300123456'],
    [' 61132307 ', '+61132307'],
  ])('reads %s as %s', (value, e164) => {
    expect(fromAvanserNumber(value)).toBe(e164);
  });

  it('refuses what is not a number, leniently for webhook fields', () => {
    expect(() => fromAvanserNumber('anonymous')).toThrow(InvalidPhoneNumber);
    expect(tryFromAvanser('anonymous')).toBeUndefined();
    expect(tryFromAvanser('')).toBeUndefined();
    expect(tryFromAvanser('6113008786264')).toBeUndefined();
  });

  it('writes E.164 as international digits', () => {
    expect(toAvanserNumber('+61280740802')).toBe('61280740802');
  });

  it('maps unified kinds onto number classes: 13/1300 are local rate, 1800 free to the caller', () => {
    expect((['GEOGRAPHIC', 'LOCAL_RATE', 'TOLL_FREE', 'MOBILE'] as const).map(classOfKind)).toEqual(['GEO', 'TOLLFREE', 'FREECALL', 'MOBILE']);
  });
});

describe('stock search', () => {
  it('maps the vendor search reply', () => {
    const reply = fixture('search-sydney.json');
    const records = Object.entries(reply.response).map(([number, n]) => stockNumberRecord({ number, ...(n as object) }));
    expect(records).toEqual([
      {
        provider: 'AVANSER',
        e164: '+61280740802',
        kind: 'GEOGRAPHIC',
        status: 'AVAILABLE',
        region: 'NSW: Sydney',
        capabilities: ['VOICE'],
        pool: 'PRIVATE',
        details: { national: '0280740802', numberClass: 'GEO' },
      },
      expect.objectContaining({ e164: '+61280740805', pool: 'PRIVATE' }),
    ]);
  });

  it('shows public stock, mobile SMS, unknown classes and skips unreadable numbers', () => {
    expect(stockNumberRecord({ number: '61481000201', type: 'MOBILE', pool: 'public' })).toMatchObject({ kind: 'MOBILE', pool: 'PUBLIC', capabilities: ['VOICE', 'SMS'] });
    expect(stockNumberRecord({ number: '611300123456', type: 'tollfree' })).toMatchObject({ kind: 'LOCAL_RATE', pool: 'PUBLIC' });
    expect(stockNumberRecord({ number: '611800123456', type: 'FREECALL', pool: 'PRIVATE' })).toMatchObject({ kind: 'TOLL_FREE', pool: 'PRIVATE' });
    expect(stockNumberRecord({ number: '61280740802', type: 'SATELLITE' })?.kind).toBeUndefined();
    expect(stockNumberRecord({ number: 'x' })).toBeNull();
  });

  it('builds the query from a filter', () => {
    expect(stockQuery({ country: 'AU', szu: 'sydney' })).toEqual({ country: 'AU', szu: 'sydney' });
    expect(stockQuery({ country: 'AU', location: 'Parramatta', latitude: -33.8, longitude: 151, prefix: '0280', kind: 'LOCAL_RATE' })).toEqual({
      country: 'AU',
      location: 'Parramatta',
      latitude: '-33.8',
      longitude: '151',
      prefix: '0280',
      type: 'TOLLFREE',
    });
  });
});

describe('service requests', () => {
  const settings = { customId: 'custom_id #1', customGroup: 'custom_group #1', serviceType: 'TRANSFER' as const, answerPoint: '+61401603859', recordCalls: true };
  const uris = { call_uri: 'http://desired.uri.to/debug.php?call_uri=service1', callback_uri: 'http://desired.uri.to/debug.php?callback_uri=service1' };

  it('writes the vendor request by number', () => {
    const body = requestBody({ ...settings, name: 'service #1', answerPointName: 'answerpoint #1' }, { type: 'NUMBER', country: 'AU', number: '+61280740801' }, uris);
    expect(body).toEqual(fixture('request-by-number.json'));
  });

  it('writes the vendor request by SZU', () => {
    const body = requestBody(
      { ...settings, name: 'service #3', customId: 'custom_id #3', customGroup: 'custom_group #3', answerPointName: 'answerpoint #3' },
      { type: 'SZU', country: 'AU', szu: 'sydney' },
      uris,
    );
    expect(body).toEqual(fixture('request-by-szu.json'));
  });

  it('writes the other search types and the service settings', () => {
    const body = requestBody(
      { name: 'n', serviceType: 'VOICEMAIL', missedCallNotifications: { emails: ['a@example.com'], smsNumbers: ['+61401603859'] } },
      { type: 'COORDINATES', country: 'AU', latitude: -33.8, longitude: 151, kind: 'GEOGRAPHIC' },
      uris,
    );
    expect(body.service_number).toEqual({ search_type: 'coordinates', country: 'AU', latitude: -33.8, longitude: 151, type: 'GEO' });
    expect(body.service).toEqual({ type: 'voicemail', missed_call_notification: { email: ['a@example.com'], sms: ['61401603859'] } });
    expect(requestBody({ name: 'n', serviceType: 'PROMPT' }, { type: 'NUMBER_TYPE', country: 'AU', kind: 'MOBILE' }, uris).service_number).toEqual({
      search_type: 'number_type',
      country: 'AU',
      type: 'MOBILE',
    });
  });

  it('writes the vendor update', () => {
    const sample = fixture('update-request.json');
    expect({ ...serviceFields({ answerPoint: '+61132307' }), call_uri: sample.call_uri, callback_uri: sample.callback_uri }).toEqual(sample);
  });

  it('reads acknowledgements as pending orders', () => {
    expect(orderDraft(fixture('ack-by-number.json').response)).toEqual({
      status: 'PENDING',
      providerRef: 'a852650ae8689da0b0632f0c6c276e919d7a7b6e',
      serviceRef: '+61280740801',
      numbers: ['+61280740801'],
      message: 'Success',
    });
    expect(orderDraft(fixture('ack-by-szu.json').response)).toMatchObject({ providerRef: 'cebaa4ba54ecacb5054e2a4de54842e5a70ec0eb', serviceRef: '+61280740805' });
    expect(orderDraft(fixture('ack-update.json').response)).toMatchObject({ status: 'PENDING', serviceRef: '+61280740801' });
  });

  it.each([
    ['completed', 'COMPLETED'],
    ['Failed', 'FAILED'],
    ['pending', 'PENDING'],
    ['something new', 'PENDING'],
  ])('reads a polled request status %s as %s', (status, expected) => {
    expect(orderDraft({ request_id: 'r', status, service_number: '61280740801' }).status).toBe(expected);
  });
});

describe('services', () => {
  it('maps a service and keeps its callback URLs out', () => {
    const record = serviceRecord(
      '+61280740801',
      {
        ...fixture('request-by-number.json'),
        status: 'active',
        updated: '2017-06-14T10:29:49+10:00',
        service: { type: 'transfer', answer_point: '61401603859', answer_point_name: 'answerpoint #1', record_call: true, missed_call_notification: { email: ['a@b.co'], sms: ['61401603859'] } },
      },
      NOW,
    );
    expect(record).toEqual({
      provider: 'AVANSER',
      providerRef: '+61280740801',
      name: 'service #1',
      numbers: ['+61280740801'],
      destination: '+61401603859',
      destinationName: 'answerpoint #1',
      recording: true,
      settings: { type: 'transfer', status: 'active', missedCallEmails: 'a@b.co', missedCallSms: '+61401603859' },
      customId: 'custom_id #1',
      customGroup: 'custom_group #1',
      updatedAt: '2017-06-14T00:29:49.000Z',
    });
    expect(JSON.stringify(record)).not.toContain('desired.uri.to');
  });

  it('keeps an answer point that is not a valid number verbatim and drops empty custom fields', () => {
    const cb = fixture('callback-update.json');
    const record = serviceRecord('+61280740801', { custom_id: cb.custom_id, custom_group: cb.custom_group, service: { answer_point: cb.answer_point } }, NOW);
    expect(record).toMatchObject({ destination: '6113008786264', customId: undefined, customGroup: undefined, updatedAt: NOW, settings: {} });
  });
});

describe('call reports', () => {
  it('maps the vendor Call-URI report', () => {
    const q = fixture<Record<string, string>>('call-report.json');
    expect(callEventPatch(q, q.callid!)).toEqual({
      provider: 'AVANSER',
      providerCallId: '36012012',
      status: 'ANSWERED',
      from: '+61405061663',
      to: '+61280740801',
      forwardedTo: '+61401603859',
      forwardedToName: 'answerpoint #1',
      answeredBy: '+61401603859',
      answeredByName: 'answerpoint #1',
      startedAt: '2017-06-11T06:49:17.000Z',
      // AVANSER reports no end: tzdate + duration.
      endedAt: '2017-06-11T06:49:32.000Z',
      durationSeconds: 15,
      voicemailLeft: undefined,
      callerLocation: { description: 'Mobile', state: 'MOB', country: 'AU' },
      serviceRef: '+61280740801',
      serviceName: 'service #1',
      customId: 'custom_id #1',
      customGroup: 'custom_group #1',
      switchCallId: 'ECS1-1497163757.20486',
      providerAccount: '7xxx',
      raw: { report: q },
    });
  });

  it('does not credit the answer point with a call it did not answer', () => {
    const q = { ...fixture<Record<string, string>>('call-report.json'), callstatus: 'avanser_missed_call', callcode: '2', duration: '0', clocation: '', cstate: '', ccountry: '' };
    // The target was still where the call went.
    expect(callEventPatch(q, 'c')).toMatchObject({ status: 'MISSED', forwardedTo: '+61401603859', answeredBy: undefined, answeredByName: undefined, durationSeconds: 0, callerLocation: undefined });
  });

  it.each(CALL_STATUSES.map((s) => [s.callstatus, s.callcode, s.status]))('reads %s / %s as %s', (callstatus, callcode, status) => {
    expect(callStatusOf(callstatus, undefined)).toBe(status);
    expect(callStatusOf(undefined, callcode)).toBe(status);
  });

  it('reads variants by their words, then by code, and leaves the unknown undefined', () => {
    expect(callStatusOf('avanser_unanswered_call', '1')).toBe('MISSED');
    expect(callStatusOf('AVANSER_NO_ANSWER', undefined)).toBe('MISSED');
    expect(callStatusOf('avanser_something_call', '3')).toBe('BUSY');
    expect(callStatusOf('avanser_something_call', '99')).toBeUndefined();
    expect(callEventPatch({ callid: '1', callstatus: 'avanser_something_call' }, '1').status).toBe('FAILED');
  });
});
