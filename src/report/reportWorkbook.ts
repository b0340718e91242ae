import ExcelJS from "exceljs";
import { VERSION } from "../version.js";
import { HIGHLIGHT_COLORS, HIGHLIGHT_LABELS, highlightIndex } from "./highlightStyles.js";
import { normalizeZipTimestamps } from "./normalizeZipTimestamps.js";
import { parseReportDate, germanDate, type ReportDocument } from "./reportDocument.js";
import { parameterText } from "./reportHtml.js";
import type { ReportTable } from "./section.js";
import { uniqueSheetName } from "./sheetNames.js";
import { Missing } from "../table/missing.js";

/** Options of {@link reportWorkbook}. */
export interface ReportWorkbookOptions {
  /** Name of the parameters sheet (default "Parameter"). */
  parametersSheet?: string;
}

/**
 * The XLSX workbook of a report (exceljs): one sheet per table of the document's sections whose `sheet` is
 * not false (in section order; the pipeline's tables give a ranking sheet and one sheet per target group),
 * then a "Parameter" sheet with title, date, data source and every parameter. Highlighted cells get the same
 * fill colours as in the HTML report plus a cell note with the level; headers are bold, the first row frozen,
 * with an auto filter. Numbers stay numbers (with a number format for the column's decimals); missing values
 * are written as their marker text (".", "-") or left empty.
 *
 * Deterministic: the workbook's created/modified dates and every zip entry time are set to `doc.date`
 * (00:00 UTC), so the same document gives the same bytes.
 *
 * @example
 * writeFileSync("sozialraumanalyse.xlsx", await reportWorkbook(doc));
 */
export async function reportWorkbook(doc: ReportDocument, options: ReportWorkbookOptions = {}): Promise<Buffer> {
  const date = parseReportDate("reportWorkbook", doc.date);
  const stamp = new Date(Date.UTC(date.year, date.month - 1, date.day));
  const wb = new ExcelJS.Workbook();
  wb.creator = `sozialraum ${VERSION}`;
  wb.lastModifiedBy = `sozialraum ${VERSION}`;
  wb.created = stamp;
  wb.modified = stamp;
  wb.title = doc.title;

  const names = new Set<string>();
  for (const section of doc.sections) {
    for (const table of section.tables ?? []) {
      if (table.sheet === false) continue;
      addTableSheet(wb, table, uniqueSheetName(table.title, names));
    }
  }
  const paramSheet = wb.addWorksheet(uniqueSheetName(options.parametersSheet ?? "Parameter", names));
  paramSheet.columns = [{ width: 34 }, { width: 70 }];
  const meta: Array<[string, string]> = [
    ["Titel", doc.title],
    ["Stand", germanDate(doc.date)],
    ["Datenquelle", doc.source],
  ];
  for (const [k, v] of meta) paramSheet.addRow([k, v]).getCell(1).font = { bold: true };
  paramSheet.addRow([]);
  const head = paramSheet.addRow(["Parameter", "Wert"]);
  head.font = { bold: true };
  for (const p of doc.parameters) paramSheet.addRow([p.label, parameterText(p)]);
  paramSheet.addRow([]);
  paramSheet.addRow(["Markierung (Zellfarbe)", HIGHLIGHT_LABELS.map(([, t]) => t).join(", ")]);
  HIGHLIGHT_LABELS.forEach(([level, text]) => {
    const row = paramSheet.addRow(["", text]);
    row.getCell(2).fill = solidFill(HIGHLIGHT_COLORS[level]);
  });

  const raw = await wb.xlsx.writeBuffer();
  return normalizeZipTimestamps(new Uint8Array(raw as ArrayBuffer), date);
}

function addTableSheet(wb: ExcelJS.Workbook, table: ReportTable, name: string): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const hl = highlightIndex(table);
  ws.columns = table.columns.map((c) => ({
    header: c.label,
    key: c.key,
    width: columnWidth(table, c.key, c.label),
    style: c.decimals !== undefined ? { numFmt: c.decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(c.decimals)}` } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: "top" };
  table.rows.forEach((row, r) => {
    const values = table.columns.map((c) => excelValue(row[c.key]));
    const excelRow = ws.addRow(values);
    const levels = hl.get(r);
    if (levels) {
      table.columns.forEach((c, ci) => {
        const level = levels.get(c.key);
        if (!level) return;
        const cell = excelRow.getCell(ci + 1);
        cell.fill = solidFill(HIGHLIGHT_COLORS[level]);
        if (level === "stark auffällig") cell.font = { bold: true };
        cell.note = level;
      });
    }
  });
  if (table.columns.length > 0) {
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };
  }
}

/** A cell value for exceljs: numbers stay numbers, missing values become their marker text or empty. */
function excelValue(v: unknown): string | number | boolean | null {
  if (v instanceof Missing) return v.marker === "" ? null : v.marker;
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean" || typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(String).join(", ");
  return String(v);
}

function solidFill(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + hex.slice(1).toUpperCase() } };
}

function columnWidth(table: ReportTable, key: string, label: string): number {
  let w = Math.min(label.length, 30);
  for (const row of table.rows) {
    const v = row[key];
    const len = typeof v === "number" ? 12 : v === null || v === undefined ? 1 : String(v).length;
    if (len > w) w = len;
  }
  return Math.max(8, Math.min(60, w + 2));
}
