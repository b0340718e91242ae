import { checkRateInputs } from "./rateInputs.js";

/** Options of {@link localEmpiricalBayesRates}. */
export interface LocalEmpiricalBayesOptions {
  /**
   * For each area the 0-based indices of its neighbours (without itself; the area is always added).
   * Same order and length as `events`.
   */
  neighbors: readonly (readonly number[])[];
}

/** Result of {@link localEmpiricalBayesRates}; arrays keep the input order. */
export interface LocalEmpiricalBayesResult {
  name: "localEmpiricalBayesRates";
  n: number;
  raw: number[];
  /** Smoothed rates (the statistic). */
  smoothed: number[];
  /** Local prior means mᵢ. */
  priorMean: number[];
  /** Local prior variances aᵢ (clamped at 0). */
  priorVariance: number[];
  warnings: string[];
}

/**
 * Local (spatial) empirical-Bayes smoothing (Marshall 1991): like {@link empiricalBayesRates}, but each rate
 * is pulled toward the rate of its own neighbourhood Nᵢ = {i} ∪ neighbours(i) instead of the city's.
 *
 *     mᵢ = Σ_{j∈Nᵢ} kⱼ / Σ_{j∈Nᵢ} nⱼ,   n̄ᵢ = mean of nⱼ over Nᵢ
 *     Cᵢ = Σ_{j∈Nᵢ} nⱼ (rⱼ − mᵢ)²,     aᵢ = max(0, Cᵢ / Σ_{j∈Nᵢ} nⱼ − mᵢ / n̄ᵢ)
 *     EBᵢ = mᵢ + (rᵢ − mᵢ) · aᵢ / (aᵢ + mᵢ / nᵢ)
 *
 * Matches R spdep `EBlocal(ri, ni, nb, geoda = TRUE)` (Marshall's and GeoDa's Cᵢ; spdep's default
 * `geoda = FALSE` uses each neighbour's own mⱼ inside Cᵢ instead).
 *
 * Source: Marshall, R. J. (1991). Mapping disease and mortality rates using empirical Bayes estimators.
 * Applied Statistics 40, 283–294. Bivand, R. spdep `EBlocal`.
 *
 * @example
 * // three areas in a row: 0 – 1 – 2
 * localEmpiricalBayesRates([1, 3, 10], [50, 200, 400], { neighbors: [[1], [0, 2], [1]] }).smoothed;
 */
export function localEmpiricalBayesRates(
  events: readonly number[],
  population: readonly number[],
  options: LocalEmpiricalBayesOptions,
): LocalEmpiricalBayesResult {
  const fn = "localEmpiricalBayesRates";
  checkRateInputs(fn, events, population);
  const m = events.length;
  const neighbors = options?.neighbors;
  if (!Array.isArray(neighbors) || neighbors.length !== m) {
    throw new RangeError(`${fn}: neighbors muss eine Liste mit einer Indexliste je Gebiet (${m}) sein, angegeben ist ${Array.isArray(neighbors) ? neighbors.length : typeof neighbors}`);
  }
  const raw = events.map((k, i) => k / population[i]);
  const smoothed = new Array<number>(m);
  const priorMean = new Array<number>(m);
  const priorVariance = new Array<number>(m);
  const warnings: string[] = [];
  for (let i = 0; i < m; i++) {
    const list = neighbors[i];
    if (!Array.isArray(list)) throw new TypeError(`${fn}: neighbors[${i}] muss eine Liste von Indizes sein, angegeben ist ${typeof list}`);
    const members = [i];
    for (const j of list) {
      if (!Number.isInteger(j) || j < 0 || j >= m) {
        throw new RangeError(`${fn}: neighbors[${i}] enthält ${String(j)}, keinen Index in [0, ${m - 1}]`);
      }
      if (j !== i && !members.includes(j)) members.push(j);
    }
    let kSum = 0;
    let nSum = 0;
    for (const j of members) {
      kSum += events[j];
      nSum += population[j];
    }
    const mi = kSum / nSum;
    let c = 0;
    for (const j of members) c += population[j] * (raw[j] - mi) ** 2;
    const nBar = nSum / members.length;
    let a = c / nSum - mi / nBar;
    if (a < 0) a = 0;
    priorMean[i] = mi;
    priorVariance[i] = a;
    // mᵢ = 0 means no events in the neighbourhood: the rate is 0 and needs no shrinking (avoids 0/0).
    smoothed[i] = mi === 0 ? 0 : mi + (raw[i] - mi) * (a / (a + mi / population[i]));
    if (list.length === 0) warnings.push(`${fn}: das Gebiet an Position ${i} hat keine Nachbarn; seine Rate wird nicht geglättet`);
  }
  return { name: "localEmpiricalBayesRates", n: m, raw, smoothed, priorMean, priorVariance, warnings };
}
