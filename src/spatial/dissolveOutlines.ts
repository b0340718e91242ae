import { featureIds, featureRings, type SpatialFeatureCollection } from "./geometry.js";

/** Options of {@link dissolveOutlines}. */
export interface DissolveOutlinesOptions {
  /** Feature property with the area id (default: the feature `id`). */
  idProperty?: string;
  /** The parent (e.g. Stadtteil or Bezirk) of each area id; areas without a parent are left out. */
  parentOf: Readonly<Record<string, string | null | undefined>>;
}

/** The outline of one parent: its boundary as polylines of [x, y] positions. */
export interface DissolvedOutline {
  parent: string;
  /** Ids of the areas that make up the parent, in input order. */
  areas: string[];
  lines: Array<Array<[number, number]>>;
}

/** The result of {@link dissolveOutlines}: one outline per parent (first-appearance order) and the areas left out. */
export interface DissolveOutlinesResult {
  outlines: DissolvedOutline[];
  /** Areas without a parent or without geometry, with the reason (German). */
  excluded: Array<{ id: string; reason: string }>;
}

const key = (p: readonly number[]) => `${p[0]},${p[1]}`;

/**
 * Dissolves area polygons into the outlines of their parents (Sozialräume → Stadtteile or Bezirke): the outer
 * boundary of a parent is every polygon edge that is not shared by two areas of the same parent. An edge counts
 * as shared when both areas have it with the same two end vertices (in either direction), which holds for
 * topologically clean boundaries (adjacent polygons share vertices exactly, as in files cut from one coverage
 * — GIS "Dissolve" / sf `st_union` by group give the same line then). The boundary edges are chained into
 * polylines at shared vertices (deterministic: in the order the edges appear in the input).
 *
 * @example
 * // Two unit squares side by side, both in Stadtteil "A": the shared middle edge disappears.
 * const sq = (x: number) => ({ type: "Feature", properties: { id: `q${x}` },
 *   geometry: { type: "Polygon", coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
 * dissolveOutlines({ type: "FeatureCollection", features: [sq(0), sq(1)] }, { idProperty: "id", parentOf: { q0: "A", q1: "A" } })
 *   .outlines[0].lines; // one closed line around the 2 × 1 rectangle (6 boundary edges)
 */
export function dissolveOutlines(geojson: SpatialFeatureCollection, options: DissolveOutlinesOptions): DissolveOutlinesResult {
  const fn = "dissolveOutlines";
  const ids = featureIds(fn, geojson, options.idProperty);
  const excluded: DissolveOutlinesResult["excluded"] = [];
  // Per parent: edge key → edge (end points) and how often it occurs.
  const groups = new Map<string, { areas: string[]; edges: Map<string, { a: [number, number]; b: [number, number]; n: number }> }>();
  geojson.features.forEach((f, i) => {
    const id = ids[i];
    const parent = options.parentOf[id];
    if (parent === null || parent === undefined || parent === "") {
      excluded.push({ id, reason: "keine übergeordnete Einheit" });
      return;
    }
    const rings = featureRings(fn, f, id);
    if (!rings || rings.length === 0) {
      excluded.push({ id, reason: "keine Geometrie" });
      return;
    }
    let g = groups.get(parent);
    if (!g) groups.set(parent, (g = { areas: [], edges: new Map() }));
    g.areas.push(id);
    for (const ring of rings) {
      for (let k = 0; k + 1 < ring.length; k++) {
        const a: [number, number] = [ring[k][0], ring[k][1]];
        const b: [number, number] = [ring[k + 1][0], ring[k + 1][1]];
        const ka = key(a);
        const kb = key(b);
        if (ka === kb) continue;
        const ek = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
        const e = g.edges.get(ek);
        if (e) e.n++;
        else g.edges.set(ek, { a, b, n: 1 });
      }
    }
  });
  const outlines: DissolvedOutline[] = [];
  for (const [parent, g] of groups) {
    const boundary = [...g.edges.values()].filter((e) => e.n === 1);
    outlines.push({ parent, areas: g.areas, lines: chain(boundary) });
  }
  return { outlines, excluded };
}

/** Joins edges into polylines: from each unused edge, follow unused edges at the end vertex while there are any. */
function chain(edges: ReadonlyArray<{ a: [number, number]; b: [number, number] }>): Array<Array<[number, number]>> {
  const at = new Map<string, number[]>();
  edges.forEach((e, i) => {
    for (const p of [e.a, e.b]) {
      const k = key(p);
      const list = at.get(k);
      if (list) list.push(i);
      else at.set(k, [i]);
    }
  });
  const used = new Uint8Array(edges.length);
  const lines: Array<Array<[number, number]>> = [];
  for (let i = 0; i < edges.length; i++) {
    if (used[i]) continue;
    used[i] = 1;
    const line: Array<[number, number]> = [edges[i].a, edges[i].b];
    for (;;) {
      const end = line[line.length - 1];
      const next = (at.get(key(end)) ?? []).find((j) => !used[j]);
      if (next === undefined) break;
      used[next] = 1;
      const e = edges[next];
      line.push(key(e.a) === key(end) ? e.b : e.a);
    }
    lines.push(line);
  }
  return lines;
}
