import type { CompositeIndexResult } from "../../classify/compositeIndex.js";
import { neighbourhoodAnalysis, type NeighbourhoodAnalysis } from "../../spatial/neighbourhoodAnalysis.js";
import { targetGroupLabel } from "../../analysis/germanLabels.js";
import { withContext, type AnalysisContext } from "./context.js";
import type { IndicatorsPart } from "./indicatorsStep.js";
import type { StandardizePart } from "./standardizeStep.js";

/**
 * Step "Nachbarschaft: Moran's I und LISA-Cluster berechnen" for the status index and the configured indicators.
 * Without area polygons the step is left out with a warning (null).
 */
export function neighbourhoodStep(
  ctx: AnalysisContext,
  ind: IndicatorsPart,
  std: StandardizePart,
  statusIndex: CompositeIndexResult,
  needIndex: Readonly<Record<string, CompositeIndexResult>> = {},
): NeighbourhoodAnalysis | null {
  const { config, geojson, id } = ctx;
  if (config.neighbourhood !== null && geojson === null) ctx.warnings.push("Nachbarschaft: keine Gebietsgrenzen (GeoJSON); der Abschnitt entfällt");
  if (config.neighbourhood === null || geojson === null) return null;
  ctx.progress("Nachbarschaft: Moran's I und LISA-Cluster berechnen");
  const nc = config.neighbourhood;
  const byId = new Map(ind.current.indicators.map((d) => [d.id, d]));
  const statusValues = new Map(statusIndex.areas.map((a) => [a.id, a.index]));
  const column = (indicator: string) => new Map(std.values.map((r) => [String(r[id]), r[indicator]]));
  // The need index of each target group (option neighbourhood.needIndex): where is need clustered?
  const needs = nc.needIndex
    ? Object.entries(needIndex)
        .filter(([, r]) => r.areas.filter((a) => a.index !== null && Number.isFinite(a.index)).length >= 4)
        .map(([g, r]) => ({ id: `need_index_${g}`, label: `Bedarfsindex ${targetGroupLabel(g)}`, values: new Map(r.areas.map((a) => [a.id, a.index])) }))
    : [];
  const neighbourhood = withContext("Nachbarschaft", () =>
    neighbourhoodAnalysis(
      geojson,
      [
        { id: "status_index", label: "Status-Index", values: statusValues },
        ...needs,
        ...nc.indicators.map((d) => ({ id: d, label: byId.get(d)!.label, values: column(d) })),
      ],
      { idProperty: id, contiguity: nc.contiguity, permutations: config.permutations, seed: config.seed, alpha: nc.alpha, fdr: nc.fdr, lisaFor: needs.map((v) => v.id) },
    ),
  );
  ctx.warnings.push(...neighbourhood.warnings.map((w) => `Nachbarschaft: ${w}`));
  return neighbourhood;
}
