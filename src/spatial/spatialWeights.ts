/**
 * Spatial weights in the form every statistic of this module reads: the area ids in order, the neighbours of
 * each area by id (plain objects, easy to inspect and serialise) and the same information as a compressed
 * sparse row matrix (CSR: `offsets`, `indices`, `values`) so that Moran's I and LISA run over typed arrays.
 *
 * Row i of the matrix holds the neighbours of `ids[i]` at `indices[offsets[i] .. offsets[i + 1] - 1]` with
 * weights `values[...]`, in the same order as `neighbors[ids[i]]` and `weights[ids[i]]`.
 */
export interface SpatialWeights {
  /** How the weights were built: "queen", "rook", "knn", "distance-band", "gal" or "custom". */
  kind: string;
  /** "B" binary (1 per neighbour), "R" row-standardised (each row sums to 1), "V" other values. */
  transform: "B" | "R" | "V";
  /** Number of areas. */
  n: number;
  /** The area ids, in the order of every per-area array. */
  ids: string[];
  /** Neighbour ids of every area. */
  neighbors: Record<string, string[]>;
  /** Weights of every area's neighbours, parallel to `neighbors`. */
  weights: Record<string, number[]>;
  /** CSR row offsets (length n + 1). */
  offsets: Int32Array;
  /** CSR column indices: positions of the neighbours in `ids`. */
  indices: Int32Array;
  /** CSR values: the weights. */
  values: Float64Array;
  /** Areas without neighbours. */
  islands: string[];
  /** Number of connected components of the neighbour graph (links taken as undirected; islands count). */
  components: number;
  /** Component number (0, 1, …, in order of first area) of every area. */
  componentOf: Int32Array;
  /** True if i is a neighbour of j whenever j is a neighbour of i. */
  symmetric: boolean;
  /** Islands, disconnected components and other things to know (English). */
  warnings: string[];
}

/** Options of {@link weightsFromNeighbors}. */
export interface WeightsFromNeighborsOptions {
  /** The order of the areas (default: the keys of `neighbors`; integer-like keys would come first, so pass it). */
  ids?: readonly string[];
  /** Weights parallel to `neighbors` (default: 1 for every neighbour). */
  weights?: Readonly<Record<string, readonly number[]>>;
  /** Stored as `kind` (default "custom"). */
  kind?: string;
}

/**
 * Builds {@link SpatialWeights} from a neighbour list by id (as spdep's `nb` or libpysal's `W(neighbors)`).
 * Every neighbour must be one of the ids, listed once, and not the area itself.
 *
 * @example
 * const w = weightsFromNeighbors({ a: ["b"], b: ["a", "c"], c: ["b"] }, { ids: ["a", "b", "c"] });
 * w.indices; // Int32Array [1, 0, 2, 1]
 */
export function weightsFromNeighbors(
  neighbors: Readonly<Record<string, readonly string[]>>,
  options: WeightsFromNeighborsOptions = {},
): SpatialWeights {
  const fn = "weightsFromNeighbors";
  const ids = options.ids ? [...options.ids] : Object.keys(neighbors);
  const position = indexIds(fn, ids);
  const n = ids.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const list = neighbors[ids[i]];
    if (list === undefined || !Object.prototype.hasOwnProperty.call(neighbors, ids[i])) {
      throw new Error(`${fn}: keine Nachbarliste für Gebiet "${ids[i]}"`);
    }
    offsets[i + 1] = offsets[i] + list.length;
  }
  for (const key of Object.keys(neighbors)) {
    if (!position.has(key)) throw new Error(`${fn}: Nachbarliste für unbekanntes Gebiet "${key}" (nicht in ids)`);
  }
  const indices = new Int32Array(offsets[n]);
  const values = new Float64Array(offsets[n]);
  let allOnes = true;
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    const list = neighbors[id];
    const wl = options.weights?.[id];
    if (options.weights && (wl === undefined || wl.length !== list.length)) {
      throw new Error(`${fn}: Gebiet "${id}" hat ${list.length} Nachbarn, aber ${wl?.length ?? 0} Gewichte`);
    }
    for (let k = 0; k < list.length; k++) {
      const j = position.get(String(list[k]));
      if (j === undefined) throw new Error(`${fn}: Gebiet "${id}" hat den unbekannten Nachbarn "${list[k]}"`);
      if (j === i) throw new Error(`${fn}: Gebiet "${id}" nennt sich selbst als Nachbarn`);
      const v = wl ? wl[k] : 1;
      if (!Number.isFinite(v) || v < 0) throw new Error(`${fn}: Gewicht ${String(v)} des Nachbarn "${list[k]}" von Gebiet "${id}" ist keine endliche Zahl ≥ 0`);
      if (v !== 1) allOnes = false;
      indices[offsets[i] + k] = j;
      values[offsets[i] + k] = v;
    }
  }
  return weightsFromCsr(fn, options.kind ?? "custom", allOnes ? "B" : "V", ids, offsets, indices, values);
}

