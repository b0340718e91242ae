import { normalQuantile } from "./normalQuantile.js";

/** Options of {@link wilsonInterval}. */
export interface WilsonIntervalOptions {
  /** Confidence level in (0, 1); default 0.95. */
  confidence?: number;
}

/** A proportion with its Wilson score interval (all three as proportions in [0, 1]). */
export interface WilsonInterval {
  /** k / n. */
  estimate: number;
  lower: number;
  upper: number;
  confidence: number;
}

/**
 * Wilson score confidence interval for a proportion k / n (Wilson 1927).
 *
 * With p̂ = k/n and z = Φ⁻¹((1 + confidence) / 2):
 *
 *     lower, upper = ( p̂ + z²/(2n) ∓ z · √( p̂(1 − p̂)/n + z²/(4n²) ) ) / ( 1 + z²/n )
 *
 * Unlike the Wald interval p̂ ± z·√(p̂(1−p̂)/n) it never leaves [0, 1] and stays informative for k = 0 or
 * k = n and for the small bases of small areas. The interval is exactly R's
 * `prop.test(k, n, correct = FALSE)$conf.int`, including its convention that the lower limit is exactly 0
 * for k = 0 and the upper limit exactly 1 for k = n.
 *
 * Source: Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference.
 * Journal of the American Statistical Association 22, 209–212. Newcombe, R. G. (1998), Statistics in
 * Medicine 17, 857–872 (method 3).
 *
 * @param k number of events (numerator), 0 ≤ k ≤ n
 * @param n base (denominator), n > 0
 * @example
 * wilsonInterval(12, 80);
 * // { estimate: 0.15, lower: 0.087940..., upper: 0.244132..., confidence: 0.95 }
 */
export function wilsonInterval(k: number, n: number, options: WilsonIntervalOptions = {}): WilsonInterval {
  const confidence = options.confidence ?? 0.95;
  if (typeof confidence !== "number" || !(confidence > 0 && confidence < 1)) {
    throw new RangeError(`wilsonInterval: confidence muss eine Zahl in (0, 1) sein, angegeben ist ${String(confidence)}`);
  }
  if (typeof n !== "number" || !Number.isFinite(n) || n <= 0) {
    throw new RangeError(`wilsonInterval: n muss eine positive endliche Zahl sein, angegeben ist ${String(n)}`);
  }
  if (typeof k !== "number" || !Number.isFinite(k) || k < 0 || k > n) {
    throw new RangeError(`wilsonInterval: k muss eine Zahl in [0, n] = [0, ${n}] sein, angegeben ist ${String(k)}`);
  }
  return { ...wilsonLimits(k, n, quantileFor(confidence)), confidence };
}

// The quantile of the last confidence level: computeIndicators asks for the same level millions of times.
let lastConfidence = Number.NaN;
let lastQuantile = Number.NaN;
function quantileFor(confidence: number): number {
  if (confidence !== lastConfidence) {
    lastQuantile = normalQuantile((1 + confidence) / 2);
    lastConfidence = confidence;
  }
  return lastQuantile;
}

/**
 * The interval for checked inputs (0 ≤ k ≤ n, n > 0) and the normal quantile z = Φ⁻¹((1 + confidence) / 2):
 * the arithmetic of {@link wilsonInterval}, for callers that check once and compute millions of intervals.
 */
export function wilsonLimits(k: number, n: number, z: number): { estimate: number; lower: number; upper: number } {
  const estimate = k / n;
  // Same arrangement of terms as R's prop.test, so the limits agree with R to the last digit or two.
  const z22n = (z * z) / (2 * n);
  const half = z * Math.sqrt((estimate * (1 - estimate)) / n + z22n / (2 * n));
  const lower = estimate <= 0 ? 0 : (estimate + z22n - half) / (1 + 2 * z22n);
  const upper = estimate >= 1 ? 1 : (estimate + z22n + half) / (1 + 2 * z22n);
  return { estimate, lower: Math.max(0, lower), upper: Math.min(1, upper) };
}
