import type { NeedRow } from "../../analysis/analysisResult.js";
import { contiguityWeights } from "../../spatial/contiguityWeights.js";
import { needSupplyAnalysis, type NeedSupplyAnalysis } from "../../supply/needSupplyAnalysis.js";
import { targetGroupPopulation } from "../../supply/targetGroupPopulation.js";
import type { Cell } from "../../table/missing.js";
import { withContext, type AnalysisContext } from "./context.js";

/**
 * Step "Bedarf und Angebot vergleichen": facilities per target group against the need, for the areas on the
 * map. Without area polygons or facilities the step is left out with a warning (null).
 */
export function supplyStep(ctx: AnalysisContext, currentRows: Record<string, Cell>[], need: NeedRow[], names: Record<string, string>): NeedSupplyAnalysis | null {
  const { config, geojson, tables, id, warnings } = ctx;
  if (config.supply !== null && geojson === null) warnings.push("Bedarf und Angebot: keine Gebietsgrenzen (GeoJSON); der Abschnitt entfällt");
  else if (config.supply !== null && !tables.facilities) warnings.push("Bedarf und Angebot: keine Einrichtungsdatei (data.einrichtungen); der Abschnitt entfällt");
  if (config.supply === null || geojson === null || !tables.facilities) return null;
  ctx.progress("Bedarf und Angebot vergleichen");
  const onMap = new Set(geojson.features.map((f) => String(f.properties?.[id])));
  const sc = config.supply;
  const inMap = currentRows.filter((r) => onMap.has(String(r[id])));
  const population = withContext("Bedarf und Angebot", () => targetGroupPopulation(inMap, { id, columns: sc.population as never }));
  // Map areas without data of the analysis year are left out of this step too (listed, not an error).
  const withData = new Set(currentRows.map((r) => String(r[id])));
  const offData = geojson.features.filter((f) => !withData.has(f.id));
  for (const f of offData) ctx.excluded.push({ id: f.id, reason: `keine Strukturdaten ${ctx.cur}: nicht in Bedarf und Angebot`, step: "supply" });
  const kept = geojson.features.filter((f) => withData.has(f.id));
  const areaGeo = offData.length ? { ...geojson, features: kept, ids: kept.map((f) => f.id) } : geojson;
  const supply = withContext("Bedarf und Angebot", () =>
    needSupplyAnalysis(
      {
        geojson: areaGeo,
        facilities: tables.facilities!,
        population,
        residents: inMap,
        need: need.filter((r) => onMap.has(r.id)),
        observations: tables.observations ?? [],
        weights: contiguityWeights(areaGeo, { kind: "queen", idProperty: id }),
        names,
      },
      { idProperty: id, facilityTypes: sc.facilityTypes, populationColumns: sc.population, supplyMeasure: sc.measure, radiusKm: sc.radiusKm, decay: sc.decay, needLevel: sc.needLevel, needThreshold: config.thresholds.flag ?? 1 },
    ),
  );
  for (const e of supply.excludedFacilities) ctx.excluded.push({ ...e, step: "supply" });
  warnings.push(...supply.warnings.map((w) => `Bedarf und Angebot: ${w}`));
  return supply;
}
