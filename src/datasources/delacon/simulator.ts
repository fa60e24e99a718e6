/**
 * A Delacon on loopback, written from Delacon's Provisioning API and Live Call Data Push pages
 * (never from our client or mapping): form POSTs with the `Auth` header and JSON `RESULT`
 * verdicts, the Post Provisioning Response and the call pushes to our webhook routes. Its
 * rules (also in README.md):
 * - a wrong or missing `Auth` header: LOGIN_FAILED;
 * - a missing or bad parameter: INVALID, the message naming the parameter;
 * - more numbers than a region and number type has left: FAIL (every type starts with 100);
 * - more than 5 numbers: WAIT, completed 2 minutes later (provider time) by a Post
 *   Provisioning Response, attempted 3 times a minute apart until the answer is ACCEPTED;
 *   the stock is taken at completion, so an order can still FAIL then;
 * - Update Customer: a billing flag with anything else: INVALID; a billing flag for a
 *   feature the company's orders did not provision: FAIL `<Feature> Provisioned:No`.
 * Facts the README marks inferred are `variants`.
 */
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import type { CountryCode } from 'libphonenumber-js/max';
import type { DelaconConfig } from './module.js';
import type { E164 } from '../../domain/model.js';
import { partsOf, toE164, tryE164 } from '../../domain/phone.js';
import {
  australianLandlineArea,
  LoopbackSimulator,
  readText,
  refuseCall,
  replyHas,
  runUniqueIds,
  sendJson,
  type Callback,
  type SimulatedCall,
  type SimulatedCallInput,
  type SimulatorDeps,
} from '../../sandbox/simulator.js';

type Billing = 'CallRecording' | 'CallFeedbackSurvey' | 'IVR';
type Params = Record<string, string>;
type Reply = Record<string, string>;

export interface SimCompany {
  cid: string;
  /** The region as Delacon names it (`Australia`, `Hong Kong`, …). */
  region: string;
  numberType: string;
  /** The "Delacon Service ID" its call pushes carry as `PLA_CID` under `variants.serviceIds: 'own'`. */
  serviceId: string;
  /** BusinessName, BusCat, EmailAddress, TerminationNumber, BusID and every setting updated since. */
  params: Params;
  provisioned: Set<Billing>;
  enabled: Set<Billing>;
  /** National numbers. */
  numbers: string[];
}

/** Where the README marks a fact inferred, either variant. */
export interface DelaconVariants {
  /**
   * `PLA_CID`, "the Delacon Service ID": a service id of its own (the default: the page does
   * not say it is the company id), or the company id Create Customer answered as `CID`.
   */
  serviceIds: 'companyId' | 'own';
  /**
   * The Post Provisioning Response of a WAIT order (documented: `OrderID`, `Result`,
   * `Message=<value>`): the company and numbers written in `Message`, a `Message` without them,
   * or besides it `CID` and `Numbers` fields as Create Customer's OK answer has them.
   */
  orderResult: 'numbersInMessage' | 'messageOnly' | 'fields';
  /** The call-end push as valid JSON, or with the trailing comma of the page's sample. */
  callEndJson: 'valid' | 'trailingComma';
}

const WAIT_ABOVE = 5;
const WAIT_MS = 2 * 60_000;
const RING_MS = 5_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Create Customer's FAIL and WAIT messages, as the page words them. */
const FAIL_MESSAGE = 'Your order for new/additional numbers could not be processed. Our support will look to serve your order.';
const WAIT_MESSAGE = 'Your order for new/additional numbers is received. We will send you an email with order summary shortly.';

interface Region {
  /** ISO country: how its numbers are read. */
  country: CountryCode;
  /** What Get Region Number Types answers as `Region`: `ja-jp` on the page, the rest [I]. */
  locale: string;
  /** Number types: key, description and the national prefix the sandbox's numbers share. */
  types: [key: string, desc: string, prefix: string][];
}

/**
 * Create Customer `region`: "Australia or China or Hong Kong or Japan or New Zealand or
 * Singapore or United Kingdom or United States". Japan's types are the page's; the others the
 * sandbox's own.
 */
