import { isMissing } from "../table/missing.js";
import type { SpatialWeights } from "./spatialWeights.js";

/** Options of {@link neighbourhoodContext}. */
export interface NeighbourhoodContextOptions {
  /** Column of `rows` with the area id. */
  id: string;
  /** The conspicuous areas to describe (ids). Either this or `flag`. */
  areas?: readonly string[];
  /** Column of `rows` whose truthy values (true, 1, "ja", "x", a non-empty label) mark the conspicuous areas. */
  flag?: string;
  /** Columns of the neighbour's row to copy (default: all except `id`). */
  columns?: readonly string[];
}

/** One row of {@link neighbourhoodContext}: a conspicuous area, one of its neighbours, the neighbour's values. */
export type NeighbourhoodContextRow = {
  /** The conspicuous area. */
  area: string;
  /** The neighbour (null for an area without neighbours, which still gets one row). */
  neighbour: string | null;
  /** Whether the neighbour is conspicuous itself. */
  neighbourFlagged: boolean | null;
} & Record<string, unknown>;

/**
 * The neighbourhood of conspicuous ("auffällige") areas: one plain row per (area, neighbour) pair with the
 * neighbour's class and indicators copied from `rows` — to see whether an area stands alone or sits in a
 * conspicuous neighbourhood. Areas in the order of `weights.ids`, neighbours in the order of the weights. An
 * area without neighbours gets one row with `neighbour: null`; a neighbour without a row in `rows` gets null
 * values. Nothing is left out.
 *
 * @example
 * neighbourhoodContext(rows, weights, { id: "sozialraum_id", areas: ["010203"], columns: ["klasse", "kinderarmut"] });
 * // [{ area: "010203", neighbour: "010201", neighbourFlagged: false, klasse: "unauffällig", kinderarmut: 12.1 }, …]
 */
export function neighbourhoodContext(
  rows: ReadonlyArray<Readonly<Record<string, unknown>>>,
  weights: SpatialWeights,
  options: NeighbourhoodContextOptions,
): NeighbourhoodContextRow[] {
  const fn = "neighbourhoodContext";
  const idKey = options?.id;
  if (typeof idKey !== "string") throw new Error(`${fn}: die Option id (die Schlüsselspalte von rows) fehlt`);
  if ((options.areas === undefined) === (options.flag === undefined)) {
    throw new Error(`${fn}: entweder areas (eine Liste von Schlüsseln) oder flag (einen Spaltennamen) angeben`);
  }
  const byId = new Map<string, Readonly<Record<string, unknown>>>();
  rows.forEach((row, r) => {
    if (!(idKey in row)) throw new Error(`${fn}: Zeile ${r} hat keine Spalte "${idKey}"`);
    const id = String(row[idKey]);
    if (byId.has(id)) throw new Error(`${fn}: doppelter Gebietsschlüssel "${id}" in rows`);
    byId.set(id, row);
  });
  const columns = options.columns ? [...options.columns] : rows.length > 0 ? Object.keys(rows[0]).filter((c) => c !== idKey) : [];
  for (const c of columns) {
    if (c === "area" || c === "neighbour" || c === "neighbourFlagged") {
      throw new Error(`${fn}: Spalte "${c}" kollidiert mit den Ausgabespalten; sie aus columns weglassen`);
    }
    if (rows.length > 0 && !(c in rows[0])) throw new Error(`${fn}: Spalte "${c}" nicht in rows gefunden`);
  }
  if (options.flag !== undefined && rows.length > 0 && !(options.flag in rows[0])) {
    throw new Error(`${fn}: Markierungsspalte "${options.flag}" nicht in rows gefunden`);
  }
  const known = new Set(weights.ids);
  let flagged: Set<string>;
  if (options.areas) {
    for (const a of options.areas) if (!known.has(String(a))) throw new Error(`${fn}: Gebiet "${a}" ist nicht in den Gewichten enthalten`);
    flagged = new Set(options.areas.map(String));
  } else {
    flagged = new Set([...byId].filter(([, row]) => isTruthy(row[options.flag as string])).map(([id]) => id));
  }
  const out: NeighbourhoodContextRow[] = [];
  const valuesOf = (id: string) => {
    const row = byId.get(id);
    return Object.fromEntries(columns.map((c) => [c, row ? (row[c] ?? null) : null]));
  };
  for (const area of weights.ids) {
    if (!flagged.has(area)) continue;
    const list = weights.neighbors[area];
    if (list.length === 0) {
      out.push({ area, neighbour: null, neighbourFlagged: null, ...Object.fromEntries(columns.map((c) => [c, null])) });
      continue;
    }
    for (const nb of list) out.push({ area, neighbour: nb, neighbourFlagged: flagged.has(nb), ...valuesOf(nb) });
  }
  return out;
}

/** A flag cell counts as set unless it is empty, false, 0, "0", "nein", "false" or a missing marker. */
function isTruthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || isMissing(v)) return false;
  if (typeof v === "number") return !Number.isNaN(v);
  if (typeof v === "string") return !["", "0", "nein", "false", "falsch", "-", "."].includes(v.trim().toLowerCase());
  return Boolean(v);
}
