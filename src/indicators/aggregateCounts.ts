import { type Cell, Missing, missing } from "../table/missing.js";
import { type InputRow, type RowsInput, areaKey, areaRows, markerList, readCount } from "./areaRows.js";

/** Options of {@link aggregateCounts}. */
export interface AggregateCountsOptions {
  /** Key column of the child areas (e.g. "sozialraum_id"). */
  id: string;
  /** Key column of the parent (e.g. "stadtteil_id"); null sums all rows into one area (the city). */
  parent: string | null;
  /** Count columns to sum. */
  counts: readonly string[];
  /** Columns copied to the parent; they must be equal within a parent (names, the grand-parent key). */
  keep?: readonly string[];
  /**
   * "propagate" (default): a missing count in any child makes the parent's count missing (with the child's
   * marker). "sum-available": sum the children that have the count and report the others in
   * `groups[i].incomplete` and `warnings`. Caution: a rate built from such sums may take its numerator and its
   * denominator from different children; check `incomplete` (with the usual suppression of counts 1 and 2 in
   * tiny areas the effect on a Stadtteil's rate is a few hundredths of a percentage point).
   */
  missing?: "propagate" | "sum-available";
  /** Key of the single area when `parent` is null; default "gesamt". */
  totalId?: string;
  /** Markers read as 0 (e.g. `["-"]`, "nichts vorhanden"); default none (see `computeIndicators`). */
  zeroMarkers?: readonly string[];
}

/** Which children went into one parent. */
export interface AggregateGroup {
  /** Parent key. */
  id: string;
  /** Child keys, in input order. */
  children: string[];
  /** Per count column with missing children: which children lacked it. */
  incomplete: { column: string; children: string[] }[];
}

/** Result of {@link aggregateCounts}. */
export interface AggregateResult {
  name: "aggregateCounts";
  /** Key column of the output rows (the parent column, or `id` when `parent` is null). */
  id: string;
  /** Number of parents. */
  n: number;
  /** One row per parent (order of first appearance): key, `keep` columns, summed counts. */
  rows: Record<string, Cell>[];
  /** Same order as `rows`. */
  groups: AggregateGroup[];
  warnings: string[];
}

/**
 * Sums count columns from child areas to their parents along an area hierarchy (Sozialraum → Stadtteil →
 * Stadtbezirk → Stadt). Rates of the parents are then computed from the summed counts with
 * `computeIndicators(result.rows, { id: result.id, ... })`: a parent's rate is Σ numerator / Σ denominator,
 * the population-weighted mean of the children's rates — never their plain mean.
 *
 * Chain calls for deeper levels, carrying the grand-parent key with `keep`:
 * Sozialraum → Stadtteil (`keep: ["stadtbezirk_id"]`), then Stadtteil → Stadtbezirk, then `parent: null`.
 * Inputs are not modified.
 *
 * @example
 * const stadtteile = aggregateCounts(rows, {
 *   id: "sozialraum_id", parent: "stadtteil_id", counts: ["einwohner", "ew_0_5", "ew_6_14", "sgb2_unter_15"],
 *   keep: ["stadtbezirk_id"],
 * });
 * computeIndicators(stadtteile.rows, { id: stadtteile.id });
 * stadtteile.groups[0]; // { id: "0101", children: ["010101", "010102"], incomplete: [] }
 */
