/** What the last reconciliation run compared, found and changed (`reconciliation` query). */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode } from '../errors.js';
import { Provider, literals, valuesConfig } from './enums.js';
import type { ReconciliationRecord } from '../domain/model.js';
import { toGlobalId } from './node.js';
import { DateTimeScalar } from './scalars.js';

export const ReconciledRecord = literals('NUMBER', 'SERVICE', 'ALLOCATION', 'ORDER');
export const Drift = literals('ADDED', 'CHANGED', 'GONE', 'STALE');
export const Coverage = literals('LISTED', 'READ_EACH', 'NONE');
registerEnumType(ReconciledRecord, {
  name: 'ReconciledRecord',
  description: 'A kind of record reconciliation compares with its provider.',
  valuesConfig: valuesConfig(ReconciledRecord, { NUMBER: 'A phone number.', SERVICE: 'A service (what a number is set up to do).', ALLOCATION: 'An Exotel GreenVN allocation.', ORDER: 'An order.' }),
});
registerEnumType(Drift, {
  name: 'Drift',
  description: 'How a record differed between the store and its provider.',
  valuesConfig: valuesConfig(Drift, {
    ADDED: 'At the provider, not in the store: now stored.',
    CHANGED: 'In both, differing: the store now says what the provider says.',
    GONE: 'Stored, no longer at the provider: released, removed or deallocated.',
    STALE: 'An order left PENDING past its provider’s window.',
  }),
});
registerEnumType(Coverage, {
  name: 'Coverage',
  description: 'How reconciliation sees a kind of record at a provider.',
  valuesConfig: valuesConfig(Coverage, { LISTED: 'The provider lists them all.', READ_EACH: 'Each stored one is read again.', NONE: 'The provider offers neither.' }),
});

@ObjectType({ description: 'One difference between the store and a provider, and how the store was corrected.' })
export class ReconciliationChange {
  @Field(() => ReconciledRecord, { description: 'Which kind of record differed.' }) record!: string;
  @Field(() => Drift, { description: 'How it differed.' }) drift!: string;
  @Field(() => String, { description: 'E.164 of a number, the provider’s key of a service or allocation, the id of an order (as `order(id:)` takes it).' }) ref!: string;
  @Field(() => String, { nullable: true, description: 'Its status before, where it has one.' }) before?: string;
  @Field(() => String, { nullable: true, description: 'Its status after, where it has one.' }) after?: string;
}

@ObjectType({ description: 'Why a provider could not be reconciled in a run (nothing of it was changed from its lists).' })
export class ReconciliationError {
  @Field(() => ErrorCode, { description: 'The error code (as on a GraphQL error).' }) code!: string;
  @Field(() => String, { description: 'What went wrong, safe to show.' }) message!: string;
}

@ObjectType({ description: 'One provider in a reconciliation run.' })
export class ProviderReconciliation {
  @Field(() => Provider, { description: 'The provider.' }) provider!: string;
  @Field(() => Coverage, { description: 'How its numbers are seen.' }) numbers!: string;
  @Field(() => Coverage, { description: 'How its services are seen.' }) services!: string;
  @Field(() => Coverage, { description: 'How its allocations are seen.' }) allocations!: string;
  @Field(() => Int, { nullable: true, description: 'How long its orders may stay PENDING before they become STALE; null when its orders are confirmed at once.' })
  orderStaleAfterSeconds?: number;
  @Field(() => Int, { description: 'Records compared (stored and listed, pending orders past their window).' }) checked!: number;
  @Field(() => Int, { description: 'Differences found and corrected.' }) changeCount!: number;
  @Field(() => [ReconciliationChange], { description: 'The first 100 of them.' }) changes!: ReconciliationChange[];
  @Field(() => ReconciliationError, { nullable: true, description: 'Why it could not be read in this run; null when it was.' }) error?: ReconciliationError;
}

@ObjectType({ description: 'The last completed run of reconciliation: the store compared with what the providers hold (see the README).' })
export class Reconciliation {
  @Field(() => DateTimeScalar, { description: 'When the run started.' }) startedAt!: string;
  @Field(() => DateTimeScalar, { description: 'When it finished.' }) finishedAt!: string;
  @Field(() => [ProviderReconciliation], { description: 'Each provider, what it could see and what changed.' }) providers!: ProviderReconciliation[];
}

/** An order is named by the id the API gives it. */
export const presentReconciliation = (r: ReconciliationRecord): Reconciliation => ({
  ...r,
  providers: r.providers.map((p) => ({ ...p, changes: p.changes.map((c) => (c.record === 'ORDER' ? { ...c, ref: toGlobalId('Order', c.ref) } : c)) })),
});
