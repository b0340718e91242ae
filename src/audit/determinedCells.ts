/**
 * Which unknown cells of a table follow exactly from its published cells through additive relations
 * (total = Σ parts). Used by `suppressDisclosive` to audit its greedy secondary suppression (internal).
 *
 * Each relation is a linear equation in the unknown cells: x_total − Σ x_part = (published parts − published
 * total). An unknown cell j is determined iff every solution of the homogeneous system has x_j = 0, i.e. iff the
 * unit vector e_j lies in the row space of the coefficient matrix; in reduced row echelon form that is a row
 * equal to e_j. A single relation with one unknown cell is the simplest case; two or more relations can together
 * determine a cell even when each holds two unknowns (e.g. an unknown cell joining two otherwise separate blocks
 * of unknowns). Non-negativity bounds are not used: the test is for exact recomputation.
 *
 * Source: the linear-algebra view of cell suppression, Hundepool et al. (2012), *Statistical Disclosure
 * Control*, Wiley, ch. 4.2 (audit of a suppression pattern).
 *
 * @param relations cell keys of each relation, the total first
 * @param unknown keys of the cells not published (withheld or missing in the source)
 * @returns the unknown keys whose value is determined, in the order of `unknown`
 * @example
 * // a + b = T (T published), a + c = U (U published), c alone in V = c: c, then a, then b are determined
 * determinedCells([["T", "a", "b"], ["U", "a", "c"], ["V", "c"]], ["a", "b", "c"]); // ["a", "b", "c"]
 */
export function determinedCells(relations: ReadonlyArray<readonly string[]>, unknown: Iterable<string>): string[] {
  const order = [...unknown];
  const column = new Map(order.map((k, j) => [k, j]));
  // Equations over the unknown cells only; connected components are solved separately (smaller matrices).
  const equations: Array<Map<number, number>> = [];
  for (const rel of relations) {
    const eq = new Map<number, number>();
    rel.forEach((cell, k) => {
      const j = column.get(cell);
      if (j !== undefined) eq.set(j, (eq.get(j) ?? 0) + (k === 0 ? 1 : -1));
    });
    for (const [j, a] of eq) if (a === 0) eq.delete(j);
    if (eq.size > 0) equations.push(eq);
  }
  const parent = order.map((_, j) => j);
  const find = (j: number): number => (parent[j] === j ? j : (parent[j] = find(parent[j])));
  for (const eq of equations) {
    const [first, ...rest] = [...eq.keys()];
    for (const j of rest) parent[find(j)] = find(first);
  }
  const byComponent = new Map<number, Array<Map<number, number>>>();
  for (const eq of equations) {
    const c = find(eq.keys().next().value as number);
    const list = byComponent.get(c);
    if (list) list.push(eq);
    else byComponent.set(c, [eq]);
  }
  const determined = new Set<number>();
  for (const eqs of byComponent.values()) {
    const cols = [...new Set(eqs.flatMap((eq) => [...eq.keys()]))].sort((a, b) => a - b);
    const local = new Map(cols.map((j, k) => [j, k]));
    const m = eqs.map((eq) => {
      const row = new Float64Array(cols.length);
      for (const [j, a] of eq) row[local.get(j) as number] = a;
      return row;
    });
    for (const k of pivotUnitColumns(m, cols.length)) determined.add(cols[k]);
  }
  return order.filter((_, j) => determined.has(j));
}

/** Reduced row echelon form with partial pivoting; the pivot columns whose row is a unit vector. */
function pivotUnitColumns(m: Float64Array[], n: number): number[] {
  const eps = 1e-9;
  const pivots: Array<[number, number]> = [];
  let r = 0;
  for (let c = 0; c < n && r < m.length; c++) {
    let p = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i][c]) > Math.abs(m[p][c])) p = i;
    if (Math.abs(m[p][c]) <= eps) continue;
    [m[r], m[p]] = [m[p], m[r]];
    const pivot = m[r][c];
    for (let k = c; k < n; k++) m[r][k] /= pivot;
    for (let i = 0; i < m.length; i++) {
      if (i === r || Math.abs(m[i][c]) <= eps) continue;
      const f = m[i][c];
      for (let k = c; k < n; k++) m[i][k] -= f * m[r][k];
    }
    pivots.push([r, c]);
    r++;
  }
  return pivots.filter(([row, c]) => m[row].every((a, k) => k === c || Math.abs(a) <= eps)).map(([, c]) => c);
}
