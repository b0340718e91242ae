import type { ColumnarTable } from "./types.js";

/**
 * A minimal column table (the part of arquero's `ColumnTable` the mix functions read) over arrays of equal
 * length, so simulated counts can be passed to an index function without building row objects.
 *
 * @example
 * const t = columnarTable({ sgb2: new Float64Array([10, 30]), ew: new Float64Array([100, 100]) });
 * dissimilarity(t, { group: "sgb2", total: "ew" }).statistic; // 0.3125
 */
export function columnarTable(columns: Record<string, ArrayLike<unknown>>): ColumnarTable {
  const names = Object.keys(columns);
  const n = names.length > 0 ? columns[names[0]].length : 0;
  for (const name of names) {
    if (columns[name].length !== n) throw new Error(`columnarTable: Spalte "${name}" hat ${columns[name].length} Werte, erwartet sind ${n}`);
  }
  return {
    numRows: () => n,
    columnNames: () => names.slice(),
    array: (name: string) => {
      const c = columns[name];
      if (c === undefined) throw new Error(`columnarTable: Spalte "${name}" nicht gefunden (Spalten: ${names.join(", ")})`);
      return c;
    },
  };
}
