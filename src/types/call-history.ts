/** The call history's order (`callEvents(orderBy:)`). */
import { Field, InputType, registerEnumType } from 'type-graphql';
import type { CallOrder } from '../store/calls.js';
import { literals, SortDirection, valuesConfig } from './enums.js';

export const CallEventOrderField = literals('STARTED_AT', 'DURATION');

registerEnumType(CallEventOrderField, {
  name: 'CallEventOrderField',
  description: 'What the call history is ordered by.',
  valuesConfig: valuesConfig(CallEventOrderField, {
    STARTED_AT: 'When the call started (when the gateway first heard of it, while its provider has not said).',
    DURATION: 'Talk time (0 while not known).',
  }),
});

@InputType({ description: 'How calls are ordered; ties keep the order the gateway stored them in, so a cursor’s place never moves while calls arrive.' })
export class CallEventOrder {
  @Field(() => CallEventOrderField, { defaultValue: 'STARTED_AT', description: 'What to order by.' })
  field!: CallOrder['field'];

  @Field(() => SortDirection, { defaultValue: 'DESC', description: 'Which way.' })
  direction!: CallOrder['direction'];
}
