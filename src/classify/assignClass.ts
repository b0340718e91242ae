/**
 * One class of a {@link ClassScheme}. Every class except the last has an upper bound: `below` (x < b) or
 * `atMost` (x ≤ b); the last class takes everything above.
 */
export interface ClassDefinition {
  /** German label as published, e.g. "sehr niedrig". */
  label: string;
  /** Class number as published (Berlin status: 1 hoch … 4 sehr niedrig). */
  code: number;
  /** Strict upper bound: the class holds x < below. */
  below?: number;
  /** Inclusive upper bound: the class holds x ≤ atMost. */
  atMost?: number;
  /** Short sign used in combined groups (Berlin dynamics: "+", "+/-", "-"). */
  symbol?: string;
}

/** An ordered set of classes for index values, from the lowest values to the highest. */
export interface ClassScheme {
  /** Stable id, e.g. "berlin-mss-status" (used by the CLI `--scheme`). */
  id: string;
  /** German title for tables and legends. */
  label: string;
  classes: readonly ClassDefinition[];
  /** Where the scheme comes from. */
  source?: string;
}

/** Checks that the bounds of a scheme increase and only the last class is open; returns the scheme. */
export function checkClassScheme(scheme: ClassScheme): ClassScheme {
  const fn = "checkClassScheme";
  const cs = scheme?.classes;
  if (!Array.isArray(cs) || cs.length === 0) throw new Error(`${fn}: Klassenschema "${scheme?.id}" hat keine Klassen`);
  let prev = -Infinity;
  cs.forEach((c, k) => {
    const last = k === cs.length - 1;
    const bound = c.below ?? c.atMost;
    if (c.below !== undefined && c.atMost !== undefined) {
      throw new Error(`${fn}: Klasse "${c.label}" des Klassenschemas "${scheme.id}" hat sowohl below als auch atMost`);
    }
    if (last && bound !== undefined) throw new Error(`${fn}: letzte Klasse "${c.label}" des Klassenschemas "${scheme.id}" muss offen sein (ohne Grenze), angegeben: ${bound}`);
    if (!last && (bound === undefined || !Number.isFinite(bound))) {
      throw new Error(`${fn}: Klasse "${c.label}" des Klassenschemas "${scheme.id}" braucht eine endliche Obergrenze, angegeben: ${bound}`);
    }
    if (!last && bound! < prev) throw new Error(`${fn}: Grenzen des Klassenschemas "${scheme.id}" müssen steigen (Klasse "${c.label}": ${bound} nach ${prev})`);
    if (!last) prev = bound!;
  });
  return scheme;
}

/**
 * The class of `value` in `scheme`, or null when the value is missing (null, undefined, NaN).
 *
 * @example
 * assignClass(1.2, berlinMssStatus).label;  // "niedrig"
 * assignClass(-1, berlinMssStatus).label;   // "mittel" (−1 ≤ x ≤ 1)
 */
export function assignClass(value: number | null | undefined, scheme: ClassScheme): ClassDefinition | null {
  if (value === null || value === undefined || value !== value) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new Error(`assignClass: Wert ${JSON.stringify(value)} ist keine endliche Zahl (Klassenschema "${scheme.id}")`);
  }
  const cs = scheme.classes;
  const last = cs.length - 1;
  for (let k = 0; k < last; k++) {
    const c = cs[k];
    if (c.below !== undefined ? value < c.below : value <= (c.atMost as number)) return c;
  }
  return cs[last];
}
