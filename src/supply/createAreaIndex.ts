import Flatbush from "flatbush";
import pointInPolygon from "point-in-polygon-hao";
import { featureId, featurePolygons, type AreaFeatureCollection, type Position } from "./geojson.js";

/** Where a point lies relative to the areas of an {@link AreaIndex}. */
export interface PointLocation {
  /** The area the point is assigned to, or null when it lies outside every area. */
  area: string | null;
  /** True when the point lies on the boundary of the assigned area (not in the interior of any area). */
  onBorder: boolean;
  /**
   * Every area whose interior (or, for a border point, whose boundary) contains the point, in ascending id order;
   * more than one interior area means that polygons overlap.
   */
  candidates: string[];
}

/** A spatial index over the polygons of a FeatureCollection, for repeated point-in-polygon look-ups. */
export interface AreaIndex {
  /** Area ids in feature order. */
  readonly ids: string[];
  /** Locates one point given as longitude and latitude. */
  locate(lon: number, lat: number): PointLocation;
}

/**
 * Builds a point-in-polygon index over the areas of a GeoJSON FeatureCollection (Polygons and MultiPolygons,
 * holes allowed): a flatbush R-tree over the bounding box of every polygon part narrows the candidates, and
 * `point-in-polygon-hao` decides inside / outside / on the boundary.
 *
 * The exact test is the algorithm of Hormann & Agathos (2001), "The point in polygon problem for arbitrary
 * polygons", Computational Geometry 20(3), 131–144, with an exact orientation predicate (Shewchuk's `orient2d`
 * from `robust-predicates`). It counts ring crossings over all rings of a polygon, so a point in a hole is
 * outside, and it reports a point lying exactly on any ring (outer or hole) as "on the boundary".
 * The coordinate differences are taken in floating point before the exact predicate; they are exact (Sterbenz
 * lemma) whenever the point and the vertices lie within a factor of two of each other in each coordinate, which
 * holds for any city away from the 0° meridian and the equator.
 *
 * The test is planar in lon/lat (edges are straight lines in the lon/lat plane), like R sf with
 * `sf_use_s2(FALSE)`; on the sphere (s2) an edge is a great-circle arc, which differs by centimetres on city
 * scales — enough to move a point that lies almost on a border.
 *
 * Rule for the assignment (deterministic and independent of the feature order):
 * 1. a point in the interior of an area belongs to that area (if polygons overlap, to the smallest id of the
 *    areas whose interior contains it);
 * 2. a point on a border (shared or outer, including hole boundaries), and in no interior, belongs to the area
 *    with the smallest id (JavaScript string order) among the areas whose boundary contains it;
 * 3. otherwise it is outside (`area: null`).
 *
 * @example
 * const index = createAreaIndex(geojson, { idProperty: "sozialraum_id" });
 * index.locate(7.0, 51.05); // { area: "010101", onBorder: false, candidates: ["010101"] }
 */
export function createAreaIndex(geojson: AreaFeatureCollection, options: { idProperty: string }): AreaIndex {
  const fn = "createAreaIndex";
  const { idProperty } = options ?? ({} as { idProperty: string });
  if (typeof idProperty !== "string" || idProperty === "") {
    throw new Error(`${fn}: die Option idProperty fehlt (die Eigenschaft mit dem Gebietsschlüssel)`);
  }
  if (!geojson || geojson.type !== "FeatureCollection" || !Array.isArray(geojson.features)) {
    throw new Error(`${fn}: erwartet wird eine GeoJSON-FeatureCollection`);
  }
  const ids: string[] = [];
  const seen = new Set<string>();
  const parts: Position[][][] = [];
  const partArea: number[] = [];
  const boxes: number[] = [];
  geojson.features.forEach((feature, i) => {
    const id = featureId(fn, feature, i, idProperty);
    if (seen.has(id)) throw new Error(`${fn}: doppelter Gebietsschlüssel "${id}" (Feature ${i})`);
    seen.add(id);
    const areaIndex = ids.length;
    ids.push(id);
    for (const polygon of featurePolygons(fn, feature, id)) {
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (const ring of polygon) {
        if (!Array.isArray(ring) || ring.length < 4) {
          throw new Error(`${fn}: Gebiet "${id}" hat einen Ring mit weniger als 4 Positionen`);
        }
        const first = ring[0], last = ring[ring.length - 1];
        if (first[0] !== last[0] || first[1] !== last[1]) {
          throw new Error(`${fn}: Gebiet "${id}" hat einen nicht geschlossenen Ring (erste Position ≠ letzte Position)`);
        }
        for (const p of ring) {
          const x = p[0], y = p[1];
          if (!Number.isFinite(x) || !Number.isFinite(y)) {
            throw new Error(`${fn}: Gebiet "${id}" hat eine nicht endliche Koordinate [${String(x)}, ${String(y)}]`);
          }
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
      }
      parts.push(polygon);
      partArea.push(areaIndex);
      boxes.push(minX, minY, maxX, maxY);
    }
  });
  if (parts.length === 0) throw new Error(`${fn}: die FeatureCollection hat keine Polygone`);

  const tree = new Flatbush(parts.length);
  for (let k = 0; k < parts.length; k++) tree.add(boxes[4 * k], boxes[4 * k + 1], boxes[4 * k + 2], boxes[4 * k + 3]);
  tree.finish();

  const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    ids,
    locate(lon: number, lat: number): PointLocation {
      const hits = tree.search(lon, lat, lon, lat);
      const inside: string[] = [];
      const border: string[] = [];
      for (const k of hits) {
        const r = pointInPolygon([lon, lat], parts[k]);
        const id = ids[partArea[k]];
        if (r === true) {
          if (!inside.includes(id)) inside.push(id);
        } else if (r === 0) {
          if (!border.includes(id)) border.push(id);
        }
      }
      if (inside.length > 0) {
        inside.sort(cmp);
        return { area: inside[0], onBorder: false, candidates: inside };
      }
      if (border.length > 0) {
        border.sort(cmp);
        return { area: border[0], onBorder: true, candidates: border };
      }
      return { area: null, onBorder: false, candidates: [] };
    },
  };
}
