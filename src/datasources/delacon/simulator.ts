/**
 * A Delacon on loopback, speaking the Provisioning API (form POSTs, `Auth` header, JSON
 * `RESULT` verdicts) and pushing the Post Provisioning Response and Live Call Data Push to
 * our webhook routes. Its rules (also in README.md):
 * - a wrong or missing `Auth` header: LOGIN_FAILED;
 * - a missing or bad parameter: INVALID, the message naming the parameter;
 * - more numbers than a region and number type has left: FAIL (every type starts with 100);
 * - more than 5 numbers: WAIT, completed 2 minutes later (provider time) by a Post
 *   Provisioning Response, attempted 3 times a minute apart until the answer is ACCEPTED;
 *   the stock is taken at completion, so an order can still FAIL then;
 * - Update Customer: a billing flag with anything else: INVALID; a billing flag for a
 *   feature the company's orders did not provision: FAIL `<Feature> Provisioned:No`.
 */
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import type { CountryCode } from 'libphonenumber-js/max';
import type { DelaconConfig } from './module.js';
import type { E164 } from '../../domain/model.js';
import { partsOf, toE164, tryE164 } from '../../domain/phone.js';
import {
  CallbackSender,
  SandboxClock,
  listenOnLoopback,
  readText,
  runUniqueIds,
  sendJson,
  type DeliveryPolicy,
  type SimulatedCallInput,
  type Simulator,
  type SimulatorDeps,
} from '../../sandbox/simulator.js';
import type { DelaconRegion } from './inputs.js';
import { CALL_TRACKING, REGIONS } from './mapping.js';

type Billing = 'CallRecording' | 'CallFeedbackSurvey' | 'IVR';
type Params = Record<string, string>;
type Reply = Record<string, string>;

export interface SimCompany {
  cid: string;
  region: DelaconRegion;
  numberType: string;
  /** BusinessName, BusCat, EmailAddress, TerminationNumber, BusID and every setting updated since. */
  params: Params;
  provisioned: Set<Billing>;
  enabled: Set<Billing>;
  /** National numbers. */
  numbers: string[];
}

export interface DelaconSimulator extends Simulator<DelaconConfig> {
  /** Resolves when every scheduled push (order results, call start and end) has been delivered. */
  drain(): Promise<void>;
  /** Numbers left for a region and number type. */
  setStock(region: DelaconRegion, numberType: string, count: number): void;
  /** Every request received, in order: path and parameters (the Auth header is not kept). */
  readonly requests: ReadonlyArray<{ path: string; params: Params }>;
  company(cid: string): SimCompany | undefined;
  /** The company the simulator starts with (all three billing features provisioned). */
  readonly seed: { companyId: string; numbers: E164[] };
}

const WAIT_ABOVE = 5;
const WAIT_MS = 2 * 60_000;
const RING_MS = 5_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FAIL_MESSAGE = 'Your order for new/additional numbers could not be processed. Our support will look to serve your order.';
const WAIT_MESSAGE = 'Your order for new/additional numbers is received. We will send you an email with order summary shortly.';

/** Number types per region: key, description, and the national prefix the sandbox numbers share. */
const CATALOGUE: Record<DelaconRegion, { locale: string; city: string; state: string; types: [key: string, desc: string, prefix: string][] }> = {
  AUSTRALIA: { locale: 'en-au', city: 'Sydney', state: 'NSW', types: [['02', '02 Sydney', '028074'], ['03', '03 Melbourne', '039876'], ['1300', '1300 Local Rate Number', '130012'], ['1800', '1800 Freecall Number', '180012']] },
  CHINA: { locale: 'zh-cn', city: 'Beijing', state: 'Beijing', types: [['400', '400 China National Number', '400812'], ['010', '010 Beijing', '0106123']] },
  HONG_KONG: { locale: 'zh-hk', city: 'Hong Kong', state: '', types: [['800', '800 Hong Kong Toll Free Number', '80091'], ['3', '3 Hong Kong Local Number', '3912']] },
  JAPAN: { locale: 'ja-jp', city: 'Tokyo', state: 'Tokyo', types: [['0120', '0120 Japan Toll Free Number', '012012'], ['03', '03 Tokyo', '031234']] },
  NEW_ZEALAND: { locale: 'en-nz', city: 'Auckland', state: 'Auckland', types: [['0800', '0800 New Zealand Freephone Number', '080012'], ['09', '09 Auckland', '09912']] },
  SINGAPORE: { locale: 'en-sg', city: 'Singapore', state: '', types: [['1800', '1800 Singapore Toll Free Number', '1800123'], ['6', '6 Singapore Local Number', '6234']] },
  UNITED_KINGDOM: { locale: 'en-gb', city: 'London', state: 'England', types: [['0800', '0800 UK Freephone Number', '0800123'], ['020', '020 London', '0207123']] },
  UNITED_STATES: { locale: 'en-us', city: 'New York', state: 'NY', types: [['800', '800 US Toll Free Number', '800234'], ['212', '212 New York', '212234']] },
};

