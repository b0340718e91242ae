import { columnAccess, type TableInput } from "../classify/columns.js";

/** A dense numeric matrix: `rows[i][j]` is observation i, variable j. */
export type NumericMatrix = readonly (readonly number[])[];

/**
 * Checks a numeric matrix (rectangular, finite, at least `minRows` rows) and returns a copy (inputs are never
 * mutated). Errors name the function, the row and the column (both counted from 1).
 */
export function checkMatrix(fn: string, matrix: NumericMatrix, minRows = 1): number[][] {
  if (!Array.isArray(matrix) || matrix.length < minRows) {
    throw new Error(`${fn}: braucht mindestens ${minRows} Zeilen, angegeben ist ${Array.isArray(matrix) ? matrix.length : typeof matrix}`);
  }
  const p = matrix[0]?.length ?? 0;
  if (p < 1) throw new Error(`${fn}: Zeile 1 hat keine Werte`);
  return matrix.map((row, i) => {
    if (row.length !== p) throw new Error(`${fn}: Zeile ${i + 1} hat ${row.length} Werte, erwartet sind ${p}`);
    return (row as readonly unknown[]).map((x: unknown, j: number) => {
      if (typeof x !== "number" || !Number.isFinite(x)) throw new Error(`${fn}: Zeile ${i + 1}, Spalte ${j + 1}: Wert ${String(x)} ist keine endliche Zahl`);
      return x;
    });
  });
}

/**
 * Reads the named columns of a table (rows, column data or arquero table) into a numeric matrix. Values must be
 * finite numbers; errors name the function, the spreadsheet-style row (1-based, without header) and the column.
 */
export function tableMatrix(fn: string, table: TableInput, columns: readonly string[]): number[][] {
  if (columns.length === 0) throw new Error(`${fn}: die Option columns ist leer`);
  const acc = columnAccess(fn, table);
  const cols = columns.map((c) => {
    if (!acc.has(c)) throw new Error(`${fn}: Spalte "${c}" nicht gefunden`);
    return acc.column(c);
  });
  return Array.from({ length: acc.length }, (_, i) =>
    cols.map((col, j) => {
      const x = col[i];
      if (typeof x !== "number" || !Number.isFinite(x)) {
        throw new Error(`${fn}: Zeile ${i + 1}, Spalte "${columns[j]}": Wert ${String(x)} ist keine endliche Zahl`);
      }
      return x;
    }),
  );
}

/** Column means and sample standard deviations (denominator n − 1), as R's `scale()`. */
export function columnMoments(x: NumericMatrix): { mean: number[]; sd: number[] } {
  const n = x.length;
  const p = x[0].length;
  const mean = new Array<number>(p).fill(0);
  for (const row of x) for (let j = 0; j < p; j++) mean[j] += row[j];
  for (let j = 0; j < p; j++) mean[j] /= n;
  const sd = new Array<number>(p).fill(0);
  for (const row of x) for (let j = 0; j < p; j++) sd[j] += (row[j] - mean[j]) ** 2;
  for (let j = 0; j < p; j++) sd[j] = Math.sqrt(sd[j] / (n - 1));
  return { mean, sd };
}

/** z = (x − mean) / sd per column with the sample sd (R `scale(x)`); a constant column is an error. */
export function scaleColumns(fn: string, x: NumericMatrix, names?: readonly string[]): number[][] {
  const { mean, sd } = columnMoments(x);
  sd.forEach((s, j) => {
    if (!(s > 0)) throw new Error(`${fn}: Spalte ${names?.[j] !== undefined ? `"${names[j]}"` : j + 1} ist konstant (Standardabweichung 0) und kann nicht standardisiert werden`);
  });
  return x.map((row) => row.map((v, j) => (v - mean[j]) / sd[j]));
}
