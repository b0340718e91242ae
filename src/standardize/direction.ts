/**
 * The orientation of an indicator. `1`: a higher raw value means more disadvantage (SGB II share, Kinderarmut);
 * `-1`: a higher raw value means less disadvantage (e.g. Abiturquote, Wohnfläche). Every standardisation in
 * this module multiplies by the direction, so that in every result **high always means more disadvantage**.
 */
export type Direction = 1 | -1;

/** Checks a direction option and returns it (default 1). */
export function directionOf(fn: string, direction: unknown): Direction {
  if (direction === undefined || direction === 1) return 1;
  if (direction === -1) return -1;
  throw new Error(`${fn}: Option "direction" muss 1 (höher ist ungünstiger) oder -1 (höher ist günstiger) sein, angegeben: ${JSON.stringify(direction)}`);
}
