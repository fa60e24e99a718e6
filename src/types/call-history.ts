/** The call history's order (`callEvents(orderBy:)`). */
import { Field, InputType, registerEnumType } from 'type-graphql';
import type { CallOrder } from '../store/calls.js';
import { literals, SortDirection } from './enums.js';

export const CallEventOrderField = literals('STARTED_AT', 'DURATION');

registerEnumType(CallEventOrderField, {
  name: 'CallEventOrderField',
  description: 'STARTED_AT: when the call started (when the gateway first heard of it, while its provider has not said); DURATION: talk time (0 while not known).',
});

@InputType({ description: 'How calls are ordered; ties keep the order the gateway stored them in, so a cursor’s place never moves while calls arrive.' })
export class CallEventOrder {
  @Field(() => CallEventOrderField, { defaultValue: 'STARTED_AT' })
  field!: CallOrder['field'];

  @Field(() => SortDirection, { defaultValue: 'DESC' })
  direction!: CallOrder['direction'];
}
