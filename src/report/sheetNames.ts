import type { ReportDocument } from "./reportDocument.js";
import type { ReportTable } from "./section.js";

/** Name of the workbook's first sheet, the table of contents with the colour legend. */
export const CONTENTS_SHEET = "Inhalt";

/** File name of the workbook the report points to for full tables. */
export const WORKBOOK_FILE = "sozialraumanalyse.xlsx";

/**
 * A valid, unique XLSX sheet name: at most 31 characters, none of []:*?/\ (": " becomes " – ", the others
 * "-"), not starting or ending with an apostrophe; duplicates get " (2)", " (3)", … Names compare
 * case-insensitively as in Excel.
 *
 * @example
 * uniqueSheetName("Auffällige Sozialräume: Ältere", new Set()); // "Auffällige Sozialräume – Ältere"
 */
export function uniqueSheetName(title: string, used: Set<string>): string {
  // "Titel: Zusatz" reads better as "Titel – Zusatz" than with the colon replaced by "-".
  const clean = title.replace(/\s*:\s+/g, " – ").replace(/[[\]:*?/\\]/g, "-").replace(/^'+|'+$/g, "").trim() || "Tabelle";
  let name = clean.slice(0, 31);
  for (let k = 2; used.has(name.toLowerCase()); k++) {
    const suffix = ` (${k})`;
    name = clean.slice(0, 31 - suffix.length) + suffix;
  }
  used.add(name.toLowerCase());
  return name;
}

/**
 * The workbook sheet name of every table that becomes a sheet (`sheet !== false`), in document order, as
 * {@link reportWorkbook} names them (the contents sheet "Inhalt" comes first and is reserved). The HTML report
 * uses the same names when it points from a shortened table to its full sheet.
 *
 * @example
 * tableSheetNames(doc).get(doc.sections[1].tables![0]); // "Rangfolge"
 */
export function tableSheetNames(doc: Pick<ReportDocument, "sections">): Map<ReportTable, string> {
  const used = new Set<string>([CONTENTS_SHEET.toLowerCase()]);
  const names = new Map<ReportTable, string>();
  for (const section of doc.sections) {
    for (const table of section.tables ?? []) {
      if (table.sheet !== false) names.set(table, uniqueSheetName(table.title, used));
    }
  }
  return names;
}