const REGIONS: Record<string, Region> = {
  Australia: { country: 'AU', locale: 'en-au', types: [['02', '02 Sydney', '028074'], ['03', '03 Melbourne', '039876'], ['1300', '1300 Local Rate Number', '130012'], ['1800', '1800 Freecall Number', '180012']] },
  China: { country: 'CN', locale: 'zh-cn', types: [['400', '400 China National Number', '400812'], ['010', '010 Beijing', '0106123']] },
  'Hong Kong': { country: 'HK', locale: 'zh-hk', types: [['800', '800 Hong Kong Toll Free Number', '80091'], ['3', '3 Hong Kong Local Number', '3912']] },
  Japan: { country: 'JP', locale: 'ja-jp', types: [['0120', '0120 Japan Toll Free Number', '012012'], ['03', '03 Tokyo', '031234']] },
  'New Zealand': { country: 'NZ', locale: 'en-nz', types: [['0800', '0800 New Zealand Freephone Number', '080012'], ['09', '09 Auckland', '09912']] },
  Singapore: { country: 'SG', locale: 'en-sg', types: [['1800', '1800 Singapore Toll Free Number', '1800123'], ['6', '6 Singapore Local Number', '6234']] },
  'United Kingdom': { country: 'GB', locale: 'en-gb', types: [['0800', '0800 UK Freephone Number', '0800123'], ['020', '020 London', '0207123']] },
  'United States': { country: 'US', locale: 'en-us', types: [['800', '800 US Toll Free Number', '800234'], ['212', '212 New York', '212234']] },
};

/** The billing flags, "sent in an individual request"; the parameter list spells the survey `CallFeedbackSurevy`, the prose `CallFeedbackSurvey`. */
const BILLING: Record<string, Billing> = { CallRecording: 'CallRecording', CallFeedbackSurevy: 'CallFeedbackSurvey', CallFeedbackSurvey: 'CallFeedbackSurvey', IVR: 'IVR' };
/** Update Customer `CallTrack`. */
const CALL_TRACK = ['GooglePaid', 'AllPaidOnly', 'All', 'Selected', 'AllUtmMediumCpc'];

const filled = (v: string): boolean => v.trim() !== '';
const yn = (v: string): boolean => v === 'Y' || v === 'N';

/** Update Customer parameters (also the new-customer fields they share): check and problem. */
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
  // The page spells it `voicemal`; the plain spelling is accepted too [I].
  voicemail: [yn, 'must be Y or N'],
  moh: [yn, 'must be Y or N'],
  xfertype: [(v) => /^[123]$/.test(v), 'must be 1, 2 or 3'],
  xfertime: [(v) => /^\d{1,3}$/.test(v), 'must be a number of at most 3 digits'],
  SMSmessage: [(v) => v.length <= 160, 'is longer than 160 characters'],
  CallTrack: [(v) => CALL_TRACK.includes(v), `must be one of ${CALL_TRACK.join(', ')}`],
};

function problemWith(params: Params, country: CountryCode): string | undefined {
  for (const [param, value] of Object.entries(params)) {
    const rule = SETTINGS[param];
    if (rule && !rule[0](value, country)) return `${param} ${rule[1]}`;
  }
  return undefined;
}

const invalid = (problem: string): Reply => ({ RESULT: 'INVALID', MESSAGE: `Data validation failed - ${problem}` });

