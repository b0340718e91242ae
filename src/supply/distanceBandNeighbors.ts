import { haversineKm } from "./haversineKm.js";

/** Neighbour structure shared with `contiguityWeights` (src/spatial): ids in order and each id's neighbours. */
export interface NeighborStructure {
  ids: string[];
  neighbors: Record<string, string[]>;
}

/**
 * Distance-band neighbours: two areas are neighbours when the haversine distance between their points (e.g.
 * centroids from {@link areaCentroids}) is at most `km`. An area is not its own neighbour.
 *
 * @example
 * distanceBandNeighbors([{ id: "a", lon: 7, lat: 51 }, { id: "b", lon: 7, lat: 51.01 }], { km: 1.5 });
 * // { ids: ["a", "b"], neighbors: { a: ["b"], b: ["a"] } }   (0.01° of latitude = 1.11 km)
 */
export function distanceBandNeighbors(
  points: ReadonlyArray<{ id: string; lon: number; lat: number }>,
  options: { km: number },
): NeighborStructure {
  const fn = "distanceBandNeighbors";
  const km = options?.km;
  if (!(typeof km === "number" && km >= 0)) throw new Error(`${fn}: die Option km muss eine Zahl ≥ 0 sein, angegeben ist ${String(km)}`);
  const ids = points.map((p) => p.id);
  if (new Set(ids).size !== ids.length) throw new Error(`${fn}: doppelte Gebietsschlüssel`);
  const neighbors: Record<string, string[]> = {};
  for (const p of points) {
    neighbors[p.id] = points.filter((q) => q.id !== p.id && haversineKm(p.lon, p.lat, q.lon, q.lat) <= km).map((q) => q.id);
  }
  return { ids, neighbors };
}
