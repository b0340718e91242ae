import ExcelJS from "exceljs";
import { VERSION } from "../version.js";
import { HIGHLIGHT_COLORS, HIGHLIGHT_LABELS, highlightIndex } from "./highlightStyles.js";
import { normalizeZipTimestamps } from "./normalizeZipTimestamps.js";
import { parseReportDate, germanDate, type ReportDocument } from "./reportDocument.js";
import { parameterText } from "./reportHtml.js";
import type { ReportTable } from "./section.js";
import { CONTENTS_SHEET, tableSheetNames, uniqueSheetName } from "./sheetNames.js";
import { fillContentsSheet, type WorkbookContentsEntry } from "./workbookContents.js";
import { Missing } from "../table/missing.js";

/** Options of {@link reportWorkbook}. */
export interface ReportWorkbookOptions {
  /** Name of the parameters sheet (default "Parameter"). */
  parametersSheet?: string;
  /**
   * The one marker written for every withheld or unavailable value (a `Missing` cell, whatever marker it came
   * with: ".", "-", "x", …), explained on the contents sheet (default ".", the disclosure marker).
   */
  withheldMarker?: string;
}

/**
 * The XLSX workbook of a report (exceljs): first the contents sheet "Inhalt" (every sheet with a link, what it
 * holds, its report section and row count; the legend of colours and markers), then one sheet per table of the
 * document's sections whose `sheet` is not false (in section order), then a "Parameter" sheet with title, date,
 * data source and every parameter. Dates are real Excel dates; long text columns wrap; every sheet is set up
 * for A4 print (landscape when wide, one page wide, header row repeated). Highlighted cells get the same
 * fill colours as in the HTML report plus a cell note with the level; headers are bold, the first row frozen,
 * with an auto filter. Numbers stay numbers (with a number format for the column's decimals); every missing or
 * withheld value is written as one marker (`withheldMarker`, "."), null is left empty.
 *
 * Deterministic: the workbook's created/modified dates and every zip entry time are set to `doc.date`
 * (00:00 UTC), so the same document gives the same bytes.
 *
 * @example
 * writeFileSync("sozialraumanalyse.xlsx", await reportWorkbook(doc));
 */
export async function reportWorkbook(doc: ReportDocument, options: ReportWorkbookOptions = {}): Promise<Buffer> {
  const date = parseReportDate("reportWorkbook", doc.date);
  const marker = options.withheldMarker ?? ".";
  const stamp = new Date(Date.UTC(date.year, date.month - 1, date.day));
  const wb = new ExcelJS.Workbook();
  wb.creator = `sozialraum ${VERSION}`;
  wb.lastModifiedBy = `sozialraum ${VERSION}`;
  wb.created = stamp;
  wb.modified = stamp;
  wb.title = doc.title;

  // "Inhalt" first; the table sheets get the names the HTML report points to (tableSheetNames).
  const contents = wb.addWorksheet(CONTENTS_SHEET);
  const sheetNames = tableSheetNames(doc);
  const names = new Set<string>([CONTENTS_SHEET.toLowerCase(), ...[...sheetNames.values()].map((n) => n.toLowerCase())]);
  const entries: WorkbookContentsEntry[] = [];
  for (const section of doc.sections) {
    for (const table of section.tables ?? []) {
      const name = sheetNames.get(table);
      if (name === undefined) continue;
      addTableSheet(wb, table, name, marker);
      entries.push({ sheet: name, description: table.title, section: section.title, rows: table.rows.length });
    }
  }
  const paramName = uniqueSheetName(options.parametersSheet ?? "Parameter", names);
  const paramSheet = wb.addWorksheet(paramName);
  entries.push({ sheet: paramName, description: "Titel, Stand, Datenquelle und Parameter der Analyse", section: "", rows: doc.parameters.length });
  fillContentsSheet(contents, doc, entries, marker, stamp);
  paramSheet.columns = [{ width: 34 }, { width: 70 }];
  const meta: Array<[string, string | Date]> = [
    ["Titel", doc.title],
    ["Stand", stamp],
    ["Datenquelle", doc.source],
  ];
  for (const [k, v] of meta) {
    const row = paramSheet.addRow([k, v]);
    row.getCell(1).font = { bold: true };
    if (v instanceof Date) Object.assign(row.getCell(2), { numFmt: "dd.mm.yyyy", alignment: { horizontal: "left" } });
  }
  paramSheet.addRow([]);
  const head = paramSheet.addRow(["Parameter", "Wert"]);
  head.font = { bold: true };
  for (const p of doc.parameters) paramSheet.addRow([p.label, parameterText(p)]).getCell(2).alignment = { wrapText: true, vertical: "top" };
  printSetup(paramSheet, 2);
  paramSheet.addRow([]);
  paramSheet.addRow(["Markierung (Zellfarbe)", HIGHLIGHT_LABELS.map(([, t]) => t).join(", ")]);
  HIGHLIGHT_LABELS.forEach(([level, text]) => {
    const row = paramSheet.addRow(["", text]);
    row.getCell(2).fill = solidFill(HIGHLIGHT_COLORS[level]);
  });

  const raw = await wb.xlsx.writeBuffer();
  return normalizeZipTimestamps(new Uint8Array(raw as ArrayBuffer), date);
}

