import { featureIds, featureRings, type SpatialFeatureCollection } from "./geometry.js";
import { csrFromPairs, IntList } from "./csr.js";
import { listIds, weightsFromCsr, type SpatialWeights } from "./spatialWeights.js";

/** Options of {@link contiguityWeights}. */
export interface ContiguityOptions {
  /** "queen": areas sharing at least one vertex; "rook": areas sharing at least one edge (default "queen"). */
  kind?: "queen" | "rook";
  /** Feature property with the area id (default: the feature's `id`). */
  idProperty?: string;
  /**
   * Vertices closer than this (in coordinate units, Euclidean) are treated as one vertex (default 0: exact
   * coordinates). Helps with digitised boundaries that do not share vertices exactly.
   */
  tolerance?: number;
}

/**
 * Contiguity weights of polygons (binary; row-standardise with {@link rowStandardize}).
 *
 * Queen: i and j are neighbours if their boundaries share a vertex; rook: if they share an edge, i.e. two
 * consecutive vertices of a ring appear as consecutive vertices in a ring of the other polygon. This is the
 * vertex/edge approach of libpysal (`Queen`, `Rook` from polygons): every vertex is hashed by its exact
 * coordinates (or snapped to `tolerance`), so the work is linear in the number of vertices — no pairwise
 * polygon tests. Queen contiguity equals R spdep `poly2nb(queen = TRUE)` when neighbouring polygons share their
 * boundary vertices (as in official boundary files and the GeoJSON of this package); a point of one polygon
 * lying on an edge of the other without being a vertex of it does not count (in spdep neither).
 * spdep's rook (`queen = FALSE`) asks for two shared points rather than a shared edge; the two differ only when
 * two polygons touch in two separate points.
 *
 * Holes and all parts of a MultiPolygon take part. Islands (areas without neighbours, including features
 * without geometry) and disconnected components are reported in `warnings`. Neighbours are listed in the
 * order of the features.
 *
 * @example
 * const square = (x: number, y: number) => ({ type: "Feature", properties: { id: `${x}${y}` },
 *   geometry: { type: "Polygon", coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] } });
 * const grid = { type: "FeatureCollection", features: [square(0, 0), square(1, 0), square(0, 1), square(1, 1)] };
 * contiguityWeights(grid, { kind: "rook", idProperty: "id" }).neighbors["00"]; // ["10", "01"]
 * contiguityWeights(grid, { kind: "queen", idProperty: "id" }).neighbors["00"]; // ["10", "01", "11"]
 */
export function contiguityWeights(geojson: SpatialFeatureCollection, options: ContiguityOptions = {}): SpatialWeights {
  const fn = "contiguityWeights";
  const kind = options.kind ?? "queen";
  if (kind !== "queen" && kind !== "rook") throw new Error(`${fn}: kind muss "queen" oder "rook" sein, angegeben ist "${String(kind)}"`);
  const tolerance = options.tolerance ?? 0;
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) throw new Error(`${fn}: tolerance muss eine Zahl ≥ 0 sein, angegeben ist ${String(tolerance)}`);
  const ids = featureIds(fn, geojson, options.idProperty);
  const n = ids.length;

  const rings: Array<number[][][] | null> = geojson.features.map((f, i) => featureRings(fn, f, ids[i]));
  let total = 0;
  for (const rs of rings) if (rs) for (const ring of rs) total += ring.length;

  const table = new VertexTable(Math.max(total, 1));
  const snap = tolerance > 0 ? new Snapper(tolerance) : null;
  // Polygon → distinct vertex ids (CSR) and, for rook, the edges as vertex-id pairs.
  const polyOffsets = new Int32Array(n + 1);
  const polyVertices = new IntList(total);
  const lastPoly = new Int32Array(Math.max(total, 1)).fill(-1); // per vertex id: last polygon listing it
  const edgeKeys: number[] = [];
  const edgePoly: number[] = [];
  const noGeometry: string[] = [];
  for (let p = 0; p < n; p++) {
    const rs = rings[p];
    if (!rs || rs.every((r) => r.length === 0)) noGeometry.push(ids[p]);
    if (rs) {
      for (const ring of rs) {
        let m = ring.length;
        if (m === 0) continue;
        const first = ring[0];
        const last = ring[m - 1];
        if (m > 1 && first[0] === last[0] && first[1] === last[1]) m--; // closing vertex repeats the first
        let firstVid = -1;
        let prevVid = -1;
        for (let k = 0; k < m; k++) {
          const pos = ring[k];
          let x = pos[0];
          let y = pos[1];
          if (!Number.isFinite(x) || !Number.isFinite(y)) {
            throw new Error(`${fn}: Gebiet "${ids[p]}" hat eine nicht endliche Koordinate [${String(x)}, ${String(y)}]`);
          }
          if (snap) [x, y] = snap.canonical(x, y);
          const vid = table.id(x + 0, y + 0); // + 0 turns -0 into 0
          if (lastPoly[vid] !== p) {
            lastPoly[vid] = p;
            polyVertices.push(vid);
          }
          if (kind === "rook") {
            if (k === 0) firstVid = vid;
            else if (vid !== prevVid) pushEdge(edgeKeys, edgePoly, prevVid, vid, p);
          }
          prevVid = vid;
        }
        if (kind === "rook" && m > 2 && prevVid !== firstVid) pushEdge(edgeKeys, edgePoly, prevVid, firstVid, p);
      }
    }
    polyOffsets[p + 1] = polyVertices.length;
  }

  if (table.size >= 67108864) throw new Error(`${fn}: mehr als 67 108 864 verschiedene Eckpunkte`);
  const pairs = kind === "queen" ? queenPairs(n, polyOffsets, polyVertices.data, table.size) : rookPairs(edgeKeys, edgePoly);
  const { offsets, indices } = csrFromPairs(n, pairs);
  const warnings = noGeometry.length > 0 ? [`${fn}: ${noGeometry.length} Gebiet(e) ohne Geometrie: ${listIds(noGeometry)}`] : [];
  return weightsFromCsr(fn, kind, "B", ids, offsets, indices, new Float64Array(indices.length).fill(1), warnings);
}

