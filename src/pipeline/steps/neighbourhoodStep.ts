import type { CompositeIndexResult } from "../../classify/compositeIndex.js";
import { neighbourhoodAnalysis, type NeighbourhoodAnalysis } from "../../spatial/neighbourhoodAnalysis.js";
import { withContext, type AnalysisContext } from "./context.js";
import type { IndicatorsPart } from "./indicatorsStep.js";
import type { StandardizePart } from "./standardizeStep.js";

/**
 * Step "Nachbarschaft: Moran's I und LISA-Cluster berechnen" for the status index and the configured indicators.
 * Without area polygons the step is left out with a warning (null).
 */
export function neighbourhoodStep(ctx: AnalysisContext, ind: IndicatorsPart, std: StandardizePart, statusIndex: CompositeIndexResult): NeighbourhoodAnalysis | null {
  const { config, geojson, id } = ctx;
  if (config.neighbourhood !== null && geojson === null) ctx.warnings.push("Nachbarschaft: keine Gebietsgrenzen (GeoJSON); der Abschnitt entfällt");
  if (config.neighbourhood === null || geojson === null) return null;
  ctx.progress("Nachbarschaft: Moran's I und LISA-Cluster berechnen");
  const nc = config.neighbourhood;
  const byId = new Map(ind.current.indicators.map((d) => [d.id, d]));
  const statusValues = new Map(statusIndex.areas.map((a) => [a.id, a.index]));
  const column = (indicator: string) => new Map(std.values.map((r) => [String(r[id]), r[indicator]]));
  const neighbourhood = withContext("Nachbarschaft", () =>
    neighbourhoodAnalysis(
      geojson,
      [
        { id: "status_index", label: "Status-Index", values: statusValues },
        ...nc.indicators.map((d) => ({ id: d, label: byId.get(d)!.label, values: column(d) })),
      ],
      { idProperty: id, contiguity: nc.contiguity, permutations: config.permutations, seed: config.seed, alpha: nc.alpha, fdr: nc.fdr },
    ),
  );
  ctx.warnings.push(...neighbourhood.warnings.map((w) => `Nachbarschaft: ${w}`));
  return neighbourhood;
}
