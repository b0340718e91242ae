import { Missing, isMissing } from "../table/missing.js";
import type { Exclusion } from "../table/exclusion.js";
import { tableAccess, type TableAccess, type TableRow } from "../table/tableLike.js";
import type { MissingPolicy, MixInput } from "./types.js";

/** Areas with fewer persons than this trigger a warning: segregation indices are biased upwards for them. */
export const SMALL_AREA_POPULATION = 100;

/** Counts of the included areas as typed arrays: what every index kernel works on. */
export interface CountData {
  /** Function name, for messages. */
  fn: string;
  /** Number of input rows. */
  rowCount: number;
  /** Number of included areas. */
  n: number;
  /** Input row of each included area. */
  rowIndex: Uint32Array;
  /** Group names (with the rest group, if any). */
  groups: string[];
  /** Count of each group (one typed array per group, length n). */
  counts: Float64Array[];
  /** Total population of each included area. */
  totals: Float64Array;
  /** City total of each group. */
  groupTotals: number[];
  /** City total population. */
  populationTotal: number;
  /** Key of input row i (the id column's value, or "Zeile i+1"). */
  idOf(row: number): string;
  /** True when an `id` column was given. */
  hasId: boolean;
  /** True when input row i has no id (no `id` column, or a missing cell): `idOf` then falls back to "Zeile i+1". */
  idMissing(row: number): boolean;
  excluded: Exclusion[];
  warnings: string[];
}

export interface ReadCountsSpec {
  /** Count columns; for a single-group index just [group]. */
  groups: string[];
  /** Total column (required for single-group indices). */
  total?: string;
  /**
   * The total is the denominator of each group on its own: no group may exceed it, the groups may overlap, and
   * there is no rest group (single-group indices; location quotients of several groups against one total).
   */
  single?: boolean;
  /** Name of the rest group (total − sum of groups) for multigroup indices with a total. */
  restGroup?: string;
  id?: string;
  missing?: MissingPolicy;
}

type Accessor = (i: number) => unknown;

/** The input's table access; anything that is not a table is read as rows (the checks below then report it). */
function access(input: MixInput): TableAccess {
  return tableAccess(input) ?? { rows: input as unknown as readonly TableRow[], numRows: (input as { length?: number }).length } as TableAccess;
}

function accessor(fn: string, input: TableAccess, column: string, rowCount: number): Accessor {
  if (input.kind === "columnar" || input.kind === "columns") {
    const names = input.names;
    if (names && !names.includes(column)) throw new Error(`${fn}: Spalte "${column}" nicht gefunden (Spalten: ${names.join(", ")})`);
    return input.cell(column);
  }
  const rows = input.rows as readonly TableRow[];
  if (rowCount > 0 && !(column in rows[0])) {
    throw new Error(`${fn}: Spalte "${column}" nicht gefunden (Spalten: ${Object.keys(rows[0]).join(", ")})`);
  }
  return (i) => rows[i][column];
}

