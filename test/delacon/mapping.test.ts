import { describe, expect, it } from 'vitest';
import type { ProvisionReply } from '../../src/datasources/delacon/wire.js';
import {
  callPatch,
  callStatus,
  durationSeconds,
  numberTypesOf,
  parseNumbers,
  provisionForm,
  provisionOutcome,
  startTime,
  updateSteps,
  updatedService,
  provisionedBy,
  waitOrderResult,
} from '../../src/datasources/delacon/mapping.js';
import { webhookRoutes } from '../../src/datasources/delacon/webhooks.js';
import type { DelaconProvisionInput } from '../../src/datasources/delacon/inputs.js';
import { fixture, responses, webhookRequest } from './helpers.js';

const callsRoute = webhookRoutes().find((r) => r.event === 'calls')!;

const AT = '2024-01-01T00:00:00.000Z';
const newCustomer: DelaconProvisionInput = {
  businessName: 'Harbour Plumbing',
  businessCategory: 'Plumbing',
  email: 'office@harbour.example',
  terminationNumber: '+61298765432',
  businessId: '0298765400',
  features: ['CALL_RECORDING', 'CALL_FEEDBACK_SURVEY'],
  region: 'HONG_KONG',
  numberType: '800',
  count: 3,
  orderSummaryEmail: 'orders@harbour.example',
  acceptTerms: true,
};

const AU = { country: 'AU' } as const;

describe('Live Call Data Push samples', () => {
  it('maps the vendor call start sample', () => {
    const push = callsRoute.read(webhookRequest(fixture('call-start.json')));
    expect(push.phase).toBe('start');
    expect(callsRoute.eventKey(push)).toBe('1122334:start');
    const patch = callPatch(push.phase, push.fields, push.raw, AU);
    expect(patch).toEqual({
      provider: 'DELACON',
      providerCallId: '1122334',
      status: 'RINGING',
      from: '+61444444444',
      to: '+61288889999',
      startedAt: '2019-05-02T00:12:17.003Z',
      // PLA_CID is the Delacon Service ID; no stored company matched, so no serviceRef.
      providerServiceId: '123',
      serviceName: 'abc',
      serviceCategory: 'abc',
      callerLocation: { exchange: 'abc', city: 'abc', state: 'abc' },
      attribution: {
        searchEngine: 'abc',
        searchType: 'abc',
        keywords: 'abc',
        referrer: 'abc',
        landingPage: 'https://www.delaconconcorp.com.au?gclid=C152ddsa12213123132',
        pageCalledFrom: 'https://www.delaconcorp.com/contact_us',
        sessionId: 'Cuei212417iiyskskiidfsikks',
        gaClientId: '123456.4567',
      },
      raw: { start: JSON.parse(fixture('call-start.json')) },
    });
  });

  it('maps the vendor call end sample, trailing comma and all', () => {
    const request = webhookRequest(fixture('call-end.txt'));
    expect(request.body).toBeUndefined(); // not valid JSON: the route reads rawBody itself
    const push = callsRoute.read(request);
    expect(push.phase).toBe('end');
    expect(callsRoute.eventKey(push)).toBe('1122334:end');
    // The start came first: the end is start + PLA_Duration.
    expect(callPatch(push.phase, push.fields, push.raw, { country: 'AU', serviceRef: '77', earlier: { startedAt: '2019-05-02T00:12:17.003Z' } })).toEqual({
      provider: 'DELACON',
      providerCallId: '1122334',
      providerServiceId: '123',
      serviceRef: '77',
      endedAt: '2019-05-02T00:13:07.003Z',
      status: 'ANSWERED',
      // 9 digits: no Australian number, so it is shown as Delacon sent it.
      answeredByName: '029898989',
      durationSeconds: 50,
      voicemailLeft: true,
      surveyOutcome: 'Sale',
      saleAmount: 'abc',
      conversion: 'ONLINE',
      ivrChoice: '1234',
      recordingUrl: 'https://pla.delaconcorp.com......abc.wav',
      recordingStreamUrl: 'https://pla.delaconcorp.com......abc.wav?mode=direct',
      raw: { end: expect.objectContaining({ PLA_RecordingFile: ' https://pla.delaconcorp.com......abc.wav', PLA_Call_Id: '1122334' }) },
    });
  });

  it('keeps unknown PLA_* fields in raw and reads an answering point number', () => {
    const body = { PLA_Call_Id: '7', PLA_CallResult: 'Busy', PLA_Answering_Point: '0298765432', PLA_Converted: '', PLA_assignee: 'Kim', PLA_RecordingFile: 'https://x/play?id=7' };
    const push = callsRoute.read(webhookRequest(JSON.stringify(body)));
    const patch = callPatch(push.phase, push.fields, push.raw, AU);
    expect(patch.raw.end).toEqual(body);
    expect(patch).toMatchObject({ status: 'BUSY', answeredBy: '+61298765432', conversion: 'OFFLINE', recordingStreamUrl: 'https://x/play?id=7&mode=direct' });
    expect(patch.answeredByName).toBeUndefined();
  });

  it.each([
    ['Answered', 'No', 50, 'ANSWERED'],
    ['Answered', 'Yes', 50, 'ANSWERED'],
    ['Unanswered', 'No', 0, 'MISSED'],
    ['No Answer', 'No', 0, 'MISSED'],
    ['unanswered', 'Yes', 20, 'VOICEMAIL'],
    ['Busy', 'No', 0, 'BUSY'],
    ['Busy', 'Yes', 0, 'VOICEMAIL'],
    ['Failed', 'No', 0, 'FAILED'],
    ['', 'No', 12, 'ANSWERED'],
    ['', 'No', 0, 'MISSED'],
  ] as const)('call result %s, voicemail %s, %ss -> %s', (result, voicemail, seconds, status) => {
    expect(callStatus(result, voicemail === 'Yes', seconds)).toBe(status);
  });

  it('reads durations and start times leniently', () => {
    expect(durationSeconds('50s')).toBe(50);
    expect(durationSeconds('0s')).toBe(0);
    expect(durationSeconds('1m 5s')).toBe(65);
    expect(durationSeconds('75')).toBe(75);
    expect(durationSeconds('soon')).toBeUndefined();
    expect(durationSeconds('')).toBeUndefined();
    expect(startTime('00000001556755937003')).toBe('2019-05-02T00:12:17.003Z');
    expect(startTime('2019-05-02')).toBeUndefined();
    expect(startTime('99999999999999999999')).toBeUndefined();
  });
});

