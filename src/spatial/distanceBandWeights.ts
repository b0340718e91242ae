import Flatbush from "flatbush";
import { centroidPoints } from "./centroidPoints.js";
import { IntList } from "./csr.js";
import type { SpatialFeatureCollection } from "./geometry.js";
import { listIds, weightsFromCsr, type SpatialWeights } from "./spatialWeights.js";

/** Options of {@link distanceBandWeights}. */
export interface DistanceBandOptions {
  /** Largest centroid distance of a neighbour (km when `longLat`, else coordinate units). */
  threshold: number;
  /** Feature property with the area id (default: the feature's `id`). */
  idProperty?: string;
  /** Coordinates are longitude/latitude (default true, as RFC 7946 GeoJSON); distances then in km. */
  longLat?: boolean;
  /** Binary weights (default true); false gives inverse-distance weights d^alpha. */
  binary?: boolean;
  /** Exponent for non-binary weights (default −1, as libpysal `DistanceBand`). */
  alpha?: number;
}

/**
 * Distance-band weights on the centroids: j is a neighbour of i if their centroids are at most `threshold` apart
 * (libpysal `DistanceBand`, spdep `dnearneigh(0, d)`). Symmetric. Binary by default, or w_ij = d_ij^alpha. The
 * candidates come from a flatbush bounding-box query, so the work is near-linear. Areas with nobody in range
 * are islands (see `warnings`).
 *
 * @example
 * const pt = (id: string, x: number) => ({ type: "Feature", properties: { id }, geometry: { type: "Point", coordinates: [x, 0] } });
 * const fc = { type: "FeatureCollection", features: [pt("a", 0), pt("b", 1), pt("c", 3)] };
 * distanceBandWeights(fc, { threshold: 1.5, idProperty: "id", longLat: false }).islands; // ["c"]
 */
export function distanceBandWeights(geojson: SpatialFeatureCollection, options: DistanceBandOptions): SpatialWeights {
  const fn = "distanceBandWeights";
  const threshold = options?.threshold;
  if (!(threshold > 0) || !Number.isFinite(threshold)) throw new Error(`${fn}: threshold muss eine Zahl > 0 sein, angegeben ist ${String(threshold)}`);
  const binary = options.binary ?? true;
  const alpha = options.alpha ?? -1;
  if (!Number.isFinite(alpha)) throw new Error(`${fn}: alpha muss eine endliche Zahl sein, angegeben ist ${String(alpha)}`);
  const pts = centroidPoints(fn, geojson, options.idProperty, options.longLat ?? true);
  const n = pts.ids.length;
  const located: number[] = [];
  for (let i = 0; i < n; i++) if (!Number.isNaN(pts.xs[i])) located.push(i);
  const offsets = new Int32Array(n + 1);
  const indices = new IntList(n * 4);
  const vals: number[] = [];
  if (located.length > 0) {
    const index = new Flatbush(located.length);
    for (const i of located) index.add(pts.xs[i], pts.ys[i], pts.xs[i], pts.ys[i]);
    index.finish();
    for (let i = 0; i < n; i++) {
      const x = pts.xs[i];
      const y = pts.ys[i];
      if (!Number.isNaN(x)) {
        const found: Array<{ j: number; d: number }> = [];
        for (const t of index.search(x - threshold, y - threshold, x + threshold, y + threshold)) {
          const j = located[t];
          const d = Math.hypot(pts.xs[j] - x, pts.ys[j] - y);
          if (j !== i && d <= threshold) found.push({ j, d });
        }
        found.sort((a, b) => a.j - b.j);
        for (const { j, d } of found) {
          if (!binary && d === 0 && alpha < 0) {
            throw new Error(`${fn}: die Gebiete "${pts.ids[i]}" und "${pts.ids[j]}" haben denselben Schwerpunkt; das Gewicht nach inverser Distanz ist unendlich`);
          }
          indices.push(j);
          vals.push(binary ? 1 : d ** alpha);
        }
      }
      offsets[i + 1] = indices.length;
    }
  }
  const warnings = pts.missing.length > 0 ? [`${fn}: ${pts.missing.length} Gebiet(e) ohne Geometrie: ${listIds(pts.missing)}`] : [];
  return weightsFromCsr(fn, "distance-band", binary ? "B" : "V", pts.ids, offsets, indices.data.slice(0, indices.length), Float64Array.from(vals), warnings);
}
