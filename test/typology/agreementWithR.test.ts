import { describe, expect, it } from "vitest";
import { describeShared, sharedPath } from "../helpers/shared-data.js";
import {
  adjustedRandIndex,
  cutTree,
  hierarchicalClustering,
  kMeans,
  principalComponentsOfMatrix,
  silhouette,
  sozialraumTypes,
} from "../../src/typology/index.js";
import { scaleColumns } from "../../src/typology/numericMatrix.js";
import {
  BERLIN_KI,
  expectClose,
  loadBerlinRows,
  loadReference,
  loadSeeded,
  maxDiffUpToSign,
  type RReference,
} from "./rReference.js";

const reference = loadReference();

/** Every comparison with R for one data set (x: the raw matrix R used). */
function agreementSuite(label: string, getX: () => number[][], ref: RReference): void {
  it(`${label}: PCA = prcomp(x, scale. = TRUE) up to the sign of each component (1e-9)`, () => {
    const pca = principalComponentsOfMatrix(getX(), { columns: ref.columns, rotation: "varimax" });
    expectClose(pca.sdev, ref.pca.sdev);
    expectClose(pca.explainedRatio, ref.pca.explainedRatio);
    const p = ref.columns.length;
    expect(maxDiffUpToSign(pca.loadings, ref.pca.rotation, p)).toBeLessThanOrEqual(1e-9);
    expect(maxDiffUpToSign(pca.scores, ref.pca.scores, p)).toBeLessThanOrEqual(1e-9);
    expect(pca.varimax?.components).toBe(ref.pca.components);
    expect(maxDiffUpToSign(pca.varimax!.loadings, ref.varimax.loadings, ref.pca.components)).toBeLessThanOrEqual(1e-9);
  });

  for (const method of ["ward", "average", "complete"] as const) {
    it(`${label}: hclust(dist(scale(x)), "${method === "ward" ? "ward.D2" : method}") merge, height, order`, () => {
        const tree = hierarchicalClustering(scaleColumns("test", getX()), { method });
      expect(tree.merge).toEqual(ref.hclust[method].merge);
      expectClose(tree.height, ref.hclust[method].height);
      expect(tree.order).toEqual(ref.hclust[method].order);
    });
  }

  it(`${label}: cutree and cluster::silhouette of the Ward tree`, () => {
    const z = scaleColumns("test", getX());
    const tree = hierarchicalClustering(z, { method: "ward" });
    for (const { k, cluster } of ref.cutree) expect(cutTree(tree, k), `k = ${k}`).toEqual(cluster);
    for (const s of ref.silhouette) {
      const sil = silhouette(z, cutTree(tree, s.k));
      expectClose(sil.widths, s.widths);
      expectClose([sil.mean], [s.mean]);
    }
  });

  it(`${label}: kMeans (default 300 starts) total within SS ≤ R kmeans(nstart = 100), ARI = mclust::adjustedRandIndex`, () => {
    const z = scaleColumns("test", getX());
    const km = kMeans(z, { k: ref.kmeans.k, seed: 7 });
    expect(km.totalWithinSS).toBeLessThanOrEqual(ref.kmeans.totalWithinSS * (1 + 1e-9));
    expect(km.cluster).toHaveLength(ref.n);
    expectClose([adjustedRandIndex(ref.ari.a, ref.ari.b)], [ref.ari.value], 1e-12);
  });

  // one test per k (each runs 300 starts)
  ref.kmeans.ks.forEach((k, i) => {
    it(`${label}: kMeans total within SS ≤ R kmeans(nstart = 100) for k = ${k}`, () => {
      const w = kMeans(scaleColumns("test", getX()), { k, seed: 11 }).totalWithinSS;
      expect(w, `k = ${k}: ${w} vs R ${ref.kmeans.totalWithinSSPerK[i]}`).toBeLessThanOrEqual(ref.kmeans.totalWithinSSPerK[i] * (1 + 1e-9));
    });
  });
}

describe("typology: agreement with R on the seeded clustered data (test/reference/typology/seeded.csv)", () => {
  agreementSuite("seeded", loadSeeded, reference.seeded);

  it("sozialraumTypes: components, Ward tree on the scores and mean silhouette per k as R", () => {
    const ref = reference.seeded;
    const rows = loadSeeded().map((r, i) => ({ id: `s${i + 1}`, a: r[0], b: r[1], c: r[2], d: r[3] }));
    const t = sozialraumTypes(rows, { id: "id", columns: ["a", "b", "c", "d"], kRange: [2, 5], seed: 3, resamples: 20 });
    expect(t.components).toBe(ref.typology.components);
    expect(t.tree.merge).toEqual(ref.typology.wardOnScores.merge);
    expectClose(t.criterion.map((c) => c.meanSilhouette), ref.typology.meanSilhouette);
    expect(t.k).toBe(ref.typology.ks[ref.typology.meanSilhouette.indexOf(Math.max(...ref.typology.meanSilhouette))]);
    // the data were generated as 3 groups of 20
    expect(t.k).toBe(3);
    expect(t.types.map((x) => x.size)).toEqual([20, 20, 20]);
    expect(t.excluded).toEqual([]);
    for (const type of t.types) expect(type.stability).toBeGreaterThan(0.9);
  });
});

describeShared("typology: agreement with R on Berlin MSS 2021 context indicators (536 valid Planungsräume)", () => {
  const ref = reference.berlin as RReference;
  const rows = loadBerlinRows(sharedPath("berlin-mss-2021", "mss_2021_kontext_indikatoren.csv"));
  const complete = rows.filter((r) => BERLIN_KI.every((c) => typeof r[c] === "number" && r[c] !== -9999));
  const x = (): number[][] => complete.map((r) => BERLIN_KI.map((c) => r[c] as number));

  it("selects the same 536 areas as the R script", () => {
    expect(ref).toBeDefined();
    expect(complete.map((r) => r.PLR_ID)).toEqual(ref.ids);
  });

  agreementSuite("Berlin", x, ref);

  it("sozialraumTypes: leaves out the 6 invalid areas with a reason, matches R's silhouette criterion per k", () => {
    const t = sozialraumTypes(rows, { id: "PLR_ID", columns: BERLIN_KI, missingCodes: [-9999], seed: 1, resamples: 20 });
    expect(t.excluded.map((e) => e.id)).toEqual(ref.excluded);
    expect(t.excluded[0].reason).toMatch(/^fehlender Wert in KI_01: -9999/);
    expect(t.areas).toHaveLength(rows.length);
    expect(t.areas.filter((a) => a.type === null).map((a) => a.id)).toEqual(ref.excluded);
    expect(t.components).toBe(ref.typology.components);
    expect(t.tree.merge).toEqual(ref.typology.wardOnScores.merge);
    expectClose(t.tree.height, ref.typology.wardOnScores.height);
    expectClose(t.criterion.map((c) => c.meanSilhouette), ref.typology.meanSilhouette);
    expect(t.k).toBe(ref.typology.ks[ref.typology.meanSilhouette.indexOf(Math.max(...ref.typology.meanSilhouette))]);
  });
});
