/**
 * Upper tail of the standard normal distribution, P(Z > z) = erfc(z/√2)/2, to about 1e-15 relative over the
 * whole range: for |x| = |z|/√2 < 1.5 from the positive series erf(x) = 2/√π·e^(−x²)·Σ 2^k x^(2k+1)/(2k+1)!!
 * (no cancellation), beyond from the continued fraction erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x
 * + …)))) evaluated with the modified Lentz method (Abramowitz & Stegun 7.1.6 and 7.1.14; Press et al.,
 * Numerical Recipes, 3rd ed., §5.2 and §6.2). Used for the p-values of the normal approximations; checked
 * against R `pnorm(z, lower.tail = FALSE)` in the tests.
 *
 * @example
 * normalUpperTail(1.959963984540054); // 0.025
 */
export function normalUpperTail(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const x = Math.abs(z) / Math.SQRT2;
  let erfc: number;
  if (x < 1.5) {
    let term = x;
    let sum = x;
    for (let k = 1; k < 200; k++) {
      term *= (2 * x * x) / (2 * k + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    const erf = (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
    erfc = 1 - erf;
  } else {
    // modified Lentz for f = x + a1/(x + a2/(x + …)), a_k = k/2
    const tiny = 1e-300;
    let f = x;
    let c = f;
    let d = 0;
    for (let k = 1; k < 1000; k++) {
      const a = k / 2;
      d = x + a * d;
      if (d === 0) d = tiny;
      d = 1 / d;
      c = x + a / c;
      if (c === 0) c = tiny;
      const delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    // e^(−z²/2) with z² split as in R's pnorm (Cody): zs² is exact, so large z lose no digits here.
    const a = Math.abs(z);
    const zs = Math.trunc(a * 16) / 16;
    const e = Math.exp((-zs * zs) / 2) * Math.exp((-(a - zs) * (a + zs)) / 2);
    erfc = e / Math.sqrt(Math.PI) / f;
  }
  const upper = erfc / 2;
  return z >= 0 ? upper : 1 - upper;
}

/** p-value of a standard normal deviate for the given alternative ("folded" = the tail the deviate lies in). */
export function normalPValue(z: number, alternative: "greater" | "less" | "two-sided" | "folded"): number {
  switch (alternative) {
    case "greater":
      return normalUpperTail(z);
    case "less":
      return normalUpperTail(-z);
    case "two-sided":
      return Math.min(1, 2 * normalUpperTail(Math.abs(z)));
    case "folded":
      return normalUpperTail(Math.abs(z));
  }
}
