import type { Exclusion } from "../table/exclusion.js";
import { Missing } from "../table/missing.js";
import { columnAccess, requireColumn, type TableInput } from "./columns.js";

/** Options of {@link indicatorChanges}. */
export interface IndicatorChangesOptions {
  /** The area id column (in both tables). */
  id: string;
  /** Columns whose change is wanted. */
  columns: readonly string[];
  /** Suffix for the result columns (default "": the change keeps the column name). */
  suffix?: string;
}

/** Result of {@link indicatorChanges}. */
export interface IndicatorChangesResult {
  name: "indicatorChanges";
  n: number;
  /** One row per area of `after` (its order): the id and `after − before` per column (null if either is missing). */
  rows: Record<string, string | number | null>[];
  excluded: Exclusion[];
  warnings: string[];
}

/**
 * Changes between two years per area, `after − before` (for shares in % this is the change in percentage
 * points, as the Berlin MSS dynamic indicators D1, D3, D4). Areas are matched by id; rows follow `after`.
 * Areas only in `after` get null changes and an exclusion; areas only in `before` are listed in `excluded`.
 *
 * @example
 * indicatorChanges([{ id: "a", s: 10 }], [{ id: "a", s: 12.5 }], { id: "id", columns: ["s"] }).rows;
 * // [{ id: "a", s: 2.5 }]
 */
export function indicatorChanges(before: TableInput, after: TableInput, options: IndicatorChangesOptions): IndicatorChangesResult {
  const fn = "indicatorChanges";
  const b = columnAccess(fn, before);
  const a = columnAccess(fn, after);
  const suffix = options.suffix ?? "";
  const bIds = requireColumn(fn, b, options.id, "Kennung in before");
  const aIds = requireColumn(fn, a, options.id, "Kennung in after");
  // A missing id would otherwise become the text "null" or "undefined" and match across the two years.
  const idOf = (col: ArrayLike<unknown>, i: number, which: string): string => {
    const v = col[i];
    if (v === null || v === undefined || v === "" || v instanceof Missing) throw new Error(`${fn}: Zeile ${i + 1} von ${which} hat keine Kennung in Spalte "${options.id}"`);
    return String(v);
  };
  // Both years with the same strictly ascending ids (the usual case: one sorted area list) pair row i with row i,
  // unique without a Map or Set of every id; otherwise the ids are matched and checked through them.
  const same = sameAscendingIds(a.length, b.length, aIds, bIds);
  const bPos = new Map<string, number>();
  for (let i = 0; i < b.length && !same; i++) {
    const id = idOf(bIds, i, "before");
    if (bPos.has(id)) throw new Error(`${fn}: Kennung "${id}" kommt in before doppelt vor`);
    bPos.set(id, i);
  }
  const bCols = options.columns.map((c) => requireColumn(fn, b, c, "in before"));
  const aCols = options.columns.map((c) => requireColumn(fn, a, c, "in after"));
  const excluded: Exclusion[] = [];
  const seen = new Set<string>();
  const rows = new Array<Record<string, string | number | null>>(a.length);
  for (let i = 0; i < a.length; i++) {
    const id = idOf(aIds, i, "after");
    if (!same && seen.has(id)) throw new Error(`${fn}: Kennung "${id}" kommt in after doppelt vor`);
    if (!same) seen.add(id);
    const j = same ? i : bPos.get(id);
    const row: Record<string, string | number | null> = { [options.id]: id };
    if (j === undefined) excluded.push({ id, reason: "nicht im früheren Jahr vorhanden", step: fn });
    for (let k = 0; k < options.columns.length; k++) {
      const c = options.columns[k];
      const x1 = aCols[k][i];
      const x0 = j === undefined ? null : bCols[k][j];
      checkNumber(fn, x0, c, id, "before");
      checkNumber(fn, x1, c, id, "after");
      const ok0 = isFiniteNumber(x0);
      const ok1 = isFiniteNumber(x1);
      if (ok0 && ok1) row[c + suffix] = (x1 as number) - (x0 as number);
      else {
        row[c + suffix] = null;
        if (j !== undefined) excluded.push({ id, reason: `fehlender Wert in ${c} (${ok0 ? "späteres Jahr" : ok1 ? "früheres Jahr" : "beide Jahre"})`, step: fn, column: c });
      }
    }
    rows[i] = row;
  }
  for (let i = 0; i < b.length && !same; i++) {
    const id = idOf(bIds, i, "before");
    if (!seen.has(id)) excluded.push({ id, reason: "nicht im späteren Jahr vorhanden", step: fn });
  }
  const warnings = excluded.length ? [`${fn}: ${excluded.length} Ausschlüsse (siehe excluded)`] : [];
  return { name: fn, n: a.length, rows, excluded, warnings };
}

/** True when both id columns have the same length and the same present ids in strictly ascending order. */
function sameAscendingIds(nA: number, nB: number, aIds: ArrayLike<unknown>, bIds: ArrayLike<unknown>): boolean {
  if (nA !== nB) return false;
  let last = "";
  for (let i = 0; i < nA; i++) {
    const a = aIds[i];
    const b = bIds[i];
    // A missing id takes the checked way, which names its row.
    if (a === null || a === undefined || a === "" || a instanceof Missing || b === null || b === undefined || b instanceof Missing) return false;
    const id = String(a);
    if ((i > 0 && id <= last) || id !== String(b)) return false;
    last = id;
  }
  return true;
}

function isFiniteNumber(v: unknown): boolean {
  return typeof v === "number" && Number.isFinite(v);
}

/** A cell must be a finite number or missing (null, undefined, Missing, NaN); anything else is an error. */
function checkNumber(fn: string, v: unknown, column: string, id: string, which: "before" | "after"): void {
  if (v !== null && v !== undefined && !(v instanceof Missing) && !(typeof v === "number" && Number.isNaN(v)) && !isFiniteNumber(v)) {
    throw new Error(`${fn}: Wert ${JSON.stringify(v)} in Spalte "${column}" von Gebiet "${id}" (${which}) ist keine endliche Zahl`);
  }
}
