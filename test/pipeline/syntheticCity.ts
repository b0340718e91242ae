/**
 * A small synthetic city for tests and the pipeline benchmark, independent of the embedded `data/`: a grid of
 * `cols × rows` square Sozialräume whose social situation worsens from east to west (latent deprivation
 * d ∈ [0, 1] plus seeded noise). Counts are consistent: einwohner = Σ age bands, every numerator ≤ its base.
 * Area "0101" (top left) is tiny (below 300 residents) and one cell is suppressed (".") so that exclusions occur.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createRng } from "../../src/inference/random.js";

export const STRUCTURE_COLUMNS = [
  "sozialraum_id", "einwohner", "ew_0_5", "ew_6_14", "ew_15_17", "ew_18_24", "ew_25_64", "ew_65_plus", "haushalte",
  "hh_mit_kindern", "hh_alleinerziehend", "sgb2_personen", "sgb2_elb_15_64", "sgb2_unter_15", "arbeitslose",
  "arbeitslose_sgb2", "arbeitslose_sgb3", "arbeitslose_15_24", "grundsicherung_65_plus", "migrationshintergrund",
] as const;

export type StructureRow = Record<string, number | string>;

/** Area key of grid cell (row r, column c), 1-based, e.g. "0203" (+ a prefix for large grids). */
export function cellId(r: number, c: number, width = 2): string {
  return String(r).padStart(width, "0") + String(c).padStart(width, "0");
}

/**
 * Structural data rows of the grid for one year (`shift` worsens everything a little, for the dynamic index).
 * Plain numbers; suppression is applied by {@link writeSyntheticCity}.
 */
export function syntheticStructureRows(options: { cols: number; rows: number; seed: number; shift?: number; idWidth?: number }): StructureRow[] {
  const rng = createRng(options.seed);
  const out: StructureRow[] = [];
  const shift = options.shift ?? 0;
  const width = options.idWidth ?? 2;
  const int = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
  const share = (n: number, p: number) => Math.max(0, Math.min(n, Math.round(n * Math.max(0, Math.min(1, p)))));
  for (let r = 1; r <= options.rows; r++) {
    for (let c = 1; c <= options.cols; c++) {
      const d = Math.max(0, Math.min(1, (1 - (c - 1) / Math.max(1, options.cols - 1)) * 0.75 + rng.next() * 0.25 + shift * (c % 2)));
      const tiny = r === 1 && c === 1;
      const k = tiny ? 0.08 : 1;
      const ew05 = Math.round(int(120, 320) * k);
      const ew614 = Math.round(int(180, 450) * k);
      const ew1517 = Math.round(int(60, 160) * k);
      const ew1824 = Math.round(int(150, 400) * k);
      const ew2564 = Math.round(int(1200, 2600) * k);
      const ew65 = Math.round(int(300, 900) * k);
      const einwohner = ew05 + ew614 + ew1517 + ew1824 + ew2564 + ew65;
      const haushalte = Math.round(einwohner / (1.8 + rng.next() * 0.4));
      const hhKinder = share(haushalte, 0.15 + 0.1 * rng.next());
      const hhAllein = share(hhKinder, 0.08 + 0.25 * d);
      const u15 = ew05 + ew614;
      const age1564 = ew1517 + ew1824 + ew2564;
      const sgb2u15 = share(u15, 0.03 + 0.4 * d);
      const elb = share(age1564, 0.02 + 0.2 * d);
      const sgb2 = Math.min(einwohner, sgb2u15 + elb + share(ew65, 0.01));
      const alo = share(age1564, 0.02 + 0.1 * d);
      const aloSgb2 = share(alo, 0.5 + 0.3 * d);
      const alo1524 = Math.min(alo, share(ew1517 + ew1824, 0.01 + 0.08 * d));
      const gs65 = share(ew65, 0.01 + 0.12 * d);
      out.push({
        sozialraum_id: cellId(r, c, width), einwohner, ew_0_5: ew05, ew_6_14: ew614, ew_15_17: ew1517, ew_18_24: ew1824,
        ew_25_64: ew2564, ew_65_plus: ew65, haushalte, hh_mit_kindern: hhKinder, hh_alleinerziehend: hhAllein,
        sgb2_personen: sgb2, sgb2_elb_15_64: elb, sgb2_unter_15: sgb2u15, arbeitslose: alo, arbeitslose_sgb2: aloSgb2,
        arbeitslose_sgb3: alo - aloSgb2, arbeitslose_15_24: alo1524, grundsicherung_65_plus: gs65,
        migrationshintergrund: share(einwohner, 0.1 + 0.4 * d),
      });
    }
  }
  return out;
}

/**
 * Facilities of the grid city (`einrichtungen.csv` format, decimal comma): a Kita in every other cell with more
 * places in the east (a planted supply gap in the deprived west), a Seniorentreff in every third column, two
 * Beratungsstellen for the working-age group, and one facility outside the city (must be reported, not dropped).
 */