const BILLING: Record<string, Billing> = { CallRecording: 'CallRecording', CallFeedbackSurevy: 'CallFeedbackSurvey', CallFeedbackSurvey: 'CallFeedbackSurvey', IVR: 'IVR' };

const filled = (v: string): boolean => v.trim() !== '';
const yn = (v: string): boolean => v === 'Y' || v === 'N';

/** Update Customer settings (also the new-customer fields they share): check and problem. */
const SETTINGS: Record<string, [ok: (value: string, country: CountryCode) => boolean, problem: string]> = {
  BusinessName: [filled, 'is empty'],
  BusCat: [filled, 'is empty'],
  BusID: [filled, 'is empty'],
  EmailAddress: [(v) => EMAIL.test(v), 'is not an e-mail address'],
  OneThreeHundredNumber: [(v) => /^1[38]00\d{6}$|^13\d{4}$/.test(v), 'is not a 13, 1300 or 1800 number'],
  TerminationNumber: [(v, country) => /^\d+$/.test(v) && tryE164(v, country) !== undefined, "is not a national number of the customer's region"],
  whisper: [yn, 'must be Y or N'],
  DNIS: [yn, 'must be Y or N'],
  voicemal: [yn, 'must be Y or N'],
  // The vendor's page spells it `voicemal`; accept the plain spelling too [I].
  voicemail: [yn, 'must be Y or N'],
  moh: [yn, 'must be Y or N'],
  xfertype: [(v) => /^[123]$/.test(v), 'must be 1, 2 or 3'],
  xfertime: [(v) => /^\d{1,3}$/.test(v), 'must be a number of at most 3 digits'],
  SMSmessage: [(v) => v.length <= 160, 'is longer than 160 characters'],
  CallTrack: [(v) => Object.values(CALL_TRACKING).includes(v), `must be one of ${Object.values(CALL_TRACKING).join(', ')}`],
};

function problemWith(params: Params, country: CountryCode): string | undefined {
  for (const [param, value] of Object.entries(params)) {
    const rule = SETTINGS[param];
    if (rule && !rule[0](value, country)) return `${param} ${rule[1]}`;
  }
  return undefined;
}

const invalid = (problem: string): Reply => ({ RESULT: 'INVALID', MESSAGE: `Data validation failed - ${problem}` });

