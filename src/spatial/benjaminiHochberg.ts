/**
 * Benjamini–Hochberg adjusted p-values (false discovery rate; Benjamini & Hochberg 1995):
 * q_(k) = min_{j ≥ k} min(1, p_(j) · m / j) over the p-values sorted ascending, m = their number. An area is
 * significant at FDR level α when q ≤ α — the same areas as the step-up rule "largest k with p_(k) ≤ k·α/m"
 * (esda's `fdr` returns that threshold). Same numbers as R `p.adjust(p, "BH")`. Result in input order.
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03, 0.5]); // [0.04, 0.05333333333333334, 0.05333333333333334, 0.5]
 */
export function benjaminiHochberg(pValues: ArrayLike<number>): number[] {
  const m = pValues.length;
  for (let i = 0; i < m; i++) {
    const p = pValues[i];
    if (!(p >= 0 && p <= 1)) throw new Error(`benjaminiHochberg: p-Wert ${String(p)} an Position ${i} liegt nicht in [0, 1]`);
  }
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => pValues[a] - pValues[b] || a - b);
  const out = new Array<number>(m);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const i = order[k];
    running = Math.min(running, (pValues[i] * m) / (k + 1));
    out[i] = running;
  }
  return out;
}
