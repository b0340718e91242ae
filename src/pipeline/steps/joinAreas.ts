import type { AreaInfo } from "../../analysis/analysisResult.js";
import type { Cell } from "../../table/missing.js";
import type { AnalysisContext, AnalysisTables } from "./context.js";

/** Result of {@link joinAreas}: the area list by key, and a join of one year's rows with it. */
export interface JoinedAreas {
  info: Map<string, AreaInfo>;
  /** The rows of `year` whose key is in the area list (all rows without one); the others go to `excluded`. */
  joinRows(rows: AnalysisTables["current"], year: number): Record<string, Cell>[];
}

/**
 * Step "join": reads the area list (`gebiete`) and joins each year's structural data with it. Rows not in the
 * list and areas without data are listed in `excluded` (step "join").
 */
export function joinAreas(ctx: AnalysisContext): JoinedAreas {
  const fn = "analyseTables";
  const { tables, id, excluded } = ctx;
  const info = new Map<string, AreaInfo>();
  // A city's own hierarchy (sources.areas.hierarchy): the first level is shown as Stadtteil, the last as Bezirk.
  const levels = tables.hierarchyLevels && tables.hierarchyLevels.length > 0 ? tables.hierarchyLevels : tables.hierarchyLevels ? [] : null;
  if (tables.gebiete) {
    tables.gebiete.forEach((g, i) => {
      const key = g[id];
      if (typeof key !== "string" || key === "") throw new Error(`${fn}: row ${i} of gebiete has no area key in column "${id}"`);
      if (info.has(key)) throw new Error(`${fn}: area "${key}" appears twice in gebiete`);
      info.set(key, levels ? fromLevels(g, key, levels) : {
        id: key,
        name: text(g.sozialraum_name, key),
        stadtteilId: text(g.stadtteil_id, ""),
        stadtteil: text(g.stadtteil_name, ""),
        stadtbezirkId: text(g.stadtbezirk_id, ""),
        stadtbezirk: text(g.stadtbezirk_name, ""),
      });
    });
  }
  const joinRows = (rows: AnalysisTables["current"], year: number) => {
    const kept: Record<string, Cell>[] = [];
    const seen = new Set<string>();
    rows.forEach((r) => {
      const key = r[id];
      if (tables.gebiete && (typeof key !== "string" || !info.has(key))) {
        excluded.push({ id: String(key), reason: `${ctx.yearPrefix(year)}nicht in der Gebietsliste (gebiete.csv)`, step: "join" });
        return;
      }
      if (typeof key === "string") seen.add(key);
      kept.push(r as Record<string, Cell>);
    });
    if (tables.gebiete) {
      for (const key of info.keys()) {
        if (!seen.has(key)) excluded.push({ id: key, reason: `keine Strukturdaten ${year}`, step: "join" });
      }
    }
    return kept;
  };
  return { info, joinRows };
}

function text(v: unknown, dflt: string): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : dflt;
}

function fromLevels(g: Readonly<Record<string, unknown>>, key: string, levels: readonly string[]): AreaInfo {
  const first = levels.length > 0 ? text(g[levels[0]], "") : "";
  const last = levels.length > 1 ? text(g[levels[levels.length - 1]], "") : "";
  return { id: key, name: text(g.sozialraum_name, key), stadtteilId: first, stadtteil: first, stadtbezirkId: last, stadtbezirk: last };
}