export function syntheticFacilitiesCsv(cols: number, rows: number): string {
  const lines = ["einrichtung_id;name;typ;zielgruppe;kapazitaet;lon;lat"];
  const de = (x: number) => x.toFixed(4).replace(".", ",");
  const centre = (r: number, c: number) => [6.95 + (c - 1) * 0.02 + 0.01, 51.1 - r * 0.015 + 0.0075];
  let k = 0;
  const add = (name: string, typ: string, groups: string, capacity: number, [lon, lat]: number[]) =>
    lines.push(`E${String(++k).padStart(3, "0")};${name};${typ};${groups};${capacity};${de(lon)};${de(lat)}`);
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= cols; c++) {
      if ((r + c) % 2 === 0) add(`Kita ${r}/${c}`, "Kita", "children", 40 + 20 * c, centre(r, c));
      if (c % 3 === 0) add(`Seniorentreff ${r}/${c}`, "Seniorentreff", "elderly", 30 + 5 * r, centre(r, c));
    }
  }
  add("Beratung West", "Beratungsstelle", "working-age|context", 120, centre(2, 1));
  add("Beratung Ost", "Beratungsstelle", "working-age", 150, centre(3, cols));
  add("Kita außerhalb", "Kita", "children", 50, [7.5, 51.5]);
  return lines.join("\n") + "\n";
}

/** Observations from district meetings of the grid city (`stadtteiltreffen.csv` format). */
export function syntheticObservationsCsv(): string {
  return [
    "datum;sozialraum_id;zielgruppe;quelle;text;tags;bedarf",
    "2018-03-01;0201;children;Kita-Leitung;Wartelisten für Kita-Plätze, viele Familien ohne Platz.;Kita|Wartelisten;hoch",
    "2018-04-12;0305;children;Elternbeirat;Kinder finden nachmittags keinen Treffpunkt.;Jugend|Freizeit;mittel",
    "2018-05-20;0403;elderly;Seniorenbeirat;Ältere sind einsam, der nächste Treff ist weit.;Einsamkeit|Treffpunkt;hoch",
    "2018-06-02;0206;working-age;Jobcenter;Keine besonderen Auffälligkeiten.;Arbeit;niedrig",
  ].join("\n") + "\n";
}

/** Writes the grid city in the `data/` formats (gebiete, strukturdaten 2016 + 2018, GeoJSON, facilities, observations) into `dir`. */
export function writeSyntheticCity(dir: string, options: { cols?: number; rows?: number; seed?: number } = {}): { dir: string; ids: string[] } {
  const cols = options.cols ?? 6;
  const rows = options.rows ?? 5;
  const seed = options.seed ?? 7;
  mkdirSync(dir, { recursive: true });
  const gebiete = ["sozialraum_id;sozialraum_name;stadtteil_id;stadtteil_name;stadtbezirk_id;stadtbezirk_name"];
  const features: unknown[] = [];
  const ids: string[] = [];
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= cols; c++) {
      const id = cellId(r, c);
      ids.push(id);
      const bezirk = c <= cols / 2 ? "01" : "02";
      gebiete.push(`${id};Gitter ${r}/${c};${bezirk}${String(r).padStart(2, "0")};Stadtteil ${r}${bezirk === "01" ? "W" : "O"};${bezirk};Stadtbezirk ${bezirk === "01" ? "West" : "Ost"}`);
      // Rounded so that neighbouring squares share their corner coordinates exactly (contiguity weights).
      const round = (v: number) => Number(v.toFixed(6));
      const x0 = round(6.95 + (c - 1) * 0.02);
      const y0 = round(51.1 - r * 0.015);
      const x1 = round(6.95 + c * 0.02);
      const y1 = round(51.1 - (r - 1) * 0.015);
      features.push({
        type: "Feature",
        properties: { sozialraum_id: id, sozialraum_name: `Gitter ${r}/${c}` },
        geometry: { type: "Polygon", coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
      });
    }
  }
  writeFileSync(join(dir, "gebiete.csv"), gebiete.join("\n") + "\n");
  for (const [year, s, shift] of [[2016, seed, 0], [2018, seed + 1, 0.1]] as const) {
    const data = syntheticStructureRows({ cols, rows, seed: s, shift });
    const lines = [STRUCTURE_COLUMNS.join(";")];
    data.forEach((row, i) => {
      // One suppressed cell in a tiny area's neighbour: area index 1 ("0102"), column grundsicherung_65_plus.
      lines.push(STRUCTURE_COLUMNS.map((col) => (i === 1 && col === "grundsicherung_65_plus" ? "." : String(row[col]))).join(";"));
    });
    writeFileSync(join(dir, `strukturdaten_${year}.csv`), lines.join("\n") + "\n");
  }
  writeFileSync(join(dir, "sozialraeume.geojson"), JSON.stringify({ type: "FeatureCollection", features }));
  writeFileSync(join(dir, "einrichtungen.csv"), syntheticFacilitiesCsv(cols, rows));
  writeFileSync(join(dir, "stadtteiltreffen.csv"), syntheticObservationsCsv());
  return { dir, ids };
}
