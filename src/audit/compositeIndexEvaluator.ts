import { assignClass, checkClassScheme, type ClassScheme } from "../classify/assignClass.js";
import type { Row } from "../classify/columns.js";
import { compositeIndex, type ValidRule } from "../classify/compositeIndex.js";
import { empiricalBayesRates } from "../indicators/empiricalBayesRates.js";
import { normalQuantile } from "../indicators/normalQuantile.js";
import { sampleBinomial } from "../inference/binomial.js";
import { createRng } from "../inference/random.js";
import { directionOf, type Direction } from "../standardize/direction.js";
import { percentileRank } from "../standardize/percentileRank.js";
import { rank } from "../standardize/rank.js";
import { robustZ } from "../standardize/robustZ.js";
import type { Exclusion } from "../table/exclusion.js";
import { Missing } from "../table/missing.js";
import { shiftScheme } from "./shiftScheme.js";
import { validityReasons } from "./validityReasons.js";
import { undefinedVariantError } from "./undefinedVariantError.js";

/**
 * How indicators (and then their weighted sum) are put on one scale:
 * - "z": (x − mean) / SD (with the `mean` and `sd` options), as Berlin MSS;
 * - "robustZ": (x − median) / (1.4826 · MAD), see `robustZ`;
 * - "normalScores": percentile rank PR = (r − ½)/n, then Φ⁻¹(PR) (rank-based inverse normal scores);
 * - "percentile": the plain percentile ranks (0–100) are added; the sum is turned into a normal score Φ⁻¹(PR)
 *   so that the class thresholds keep their meaning (−1 … 1.5 in standard-normal units).
 */
export type IndexNormalization = "z" | "robustZ" | "normalScores" | "percentile";

/** One indicator of a composite index under sensitivity analysis. */
export interface VariantIndicator {
  /** Column with the raw value (a share in % unless `scale` says otherwise). */
  column: string;
  /** German label (default the column). */
  label?: string;
  /** Weight of the standardised value in the sum (default 1). */
  weight?: number;
  /** 1 (default): higher = more disadvantage; −1: mirrored. */
  direction?: Direction;
  /**
   * The base of the share (residents of the age group …): a column or a function of the row. Needed for the
   * Monte Carlo draws and for empirical-Bayes smoothing; rounded to a whole number for the draws.
   */
  denominator?: string | ((row: Row, index: number) => number | null | undefined);
  /** Column with the numerator count (optional: then the rate is numerator / denominator exactly). */
  numerator?: string;
  /** value = rate × scale (default 100: shares in %; 1000 for ‰). */
  scale?: number;
}

/** A composite index table: rows of shares, the indicators, the class scheme, who takes part. */
export interface CompositeVariantSpec {
  /** Area id column. */
  id: string;
  indicators: ReadonlyArray<string | VariantIndicator>;
  /** Class scheme of the index value (e.g. `berlinMssStatus`). */
  scheme: ClassScheme;
  /** Which areas take part (as `compositeIndex`'s `valid`). */
  valid?: ValidRule;
  /** Population column, the weights of the "weighted mean" variant (e.g. "EW"). */
  population?: string;
  /** German name of the population in variant names (default "Einwohner"). */
  populationLabel?: string;
  /** German name of the index (default "Index"). */
  label?: string;
}

/** The method choices of one variant (every field optional; defaults are Berlin MSS). */
export interface IndexVariantOptions {
  /** Mean of the z-standardisation (default "unweighted"; "weighted" needs `spec.population`). */
  mean?: "unweighted" | "weighted";
  /** SD of the z-standardisation (default "population"). */
  sd?: "population" | "sample";
  /** Default "z". */
  normalization?: IndexNormalization;
  /** Weights by indicator column, replacing the spec's weights for the columns named. */
  weights?: Readonly<Record<string, number>>;
  /** Indicator columns left out. */
  omit?: readonly string[];
  /** Added to every class boundary of the scheme (e.g. ±0.25). */
  boundaryShift?: number;
  /** "empirical-bayes": shrink each share toward the overall share (Marshall 1991) before standardising. */
  smoothing?: "none" | "empirical-bayes";
  /** A Monte Carlo draw: every numerator is drawn from Binomial(denominator, observed rate) with this seed. */
  draw?: { seed: number };
}

/** One area under one variant, in input order. */
export interface IndexVariantArea {
  id: string;
  valid: boolean;
  index: number | null;
  /** 1 = highest index (most disadvantage); ties share the best rank; null when not valid. */
  rank: number | null;
  class: string | null;
}

