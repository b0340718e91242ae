import { suppressDisclosive, type SuppressedCell } from "../audit/disclosure.js";
import type { ReportTable } from "./section.js";

/** Which cells of a published table are counts and which are shares of a base (see {@link protectTable}). */
export interface TableDisclosureRules {
  /** Keys of count columns: counts from 1 to `minCount − 1` are withheld. */
  counts?: string[];
  /**
   * Keys of columns derived from a share of a base (the share itself, its interval limits, its z-value, a rate
   * per 1 000): withheld when the base (the row's value under `base`, shown or not) is below `minBase`.
   */
  shares?: Array<{ key: string; base: string }>;
  /** Additive relations within a row, `total` = Σ `parts` (secondary suppression). */
  totals?: Array<{ total: string; parts: string[] }>;
  /** Smallest count that may be published (default 3). */
  minCount?: number;
  /** Smallest base for a published share (default 30). */
  minBase?: number;
  /** Marker for withheld cells (default "."). */
  marker?: string;
}

/** A protected table and the cells withheld (their values are not in the list). */
export interface ProtectedTable {
  table: ReportTable;
  withheld: Array<Omit<SuppressedCell, "value" | "id"> & { row: number; label: string }>;
}

/**
 * The disclosure rules a table declares on its columns (`TableColumn.disclosure`): count columns and share
 * columns with their base.
 *
 * @example
 * disclosureRules({ title: "t", rows: [], columns: [{ key: "ew", label: "Einwohner", disclosure: { count: true } }] });
 * // { counts: ["ew"], shares: [] }
 */
export function disclosureRules(table: ReportTable): Required<Pick<TableDisclosureRules, "counts" | "shares">> {
  const counts: string[] = [];
  const shares: Array<{ key: string; base: string }> = [];
  for (const c of table.columns) {
    if (!c.disclosure) continue;
    if ("count" in c.disclosure) counts.push(c.key);
    else shares.push({ key: c.key, base: c.disclosure.base });
  }
  return { counts, shares };
}

/**
 * Statistical disclosure control for a table about to be published: applies {@link suppressDisclosive}
 * (counts below `minCount`, shares with a base below `minBase`, secondary suppression in additive relations) to
 * the table's rows and returns a new table whose withheld cells are `Missing(marker)` and no longer highlighted.
 * The input is not modified; rows keep their order. Rows need no id: they are addressed by position.
 *
 * @example
 * protectTable(
 *   { title: "Altersarmut", columns: [{ key: "quote", label: "Quote (%)" }], rows: [{ quote: 12.5, basis: 16 }] },
 *   { shares: [{ key: "quote", base: "basis" }] },
 * ).table.rows[0].quote; // Missing(".")
 */
export function protectTable(table: ReportTable, rules: TableDisclosureRules): ProtectedTable {
  const present = new Set(Object.keys(table.rows[0] ?? {}));
  const counts = (rules.counts ?? []).filter((k) => present.has(k));
  const shares = (rules.shares ?? []).filter((s) => present.has(s.key) && present.has(s.base));
  if (table.rows.length === 0 || (counts.length === 0 && shares.length === 0)) return { table, withheld: [] };
  const ROW = "\u0000row";
  const rows = table.rows.map((r, i) => ({ ...r, [ROW]: String(i) }));
  const result = suppressDisclosive(rows, {
    id: ROW,
    counts,
    shares: shares.map((s) => ({ column: s.key, base: s.base })),
    totals: rules.totals,
    minCount: rules.minCount,
    minBase: rules.minBase,
    marker: rules.marker,
  });
  const label = new Map(table.columns.map((c) => [c.key, c.label]));
  const withheld = result.suppressed.map((s) => ({ row: Number(s.id), column: s.column, label: label.get(s.column) ?? s.column, kind: s.kind, reason: s.reason }));
  const hidden = new Set(withheld.map((w) => `${w.row}\u0000${w.column}`));
  const outRows = result.rows.map((r) => {
    const { [ROW]: _drop, ...rest } = r;
    void _drop;
    return rest;
  });
  const highlight = table.highlight?.filter((h) => !hidden.has(`${h.row}\u0000${h.key}`));
  return { table: { ...table, rows: outRows, ...(highlight ? { highlight } : {}) }, withheld };
}
