import type { AreaFeatureCollection } from "../io/geoJsonTypes.js";
import { choroplethFigure } from "./choropleth.js";
import type { Figure } from "./figure.js";
import { resolveClassColors } from "./palette.js";
import { orderGroups } from "./rankingBarFigure.js";
import { cellText, requireColumn, type PlotRow } from "./rows.js";
import type { TableLike } from "../table/tableLike.js";
import { plotRows } from "./plotRows.js";

/** @deprecated the same type as io's `AreaFeatureCollection`. The maps' input: io's GeoJSON type (raw `JSON.parse` output or the checked `AreaGeometries` of `readGeometry`). */
export type MapFeatureCollection = AreaFeatureCollection;

/** Options of {@link classMapFigure}. */
export interface ClassMapOptions {
  /** The area polygons (WGS84). */
  geojson: MapFeatureCollection;
  /** Feature property holding the area key (default "sozialraum_id"). */
  idProperty?: string;
  /** Column with the area key in `rows` (default "id"). */
  id?: string;
  /** Column with the display name (default: the id). */
  label?: string;
  /** Column with the class of each area. */
  group: string;
  /** Classes from least to most need (default: order of first appearance). */
  groupOrder?: string[];
  /** German name of the class in hover text and legend (default "Klasse"; e.g. "Statusklasse"). */
  groupTitle?: string;
  /** Colour per class (default: blue → red ramp along `groupOrder`). */
  colors?: Record<string, string>;
  /** Legend entry for areas on the map without a class (default "ohne Klasse (ausgeschlossen)"). */
  missingLabel?: string;
  /** German title (default "Klassen der Sozialräume"). */
  title?: string;
}

/**
 * Map of the areas coloured by class: the categorical {@link choroplethFigure} (one plotly `choropleth` trace per
 * class, each with only its own features, `featureidkey: "properties.<idProperty>"`) with class colours along
 * the ordered blue → red ramp, so a class has the same colour as in the ranking bars. Areas of the map without a
 * row or without a class are drawn grey under `missingLabel`. No base map:
 * `layout.geo = { fitbounds: "locations", visible: false }`, so nothing is fetched (see `src/render`).
 *
 * @example
 * const fig = classMapFigure(rows, { geojson, id: "id", group: "klasse", groupOrder: ["niedrig", "mittel", "hoch"] });
 * fig.data.map((t) => t.name); // ["niedrig", "mittel", "hoch"]
 */
export function classMapFigure(table: TableLike | readonly PlotRow[], options: ClassMapOptions): Figure {
  const rows = plotRows(table);
  const fn = "classMapFigure";
  const idKey = options.id ?? "id";
  const idProperty = options.idProperty ?? "sozialraum_id";
  requireColumn(fn, rows, idKey);
  requireColumn(fn, rows, options.group);
  if (options.label) requireColumn(fn, rows, options.label);
  if (!options.geojson || options.geojson.type !== "FeatureCollection" || !Array.isArray(options.geojson.features)) {
    throw new Error(`${fn}: geojson muss eine GeoJSON-FeatureCollection sein, angegeben ist type ${JSON.stringify(options.geojson?.type)}`);
  }

  options.geojson.features.forEach((f, i) => {
    const key = f.properties?.[idProperty];
    if (key === undefined || key === null || key === "") throw new Error(`${fn}: Feature ${i + 1} hat keine Eigenschaft "${idProperty}"`);
  });
  // Colours along the full class order (also classes absent here), so a class has the same colour in every figure.
  const present = rows.map((r) => cellText(r, options.group)).filter((g) => g !== "");
  const domain = orderGroups([...(options.groupOrder ?? []), ...present]);
  return choroplethFigure(options.geojson, rows, {
    idProperty,
    id: idKey,
    value: options.group,
    kind: "categorical",
    categories: domain,
    colors: resolveClassColors(domain, options.colors ?? {}),
    title: options.title ?? "Klassen der Sozialräume",
    label: options.groupTitle ?? "Klasse",
    ...(options.label ? { name: options.label } : {}),
    missingLabel: options.missingLabel ?? "ohne Klasse (ausgeschlossen)",
  });
}

