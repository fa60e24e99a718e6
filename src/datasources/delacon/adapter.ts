/**
 * Delacon as a ProviderAdapter: number types, provisioning (new customer or more numbers) and
 * customer updates. Delacon has no read API for companies, so listServices/getService are
 * left to the gateway's store.
 */
import type { NumberTypeRecord } from '../../domain/model.js';
import { partsOf } from '../../domain/phone.js';
import { BusinessError, ErrorCode, GatewayError } from '../../errors.js';
import type {
  ProviderAdapter,
  ProvisionOutcome,
  ProvisionRequest,
  ServiceUpdateOutcome,
  ServiceUpdateRequest,
  UpdatePart,
} from '../provider.js';
import { checkEmail, everyRefusal, phoneNumber, refuse } from '../validate.js';
import { DelaconClient } from './client.js';
import type { DelaconProvisionInput, DelaconRegion, DelaconServiceUpdateInput } from './inputs.js';
import {
  REGIONS,
  numberTypesOf,
  provisionForm,
  provisionOutcome,
  updateFields,
  updateSteps,
  updatedService,
} from './mapping.js';

/** What Delacon reads of a provision and an update: its `delacon` block. */
type Provision = ProvisionRequest & { delacon?: DelaconProvisionInput };
type Update = ServiceUpdateRequest & { delacon?: DelaconServiceUpdateInput };

/** Refuses at `field` what is no Delacon company id: digits, at most 20 (20,000 were sent once, and Delacon answered HTTP 431). */
const checkCompanyId = (id: string, field: string[]) => !/^\d{1,20}$/.test(id) && refuse(field, `"${id.slice(0, 40)}" is not a Delacon company id`);

/** Number types rarely change; one Delacon call per region and hour is plenty. */
const NUMBER_TYPES_TTL_MS = 60 * 60 * 1000;
function checkRegion(region: string | undefined, field: string[]): asserts region is DelaconRegion | undefined {
  if (region !== undefined && !Object.hasOwn(REGIONS, region)) refuse(field, `Delacon has no region ${region}; use one of ${Object.keys(REGIONS).join(', ')}`);
}

/** Delacon wants the termination number in national form, so it must belong to the order's country. */
function checkTermination(value: string | undefined, region: DelaconRegion | undefined): void {
  if (value === undefined) return;
  const e164 = phoneNumber(value, ['delacon', 'terminationNumber']);
  // An unknown region is refused on its own field.
  const place = region && Object.hasOwn(REGIONS, region) ? REGIONS[region] : undefined;
  if (place && partsOf(e164).country !== place.country) {
    refuse(['delacon', 'terminationNumber'], `${value} is not a number in ${place.name} (Delacon takes it in national form)`, ErrorCode.INVALID_NUMBER);
  }
}

function checkProvision(input: DelaconProvisionInput | undefined): DelaconProvisionInput {
  if (!input) return refuse(['delacon'], 'A Delacon order needs its delacon input');
  const field = (name: keyof DelaconProvisionInput): string[] => ['delacon', name];
  const { companyId } = input;
  everyRefusal([
    () => (!Number.isInteger(input.count) || input.count < 1 || input.count > 10) && refuse(field('count'), 'Delacon orders take 1 to 10 numbers'),
    () => checkRegion(input.region, field('region')),
    () => checkEmail(input.orderSummaryEmail, field('orderSummaryEmail')),
    ...(companyId !== undefined
      ? [() => checkCompanyId(companyId, field('companyId'))]
      : [
          ...(['businessName', 'businessCategory', 'email', 'terminationNumber', 'region', 'numberType'] as const).map(
            (name) => () => !input[name]?.trim() && refuse(field(name), `A new Delacon customer needs ${name}`),
          ),
          () => checkEmail(input.email, field('email')),
          () => checkTermination(input.terminationNumber, input.region),
          () => input.acceptTerms !== true && refuse(field('acceptTerms'), "A new Delacon customer must accept Delacon's terms"),
        ]),
  ]);
  return input;
}

