/**
 * Adjusted Rand index of two partitions of the same rows (Hubert & Arabie 1985).
 *
 * Formula: with the contingency table n_ij, row sums a_i, column sums b_j and n rows,
 * ARI = (Σ C(n_ij,2) − E) / (½(Σ C(a_i,2) + Σ C(b_j,2)) − E), E = Σ C(a_i,2) Σ C(b_j,2) / C(n,2).
 * 1 means identical partitions (up to labels), about 0 chance agreement. Two single-cluster partitions give 1.
 * Source: Hubert & Arabie, J. Classif. 2 (1985) 193–218; R `mclust::adjustedRandIndex`.
 *
 * @example
 * adjustedRandIndex([1, 1, 2, 2], [2, 2, 1, 1]); // 1
 */
export function adjustedRandIndex(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  if (a.length !== b.length) throw new Error(`adjustedRandIndex: die Einteilungen haben ${a.length} und ${b.length} Einträge`);
  const n = a.length;
  const pairs = new Map<string, number>();
  const ra = new Map<number | string, number>();
  const rb = new Map<number | string, number>();
  for (let i = 0; i < n; i++) {
    const key = `${String(a[i])}\u0000${String(b[i])}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    ra.set(a[i], (ra.get(a[i]) ?? 0) + 1);
    rb.set(b[i], (rb.get(b[i]) ?? 0) + 1);
  }
  const c2 = (m: number): number => (m * (m - 1)) / 2;
  const index = [...pairs.values()].reduce((s, m) => s + c2(m), 0);
  const sa = [...ra.values()].reduce((s, m) => s + c2(m), 0);
  const sb = [...rb.values()].reduce((s, m) => s + c2(m), 0);
  const expected = (sa * sb) / c2(n);
  const max = (sa + sb) / 2;
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}
