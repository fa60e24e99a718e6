/**
 * The longest list each list argument and list input field takes, by schema coordinate. A
 * longer list is refused before anything runs (src/server/limits.ts), so one request cannot
 * fan out into thousands of upstream calls. Each cap is stated in its field's description
 * (`atMost`), and a test checks that every list input of the schema has one.
 */
export const MAX_ITEMS = {
  'Query.portability(numbers:)': 100,
  'NumbersInput.numbers': 100,
  'VoipInnovationsProvisionInput.numbers': 100,
  'AvanserProvisionInput.numbers': 100,
  'AvanserNotificationsInput.emails': 20,
  'AvanserNotificationsInput.smsNumbers': 20,
  'DelaconProvisionInput.features': 10,
  'AllocateGreenVNInput.aPartyNumbers': 100,
  'AllocateGreenVNInput.bPartyNumbers': 100,
  'AllocateGreenVNInput.aPartyPins': 100,
  'AllocateGreenVNInput.bPartyPins': 100,
  'UpdateAllocationPartiesInput.aPartyNumbers': 100,
  'UpdateAllocationPartiesInput.bPartyNumbers': 100,
  'UpdateAllocationPartiesInput.aPartyPins': 100,
  'UpdateAllocationPartiesInput.bPartyPins': 100,
  'AllocationEventFilter.kinds': 10,
} as const satisfies Record<string, number>;

export type ListCoordinate = keyof typeof MAX_ITEMS;

/** The description of a capped list: `text`, then the cap. */
export function atMost(coordinate: ListCoordinate, text?: string): string {
  return `${text ? `${text} ` : ''}At most ${MAX_ITEMS[coordinate]} items.`;
}
