import { readFileSync } from "node:fs";
import { TARGET_GROUPS } from "../indicators/targetGroups.js";
import { csvRecords, RowErrors, type WarningSink } from "./csvRecords.js";

/** One observation from a district meeting (Stadtteiltreffen). */
export interface Observation {
  /** Line of the record in its file (header = 1), for messages. */
  row: number;
  /** ISO date "YYYY-MM-DD". */
  date: string;
  area: string;
  group: string;
  /** Who reported it (e.g. "Stadtteilkonferenz", "Jugendhilfe"). */
  source: string;
  text: string;
  tags: string[];
  /** Need category, if the meeting named one (e.g. "hoch"); null when empty. */
  need: string | null;
}

/** Options of {@link parseObservations} and {@link readObservations}. */
export interface ParseObservationsOptions {
  /**
   * Receives reader notes, e.g. the German warning when the bytes are not UTF-8 and were read as Windows-1252
   * (default: `console.warn`).
   */
  onWarning?: WarningSink;
  /** File name for messages (default "stadtteiltreffen.csv"). */
  file?: string;
  /** Known area ids; an observation for another id is an error. Without it, area ids are not checked. */
  areaIds?: Iterable<string>;
  /** Known target groups (default: children, working-age, elderly, context). */
  groups?: readonly string[];
  /** Allowed need categories (default: any text). */
  needCategories?: readonly string[];
}

const COLUMNS = ["datum", "sozialraum_id", "zielgruppe", "quelle", "text", "tags", "bedarf"] as const;

/** "2018-03-14" or "14.03.2018" → "2018-03-14"; null when not a real calendar date. */
export function parseObservationDate(text: string): string | null {
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t) ?? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m === null) return null;
  const iso = t.includes("-");
  const y = Number(iso ? m[1] : m[3]), mo = Number(m[2]), d = Number(iso ? m[3] : m[1]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function parse(fn: string, input: string | Uint8Array, options: ParseObservationsOptions): Observation[] {
  const file = options.file ?? "stadtteiltreffen.csv";
  const areas = options.areaIds ? new Set(options.areaIds) : null;
  const groups = options.groups ?? TARGET_GROUPS;
  const errors = new RowErrors(fn, file);
  const out: Observation[] = [];
  for (const { line, values: v } of csvRecords(fn, input, file, COLUMNS, options.onWarning)) {
    const date = parseObservationDate(v.datum);
    if (date === null) errors.add(line, "datum", v.datum, "kein Datum (erwartet JJJJ-MM-TT oder TT.MM.JJJJ)");
    const area = v.sozialraum_id.trim();
    if (area === "" || (areas !== null && !areas.has(area))) errors.add(line, "sozialraum_id", area, "unbekannter Gebietsschlüssel");
    const group = v.zielgruppe.trim();
    if (!groups.includes(group)) errors.add(line, "zielgruppe", group, "unbekannte Zielgruppe");
    const need = v.bedarf.trim() === "" ? null : v.bedarf.trim();
    if (need !== null && options.needCategories && !options.needCategories.includes(need)) {
      errors.add(line, "bedarf", need, `unbekannte Bedarfskategorie (erwartet ${options.needCategories.join(", ")})`);
    }
    if (v.text.trim() === "") errors.add(line, "text", v.text, "leerer Text");
    const tags = v.tags.split("|").map((s) => s.trim()).filter((s) => s !== "");
    out.push({ row: line, date: date ?? "", area, group, source: v.quelle.trim(), text: v.text.trim(), tags, need });
  }
  errors.throwIfAny();
  return out;
}

/**
 * Parses observations from district meetings (`datum;sozialraum_id;zielgruppe;quelle;text;tags;bedarf`,
 * semicolon separated, tags separated by "|", `bedarf` an optional need category). Validates every row and
 * reports all problems at once, each naming file, row (line in the file), column and value:
 * `parseObservations: stadtteiltreffen.csv Zeile 4, Spalte "sozialraum_id": unbekannter Gebietsschlüssel "999999"`.
 *
 * @example
 * parseObservations("datum;sozialraum_id;zielgruppe;quelle;text;tags;bedarf\n14.03.2018;010101;children;" +
 *   "Stadtteilkonferenz;Zu wenige Kita-Plätze;kita|betreuung;hoch", { areaIds: ["010101"] });
 * // [{ row: 2, date: "2018-03-14", area: "010101", group: "children", source: "Stadtteilkonferenz",
 * //    text: "Zu wenige Kita-Plätze", tags: ["kita", "betreuung"], need: "hoch" }]
 */
export function parseObservations(input: string | Uint8Array, options: ParseObservationsOptions = {}): Observation[] {
  return parse("parseObservations", input, options);
}

/** Reads and validates an observation file (see {@link parseObservations}); messages name the path. */
export function readObservations(path: string, options: Omit<ParseObservationsOptions, "file"> = {}): Observation[] {
  return parse("readObservations", readFileSync(path), { ...options, file: path });
}
