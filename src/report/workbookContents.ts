import type ExcelJS from "exceljs";
import { HIGHLIGHT_COLORS, HIGHLIGHT_LABELS } from "./highlightStyles.js";
import { germanDate, type ReportDocument } from "./reportDocument.js";

/** One entry of the contents sheet: a sheet of the workbook and what it holds. */
export interface WorkbookContentsEntry {
  sheet: string;
  /** German description, e.g. the table title. */
  description: string;
  /** Report section the table belongs to (empty for "Parameter"). */
  section: string;
  rows: number;
}

/**
 * Fills the workbook's first sheet "Inhalt": title, date (a real date), data source, one row per sheet with a
 * link to it, its description, the report section and the number of rows, then the legend of the highlight
 * colours and of the marker for withheld values.
 *
 * @example
 * fillContentsSheet(wb.addWorksheet("Inhalt"), doc, [{ sheet: "Rangfolge", description: "Rangfolge", section: "Rangfolge der Sozialräume", rows: 60 }], ".");
 */
export function fillContentsSheet(ws: ExcelJS.Worksheet, doc: ReportDocument, entries: readonly WorkbookContentsEntry[], withheldMarker: string, stamp: Date): void {
  ws.columns = [{ width: 34 }, { width: 56 }, { width: 40 }, { width: 10 }];
  ws.addRow([doc.title]).font = { bold: true, size: 14 };
  const dateRow = ws.addRow(["Stand", stamp]);
  dateRow.getCell(2).numFmt = "dd.mm.yyyy";
  dateRow.getCell(2).alignment = { horizontal: "left" };
  ws.addRow(["Datenquelle", doc.source]);
  ws.addRow([]);
  const head = ws.addRow(["Blatt", "Inhalt", "Abschnitt im Bericht", "Zeilen"]);
  head.font = { bold: true };
  for (const e of entries) {
    const row = ws.addRow([{ text: e.sheet, hyperlink: `#'${e.sheet.replace(/'/g, "''")}'!A1` }, e.description, e.section, e.rows]);
    row.getCell(1).font = { color: { argb: "FF0563C1" }, underline: true };
    row.getCell(2).alignment = { wrapText: true, vertical: "top" };
  }
  ws.addRow([]);
  ws.addRow(["Markierung (Zellfarbe)"]).font = { bold: true };
  for (const [level, text] of HIGHLIGHT_LABELS) {
    const row = ws.addRow([text, legendText(level)]);
    row.getCell(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF" + HIGHLIGHT_COLORS[level].slice(1).toUpperCase() } };
  }
  ws.addRow([]);
  ws.addRow(["Zeichen"]).font = { bold: true };
  ws.addRow([withheldMarker, "Wert gesperrt (Geheimhaltung) oder in den Daten nicht vorhanden"]);
  ws.addRow(["leere Zelle", "kein Wert (z. B. ohne Rang, keine Bewertung)"]);
  ws.addRow([]);
  ws.addRow([`Erstellt am ${germanDate(doc.date)}; jede Tabelle des Berichts steht hier vollständig, der Bericht zeigt lange Tabellen gekürzt.`]);
  ws.pageSetup = { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function legendText(level: string): string {
  if (level === "stark auffällig") return "Wert oder Bewertung stark auffällig";
  if (level === "auffällig") return "Wert oder Bewertung auffällig";
  return "Hinweis (z. B. negative Dynamik, methodenabhängig)";
}
