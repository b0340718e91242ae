import type { Cell } from "../table/missing.js";

/** A row found to be the sum of a run of other rows. */
export interface SumRow {
  /** Index of the sum row in `rows`. */
  index: number;
  /** First and last index of the run it sums. */
  from: number;
  to: number;
  /** How many columns were compared (all within the tolerance). */
  columns: number;
  /** How many of them agreed exactly. */
  exact: number;
}

/**
 * Finds aggregate rows (Bezirk and city totals published in the same table as the areas): a row whose value in
 * every compared column is the sum over a run of at least two consecutive other rows, within `tolerance`
 * (default 3 %, relative), and exactly in at least half of the columns. The tolerance is needed because
 * publishers' totals include persons not assigned to a listed area (Hamburg-Mitte includes Neuwerk, which has no
 * row: its population is 2.4 % above the sum of its Stadtteile, while households and unemployed agree exactly).
 * Compared are the columns holding only whole numbers (counts); at least `minColumns` (default 2) of them must be
 * present in the row and the whole run. Runs are searched on the first compared column with a
 * sliding window (O(n²) per row), so tables of a few thousand rows are fine.
 *
 * Why consecutive runs: statistical offices list the areas of a Bezirk together and the totals after them
 * (Hamburg Stadtteilprofile: 99 Stadtteile, then 7 Bezirke, then the city; the city row is also the sum of the
 * Bezirk rows). A row that is a sum of scattered rows is not found.
 *
 * @param rows the rows' values, in file order
 * @param columns candidate columns (only all-integer ones are used)
 * @example
 * detectSumRows([{ a: 1, b: 2 }, { a: 3, b: 4 }, { a: 4, b: 6 }], ["a", "b"]);
 * // [{ index: 2, from: 0, to: 1, columns: 2, exact: 2 }]
 */
export function detectSumRows(rows: readonly Record<string, Cell>[], columns: readonly string[], options: { minColumns?: number; tolerance?: number } = {}): SumRow[] {
  const minColumns = options.minColumns ?? 2;
  const tol = options.tolerance ?? 0.03;
  const counts = columns.filter((c) => rows.some((r) => typeof r[c] === "number") && rows.every((r) => typeof r[c] !== "number" || Number.isInteger(r[c])));
  if (counts.length < minColumns) return [];
  // The pivot column: the one with the most numbers.
  const filled = (c: string) => rows.filter((r) => typeof r[c] === "number").length;
  const pivot = counts.reduce((a, b) => (filled(b) > filled(a) ? b : a));
  const sums = new Set<number>();
  const value = (i: number, c: string) => (sums.has(i) ? 0 : typeof rows[i][c] === "number" ? (rows[i][c] as number) : NaN);
  const own = (i: number, c: string) => (typeof rows[i][c] === "number" ? (rows[i][c] as number) : NaN);
  const search = (candidates: Iterable<number>): SumRow[] => {
    const found: SumRow[] = [];
    for (const r of candidates) {
      const target = own(r, pivot);
      if (!(target > 0)) continue;
      const run = findRun(rows.length, r, target, tol, (i) => value(i, pivot), (from, to) => agrees(r, from, to));
      if (!run) continue;
      while (sums.has(run.from)) run.from++;
      while (sums.has(run.to)) run.to--;
      found.push(run);
    }
    return found;
  };
  // Pass 1 finds the sum rows; pass 2 finds each one's run again with the other sum rows counted as 0, so that
  // the city row is reported as the sum of the areas, not of "Bezirk Nord" and the areas after it.
  const first = search(rows.keys());
  for (const f of first) sums.add(f.index);
  const second = new Map(search(sums).map((f) => [f.index, f]));
  return first.map((f) => second.get(f.index) ?? f);

  function agrees(r: number, from: number, to: number): { columns: number; exact: number } | null {
    let compared = 0;
    let exact = 0;
    for (const c of counts) {
      const t = own(r, c);
      if (Number.isNaN(t)) continue;
      let s = 0;
      for (let i = from; i <= to; i++) s += value(i, c);
      if (Number.isNaN(s)) continue;
      if (Math.abs(s - t) > tol * Math.abs(t)) return null;
      compared++;
      if (s === t) exact++;
    }
    return compared >= minColumns && exact * 2 >= compared ? { columns: compared, exact } : null;
  }
}

function findRun(
  n: number,
  skip: number,
  target: number,
  tol: number,
  v: (i: number) => number,
  check: (from: number, to: number) => { columns: number; exact: number } | null,
): SumRow | null {
  for (const [lo, hi] of [[0, skip - 1], [skip + 1, n - 1]]) {
    for (let from = lo; from < hi; from++) {
      let s = 0;
      for (let to = from; to <= hi; to++) {
        const x = v(to);
        if (Number.isNaN(x)) break;
        s += x;
        if (s > target * (1 + tol)) break;
        if (to > from && s >= target * (1 - tol)) {
          const agreed = check(from, to);
          if (agreed !== null) return { index: skip, from, to, ...agreed };
        }
      }
    }
  }
  return null;
}
