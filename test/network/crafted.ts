import type { Actor, Cooperation, NetworkFacility } from "../../src/network/index.js";

/**
 * A small crafted network whose measures are worked out by hand in cooperationNetwork.test.ts:
 * areas S1, S2, S3 (S3 without actors); facilities F1, F2 (S1), F3, F5 (S2), F4 outside every area;
 * local actors A1 (S1), A2, A3 (S2).
 */
export const AREAS = [{ id: "S1", name: "Eins" }, { id: "S2", name: "Zwei" }, { id: "S3", name: "Drei" }];

export const FACILITIES: NetworkFacility[] = [
  { id: "F1", name: "Kita 1", type: "Kita", areaId: "S1" },
  { id: "F2", name: "Familienzentrum 2", type: "Familienzentrum", areaId: "S1" },
  { id: "F3", name: "Seniorentreff 3", type: "Seniorentreff", areaId: "S2" },
  { id: "F4", name: "Kita 4", type: "Kita", areaId: null },
  { id: "F5", name: "Beratung 5", type: "Beratungsstelle", areaId: "S2" },
];

const actor = (id: string, kind: string, areaId: string, row: number): Actor => ({ id, name: id, kind, areaId, lon: null, lat: null, file: "akteure.csv", row });
export const ACTORS: Actor[] = [actor("A1", "Schule", "S1", 2), actor("A2", "Verein", "S2", 3), actor("A3", "Kirchengemeinde", "S2", 4)];

const coop = (id: string, a: string, b: string, active: boolean, row: number): Cooperation => ({
  id, a, b, topic: `Thema ${id}`, since: "2015", sinceYear: 2015, active, file: "kooperationen.csv", row,
});
export const COOPERATIONS: Cooperation[] = [
  coop("K1", "F1", "A1", true, 2),
  coop("K2", "A1", "F1", true, 3), // same pair, other topic: one edge
  coop("K3", "F2", "A1", true, 4),
  coop("K4", "F1", "A2", true, 5), // S1–S2
  coop("K5", "A2", "A3", false, 6), // ended
  coop("K6", "F3", "F4", true, 7), // S2–outside
];

const square = (id: string, x: number): Record<string, unknown> => ({
  type: "Feature",
  properties: { sozialraum_id: id },
  geometry: { type: "Polygon", coordinates: [[[x, 51], [x + 0.01, 51], [x + 0.01, 51.01], [x, 51.01], [x, 51]]] },
});
/** Three unit squares side by side for S1, S2, S3 (centroids at 7.005, 7.015, 7.025 °E, 51.005 °N). */
export const GEOJSON = { type: "FeatureCollection", features: [square("S1", 7), square("S2", 7.01), square("S3", 7.02)] } as never;
