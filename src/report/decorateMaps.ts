import type { AnalysisResult } from "../analysis/analysisResult.js";
import { isMapFigure, withMapOverlays, type MapOutlineLayer } from "../plot/mapOverlays.js";
import { dissolveOutlines } from "../spatial/dissolveOutlines.js";
import { featureCentroid, featureIds } from "../spatial/geometry.js";
import type { ReportSection } from "./section.js";
import type { Figure } from "../plot/figure.js";

/**
 * Every map of the report with its orientation: the area labels (short key, see {@link shortAreaKeys}) at the
 * areas' centroids and the Stadtteil (thin) and Bezirk (thick) boundaries, dissolved from the area polygons by
 * the ranking's `stadtteil_name` / `stadtbezirk_name` (`dissolveOutlines`). Figures that are no maps stay as they
 * are; maps get the report's map height ({@link reportMapHeight}: 480 px, 440 px three in a row). Without geometry the sections are returned unchanged.
 *
 * @example
 * const sections = decorateMaps(result, [classMapSection(result)]);
 */
export function decorateMaps(result: AnalysisResult, sections: readonly ReportSection[]): ReportSection[] {
  const geojson = result.geojson;
  if (!geojson) return [...sections];
  const idProperty = result.parameters.id;
  const ids = featureIds("decorateMaps", geojson, idProperty);
  const keys = shortAreaKeys(ids);
  const labels = geojson.features.flatMap((f, i) => {
    const c = featureCentroid("decorateMaps", f, ids[i]);
    return c ? [{ lon: c[0], lat: c[1], text: keys[i] }] : [];
  });
  const outline = (column: "stadtteil_name" | "stadtbezirk_name", name: string, width: number, color: string): MapOutlineLayer => {
    const parentOf = Object.fromEntries(result.ranking.map((r) => [r.sozialraum_id, r[column] || null]));
    const lines = dissolveOutlines(geojson, { idProperty, parentOf }).outlines.flatMap((o) => o.lines);
    return { name, lines, width, color };
  };
  const outlines = [outline("stadtteil_name", "Stadtteilgrenzen", 1.2, "#444444"), outline("stadtbezirk_name", "Bezirksgrenzen", 2.6, "#111111")];
  return sections.map((s) =>
    s.figures?.some((f) => isMapFigure(f.figure))
      ? { ...s, figures: s.figures.map((f) => (isMapFigure(f.figure) ? { ...f, figure: reportMap(withMapOverlays(f.figure, { outlines, labels }), s.figures?.length ?? 1) } : f)) }
      : s,
  );
}

/**
 * Height of a map in the report: the maps stand two (about 640 px wide) or, in sections with three or more
 * figures, three in a row (about 420 px wide); the height fits the city at that width plus its legend rows below.
 */
function reportMapHeight(figuresInSection: number): number {
  return figuresInSection >= 3 ? 440 : 480;
}

function reportMap(figure: Figure, figuresInSection: number): Figure {
  return { ...figure, layout: { ...figure.layout, height: reportMapHeight(figuresInSection) } };
}

/**
 * Short labels for area ids: the ids without the prefix all of them share (at least 2 characters kept), so
 * "010101", "010102", "020301" become "10101", "10102", "20301" and "S01", "S02" stay.
 *
 * @example
 * shortAreaKeys(["010101", "010102"]); // ["01", "02"]
 */
export function shortAreaKeys(ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  let prefix = ids[0].length;
  for (const id of ids) {
    let k = 0;
    while (k < prefix && k < id.length && id[k] === ids[0][k]) k++;
    prefix = k;
  }
  return ids.map((id) => id.slice(Math.max(0, Math.min(prefix, id.length - 2))));
}
