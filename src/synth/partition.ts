import type { Rng } from "../inference/random.js";
import type { CitySpec } from "./citySpec.js";
import { smoothField } from "./smoothField.js";

/**
 * The geometry of the synthetic city: a jittered lattice whose cells are grouped into Sozialräume.
 *
 * Every Sozialraum is a 4-connected union of lattice cells without holes and without corner "pinches", so its
 * border is one simple ring of lattice vertices. Neighbouring Sozialräume walk the same lattice vertices in
 * opposite directions: shared borders share vertices exactly, and rook (shared edge) and queen (shared vertex)
 * contiguity are well defined. The union of all Sozialräume is the city outline, with no gaps or overlaps.
 */
export interface CityPartition {
  nx: number;
  ny: number;
  /** [lon, lat] of lattice vertex (i, j) at index j·(nx+1)+i, rounded to 6 decimals (about 0.1 m). */
  vertices: Array<[number, number]>;
  /** Sozialraum index of each cell (index j·nx+i), −1 outside the city. */
  cellArea: Int32Array;
  /** Stadtteil index (into spec.stadtteile) of each Sozialraum. */
  areaStadtteil: number[];
}

const JITTER = 0.22; // of a cell side; < 0.25 keeps every jittered cell a simple quadrilateral

/** Builds the partition for `spec`, driven by `rng`. Throws if the construction breaks an invariant. */
export function buildPartition(spec: CitySpec, rng: Rng): CityPartition {
  const { nx, ny, bbox } = spec;
  const dx = (bbox.east - bbox.west) / nx;
  const dy = (bbox.north - bbox.south) / ny;
  const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
  const vertices: Array<[number, number]> = [];
  for (let j = 0; j <= ny; j++) {
    for (let i = 0; i <= nx; i++) {
      const ji = (rng.next() * 2 - 1) * JITTER;
      const jj = (rng.next() * 2 - 1) * JITTER;
      vertices.push([round6(bbox.west + (i + ji) * dx), round6(bbox.south + (j + jj) * dy)]);
    }
  }

  const mask = cityMask(spec, rng);

  // Stadtteile: a power diagram of the seeds with smooth noise per seed, so that borders wiggle like real ones.
  // The weights are tuned so that each Stadtteil gets about its target share of cells (more Sozialräume and a
  // lower density → more land).
  const S = spec.stadtteile.length;
  const noise = spec.stadtteile.map(() => smoothField(rng, { nx, ny, passes: 4 }));
  const inside: number[] = [];
  for (let c = 0; c < nx * ny; c++) if (mask[c]) inside.push(c);
  const share = spec.stadtteile.map((st) => st.sozialraeume * Math.sqrt(3000 / st.density));
  const shareSum = share.reduce((a, b) => a + b, 0);
  const target = share.map((w) => (inside.length * w) / shareSum);
  const weight = new Float64Array(S);
  const teil = new Int32Array(nx * ny).fill(-1);
  const assign = (): number[] => {
    const count = new Array<number>(S).fill(0);
    for (const c of inside) {
      const x = (c % nx) + 0.5;
      const y = Math.floor(c / nx) + 0.5;
      let best = -1;
      let bestD = Infinity;
      for (let s = 0; s < S; s++) {
        const st = spec.stadtteile[s];
        const d = (x - st.u * nx) ** 2 + (y - st.v * ny) ** 2 - weight[s] + 14 * noise[s][c];
        if (d < bestD) {
          bestD = d;
          best = s;
        }
      }
      teil[c] = best;
      count[best]++;
    }
    return count;
  };
  for (let it = 0; it < 80; it++) {
    const count = assign();
    for (let s = 0; s < S; s++) weight[s] += 0.4 * (target[s] - count[s]);
  }
  assign();
  repairLabels(teil, nx, ny, () => true);
  for (let s = 0; s < S; s++) {
    if (!teil.includes(s)) throw new Error(`buildPartition: Stadtteil ${spec.stadtteile[s].name} hat keine Zellen erhalten`);
  }

  // Sozialräume: inside each Stadtteil, k compact regions (farthest-point start, Lloyd iterations).
  const wiggle = smoothField(rng, { nx, ny, passes: 2 });
  const cellArea = new Int32Array(nx * ny).fill(-1);
  const areaStadtteil: number[] = [];
  for (let s = 0; s < S; s++) {
    const cells: number[] = [];
    for (let c = 0; c < nx * ny; c++) if (teil[c] === s) cells.push(c);
    const k = spec.stadtteile[s].sozialraeume;
    if (cells.length < 3 * k) throw new Error(`buildPartition: Stadtteil ${spec.stadtteile[s].name} ist mit ${cells.length} Zellen zu klein für ${k} Sozialräume`);
    const xy = cells.map((c) => [(c % nx) + 0.5, Math.floor(c / nx) + 0.5] as const);
    const centers: Array<[number, number]> = [[...xy[rng.int(xy.length)]] as [number, number]];
    while (centers.length < k) {
      let far = 0;
      let farD = -1;
      xy.forEach(([x, y], idx) => {
        const d = Math.min(...centers.map(([cx, cy]) => (x - cx) ** 2 + (y - cy) ** 2));
        if (d > farD) {
          farD = d;
          far = idx;
        }
      });
      centers.push([...xy[far]] as [number, number]);
    }
    const nearest = (x: number, y: number, c: number, amp: number): number => {
      let best = 0;
      let bestD = Infinity;
      centers.forEach(([cx, cy], r) => {
        const d = (x - cx) ** 2 + (y - cy) ** 2 + amp * wiggle[c];
        if (d < bestD) {
          bestD = d;
          best = r;
        }
      });
      return best;
    };
    for (let it = 0; it < 8; it++) {
      const sum = centers.map(() => [0, 0, 0]);
      xy.forEach(([x, y], idx) => {
        const r = nearest(x, y, cells[idx], 0);
        sum[r][0] += x;
        sum[r][1] += y;
        sum[r][2]++;
      });
      sum.forEach(([sx, sy, n], r) => {
        if (n > 0) centers[r] = [sx / n, sy / n];
      });
    }
    const base = areaStadtteil.length;
    for (let r = 0; r < k; r++) areaStadtteil.push(s);
    xy.forEach(([x, y], idx) => {
      cellArea[cells[idx]] = base + nearest(x, y, cells[idx], 0.8);
    });
  }
  // Sozialräume may take cells across a Stadtteil border while repairing; a cell's Stadtteil is its Sozialraum's.
  repairLabels(cellArea, nx, ny, (a, b) => areaStadtteil[a] === areaStadtteil[b]);

  for (let a = 0; a < areaStadtteil.length; a++) {
    if (!cellArea.includes(a)) throw new Error(`buildPartition: Sozialraum ${a} hat alle Zellen verloren`);
  }
  const teilOfCell = Int32Array.from(cellArea, (a) => (a < 0 ? -1 : areaStadtteil[a]));
  for (let s = 0; s < S; s++) {
    if (componentsOf(teilOfCell, nx, ny, s).length !== 1) {
      throw new Error(`buildPartition: Stadtteil ${spec.stadtteile[s].name} ist nicht zusammenhängend`);
    }
  }
  return { nx, ny, vertices, cellArea, areaStadtteil };
}

