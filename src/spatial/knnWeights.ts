import Flatbush from "flatbush";
import { centroidPoints } from "./centroidPoints.js";
import { IntList } from "./csr.js";
import type { SpatialFeatureCollection } from "./geometry.js";
import { listIds, weightsFromCsr, type SpatialWeights } from "./spatialWeights.js";

/** Options of {@link knnWeights}. */
export interface KnnOptions {
  /** Number of neighbours per area (≥ 1). */
  k: number;
  /** Feature property with the area id (default: the feature's `id`). */
  idProperty?: string;
  /** Coordinates are longitude/latitude (default true, as RFC 7946 GeoJSON); distances then in km. */
  longLat?: boolean;
}

/**
 * k-nearest-neighbour weights on the centroids (binary): every area gets the k areas with the nearest
 * centroids (libpysal `KNN`, spdep `knn2nb(knearneigh(...))`). Not symmetric in general. Ties at the k-th
 * distance are broken by feature order, so the result never depends on the index internals. The search uses a
 * flatbush index (its kNN query), so it runs in O(n log n).
 *
 * @example
 * const pt = (id: string, x: number, y: number) => ({ type: "Feature", properties: { id }, geometry: { type: "Point", coordinates: [x, y] } });
 * const fc = { type: "FeatureCollection", features: [pt("a", 0, 0), pt("b", 1, 0), pt("c", 3, 0)] };
 * knnWeights(fc, { k: 1, idProperty: "id", longLat: false }).neighbors; // { a: ["b"], b: ["a"], c: ["b"] }
 */
export function knnWeights(geojson: SpatialFeatureCollection, options: KnnOptions): SpatialWeights {
  const fn = "knnWeights";
  const k = options?.k;
  if (!Number.isInteger(k) || k < 1) throw new Error(`${fn}: k muss eine ganze Zahl ≥ 1 sein, angegeben ist ${String(k)}`);
  const pts = centroidPoints(fn, geojson, options.idProperty, options.longLat ?? true);
  const n = pts.ids.length;
  const located: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(pts.xs[i])) located.push(i);
  if (k >= located.length) throw new Error(`${fn}: k = ${k} braucht mehr als ${k} Gebiete mit Geometrie, vorhanden sind ${located.length}`);

  const index = new Flatbush(located.length);
  for (const i of located) index.add(pts.xs[i], pts.ys[i], pts.xs[i], pts.ys[i]);
  index.finish();
  const offsets = new Int32Array(n + 1);
  const indices = new IntList(n * k);
  const row: Array<{ j: number; d: number }> = [];
  for (let i = 0; i < n; i++) {
    if (!Number.isNaN(pts.xs[i])) {
      const x = pts.xs[i];
      const y = pts.ys[i];
      const dist = (j: number) => Math.hypot(pts.xs[j] - x, pts.ys[j] - y);
      // The k + 1 nearest (self included), then everything as near as the k-th other to settle ties by order.
      const first = index.neighbors(x, y, k + 1).map((t) => located[t]).filter((j) => j !== i);
      const dk = dist(first[k - 1]);
      row.length = 0;
      for (const t of index.neighbors(x, y, Infinity, dk * (1 + 1e-12) + 1e-300)) {
        const j = located[t];
        if (j !== i) row.push({ j, d: dist(j) });
      }
      row.sort((a, b) => a.d - b.d || a.j - b.j);
      const chosen = row.slice(0, k).map((r) => r.j).sort((a, b) => a - b);
      for (const j of chosen) indices.push(j);
    }
    offsets[i + 1] = indices.length;
  }
  const ind = indices.data.slice(0, indices.length);
  const warnings = pts.missing.length > 0 ? [`${fn}: ${pts.missing.length} Gebiet(e) ohne Geometrie: ${listIds(pts.missing)}`] : [];
  return weightsFromCsr(fn, "knn", "B", pts.ids, offsets, ind, new Float64Array(ind.length).fill(1), warnings);
}
