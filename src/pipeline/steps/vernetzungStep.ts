import type { VernetzungAnalysis } from "../../analysis/analysisResult.js";
import type { ConspicuousnessResult } from "../../classify/conspicuousness.js";
import type { AreaFeatureCollection } from "../../io/geoJsonTypes.js";
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
      ? withContext("Vernetzung", () => assignPointsToAreas(facilities, geojson as unknown as AreaFeatureCollection, { idProperty: id }))
      : facilities.map(() => null);
  const network = withContext("Vernetzung", () =>
    cooperationNetwork({
      areas,
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
