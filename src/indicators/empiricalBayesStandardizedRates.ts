import { checkRateInputs, sum } from "./rateInputs.js";

/** Result of {@link empiricalBayesStandardizedRates}; arrays keep the input order. */
export interface EmpiricalBayesStandardizedResult {
  name: "empiricalBayesStandardizedRates";
  n: number;
  /** Raw rates kᵢ / nᵢ. */
  raw: number[];
  /** Standardised rates zᵢ (the statistic). */
  z: number[];
  /** Prior mean b = Σk / Σn. */
  priorMean: number;
  /** Prior variance a = s² − b / n̄, not clamped (may be negative). */
  priorVariance: number;
  warnings: string[];
}

/**
 * Empirical-Bayes standardised rates (Assunção & Reis 1999): each raw rate minus the overall rate, divided by
 * its own prior standard deviation, so that small areas with unstable rates do not dominate a map or a
 * Moran's I of rates.
 *
 *     b  = Σk / Σn,   s² = Σ nᵢ (rᵢ − b)² / Σn,   a = s² − b / n̄,   n̄ = Σn / m
 *     vᵢ = a + b / nᵢ   (if vᵢ ≤ 0: vᵢ = b / nᵢ; esda uses < 0 and gives NaN for vᵢ = 0, e.g. a single area)
 *     zᵢ = (rᵢ − b) / √vᵢ
 *
 * Matches PySAL/esda `assuncao_rate(e, b)` (used by `Moran_Rate(adjusted=True)`). R spdep `EBImoran.mc`
 * computes the same zᵢ whenever a ≥ 0 (it first clamps a to 0).
 *
 * Source: Assunção, R. M. & Reis, E. A. (1999). A new proposal to adjust Moran's I for population density.
 * Statistics in Medicine 18, 2147–2162.
 *
 * @param events event counts kᵢ ≥ 0
 * @param population populations at risk nᵢ > 0, same order
 * @example
 * empiricalBayesStandardizedRates([1, 3, 10], [50, 200, 400]).z; // one z per area, Σ nᵢ·(rᵢ − b) = 0
 */
export function empiricalBayesStandardizedRates(
  events: readonly number[],
  population: readonly number[],
): EmpiricalBayesStandardizedResult {
  checkRateInputs("empiricalBayesStandardizedRates", events, population);
  const m = events.length;
  const raw = events.map((k, i) => k / population[i]);
  const nSum = sum(population);
  const b = sum(events) / nSum;
  let s2 = 0;
  for (let i = 0; i < m; i++) s2 += population[i] * (raw[i] - b) ** 2;
  s2 /= nSum;
  const a = s2 - b / (nSum / m);
  const warnings: string[] = [];
  if (b === 0) warnings.push("empiricalBayesStandardizedRates: in keinem Gebiet gibt es Ereignisse; jedes z ist 0");
  const z = raw.map((r, i) => {
    if (b === 0) return 0;
    const v = a + b / population[i];
    // v = 0 happens for a single area (a = −b/n exactly): esda would give 0/0 = NaN; use b/nᵢ as for v < 0.
    return (r - b) / Math.sqrt(v <= 0 ? b / population[i] : v);
  });
  return { name: "empiricalBayesStandardizedRates", n: m, raw, z, priorMean: b, priorVariance: a, warnings };
}