function addTableSheet(wb: ExcelJS.Workbook, table: ReportTable, name: string, marker: string): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const hl = highlightIndex(table);
  const wrap = new Set(table.columns.filter((c) => longestText(table, c.key) > MAX_WIDTH).map((c) => c.key));
  ws.columns = table.columns.map((c) => ({
    header: c.label,
    key: c.key,
    width: columnWidth(table, c.key, c.label),
    style: c.decimals !== undefined
      ? { numFmt: c.decimals === 0 ? "#,##0" : `#,##0.${"0".repeat(c.decimals)}` }
      : wrap.has(c.key) ? { alignment: { wrapText: true, vertical: "top" } } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { wrapText: true, vertical: "top" };
  table.rows.forEach((row, r) => {
    const values = table.columns.map((c) => excelValue(row[c.key], marker));
    const excelRow = ws.addRow(values);
    values.forEach((v, ci) => {
      if (v instanceof Date) excelRow.getCell(ci + 1).numFmt = "dd.mm.yyyy";
    });
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
  printSetup(ws, table.columns.length);
}

/** A4, landscape for wide sheets, fit to one page wide, the header row repeated on every page. */
function printSetup(ws: ExcelJS.Worksheet, columns: number): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: columns > 6 ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: "1:1",
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: "&L&A&RSeite &P von &N" };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const GERMAN_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;

/**
 * A cell value for exceljs: numbers stay numbers, dates written as text ("2018-12-31", "31.12.2018") become
 * real dates (00:00 UTC), every missing value the one `marker`, null empty.
 */
function excelValue(v: unknown, marker: string): string | number | boolean | Date | null {
  if (v instanceof Missing) return marker;
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return textDate(v) ?? v;
  if (typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map(String).join(", ");
  return String(v);
}

function textDate(text: string): Date | undefined {
  const iso = ISO_DATE.exec(text);
  const de = iso ? undefined : GERMAN_DATE.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : de ? [de[3], de[2], de[1]] : [];
  if (y === undefined) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? date : undefined;
}

function solidFill(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + hex.slice(1).toUpperCase() } };
}

const MAX_WIDTH = 60;

function longestText(table: ReportTable, key: string): number {
  let w = 0;
  for (const row of table.rows) if (typeof row[key] === "string") w = Math.max(w, (row[key] as string).length);
  return w;
}

function columnWidth(table: ReportTable, key: string, label: string): number {
  let w = Math.min(label.length, 30);
  for (const row of table.rows) {
    const v = row[key];
    const len = typeof v === "number" ? 12 : v === null || v === undefined ? 1 : String(v).length;
    if (len > w) w = len;
  }
  return Math.max(8, Math.min(MAX_WIDTH, w + 2));
}
