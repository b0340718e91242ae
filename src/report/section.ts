import type { Figure } from "../plot/figure.js";

/** A column of a report table or workbook sheet. */
export interface TableColumn {
  /** Key in the row objects. */
  key: string;
  /** German label shown in the report and the workbook. */
  label: string;
  /** Number of decimals for numbers (default: as is). */
  decimals?: number;
  /**
   * Disclosure control when the table is published (`protectTable` / `disclosureRules`): `{ count: true }` for a
   * count column, `{ base: key }` for a value derived from a share whose base is the row's value under `key`
   * (shown or not).
   */
  disclosure?: { count: true } | { base: string };
}

/** A highlighted cell of a report table: row index, column key and level (coloured alike in HTML and XLSX). */
export interface TableHighlight {
  row: number;
  key: string;
  level: "auffällig" | "stark auffällig" | "hinweis";
}

/** A table in the report and, with the same content, a sheet in the XLSX workbook. */
export interface ReportTable {
  /** German title; also the sheet name (max. 31 characters in XLSX). */
  title: string;
  columns: TableColumn[];
  rows: Array<Record<string, unknown>>;
  /** Cells to highlight (e.g. flags): for row index i, the keys to highlight and the level. */
  highlight?: TableHighlight[];
  /** Also write this table as its own workbook sheet (default true). */
  sheet?: boolean;
  /** Show this table in the HTML report (default true; false: workbook only, e.g. a long full table). */
  html?: boolean;
  /**
   * Rows shown in the HTML report (default `REPORT_TABLE_ROWS`, 10). A longer table shows its first rows and a
   * sentence naming the workbook sheet with the full table (only when the table is a sheet).
   */
  htmlRows?: number;
  /** For a table that is no sheet itself: title of the table whose sheet holds it in full (e.g. "Herkunft"). */
  fullTable?: string;
}

/**
 * One section of the HTML report (and its workbook sheets). Every analysis step offers a builder that returns
 * a section; the report only lays sections out.
 */
export interface ReportSection {
  /** Anchor id, e.g. "bedarf-angebot". */
  id: string;
  /** German heading. */
  title: string;
  /** German paragraphs (plain text; the renderer escapes them). */
  paragraphs?: string[];
  figures?: Array<{ title: string; figure: Figure; caption?: string }>;
  tables?: ReportTable[];
  /** CSS class of the section element (e.g. "steckbrief": a new page when printed). */
  className?: string;
  /** List the section in the table of contents (default true). */
  toc?: boolean;
  /**
   * Collapse the section in the HTML report: rendered as a closed `<details>` whose `<summary>` shows the heading
   * and this one-line German text (opened when printed, and by {@link ReportHtmlOptions.expanded}).
   */
  collapsed?: string;
}