/** Result of one evaluation. */
export interface IndexVariantResult {
  name: "compositeIndexEvaluator";
  n: number;
  areas: IndexVariantArea[];
  excluded: Exclusion[];
  warnings: string[];
  /** The warnings (also in `warnings`) of indicators left out of this variant because smoothing or a draw made them constant. */
  leftOut: string[];
}

/** A prepared composite index: evaluate it under any {@link IndexVariantOptions}. */
export interface CompositeIndexEvaluator {
  spec: CompositeVariantSpec;
  /** Indicator columns in spec order. */
  columns: string[];
  /** Whether every indicator has a denominator (needed for draws and smoothing). */
  hasDenominators: boolean;
  ids: string[];
  evaluate(options?: IndexVariantOptions): IndexVariantResult;
}

interface PreparedIndicator {
  column: string;
  label: string;
  weight: number;
  direction: Direction;
  scale: number;
  cells: unknown[];
  values: Float64Array;
  missingReason: Array<string | undefined>;
  denominator: Float64Array | null;
  numerator: Float64Array | null;
}

/**
 * Prepares a composite index (Berlin-MSS-like: standardise the shares, add the weighted scores, standardise the
 * sum, classify) for evaluation under method variants: mean and SD kind, normalisation (z, robust z, normal
 * scores, percentile ranks), weights, left-out indicators, shifted class boundaries, empirical-Bayes smoothing,
 * and seeded Monte Carlo draws of the numerators. Rows are read once; `evaluate` never mutates them.
 *
 * With normalisation "z" the index is `compositeIndex` itself (so the default variant reproduces it bit for
 * bit). Other normalisations standardise both stages the same way (robust z of the indicators, then robust z
 * of the sum; normal scores of the indicators, then of the sum). Smoothing estimates the EB prior over the
 * areas that take part; a draw replaces each share by k* / n with k* ~ Binomial(n, share) (n = the rounded
 * denominator), in input order of areas and spec order of indicators, from `createRng(draw.seed)`.
 *
 * @example
 * const ev = compositeIndexEvaluator(rows, { id: "PLR_ID", indicators: ["S1", "S3", "S4"], scheme: berlinMssStatus,
 *   valid: { column: "KOM", value: "gültig" } });
 * ev.evaluate().areas[0];                            // { id, valid, index, rank, class } as published
 * ev.evaluate({ normalization: "robustZ" }).areas;   // the robust-z variant
 */
