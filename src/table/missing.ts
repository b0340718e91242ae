/**
 * An explicit missing value. Statistics offices mark suppressed or unknown cells with ".", "-", "–", "x", "*",
 * "k.A." or leave them empty; the marker is kept so that a reviewer can see *why* a value is missing.
 * A missing value is never 0.
 *
 * @example
 * const m = missing(".");
 * isMissing(m); // true
 * String(m);    // "."
 */
export class Missing {
  readonly missing = true as const;
  constructor(readonly marker: string) {}
  toString(): string {
    return this.marker;
  }
  toJSON(): { missing: true; marker: string } {
    return { missing: true, marker: this.marker };
  }
}

/** Creates a missing value with the given marker ("" for an empty cell). */
export function missing(marker = ""): Missing {
  return new Missing(marker);
}

/** True if `value` is an explicit missing value (or null/undefined/NaN, which count as missing too). */
export function isMissing(value: unknown): boolean {
  return (
    value instanceof Missing ||
    value === null ||
    value === undefined ||
    (typeof value === "number" && Number.isNaN(value))
  );
}

/** The number in a cell, or null when the cell is missing or not a finite number. */
export function numberOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A cell of an area table: a number, a string (ids, names), or an explicit missing value. */
export type Cell = number | string | Missing;
