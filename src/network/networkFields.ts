/**
 * Field parsers shared by the readers of the cooperation network (akteure.csv, kooperationen.csv). Each returns
 * the parsed value or a German problem text, so that the readers can report every bad cell at once.
 */

/**
 * Parses the start of a cooperation (`seit`): an ISO date `YYYY-MM-DD`, a month `YYYY-MM` or a year `YYYY`
 * (years 1900–2100). Returns the year and month (1 when only the year is given) or a problem text.
 *
 * @example
 * parseSince("2014-09"); // { year: 2014, month: 9 }
 * parseSince("31.12.2014"); // { problem: "kein Datum (erwartet JJJJ, JJJJ-MM oder JJJJ-MM-TT)" }
 */
export function parseSince(text: string): { year: number; month: number } | { problem: string } {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!m) return { problem: "kein Datum (erwartet JJJJ, JJJJ-MM oder JJJJ-MM-TT)" };
  const year = Number(m[1]);
  const month = m[2] === undefined ? 1 : Number(m[2]);
  if (year < 1900 || year > 2100) return { problem: "Jahr außerhalb 1900–2100" };
  if (month < 1 || month > 12) return { problem: "kein gültiger Monat" };
  if (m[3] !== undefined) {
    const day = Number(m[3]);
    const d = new Date(Date.UTC(year, month - 1, day));
    if (day < 1 || d.getUTCMonth() !== month - 1) return { problem: "kein gültiger Tag" };
  }
  return { year, month };
}

/**
 * Parses a German yes/no cell (`aktiv`): "ja" or "nein", case-insensitive, surrounding blanks ignored.
 *
 * @example
 * parseJaNein("Ja"); // true
 */
export function parseJaNein(text: string): boolean | { problem: string } {
  const t = text.trim().toLowerCase();
  if (t === "ja") return true;
  if (t === "nein") return false;
  return { problem: 'kein Wahrheitswert (erwartet "ja" oder "nein")' };
}

/** A coordinate cell: decimal comma ("6,98") or point ("6.98"); empty → null. */
export function parseCoordinateCell(text: string): number | null | { problem: string } {
  const t = text.trim();
  if (t === "") return null;
  const x = Number(t.replace(",", "."));
  if (!/^[+-]?\d+([.,]\d+)?$/.test(t) || !Number.isFinite(x)) return { problem: "keine Koordinate" };
  return x;
}
