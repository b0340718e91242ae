import { Matrix, SingularValueDecomposition } from "ml-matrix";

/** Result of {@link varimax}; names follow R. */
export interface VarimaxResult {
  /** Rotated loadings `loadings[j][c]` (R `$loadings`). */
  loadings: number[][];
  /** The orthogonal rotation matrix T with rotated = input × T (R `$rotmat`). */
  rotationMatrix: number[][];
  /** Iterations used. */
  iterations: number;
}

/**
 * Varimax rotation of a loading matrix, as R `stats::varimax(x, normalize = TRUE, eps = 1e-5)`.
 *
 * Formula (Kaiser 1958, R's algorithm): with Kaiser normalisation x_j ← x_j / h_j (h_j = row norm), repeat
 * Z = X T, B = Xᵀ (Z³ − Z diag(1ᵀZ²) / p), T = U Vᵀ from the SVD B = U D Vᵀ (ml-matrix), until Σ D grows by less
 * than a factor 1 + eps; rotated = X T (times h_j again). Source: R `stats::varimax`; Kaiser, Psychometrika 23 (1958) 187–200.
 *
 * @example
 * varimax([[0.8, 0.3], [0.7, 0.4], [0.2, 0.9]]).loadings;
 */
export function varimax(x: readonly (readonly number[])[], options: { normalize?: boolean; eps?: number } = {}): VarimaxResult {
  const p = x.length;
  const nc = x[0]?.length ?? 0;
  const eps = options.eps ?? 1e-5;
  if (nc < 2) return { loadings: x.map((r) => r.slice()), rotationMatrix: [[1]].slice(0, nc), iterations: 0 };
  const sc = (options.normalize ?? true) ? x.map((r) => Math.sqrt(r.reduce((s, v) => s + v * v, 0))) : x.map(() => 1);
  const xn = x.map((r, j) => r.map((v) => v / sc[j]));
  let tt: number[][] = Array.from({ length: nc }, (_, i) => Array.from({ length: nc }, (_, j) => (i === j ? 1 : 0)));
  let d = 0;
  let iterations = 0;
  for (let it = 1; it <= 1000; it++) {
    iterations = it;
    const z = multiply(xn, tt);
    const colSq = Array.from({ length: nc }, (_, c) => z.reduce((s, r) => s + r[c] * r[c], 0));
    const inner = z.map((r) => r.map((v, c) => v * v * v - (v * colSq[c]) / p));
    const b = multiply(transpose(xn), inner);
    const { polar, singularSum } = polarFactor(b);
    tt = polar;
    const dpast = d;
    d = singularSum;
    if (d < dpast * (1 + eps)) break;
  }
  const rotated = multiply(xn, tt).map((r, j) => r.map((v) => v * sc[j]));
  return { loadings: rotated, rotationMatrix: tt, iterations };
}

/** U Vᵀ and the sum of singular values of B (R: `sB <- La.svd(B); sB$u %*% sB$vt; sum(sB$d)`), via ml-matrix. */
function polarFactor(b: number[][]): { polar: number[][]; singularSum: number } {
  const svd = new SingularValueDecomposition(new Matrix(b), { autoTranspose: true });
  const polar = svd.leftSingularVectors.mmul(svd.rightSingularVectors.transpose()).to2DArray();
  return { polar, singularSum: svd.diagonal.reduce((s, d) => s + d, 0) };
}

function transpose(a: readonly (readonly number[])[]): number[][] {
  return a[0].map((_, j) => a.map((r) => r[j]));
}

function multiply(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const m = b[0].length;
  return a.map((r) => Array.from({ length: m }, (_, c) => r.reduce((s, v, k) => s + v * b[k][c], 0)));
}
