/**
 * plotly.js draws geo subplots on top of a world base map that it downloads as topojson from its CDN
 * (`config.topojsonURL`, default "https://cdn.plot.ly/un/"), named `<scope>_<resolution>m`, e.g. "world_110m".
 * It looks the name up in `window.PlotlyGeoAssets.topojson` first and fetches only when absent
 * (plotly.js 4 `src/plots/geo/geo.js`, `Geo.prototype.plot`). A choropleth with its own GeoJSON still asks for the
 * base map (`trace.locationmode` is set, so `needsTopojson` is true) even with `geo.visible: false`.
 *
 * So, before plotly loads, we register an empty topology for every scope × resolution: no request is made, and
 * base layers (if a figure switches them on) are empty instead of failing — a report never depends on the
 * network. The objects are empty GeometryCollections, which topojson-client turns into empty FeatureCollections.
 */
const SCOPES = ["world", "usa", "europe", "asia", "africa", "north america", "south america", "antarctica", "oceania"];
const RESOLUTIONS = [110, 50];
const LAYERS = ["ocean", "land", "lakes", "subunits", "countries", "coastlines", "rivers"];

/** The `PlotlyGeoAssets` object with an empty topology per base map name plotly may ask for. */
export function offlineGeoAssets(): { topojson: Record<string, unknown> } {
  const emptyTopology = {
    type: "Topology",
    arcs: [],
    objects: Object.fromEntries(LAYERS.map((l) => [l, { type: "GeometryCollection", geometries: [] }])),
  };
  const topojson: Record<string, unknown> = {};
  for (const s of SCOPES) for (const r of RESOLUTIONS) topojson[`${s.replace(/ /g, "-")}_${r}m`] = emptyTopology;
  return { topojson };
}

/**
 * JavaScript that installs {@link offlineGeoAssets} as `window.PlotlyGeoAssets` (keeping entries that are
 * already there). Must run before the plotly bundle.
 */
export function offlineGeoAssetsScript(): string {
  // One shared empty topology object, assigned under every name (keeps the script small).
  const names = Object.keys(offlineGeoAssets().topojson);
  const empty = offlineGeoAssets().topojson[names[0]];
  return (
    "(function(){var a=window.PlotlyGeoAssets=window.PlotlyGeoAssets||{};a.topojson=a.topojson||{};" +
    `var e=${JSON.stringify(empty)};var n=${JSON.stringify(names)};` +
    "for(var i=0;i<n.length;i++){if(a.topojson[n[i]]===undefined)a.topojson[n[i]]=e;}})();"
  );
}
