import type { Exclusion } from "../table/exclusion.js";
import { Missing } from "../table/missing.js";
import { directionOf, type Direction } from "../standardize/direction.js";
import { meanAndSd } from "../standardize/meanAndSd.js";
import { idsAt } from "../standardize/presentValues.js";
import { assignClass, type ClassDefinition, type ClassScheme } from "./assignClass.js";
import { columnAccess, requireColumn, type Row, type TableInput } from "./columns.js";

/** One indicator of a composite index. */
export interface CompositeIndicator {
  /** Column with the raw indicator values (shares, rates, or changes in percentage points). */
  column: string;
  /** Weight of its z-value in the sum (default 1). */
  weight?: number;
  /** 1 (default): higher raw value = more disadvantage; -1: mirrored before summing. */
  direction?: Direction;
}

/** Which areas take part. Either a column that must hold one of the given values, or a function. */
export type ValidRule =
  | { column: string; value: string | number | readonly (string | number)[] }
  | ((row: Row, index: number) => true | string);

/** Options of {@link compositeIndex}. */
export interface CompositeIndexOptions {
  /** The area id column. */
  id: string;
  /** The indicators to combine: columns (equal weight 1) or `{ column, weight, direction }`. */
  indicators: readonly (string | CompositeIndicator)[];
  /** German name of the index for tables, e.g. "Status-Index" (default "Index"). */
  label?: string;
  /** Mean used for both standardisations (default "unweighted"), see `zScores`. */
  mean?: "unweighted" | "weighted";
  /** SD used for both standardisations (default "population", as Berlin MSS), see `zScores`. */
  sd?: "population" | "sample";
  /** With mean "weighted": the weight column (e.g. "EW") or weights in row order. */
  weights?: string | ArrayLike<number>;
  /** Which areas are valid; the others are listed in `excluded` with the reason. */
  valid?: ValidRule;
  /** Optional class scheme applied to the index value (e.g. `berlinMssStatus`). */
  scheme?: ClassScheme;
}

/** One area of a composite index, in input order. Invalid areas have `valid: false` and null values. */
export interface CompositeArea {
  id: string;
  valid: boolean;
  /** Direction-adjusted z-value per indicator column. */
  z: Record<string, number | null>;
  /** Σ weight · z. */
  sum: number | null;
  /** The sum standardised again over the valid areas. */
  index: number | null;
  /** Class label from the scheme, if one was given. */
  class: string | null;
}

/** The parameters used for one indicator. */
export interface CompositeComponent {
  column: string;
  weight: number;
  direction: Direction;
  mean: number;
  sd: number;
  n: number;
}

/**
 * The per-area values as columns (input order and length) for fast paths such as the CLI: typed arrays with
 * NaN where an area is excluded.
 */
export interface CompositeColumns {
  id: string[];
  /** 1 if the area took part, 0 if excluded. */
  valid: Uint8Array;
  /** Direction-adjusted z-value per indicator column. */
  z: Record<string, Float64Array>;
  sum: Float64Array;
  index: Float64Array;
  class: (string | null)[];
}

/** Result of {@link compositeIndex}: per-area values plus every parameter used, so each number can be traced. */
export interface CompositeIndexResult {
  name: "compositeIndex";
  label: string;
  /** Number of valid areas the index was computed over. */
  n: number;
  /** One row per input area, input order (built on first access from `columns`). */
  readonly areas: CompositeArea[];
  /** The same values as columns (NaN where excluded). */
  columns: CompositeColumns;
  components: CompositeComponent[];
  /** Parameters of the second standardisation (of the sum). */
  sumParameters: { mean: number; sd: number; n: number };
  mean: "unweighted" | "weighted";
  sd: "population" | "sample";
  /** Scheme id and the number of areas per class, in scheme order (only with a scheme). */
  scheme: { id: string; label: string; counts: Record<string, number> } | null;
  excluded: Exclusion[];
  warnings: string[];
}

