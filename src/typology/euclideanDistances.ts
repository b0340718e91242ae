import { checkMatrix, type NumericMatrix } from "./numericMatrix.js";

/**
 * Euclidean distances between the rows of a matrix, stored as R's `dist` object: the lower triangle by columns,
 * d(2,1), d(3,1), …, d(n,1), d(3,2), … (length n(n−1)/2).
 *
 * Formula: d(i, j) = √Σ_k (x_ik − x_jk)², summed over k in column order as R's C code does.
 * Source: R `stats::dist(x, "euclidean")`.
 *
 * @example
 * euclideanDistances([[0, 0], [3, 4], [6, 8]]); // Float64Array [5, 10, 5]
 */
export function euclideanDistances(matrix: NumericMatrix): Float64Array {
  const x = checkMatrix("euclideanDistances", matrix, 1);
  const n = x.length;
  const out = new Float64Array((n * (n - 1)) / 2);
  let ind = 0;
  for (let j = 0; j < n; j++) {
    const xj = x[j];
    for (let i = j + 1; i < n; i++) {
      const xi = x[i];
      let s = 0;
      for (let k = 0; k < xj.length; k++) {
        const dev = xi[k] - xj[k];
        s += dev * dev;
      }
      out[ind++] = Math.sqrt(s);
    }
  }
  return out;
}

/** Index of d(i, j) (0-based, i ≠ j) in a `dist` vector of n points. */
export function distIndex(n: number, i: number, j: number): number {
  const a = Math.min(i, j);
  const b = Math.max(i, j);
  return b + a * n - ((a + 1) * (a + 2)) / 2;
}
