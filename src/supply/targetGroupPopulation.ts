import { isMissing } from "../table/missing.js";
import type { TargetGroup } from "../indicators/targetGroups.js";

/**
 * Which columns of `strukturdaten_*.csv` make up the residents of each target group (the denominators of supply
 * ratios). Kinder und Jugendliche 0–17, Erwerbsfähige 15–64 (as in SGB II), Ältere 65+, Kontext = all residents.
 */
export const TARGET_GROUP_POPULATION_COLUMNS: Readonly<Record<TargetGroup, readonly string[]>> = {
  children: ["ew_0_5", "ew_6_14", "ew_15_17"],
  "working-age": ["ew_15_17", "ew_18_24", "ew_25_64"],
  elderly: ["ew_65_plus"],
  context: ["einwohner"],
};

/** Residents per target group of one area; null (with the marker in `missing`) when a cell is missing. */
export interface TargetGroupPopulationRow {
  id: string;
  children: number | null;
  "working-age": number | null;
  elderly: number | null;
  context: number | null;
  /** Per group, the columns that were missing (empty when complete). */
  missing: Partial<Record<TargetGroup, string[]>>;
}

/**
 * Sums the age-band columns of structure data rows into residents per target group
 * (see {@link TARGET_GROUP_POPULATION_COLUMNS}). A group whose band is suppressed (".", "-") is null — never 0.
 *
 * @example
 * targetGroupPopulation([{ sozialraum_id: "010101", einwohner: 100, ew_0_5: 6, ew_6_14: 9, ew_15_17: 3,
 *   ew_18_24: 8, ew_25_64: 54, ew_65_plus: 20 }], { id: "sozialraum_id" });
 * // [{ id: "010101", children: 18, "working-age": 65, elderly: 20, context: 100, missing: {} }]
 */
export function targetGroupPopulation(
  rows: ReadonlyArray<object>,
  options: { id?: string; columns?: Readonly<Record<TargetGroup, readonly string[]>> } = {},
): TargetGroupPopulationRow[] {
  const fn = "targetGroupPopulation";
  const idKey = options.id ?? "sozialraum_id";
  const columns = options.columns ?? TARGET_GROUP_POPULATION_COLUMNS;
  return (rows as ReadonlyArray<Record<string, unknown>>).map((row, i) => {
    if (row[idKey] === undefined) throw new Error(`${fn}: Zeile ${i} hat keine Spalte "${idKey}"`);
    const out: TargetGroupPopulationRow = { id: String(row[idKey]), children: null, "working-age": null, elderly: null, context: null, missing: {} };
    for (const group of Object.keys(columns) as TargetGroup[]) {
      let sum = 0;
      const absent: string[] = [];
      for (const c of columns[group]) {
        if (!(c in row)) throw new Error(`${fn}: Zeile ${i} (Gebiet "${out.id}") hat keine Spalte "${c}"`);
        const v = row[c];
        if (isMissing(v)) absent.push(c);
        else if (typeof v === "number" && Number.isFinite(v)) sum += v;
        else throw new Error(`${fn}: Gebiet "${out.id}", Spalte "${c}": keine Zahl "${String(v)}"`);
      }
      if (absent.length > 0) out.missing[group] = absent;
      else out[group] = sum;
    }
    return out;
  });
}
