import type { SozialraumTypesResult } from "../typology/sozialraumTypes.js";
import { classMapFigure, type MapFeatureCollection } from "./classMapFigure.js";
import type { Figure } from "./figure.js";
import { resolveClassColors } from "./palette.js";

/** Options of {@link typeMapFigure}. */
export interface TypeMapOptions {
  /** The area polygons (WGS84). */
  geojson: MapFeatureCollection;
  /** Feature property holding the area key (default "sozialraum_id"). */
  idProperty?: string;
  /** Display name per area id (default: the id). */
  names?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  /** German title (default "Sozialraumtypen"). */
  title?: string;
}

/**
 * Map of the Sozialraumtypen of `sozialraumTypes`: one colour per type from the categorical (colour-blind-safe)
 * palette, since types have no order of need; the legend reads "Typ 1: ↑ Kinderarmut, SGB-II-Quote …; ↓ Anteil
 * Ältere" (at most two indicators above and below average; the full text is in `types[].description`). Areas left out of the
 * typology are grey ("ohne Typ (ausgeschlossen)"). Built on {@link classMapFigure}.
 *
 * @example
 * const fig = typeMapFigure(sozialraumTypes(rows, { id: "sozialraum_id", columns }), { geojson });
 * fig.data.map((t) => t.name); // ["Typ 1: ↑ Kinderarmut, Alleinerziehende …", "Typ 2: durchschnittlich", …]
 */
export function typeMapFigure(result: SozialraumTypesResult, options: TypeMapOptions): Figure {
  if (!result || !Array.isArray(result.areas) || !Array.isArray(result.types)) throw new Error("typeMapFigure: result muss das Ergebnis von sozialraumTypes sein");
  // Short legend entries (at most two indicators each way), so a long description does not squeeze the map.
  const short = (names: readonly string[]): string => names.slice(0, 2).join(", ") + (names.length > 2 ? " …" : "");
  const label = (t: number): string => {
    const p = result.types.find((x) => x.type === t);
    if (!p) return `Typ ${t}`;
    const parts = [...(p.above.length > 0 ? [`↑ ${short(p.above)}`] : []), ...(p.below.length > 0 ? [`↓ ${short(p.below)}`] : [])];
    return `Typ ${t}: ${parts.length > 0 ? parts.join("; ") : "durchschnittlich"}`;
  };
  const order = result.types.map((t) => label(t.type));
  const nameOf = (id: string): string => (options.names instanceof Map ? options.names.get(id) : (options.names as Record<string, string> | undefined)?.[id]) ?? id;
  const rows = result.areas.map((a) => ({ id: a.id, name: nameOf(a.id), typ: a.type === null ? null : label(a.type) }));
  return classMapFigure(rows, {
    geojson: options.geojson,
    idProperty: options.idProperty,
    id: "id",
    label: "name",
    group: "typ",
    groupOrder: order,
    groupTitle: "Sozialraumtyp",
    colors: resolveClassColors(order, {}, false),
    missingLabel: "ohne Typ (ausgeschlossen)",
    title: options.title ?? "Sozialraumtypen",
  });
}
