import type { VernetzungAnalysis } from "../../analysis/analysisResult.js";
import type { ConspicuousnessResult } from "../../classify/conspicuousness.js";
import { conspicuousPoorlyNetworked } from "../../network/conspicuousPoorlyNetworked.js";
import { cooperationNetwork } from "../../network/cooperationNetwork.js";
import { assignPointsToAreas } from "../../supply/assignPointsToAreas.js";
import { withContext, type AnalysisContext } from "./context.js";

/**
 * Step "Vernetzung: Kooperationsnetz je Sozialraum": facilities (placed in their Sozialraum by point in polygon)
 * and local actors with their cooperations (`cooperationNetwork`), and the areas auffällig in at least one target
 * group that are hardly networked (`conspicuousPoorlyNetworked`). Without the actor or cooperation file the step
 * is left out with a German note (null); without area polygons facilities count as outside every Sozialraum.
 */
export function vernetzungStep(ctx: AnalysisContext, areas: ReadonlyArray<{ id: string; name: string }>, con: ConspicuousnessResult): VernetzungAnalysis | null {
  const { config, tables, geojson, id } = ctx;
  if (config.vernetzung === null) return null;
  if (!tables.actors || !tables.cooperations) {
    const missing = [!tables.actors ? "Akteure (data.akteure)" : null, !tables.cooperations ? "Kooperationen (data.kooperationen)" : null].filter(Boolean);
    ctx.warnings.push(`Vernetzung: keine Datei für ${missing.join(" und ")}; der Abschnitt entfällt`);
    return null;
  }
  ctx.progress("Vernetzung: Kooperationsnetz je Sozialraum");
  const facilities = tables.facilities ?? [];
  const placed =
    geojson && facilities.length > 0
      ? withContext("Vernetzung", () => assignPointsToAreas(facilities, geojson, { idProperty: id }))
      : facilities.map(() => null);
  // Areas of the area list that are not analysed (e.g. no row for the analysis year) keep their actors in the
  // network: they appear after the analysed ones, with a note, instead of stopping the step.
  const analysed = new Set(areas.map((a) => a.id));
  const unanalysed = [...new Set(tables.actors.map((a) => a.areaId))].filter((a) => !analysed.has(a)).sort();
  if (unanalysed.length > 0) {
    ctx.warnings.push(`Vernetzung: ${unanalysed.length} Sozialräume mit Akteuren sind nicht analysiert (${unanalysed.join(", ")}); ihre Akteure zählen im Netz mit, eine Bewertung fehlt`);
  }
  const networkAreas = [...areas, ...unanalysed.map((a) => ({ id: a, name: a }))];
  const network = withContext("Vernetzung", () =>
    cooperationNetwork({
      areas: networkAreas,
      facilities: facilities.map((f, i) => ({ id: f.id, name: f.name, type: f.type, areaId: placed[i], lon: f.lon, lat: f.lat })),
      actors: tables.actors!,
      cooperations: tables.cooperations!,
    }),
  );
  const known = new Set(areas.map((a) => a.id));
  const conspicuous = con.areas.flatMap((a) =>
    known.has(a.id) ? a.groups.filter((g) => g.verdict === "auffällig" || g.verdict === "stark auffällig").map((g) => ({ id: a.id, group: g.targetGroup })) : [],
  );
  const poorly = withContext("Vernetzung", () => conspicuousPoorlyNetworked(network, conspicuous, config.vernetzung!));
  ctx.warnings.push(...network.notes.map((n) => `Vernetzung: ${n}`));
  return { name: "vernetzungAnalysis", network, poorly };
}