/**
 * A composite index as in Berlin's Monitoring Soziale Stadtentwicklung: standardise each indicator over the
 * valid areas, add the (weighted) z-values, and standardise the sum again.
 *
 *     z_ij  = d_j · (x_ij − m_j) / s_j          (per indicator j, see `zScores`)
 *     sum_i = Σ_j w_j · z_ij
 *     index_i = (sum_i − m_sum) / s_sum
 *
 * With the status shares S1, S3, S4 this is the MSS status index; with changes in percentage points between
 * two years (D1, D3, D4; see {@link indicatorChanges}) it is the dynamic index. Berlin uses the unweighted
 * mean and the population SD (the defaults). A high index value always means more disadvantage.
 *
 * Areas that fail `valid`, or that miss a value in any indicator (or weight), are left out of every mean and SD,
 * keep their place in `areas` with null values, and are listed in `excluded` with a German reason. Area ids
 * must be unique and present (else an error names the rows).
 *
 * @example
 * const r = compositeIndex(
 *   [{ id: "a", x: 1, y: 2 }, { id: "b", x: 2, y: 1 }, { id: "c", x: 3, y: 6 }],
 *   { id: "id", indicators: ["x", "y"], scheme: berlinMssStatus },
 * );
 * r.areas.map((a) => a.class); // ["mittel", "mittel", "niedrig"]
 */