/** Map id → position; throws on duplicates. */
export function indexIds(fn: string, ids: readonly string[]): Map<string, number> {
  const position = new Map<string, number>();
  ids.forEach((id, i) => {
    if (position.has(id)) throw new Error(`${fn}: doppelter Gebietsschlüssel "${id}" (Positionen ${position.get(id)} und ${i})`);
    position.set(id, i);
  });
  return position;
}

/**
 * Assembles the weights object from CSR arrays (owned by the result from now on): checks for duplicate links,
 * finds islands and components and writes the warnings. Internal constructor used by every builder.
 */
export function weightsFromCsr(
  fn: string,
  kind: string,
  transform: "B" | "R" | "V",
  ids: string[],
  offsets: Int32Array,
  indices: Int32Array,
  values: Float64Array,
  extraWarnings: string[] = [],
): SpatialWeights {
  const n = ids.length;
  const stamp = new Int32Array(n).fill(-1);
  const islands: string[] = [];
  for (let i = 0; i < n; i++) {
    if (offsets[i + 1] === offsets[i]) islands.push(ids[i]);
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const j = indices[p];
      if (stamp[j] === i) throw new Error(`${fn}: Gebiet "${ids[i]}" nennt den Nachbarn "${ids[j]}" zweimal`);
      stamp[j] = i;
    }
  }
  const { components, componentOf, sizes } = connectedComponents(n, offsets, indices);
  const symmetric = isSymmetric(n, offsets, indices);
  const warnings = [...extraWarnings];
  if (islands.length > 0) {
    warnings.push(`${fn}: ${islands.length} ${islands.length === 1 ? "Gebiet" : "Gebiete"} ohne Nachbarn (Inseln): ${listIds(islands)}`);
  }
  if (components > 1) {
    const shown = sizes.slice(0, 10).join(", ") + (sizes.length > 10 ? ", …" : "");
    warnings.push(`${fn}: der Nachbarschaftsgraph zerfällt in ${components} nicht verbundene Teile (Größen ${shown})`);
  }
  const neighbors: Record<string, string[]> = Object.fromEntries(
    ids.map((id, i) => {
      const list: string[] = new Array(offsets[i + 1] - offsets[i]);
      for (let p = offsets[i]; p < offsets[i + 1]; p++) list[p - offsets[i]] = ids[indices[p]];
      return [id, list];
    }),
  );
  const weights: Record<string, number[]> = Object.fromEntries(
    ids.map((id, i) => [id, Array.from(values.subarray(offsets[i], offsets[i + 1]))]),
  );
  return { kind, transform, n, ids, neighbors, weights, offsets, indices, values, islands, components, componentOf, symmetric, warnings };
}

/** Up to 10 ids in quotes, then "…". */
export function listIds(ids: readonly string[]): string {
  return ids.slice(0, 10).map((id) => `"${id}"`).join(", ") + (ids.length > 10 ? `, … (${ids.length - 10} weitere)` : "");
}

/** Union–find over the links (taken as undirected); components numbered in order of their first area. */
function connectedComponents(n: number, offsets: Int32Array, indices: Int32Array) {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
    return a;
  };
  for (let i = 0; i < n; i++) {
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const a = find(i);
      const b = find(indices[p]);
      if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
    }
  }
  const label = new Int32Array(n).fill(-1);
  const componentOf = new Int32Array(n);
  const sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (label[r] < 0) {
      label[r] = sizes.length;
      sizes.push(0);
    }
    componentOf[i] = label[r];
    sizes[label[r]]++;
  }
  return { components: sizes.length, componentOf, sizes };
}

/** True if every link i → j has its reverse j → i. */
function isSymmetric(n: number, offsets: Int32Array, indices: Int32Array): boolean {
  // Compare the multiset of links with that of the transposed links via counting per row.
  const t = transposeStructure(n, offsets, indices);
  const stamp = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (offsets[i + 1] - offsets[i] !== t.offsets[i + 1] - t.offsets[i]) return false;
    for (let p = offsets[i]; p < offsets[i + 1]; p++) stamp[indices[p]] = i;
    for (let p = t.offsets[i]; p < t.offsets[i + 1]; p++) if (stamp[t.indices[p]] !== i) return false;
  }
  return true;
}

/**
 * The transpose of a CSR matrix: row j lists every i with a link i → j (ascending i) and, if `values` are given,
 * the weight w_ij.
 */
export function transposeStructure(n: number, offsets: Int32Array, indices: Int32Array, values?: Float64Array) {
  const tOffsets = new Int32Array(n + 1);
  for (let p = 0; p < indices.length; p++) tOffsets[indices[p] + 1]++;
  for (let j = 0; j < n; j++) tOffsets[j + 1] += tOffsets[j];
  const fill = tOffsets.slice(0, n);
  const tIndices = new Int32Array(indices.length);
  const tValues = new Float64Array(values ? indices.length : 0);
  for (let i = 0; i < n; i++) {
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const q = fill[indices[p]]++;
      tIndices[q] = i;
      if (values) tValues[q] = values[p];
    }
  }
  return { offsets: tOffsets, indices: tIndices, values: tValues };
}