/**
 * The city's cells: inside a wobbly ellipse, cleaned until the set is one 4-connected piece without holes and
 * without corner pinches (so the outline is one simple ring).
 */
function cityMask(spec: CitySpec, rng: Rng): Uint8Array {
  const { nx, ny } = spec;
  const p = [0, 1, 2, 3].map(() => rng.next() * 2 * Math.PI);
  const mask = new Uint8Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const ex = (i + 0.5 - nx / 2) / (0.48 * nx);
      const ey = (j + 0.5 - ny / 2) / (0.47 * ny);
      const t = Math.atan2(ey, ex);
      const limit = 1 + 0.07 * Math.sin(2 * t + p[0]) + 0.06 * Math.sin(3 * t + p[1]) + 0.04 * Math.sin(5 * t + p[2]) + 0.02 * Math.sin(9 * t + p[3]);
      mask[j * nx + i] = Math.hypot(ex, ey) < limit ? 1 : 0;
    }
  }
  const labels = Int32Array.from(mask, (m) => (m ? 0 : -1));
  for (let round = 0; round < 100; round++) {
    let changed = false;
    // keep the largest piece
    const comps = componentsOf(labels, nx, ny, 0).sort((a, b) => b.length - a.length);
    for (const comp of comps.slice(1)) for (const c of comp) labels[c] = -1;
    changed ||= comps.length > 1;
    // fill holes: outside cells not connected to the lattice border
    for (const comp of componentsOf(labels, nx, ny, -1)) {
      const touchesBorder = comp.some((c) => {
        const i = c % nx;
        const j = Math.floor(c / nx);
        return i === 0 || j === 0 || i === nx - 1 || j === ny - 1;
      });
      if (!touchesBorder) {
        for (const c of comp) labels[c] = 0;
        changed = true;
      }
    }
    // corner pinches (either inside or outside touching itself diagonally): fill an outside cell
    for (let j = 0; j + 1 < ny; j++) {
      for (let i = 0; i + 1 < nx; i++) {
        const a = j * nx + i, b = a + 1, c = a + nx, d = c + 1;
        if (labels[a] === labels[d] && labels[b] === labels[c] && labels[a] !== labels[b]) {
          const fill = labels[a] === -1 ? a : b;
          labels[fill] = 0;
          changed = true;
        }
      }
    }
    if (!changed) return Uint8Array.from(labels, (l) => (l === 0 ? 1 : 0));
  }
  throw new Error("cityMask: der Umriss hat sich nicht stabilisiert");
}

