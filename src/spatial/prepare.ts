import { binaryWeights } from "./binaryWeights.js";
import { rowStandardize } from "./rowStandardize.js";
import { transposeStructure, type SpatialWeights } from "./spatialWeights.js";
import { DEFAULT_SEED } from "../inference/defaultSeed.js";

/** Weights transformation applied before a statistic: "R" row-standardised, "B" binary, "none" as given. */
export type WeightsTransformOption = "R" | "B" | "none";

/** Checks the weights object and applies the transformation (default "R", as esda and spdep's style "W"). */
export function prepareWeights(fn: string, weights: SpatialWeights, transform: WeightsTransformOption | undefined): SpatialWeights {
  if (!weights || !(weights.offsets instanceof Int32Array) || !Array.isArray(weights.ids)) {
    throw new Error(`${fn}: weights muss aus contiguityWeights, knnWeights, distanceBandWeights, readGal oder weightsFromNeighbors stammen`);
  }
  const t = transform ?? "R";
  if (t === "R") return weights.transform === "R" ? weights : rowStandardize(weights);
  if (t === "B") return weights.transform === "B" ? weights : binaryWeights(weights);
  if (t === "none") return weights;
  throw new Error(`${fn}: transform muss "R", "B" oder "none" sein, angegeben ist "${String(t)}"`);
}

/** The values as a Float64Array in the order of `weights.ids`; throws naming the area for a non-number. */
export function valuesFor(fn: string, values: ArrayLike<unknown>, weights: SpatialWeights): Float64Array {
  if (!values || typeof values.length !== "number") throw new Error(`${fn}: values muss eine Liste von Zahlen sein`);
  if (values.length !== weights.n) {
    throw new Error(`${fn}: ${values.length} Werte für ${weights.n} Gebiete (die Werte müssen der Reihenfolge von weights.ids folgen)`);
  }
  const out = new Float64Array(weights.n);
  for (let i = 0; i < weights.n; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new Error(`${fn}: Wert ${String(v)} von Gebiet "${weights.ids[i]}" (Position ${i}) ist keine endliche Zahl`);
    }
    out[i] = v;
  }
  return out;
}

/**
 * The weight constants of Cliff & Ord (1981): S0 = Σ_ij w_ij, S1 = ½ Σ_ij (w_ij + w_ji)², S2 = Σ_i (w_i· + w_·i)².
 * S1 is computed as Σ w_ij² + Σ w_ij·w_ji over the sparse rows, so no dense matrix is formed.
 */
export function weightsConstants(w: SpatialWeights): { s0: number; s1: number; s2: number } {
  const { n, offsets, indices, values } = w;
  const t = transposeStructure(n, offsets, indices, values);
  const rowSum = new Float64Array(n);
  const colSum = new Float64Array(n);
  const scratch = new Float64Array(n);
  let s0 = 0;
  let s1 = 0;
  for (let i = 0; i < n; i++) {
    for (let p = t.offsets[i]; p < t.offsets[i + 1]; p++) scratch[t.indices[p]] = t.values[p]; // w_ji
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const v = values[p];
      s0 += v;
      s1 += v * v + v * scratch[indices[p]];
      rowSum[i] += v;
      colSum[indices[p]] += v;
    }
    for (let p = t.offsets[i]; p < t.offsets[i + 1]; p++) scratch[t.indices[p]] = 0;
  }
  let s2 = 0;
  for (let i = 0; i < n; i++) s2 += (rowSum[i] + colSum[i]) ** 2;
  return { s0, s1, s2 };
}

/** Deviations from the mean. */
export function deviations(x: Float64Array): Float64Array {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += x[i];
  mean /= x.length;
  const z = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) z[i] = x[i] - mean;
  return z;
}

/** Σ_i a_i Σ_j w_ij b_j over the CSR rows. */
export function crossProduct(w: SpatialWeights, a: Float64Array, b: Float64Array): number {
  const { n, offsets, indices, values } = w;
  let total = 0;
  for (let i = 0; i < n; i++) {
    let lag = 0;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) lag += values[p] * b[indices[p]];
    total += a[i] * lag;
  }
  return total;
}

/** Checks the permutation options; returns the count (default 999) and seed (default DEFAULT_SEED). */
export function permutationOptions(fn: string, options: { permutations?: number; seed?: number }): { permutations: number; seed: number } {
  const permutations = options.permutations ?? 999;
  if (!Number.isInteger(permutations) || permutations < 0) {
    throw new Error(`${fn}: permutations muss eine ganze Zahl ≥ 0 sein, angegeben ist ${String(permutations)}`);
  }
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new Error(`${fn}: seed muss eine ganze Zahl sein, angegeben ist ${String(seed)}`);
  return { permutations, seed };
}