export function compositeIndexEvaluator(rows: ReadonlyArray<Row>, spec: CompositeVariantSpec): CompositeIndexEvaluator {
  const fn = "compositeIndexEvaluator";
  if (!Array.isArray(rows)) throw new Error(`${fn}: rows muss eine Liste von Zeilen (Objekten) sein, angegeben: ${typeof rows}`);
  if (!spec || typeof spec.id !== "string") throw new Error(`${fn}: spec.id (die Kennungsspalte) fehlt`);
  if (!Array.isArray(spec.indicators) || spec.indicators.length === 0) throw new Error(`${fn}: spec.indicators muss mindestens einen Indikator nennen`);
  if (!spec.scheme) throw new Error(`${fn}: spec.scheme (ein Klassenschema, z. B. berlinMssStatus) fehlt`);
  const n = rows.length;
  const has = (c: string) => n === 0 || rows.some((r) => r != null && c in r);
  if (!has(spec.id)) throw new Error(`${fn}: Kennungsspalte "${spec.id}" (spec.id) nicht gefunden`);
  const ids = rows.map((r, i) => {
    const v = r?.[spec.id];
    if (v === null || v === undefined || v === "" || v instanceof Missing) throw new Error(`${fn}: Zeile ${i + 1} hat keine Kennung in Spalte "${spec.id}"`);
    return String(v);
  });
  const seenIds = new Set<string>();
  for (const id of ids) {
    if (seenIds.has(id)) throw new Error(`${fn}: Gebiet "${id}" kommt in Spalte "${spec.id}" doppelt vor`);
    seenIds.add(id);
  }

  const indicators: PreparedIndicator[] = spec.indicators.map((s) => {
    const d = typeof s === "string" ? { column: s } : s;
    if (!d || typeof d.column !== "string") throw new Error(`${fn}: jeder Indikator braucht eine Spalte (column), angegeben: ${JSON.stringify(s)}`);
    if (!has(d.column)) throw new Error(`${fn}: Indikatorspalte "${d.column}" nicht gefunden`);
    const weight = d.weight ?? 1;
    if (typeof weight !== "number" || !Number.isFinite(weight)) throw new Error(`${fn}: Gewicht (weight) des Indikators "${d.column}" muss eine endliche Zahl sein, angegeben: ${JSON.stringify(weight)}`);
    const scale = d.scale ?? 100;
    if (typeof scale !== "number" || !(scale > 0)) throw new Error(`${fn}: scale des Indikators "${d.column}" muss eine positive Zahl sein, angegeben: ${JSON.stringify(scale)}`);
    const cells = rows.map((r) => r[d.column]);
    const values = new Float64Array(n);
    const missingReason = new Array<string | undefined>(n);
    cells.forEach((v, i) => {
      if (typeof v === "number" && Number.isFinite(v)) values[i] = v;
      else if (v === null || v === undefined || v instanceof Missing || (typeof v === "number" && Number.isNaN(v))) {
        values[i] = NaN;
        const marker = v instanceof Missing && v.marker !== "" ? ` ("${v.marker}")` : "";
        missingReason[i] = `fehlender Wert in ${d.column}${marker}`;
      } else {
        throw new Error(`${fn}: Wert ${JSON.stringify(typeof v === "number" ? String(v) : v)} in Spalte "${d.column}" von Gebiet "${ids[i]}" ist keine endliche Zahl`);
      }
    });
    const numberColumn = (what: string, get: (row: Row, i: number) => unknown): Float64Array =>
      Float64Array.from(rows, (r, i) => {
        const v = get(r, i);
        if (v === null || v === undefined || v instanceof Missing || (typeof v === "number" && Number.isNaN(v))) return NaN;
        if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
          throw new Error(`${fn}: ${what} ${JSON.stringify(v)} des Indikators "${d.column}" in Gebiet "${ids[i]}" ist keine nicht-negative Zahl`);
        }
        return v;
      });
    let denominator: Float64Array | null = null;
    if (d.denominator !== undefined) {
      const den = d.denominator;
      if (typeof den === "string" && !has(den)) throw new Error(`${fn}: Nennerspalte "${den}" (denominator) des Indikators "${d.column}" nicht gefunden`);
      denominator = numberColumn("Nenner", typeof den === "string" ? (r) => r[den] : den);
    }
    let numerator: Float64Array | null = null;
    if (d.numerator !== undefined) {
      const num = d.numerator;
      if (!has(num)) throw new Error(`${fn}: Zählerspalte "${num}" (numerator) des Indikators "${d.column}" nicht gefunden`);
      if (!denominator) throw new Error(`${fn}: Indikator "${d.column}" hat eine Zählerspalte (numerator), aber keinen Nenner (denominator)`);
      numerator = numberColumn("Zähler", (r) => r[num]);
    }
    return { column: d.column, label: d.label ?? d.column, weight, direction: directionOf(fn, d.direction), scale, cells, values, missingReason, denominator, numerator };
  });
  const columns = indicators.map((d) => d.column);
  if (new Set(columns).size !== columns.length) throw new Error(`${fn}: eine Indikatorspalte ist doppelt angegeben (${columns.join(", ")})`);

  const ruleReason = validityReasons(fn, rows, ids, spec.valid, has);
  let population: unknown[] | null = null;
  if (spec.population !== undefined) {
    if (!has(spec.population)) throw new Error(`${fn}: Einwohnerspalte "${spec.population}" (spec.population) nicht gefunden`);
    population = rows.map((r) => r[spec.population!]);
  }
  const baseScheme = checkClassScheme(spec.scheme);

  function evaluate(options: IndexVariantOptions = {}): IndexVariantResult {
    const meanKind = options.mean ?? "unweighted";
    const sdKind = options.sd ?? "population";
    const normalization = options.normalization ?? "z";
    if (!["z", "robustZ", "normalScores", "percentile"].includes(normalization)) {
      throw new Error(`${fn}: Option "normalization" muss "z", "robustZ", "normalScores" oder "percentile" sein, angegeben: ${JSON.stringify(normalization)}`);
    }
    if (meanKind === "weighted" && population === null) throw new Error(`${fn}: mean "weighted" braucht spec.population (die Einwohnerspalte)`);
    if (meanKind === "weighted" && normalization !== "z") throw new Error(`${fn}: mean "weighted" gilt nur für normalization "z", angegeben: "${normalization}"`);
    const omit = new Set(options.omit ?? []);
    for (const c of omit) if (!columns.includes(c)) throw new Error(`${fn}: Option "omit" nennt "${c}", das ist kein Indikator (${columns.join(", ")})`);
    let used = indicators.filter((d) => !omit.has(d.column));
    if (used.length === 0) throw new Error(`${fn}: Option "omit" lässt jeden Indikator weg (${[...omit].join(", ")})`);
    for (const c of Object.keys(options.weights ?? {})) {
      if (!columns.includes(c)) throw new Error(`${fn}: Option "weights" nennt "${c}", das ist kein Indikator (${columns.join(", ")})`);
      const w = options.weights![c];
      if (typeof w !== "number" || !Number.isFinite(w)) throw new Error(`${fn}: Gewicht von "${c}" (Option "weights") muss eine endliche Zahl sein, angegeben: ${JSON.stringify(w)}`);
    }
    const weightOf = (d: PreparedIndicator) => options.weights?.[d.column] ?? d.weight;
    const shift = options.boundaryShift ?? 0;
    if (typeof shift !== "number" || !Number.isFinite(shift)) throw new Error(`${fn}: Option "boundaryShift" muss eine endliche Zahl sein, angegeben: ${JSON.stringify(shift)}`);
    const scheme = shiftScheme(baseScheme, shift);
    const smoothing = options.smoothing ?? "none";
    if (smoothing !== "none" && smoothing !== "empirical-bayes") throw new Error(`${fn}: Option "smoothing" muss "none" oder "empirical-bayes" sein, angegeben: ${JSON.stringify(smoothing)}`);
    const warnings: string[] = [];
    const leftOut: string[] = [];

    // Values of this variant: drawn and/or smoothed copies; untouched indicators keep their original cells.
    const modified = new Map<string, Float64Array>();
    const rate = (d: PreparedIndicator, i: number) => (d.numerator ? d.numerator[i] / d.denominator![i] : d.values[i] / d.scale);
    const takesPart = (d: PreparedIndicator, i: number) =>
      ruleReason[i] === undefined && d.values[i] === d.values[i] && d.denominator !== null && d.denominator[i] > 0;
    if (options.draw !== undefined || smoothing === "empirical-bayes") {
      for (const d of used) {
        if (!d.denominator) {
          throw new Error(`${fn}: ${options.draw !== undefined ? "eine Monte-Carlo-Ziehung" : "die Empirical-Bayes-Glättung"} braucht den Nenner (denominator) des Indikators "${d.column}"`);
        }
      }
    }
    if (options.draw !== undefined) {
      const seed = options.draw?.seed;
      if (!Number.isInteger(seed)) throw new Error(`${fn}: Option "draw.seed" muss eine ganze Zahl sein, angegeben: ${JSON.stringify(seed)}`);
      const rng = createRng(seed);
      const out = used.map((d) => Float64Array.from(d.values));
      for (let i = 0; i < n; i++) {
        used.forEach((d, j) => {
          if (!takesPart(d, i)) return;
          const size = Math.round(d.denominator![i]);
          if (size === 0) return;
          const p = Math.min(1, Math.max(0, rate(d, i)));
          out[j][i] = (sampleBinomial(rng, size, p) / size) * d.scale;
        });
      }
      used.forEach((d, j) => modified.set(d.column, out[j]));
    }
    if (smoothing === "empirical-bayes") {
      for (const d of used) {
        const current = modified.get(d.column);
        const idx: number[] = [];
        for (let i = 0; i < n; i++) if (takesPart(d, i)) idx.push(i);
        if (idx.length === 0) continue;
        const den = idx.map((i) => d.denominator![i]);
        const events = idx.map((i, k) => (current ? current[i] / d.scale : rate(d, i)) * den[k]);
        const eb = empiricalBayesRates(events, den);
        for (const w of eb.warnings) warnings.push(`${fn}: ${d.column}: ${w}`);
        const out = Float64Array.from(current ?? d.values);
        idx.forEach((i, k) => (out[i] = eb.smoothed[k] * d.scale));
        modified.set(d.column, out);
      }
    }

    // Smoothing (prior variance 0: the rates vary no more than by chance) or a draw (all numerators 0) can make
    // an indicator that varies in the data equal in every area. Its z-scores are 0/0; it tells the areas apart
    // by nothing, so it is left out of this variant (as a score of 0 everywhere would). With nothing left the
    // index is undefined: an UndefinedVariantError, which compositeSensitivity turns into a skipped variant.
    const constant = used.filter((d) => modified.has(d.column) && becameConstant(d.values, modified.get(d.column)!, ruleReason));
    if (constant.length > 0) {
      const cause = [smoothing === "empirical-bayes" ? "die Empirical-Bayes-Glättung" : "", options.draw !== undefined ? "die Monte-Carlo-Ziehung" : ""].filter(Boolean).join(" und ");
      const which = constant.map((d) => `"${d.column}"`).join(", ");
      if (constant.length === used.length) {
        throw undefinedVariantError(
          `${fn}: ${cause} macht jeden Wert ${constant.length === 1 ? "des Indikators" : "der Indikatoren"} ${which} in allen Gebieten gleich; der Index ist in dieser Variante nicht definiert`,
          constant.map((d) => d.column),
        );
      }
      for (const d of constant) leftOut.push(`${fn}: ${cause} macht jeden Wert des Indikators "${d.column}" in allen Gebieten gleich; er entfällt in dieser Variante`);
      warnings.push(...leftOut);
      used = used.filter((d) => !constant.includes(d));
    }

    const index = new Float64Array(n).fill(NaN);
    const excluded: Exclusion[] = [];
    if (normalization === "z") {
      const data: Record<string, ArrayLike<unknown>> = { [spec.id]: ids };
      for (const d of used) data[d.column] = modified.get(d.column) ?? d.cells;
      const popKey = "\u0000population";
      if (meanKind === "weighted") data[popKey] = population!;
      const r = compositeIndex(data, {
        id: spec.id,
        label: spec.label,
        indicators: used.map((d) => ({ column: d.column, weight: weightOf(d), direction: d.direction })),
        mean: meanKind,
        sd: sdKind,
        weights: meanKind === "weighted" ? popKey : undefined,
        valid: (_row, i) => ruleReason[i] ?? true,
      });
      index.set(r.columns.index);
      for (const e of r.excluded) excluded.push({ ...e, step: fn, ...(e.column === popKey ? { column: spec.population!, reason: e.reason.replace(popKey, spec.population!) } : {}) });
    } else {
      const validIdx: number[] = [];
      for (let i = 0; i < n; i++) {
        let reason = ruleReason[i];
        if (reason === undefined) for (const d of used) if ((reason = d.missingReason[i]) !== undefined) break;
        if (reason === undefined) validIdx.push(i);
        else excluded.push({ id: ids[i], reason, step: fn });
      }
      if (validIdx.length === 0) throw new Error(`${fn}: keine gültigen Gebiete (alle ${n} ausgeschlossen)`);
      const sum = new Float64Array(validIdx.length);
      for (const d of used) {
        const v = modified.get(d.column) ?? d.values;
        const sub = validIdx.map((i) => v[i]);
        const scores = stage(fn, normalization, sub, d.direction, d.column, false);
        const w = weightOf(d);
        for (let k = 0; k < sub.length; k++) sum[k] += w * scores[k];
      }
      const final = stage(fn, normalization, Array.from(sum), 1, "Summe", true);
      validIdx.forEach((i, k) => (index[i] = final[k]));
    }
    const indexValues = Array.from(index, (x) => (x === x ? x : null));
    const ranks = rank(indexValues, { method: "min" }).values;
    const areas = ids.map((id, i): IndexVariantArea => {
      const x = indexValues[i];
      return { id, valid: x !== null, index: x, rank: ranks[i], class: x === null ? null : assignClass(x, scheme)!.label };
    });
    return { name: fn, n: areas.filter((a) => a.valid).length, areas, excluded, warnings, leftOut };
  }

  return { spec, columns, hasDenominators: indicators.every((d) => d.denominator !== null), ids, evaluate };
}

