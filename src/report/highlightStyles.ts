import type { ReportTable } from "./section.js";

/** A highlight level of a table cell. */
export type HighlightLevel = NonNullable<ReportTable["highlight"]>[number]["level"];

/**
 * Fill colours of highlighted cells, shared by the HTML report and the workbook so both look alike
 * (ColorBrewer RdYlBu: red for "stark auffällig", orange for "auffällig", yellow for "hinweis").
 */
export const HIGHLIGHT_COLORS: Readonly<Record<HighlightLevel, string>> = {
  "stark auffällig": "#f4a582",
  auffällig: "#fddbc7",
  hinweis: "#ffffbf",
};

/** CSS class of a highlight level in the HTML report. */
export const HIGHLIGHT_CLASSES: Readonly<Record<HighlightLevel, string>> = {
  "stark auffällig": "hl-stark",
  auffällig: "hl-auffaellig",
  hinweis: "hl-hinweis",
};

/** Legend texts of the highlight levels, in display order. */
export const HIGHLIGHT_LABELS: ReadonlyArray<[HighlightLevel, string]> = [
  ["stark auffällig", "stark auffällig"],
  ["auffällig", "auffällig"],
  ["hinweis", "Hinweis"],
];

/** Index of a table's highlights: row → key → level (the stronger level wins if a cell is listed twice). */
export function highlightIndex(table: ReportTable): Map<number, Map<string, HighlightLevel>> {
  const rank: Record<HighlightLevel, number> = { hinweis: 0, auffällig: 1, "stark auffällig": 2 };
  const index = new Map<number, Map<string, HighlightLevel>>();
  for (const h of table.highlight ?? []) {
    if (!(h.level in rank)) {
      throw new Error(`highlightIndex: unbekannte Hervorhebungsstufe "${h.level}" in Tabelle "${table.title}"`);
    }
    if (!Number.isInteger(h.row) || h.row < 0 || h.row >= table.rows.length) {
      throw new Error(`highlightIndex: Hervorhebungszeile ${h.row} liegt außerhalb des Bereichs (0–${table.rows.length - 1}) in Tabelle "${table.title}"`);
    }
    if (!table.columns.some((c) => c.key === h.key)) {
      throw new Error(`highlightIndex: Hervorhebungsspalte "${h.key}" ist keine Spalte von Tabelle "${table.title}"`);
    }
    let row = index.get(h.row);
    if (!row) index.set(h.row, (row = new Map()));
    const prev = row.get(h.key);
    if (prev === undefined || rank[h.level] > rank[prev]) row.set(h.key, h.level);
  }
  return index;
}