function paramsOf(body: string, contentType: string | undefined): Params {
  if (!contentType?.includes('json')) return Object.fromEntries(new URLSearchParams(body));
  try {
    return Object.fromEntries(Object.entries(JSON.parse(body) as object).map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}

/** `{location}` as a region name (`Hong Kong`, `Hong_Kong`) or a locale (`zh-hk`): Delacon's doc shows both [I]. */
function regionAt(location: string): DelaconRegion | undefined {
  const wanted = location.trim().toLowerCase().replace(/[\s_+]+/g, ' ');
  return (Object.keys(REGIONS) as DelaconRegion[]).find(
    (r) => REGIONS[r].name.toLowerCase() === wanted || CATALOGUE[r].locale === wanted || r.toLowerCase().replace('_', ' ') === wanted,
  );
}

interface Stock {
  left: number;
  next: number;
}

interface Order {
  count: number;
  region: DelaconRegion;
  numberType: string;
  /** More numbers for this company … */
  companyId?: string;
  /** … or a new customer. */
  customer?: Omit<SimCompany, 'cid' | 'numbers'>;
}

export async function startDelaconSimulator(deps: SimulatorDeps): Promise<DelaconSimulator> {
  const clock = new SandboxClock(deps.timeScale);
  const sender = new CallbackSender(clock, deps.log);
  const token = `1001_${randomBytes(24).toString('base64url')}`;
  const requests: { path: string; params: Params }[] = [];
  const companies = new Map<string, SimCompany>();
  /** E.164 -> company id. */
  const owned = new Map<E164, string>();
  const stock = new Map<string, Stock>();
  const pending = new Set<Promise<void>>();
  let nextCid = 1001;
  // Order and call ids reach the gateway's store, which outlives the simulator.
  const nextOrder = runUniqueIds();
  const nextCall = runUniqueIds();

  const stockOf = (region: DelaconRegion, numberType: string): Stock => {
    const key = `${region}/${numberType}`;
    if (!stock.has(key)) stock.set(key, { left: 100, next: 1 });
    return stock.get(key)!;
  };

  const track = (work: Promise<void>): void => {
    const p = work.catch((err: unknown) => deps.log.warn({ err }, 'delacon sandbox push failed')).finally(() => pending.delete(p));
    pending.add(p);
  };

  const accepted = (field: string, value: string): DeliveryPolicy['accepted'] => (status, body) => {
    try {
      return status >= 200 && status < 300 && (JSON.parse(body) as Record<string, unknown>)[field] === value;
    } catch {
      return false;
    }
  };

  function take(order: Order): { company: SimCompany; numbers: string[] } {
    const s = stockOf(order.region, order.numberType);
    const prefix = CATALOGUE[order.region].types.find(([key]) => key === order.numberType)![2];
    const country = REGIONS[order.region].country;
    const company = order.companyId ? companies.get(order.companyId)! : { ...order.customer!, cid: String(nextCid++), numbers: [] };
    companies.set(company.cid, company);
    const numbers: string[] = [];
    while (numbers.length < order.count) {
      const candidate = prefix + String(s.next++).padStart(4, '0');
      const e164 = toE164(candidate, country);
      if (owned.has(e164)) continue;
      owned.set(e164, company.cid);
      numbers.push(candidate);
      s.left--;
    }
    company.numbers.push(...numbers);
    return { company, numbers };
  }

  function newCustomer(p: Params): NonNullable<Order['customer']> | string {
    for (const name of ['BusinessName', 'BusCat', 'EmailAddress', 'TerminationNumber', 'region', 'numberType']) {
      if (!p[name]?.trim()) return `${name} is required`;
    }
    const region = (Object.keys(REGIONS) as DelaconRegion[]).find((r) => REGIONS[r].name === p.region);
    if (!region) return `region ${p.region} is unknown`;
    if (!CATALOGUE[region].types.some(([key]) => key === p.numberType)) return `numberType ${p.numberType} is not offered in ${p.region}`;
    const customer = { BusinessName: p.BusinessName!, BusCat: p.BusCat!, EmailAddress: p.EmailAddress!, TerminationNumber: p.TerminationNumber!, ...(p.BusID ? { BusID: p.BusID } : {}) };
    const problem = problemWith(customer, REGIONS[region].country);
    if (problem) return problem;
    const features = (p.features ?? '').split(',').map((f) => f.trim()).filter(Boolean);
    if (features.some((f) => f !== 'CallRecording' && f !== 'CallFeedbackSurvey')) return 'features must be CallFeedbackSurvey and/or CallRecording';
    if (p.termsCheck !== 'on') return 'termsCheck must be on';
    return { region, numberType: p.numberType!, params: customer, provisioned: new Set(features as Billing[]), enabled: new Set(features as Billing[]) };
  }

  function provision(p: Params): Reply {
    if (!/^\d+$/.test(p.numbers ?? '') || Number(p.numbers) < 1 || Number(p.numbers) > 10) return invalid('numbers must be between 1 and 10');
    if (p.orderSummaryEmail && !EMAIL.test(p.orderSummaryEmail)) return invalid('orderSummaryEmail is not an e-mail address');
    const count = Number(p.numbers);
    let order: Order;
    if (p.companyID !== undefined) {
      // Delacon ignores every new-customer field for an existing company.
      const company = companies.get(p.companyID);
      if (!company) return invalid(`companyID ${p.companyID} is unknown`);
      order = { count, region: company.region, numberType: company.numberType, companyId: company.cid };
    } else {
      const customer = newCustomer(p);
      if (typeof customer === 'string') return invalid(customer);
      order = { count, region: customer.region, numberType: customer.numberType, customer };
    }
    const orderId = nextOrder();
    if (stockOf(order.region, order.numberType).left < count) return { RESULT: 'FAIL', OrderId: orderId, MESSAGE: FAIL_MESSAGE };
    if (count > WAIT_ABOVE) {
      track(clock.sleep(WAIT_MS).then(() => complete(orderId, order)));
      return { RESULT: 'WAIT', OrderId: orderId, MESSAGE: WAIT_MESSAGE };
    }
    const { company, numbers } = take(order);
    return { RESULT: 'OK', OrderId: orderId, CID: company.cid, Numbers: numbers.join(', ') };
  }

  /** The Post Provisioning Response of a WAIT order. */
  async function complete(orderId: string, order: Order): Promise<void> {
    let form: Params;
    if (stockOf(order.region, order.numberType).left >= order.count) {
      const { company, numbers } = take(order);
      form = { OrderID: orderId, Result: 'OK', Message: `Order ${orderId} is complete: company ${company.cid}, numbers ${numbers.join(', ')}` };
    } else {
      form = { OrderID: orderId, Result: 'FAIL', Message: `Order ${orderId} could not be completed: no ${order.numberType} numbers left in ${REGIONS[order.region].name}` };
    }
    await sender.deliver({ url: deps.webhookUrl('orders'), method: 'POST', form }, { attempts: 3, intervalMs: 60_000, accepted: accepted('RESULT', 'ACCEPTED') });
  }

  function updateCustomer(cid: string, p: Params): Reply {
    const company = companies.get(cid);
    if (!company) return { RESULT: 'FAIL', MESSAGE: `Customer ${cid} not found` };
    const names = Object.keys(p);
    if (names.length === 0) return invalid('no parameters for update');
    const unknown = names.find((n) => !SETTINGS[n] && !BILLING[n]);
    if (unknown) return invalid(`${unknown} is not a parameter for update`);
    const flag = names.find((n) => BILLING[n]);
    if (flag && names.length > 1) return { RESULT: 'INVALID', MESSAGE: 'Data validation failed – invalid parameters for update' };
    if (flag) {
      const feature = BILLING[flag]!;
      if (!yn(p[flag]!)) return invalid(`${flag} must be Y or N`);
      if (!company.provisioned.has(feature)) return { RESULT: 'FAIL', MESSAGE: `${feature} Provisioned:No` };
      if (p[flag] === 'Y') company.enabled.add(feature);
      else company.enabled.delete(feature);
      return { RESULT: 'OK', MESSAGE: `${feature} ${p[flag] === 'Y' ? 'enabled' : 'disabled'} for customer, ${feature} Provisioned:Yes` };
    }
    const problem = problemWith(p, REGIONS[company.region].country);
    if (problem) return invalid(problem);
    Object.assign(company.params, p);
    return { RESULT: 'OK', MESSAGE: 'Customer details updated' };
  }

  function numberTypes(location: string): object {
    const region = regionAt(location);
    if (!region) return { RESULT: 'FAIL', MESSAGE: `Unknown location ${location}` };
    return { Region: CATALOGUE[region].locale, NumberTypes: CATALOGUE[region].types.map(([key, desc]) => ({ desc, key })) };
  }

  async function handle(req: http.IncomingMessage): Promise<[number, object]> {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    const params = paramsOf(await readText(req), req.headers['content-type']);
    requests.push({ path, params });
    const route = /^\/rest\/config\/(provision|updatecustomer|getnumbertypes)(?:\/([^/]*))?$/.exec(path);
    if (!route) return [404, { RESULT: 'FAIL', MESSAGE: 'Not found' }];
    if (req.method !== 'POST') return [405, { RESULT: 'FAIL', MESSAGE: 'Use POST' }];
    if (req.headers.auth !== token) return [200, { RESULT: 'LOGIN_FAILED', MESSAGE: 'Login failed: the Auth token is not valid' }];
    const arg = decodeURIComponent(route[2] ?? '');
    if (route[1] === 'provision') return [200, provision(params)];
    if (route[1] === 'updatecustomer') return [200, updateCustomer(arg, params)];
    return [200, numberTypes(arg)];
  }

  const server = await listenOnLoopback((req, res) => {
    handle(req).then(
      ([status, body]) => sendJson(res, status, body),
      (err: unknown) => {
        deps.log.error({ err }, 'delacon sandbox request failed');
        sendJson(res, 500, { RESULT: 'FAIL', MESSAGE: 'something went wrong' });
      },
    );
  });

  // Seed: one Sydney plumber with two tracking numbers and every billing feature.
  const all: Billing[] = ['CallRecording', 'CallFeedbackSurvey', 'IVR'];
  const seeded = take({
    count: 2,
    region: 'AUSTRALIA',
    numberType: '02',
    customer: {
      region: 'AUSTRALIA',
      numberType: '02',
      params: { BusinessName: 'Harbour Plumbing', BusCat: 'Plumbing', EmailAddress: 'office@harbourplumbing.example', TerminationNumber: '0298765432', BusID: '0298765400' },
      provisioned: new Set(all),
      enabled: new Set(all),
    },
  });

  const RESULTS: Record<SimulatedCallInput['outcome'], string> = { ANSWERED: 'Answered', MISSED: 'Unanswered', BUSY: 'Busy', VOICEMAIL: 'Unanswered', FAILED: 'Failed' };
  const push = (payload: Params) =>
    sender.deliver({ url: deps.webhookUrl('calls'), method: 'POST', json: payload }, { attempts: 3, intervalMs: 30_000, accepted: accepted('success', 'true') });

  return {
    provider: 'DELACON',
    baseUrl: server.url,
    live: { authToken: token, baseUrl: server.url },
    requests,
    seed: { companyId: seeded.company.cid, numbers: seeded.numbers.map((n) => toE164(n, 'AU')) },
    owns: (e164) => owned.has(e164),
    company: (cid) => companies.get(cid),
    setStock(region, numberType, count) {
      stockOf(region, numberType).left = count;
    },
    async simulateIncomingCall(input) {
      const company = companies.get(owned.get(input.to) ?? '');
      if (!company) throw new Error(`${input.to} is not a number of the Delacon sandbox`);
      const callId = nextCall();
      const place = CATALOGUE[company.region];
      const answered = input.outcome === 'ANSWERED';
      const seconds = input.durationSeconds ?? (answered ? 50 : input.outcome === 'VOICEMAIL' ? 20 : 0);
      const on = (feature: Billing): boolean => answered && company.enabled.has(feature);
      const start: Params = {
        PLA_Call_Id: callId,
        PLA_Caller_Phone_Number: input.from,
        PLA_Exchange: place.city,
        PLA_City: place.city,
        PLA_State: place.state,
        PLA_Number_Dialed: partsOf(input.to).national,
        PLA_Dealer_ID: company.params.BusID ?? '',
        PLA_Dealer_Name: company.params.BusinessName ?? '',
        PLA_Dealer_Category: company.params.BusCat ?? '',
        PLA_Search_Engine_Used: 'Google',
        PLA_Search_Type: 'Paid',
        PLA_Keywords_Searched: '',
        PLA_URL: 'https://www.google.com/',
        PLA_CID: company.cid,
        PLA_SESSID: `sess${callId}`,
        PLA_UAID: '123456.4567',
        PLA_CallStartTime: String(Date.now()).padStart(20, '0'),
        PLA_Landing_Page: `https://www.example.com/?gclid=sandbox${callId}`,
        PLA_Page_Called_From: 'https://www.example.com/contact-us',
        PLA_ExtraTracking: '',
      };
      const end: Params = {
        PLA_Call_Id: callId,
        PLA_CID: company.cid,
        PLA_Answering_Point: answered ? (company.params.TerminationNumber ?? '') : '',
        PLA_CallResult: RESULTS[input.outcome],
        PLA_Duration: `${seconds}s`,
        PLA_VoicemailLeft: input.outcome === 'VOICEMAIL' ? 'Yes' : 'No',
        PLA_SurveyOutcome: on('CallFeedbackSurvey') ? 'Enquiry' : '',
        PLA_SurveySaleAmount: '',
        PLA_Converted: answered ? 'Y' : '',
        PLA_dtmf: on('IVR') ? 'Sales' : '',
        PLA_RecordingFile: on('CallRecording') ? `${server.url}/site/report/playrecording.jsp?callid=${callId}` : '',
      };
      track(
        (async () => {
          await push(start);
          await clock.sleep(RING_MS + seconds * 1000);
          await push(end);
        })(),
      );
      return { provider: 'DELACON', providerCallId: callId };
    },
    async drain() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
      await sender.drain();
    },
    async close() {
      clock.dispose();
      sender.close();
      await server.close();
    },
  };
}
