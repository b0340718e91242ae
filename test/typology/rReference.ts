import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { expect } from "vitest";

/** R output of test/reference/typology/typology.R (R 4.2.2; stats, cluster, mclust). */
export interface RHclust { merge: [number, number][]; height: number[]; order: number[] }
export interface RReference {
  n: number;
  columns: string[];
  pca: { sdev: number[]; rotation: number[][]; scores: number[][]; explainedRatio: number[]; components: number };
  varimax: { loadings: number[][]; rotmat: number[][] };
  hclust: { ward: RHclust; average: RHclust; complete: RHclust };
  cutree: { k: number; cluster: number[] }[];
  silhouette: { k: number; widths: number[]; mean: number }[];
  kmeans: { k: number; totalWithinSS: number; cluster: number[]; ks: number[]; totalWithinSSPerK: number[] };
  ari: { a: number[]; b: number[]; value: number };
  typology: { components: number; ks: number[]; meanSilhouette: number[]; wardOnScores: RHclust };
  ids?: string[];
  excluded?: string[];
}

export const REFERENCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", "reference", "typology");

export function loadReference(): { seeded: RReference; berlin?: RReference } {
  return JSON.parse(readFileSync(resolve(REFERENCE_DIR, "typology.json"), "utf8"));
}

/** The seeded clustered data set written by typology.R. */
export function loadSeeded(): number[][] {
  const rows = parse(readFileSync(resolve(REFERENCE_DIR, "seeded.csv"), "utf8"), { columns: true }) as Record<string, string>[];
  return rows.map((r) => ["a", "b", "c", "d"].map((c) => Number(r[c])));
}

/** The 14 complete context indicators of Berlin MSS 2021 (same selection as typology.R). */
export const BERLIN_KI = ["KI_01", "KI_02", "KI_03", "KI_04", "KI_05", "KI_16", "KI_06", "KI_17", "KI_07", "KI_09", "KI_10", "KI_11", "KI_12", "KI_13"];

/** All rows of the context indicator table with numbers (empty cells → null); call only inside describeShared. */
export function loadBerlinRows(path: string): Record<string, unknown>[] {
  const rows = parse(readFileSync(path, "utf8"), { columns: true, bom: true }) as Record<string, string>[];
  return rows.map((r) => {
    const out: Record<string, unknown> = { PLR_ID: r.PLR_ID, PLR_NAME: r.PLR_NAME };
    for (const c of BERLIN_KI) out[c] = r[c] === "" ? null : Number(r[c]);
    return out;
  });
}

export function expectClose(actual: readonly number[], expected: readonly number[], tol = 1e-9): void {
  expect(actual.length).toBe(expected.length);
  const worst = maxRelDiff(actual, expected);
  expect(worst, `largest relative difference ${worst}`).toBeLessThanOrEqual(tol);
}

/** max |a − e| / max(1, |e|). */
export function maxRelDiff(actual: readonly number[], expected: readonly number[]): number {
  let worst = 0;
  actual.forEach((a, i) => { worst = Math.max(worst, Math.abs(a - expected[i]) / Math.max(1, Math.abs(expected[i]))); });
  return worst;
}

/** Compares matrices column by column allowing a sign flip per column; returns the worst difference. */
export function maxDiffUpToSign(actual: readonly (readonly number[])[], expected: readonly (readonly number[])[], cols: number): number {
  let worst = 0;
  for (let c = 0; c < cols; c++) {
    const dot = actual.reduce((s, r, i) => s + r[c] * expected[i][c], 0);
    const sign = dot < 0 ? -1 : 1;
    actual.forEach((r, i) => { worst = Math.max(worst, Math.abs(sign * r[c] - expected[i][c]) / Math.max(1, Math.abs(expected[i][c]))); });
  }
  return worst;
}
