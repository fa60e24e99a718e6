/** What the last reconciliation run compared, found and changed (`reconciliation` query). */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode } from '../errors.js';
import { Provider, literals } from './enums.js';
import type { ReconciliationRecord } from '../domain/model.js';
import { toGlobalId } from './node.js';
import { DateTimeScalar } from './scalars.js';

export const ReconciledRecord = literals('NUMBER', 'SERVICE', 'ALLOCATION', 'ORDER');
export const Drift = literals('ADDED', 'CHANGED', 'GONE', 'STALE');
export const Coverage = literals('LISTED', 'READ_EACH', 'NONE');
registerEnumType(ReconciledRecord, { name: 'ReconciledRecord', description: 'A kind of record reconciliation compares with its provider.' });
registerEnumType(Drift, {
  name: 'Drift',
  description: 'ADDED: at the provider, not in the store; CHANGED: in both, differing; GONE: stored, no longer at the provider; STALE: an order left PENDING past its window.',
});
registerEnumType(Coverage, {
  name: 'Coverage',
  description: 'How reconciliation sees a kind of record at a provider: LISTED (the provider lists them all), READ_EACH (each stored one read again), NONE (the provider offers neither).',
});

@ObjectType({ description: 'One difference between the store and a provider, and how the store was corrected.' })
export class ReconciliationChange {
  @Field(() => ReconciledRecord) record!: string;
  @Field(() => Drift) drift!: string;
  @Field(() => String, { description: 'E.164 of a number, the provider’s key of a service or allocation, the id of an order (as `order(id:)` takes it).' }) ref!: string;
  @Field(() => String, { nullable: true, description: 'Its status before, where it has one.' }) before?: string;
  @Field(() => String, { nullable: true, description: 'Its status after, where it has one.' }) after?: string;
}

@ObjectType({ description: 'Why a provider could not be reconciled in a run (nothing of it was changed from its lists).' })
export class ReconciliationError {
  @Field(() => ErrorCode) code!: string;
  @Field(() => String) message!: string;
}

@ObjectType({ description: 'One provider in a reconciliation run.' })
export class ProviderReconciliation {
  @Field(() => Provider) provider!: string;
  @Field(() => Coverage) numbers!: string;
  @Field(() => Coverage) services!: string;
  @Field(() => Coverage) allocations!: string;
  @Field(() => Int, { nullable: true, description: 'How long its orders may stay PENDING before they become STALE; null when its orders are confirmed at once.' })
  orderStaleAfterSeconds?: number;
  @Field(() => Int, { description: 'Records compared (stored and listed, pending orders past their window).' }) checked!: number;
  @Field(() => Int, { description: 'Differences found and corrected.' }) changeCount!: number;
  @Field(() => [ReconciliationChange], { description: 'The first 100 of them.' }) changes!: ReconciliationChange[];
  @Field(() => ReconciliationError, { nullable: true }) error?: ReconciliationError;
}

@ObjectType({ description: 'The last completed run of reconciliation: the store compared with what the providers hold (see the README).' })
export class Reconciliation {
  @Field(() => DateTimeScalar) startedAt!: string;
  @Field(() => DateTimeScalar) finishedAt!: string;
  @Field(() => [ProviderReconciliation]) providers!: ProviderReconciliation[];
}

/** An order is named by the id the API gives it. */
export const presentReconciliation = (r: ReconciliationRecord): Reconciliation => ({
  ...r,
  providers: r.providers.map((p) => ({ ...p, changes: p.changes.map((c) => (c.record === 'ORDER' ? { ...c, ref: toGlobalId('Order', c.ref) } : c)) })),
});
