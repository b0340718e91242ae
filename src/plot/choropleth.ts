import type { AreaFeatureCollection } from "../io/geoJsonTypes.js";
import type { Figure } from "./figure.js";
import { baseConfig, baseLayout } from "./layout.js";
import { CATEGORICAL_COLORS, MISSING_COLOR } from "./palette.js";
import { DEFAULT_MISSING_MARKERS } from "../io/missingMarkers.js";
import { isMissing } from "../table/missing.js";
import { formatGermanNumber } from "../io/formatGermanNumber.js";
import { cellNumber, cellText, FIGURE_NUMBER, requireColumn, type PlotRow } from "./rows.js";
import type { TableLike } from "../table/tableLike.js";
import { plotRows } from "./plotRows.js";

/** @deprecated the same type as io's `AreaFeatureCollection`. The map's input: io's GeoJSON type (raw `JSON.parse` output or the checked `AreaGeometries` of `readGeometry`). */
export type ChoroplethFeatureCollection = AreaFeatureCollection;

/** Options of {@link choroplethFigure}. */
export interface ChoroplethOptions {
  /** Feature property with the area id. */
  idProperty: string;
  /** Column of `rows` with the area id. */
  id: string;
  /** Column of `rows` to map: an indicator (numbers), a class (text) or a LISA cluster. */
  value: string;
  /**
   * "continuous" (colour scale), "categorical" (one colour per class) or "lisa" (HH red, LL blue, HL pink,
   * LH light blue, nicht signifikant grey). Default: "lisa" if every value is a LISA label, "categorical" for
   * other text, else "continuous".
   */
  kind?: "continuous" | "categorical" | "lisa";
  /** German title (default: the value column). */
  title?: string;
  /** Legend or colour-bar title (default: the value column). */
  label?: string;
  /** Column with a display name for the hover text (default: the id). */
  name?: string;
  /** Order of the classes (categorical; default: order of first appearance). */
  categories?: readonly string[];
  /** Colour per class (categorical and lisa; overrides the defaults). */
  colors?: Readonly<Record<string, string>>;
  /**
   * Plotly colour scale for continuous values (default ColorBrewer YlOrRd: light yellow = low, dark red = high;
   * with `center` ColorBrewer RdBu: blue below, near-white at, red above the centre).
   */
  colorscale?: string | Array<[number, string]>;
  /**
   * Colour by log2 of the value (continuous; for ratios such as location quotients, so that 0,5 and 2 lie
   * equally far from 1). The colour bar is labelled in the values themselves; values ≤ 0 get the lowest colour.
   */
  scale?: "linear" | "log2";
  /**
   * Centre of a diverging colour scale (continuous), in the units of the values (e.g. 1 for location quotients):
   * the scale is symmetric around it, so equal distances (on the log scale with `scale: "log2"`) get equally
   * strong colours.
   */
  center?: number;
  /** Reverse the colour scale (e.g. when high values are favourable). */
  reversescale?: boolean;
  /** Legend entry for areas without a value (default "keine Daten"). */
  missingLabel?: string;
  /** Decimals in the hover text (default 2). */
  decimals?: number;
}

/** ColorBrewer YlOrRd (5 classes) as a continuous scale, low → high (plotly's named "YlOrRd" runs the other way). */
const YL_OR_RD: Array<[number, string]> = [
  [0, "#ffffb2"],
  [0.25, "#fecc5c"],
  [0.5, "#fd8d3c"],
  [0.75, "#f03b20"],
  [1, "#bd0026"],
];

/** ColorBrewer RdBu (9 classes), blue → near-white → red: the default diverging scale (with `center`). */
const RD_BU: Array<[number, string]> = ["#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b"].map(
  (c, i, all) => [i / (all.length - 1), c],
);

/**
 * The conventional LISA cluster colours (GeoDa): HH red, LL blue, HL pink, LH light blue, nicht signifikant light
 * grey, ohne Nachbarn (islands, GeoDa's "Neighborless") a darker grey.
 */
export const LISA_COLORS: Readonly<Record<string, string>> = {
  HH: "#e31a1c",
  LL: "#1f4e9e",
  HL: "#f4a6a6",
  LH: "#a6bddb",
  "nicht signifikant": "#eeeeee",
  "ohne Nachbarn": "#bdbdbd",
};

