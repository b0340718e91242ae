import { checkRateInputs, sum } from "./rateInputs.js";

/** Options of {@link empiricalBayesRates}. */
export interface EmpiricalBayesOptions {
  /**
   * "poisson" (default): Marshall's (1991) global method-of-moments estimator, as spdep `EBest` and
   * PySAL/esda `Empirical_Bayes`. "binomial": Martuzzi & Elliott (1996), as spdep `EBest(family = "binomial")`.
   */
  family?: "poisson" | "binomial";
}

/** Result of {@link empiricalBayesRates}; arrays keep the input order. */
export interface EmpiricalBayesResult {
  name: "empiricalBayesRates";
  family: "poisson" | "binomial";
  n: number;
  /** Raw rates kᵢ / nᵢ. */
  raw: number[];
  /** Smoothed rates (the statistic). */
  smoothed: number[];
  /** Weight of the raw rate in the smoothed rate (0 = fully shrunk to the prior mean, 1 = raw). */
  shrinkage: number[];
  /** Prior mean b = Σk / Σn (spdep `b`). */
  priorMean: number;
  /** Prior variance a (spdep `a`; for "binomial" spdep reports s² here, and so do we). */
  priorVariance: number;
  warnings: string[];
}

/**
 * Global empirical-Bayes smoothing of rates kᵢ / nᵢ (Marshall 1991), for small areas whose raw rates are
 * dominated by chance. Each rate is pulled toward the overall rate, the more the smaller its base.
 *
 * Poisson (method of moments):
 *
 *     b  = Σk / Σn                     (prior mean)
 *     s² = Σ nᵢ (rᵢ − b)² / Σn         (population-weighted variance of the raw rates rᵢ = kᵢ/nᵢ)
 *     a  = s² − b / n̄,  n̄ = Σn / m     (prior variance; set to 0 when negative, as spdep does)
 *     wᵢ = a / (a + b / nᵢ)
 *     EBᵢ = b + wᵢ (rᵢ − b)
 *
 * Binomial (Martuzzi & Elliott 1996): ρᵢ = (nᵢ s² − (nᵢ/n̄) b(1−b)) / ((nᵢ − 1) s² + ((n̄ − nᵢ)/n̄) b(1−b)),
 * EBᵢ = ρᵢ rᵢ + (1 − ρᵢ) b. When every rᵢ equals b (s² = 0: one area, no events, or only events) ρᵢ is 0/0;
 * then EBᵢ = b with a warning (spdep gives NaN).
 *
 * Matches R spdep `EBest(n = events, x = population)` (`estmm`) and, whenever a ≥ 0, esda
 * `Empirical_Bayes(e, b).r` (esda does not clamp a negative a; the clamped estimator is the one that stays a
 * weighted mean of rᵢ and b, so we follow spdep and warn).
 *
 * Source: Marshall, R. J. (1991). Mapping disease and mortality rates using empirical Bayes estimators.
 * Applied Statistics 40, 283–294. Martuzzi, M. & Elliott, P. (1996). Empirical Bayes estimation of small area
 * prevalence of non-rare conditions. Statistics in Medicine 15, 1867–1873. Bivand, R. spdep `EBest`.
 *
 * @param events event counts kᵢ ≥ 0
 * @param population populations at risk nᵢ > 0, same order
 * @example
 * const eb = empiricalBayesRates([0, 3, 10], [50, 200, 400]);
 * eb.priorMean; // 13 / 650 = 0.02
 * eb.smoothed;  // each between its raw rate and 0.02
 */
export function empiricalBayesRates(
  events: readonly number[],
  population: readonly number[],
  options: EmpiricalBayesOptions = {},
): EmpiricalBayesResult {
  const family = options.family ?? "poisson";
  if (family !== "poisson" && family !== "binomial") {
    throw new RangeError(`empiricalBayesRates: family muss "poisson" oder "binomial" sein, angegeben ist ${JSON.stringify(family)}`);
  }
  checkRateInputs("empiricalBayesRates", events, population);
  const m = events.length;
  const raw = events.map((k, i) => k / population[i]);
  const nSum = sum(population);
  const b = sum(events) / nSum;
  let s2 = 0;
  for (let i = 0; i < m; i++) s2 += population[i] * (((raw[i] - b) ** 2) / nSum);
  const warnings: string[] = [];
  if (family === "poisson") {
    let a = s2 - b / (nSum / m);
    if (a < 0) {
      warnings.push(
        `empiricalBayesRates: A-priori-Varianz ${a.toExponential(3)} < 0 auf 0 gesetzt (die Raten streuen weniger als durch Zufall): jede Rate ist die Gesamtrate`,
      );
      a = 0;
    }
    // b = 0 means no events anywhere: every rate is 0 and there is nothing to shrink (avoids 0/0).
    const shrinkage = population.map((n) => (b === 0 ? 0 : a / (a + b / n)));
    // Written as spdep writes it (b + a(r − b)/(a + b/n)) so results agree bit for bit.
    const smoothed = raw.map((r, i) => (b === 0 ? 0 : b + (a * (r - b)) / (a + b / population[i])));
    return { name: "empiricalBayesRates", family, n: m, raw, smoothed, shrinkage, priorMean: b, priorVariance: a, warnings };
  }
  if (s2 === 0) {
    // Every raw rate equals b (a single area, no events anywhere, or all events): ρᵢ would be 0/0 (spdep
    // returns NaN); the rates need no shrinking.
    warnings.push("empiricalBayesRates: alle Rohraten sind gleich der Gesamtrate; nichts zu glätten");
    return {
      name: "empiricalBayesRates", family, n: m, raw, smoothed: raw.map(() => b), shrinkage: raw.map(() => 0),
      priorMean: b, priorVariance: s2, warnings,
    };
  }
  const nBar = nSum / m;
  const bq = b * (1 - b);
  const shrinkage = population.map((n) => (n * s2 - (n / nBar) * bq) / ((n - 1) * s2 + ((nBar - n) / nBar) * bq));
  // Written as spdep writes it (ρ r + (1 − ρ) b) so results agree bit for bit.
  const smoothed = raw.map((r, i) => shrinkage[i] * r + (1 - shrinkage[i]) * b);
  return { name: "empiricalBayesRates", family, n: m, raw, smoothed, shrinkage, priorMean: b, priorVariance: s2, warnings };
}
