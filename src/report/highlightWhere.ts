import type { HighlightLevel } from "./highlightStyles.js";
import type { TableHighlight } from "./section.js";

/**
 * The highlights of one column of a report table: for every row (in order) where `levelOf` returns a level, the
 * cell `key` of that row at that level; rows where it returns null, undefined or false stay plain.
 *
 * @param rows the table rows (the same array as `ReportTable.rows`, so the row indices match)
 * @param key the column to highlight
 * @param levelOf the level of a row's cell, or nothing
 * @example
 * const rows = [{ id: "01", p: 0.01 }, { id: "02", p: 0.4 }];
 * highlightWhere(rows, "p", (r) => r.p <= 0.05 && "hinweis"); // [{ row: 0, key: "p", level: "hinweis" }]
 */
export function highlightWhere<Row>(
  rows: readonly Row[],
  key: string,
  levelOf: (row: Row, index: number) => HighlightLevel | null | undefined | false,
): TableHighlight[] {
  const out: TableHighlight[] = [];
  rows.forEach((row, i) => {
    const level = levelOf(row, i);
    if (level) out.push({ row: i, key, level });
  });
  return out;
}