function pushEdge(keys: number[], polys: number[], a: number, b: number, p: number) {
  keys.push(a < b ? a * 67108864 + b : b * 67108864 + a); // 2^26: exact as a double for up to 67 M vertices
  polys.push(p);
}

/** Pairs of polygons sharing a vertex: for each vertex, all polygons that list it. */
function queenPairs(n: number, polyOffsets: Int32Array, polyVertices: Int32Array, nVertices: number): IntList {
  // vertex → polygons (CSR, polygons ascending because we fill in polygon order)
  const vOffsets = new Int32Array(nVertices + 1);
  const m = polyOffsets[n];
  for (let t = 0; t < m; t++) vOffsets[polyVertices[t] + 1]++;
  for (let v = 0; v < nVertices; v++) vOffsets[v + 1] += vOffsets[v];
  const fill = vOffsets.slice(0, nVertices);
  const vPolys = new Int32Array(m);
  for (let p = 0; p < n; p++) for (let t = polyOffsets[p]; t < polyOffsets[p + 1]; t++) vPolys[fill[polyVertices[t]]++] = p;
  const pairs = new IntList(1024);
  const stamp = new Int32Array(n).fill(-1);
  for (let p = 0; p < n; p++) {
    for (let t = polyOffsets[p]; t < polyOffsets[p + 1]; t++) {
      const v = polyVertices[t];
      for (let s = vOffsets[v]; s < vOffsets[v + 1]; s++) {
        const q = vPolys[s];
        if (q > p && stamp[q] !== p) {
          stamp[q] = p;
          pairs.push(p);
          pairs.push(q);
        }
      }
    }
  }
  return pairs;
}

/** Pairs of polygons sharing an edge: sort the (edge, polygon) records by edge and pair up equal edges. */
function rookPairs(keys: number[], polys: number[]): IntList {
  const order = new Int32Array(keys.length);
  for (let t = 0; t < order.length; t++) order[t] = t;
  const k = Float64Array.from(keys);
  order.sort((a, b) => k[a] - k[b] || polys[a] - polys[b]);
  const pairs = new IntList(1024);
  let start = 0;
  while (start < order.length) {
    let end = start + 1;
    while (end < order.length && k[order[end]] === k[order[start]]) end++;
    for (let a = start; a < end; a++) {
      for (let b = a + 1; b < end; b++) {
        const p = polys[order[a]];
        const q = polys[order[b]];
        if (p !== q) {
          pairs.push(p);
          pairs.push(q);
        }
      }
    }
    start = end;
  }
  return pairs;
}

/** Open-addressing hash table of exact (x, y) coordinates → vertex id 0, 1, 2, … */
class VertexTable {
  size = 0;
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly f = new Float64Array(1);
  private readonly u = new Uint32Array(this.f.buffer);

  constructor(capacity: number) {
    this.xs = new Float64Array(capacity);
    this.ys = new Float64Array(capacity);
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Int32Array(cap).fill(-1);
    this.mask = cap - 1;
  }

  id(x: number, y: number): number {
    const f = this.f;
    const u = this.u;
    f[0] = x;
    const a = u[0];
    const b = u[1];
    f[0] = y;
    let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(u[0] ^ Math.imul(u[1], 0xc2b2ae35), 0x27d4eb2f);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    let s = h & this.mask;
    for (;;) {
      const v = this.slots[s];
      if (v < 0) {
        const id = this.size++;
        this.xs[id] = x;
        this.ys[id] = y;
        this.slots[s] = id;
        return id;
      }
      if (this.xs[v] === x && this.ys[v] === y) return v;
      s = (s + 1) & this.mask;
    }
  }
}

/**
 * Snaps coordinates to the first vertex seen within `tolerance` (Euclidean), looking in the 3 × 3 grid cells of
 * side `tolerance` around the point.
 */
class Snapper {
  private readonly cells = new Map<string, number[]>();
  constructor(private readonly tolerance: number) {}

  canonical(x: number, y: number): [number, number] {
    const t = this.tolerance;
    const cx = Math.floor(x / t);
    const cy = Math.floor(y / t);
    let best: [number, number] | null = null;
    let bestD = Infinity;
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const list = this.cells.get(`${cx + dx},${cy + dy}`);
        if (!list) continue;
        for (let k = 0; k < list.length; k += 2) {
          const d = Math.hypot(list[k] - x, list[k + 1] - y);
          if (d <= t && d < bestD) {
            bestD = d;
            best = [list[k], list[k + 1]];
          }
        }
      }
    }
    if (best) return best;
    const key = `${cx},${cy}`;
    const list = this.cells.get(key);
    if (list) list.push(x, y);
    else this.cells.set(key, [x, y]);
    return [x, y];
  }
}
