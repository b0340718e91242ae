/**
 * Helpers for report texts that follow an `areaNoun` option ("Sozialräume" in the embedded city,
 * "Planungsräume" for Berlin), so titles never name the wrong unit.
 */

/**
 * The singular of a plural area noun.
 *
 * @example
 * singularNoun("Planungsräume"); // "Planungsraum"
 * singularNoun("Gebiete"); // "Gebiet"
 */
export function singularNoun(plural: string): string {
  if (plural.endsWith("räume")) return `${plural.slice(0, -5)}raum`;
  if (plural.endsWith("e")) return plural.slice(0, -1);
  return plural;
}

/**
 * A table title that is also a whole XLSX sheet name (at most 31 characters): `title` if it fits, else `short`,
 * so the sheet name is never cut mid-word (e.g. "Klassenstabilität je Planungsraum" has 33 characters).
 *
 * @example
 * sheetTitle("Klassenstabilität je Sozialraum", "Klassenstabilität"); // "Klassenstabilität je Sozialraum" (31)
 * sheetTitle("Klassenstabilität je Planungsraum", "Klassenstabilität"); // "Klassenstabilität"
 */
export function sheetTitle(title: string, short: string): string {
  return title.length <= 31 ? title : short;
}
