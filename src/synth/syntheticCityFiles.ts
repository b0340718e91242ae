import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FACILITY_TYPES } from "./facilities.js";
import { generateSyntheticCity, type SyntheticCity } from "./generateSyntheticCity.js";
import { germanCsv } from "./germanCsv.js";
import { STRUKTURDATEN_COLUMNS } from "./strukturdaten.js";
import { syntheticCityReadme } from "./syntheticCityReadme.js";

/** File names of the embedded city in data/, in the order they are written. */
export const SYNTHETIC_CITY_FILES = [
  "gebiete.csv",
  "strukturdaten_2014.csv",
  "strukturdaten_2016.csv",
  "strukturdaten_2018.csv",
  "strukturdaten_2020.csv",
  "sozialraeume.geojson",
  "einrichtungen.csv",
  "stadtteiltreffen.csv",
  "akteure.csv",
  "kooperationen.csv",
  "README.md",
] as const;

/**
 * The text of every file of the embedded city (see {@link SYNTHETIC_CITY_FILES}), exactly as written to data/.
 * Pure: the same city gives the same bytes.
 *
 * @example
 * const files = syntheticCityFiles(generateSyntheticCity());
 * files["gebiete.csv"].split("\n")[0]; // "sozialraum_id;sozialraum_name;stadtteil_id;…"
 */
export function syntheticCityFiles(city: SyntheticCity): Record<(typeof SYNTHETIC_CITY_FILES)[number], string> {
  const gebieteColumns = ["sozialraum_id", "sozialraum_name", "stadtteil_id", "stadtteil_name", "stadtbezirk_id", "stadtbezirk_name"];
  const facilityColumns = ["einrichtung_id", "name", "typ", "zielgruppe", "kapazitaet", "lon", "lat"];
  const observationColumns = ["datum", "sozialraum_id", "zielgruppe", "quelle", "text", "tags", "bedarf"];
  // One feature per line: small diffs when the generator changes, still valid JSON.
  const geojson =
    `{"type":"FeatureCollection","features":[\n` +
    city.geojson.features.map((f) => JSON.stringify(f)).join(",\n") +
    `\n]}\n`;
  if (!city.einrichtungen.every((f) => FACILITY_TYPES.includes(f.typ))) throw new Error(`syntheticCityFiles: unbekannter Einrichtungstyp "${city.einrichtungen.find((f) => !FACILITY_TYPES.includes(f.typ))?.typ}"`);
  return {
    "gebiete.csv": germanCsv(gebieteColumns, city.gebiete as unknown as Array<Record<string, unknown>>),
    "strukturdaten_2014.csv": germanCsv(STRUKTURDATEN_COLUMNS, city.strukturdaten[2014]),
    "strukturdaten_2016.csv": germanCsv(STRUKTURDATEN_COLUMNS, city.strukturdaten[2016]),
    "strukturdaten_2018.csv": germanCsv(STRUKTURDATEN_COLUMNS, city.strukturdaten[2018]),
    "strukturdaten_2020.csv": germanCsv(STRUKTURDATEN_COLUMNS, city.strukturdaten[2020]),
    "sozialraeume.geojson": geojson,
    "einrichtungen.csv": germanCsv(facilityColumns, city.einrichtungen as unknown as Array<Record<string, unknown>>),
    "stadtteiltreffen.csv": germanCsv(observationColumns, city.stadtteiltreffen as unknown as Array<Record<string, unknown>>),
    "akteure.csv": germanCsv(["akteur_id", "name", "art", "sozialraum_id", "lon", "lat"], city.akteure as unknown as Array<Record<string, unknown>>),
    "kooperationen.csv": germanCsv(["kooperation_id", "akteur_a", "akteur_b", "thema", "seit", "aktiv"], city.kooperationen as unknown as Array<Record<string, unknown>>),
    "README.md": syntheticCityReadme(city),
  };
}

/**
 * Generates the embedded city and writes its files into `dir` (created if needed). Returns the paths written.
 * `npm run generate-data` calls this for data/ with the default seed.
 */
export function writeSyntheticCity(options: { dir: string; seed?: number }): string[] {
  const files = syntheticCityFiles(generateSyntheticCity({ seed: options.seed }));
  mkdirSync(options.dir, { recursive: true });
  return SYNTHETIC_CITY_FILES.map((name) => {
    const path = join(options.dir, name);
    writeFileSync(path, files[name]);
    return path;
  });
}
