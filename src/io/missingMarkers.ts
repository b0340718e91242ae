/**
 * The cell texts that mean "no value" (after trimming surrounding white space), as used in German official
 * statistics (Zeichenerklärung nach DIN 55301 / Destatis) and common exports:
 * "" (empty), "." (unknown or secret), "-", "–", "—" (dash; Destatis: "nichts vorhanden"), "x" / "X" (cell
 * locked, statement not meaningful), "*" (suppressed, e.g. fewer than 4 cases), "/" (not reliable enough),
 * "..." and "…" (not yet available), "k.A." / "k. A." (keine Angabe), and "NULL", "NA", "NaN" from database
 * and R/pandas exports. Markers apply to number columns only: a text column (names, keys) keeps "NA" as text.
 *
 * Such a cell becomes `missing(marker)` — never 0. A dash FOLLOWED BY DIGITS is a negative number ("-  23" → -23,
 * see `parseGermanNumber`); only a cell that is exactly a marker is missing. Readers take a `missingMarkers`
 * option to replace this list (e.g. `[...DEFAULT_MISSING_MARKERS, "-9999"]`), and `zeroMarkers` for markers that
 * mean an exact zero (Destatis' "-"; off by default).
 */
export const DEFAULT_MISSING_MARKERS: readonly string[] = Object.freeze([
  "",
  ".",
  "-",
  "–",
  "—",
  "x",
  "X",
  "*",
  "/",
  "...",
  "…",
  "k.A.",
  "k. A.",
  "NULL",
  "NA",
  "NaN",
]);
