/**
 * The longest list each list argument and list input field takes, by schema coordinate. A
 * longer list is refused before anything runs (src/server/limits.ts), so one request cannot
 * fan out into thousands of upstream calls. Each cap is declared where its field is, through
 * `atMost`, which also states it in the field's description; a test checks that every list
 * input of the schema has one.
 */
export const MAX_ITEMS: Record<string, number> = {};

/** The description of a list capped at `max` (`text`, then the cap), the cap kept for the limits. */
export function atMost(coordinate: string, max: number, text?: string): string {
  MAX_ITEMS[coordinate] = max;
  return `${text ? `${text} ` : ''}At most ${max} items.`;
}
