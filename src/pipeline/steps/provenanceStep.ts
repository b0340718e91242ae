import { stableJsonDigest } from "../../audit/provenance.js";
import { analysisProvenance } from "../analysisProvenance.js";
import type { InputContent } from "../analysisProvenance.js";
import { tableRows, type AnalysisContext } from "./context.js";

/**
 * The provenance of the run: the inputs passed by `runAnalysis` (the files it read), or else the tables
 * themselves as stable JSON ("tabelle:gebiete", "tabelle:strukturdaten_2018", …), with the configuration.
 * The JSON is hashed piece by piece (same hash and size as the string; neither the string nor its bytes are kept).
 */
export function provenanceStep(ctx: AnalysisContext): ReturnType<typeof analysisProvenance> {
  const { tables, cur, prev, geojson, options } = ctx;
  const inputs: InputContent[] = options.inputs
    ? [...options.inputs]
    : [
        ...(tables.gebiete ? [{ role: "Gebietsliste", path: "tabelle:gebiete", content: stableJsonDigest(tableRows(tables.gebiete)) }] : []),
        { role: `Strukturdaten ${cur}`, path: `tabelle:strukturdaten_${cur}`, content: stableJsonDigest(tableRows(tables.current)) },
        ...(tables.previous && prev !== null ? [{ role: `Strukturdaten ${prev}`, path: `tabelle:strukturdaten_${prev}`, content: stableJsonDigest(tableRows(tables.previous)) }] : []),
        ...(geojson ? [{ role: "Gebietsgrenzen", path: "tabelle:gebietsgrenzen", content: stableJsonDigest(geojson) }] : []),
        ...(tables.facilities ? [{ role: "Einrichtungen", path: "tabelle:einrichtungen", content: stableJsonDigest(tables.facilities) }] : []),
        ...(tables.observations ? [{ role: "Stadtteiltreffen", path: "tabelle:stadtteiltreffen", content: stableJsonDigest(tables.observations) }] : []),
        ...(tables.actors ? [{ role: "Akteure", path: "tabelle:akteure", content: stableJsonDigest(tables.actors) }] : []),
        ...(tables.cooperations ? [{ role: "Kooperationen", path: "tabelle:kooperationen", content: stableJsonDigest(tables.cooperations) }] : []),
      ];
  return analysisProvenance(ctx.config, inputs);
}
