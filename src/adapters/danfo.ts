/**
 * danfojs-node interop, kept in this one module: plain rows or an arquero table ↔ a danfo `DataFrame`, for users
 * who prefer danfo's pandas-like API in notebooks. danfojs-node (with TensorFlow.js) is loaded lazily on the first
 * call, so importing sozialraum stays fast for everyone else.
 * @module
 */
import { createRequire } from "node:module";
import type { DataFrame } from "danfojs-node";
import { Missing, missing } from "../table/missing.js";
import { tableAccess, type TableLike } from "../table/tableLike.js";

type Danfo = typeof import("danfojs-node");
let danfo: Danfo | undefined;
function loadDanfo(): Danfo {
  danfo ??= createRequire(import.meta.url)("danfojs-node") as Danfo;
  return danfo;
}

/**
 * Alias of the library's one table input `TableLike` (kept for existing code): plain rows, an `AreaTable`, an
 * arquero table (anything with `objects()`), a column table or column data.
 */
export type RowsOrTable = TableLike | ReadonlyArray<object>;

/** Options of {@link toDanfo}. */
export interface ToDanfoOptions {
  /** Columns to take, in this order (default: the keys of the first row, then any new keys of later rows). */
  columns?: string[];
}

/**
 * Converts rows (or an arquero table) to a danfo `DataFrame`. Missing cells (`Missing`, null, undefined, NaN)
 * become danfo's missing values: NaN in columns whose present values are all numbers, null elsewhere. danfo has
 * no marker, so "." and "-" are not kept — use {@link fromDanfo}'s `missingMarker` to mark them again. The input
 * is not changed.
 *
 * @example
 * const df = toDanfo([{ id: "010101", einwohner: 3604 }, { id: "010102", einwohner: missing(".") }]);
 * df.shape; // [2, 2]
 */
export function toDanfo(input: RowsOrTable, options: ToDanfoOptions = {}): DataFrame {
  const rows = toRows(input);
  const columns = options.columns ?? columnsOf(rows);
  if (columns.length === 0) throw new Error("toDanfo: keine Spalten (leere Eingabe und keine options.columns)");
  const isMissing = (v: unknown): boolean => v instanceof Missing || v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));
  const numeric = new Set(columns.filter((c) => rows.every((r) => isMissing(r[c]) || typeof r[c] === "number")));
  const data = rows.map((r) => Object.fromEntries(columns.map((c) => [c, isMissing(r[c]) ? (numeric.has(c) ? NaN : null) : r[c]])));
  const { DataFrame: Frame } = loadDanfo();
  return rows.length === 0 ? new Frame([], { columns }) : new Frame(data, { columns });
}

/** Options of {@link fromDanfo}. */
export interface FromDanfoOptions {
  /** Marker of the `Missing` values that replace danfo's NaN/null/undefined (default "", an empty cell). */
  missingMarker?: string;
}

/**
 * Converts a danfo `DataFrame` back to plain rows (one object per row, keys = column names), with danfo's missing
 * values (NaN, null, undefined) as explicit `Missing` values — a missing value is never 0.
 *
 * @example
 * fromDanfo(toDanfo([{ id: "a", x: 1 }])); // [{ id: "a", x: 1 }]
 */
export function fromDanfo(df: DataFrame, options: FromDanfoOptions = {}): Array<Record<string, unknown>> {
  const marker = options.missingMarker ?? "";
  const columns = df.columns as string[];
  const values = df.values as unknown[][];
  return values.map((row) =>
    Object.fromEntries(
      columns.map((c, j) => {
        const v = row[j];
        return [c, v === null || v === undefined || (typeof v === "number" && Number.isNaN(v)) ? missing(marker) : v];
      }),
    ),
  );
}

function toRows(input: RowsOrTable): ReadonlyArray<Record<string, unknown>> {
  const access = tableAccess(input);
  if (access) return access.objects() as ReadonlyArray<Record<string, unknown>>;
  throw new Error(`toDanfo: die Eingabe muss eine Liste von Zeilenobjekten oder eine arquero-Tabelle sein, angegeben ist ${input === null ? "null" : typeof input}`);
}

function columnsOf(rows: ReadonlyArray<Record<string, unknown>>): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}
