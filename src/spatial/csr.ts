/** A growable list of 32-bit integers (amortised doubling), for building CSR arrays without boxing. */
export class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Int32Array(Math.max(capacity, 4));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * Symmetric CSR structure from undirected pairs (flat list p0, q0, p1, q1, …): every pair links both ways;
 * each row sorted ascending, duplicates removed.
 */
export function csrFromPairs(n: number, pairs: IntList): { offsets: Int32Array; indices: Int32Array } {
  const d = pairs.data;
  const m = pairs.length;
  const counts = new Int32Array(n + 1);
  for (let t = 0; t < m; t += 2) {
    counts[d[t] + 1]++;
    counts[d[t + 1] + 1]++;
  }
  for (let i = 0; i < n; i++) counts[i + 1] += counts[i];
  const fill = counts.slice(0, n);
  const raw = new Int32Array(m);
  for (let t = 0; t < m; t += 2) {
    raw[fill[d[t]]++] = d[t + 1];
    raw[fill[d[t + 1]]++] = d[t];
  }
  const offsets = new Int32Array(n + 1);
  const out = new IntList(m);
  for (let i = 0; i < n; i++) {
    const row = raw.subarray(counts[i], counts[i + 1]).sort();
    for (let k = 0; k < row.length; k++) if (k === 0 || row[k] !== row[k - 1]) out.push(row[k]);
    offsets[i + 1] = out.length;
  }
  return { offsets, indices: out.data.slice(0, out.length) };
}
