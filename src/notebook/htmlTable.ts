import { formatGermanNumber } from "../io/formatGermanNumber.js";
import { escapeHtml } from "../render/escapeHtml.js";
import { Missing } from "../table/missing.js";
import { tableAccess, type TableLike } from "../table/tableLike.js";

/** A column of {@link htmlTable}: the key in the rows, a German label, optional fixed decimals. */
export interface HtmlTableColumn {
  key: string;
  label?: string;
  /** Fixed number of decimals for numbers (default: as many as the number has). */
  decimals?: number;
  /** Group thousands with "." (default true; false for years and codes stored as numbers). */
  grouping?: boolean;
}

/** Options of {@link htmlTable}. */
export interface HtmlTableOptions {
  /** Columns to show, as keys or column objects (default: every key, in order of first appearance). */
  columns?: Array<string | HtmlTableColumn>;
  /** At most this many rows are shown (default 20); a note says how many are hidden. */
  limit?: number;
  /** Caption above the table (German). */
  caption?: string;
}

/**
 * Alias of the library's one table input `TableLike` (kept for existing code): plain rows, an `AreaTable`, an
 * arquero table (anything with `objects()`), a column table or column data.
 */
export type HtmlTableInput = TableLike | ReadonlyArray<object>;

/**
 * A German-formatted HTML table of rows for notebooks: numbers with decimal comma and thousands point
 * (`formatGermanNumber`), right-aligned; missing values show their marker ("." "-", "(leer)" for an empty cell)
 * greyed, with a tooltip; at most `limit` rows with a note on how many are hidden. All text is escaped.
 *
 * @example
 * htmlTable([{ sozialraum_id: "010101", einwohner: 3604 }], { columns: [{ key: "einwohner", label: "Einwohner" }] });
 * // '<div class="sr-table">…<td class="sr-num">3.604</td>…'
 */
export function htmlTable(input: HtmlTableInput, options: HtmlTableOptions = {}): string {
  const rows = (Array.isArray(input) ? input : readObjects(input)) as ReadonlyArray<Record<string, unknown>>;
  const limit = options.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`htmlTable: limit muss eine nicht negative ganze Zahl sein, angegeben ist ${limit}`);
  const columns = (options.columns ?? keysOf(rows)).map((c) => (typeof c === "string" ? { key: c } : c));
  const shown = rows.slice(0, limit);
  const head = columns.map((c) => `<th>${escapeHtml(c.label ?? c.key)}</th>`).join("");
  const body = shown
    .map((r) => `<tr>${columns.map((c) => cellHtml(r[c.key], c)).join("")}</tr>`)
    .join("\n");
  const hidden = rows.length - shown.length;
  const note =
    rows.length === 0
      ? `<p class="sr-note">Keine Zeilen.</p>`
      : hidden > 0
        ? `<p class="sr-note">${formatGermanNumber(shown.length)} von ${formatGermanNumber(rows.length)} Zeilen angezeigt, ${formatGermanNumber(hidden)} weitere ausgeblendet.</p>`
        : "";
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : "";
  return (
    `<div class="sr-table"><style>.sr-table table{border-collapse:collapse;font-size:13px}` +
    `.sr-table th,.sr-table td{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}` +
    `.sr-table td.sr-num{text-align:right;font-variant-numeric:tabular-nums}` +
    `.sr-table .sr-missing{color:#999;font-style:italic}.sr-table caption{text-align:left;font-weight:bold}` +
    `.sr-table .sr-note{color:#666;font-size:12px}</style>\n` +
    `<table>${caption}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>\n${note}</div>`
  );
}

function cellHtml(v: unknown, column: HtmlTableColumn): string {
  if (v instanceof Missing) {
    const shown = v.marker === "" ? "(leer)" : v.marker;
    return `<td class="sr-num sr-missing" title="fehlender Wert, Markierung &quot;${escapeHtml(v.marker)}&quot;">${escapeHtml(shown)}</td>`;
  }
  if (v === null || v === undefined) return `<td class="sr-missing" title="fehlender Wert"></td>`;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return `<td class="sr-num sr-missing" title="kein endlicher Wert">${Number.isNaN(v) ? "NaN" : v > 0 ? "∞" : "−∞"}</td>`;
    const thousands = column.grouping === false ? "" : ".";
    return `<td class="sr-num">${formatGermanNumber(v, column.decimals === undefined ? { thousands } : { decimals: column.decimals, thousands })}</td>`;
  }
  if (typeof v === "boolean") return `<td>${v ? "ja" : "nein"}</td>`;
  if (v instanceof Date) return `<td>${escapeHtml(v.toISOString().slice(0, 10))}</td>`;
  if (Array.isArray(v)) return `<td>${escapeHtml(v.map(String).join(", "))}</td>`;
  if (typeof v === "object") return `<td>${escapeHtml(JSON.stringify(v))}</td>`;
  return `<td>${escapeHtml(String(v))}</td>`;
}

function readObjects(input: unknown): ReadonlyArray<Record<string, unknown>> {
  const access = tableAccess(input);
  if (access) return access.objects() as ReadonlyArray<Record<string, unknown>>;
  throw new Error(`htmlTable: die Eingabe muss eine Liste von Zeilenobjekten oder eine arquero-Tabelle sein, angegeben ist ${input === null ? "null" : typeof input}`);
}

function keysOf(rows: ReadonlyArray<Record<string, unknown>>): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}