/** "POST parameters": a form [I]; JSON is read too. */
function paramsOf(body: string, contentType: string | undefined): Params {
  if (!contentType?.includes('json')) return Object.fromEntries(new URLSearchParams(body));
  try {
    return Object.fromEntries(Object.entries(JSON.parse(body) as object).map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}

/** A region by its name (`Hong Kong`, `Hong_Kong`, `HONG_KONG`) or its locale (`zh-hk`): what `{location}` takes is undocumented [I]. */
function regionAt(location: string): string | undefined {
  const wanted = location.trim().toLowerCase().replace(/[\s_+]+/g, ' ');
  return Object.keys(REGIONS).find((name) => name.toLowerCase() === wanted || REGIONS[name]!.locale === wanted);
}

/** `PLA_CallResult`: "answered, unanswered or busy tone" (the sample writes `Answered`). */
const CALL_RESULTS: Partial<Record<SimulatedCallInput['outcome'], string>> = { ANSWERED: 'Answered', MISSED: 'Unanswered', VOICEMAIL: 'Unanswered', BUSY: 'Busy' };

interface Stock {
  left: number;
  next: number;
}

interface Order {
  count: number;
  region: string;
  numberType: string;
  /** More numbers for this company … */
  companyId?: string;
  /** … or a new customer. */
  customer?: Omit<SimCompany, 'cid' | 'serviceId' | 'numbers'>;
}

export class DelaconSimulator extends LoopbackSimulator<DelaconConfig> {
  readonly provider = 'DELACON';
  readonly variants: DelaconVariants;
  /** Every request received, in order: path and parameters (the Auth header is not kept). */
  readonly requests: Array<{ path: string; params: Params }> = [];
  /** The company the simulator starts with (all three billing features provisioned). */
  readonly seed: { companyId: string; numbers: E164[] };
  /** Delacon's API keys have the shape `<digits>_<base64-ish>` [I]. */
  private readonly token = `1001_${randomBytes(24).toString('base64url')}`;
  private readonly companies = new Map<string, SimCompany>();
  /** E.164 → company id. */
  private readonly owned = new Map<E164, string>();
  private readonly stock = new Map<string, Stock>();
  private nextCid = 1001;
  private nextServiceId = 5_000_001;
  // Order and call ids reach the gateway's store, which outlives the simulator.
  private readonly nextOrder = runUniqueIds();
  private readonly nextCall = runUniqueIds();

  constructor(deps: SimulatorDeps, options: { variants?: Partial<DelaconVariants> } = {}) {
    super(deps);
    this.variants = { serviceIds: 'own', orderResult: 'numbersInMessage', callEndJson: 'valid', ...options.variants };
    // One Sydney plumber with two tracking numbers and every billing feature.
    const all: Billing[] = ['CallRecording', 'CallFeedbackSurvey', 'IVR'];
    const { company, numbers } = this.take({
      count: 2,
      region: 'Australia',
      numberType: '02',
      customer: {
        region: 'Australia',
        numberType: '02',
        params: { BusinessName: 'Harbour Plumbing', BusCat: 'Plumbing', EmailAddress: 'office@harbourplumbing.example', TerminationNumber: '0298765432', BusID: '0298765400' },
        provisioned: new Set(all),
        enabled: new Set(all),
      },
    });
    this.seed = { companyId: company.cid, numbers: numbers.map((n) => toE164(n, 'AU')) };
  }

  get live(): DelaconConfig {
    return { authToken: this.token, baseUrl: this.baseUrl };
  }

  owns(e164: E164): boolean {
    return this.owned.has(e164);
  }

  company(cid: string): SimCompany | undefined {
    return this.companies.get(cid);
  }

  /** Numbers left for a region (any spelling `{location}` takes) and number type. */
  setStock(region: string, numberType: string, count: number): void {
    const name = regionAt(region);
    if (!name) throw new Error(`no Delacon region ${region}`);
    this.stockOf(name, numberType).left = count;
  }

  private stockOf(region: string, numberType: string): Stock {
    const key = `${region}/${numberType}`;
    if (!this.stock.has(key)) this.stock.set(key, { left: 100, next: 1 });
    return this.stock.get(key)!;
  }

  private take(order: Order): { company: SimCompany; numbers: string[] } {
    const s = this.stockOf(order.region, order.numberType);
    const { country, types } = REGIONS[order.region]!;
    const prefix = types.find(([key]) => key === order.numberType)![2];
    const company = order.companyId ? this.companies.get(order.companyId)! : { ...order.customer!, cid: String(this.nextCid++), serviceId: String(this.nextServiceId++), numbers: [] };
    this.companies.set(company.cid, company);
    const numbers: string[] = [];
    while (numbers.length < order.count) {
      const candidate = prefix + String(s.next++).padStart(4, '0');
      const e164 = toE164(candidate, country);
      if (this.owned.has(e164)) continue;
      this.owned.set(e164, company.cid);
      numbers.push(candidate);
      s.left--;
    }
    company.numbers.push(...numbers);
    return { company, numbers };
  }

  /** Which fields a new customer needs is undocumented [I]: all of them but `BusID`. */
  private newCustomer(p: Params): NonNullable<Order['customer']> | string {
    for (const name of ['BusinessName', 'BusCat', 'EmailAddress', 'TerminationNumber', 'region', 'numberType']) {
      if (!p[name]?.trim()) return `${name} is required`;
    }
    const region = Object.keys(REGIONS).find((name) => name === p.region);
    if (!region) return `region ${p.region} is unknown`;
    if (!REGIONS[region]!.types.some(([key]) => key === p.numberType)) return `numberType ${p.numberType} is not offered in ${p.region}`;
    const customer = { BusinessName: p.BusinessName!, BusCat: p.BusCat!, EmailAddress: p.EmailAddress!, TerminationNumber: p.TerminationNumber!, ...(p.BusID ? { BusID: p.BusID } : {}) };
    const problem = problemWith(customer, REGIONS[region]!.country);
    if (problem) return problem;
    // "features=CallFeedbackSurvey or CallRecording or CallFeedbackSurvey,CallRecording".
    const features = (p.features ?? '').split(',').map((f) => f.trim()).filter(Boolean);
    if (features.some((f) => f !== 'CallRecording' && f !== 'CallFeedbackSurvey')) return 'features must be CallFeedbackSurvey and/or CallRecording';
    if (p.termsCheck !== 'on') return 'termsCheck must be on';
    return { region, numberType: p.numberType!, params: customer, provisioned: new Set(features as Billing[]), enabled: new Set(features as Billing[]) };
  }

  private provision(p: Params): Reply {
    if (!/^\d+$/.test(p.numbers ?? '') || Number(p.numbers) < 1 || Number(p.numbers) > 10) return invalid('numbers must be between 1 and 10');
    if (p.orderSummaryEmail && !EMAIL.test(p.orderSummaryEmail)) return invalid('orderSummaryEmail is not an e-mail address');
    const count = Number(p.numbers);
    let order: Order;
    if (p.companyID !== undefined) {
      // "If this field is provided then all the fields above will be disregarded": the company's own region and type.
      const company = this.companies.get(p.companyID);
      if (!company) return invalid(`companyID ${p.companyID} is unknown`);
      order = { count, region: company.region, numberType: company.numberType, companyId: company.cid };
    } else {
      const customer = this.newCustomer(p);
      if (typeof customer === 'string') return invalid(customer);
      order = { count, region: customer.region, numberType: customer.numberType, customer };
    }
    const orderId = this.nextOrder();
    if (this.stockOf(order.region, order.numberType).left < count) return { RESULT: 'FAIL', OrderId: orderId, MESSAGE: FAIL_MESSAGE };
    if (count > WAIT_ABOVE) {
      this.schedule(WAIT_MS, () => this.complete(orderId, order));
      return { RESULT: 'WAIT', OrderId: orderId, MESSAGE: WAIT_MESSAGE };
    }
    const { company, numbers } = this.take(order);
    // `Numbers`: "the list of new numbers provisioned", one comma-and-space separated string.
    return { RESULT: 'OK', OrderId: orderId, CID: company.cid, Numbers: numbers.join(', ') };
  }

  /** The Post Provisioning Response of a WAIT order: "Delacon system will try for 3 times until the ACCEPTED result is found". */
  private async complete(orderId: string, order: Order): Promise<void> {
    let form: Params;
    if (this.stockOf(order.region, order.numberType).left >= order.count) {
      const { company, numbers } = this.take(order);
      const listed = numbers.join(', ');
      const told = {
        numbersInMessage: { Message: `Order ${orderId} is complete: company ${company.cid}, numbers ${listed}` },
        messageOnly: { Message: `Order ${orderId} is complete. The order summary has been sent by e-mail.` },
        fields: { Message: `Order ${orderId} is complete.`, CID: company.cid, Numbers: listed },
      };
      form = { OrderID: orderId, Result: 'OK', ...told[this.variants.orderResult] };
    } else {
      form = { OrderID: orderId, Result: 'FAIL', Message: `Order ${orderId} could not be completed: no ${order.numberType} numbers left in ${order.region}` };
    }
    // The callback URL is set by Delacon for the account (undocumented), its interval too [I].
    await this.sender.deliver({ url: this.deps.webhookUrl('orders'), method: 'POST', form }, { attempts: 3, intervalMs: 60_000, accepted: replyHas('RESULT', 'ACCEPTED') });
  }

  private updateCustomer(cid: string, p: Params): Reply {
    const company = this.companies.get(cid);
    if (!company) return { RESULT: 'FAIL', MESSAGE: `Customer ${cid} not found` };
    const names = Object.keys(p);
    if (names.length === 0) return invalid('no parameters for update');
    const unknown = names.find((n) => !SETTINGS[n] && !BILLING[n]);
    if (unknown) return invalid(`${unknown} is not a parameter for update`);
    const flag = names.find((n) => BILLING[n]);
    // The page's words, en dash included.
    if (flag && names.length > 1) return { RESULT: 'INVALID', MESSAGE: 'Data validation failed – invalid parameters for update' };
    if (flag) {
      const feature = BILLING[flag]!;
      if (!yn(p[flag]!)) return invalid(`${flag} must be Y or N`);
      if (!company.provisioned.has(feature)) return { RESULT: 'FAIL', MESSAGE: `${feature} Provisioned:No` };
      if (p[flag] === 'Y') company.enabled.add(feature);
      else company.enabled.delete(feature);
      return { RESULT: 'OK', MESSAGE: `${feature} ${p[flag] === 'Y' ? 'enabled' : 'disabled'} for customer, ${feature} Provisioned:Yes` };
    }
    const problem = problemWith(p, REGIONS[company.region]!.country);
    if (problem) return invalid(problem);
    Object.assign(company.params, p);
    return { RESULT: 'OK', MESSAGE: 'Customer details updated' };
  }

  /** Get Region Number Types: success has no `RESULT`. */
  private numberTypes(location: string): object {
    const name = regionAt(location);
    if (!name) return { RESULT: 'FAIL', MESSAGE: `Unknown location ${location}` };
    const region = REGIONS[name]!;
    return { Region: region.locale, NumberTypes: region.types.map(([key, desc]) => ({ desc, key })) };
  }

  protected async serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    const params = paramsOf(await readText(req), req.headers['content-type']);
    this.requests.push({ path, params });
    const route = /^\/rest\/config\/(provision|updatecustomer|getnumbertypes)(?:\/([^/]*))?$/.exec(path);
    if (!route) return sendJson(res, 404, { RESULT: 'FAIL', MESSAGE: 'Not found' });
    if (req.method !== 'POST') return sendJson(res, 405, { RESULT: 'FAIL', MESSAGE: 'Use POST' });
    // "POST Request Header: Auth=<value of AuthToken>"; every verdict comes as HTTP 200 [I].
    if (req.headers.auth !== this.token) return sendJson(res, 200, { RESULT: 'LOGIN_FAILED', MESSAGE: 'Login failed: the Auth token is not valid' });
    const arg = decodeURIComponent(route[2] ?? '');
    if (route[1] === 'provision') return sendJson(res, 200, this.provision(params));
    if (route[1] === 'updatecustomer') return sendJson(res, 200, this.updateCustomer(arg, params));
    return sendJson(res, 200, this.numberTypes(arg));
  }

  protected internalError(_req: http.IncomingMessage, res: http.ServerResponse): void {
    sendJson(res, 500, { RESULT: 'FAIL', MESSAGE: 'something went wrong' });
  }

  /** One push of the Live Call Data Push; until the reply's `success` is `"true"`, 3 attempts 30 s apart [I]. */
  private push(payload: Params, raw?: string): Promise<unknown> {
    const callback: Callback = raw
      ? { url: this.deps.webhookUrl('calls'), method: 'POST', raw: { body: raw, contentType: 'application/json' } }
      : { url: this.deps.webhookUrl('calls'), method: 'POST', json: payload };
    return this.sender.deliver(callback, { attempts: 3, intervalMs: 30_000, accepted: replyHas('success', 'true') });
  }

  /**
   * A call to a tracking number: the call-start push at once, the call-end push after 5 s of
   * ringing and the call. Delacon reports only "answered, unanswered or busy": a FAILED call
   * cannot be simulated.
   */
  async simulateIncomingCall(input: SimulatedCallInput): Promise<SimulatedCall> {
    const company = this.companies.get(this.owned.get(input.to) ?? '');
    if (!company) return refuseCall('NOT_OWNED', `${input.to} is not a number of the Delacon sandbox`, ['input', 'to']);
    const result = CALL_RESULTS[input.outcome];
    if (!result) return refuseCall('OUTCOME', `Delacon reports a call as answered, unanswered or busy: there is no ${input.outcome} call to simulate`, ['input', 'outcome']);
    const callId = this.nextCall();
    const answered = input.outcome === 'ANSWERED';
    const seconds = input.durationSeconds ?? (answered ? 50 : input.outcome === 'VOICEMAIL' ? 20 : 0);
    const on = (feature: Billing): boolean => answered && company.enabled.has(feature);
    const serviceId = this.variants.serviceIds === 'own' ? company.serviceId : company.cid;
    // "Valid for the landline calls": where the caller's exchange is; nothing for mobiles [I].
    const area = australianLandlineArea(input.from);
    const start: Params = {
      PLA_Call_Id: callId,
      PLA_Caller_Phone_Number: input.from,
      PLA_Exchange: area?.city ?? '',
      PLA_City: area?.city ?? '',
      PLA_State: area?.state ?? '',
      // "The tracking number that was dialed", national (`0288889999`).
      PLA_Number_Dialed: partsOf(input.to).national,
      // "The phone number that is replaced on the website by the tracking number".
      PLA_Dealer_ID: company.params.BusID ?? '',
      PLA_Dealer_Name: company.params.BusinessName ?? '',
      PLA_Dealer_Category: company.params.BusCat ?? '',
      PLA_Search_Engine_Used: 'Google',
      PLA_Search_Type: 'Paid',
      PLA_Keywords_Searched: '',
      PLA_URL: 'https://www.google.com/',
      PLA_CID: serviceId,
      PLA_SESSID: `sess${callId}`,
      PLA_UAID: '123456.4567',
      // 20 characters, zero-padded epoch milliseconds (`00000001556755937003`) [I].
      PLA_CallStartTime: String(Date.now()).padStart(20, '0'),
      PLA_Landing_Page: `https://www.example.com/?gclid=sandbox${callId}`,
      PLA_Page_Called_From: 'https://www.example.com/contact-us',
      PLA_ExtraTracking: '',
    };
    const end: Params = {
      PLA_Call_Id: callId,
      PLA_CID: serviceId,
      PLA_Answering_Point: answered ? (company.params.TerminationNumber ?? '') : '',
      PLA_CallResult: result,
      PLA_Duration: `${seconds}s`,
      PLA_VoicemailLeft: input.outcome === 'VOICEMAIL' ? 'Yes' : 'No',
      PLA_SurveyOutcome: on('CallFeedbackSurvey') ? 'Enquiry' : '',
      PLA_SurveySaleAmount: '',
      PLA_Converted: answered ? 'Y' : '',
      PLA_dtmf: on('IVR') ? 'Sales' : '',
      PLA_RecordingFile: on('CallRecording') ? `${this.baseUrl}/site/report/playrecording.jsp?callid=${callId}` : '',
    };
    // The page's call-end sample ends its object with a comma.
    const endRaw = this.variants.callEndJson === 'trailingComma' ? `${JSON.stringify(end, null, 1).replace(/"\n}$/, '",\n}')}` : undefined;
    this.track(
      (async () => {
        await this.push(start);
        await this.clock.sleep(RING_MS + seconds * 1000);
        await this.push(end, endRaw);
      })(),
    );
    return { provider: 'DELACON', providerCallId: callId };
  }
}

export function startDelaconSimulator(deps: SimulatorDeps, options?: { variants?: Partial<DelaconVariants> }): Promise<DelaconSimulator> {
  return new DelaconSimulator(deps, options).listen();
}