/** Whether `after` is the same in every area of the index (present, allowed by the rule) while `before` was not. */
function becameConstant(before: Float64Array, after: Float64Array, ruleReason: ReadonlyArray<string | undefined>): boolean {
  let first = NaN;
  let varied = false;
  let firstBefore = NaN;
  for (let i = 0; i < after.length; i++) {
    if (ruleReason[i] !== undefined || !Number.isFinite(after[i])) continue;
    if (first !== first) first = after[i];
    else if (after[i] !== first) return false;
    if (Number.isFinite(before[i])) {
      if (firstBefore !== firstBefore) firstBefore = before[i];
      else if (before[i] !== firstBefore) varied = true;
    }
  }
  return varied;
}

/** One standardisation stage of the non-z normalisations (indicator or sum). */
function stage(fn: string, normalization: IndexNormalization, values: number[], direction: Direction, what: string, final: boolean): number[] {
  try {
    if (normalization === "robustZ") return robustZ(values, { direction }).values as number[];
    const pr = percentileRank(values, { direction }).values as number[];
    // Plain percentile ranks are added as n · PR / 100 = r − ½ (mid-ranks are multiples of ½, so sums are exact
    // and ties in the sum stay ties; the order of the sum, and so the index, is that of Σ w · PR).
    if (normalization === "percentile" && !final) return pr.map((p) => Math.round((p * values.length) / 50) / 2);
    return pr.map((p) => normalQuantile(p / 100));
  } catch (e) {
    throw undefinedVariantError(`${fn}: ${what}: ${(e as Error).message}`, [what]);
  }
}