function checkUpdate(request: Update): DelaconServiceUpdateInput {
  const update = request.delacon;
  const field = (name: keyof DelaconServiceUpdateInput): string[] => ['delacon', name];
  everyRefusal([
    () => checkCompanyId(request.serviceRef, ['serviceRef']),
    () => (!update || updateFields(update).length === 0) && refuse(['delacon'], 'Nothing to update'),
  ]);
  const u = update!;
  everyRefusal([
    () => u.businessName !== undefined && !u.businessName.trim() && refuse(field('businessName'), 'The business name cannot be empty'),
    () => checkEmail(u.email, field('email')),
    () => checkTermination(u.terminationNumber, undefined),
    () =>
      u.oneThreeHundredNumber !== undefined &&
      !/^1[38]00\d{6}$|^13\d{4}$/.test(u.oneThreeHundredNumber.replace(/\s+/g, '')) &&
      refuse(field('oneThreeHundredNumber'), `${u.oneThreeHundredNumber} is not a 13, 1300 or 1800 number`, ErrorCode.INVALID_NUMBER),
    () => {
      const seconds = u.transferTimeSeconds;
      if (seconds !== undefined && (!Number.isInteger(seconds) || seconds < 0 || seconds > 999)) refuse(field('transferTimeSeconds'), 'The transfer time is 0 to 999 seconds');
    },
    () => u.smsMessage !== undefined && u.smsMessage.length > 160 && refuse(field('smsMessage'), 'The SMS message is at most 160 characters'),
  ]);
  return u;
}

export class DelaconAdapter implements ProviderAdapter {
  readonly name = 'DELACON' as const;
  private readonly types = new Map<DelaconRegion, { until: number; types: Promise<NumberTypeRecord[]> }>();

  constructor(private readonly client: DelaconClient) {}

  async numberTypes(region: DelaconRegion): Promise<NumberTypeRecord[]> {
    checkRegion(region, ['region']);
    const cached = this.types.get(region);
    if (cached && cached.until > Date.now()) return cached.types;
    const entry = { until: Date.now() + NUMBER_TYPES_TTL_MS, types: this.client.numberTypes(REGIONS[region].name).then(numberTypesOf) };
    this.types.set(region, entry);
    // A failure is not worth remembering.
    entry.types.catch(() => this.types.get(region) === entry && this.types.delete(region));
    return entry.types;
  }

  async provision(request: Provision): Promise<ProvisionOutcome> {
    const input = checkProvision(request.delacon);
    const reply = await this.client.provision(provisionForm(input));
    return provisionOutcome(input, reply, new Date().toISOString());
  }

  /**
   * One Update Customer call per step (settings first, then each billing flag alone). A
   * step Delacon refuses does not stop the others: they are independent settings. An
   * infrastructure failure stops the rest, which are reported as not sent; if nothing had
   * been applied by then, it is thrown instead.
   */
  async updateService(request: Update): Promise<ServiceUpdateOutcome> {
    const update = checkUpdate(request);
    const steps = updateSteps(update);
    const parts: UpdatePart[] = [];
    const applied: (keyof DelaconServiceUpdateInput)[] = [];
    for (const [i, step] of steps.entries()) {
      try {
        const reply = await this.client.updateCustomer(request.serviceRef, step.form);
        parts.push({ fields: step.fields, applied: true, pending: false, message: reply.MESSAGE });
        applied.push(...step.fields);
      } catch (err) {
        if (err instanceof BusinessError) {
          parts.push({ fields: step.fields, applied: false, pending: false, code: err.code, message: err.message });
          continue;
        }
        if (!(err instanceof GatewayError) || applied.length === 0) throw err;
        parts.push({ fields: step.fields, applied: false, pending: false, code: err.code, message: `${err.message}: this part may not have been applied` });
        for (const rest of steps.slice(i + 1)) {
          parts.push({ fields: rest.fields, applied: false, pending: false, code: err.code, message: 'Not sent: an earlier part failed at Delacon' });
        }
        break;
      }
    }
    return { service: applied.length ? updatedService(request.serviceRef, update, applied, new Date().toISOString()) : undefined, parts };
  }
}
