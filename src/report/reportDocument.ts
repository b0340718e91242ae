import type { ReportSection } from "./section.js";

/** One analysis parameter as shown in the report header and the workbook's "Parameter" sheet. */
export interface ReportParameter {
  /** German label, e.g. "Mindesteinwohnerzahl". */
  label: string;
  /** The value (numbers are formatted the German way; arrays are joined with ", "). */
  value: string | number | boolean | readonly (string | number)[];
}

/**
 * A whole report: header data plus sections. The same object produces the HTML report ({@link reportHtml}) and
 * the workbook ({@link reportWorkbook}).
 */
export interface ReportDocument {
  /** German title, e.g. "Sozialraumanalyse 2018". */
  title: string;
  /**
   * Report date "YYYY-MM-DD" ("Stand"). This is the only time stamp in the outputs: it is printed in the
   * header, written as the workbook's created/modified date and as every zip entry's time, so the same
   * document (same date) gives byte-identical files.
   */
  date: string;
  /** Data source in German, e.g. "Strukturdaten 2016 und 2018 (synthetische Beispielstadt)". */
  source: string;
  /** Analysis parameters shown in the header and the "Parameter" sheet. */
  parameters: ReportParameter[];
  /** Optional introductory German paragraphs under the header. */
  intro?: string[];
  sections: ReportSection[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses and checks a report date "YYYY-MM-DD"; returns its parts. */
export function parseReportDate(fn: string, date: string): { year: number; month: number; day: number } {
  const m = DATE.exec(date);
  const parts = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  const valid =
    parts !== undefined &&
    parts.month >= 1 && parts.month <= 12 && parts.day >= 1 &&
    parts.day <= new Date(Date.UTC(parts.year, parts.month, 0)).getUTCDate() &&
    parts.year >= 1980 && parts.year <= 2107; // the range a zip (DOS) date can hold
  if (!valid) throw new Error(`${fn}: date muss die Form "YYYY-MM-DD" haben und zwischen 1980 und 2107 liegen, angegeben ist "${date}"`);
  return parts;
}

/** The report date in German notation, e.g. "2024-03-05" → "05.03.2024". */
export function germanDate(date: string): string {
  const { year, month, day } = parseReportDate("germanDate", date);
  return `${String(day).padStart(2, "0")}.${String(month).padStart(2, "0")}.${year}`;
}

/** Today's date as "YYYY-MM-DD" in local time (the default report date). */
export function todayIsoDate(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}
