import type { ResolvedCrs } from "./resolveCrs.js";

/**
 * A copy of the features with every Polygon/MultiPolygon position transformed to WGS84 [lon, lat] (further
 * values such as height are dropped). Anything that is not a well-formed position (a missing coordinate, text,
 * another geometry type) is copied unchanged, so that the checks of `parseGeoJson` report it as in the file.
 * The transformation is a pure function of the position, so a vertex shared by two areas stays shared exactly:
 * contiguity (which matches vertices by exact coordinates) is the same before and after.
 *
 * @example
 * reprojectFeatures(fc.features, resolveCrs("EPSG:25832", "f", "x.geojson", "crs"));
 */
export function reprojectFeatures(features: readonly unknown[], crs: ResolvedCrs): unknown[] {
  if (crs.geographic) return [...features];
  const position = (p: unknown): unknown => {
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== "number" || typeof p[1] !== "number" || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return p;
    return crs.toWgs84(p[0], p[1]);
  };
  const map = (a: unknown, depth: number): unknown => (Array.isArray(a) ? a.map((x) => (depth === 0 ? position(x) : map(x, depth - 1))) : a);
  return features.map((f) => {
    const g = (f as { geometry?: { type?: unknown; coordinates?: unknown } } | null)?.geometry;
    if (!g || (g.type !== "Polygon" && g.type !== "MultiPolygon")) return f;
    const coordinates = map(g.coordinates, g.type === "Polygon" ? 1 : 2);
    return { ...(f as object), geometry: { ...g, coordinates } };
  });
}