describe('Create Customer', () => {
  it('builds the new-customer form in national numbers and vendor names', () => {
    expect(provisionForm(newCustomer)).toEqual({
      BusinessName: 'Harbour Plumbing',
      BusCat: 'Plumbing',
      EmailAddress: 'office@harbour.example',
      TerminationNumber: '0298765432',
      BusID: '0298765400',
      features: 'CallRecording,CallFeedbackSurvey',
      region: 'Hong Kong',
      numberType: '800',
      numbers: '3',
      orderSummaryEmail: 'orders@harbour.example',
      termsCheck: 'on',
    });
  });

  it('sends only companyID and numbers for an existing company', () => {
    expect(provisionForm({ companyId: '999', count: 2 })).toEqual({ companyID: '999', numbers: '2' });
  });

  it('maps OK to a completed order, the company and its numbers', () => {
    const reply = { RESULT: 'OK', OrderId: '53', CID: '999', Numbers: '800912345, 39123456, 1234' } as ProvisionReply;
    const outcome = provisionOutcome(newCustomer, reply, AT);
    expect(outcome.orders).toEqual([
      {
        status: 'COMPLETED',
        providerRef: '53',
        serviceRef: '999',
        numbers: ['+852800912345', '+85239123456'],
        message: 'Delacon provisioned 3 number(s) for company 999; not readable as Hong Kong numbers: 1234',
        providerStatus: 'OK',
      },
    ]);
    expect(outcome.services).toEqual([
      {
        provider: 'DELACON',
        providerRef: '999',
        // Stored with the company: its pushes' national numbers are read in this country.
        region: 'HONG_KONG',
        country: 'HK',
        name: 'Harbour Plumbing',
        numbers: ['+852800912345', '+85239123456'],
        destination: '+61298765432',
        recording: true,
        settings: {
          businessCategory: 'Plumbing',
          email: 'office@harbour.example',
          businessId: '0298765400',
          region: 'HONG_KONG',
          numberType: '800',
          features: 'CALL_RECORDING,CALL_FEEDBACK_SURVEY',
        },
        updatedAt: AT,
      },
    ]);
    // The kind is Hong Kong's numbering plan's: 800 is free to the caller, 3 a fixed line.
    expect(outcome.owned.map((n) => [n.e164, n.kind, n.status, n.serviceRef, n.region, n.details])).toEqual([
      ['+852800912345', 'TOLL_FREE', 'ACTIVE', '999', 'Hong Kong', { numberType: '800', delaconOrderId: '53' }],
      ['+85239123456', 'GEOGRAPHIC', 'ACTIVE', '999', 'Hong Kong', { numberType: '800', delaconOrderId: '53' }],
    ]);
  });

  it('reads the vendor OK sample for a company order in Australia by default', () => {
    const outcome = provisionOutcome({ companyId: '999', count: 3 }, responses.provision!.ok as unknown as ProvisionReply, AT);
    // The vendor's sample numbers are placeholders: none is a real Australian number.
    expect(outcome.orders[0]).toMatchObject({ status: 'COMPLETED', providerRef: '53', serviceRef: '999', numbers: [] });
    expect(outcome.orders[0]!.message).toContain('1234, 3456, 5678');
    expect(outcome.services).toEqual([{ provider: 'DELACON', providerRef: '999', numbers: [], settings: {}, updatedAt: AT }]);
  });

  it('maps the WAIT and FAIL samples to pending and failed orders', () => {
    const wait = provisionOutcome(newCustomer, responses.provision!.wait as unknown as ProvisionReply, AT);
    expect(wait).toEqual({ orders: [{ status: 'PENDING', providerRef: '53', numbers: [], message: responses.provision!.wait!.MESSAGE, providerStatus: 'WAIT', country: 'HK' }], numbers: [], services: [], owned: [] });
    const fail = provisionOutcome({ companyId: '999', count: 1 }, responses.provision!.fail as unknown as ProvisionReply, AT);
    expect(fail.orders).toEqual([{ status: 'FAILED', providerRef: '53', serviceRef: '999', numbers: [], message: responses.provision!.fail!.MESSAGE, providerStatus: 'FAIL' }]);
  });

  it('splits and normalises Numbers', () => {
    expect(parseNumbers('0280740001,0280740002 , 12', 'AU')).toEqual({ numbers: ['+61280740001', '+61280740002'], unreadable: ['12'] });
    expect(parseNumbers(undefined, 'AU')).toEqual({ numbers: [], unreadable: [] });
    // The same number twice (once nationally, once in E.164) is one number of the order.
    expect(parseNumbers('0288889999, +61288889999, 0288889999', 'AU')).toEqual({ numbers: ['+61288889999'], unreadable: [] });
  });

  it('maps the Get Region Number Types sample', () => {
    expect(numberTypesOf(responses.numberTypes!.ok as never)).toEqual([
      // The answer's Region (a locale) stays with each type.
      { key: '0120', description: '0120 Japan Toll Free Number', region: 'ja-jp' },
      { key: '03', description: '03 Tokyo', region: 'ja-jp' },
    ]);
  });
});

