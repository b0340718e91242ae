import type { Exclusion } from "../table/exclusion.js";
import { Missing } from "../table/missing.js";

/** Values of one indicator after the missing cells were taken out (internal helper of this module). */
export interface PresentValues {
  /** All input values as doubles, NaN where missing (input order, input length). */
  all: Float64Array;
  /** Positions (0-based) of the values that are present, ascending. */
  present: Int32Array;
  /** The present values, in input order. */
  values: number[];
  /** Positions of the missing values. */
  missing: number[];
  /** One exclusion per missing value, with the area id when `ids` was given, else the position. */
  excluded: Exclusion[];
}

/**
 * Splits `values` into present and missing ones. null, undefined, NaN and {@link Missing} count as missing;
 * strings and infinite numbers are errors (parsing is the job of `io`).
 */
export function presentValues(
  fn: string,
  values: ArrayLike<unknown>,
  ids?: ArrayLike<string>,
  column?: string,
): PresentValues {
  if (values == null || typeof values.length !== "number") {
    throw new Error(`${fn}: values muss eine Liste von Zahlen sein, angegeben: ${values === null ? "null" : typeof values}`);
  }
  const n = values.length;
  if (ids !== undefined && ids.length !== n) {
    throw new Error(`${fn}: Option "ids" hat ${ids.length} Einträge, values aber ${n}`);
  }
  const all = new Float64Array(n);
  const presentIdx = new Int32Array(n);
  const present: number[] = [];
  const missing: number[] = [];
  const excluded: Exclusion[] = [];
  let k = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v === "number" && Number.isFinite(v)) {
      all[i] = v;
      presentIdx[k++] = i;
      present.push(v);
      continue;
    }
    const isMiss = v === null || v === undefined || v instanceof Missing || (typeof v === "number" && Number.isNaN(v));
    if (!isMiss) {
      const where = ids !== undefined ? `Gebiet "${ids[i]}"` : `Position ${i}`;
      throw new Error(`${fn}: Wert ${JSON.stringify(v === Infinity || v === -Infinity ? String(v) : v)} bei ${where}${column !== undefined ? ` in Spalte "${column}"` : ""} ist keine endliche Zahl`);
    }
    all[i] = NaN;
    missing.push(i);
    const marker = v instanceof Missing && v.marker !== "" ? ` ("${v.marker}")` : "";
    excluded.push({
      id: ids !== undefined ? String(ids[i]) : String(i),
      reason: `fehlender Wert${marker}`,
      step: fn,
      ...(column !== undefined ? { column } : {}),
    });
  }
  return { all, present: presentIdx.subarray(0, k), values: present, missing, excluded };
}

/**
 * The ids at `positions` (`ids[positions[k]]` as text) for error messages, read only when a message needs one:
 * no array of every id per standardised column (internal helper of this module and `compositeIndex`).
 */
export function idsAt(ids: ArrayLike<unknown>, positions: ArrayLike<number>): ArrayLike<string> {
  return new Proxy({ length: positions.length } as ArrayLike<string>, {
    get: (target, key) => {
      if (typeof key === "string" && key !== "" && key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57) {
        const k = Number(key);
        return Number.isInteger(k) && k >= 0 && k < positions.length ? String(ids[positions[k]]) : undefined;
      }
      return (target as unknown as Record<string | symbol, unknown>)[key];
    },
  });
}