/**
 * Areas without a value on a LISA map: pale sand with a dark grey outline, clearly apart from the light grey
 * "nicht signifikant" (plotly's choropleth has no hatching, and its legend shows the fill only, so white would
 * leave the legend entry blank).
 */
export const LISA_MISSING_STYLE: Readonly<{ color: string; line: string }> = { color: "#f3e3b5", line: "#525252" };

/** A map's legend: horizontal rows below the map, starting at the left edge. */
const MAP_LEGEND = { orientation: "h", x: 0, xanchor: "left", y: 0, yanchor: "top" } as const;

/** German legend labels of the LISA clusters (map and Moran scatter plot). */
export const LISA_LABELS: Readonly<Record<string, string>> = {
  HH: "Hoch–Hoch (Cluster hoher Werte)",
  LL: "Niedrig–Niedrig (Cluster niedriger Werte)",
  HL: "Hoch–Niedrig (hoher Wert, niedrige Nachbarn)",
  LH: "Niedrig–Hoch (niedriger Wert, hohe Nachbarn)",
  "nicht signifikant": "nicht signifikant",
  "ohne Nachbarn": "ohne Nachbarn",
};

/**
 * Choropleth map of one column on the area geometries: a plotly `choropleth` trace with the areas' own
 * GeoJSON (`geojson`, `featureidkey: "properties.<idProperty>"`, `locations`), no base map
 * (`layout.geo = { fitbounds: "locations", visible: false }`). Continuous values get a colour bar, classes and
 * LISA clusters one trace per class (legend; each trace carries only its own features, so the GeoJSON is not
 * repeated). Areas of the map without a row or value are drawn grey as "keine Daten"; rows without a feature
 * are named in a note under the map. Labels German, numbers with decimal comma.
 *
 * Offline: plotly.js still asks for its world topojson (`world_110m.json` from the CDN) for every geo subplot,
 * even with `visible: false` (the trace's `locationmode` is set). It does not when `window.PlotlyGeoAssets`
 * already holds that topology — the report renderer (`src/render`, `offlineGeoAssetsScript`) installs empty
 * topologies before plotly loads, so these maps render without network.
 *
 * @example
 * const fig = choroplethFigure(geojson, lisaRows, { idProperty: "sozialraum_id", id: "id", value: "cluster" });
 * fig.data.map((t) => t.name); // ["Hoch–Hoch (Cluster hoher Werte)", …, "nicht signifikant"]
 */
