import { stableStringify } from "../../audit/stable-stringify.js";
import { analysisProvenance } from "../analysisProvenance.js";
import type { InputContent } from "../analysisProvenance.js";
import type { AnalysisContext } from "./context.js";

/**
 * The provenance of the run: the inputs passed by `runAnalysis` (the files it read), or else the tables
 * themselves as stable JSON ("tabelle:gebiete", "tabelle:strukturdaten_2018", …), with the configuration.
 */
export function provenanceStep(ctx: AnalysisContext): ReturnType<typeof analysisProvenance> {
  const { tables, cur, prev, geojson, options } = ctx;
  const inputs: InputContent[] = options.inputs
    ? [...options.inputs]
    : [
        ...(tables.gebiete ? [{ role: "Gebietsliste", path: "tabelle:gebiete", content: stableStringify(tables.gebiete) }] : []),
        { role: `Strukturdaten ${cur}`, path: `tabelle:strukturdaten_${cur}`, content: stableStringify(tables.current) },
        ...(tables.previous && prev !== null ? [{ role: `Strukturdaten ${prev}`, path: `tabelle:strukturdaten_${prev}`, content: stableStringify(tables.previous) }] : []),
        ...(geojson ? [{ role: "Gebietsgrenzen", path: "tabelle:gebietsgrenzen", content: stableStringify(geojson) }] : []),
        ...(tables.facilities ? [{ role: "Einrichtungen", path: "tabelle:einrichtungen", content: stableStringify(tables.facilities) }] : []),
        ...(tables.observations ? [{ role: "Stadtteiltreffen", path: "tabelle:stadtteiltreffen", content: stableStringify(tables.observations) }] : []),
        ...(tables.actors ? [{ role: "Akteure", path: "tabelle:akteure", content: stableStringify(tables.actors) }] : []),
        ...(tables.cooperations ? [{ role: "Kooperationen", path: "tabelle:kooperationen", content: stableStringify(tables.cooperations) }] : []),
      ];
  return analysisProvenance(ctx.config, inputs);
}
