import { EARTH_RADIUS_KM } from "../supply/haversineKm.js";
import type { CityPartition } from "./partition.js";
import { signedArea, traceRings } from "./traceRings.js";


/** The border of Sozialraum `area` as a closed GeoJSON ring ([lon, lat], counter-clockwise, first = last). */
export function areaRing(p: CityPartition, area: number): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  for (let c = 0; c < p.cellArea.length; c++) if (p.cellArea[c] === area) cells.push([c % p.nx, Math.floor(c / p.nx)]);
  const inSet = (i: number, j: number): boolean => i >= 0 && j >= 0 && i < p.nx && j < p.ny && p.cellArea[j * p.nx + i] === area;
  const rings = traceRings(inSet, cells, p.nx);
  if (rings.length !== 1) throw new Error(`areaRing: Sozialraum ${area} hat ${rings.length} Ringe (Löcher sind nicht erlaubt)`);
  const ring = rings[0].map((v) => p.vertices[v]);
  if (signedArea(ring) <= 0) throw new Error(`areaRing: Sozialraum ${area} ist nicht gegen den Uhrzeigersinn orientiert`);
  return [...ring, ring[0]];
}

/** Area in km² of a closed [lon, lat] ring (local equirectangular projection at the ring's mean latitude). */
export function ringAreaKm2(ring: ReadonlyArray<readonly [number, number]>): number {
  const lat0 = (ring.reduce((s, p) => s + p[1], 0) / ring.length) * (Math.PI / 180);
  const k = (Math.PI / 180) * EARTH_RADIUS_KM;
  const projected = ring.slice(0, -1).map(([lon, lat]) => [lon * k * Math.cos(lat0), lat * k] as const);
  return Math.abs(signedArea(projected));
}

/** True when [lon, lat] lies inside the closed ring (even–odd rule). */
export function pointInRing(point: readonly [number, number], ring: ReadonlyArray<readonly [number, number]>): boolean {
  const [x, y] = point;
  let inside = false;
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
    const [xa, ya] = ring[a];
    const [xb, yb] = ring[b];
    if (ya > y !== yb > y && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) inside = !inside;
  }
  return inside;
}