export function choroplethFigure(
  geojson: ChoroplethFeatureCollection,
  table: TableLike | readonly PlotRow[],
  options: ChoroplethOptions,
): Figure {
  const rows = plotRows(table);
  const fn = "choroplethFigure";
  if (!geojson || geojson.type !== "FeatureCollection" || !Array.isArray(geojson.features)) {
    throw new Error(`${fn}: geojson muss eine GeoJSON-FeatureCollection sein, angegeben ist type ${JSON.stringify(geojson?.type)}`);
  }
  for (const key of ["idProperty", "id", "value"] as const) {
    if (typeof options?.[key] !== "string") throw new Error(`${fn}: die Option ${key} ist erforderlich`);
  }
  requireColumn(fn, rows, options.id);
  requireColumn(fn, rows, options.value);
  if (options.name) requireColumn(fn, rows, options.name);
  const { idProperty } = options;
  const label = options.label ?? options.value;
  const missingLabel = options.missingLabel ?? "keine Daten";
  const decimals = options.decimals ?? 2;

  const byId = new Map<string, PlotRow>();
  for (const row of rows) byId.set(cellText(row, options.id), row);
  const features = geojson.features.map((f, i) => {
    const key = f.properties?.[idProperty];
    if (key === undefined || key === null || key === "") throw new Error(`${fn}: Feature ${i + 1} hat keine Eigenschaft "${idProperty}"`);
    return { id: String(key), feature: f };
  });
  const mapped = new Set(features.map((f) => f.id));
  const unmapped = [...byId.keys()].filter((id) => !mapped.has(id));
  const nameOf = (id: string) => {
    const row = byId.get(id);
    return row && options.name ? cellText(row, options.name) || id : id;
  };
  const cells = features.map((f) => byId.get(f.id)?.[options.value]);
  const present = cells.filter((v) => !isNoValue(v));
  const kind = options.kind ?? inferKind(present);

  const traceBase = (members: typeof features) => ({
    type: "choropleth",
    geojson: { type: "FeatureCollection", features: members.map((m) => m.feature) },
    featureidkey: `properties.${idProperty}`,
    locations: members.map((m) => m.id),
    marker: { line: { color: "#ffffff", width: 0.8 } },
    customdata: members.map((m) => nameOf(m.id)),
  });
  const flat = (color: string, name: string, members: typeof features, line?: string) => ({
    ...traceBase(members),
    ...(line ? { marker: { line: { color: line, width: 1.2 } } } : {}),
    name,
    z: members.map(() => 1),
    zmin: 0,
    zmax: 1,
    colorscale: [[0, color], [1, color]],
    showscale: false,
    showlegend: true,
    hovertemplate: `%{customdata} (%{location})<extra>${plain(name)}</extra>`,
  });

  const data: Array<Record<string, unknown>> = [];
  let missing: typeof features;
  if (kind === "continuous") {
    const valued = features.filter((f) => cellNumber(byId.get(f.id) ?? {}, options.value) !== null);
    missing = features.filter((f) => cellNumber(byId.get(f.id) ?? {}, options.value) === null);
    const values = valued.map((f) => cellNumber(byId.get(f.id) as PlotRow, options.value) as number);
    if (valued.length > 0) {
      const { z, range, ticks } = colorValues(fn, values, options.scale ?? "linear", options.center);
      data.push({
        ...traceBase(valued),
        name: label,
        z,
        ...(range ? { zmin: range[0], zmax: range[1], zauto: false } : {}),
        text: values.map((v) => formatGermanNumber(v, { ...FIGURE_NUMBER, decimals })),
        colorscale: options.colorscale ?? (options.center !== undefined ? RD_BU : YL_OR_RD),
        reversescale: options.reversescale ?? false,
        // Long titles are broken into lines: one long line widens the colour bar and squeezes the map.
        colorbar: { title: { text: wrapLabel(plain(label)) }, thickness: 14, len: 0.8, separatethousands: true, ...(ticks ? { tickmode: "array", tickvals: ticks.values, ticktext: ticks.text } : {}) },
        showlegend: false,
        hovertemplate: `%{customdata} (%{location})<br>${plain(label)}: %{text}<extra></extra>`,
      });
    }
  } else {
    const classOf = (id: string) => {
      const row = byId.get(id);
      return row && !isNoValue(row[options.value]) ? cellText(row, options.value) : "";
    };
    missing = features.filter((f) => classOf(f.id) === "");
    const seen = [...new Set(features.map((f) => classOf(f.id)).filter((c) => c !== ""))];
    let order: string[];
    if (kind === "lisa") {
      const unknown = seen.filter((c) => !(c in LISA_LABELS));
      if (unknown.length > 0) throw new Error(`${fn}: Spalte "${options.value}": "${unknown[0]}" ist keine LISA-Klasse (HH, LL, HL, LH, nicht signifikant, ohne Nachbarn)`);
      order = Object.keys(LISA_LABELS).filter((c) => seen.includes(c));
    } else {
      const given = options.categories ? [...options.categories] : [];
      order = [...given.filter((c) => seen.includes(c)), ...seen.filter((c) => !given.includes(c))];
    }
    order.forEach((c, k) => {
      const color = options.colors?.[c] ?? (kind === "lisa" ? LISA_COLORS[c] : CATEGORICAL_COLORS[k % CATEGORICAL_COLORS.length]);
      const name = kind === "lisa" ? LISA_LABELS[c] : c;
      data.push(flat(color, name, features.filter((f) => classOf(f.id) === c)));
    });
  }
  if (missing.length > 0) {
    data.push(kind === "lisa" ? flat(LISA_MISSING_STYLE.color, missingLabel, missing, LISA_MISSING_STYLE.line) : flat(MISSING_COLOR, missingLabel, missing));
  }

  const layout: Record<string, unknown> = {
    ...baseLayout(options.title ?? options.value, 560),
    geo: { fitbounds: "locations", visible: false, projection: { type: "mercator" } },
    // The legend goes below the map in rows (plotly reserves its height): on the right it would take half the
    // width of a map that stands two or three in a row. Classes: the legend title on its own row (beside the entries plotly wraps them too late and cuts the last).
    legend: kind === "continuous" ? { ...MAP_LEGEND } : { ...MAP_LEGEND, title: { text: label, side: "top left" } },
    margin: { l: 6, r: 6, t: 50, b: unmapped.length > 0 ? 40 : 10 },
  };
  if (unmapped.length > 0) {
    const shown = unmapped.slice(0, 8).join(", ") + (unmapped.length > 8 ? ", …" : "");
    layout.annotations = [
      {
        text: `${unmapped.length} Gebiet(e) ohne Geometrie nicht dargestellt: ${plain(shown)}`,
        showarrow: false,
        xref: "paper",
        yref: "paper",
        x: 0,
        y: 0,
        yanchor: "top",
        font: { size: 10, color: "#555555" },
      },
    ];
  }
  return { data, layout, config: baseConfig() };
}

