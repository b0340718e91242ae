import type { AreaTable } from "../table/areaTable.js";
import { DataError, quoteValue, type DataProblem } from "../table/dataError.js";
import { parseCoordinateCell } from "./networkFields.js";
import { cellText, readNetworkTable, requireColumns } from "./networkTable.js";

/** Kinds of local actors (`art` in akteure.csv) known by default. */
export const ACTOR_KINDS = [
  "Schule",
  "Verein",
  "Kirchengemeinde",
  "Moscheegemeinde",
  "Quartiersmanagement",
  "Wohnungsbaugesellschaft",
  "Initiative",
  "Polizei",
  "Jobcenter",
] as const;

/** A local actor (Akteur) of the cooperation network: anyone who is not a facility of einrichtungen.csv. */
export interface Actor {
  id: string;
  name: string;
  /** Kind, e.g. "Schule", "Verein" (see {@link ACTOR_KINDS}). */
  kind: string;
  /** The Sozialraum the actor works in. */
  areaId: string;
  /** Location (optional; the network figure places actors without one at their area's centroid). */
  lon: number | null;
  lat: number | null;
  /** Where the row came from (for messages). */
  file: string;
  row: number;
}

/** Options of {@link readActors} and {@link parseActors}. */
export interface ActorOptions {
  /** Allowed kinds (default {@link ACTOR_KINDS}). */
  kinds?: readonly string[];
  /** Known Sozialraum ids: an actor in another area is an error (default: not checked). */
  areaIds?: readonly string[];
}

const COLUMNS = ["akteur_id", "name", "art", "sozialraum_id"] as const;

/**
 * Reads the local actors of the cooperation network, `akteure.csv`:
 * `akteur_id;name;art;sozialraum_id` plus optional `lon;lat` (degrees, decimal comma). Every problem is reported
 * at once in one German DataError naming file, row, column and value: empty or duplicate ids, unknown kinds,
 * unknown Sozialräume (with `areaIds`), bad coordinates.
 *
 * @example
 * const actors = readActors("data/akteure.csv", { areaIds: gebiete.map((g) => g.sozialraum_id) });
 * actors[0]; // { id: "A001", name: "Grundschule Wiesdorf-Mitte", kind: "Schule", areaId: "010101", lon: 7.0, … }
 */
export function readActors(path: string, options: ActorOptions = {}): Actor[] {
  return parseActors(readNetworkTable("readActors", path, COLUMNS), options, "readActors");
}

/** Parses actors from a table already read (e.g. by `readCsv` or `readXlsx`); see {@link readActors}. */
export function parseActors(table: AreaTable, options: ActorOptions = {}, fn = "parseActors"): Actor[] {
  requireColumns(fn, table, COLUMNS);
  const kinds = options.kinds ?? ACTOR_KINDS;
  const areas = options.areaIds ? new Set(options.areaIds) : null;
  const problems: DataProblem[] = [];
  const seen = new Map<string, number>();
  const out: Actor[] = table.rows.map((r, i) => {
    const row = table.rowNumbers[i];
    const bad = (column: string, value: string, message: string): void => {
      problems.push({ file: table.file, row, column, value, message: `${message}: ${quoteValue(value)}` });
    };
    const id = cellText(r, "akteur_id");
    if (id === "") bad("akteur_id", id, "leere Kennung");
    else if (seen.has(id)) bad("akteur_id", id, `Kennung doppelt (zuerst in Zeile ${seen.get(id)})`);
    else seen.set(id, row);
    const kind = cellText(r, "art");
    if (!kinds.includes(kind)) bad("art", kind, `unbekannte Art (erlaubt: ${kinds.join(", ")})`);
    const areaId = cellText(r, "sozialraum_id");
    if (areaId === "") bad("sozialraum_id", areaId, "leerer Sozialraum");
    else if (areas && !areas.has(areaId)) bad("sozialraum_id", areaId, "unbekannter Sozialraum");
    let badCoordinate = false;
    const coord = (column: "lon" | "lat", lo: number, hi: number): number | null => {
      const v = parseCoordinateCell(cellText(r, column));
      if (v !== null && (typeof v === "object" || v < lo || v > hi)) {
        bad(column, cellText(r, column), column === "lon" ? "kein Längengrad" : "kein Breitengrad");
        badCoordinate = true;
        return null;
      }
      return v;
    };
    let lon = coord("lon", -180, 180);
    let lat = coord("lat", -90, 90);
    if (!badCoordinate && (lon === null) !== (lat === null)) bad(lon === null ? "lon" : "lat", "", "nur eine der beiden Koordinaten angegeben");
    if (lon === null || lat === null) lon = lat = null;
    return { id, name: cellText(r, "name") || id, kind, areaId, lon, lat, file: table.file, row };
  });
  if (problems.length > 0) throw new DataError(fn, problems);
  return out;
}
