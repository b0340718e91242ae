import type { AreaInfo } from "../../analysis/analysisResult.js";
import type { AreaTable } from "../../table/areaTable.js";
import { areaTableFromRows } from "../../table/areaTableFromRows.js";
import { checkAreaTable } from "../../table/checkAreaTable.js";
import { joinAreaTables } from "../../table/joinAreaTables.js";
import type { Cell } from "../../table/missing.js";
import { tableKind } from "../../table/tableLike.js";
import { tableRows, type AnalysisContext, type TableInput } from "./context.js";

/** Result of {@link joinAreas}: the area list by key, and a join of one year's table with it. */
export interface JoinedAreas {
  info: Map<string, AreaInfo>;
  /** The rows of `year` whose key is in the area list (all rows without one); the others go to `excluded`. */
  joinRows(table: TableInput, year: number): Record<string, Cell>[];
}

/**
 * Step "join": checks the area list (`gebiete`) with `checkAreaTable` and joins each year's structural data with it
 * by `joinAreaTables`, as a user would in a notebook: a missing or repeated key is a `DataError` naming the file,
 * the spreadsheet row (header = row 1), the column and the key. Rows not in the list and areas without data are
 * listed in `excluded` (step "join"). Plain rows are wrapped with `areaTableFromRows` (tables "gebiete",
 * "strukturdaten_<year>"); without an area list the rows are used as they are (an `AreaTable`'s keys are checked).
 */
export function joinAreas(ctx: AnalysisContext): JoinedAreas {
  const { tables, id, excluded } = ctx;
  const info = new Map<string, AreaInfo>();
  // A city's own hierarchy (sources.areas.hierarchy): the first level is shown as Stadtteil, the last as Bezirk.
  const levels = tables.hierarchyLevels && tables.hierarchyLevels.length > 0 ? tables.hierarchyLevels : tables.hierarchyLevels ? [] : null;
  const gebiete = tables.gebiete ? asAreaTable(tables.gebiete, id, "gebiete") : null;
  if (gebiete) {
    checkAreaTable(gebiete, { id });
    for (const g of gebiete.rows) {
      const key = String(g[id]);
      info.set(key, levels ? fromLevels(g, key, levels) : {
        id: key,
        name: text(g.sozialraum_name, key),
        stadtteilId: text(g.stadtteil_id, ""),
        stadtteil: text(g.stadtteil_name, ""),
        stadtbezirkId: text(g.stadtbezirk_id, ""),
        stadtbezirk: text(g.stadtbezirk_name, ""),
      });
    }
  }
  const joinRows = (input: TableInput, year: number): Record<string, Cell>[] => {
    if (!gebiete) {
      if (!isAreaTable(input)) return tableRows(input) as Record<string, Cell>[];
      checkAreaTable(input, { id });
      return input.rows;
    }
    const joined = joinAreaTables(asAreaTable(input, id, `strukturdaten_${year}`), gebiete, { id, rightId: id, columns: [] });
    // joinAreaTables lists the areas of the structural data first (its left table), then those of the area list;
    // the pipeline keeps its own reasons (the report and the workbook list them).
    for (const e of joined.excluded) {
      const reason = info.has(e.id) ? `keine Strukturdaten ${year}` : `${ctx.yearPrefix(year)}nicht in der Gebietsliste (gebiete.csv)`;
      excluded.push({ id: e.id, reason, step: "join" });
    }
    return joined.table.rows;
  };
  return { info, joinRows };
}

function isAreaTable(t: TableInput): t is AreaTable {
  return tableKind(t) === "areaTable";
}

/** The table itself, or plain rows wrapped as an `AreaTable` named `file` for messages. */
function asAreaTable(t: TableInput, id: string, file: string): AreaTable {
  return isAreaTable(t) ? t : areaTableFromRows(tableRows(t), { id, file });
}

function text(v: unknown, dflt: string): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : dflt;
}

function fromLevels(g: Readonly<Record<string, unknown>>, key: string, levels: readonly string[]): AreaInfo {
  const first = levels.length > 0 ? text(g[levels[0]], "") : "";
  const last = levels.length > 1 ? text(g[levels[levels.length - 1]], "") : "";
  return { id: key, name: text(g.sozialraum_name, key), stadtteilId: first, stadtteil: first, stadtbezirkId: last, stadtbezirk: last };
}
