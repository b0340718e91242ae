import { readFileSync } from "node:fs";
import { isTargetGroup, type TargetGroup } from "../indicators/targetGroups.js";
import { parseGermanNumber } from "../io/parseGermanNumber.js";
import { DEFAULT_MISSING_MARKERS } from "../io/missingMarkers.js";
import { csvRecords, RowErrors, type WarningSink } from "./csvRecords.js";

/** Facility types of `data/einrichtungen.csv`. */
export const KNOWN_FACILITY_TYPES = ["Kita", "Jugendzentrum", "Familienzentrum", "Seniorentreff", "Beratungsstelle"] as const;

/** A facility (Einrichtung) with its location, type, target groups and capacity. */
export interface Facility {
  id: string;
  name: string;
  type: string;
  /** Target group ids the facility serves (at least one). */
  groups: TargetGroup[];
  /** Places (Plätze) or null when not stated (e.g. a Beratungsstelle). */
  capacity: number | null;
  lon: number;
  lat: number;
}

/** Options of {@link parseFacilities} and {@link readFacilities}. */
export interface ParseFacilitiesOptions {
  /**
   * Receives reader notes, e.g. the German warning when the bytes are not UTF-8 and were read as Windows-1252
   * (default: `console.warn`).
   */
  onWarning?: WarningSink;
  /** File name used in messages (default "einrichtungen.csv"). */
  file?: string;
  /** Allowed facility types (default {@link KNOWN_FACILITY_TYPES}). */
  types?: readonly string[];
}

const COLUMNS = ["einrichtung_id", "name", "typ", "zielgruppe", "kapazitaet", "lon", "lat"] as const;

/** A coordinate: decimal comma when the text has a comma ("6,9876"), otherwise a decimal point ("6.9876"). */
function parseCoordinate(text: string): number {
  const t = text.trim();
  return t.includes(",") ? parseGermanNumber(t) : /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/**
 * Parses the facility list (`einrichtung_id;name;typ;zielgruppe;kapazitaet;lon;lat`, semicolon separated,
 * target groups separated by "|", capacity with German number format, an empty or missing-marker capacity
 * becomes null). Every problem in the file is reported at once, naming file, row, column and value.
 *
 * @example
 * parseFacilities("einrichtung_id;name;typ;zielgruppe;kapazitaet;lon;lat\nE1;Kita Am Park;Kita;children;80;7,01;51,04");
 * // [{ id: "E1", name: "Kita Am Park", type: "Kita", groups: ["children"], capacity: 80, lon: 7.01, lat: 51.04 }]
 */
export function parseFacilities(input: string | Uint8Array, options: ParseFacilitiesOptions = {}): Facility[] {
  return parse("parseFacilities", input, options);
}

/** Reads and parses a facility file (see {@link parseFacilities}); messages name the path. */
export function readFacilities(path: string, options: Omit<ParseFacilitiesOptions, "file"> = {}): Facility[] {
  return parse("readFacilities", readFileSync(path), { ...options, file: path });
}

function parse(fn: string, input: string | Uint8Array, options: ParseFacilitiesOptions): Facility[] {
  const file = options.file ?? "einrichtungen.csv";
  const types = options.types ?? KNOWN_FACILITY_TYPES;
  const errors = new RowErrors(fn, file);
  const seen = new Map<string, number>();
  const out: Facility[] = [];
  for (const { line, values: v } of csvRecords(fn, input, file, COLUMNS, options.onWarning)) {
    const id = v.einrichtung_id.trim();
    if (id === "") errors.add(line, "einrichtung_id", id, "leerer Schlüssel");
    else if (seen.has(id)) errors.add(line, "einrichtung_id", id, `doppelter Schlüssel (zuerst in Zeile ${seen.get(id)})`);
    else seen.set(id, line);
    const type = v.typ.trim();
    if (!types.includes(type)) errors.add(line, "typ", type, `unbekannter Einrichtungstyp (erwartet ${types.join(", ")})`);
    const groups = v.zielgruppe.split("|").map((g) => g.trim());
    for (const g of groups) if (!isTargetGroup(g)) errors.add(line, "zielgruppe", g, "unbekannte Zielgruppe");
    let capacity: number | null = null;
    const capText = v.kapazitaet.trim();
    if (!DEFAULT_MISSING_MARKERS.includes(capText)) {
      capacity = parseGermanNumber(capText);
      if (!Number.isFinite(capacity) || capacity < 0) errors.add(line, "kapazitaet", capText, "keine Zahl ≥ 0");
    }
    const lon = parseCoordinate(v.lon);
    const lat = parseCoordinate(v.lat);
    if (!(lon >= -180 && lon <= 180)) errors.add(line, "lon", v.lon, "keine geographische Länge");
    if (!(lat >= -90 && lat <= 90)) errors.add(line, "lat", v.lat, "keine geographische Breite");
    out.push({ id, name: v.name.trim(), type, groups: groups as TargetGroup[], capacity, lon, lat });
  }
  errors.throwIfAny();
  return out;
}

