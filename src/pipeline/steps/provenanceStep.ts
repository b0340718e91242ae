import { stableJsonBytes } from "../../audit/stable-stringify.js";
import { analysisProvenance } from "../analysisProvenance.js";
import type { InputContent } from "../analysisProvenance.js";
import { tableRows, type AnalysisContext } from "./context.js";

/**
 * The provenance of the run: the inputs passed by `runAnalysis` (the files it read), or else the tables
 * themselves as stable JSON ("tabelle:gebiete", "tabelle:strukturdaten_2018", …), with the configuration.
 * The JSON is passed as its UTF-8 bytes, written row by row (same hash and size as the string, less memory).
 */
export function provenanceStep(ctx: AnalysisContext): ReturnType<typeof analysisProvenance> {
  const { tables, cur, prev, geojson, options } = ctx;
  const inputs: InputContent[] = options.inputs
    ? [...options.inputs]
    : [
        ...(tables.gebiete ? [{ role: "Gebietsliste", path: "tabelle:gebiete", content: stableJsonBytes(tableRows(tables.gebiete)) }] : []),
        { role: `Strukturdaten ${cur}`, path: `tabelle:strukturdaten_${cur}`, content: stableJsonBytes(tableRows(tables.current)) },
        ...(tables.previous && prev !== null ? [{ role: `Strukturdaten ${prev}`, path: `tabelle:strukturdaten_${prev}`, content: stableJsonBytes(tableRows(tables.previous)) }] : []),
        ...(geojson ? [{ role: "Gebietsgrenzen", path: "tabelle:gebietsgrenzen", content: stableJsonBytes(geojson) }] : []),
        ...(tables.facilities ? [{ role: "Einrichtungen", path: "tabelle:einrichtungen", content: stableJsonBytes(tables.facilities) }] : []),
        ...(tables.observations ? [{ role: "Stadtteiltreffen", path: "tabelle:stadtteiltreffen", content: stableJsonBytes(tables.observations) }] : []),
        ...(tables.actors ? [{ role: "Akteure", path: "tabelle:akteure", content: stableJsonBytes(tables.actors) }] : []),
        ...(tables.cooperations ? [{ role: "Kooperationen", path: "tabelle:kooperationen", content: stableJsonBytes(tables.cooperations) }] : []),
      ];
  return analysisProvenance(ctx.config, inputs);
}
