import { DataError } from "../table/dataError.js";

/**
 * Fails early, in German, when no feature has the key property at all — usually a misspelt or (in a .dbf)
 * shortened column name — and lists the properties the features do have. Missing keys in single features are
 * reported by `parseGeoJson` with the feature index.
 *
 * @example
 * checkKeyProperty("readGeometry", "x.shp", features, "sozialraum_id", ""); // throws: … vorhanden sind: sozialraum, …
 */
export function checkKeyProperty(fn: string, file: string, features: readonly unknown[], idProperty: string, note: string): void {
  const props = features.map((f) => (f as { properties?: Record<string, unknown> | null } | null)?.properties ?? null);
  if (props.length === 0 || props.some((p) => p !== null && typeof p === "object" && p[idProperty] !== undefined)) return;
  const names = [...new Set(props.flatMap((p) => (p && typeof p === "object" ? Object.keys(p) : [])))];
  throw new DataError(fn, {
    file,
    column: idProperty,
    message: `keine der ${features.length} Flächen hat die Schlüsselspalte ${JSON.stringify(idProperty)}; vorhanden sind: ${names.length ? names.map((n) => JSON.stringify(n)).join(", ") : "keine Eigenschaften"}${note}`,
  });
}