/**
 * The colour values of a continuous map: the values themselves or their log2, and with a centre the symmetric
 * range around it; with log2 the colour-bar ticks in the values' own units (powers of 2, or 0,5 … 2 for a narrow
 * range).
 */
function colorValues(
  fn: string,
  values: number[],
  scale: "linear" | "log2",
  center: number | undefined,
): { z: number[]; range: [number, number] | null; ticks: { values: number[]; text: string[] } | null } {
  if (scale !== "linear" && scale !== "log2") throw new Error(`${fn}: scale muss "linear" oder "log2" sein, angegeben ist ${JSON.stringify(scale)}`);
  if (center !== undefined && !(Number.isFinite(center) && (scale === "linear" || center > 0))) {
    throw new Error(`${fn}: center muss eine ${scale === "log2" ? "positive" : "endliche"} Zahl sein, angegeben ist ${center}`);
  }
  const f = scale === "log2" ? Math.log2 : (v: number) => v;
  const raw = values.map((v) => (scale === "log2" && !(v > 0) ? -Infinity : f(v)));
  const finite = raw.filter((v) => Number.isFinite(v));
  const mid = center === undefined ? null : f(center);
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  if (mid !== null) {
    const m = Math.max(Math.abs(lo - mid), Math.abs(hi - mid)) || 1;
    [lo, hi] = [mid - m, mid + m];
  }
  // Values ≤ 0 on a log scale (a group absent from an area) take the lowest colour.
  const z = raw.map((v) => (v === -Infinity ? lo : v));
  const range: [number, number] | null = mid !== null || scale === "log2" ? [lo, hi] : null;
  if (scale === "linear") return { z, range, ticks: null };
  const span = Math.max(Math.abs(lo), Math.abs(hi));
  const candidates = span >= 1 ? Array.from({ length: 13 }, (_, k) => 2 ** (k - 6)) : [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2];
  const shown = candidates.filter((t) => Math.log2(t) >= lo - 1e-9 && Math.log2(t) <= hi + 1e-9);
  return { z, range, ticks: { values: shown.map((t) => Math.log2(t)), text: shown.map((t) => formatGermanNumber(t)) } };
}

/** Breaks a colour-bar title into lines of about `width` characters at spaces (plotly line breaks: <br>). */
function wrapLabel(text: string, width = 18): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines.join("<br>");
}

/** Empty cells, missing markers ("." "-" "NA" … as in `src/io`) and NaN carry no value. */
function isNoValue(v: unknown): boolean {
  if (v === null || v === undefined || isMissing(v)) return true;
  if (typeof v === "number") return Number.isNaN(v);
  return typeof v === "string" && DEFAULT_MISSING_MARKERS.includes(v.trim());
}

function inferKind(values: unknown[]): "continuous" | "categorical" | "lisa" {
  if (values.length > 0 && values.every((v) => typeof v === "string" && v in LISA_LABELS)) return "lisa";
  if (values.some((v) => typeof v === "string" && cellNumber({ v }, "v") === null)) return "categorical";
  return "continuous";
}

/** Braces would start a plotly template expression; labels are plain text. */
function plain(s: string): string {
  return s.replace(/[{}]/g, "");
}