/** 4-connected components of the cells carrying `label` (each a list of cell indices, ascending start). */
export function componentsOf(labels: Int32Array, nx: number, ny: number, label: number): number[][] {
  const seen = new Uint8Array(labels.length);
  const comps: number[][] = [];
  for (let start = 0; start < labels.length; start++) {
    if (labels[start] !== label || seen[start]) continue;
    const comp: number[] = [];
    const stack = [start];
    seen[start] = 1;
    while (stack.length) {
      const c = stack.pop() as number;
      comp.push(c);
      for (const n of neighbours4(c, nx, ny)) {
        if (labels[n] === label && !seen[n]) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    comps.push(comp);
  }
  return comps;
}

function neighbours4(c: number, nx: number, ny: number): number[] {
  const i = c % nx;
  const j = Math.floor(c / nx);
  const out: number[] = [];
  if (i > 0) out.push(c - 1);
  if (i + 1 < nx) out.push(c + 1);
  if (j > 0) out.push(c - nx);
  if (j + 1 < ny) out.push(c + nx);
  return out;
}

/**
 * Makes every label (≥ 0) one 4-connected piece without corner pinches, in place: stray pieces join the
 * neighbouring label they share most edges with (preferring labels for which `prefer(own, other)` holds), and
 * a pinch is removed by giving one of the two other cells to the pinched label. Cells outside (−1) never change.
 */
function repairLabels(labels: Int32Array, nx: number, ny: number, prefer: (own: number, other: number) => boolean): void {
  for (let round = 0; round < 200; round++) {
    let changed = false;
    const max = Math.max(...labels);
    for (let l = 0; l <= max; l++) {
      const comps = componentsOf(labels, nx, ny, l).sort((a, b) => b.length - a.length || a[0] - b[0]);
      for (const comp of comps.slice(1)) {
        const shared = new Map<number, number>();
        for (const c of comp) {
          for (const n of neighbours4(c, nx, ny)) {
            const o = labels[n];
            if (o >= 0 && o !== l) shared.set(o, (shared.get(o) ?? 0) + (prefer(l, o) ? 1000 : 1));
          }
        }
        const target = [...shared.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
        if (!target) continue; // isolated piece: cannot happen inside a connected mask
        for (const c of comp) labels[c] = target[0];
        changed = true;
      }
    }
    const size = new Map<number, number>();
    for (const l of labels) size.set(l, (size.get(l) ?? 0) + 1);
    for (let j = 0; j + 1 < ny; j++) {
      for (let i = 0; i + 1 < nx; i++) {
        const a = j * nx + i, b = a + 1, c = a + nx, d = c + 1;
        for (const [p, q, r, s] of [[a, d, b, c], [b, c, a, d]]) {
          const x = labels[p];
          if (x >= 0 && labels[q] === x && labels[r] !== x && labels[s] !== x) {
            // give r or s (inside, preferably of the same group and the larger label) to x
            const options = [r, s].filter((t) => labels[t] >= 0);
            options.sort((t, u) => Number(prefer(x, labels[u])) - Number(prefer(x, labels[t])) || (size.get(labels[u]) ?? 0) - (size.get(labels[t]) ?? 0) || t - u);
            labels[options[0]] = x;
            changed = true;
          }
        }
      }
    }
    if (!changed) return;
  }
  throw new Error("repairLabels: die Einteilung hat sich nicht stabilisiert");
}
