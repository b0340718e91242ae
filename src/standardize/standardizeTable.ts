import type { Exclusion } from "../table/exclusion.js";
import { Missing } from "../table/missing.js";
import type { Direction } from "./direction.js";
import { minMax } from "./minMax.js";
import { percentileRank } from "./percentileRank.js";
import type { StandardizedBase } from "./result.js";
import { robustZ } from "./robustZ.js";
import { zScores } from "./zScores.js";

/** An indicator column to standardise; catalogue entries of `src/indicators` fit (`id`, `direction`). */
export interface StandardizeColumn {
  /** Indicator id; the column read and written unless `column` is given. */
  id: string;
  /** Column with the raw values (default `id`). */
  column?: string;
  /** 1 (default): higher = more disadvantage; -1: mirrored. */
  direction?: Direction;
}

/** Options of {@link standardizeTable}. */
export interface StandardizeTableOptions {
  /** The area id column. */
  id: string;
  /** Columns to standardise: names or `{ id, column?, direction? }`. */
  indicators: readonly (string | StandardizeColumn)[];
  /** Which standardisation (default "zScores"). */
  method?: "zScores" | "robustZ" | "minMax" | "percentileRank";
  /** For zScores: mean kind (default "unweighted"). */
  mean?: "unweighted" | "weighted";
  /** For zScores: SD kind (default "population"). */
  sd?: "population" | "sample";
  /** For zScores with mean "weighted": the weight column. */
  weights?: string;
}

/** Result of {@link standardizeTable}. */
export interface StandardizeTableResult {
  name: "standardizeTable";
  method: "zScores" | "robustZ" | "minMax" | "percentileRank";
  n: number;
  /** One row per area, input order: the id and the standardised value per indicator id (null if missing). */
  rows: Record<string, string | number | null>[];
  /** The full result per indicator id (parameters: mean, sd, median, mad, …). */
  parameters: Record<string, StandardizedBase & Record<string, unknown>>;
  excluded: Exclusion[];
  warnings: string[];
}

/**
 * Standardises several indicator columns of an area table at once, each over its own present values, with the
 * same options — the step before `conspicuousness` and the input of maps and heat maps. Each column's full result
 * (mean, sd, n …) is kept in `parameters` so every number can be traced.
 *
 * @example
 * const t = standardizeTable(
 *   [{ id: "a", sgb2: 10, abi: 40 }, { id: "b", sgb2: 20, abi: 20 }],
 *   { id: "id", indicators: ["sgb2", { id: "abi", direction: -1 }] },
 * );
 * t.rows; // [{ id: "a", sgb2: -1, abi: -1 }, { id: "b", sgb2: 1, abi: 1 }]
 */
export function standardizeTable(rows: readonly Readonly<Record<string, unknown>>[], options: StandardizeTableOptions): StandardizeTableResult {
  const fn = "standardizeTable";
  if (!Array.isArray(rows)) throw new Error(`${fn}: rows muss eine Liste von Zeilen (Objekten) sein, angegeben: ${typeof rows}`);
  const method = options.method ?? "zScores";
  if (method !== "zScores" && method !== "robustZ" && method !== "minMax" && method !== "percentileRank") {
    throw new Error(`${fn}: Option "method" muss "zScores", "robustZ", "minMax" oder "percentileRank" sein, angegeben: ${JSON.stringify(method)}`);
  }
  const ids = rows.map((r, i) => {
    const v = r?.[options.id];
    if (v === null || v === undefined || v === "" || v instanceof Missing) throw new Error(`${fn}: Zeile ${i + 1} hat keine Kennung in Spalte "${options.id}"`);
    return String(v);
  });
  const specs = options.indicators.map((s) => (typeof s === "string" ? { id: s } : s));
  // Each indicator writes the output column named by its id: a repeated id, or the id column itself, would be
  // overwritten without a trace.
  const seen = new Set<string>([options.id]);
  for (const spec of specs) {
    if (spec.id === options.id) throw new Error(`${fn}: Indikator "${spec.id}" trägt den Namen der Kennungsspalte`);
    if (seen.has(spec.id)) throw new Error(`${fn}: Indikator "${spec.id}" ist doppelt angegeben`);
    seen.add(spec.id);
  }
  if (method !== "zScores" && (options.mean !== undefined || options.sd !== undefined || options.weights !== undefined)) {
    throw new Error(`${fn}: die Optionen "mean", "sd" und "weights" gelten nur für method "zScores", angegeben: ${JSON.stringify(method)}`);
  }
  if (options.weights !== undefined && rows.length > 0 && !rows.some((r) => options.weights! in r)) {
    throw new Error(`${fn}: Gewichtsspalte "${options.weights}" (Option "weights") nicht gefunden`);
  }
  const out: Record<string, string | number | null>[] = ids.map((id) => ({ [options.id]: id }));
  const parameters: StandardizeTableResult["parameters"] = {};
  const excluded: Exclusion[] = [];
  const warnings: string[] = [];
  for (const spec of specs) {
    const column = spec.column ?? spec.id;
    if (rows.length > 0 && !rows.some((r) => column in r)) throw new Error(`${fn}: Spalte "${column}" nicht gefunden`);
    const values = rows.map((r) => r[column]);
    const common = { direction: spec.direction, ids, column };
    let r: StandardizedBase;
    if (method === "zScores") {
      const weights = options.weights !== undefined ? rows.map((row) => row[options.weights!] as number) : undefined;
      r = zScores(values, { ...common, mean: options.mean, sd: options.sd, weights });
    } else if (method === "robustZ") r = robustZ(values, common);
    else if (method === "minMax") r = minMax(values, common);
    else r = percentileRank(values, common);
    r.values.forEach((v, i) => (out[i][spec.id] = v));
    parameters[spec.id] = r as StandardizedBase & Record<string, unknown>;
    excluded.push(...r.excluded.map((e) => ({ ...e, step: fn })));
    warnings.push(...r.warnings);
  }
  return { name: fn, method, n: rows.length, rows: out, parameters, excluded, warnings };
}
