/**
 * Traces the boundary of a set of lattice cells into closed rings of lattice vertex indices.
 *
 * Cells are (i, j) on an nx × ny lattice (j = 0 south), vertex (i, j) has index j·(nx+1)+i. Each boundary edge
 * is walked with the set on its left, so the outer ring runs counter-clockwise and holes clockwise (as RFC 7946
 * asks for GeoJSON). Requires a set without "pinches" (two cells of the set touching only at a corner with
 * both other cells outside), which the partition removes beforehand; then every vertex has at most one outgoing
 * boundary edge and the rings are simple.
 *
 * Returns rings without the closing repetition of the first vertex.
 */
export function traceRings(inSet: (i: number, j: number) => boolean, cells: ReadonlyArray<readonly [number, number]>, nx: number): number[][] {
  const vid = (i: number, j: number): number => j * (nx + 1) + i;
  const next = new Map<number, number>();
  const add = (from: number, to: number): void => {
    if (next.has(from)) throw new Error(`traceRings: Eckpunkt ${from} hat zwei ausgehende Randkanten (Einschnürung)`);
    next.set(from, to);
  };
  for (const [i, j] of cells) {
    if (!inSet(i, j - 1)) add(vid(i, j), vid(i + 1, j)); // south edge, eastwards
    if (!inSet(i + 1, j)) add(vid(i + 1, j), vid(i + 1, j + 1)); // east edge, northwards
    if (!inSet(i, j + 1)) add(vid(i + 1, j + 1), vid(i, j + 1)); // north edge, westwards
    if (!inSet(i - 1, j)) add(vid(i, j + 1), vid(i, j)); // west edge, southwards
  }
  const rings: number[][] = [];
  const starts = [...next.keys()].sort((a, b) => a - b);
  const used = new Set<number>();
  for (const start of starts) {
    if (used.has(start)) continue;
    const ring: number[] = [];
    let v = start;
    do {
      used.add(v);
      ring.push(v);
      const w = next.get(v);
      if (w === undefined) throw new Error(`traceRings: der Rand ist bei Eckpunkt ${v} nicht geschlossen`);
      v = w;
    } while (v !== start);
    rings.push(ring);
  }
  return rings;
}

/** Signed area (shoelace) of a ring of [x, y] points; positive when counter-clockwise. */
export function signedArea(ring: ReadonlyArray<readonly [number, number]>): number {
  let s = 0;
  for (let k = 0; k < ring.length; k++) {
    const [x1, y1] = ring[k];
    const [x2, y2] = ring[(k + 1) % ring.length];
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}
