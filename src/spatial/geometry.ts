import type { AreaFeatureCollection, GeoJsonAreaFeature } from "../io/geoJsonTypes.js";

/**
 * @deprecated use `AreaFeatureCollection` (or the checked `AreaGeometries`) from io; this is the same type.
 * The spatial functions take io's GeoJSON input type: raw GeoJSON (the result of `JSON.parse`) or, better, the
 * checked `AreaGeometries` of `readGeometry`/`readGeoJson` — both without a cast.
 */
export type SpatialFeatureCollection = AreaFeatureCollection;
/** One GeoJSON feature: an area (Polygon/MultiPolygon) or a point. */
export type SpatialFeature = GeoJsonAreaFeature;

/** Checks the collection and returns the area ids: `properties[idProperty]`, or the feature `id` without it. */
export function featureIds(fn: string, geojson: SpatialFeatureCollection, idProperty: string | undefined): string[] {
  if (!geojson || geojson.type !== "FeatureCollection" || !Array.isArray(geojson.features)) {
    throw new Error(`${fn}: geojson muss eine GeoJSON-FeatureCollection sein`);
  }
  const seen = new Map<string, number>();
  return geojson.features.map((f, i) => {
    const raw = idProperty === undefined ? f?.id : f?.properties?.[idProperty];
    if (raw === undefined || raw === null || raw === "") {
      throw new Error(
        idProperty === undefined
          ? `${fn}: Feature ${i} hat keinen Schlüssel; idProperty angeben (z. B. "sozialraum_id")`
          : `${fn}: Feature ${i} hat keine Eigenschaft "${idProperty}"`,
      );
    }
    const id = String(raw);
    const before = seen.get(id);
    if (before !== undefined) throw new Error(`${fn}: doppelter Gebietsschlüssel "${id}" (Features ${before} und ${i})`);
    seen.set(id, i);
    return id;
  });
}

/** The rings (arrays of [x, y] positions) of a Polygon or MultiPolygon feature, or null for a missing geometry. */
export function featureRings(fn: string, feature: SpatialFeature, id: string): number[][][] | null {
  const g = feature.geometry;
  if (g === null || g === undefined) return null;
  const c = g.coordinates as unknown;
  if (g.type === "Polygon" && Array.isArray(c)) return c as number[][][];
  if (g.type === "MultiPolygon" && Array.isArray(c)) return (c as number[][][][]).flat(1);
  throw new Error(`${fn}: Gebiet "${id}" hat die Geometrie ${g.type}; erwartet Polygon oder MultiPolygon`);
}

/**
 * Centroid of a feature: the area-weighted centroid of its polygons (holes subtract; parts of a MultiPolygon
 * weigh by area — what GEOS/shapely and sf's `st_centroid` give for planar coordinates), the point itself for a
 * Point, or the mean vertex for a degenerate polygon of zero area. Returns null for a missing geometry.
 */
export function featureCentroid(fn: string, feature: SpatialFeature, id: string): [number, number] | null {
  const g = feature.geometry;
  if (g === null || g === undefined) return null;
  if (g.type === "Point") {
    const p = g.coordinates as number[];
    if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
      throw new Error(`${fn}: Gebiet "${id}" hat einen ungültigen Point`);
    }
    return [p[0], p[1]];
  }
  const polygons: number[][][][] =
    g.type === "Polygon" ? [g.coordinates as number[][][]] : g.type === "MultiPolygon" ? (g.coordinates as number[][][][]) : [];
  if (g.type !== "Polygon" && g.type !== "MultiPolygon") {
    throw new Error(`${fn}: Gebiet "${id}" hat die Geometrie ${g.type}; erwartet Polygon, MultiPolygon oder Point`);
  }
  const c = polygonsCentroid(polygons);
  return c === null ? null : [c.x, c.y];
}

/**
 * Area-weighted centroid of polygons (each a list of rings, outer ring first) in the plane, by the shoelace
 * formula
 *
 *   A = ½ Σ_k (x_k y_{k+1} − x_{k+1} y_k),   C_x = Σ_k (x_k + x_{k+1})(x_k y_{k+1} − x_{k+1} y_k) / (6A),   C_y likewise,
 *
 * summed over all rings with their sign: outer rings add, holes subtract, whatever their orientation in the
 * file, and the parts of a MultiPolygon weigh by their area. This is what GEOS/shapely and R sf's `st_centroid`
 * (with `sf_use_s2(FALSE)`) give; for longitude/latitude it equals the centroid in an equirectangular projection,
 * since a centroid is invariant under affine maps. The centroid of a strongly concave area may lie outside it.
 * Coordinates are taken relative to the first vertex, which keeps precision far from 0. A ring is closed
 * implicitly (a repeated first vertex adds nothing). For total area 0 (degenerate polygons) the centroid is the
 * mean vertex.
 *
 * @returns the centroid and the total area A (in squared coordinate units; 0 for degenerate polygons), or null
 *   for polygons without any vertex
 * @example
 * polygonsCentroid([[[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]]); // { x: 1, y: 1, area: 4 }
 */
export function polygonsCentroid(polygons: ReadonlyArray<ReadonlyArray<ReadonlyArray<ArrayLike<number>>>>): { x: number; y: number; area: number } | null {
  // Shoelace sums relative to the first vertex, which keeps precision for coordinates far from 0.
  let ox = NaN;
  let oy = NaN;
  let area2 = 0;
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  let count = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, r) => {
      if (ring.length === 0) return;
      if (Number.isNaN(ox)) {
        ox = ring[0][0];
        oy = ring[0][1];
      }
      // Outer ring counts positive, holes negative, whatever the winding in the file.
      let a = 0;
      let rx = 0;
      let ry = 0;
      for (let k = 0; k < ring.length; k++) {
        const p = ring[k];
        const q = ring[(k + 1) % ring.length];
        const x0 = p[0] - ox;
        const y0 = p[1] - oy;
        const x1 = q[0] - ox;
        const y1 = q[1] - oy;
        const cross = x0 * y1 - x1 * y0;
        a += cross;
        rx += (x0 + x1) * cross;
        ry += (y0 + y1) * cross;
        sx += p[0];
        sy += p[1];
        count++;
      }
      const sign = (r === 0 ? 1 : -1) * Math.sign(a);
      area2 += sign * a;
      cx += sign * rx;
      cy += sign * ry;
    });
  }
  if (count === 0) return null;
  if (area2 === 0 || !Number.isFinite(area2)) return { x: sx / count, y: sy / count, area: area2 / 2 };
  return { x: ox + cx / (3 * area2), y: oy + cy / (3 * area2), area: area2 / 2 };
}
