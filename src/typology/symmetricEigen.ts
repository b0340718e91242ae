/**
 * Eigen decomposition of a small symmetric matrix by the cyclic Jacobi method.
 *
 * Formula: repeated plane rotations A ← Jᵀ A J that zero one off-diagonal entry each until the off-diagonal sum
 * of squares is below 1e-30 × the total; then A = V diag(λ) Vᵀ. Source: Golub & Van Loan, Matrix Computations,
 * 4th ed., § 8.5 (classical Jacobi, with Rutishauser's stable rotation formulas).
 * Values are sorted in decreasing order; each vector's largest-magnitude entry is made positive, so the
 * result is deterministic (R's signs may differ).
 *
 * @example
 * symmetricEigen([[2, 1], [1, 2]]).values; // [3, 1]
 */
export interface SymmetricEigen {
  /** Eigenvalues, decreasing. */
  values: number[];
  /** `vectors[i][c]`: entry i of eigenvector c (columns are the eigenvectors). */
  vectors: number[][];
}

export function symmetricEigen(matrix: readonly (readonly number[])[]): SymmetricEigen {
  const p = matrix.length;
  const a = matrix.map((row, i) => {
    if (row.length !== p) throw new Error(`symmetricEigen: row ${i} has ${row.length} entries, expected ${p}`);
    return row.slice();
  });
  const v = identity(p);
  let total = 0;
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) total += a[i][j] * a[i][j];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < p; i++) for (let j = i + 1; j < p; j++) off += 2 * a[i][j] * a[i][j];
    if (off <= 1e-30 * total || off === 0) break;
    for (let i = 0; i < p - 1; i++) for (let j = i + 1; j < p; j++) rotate(a, v, i, j);
  }
  const order = Array.from({ length: p }, (_, i) => i).sort((x, y) => a[y][y] - a[x][x] || x - y);
  const values = order.map((i) => a[i][i]);
  const vectors = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  order.forEach((src, c) => {
    let big = 0;
    for (let i = 0; i < p; i++) if (Math.abs(v[i][src]) > Math.abs(big)) big = v[i][src];
    const s = big < 0 ? -1 : 1;
    for (let i = 0; i < p; i++) vectors[i][c] = s * v[i][src];
  });
  return { values, vectors };
}

function identity(p: number): number[][] {
  return Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => (i === j ? 1 : 0)));
}

/** One Jacobi rotation zeroing a[i][j] (Rutishauser's formulas). */
function rotate(a: number[][], v: number[][], i: number, j: number): void {
  const aij = a[i][j];
  if (aij === 0) return;
  const theta = (a[j][j] - a[i][i]) / (2 * aij);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  const p = a.length;
  for (let k = 0; k < p; k++) {
    const aki = a[k][i];
    const akj = a[k][j];
    a[k][i] = c * aki - s * akj;
    a[k][j] = s * aki + c * akj;
  }
  for (let k = 0; k < p; k++) {
    const aik = a[i][k];
    const ajk = a[j][k];
    a[i][k] = c * aik - s * ajk;
    a[j][k] = s * aik + c * ajk;
  }
  for (let k = 0; k < p; k++) {
    const vki = v[k][i];
    const vkj = v[k][j];
    v[k][i] = c * vki - s * vkj;
    v[k][j] = s * vki + c * vkj;
  }
}