export function aggregateCounts(rows: RowsInput, options: AggregateCountsOptions): AggregateResult {
  const fn = "aggregateCounts";
  if (!options || typeof options.id !== "string" || options.id === "") throw new TypeError(`${fn}: options.id ist erforderlich, angegeben ist ${JSON.stringify(options?.id) ?? "nichts"}`);
  if (options.parent !== null && (typeof options.parent !== "string" || options.parent === "")) {
    throw new TypeError(`${fn}: options.parent muss ein Spaltenname oder null (eine Gesamtsumme) sein, angegeben ist ${JSON.stringify(options.parent) ?? "nichts"}`);
  }
  if (!Array.isArray(options.counts) || options.counts.length === 0) {
    throw new TypeError(`${fn}: options.counts muss eine nicht leere Liste von Spaltennamen sein, angegeben ist ${JSON.stringify(options.counts) ?? "nichts"}`);
  }
  const mode = options.missing ?? "propagate";
  if (mode !== "propagate" && mode !== "sum-available") {
    throw new RangeError(`${fn}: missing muss "propagate" oder "sum-available" sein, angegeben ist ${JSON.stringify(mode)}`);
  }
  const data = areaRows(fn, rows);
  const zeroMarkers = markerList(fn, options.zeroMarkers);
  const keep = [...(options.keep ?? [])];
  const parent = options.parent;
  const keyColumn = parent ?? options.id;
  const totalId = options.totalId ?? "gesamt";
  const columns = new Set<string>();
  for (const row of data) for (const key of Object.keys(row)) columns.add(key);
  for (const c of [...options.counts, ...keep]) {
    if (data.length > 0 && !columns.has(c)) throw new RangeError(`${fn}: unbekannte Spalte "${c}"`);
  }
  const overlap = options.counts.find((c) => keep.includes(c) || c === keyColumn);
  if (overlap) throw new RangeError(`${fn}: Spalte "${overlap}" kann nicht zugleich Anzahl und Schlüssel- oder beibehaltene Spalte sein`);

  interface Acc { group: AggregateGroup; sums: number[]; markers: (string | null)[]; kept: unknown[]; firstChild: string }
  const byParent = new Map<string, Acc>();
  const seen = new Set<string>();
  data.forEach((row, index) => {
    const child = areaKey(fn, row, options.id, index);
    if (seen.has(child)) throw new RangeError(`${fn}: Gebiet "${child}" kommt doppelt vor (Zeile ${index + 1})`);
    seen.add(child);
    const parentId = parent === null ? totalId : parentKey(fn, row, parent, child);
    let acc = byParent.get(parentId);
    if (!acc) {
      acc = {
        group: { id: parentId, children: [], incomplete: [] },
        sums: options.counts.map(() => 0),
        markers: options.counts.map(() => null),
        kept: keep.map((c) => row[c]),
        firstChild: child,
      };
      byParent.set(parentId, acc);
    } else {
      keep.forEach((c, j) => {
        if (!sameCell(acc!.kept[j], row[c])) {
          throw new RangeError(
            `${fn}: Spalte "${c}" ist innerhalb von ${keyColumn} "${parentId}" nicht einheitlich: ${show(acc!.kept[j])} (Gebiet "${acc!.firstChild}") gegenüber ${show(row[c])} (Gebiet "${child}")`,
          );
        }
      });
    }
    acc.group.children.push(child);
    options.counts.forEach((column, j) => {
      const cell = readCount(fn, row, column, child, zeroMarkers);
      if (cell.value === null) {
        if (acc!.markers[j] === null) acc!.markers[j] = cell.marker;
        let entry = acc!.group.incomplete.find((e) => e.column === column);
        if (!entry) acc!.group.incomplete.push((entry = { column, children: [] }));
        entry.children.push(child);
      } else {
        acc!.sums[j] += cell.value;
      }
    });
  });

  const out: Record<string, Cell>[] = [];
  const groups: AggregateGroup[] = [];
  const warnings: string[] = [];
  for (const acc of byParent.values()) {
    const row: Record<string, Cell> = { [keyColumn]: acc.group.id };
    keep.forEach((c, j) => (row[c] = acc.kept[j] as Cell));
    options.counts.forEach((column, j) => {
      const marker = acc.markers[j];
      if (marker !== null && mode === "propagate") {
        row[column] = missing(marker);
      } else {
        row[column] = acc.sums[j];
      }
    });
    if (mode === "sum-available") {
      // The incomplete sums are kept; every gap is reported.
      for (const e of acc.group.incomplete) {
        warnings.push(
          `${fn}: ${keyColumn} "${acc.group.id}": ${e.column} ohne ${e.children.length} Teilgebiet(e) mit fehlender Anzahl summiert (${e.children.map((c) => `"${c}"`).join(", ")})`,
        );
      }
    }
    out.push(row);
    groups.push(acc.group);
  }
  return { name: "aggregateCounts", id: keyColumn, n: out.length, rows: out, groups, warnings };
}

function parentKey(fn: string, row: InputRow, column: string, child: string): string {
  const key = row[column];
  if (typeof key === "string" && key !== "") return key;
  throw new TypeError(`${fn}: Gebiet "${child}" hat in Spalte "${column}" keinen gültigen übergeordneten Schlüssel (angegeben ist ${show(key)})`);
}

function sameCell(a: unknown, b: unknown): boolean {
  if (a instanceof Missing && b instanceof Missing) return a.marker === b.marker;
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function show(value: unknown): string {
  if (value instanceof Missing) return `fehlend "${value.marker}"`;
  return JSON.stringify(value) ?? String(value);
}