describe('Update Customer', () => {
  it('sends settings together and each billing flag alone, in vendor spelling', () => {
    const steps = updateSteps({
      ivr: true,
      businessName: 'Harbour Plumbing & Gas',
      callFeedbackSurvey: false,
      terminationNumber: '+61298765000',
      transferType: 'TRANSFER_AND_EMAIL',
      voicemail: true,
      transferTimeSeconds: 30,
      callTracking: 'ALL_UTM_MEDIUM_CPC',
      callRecording: true,
      whisper: false,
      smsMessage: null as unknown as undefined,
    });
    expect(steps).toEqual([
      {
        fields: ['businessName', 'terminationNumber', 'whisper', 'transferType', 'voicemail', 'transferTimeSeconds', 'callTracking'],
        form: { BusinessName: 'Harbour Plumbing & Gas', TerminationNumber: '0298765000', whisper: 'N', xfertype: '3', voicemal: 'Y', xfertime: '30', CallTrack: 'AllUtmMediumCpc' },
      },
      { fields: ['callRecording'], form: { CallRecording: 'Y' } },
      { fields: ['callFeedbackSurvey'], form: { CallFeedbackSurevy: 'N' } },
      { fields: ['ivr'], form: { IVR: 'Y' } },
    ]);
  });

  it('sends a lone billing flag as one request', () => {
    expect(updateSteps({ ivr: false })).toEqual([{ fields: ['ivr'], form: { IVR: 'N' } }]);
  });

  it('describes what was applied in readable settings', () => {
    const update = { businessName: 'B', dnis: true, callRecording: false, musicOnHold: true };
    expect(updatedService('999', update, ['businessName', 'dnis', 'callRecording'], AT)).toEqual({
      provider: 'DELACON',
      providerRef: '999',
      name: 'B',
      numbers: [],
      destination: undefined,
      recording: false,
      settings: { businessName: 'B', dnis: 'true', callRecording: 'false' },
      updatedAt: AT,
    });
  });
});

describe('Post Provisioning Response: the company and numbers it names', () => {
  it('reads CID and Numbers fields first, else the Message; names nothing when neither says', () => {
    expect(provisionedBy({ CID: '999', Numbers: '0312345678, 0312345679', Message: 'Order 53 is complete: company 1, numbers 0299990000' })).toEqual({ cid: '999', list: '0312345678, 0312345679' });
    expect(provisionedBy({ Message: 'Order 53 is complete: company 999, numbers 0312345678, 0312345679' })).toEqual({ cid: '999', list: '0312345678, 0312345679' });
    expect(provisionedBy({ Message: 'Order 53 is complete. The order summary has been sent by e-mail.' })).toEqual({ cid: undefined, list: undefined });
  });

  it('reads national numbers in the given country, sets aside what it cannot read', () => {
    const made = waitOrderResult('999', '0312345678, 0312345679, 12', 'JP', '53', AT);
    expect(made.numbers.map((n) => [n.e164, n.region, n.serviceRef, n.details?.delaconOrderId])).toEqual([
      ['+81312345678', 'Japan', '999', '53'],
      ['+81312345679', 'Japan', '999', '53'],
    ]);
    expect(made.unreadable).toEqual(['12']);
    expect(made.service).toEqual({ provider: 'DELACON', providerRef: '999', region: 'JAPAN', country: 'JP', numbers: ['+81312345678', '+81312345679'], settings: {}, updatedAt: AT });
  });
});