function describe(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/**
 * Reads and checks the counts of every area into typed arrays. Errors name the function, the column, the value
 * and the area (`area "0101"` with the `id` option, otherwise `row 3`, counted from 1).
 *
 * - a missing count: error, or with `missing: "exclude"` the area is listed in `excluded`;
 * - a negative, non-numeric or infinite count: error;
 * - a group count above the area's total (or groups summing above it): error;
 * - an area with total 0: excluded (it contributes nothing to any index), listed in `excluded`;
 * - a city total of 0 for a group (or a group that is the whole population): error, the index is undefined.
 */
export function readCounts(fn: string, input: MixInput, spec: ReadCountsSpec): CountData {
  if (input == null) throw new Error(`${fn}: keine Zeilen angegeben (${String(input)})`);
  const table = access(input);
  const rowCount = table.numRows;
  if (!Array.isArray(spec.groups) || spec.groups.length === 0) throw new Error(`${fn}: keine Gruppenspalten angegeben`);
  if (spec.single && spec.total === undefined) throw new Error(`${fn}: die Option "total" (Spalte der Gesamtbevölkerung) ist erforderlich`);
  if (rowCount === 0) throw new Error(`${fn}: keine Gebiete (leere Eingabe)`);
  const policy = spec.missing ?? "error";
  if (policy !== "error" && policy !== "exclude") throw new Error(`${fn}: die Option "missing" muss "error" oder "exclude" sein, angegeben ist ${describe(policy)}`);

  const idAt = spec.id !== undefined ? accessor(fn, table, spec.id, rowCount) : null;
  const idOf = (row: number): string => {
    const v = idAt?.(row);
    return idAt && !isMissing(v) ? String(v) : `Zeile ${row + 1}`;
  };
  const where = (row: number): string => {
    const v = idAt?.(row);
    return idAt && !isMissing(v) ? `Gebiet ${JSON.stringify(String(v))}` : `Zeile ${row + 1}`;
  };

  const K = spec.groups.length;
  const groupAt = spec.groups.map((g) => accessor(fn, table, g, rowCount));
  const totalAt = spec.total !== undefined ? accessor(fn, table, spec.total, rowCount) : null;
  const hasRest = !spec.single && totalAt !== null;
  const Kout = hasRest ? K + 1 : K;

  const counts = Array.from({ length: Kout }, () => new Float64Array(rowCount));
  const totals = new Float64Array(rowCount);
  const rowIndex = new Uint32Array(rowCount);
  const excluded: Exclusion[] = [];
  let n = 0;
  let small = 0;

  // Returns the count, or NaN for a missing one (the caller decides); throws for anything else that is not a count.
  const read = (at: Accessor, column: string, row: number): number => {
    const v = at(row);
    if (typeof v === "number") {
      if (v >= 0 && v < Infinity) return v + 0; // + 0 turns −0 into 0 (the radix sort of shares relies on it)
      if (Number.isNaN(v)) return NaN;
      if (v < 0) throw new Error(`${fn}: Spalte "${column}" hat einen negativen Wert in ${where(row)}: ${v}`);
      throw new Error(`${fn}: Spalte "${column}" hat einen nicht endlichen Wert in ${where(row)}: ${v}`);
    }
    if (isMissing(v)) return NaN;
    throw new Error(`${fn}: Spalte "${column}" hat in ${where(row)} keine Zahl: ${describe(v)}`);
  };
  const missingValue = (at: Accessor, column: string, row: number): void => {
    const v = at(row);
    const marker = v instanceof Missing ? ` (${JSON.stringify(v.marker)})` : "";
    if (policy === "error") {
      throw new Error(`${fn}: fehlender Wert${marker} in Spalte "${column}" in ${where(row)} (mit missing: "exclude" werden solche Gebiete ausgelassen)`);
    }
    excluded.push({ id: idOf(row), reason: `fehlender Wert${marker} in Spalte "${column}"`, step: fn, column });
  };

  const values = new Float64Array(K);
  rows: for (let row = 0; row < rowCount; row++) {
    let sum = 0;
    for (let k = 0; k < K; k++) {
      const x = read(groupAt[k], spec.groups[k], row);
      if (Number.isNaN(x)) {
        missingValue(groupAt[k], spec.groups[k], row);
        continue rows;
      }
      values[k] = x;
      sum += x;
    }
    let t = sum;
    if (totalAt) {
      t = read(totalAt, spec.total!, row);
      if (Number.isNaN(t)) {
        missingValue(totalAt, spec.total!, row);
        continue rows;
      }
      if (spec.single) {
        for (let k = 0; k < K; k++) {
          if (values[k] > t) {
            const which = K > 1 ? ` von "${spec.groups[k]}"` : "";
            throw new Error(`${fn}: die Gruppenanzahl${which} ${values[k]} übersteigt die Gesamtzahl ${t} in ${where(row)}`);
          }
        }
      } else if (sum > t) {
        throw new Error(`${fn}: die Gruppen ergeben zusammen ${sum} und übersteigen die Gesamtzahl ${t} in ${where(row)}`);
      }
    }
    if (t === 0) {
      const column = spec.total ?? spec.groups.join("+");
      excluded.push({ id: idOf(row), reason: `keine Bevölkerung (Summe 0 in "${column}"), trägt nichts zum Index bei`, step: fn, column });
      continue;
    }
    for (let k = 0; k < K; k++) counts[k][n] = values[k];
    if (hasRest) counts[K][n] = t - sum;
    totals[n] = t;
    rowIndex[n] = row;
    if (t < SMALL_AREA_POPULATION) small++;
    n++;
  }
  if (n === 0) throw new Error(`${fn}: kein Gebiet mit einer Bevölkerung über 0 (alle ${rowCount} Gebiete ausgeschlossen)`);

  let groups = spec.groups.slice();
  if (hasRest) groups.push(spec.restGroup ?? "rest");
  let outCounts = counts.map((c) => (n === rowCount ? c : c.slice(0, n)));
  const warnings: string[] = [];
  const sumOf = (a: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i];
    return s;
  };
  let groupTotals = outCounts.map(sumOf);
  if (hasRest && groupTotals[K] === 0) {
    // The groups already cover everyone: no rest group to add.
    groups = groups.slice(0, K);
    outCounts = outCounts.slice(0, K);
    groupTotals = groupTotals.slice(0, K);
  }
  const outTotals = n === rowCount ? totals : totals.slice(0, n);
  const populationTotal = sumOf(outTotals);
  for (let k = 0; k < groups.length; k++) {
    if (groupTotals[k] === 0) throw new Error(`${fn}: die Gruppe "${groups[k]}" hat in der ganzen Stadt 0 Personen; der Index ist nicht definiert`);
  }
  if (spec.single && K === 1 && groupTotals[0] === populationTotal) {
    throw new Error(`${fn}: die Gruppe "${groups[0]}" umfasst die ganze Bevölkerung (${groupTotals[0]} von ${populationTotal}); der Index ist nicht definiert`);
  }
  if (!spec.single && groups.length < 2) {
    throw new Error(`${fn}: braucht mindestens 2 Gruppen mit Personen, angegeben ist ${groups.map((g) => JSON.stringify(g)).join(", ")}`);
  }
  if (excluded.length > 0) {
    warnings.push(`${excluded.length} von ${rowCount} Gebieten ausgeschlossen (siehe excluded).`);
  }
  if (small > 0) {
    warnings.push(
      `${small} von ${n} Gebieten haben weniger als ${SMALL_AREA_POPULATION} Personen: Segregationsindizes sind bei kleinen Gebieten nach oben verzerrt (siehe biasCorrectedDissimilarity).`,
    );
  }
  return {
    fn,
    rowCount,
    n,
    rowIndex: n === rowCount ? rowIndex : rowIndex.slice(0, n),
    groups,
    counts: outCounts,
    totals: outTotals,
    groupTotals,
    populationTotal,
    idOf,
    hasId: idAt !== null,
    idMissing: (row) => idAt === null || isMissing(idAt(row)) || idAt(row) === "",
    excluded,
    warnings,
  };
}
