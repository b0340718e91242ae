import type { TableInput } from "../classify/columns.js";
import { columnMoments, tableMatrix } from "./numericMatrix.js";
import { PCA } from "ml-pca";
import { varimax, type VarimaxResult } from "./varimax.js";

/** Options of {@link principalComponents}. */
export interface PrincipalComponentsOptions {
  /** The indicator columns (numbers). */
  columns: readonly string[];
  /** Divide each column by its sample sd (R `scale. = TRUE`, correlation PCA). Default true. */
  scale?: boolean;
  /** Rotate the first `components` loadings with varimax (R `varimax(normalize = TRUE, eps = 1e-5)`). */
  rotation?: "none" | "varimax";
  /** Number of components to rotate (default: the fewest that explain 80 % of the variance). */
  components?: number;
}

/** Result of {@link principalComponents}; names follow R's `prcomp`. */
export interface PrincipalComponentsResult {
  columns: string[];
  /** Standard deviations of the components (R `sdev`), decreasing. */
  sdev: number[];
  /** `loadings[j][c]`: weight of column j on component c (R `rotation`, unit eigenvectors). */
  loadings: number[][];
  /** `scores[i][c]`: row i on component c (R `x`), in input row order. */
  scores: number[][];
  /** Share of the total variance per component: sdev² / Σ sdev². */
  explainedRatio: number[];
  /** Column means and the divisors used (sd, or 1 without scaling). */
  center: number[];
  scale: number[];
  /** Present with `rotation: "varimax"`. */
  varimax?: VarimaxResult & { components: number };
}

/**
 * Principal component analysis of the named columns, as R `prcomp(x, scale. = TRUE)`.
 *
 * Formula: Z = (X − x̄) / s (column-wise, sample sd s with denominator n − 1); R = ZᵀZ / (n − 1) = V Λ Vᵀ;
 * sdev = √λ, loadings = V, scores = Z V, explainedRatio_c = λ_c / Σλ, computed as R does from the SVD of Z (with the
 * ml-pca package); the sign of each component is fixed so that its largest-magnitude loading is positive.
 * Optional varimax rotation of the factor loadings V_m diag(sdev_m) of the first m components (see {@link varimax}).
 * Source: R `stats::prcomp`; ml-pca (mljs); Jolliffe, Principal Component Analysis (2002), ch. 2.
 *
 * @example
 * const pca = principalComponents(rows, { columns: ["alo", "sgb2", "kinderarmut"] });
 * pca.explainedRatio; // e.g. [0.81, 0.13, 0.06]
 */
export function principalComponents(rows: TableInput, options: PrincipalComponentsOptions): PrincipalComponentsResult {
  const columns = [...options.columns];
  const x = tableMatrix("principalComponents", rows, columns);
  return principalComponentsOfMatrix(x, { ...options, columns });
}

/** {@link principalComponents} on a numeric matrix (`columns` names its columns). */
export function principalComponentsOfMatrix(
  x: readonly (readonly number[])[],
  options: PrincipalComponentsOptions,
): PrincipalComponentsResult {
  const fn = "principalComponents";
  const n = x.length;
  const p = options.columns.length;
  if (n < 2) throw new Error(`${fn}: braucht mindestens 2 Zeilen, angegeben ist ${n}`);
  const { mean, sd } = columnMoments(x);
  const doScale = options.scale ?? true;
  const scale = doScale ? sd : sd.map(() => 1);
  scale.forEach((s, j) => {
    if (!(s > 0) && doScale) throw new Error(`${fn}: Spalte "${options.columns[j]}" ist konstant (Standardabweichung 0) und kann nicht skaliert werden`);
  });
  // ml-pca (SVD of the centred, scaled matrix, as R) gives sdev and the loadings; signs are then fixed so that
  // each component's largest-magnitude loading is positive (deterministic; R's signs may differ).
  const pcaModel = new PCA(x.map((r) => r.slice()), { center: true, scale: doScale, method: "SVD" });
  const k = Math.min(p, n, pcaModel.getStandardDeviations().length);
  const sdev = pcaModel.getStandardDeviations().slice(0, k);
  const byComponent = pcaModel.getLoadings().to2DArray().slice(0, k);
  const signs = byComponent.map((v) => (v.reduce((big, a) => (Math.abs(a) > Math.abs(big) ? a : big), 0) < 0 ? -1 : 1));
  const loadings = Array.from({ length: p }, (_, j) => byComponent.map((v, c) => signs[c] * v[j]));
  const z = x.map((row) => row.map((v, j) => (v - mean[j]) / scale[j]));
  const scores = z.map((row) => Array.from({ length: k }, (_, c) => row.reduce((s, v, j) => s + v * loadings[j][c], 0)));
  const total = sdev.reduce((s, d) => s + d * d, 0);
  const explainedRatio = sdev.map((d) => (d * d) / total);
  const result: PrincipalComponentsResult = { columns: [...options.columns], sdev, loadings, scores, explainedRatio, center: mean, scale };
  if ((options.rotation ?? "none") === "varimax") {
    const m = options.components ?? componentsForShare(explainedRatio, 0.8);
    if (!Number.isInteger(m) || m < 1 || m > k) throw new Error(`${fn}: components muss eine ganze Zahl von 1 bis ${k} sein, angegeben ist ${m}`);
    const factorLoadings = loadings.map((row) => row.slice(0, m).map((v, c) => v * sdev[c]));
    result.varimax = { ...varimax(factorLoadings), components: m };
  }
  return result;
}

/** The fewest leading components whose explained shares add up to at least `share` (0 < share ≤ 1). */
export function componentsForShare(explainedRatio: readonly number[], share: number): number {
  if (!(share > 0 && share <= 1)) throw new Error(`componentsForShare: share muss in (0, 1] liegen, angegeben ist ${share}`);
  let cum = 0;
  for (let c = 0; c < explainedRatio.length; c++) {
    cum += explainedRatio[c];
    if (cum >= share - 1e-12) return c + 1;
  }
  return explainedRatio.length;
}
