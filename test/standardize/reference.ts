import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Values computed by base R with test/reference/standardize/standardize.R (see its header for how to re-run). */
export interface StandardizeReference {
  x: (number | null)[];
  w: number[];
  [name: string]: unknown;
}

export const ref = JSON.parse(
  readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), "..", "reference", "standardize", "standardize.json"), "utf8"),
) as Record<string, any>;

/** Element-wise closeness with null kept as null. */
export function expectClose(actual: (number | null)[], expected: (number | null)[], tol = 1e-13): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} ≠ ${expected.length}`);
  actual.forEach((a, i) => {
    const e = expected[i];
    if (e === null || a === null) {
      if (a !== e) throw new Error(`position ${i}: ${a} ≠ ${e}`);
    } else if (!(Math.abs(a - e) <= tol * Math.max(1, Math.abs(e)))) {
      throw new Error(`position ${i}: ${a} ≠ ${e} (tolerance ${tol})`);
    }
  });
}