export function compositeIndex(data: TableInput, options: CompositeIndexOptions): CompositeIndexResult {
  const fn = "compositeIndex";
  if (options == null || typeof options.id !== "string") throw new Error(`${fn}: options.id (die Kennungsspalte) fehlt`);
  if (!Array.isArray(options.indicators) || options.indicators.length === 0) {
    throw new Error(`${fn}: options.indicators muss mindestens eine Spalte nennen`);
  }
  const meanKind = options.mean ?? "unweighted";
  const sdKind = options.sd ?? "population";
  const access = columnAccess(fn, data);
  const n = access.length;
  const idCol = requireColumn(fn, access, options.id, "Kennung");
  if (n === 0) throw new Error(`${fn}: die Daten haben keine Zeilen`);
  const ids = new Array<string>(n);
  // Ids must be unique: results are joined, ranked and mapped by id. Strictly ascending ids (sorted keys, the
  // usual case) are unique without a Map of every id; otherwise (or at a missing id) the Map check names the rows.
  let ascending = true;
  for (let i = 0; i < n && ascending; i++) {
    const v = idCol[i];
    if (v === null || v === undefined || v === "" || v instanceof Missing) ascending = false;
    else if ((ids[i] = String(v)) <= ids[i - 1] && i > 0) ascending = false;
  }
  const firstRow = new Map<string, number>();
  for (let i = 0; i < n && !ascending; i++) {
    const v = idCol[i];
    if (v === null || v === undefined || v === "" || v instanceof Missing) throw new Error(`${fn}: Zeile ${i + 1} hat keine Kennung in Spalte "${options.id}"`);
    const id = String(v);
    const before = firstRow.get(id);
    if (before !== undefined) throw new Error(`${fn}: Kennung "${id}" kommt in Spalte "${options.id}" doppelt vor (Zeilen ${before + 1} und ${i + 1})`);
    firstRow.set(id, i);
    ids[i] = id;
  }

  const indicators = options.indicators.map((spec): Required<CompositeIndicator> => {
    const s = typeof spec === "string" ? { column: spec } : spec;
    const weight = s.weight ?? 1;
    if (typeof weight !== "number" || !Number.isFinite(weight)) {
      throw new Error(`${fn}: Gewicht (weight) des Indikators "${s.column}" muss eine endliche Zahl sein, angegeben: ${JSON.stringify(weight)}`);
    }
    return { column: s.column, weight, direction: directionOf(fn, s.direction) };
  });
  const seen = new Set<string>();
  for (const ind of indicators) {
    if (seen.has(ind.column)) throw new Error(`${fn}: Indikatorspalte "${ind.column}" ist doppelt angegeben`);
    seen.add(ind.column);
  }
  const columns = indicators.map((ind) => requireColumn(fn, access, ind.column, "Indikator"));

  // Validity: first the rule, then missing values. One reason per excluded area.
  const reason = new Array<string | undefined>(n);
  const reasonColumn = new Array<string | undefined>(n);
  const valid = options.valid;
  if (typeof valid === "function") {
    for (let i = 0; i < n; i++) {
      const r = valid(access.row(i), i);
      if (r !== true) {
        if (typeof r !== "string" || r === "") throw new Error(`${fn}: valid() muss true oder einen Grund (Text) liefern, lieferte ${JSON.stringify(r)} für Gebiet "${ids[i]}"`);
        reason[i] = r;
      }
    }
  } else if (valid !== undefined) {
    const col = requireColumn(fn, access, valid.column, "Gültigkeit, Option valid");
    const allowed = Array.isArray(valid.value) ? valid.value : [valid.value];
    const allowedSet = new Set(allowed.map(String));
    const expected = allowed.map((a) => `"${a}"`).join(" oder ");
    for (let i = 0; i < n; i++) {
      const v = col[i];
      if (!allowedSet.has(typeof v === "string" ? v : String(v))) {
        reason[i] = `${valid.column} ist "${v === undefined || v === null ? "" : String(v)}", nicht ${expected}`;
        reasonColumn[i] = valid.column;
      }
    }
  }
  let weightCol: ArrayLike<unknown> | undefined;
  if (meanKind === "weighted") {
    if (options.weights === undefined) throw new Error(`${fn}: mean "weighted" braucht die Option "weights" (eine Spalte oder eine Liste)`);
    weightCol = typeof options.weights === "string" ? requireColumn(fn, access, options.weights, "Gewichte, Option weights") : options.weights;
    if (weightCol.length !== n) throw new Error(`${fn}: Option "weights" hat ${weightCol.length} Einträge, die Daten aber ${n} Zeilen`);
  } else if (options.weights !== undefined) {
    throw new Error(`${fn}: Option "weights" angegeben, aber mean ist "unweighted"; mean: "weighted" angeben`);
  }
  for (let j = 0; j < columns.length; j++) {
    const col = columns[j];
    const name = indicators[j].column;
    for (let i = 0; i < n; i++) {
      const v = col[i];
      // A finite number (the usual case) first: x − x is 0 only for finite x.
      if (typeof v === "number" && v - v === 0) continue;
      if (reason[i] !== undefined) continue;
      if (v === null || v === undefined || v instanceof Missing || (typeof v === "number" && Number.isNaN(v))) {
        const marker = v instanceof Missing && v.marker !== "" ? ` ("${v.marker}")` : "";
        reason[i] = `fehlender Wert in ${name}${marker}`;
        reasonColumn[i] = name;
      } else {
        throw new Error(`${fn}: Wert ${JSON.stringify(typeof v === "number" ? String(v) : v)} in Spalte "${name}" von Gebiet "${ids[i]}" ist keine endliche Zahl`);
      }
    }
  }
  if (weightCol) {
    const wname = typeof options.weights === "string" ? options.weights : "weights";
    for (let i = 0; i < n; i++) {
      if (reason[i] !== undefined) continue;
      const w = weightCol[i];
      if (!(typeof w === "number" && Number.isFinite(w))) {
        reason[i] = `fehlendes Gewicht in ${wname}`;
        reasonColumn[i] = wname;
      }
    }
  }

  const excluded: Exclusion[] = [];
  let nValid = 0;
  for (let i = 0; i < n; i++) {
    if (reason[i] === undefined) nValid++;
    else excluded.push({ id: ids[i], reason: reason[i]!, step: fn, ...(reasonColumn[i] ? { column: reasonColumn[i] } : {}) });
  }
  if (nValid === 0) throw new Error(`${fn}: keine gültigen Gebiete (alle ${n} ausgeschlossen, zuerst "${excluded[0]?.id}": ${excluded[0]?.reason})`);
  const validIdx = new Int32Array(nValid);
  for (let i = 0, k = 0; i < n; i++) if (reason[i] === undefined) validIdx[k++] = i;
  let subWeights: Float64Array | undefined;
  if (weightCol) {
    subWeights = new Float64Array(nValid);
    for (let k = 0; k < nValid; k++) subWeights[k] = weightCol[validIdx[k]] as number;
  }
  const validIds = idsAt(ids, validIdx);
  const zOptions = (what: string) => ({ mean: meanKind, sd: sdKind, weights: subWeights, caller: `${fn}: ${what}`, ids: validIds });

  // Standardise each indicator over the valid areas (typed arrays: no per-area objects), add weighted z-values.
  const sum = new Float64Array(nValid);
  const zCols: Record<string, Float64Array> = {};
  const sub = new Float64Array(nValid);
  const components: CompositeComponent[] = indicators.map((ind, j) => {
    const col = columns[j];
    for (let k = 0; k < nValid; k++) sub[k] = col[validIdx[k]] as number;
    const p = meanAndSd(sub, zOptions(`Indikator ${ind.column}`));
    const z = new Float64Array(n).fill(NaN);
    const d = ind.direction;
    const w = ind.weight;
    for (let k = 0; k < nValid; k++) {
      const zk = (d * (sub[k] - p.mean)) / p.sd;
      z[validIdx[k]] = zk;
      sum[k] += w * zk;
    }
    zCols[ind.column] = z;
    return { column: ind.column, weight: w, direction: d, mean: p.mean, sd: p.sd, n: p.n };
  });
  const sp = meanAndSd(sum, zOptions("Summe der z-Werte"));

  const scheme = options.scheme;
  const classCounts = new Float64Array(scheme ? scheme.classes.length : 0);
  const validFlags = new Uint8Array(n);
  const sumCol = new Float64Array(n).fill(NaN);
  const indexCol = new Float64Array(n).fill(NaN);
  const classCol = new Array<string | null>(n).fill(null);
  let lastClass: ClassDefinition | null = null;
  let lastIndex = -1;
  for (let k = 0; k < nValid; k++) {
    const i = validIdx[k];
    validFlags[i] = 1;
    sumCol[i] = sum[k];
    const x = (sum[k] - sp.mean) / sp.sd;
    indexCol[i] = x;
    if (scheme) {
      const c = assignClass(x, scheme)!;
      classCol[i] = c.label;
      classCounts[c === lastClass ? lastIndex : (lastIndex = scheme.classes.indexOf((lastClass = c)))]++;
    }
  }
  const counts: Record<string, number> = {};
  if (scheme) scheme.classes.forEach((c, j) => (counts[c.label] = (counts[c.label] ?? 0) + classCounts[j]));
  const cols: CompositeColumns = { id: ids, valid: validFlags, z: zCols, sum: sumCol, index: indexCol, class: classCol };
  const warnings: string[] = [];
  if (excluded.length > 0) warnings.push(`${fn}: ${excluded.length} von ${n} Gebieten ausgeschlossen (siehe excluded)`);
  const result = {
    name: fn,
    label: options.label ?? "Index",
    n: nValid,
    columns: cols,
    components,
    sumParameters: { mean: sp.mean, sd: sp.sd, n: sp.n },
    mean: meanKind,
    sd: sdKind,
    scheme: scheme ? { id: scheme.id, label: scheme.label, counts } : null,
    excluded,
    warnings,
  } as Omit<CompositeIndexResult, "areas">;
  defineAreas(result, cols, indicators.map((d) => d.column));
  return result as CompositeIndexResult;
}

/**
 * `areas`, built from the columns on first access. Defined outside {@link compositeIndex} so that the getter
 * holds only the columns, not the input rows and scratch arrays of the computation (a closure keeps its scope).
 */
function defineAreas(result: Omit<CompositeIndexResult, "areas">, cols: CompositeColumns, columns: string[]): void {
  let areas: CompositeArea[] | undefined;
  Object.defineProperty(result, "areas", {
    enumerable: true,
    get: () => (areas ??= areasFromColumns(cols, columns)),
  });
}

function areasFromColumns(c: CompositeColumns, columns: string[]): CompositeArea[] {
  const num = (v: number) => (v === v ? v : null);
  return c.id.map((id, i) => {
    const z: Record<string, number | null> = {};
    for (const col of columns) z[col] = num(c.z[col][i]);
    return { id, valid: c.valid[i] === 1, z, sum: num(c.sum[i]), index: num(c.index[i]), class: c.class[i] };
  });
}
