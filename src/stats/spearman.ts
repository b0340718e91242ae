import { tiedRanks } from "./tiedRanks.js";

/**
 * Spearman's rank correlation ρ of paired values: Pearson's correlation of the mid-ranks (tied values share the
 * mean of the positions they span), as R `cor(x, y, method = "spearman")`:
 *
 *     ρ = Σ (a_i − ā)(b_i − b̄) / √( Σ (a_i − ā)² · Σ (b_i − b̄)² ),   a, b = mid-ranks of x, y
 *
 * Written in this form (not as cov / (sd·sd)) so that identical rankings give exactly 1. NaN when fewer than
 * two pairs or when one side has no variation (every value tied).
 *
 * @example
 * spearman([1, 2, 3, 4, 5], [1, 3, 2, 4, 5]); // 0.9 (R: cor(1:5, c(1,3,2,4,5), method = "spearman"))
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (y.length !== n) throw new Error(`spearman: x hat ${n} Werte, y aber ${y.length}`);
  if (n < 2) return NaN;
  const a = ascendingMidRanks(x);
  const b = ascendingMidRanks(y);
  const mean = (n + 1) / 2; // mid-ranks always average (n + 1) / 2
  let sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - mean;
    const db = b[i] - mean;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return NaN;
  return sab / Math.sqrt(saa * sbb);
}

/** Ascending mid-ranks 1…n (ties averaged), via the shared {@link tiedRanks}. */
function ascendingMidRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const all = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== "number" || Number.isNaN(v)) throw new Error(`spearman: Wert an Position ${i} ist keine Zahl (${String(v)})`);
    all[i] = v;
  }
  // Direction −1: descending in −x is ascending in x.
  return tiedRanks(all, Int32Array.from({ length: n }, (_, i) => i), -1, "average");
}

/**
 * {@link spearman} over the pairs where both values are present (null, undefined, NaN or a `Missing` cell leave
 * the pair out), as R `cor(x, y, method = "spearman", use = "complete.obs")`. NaN when fewer than two pairs remain.
 *
 * @example
 * spearmanComplete([1, 2, null, 4, 5], [1, 3, 7, 2, 5]); // 0.8: the pairs (1,1), (2,3), (4,2), (5,5)
 */
export function spearmanComplete(x: ArrayLike<unknown>, y: ArrayLike<unknown>): number {
  if (x.length !== y.length) throw new Error(`spearmanComplete: x und y müssen gleich lang sein, angegeben: ${x.length} und ${y.length} Werte`);
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const u = x[i];
    const v = y[i];
    if (typeof u === "number" && typeof v === "number" && Number.isFinite(u) && Number.isFinite(v)) {
      a.push(u);
      b.push(v);
    }
  }
  return spearman(a, b);
}
