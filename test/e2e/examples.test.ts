import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, it } from "vitest";
import type { AnalysisConfig } from "../../src/analysis/analysisConfig.js";
import { readCsv } from "../../src/io/readCsv.js";
import { loadAnalysisConfig } from "../../src/pipeline/resolveAnalysisConfig.js";
import { runSourcesAnalysis } from "../../src/pipeline/runSourcesAnalysis.js";
import { describeShared, sharedPath } from "../helpers/shared-data.js";

/** The shipped example configurations, with the slow optional steps off (they are tested elsewhere). */
const example = (name: string, extra: Partial<AnalysisConfig> = {}): AnalysisConfig => ({
  ...loadAnalysisConfig(resolve("examples", name, "sozialraum.json")),
  report: { date: "2026-01-01" },
  sensitivity: false,
  ...extra,
});

const hasOgr = (() => {
  try {
    execFileSync("ogr2ogr", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describeShared("examples: a city's own data in the main job", () => {
  it("Berlin MSS 2021: status class, dynamic class and group equal the publisher's for all 536 valid areas", async () => {
    const result = await runSourcesAnalysis(example("berlin-mss-2021"));
    // Reference: the publisher's own table (Senatsverwaltung, MSS 2021, mss_2021_indizes.csv: SI_V, DI_V, SDI, KOM).
    const pub = readCsv(sharedPath("berlin-mss-2021", "mss_2021_indizes.csv"), { id: "PLR_ID" }).rows;
    const valid = pub.filter((r) => r.KOM === "gültig");
    expect(valid).toHaveLength(536);
    const ours = new Map(result.ranking.map((r) => [r.sozialraum_id, r]));
    let agree = 0;
    for (const p of valid) {
      const o = ours.get(String(p.PLR_ID));
      if (o && o.status_klasse === p.SI_V && o.dynamik_klasse === p.DI_V && o.gruppe === p.SDI) agree++;
    }
    expect(agree).toBe(536);
    expect(result.ranking.filter((r) => r.rang !== null)).toHaveLength(536);
    // The 6 invalid areas are listed as excluded with the publisher's reason.
    const invalid = pub.filter((r) => r.KOM !== "gültig");
    expect(invalid).toHaveLength(6);
    for (const p of invalid) {
      const e = result.excluded.find((x) => x.id === String(p.PLR_ID) && x.step === "sources");
      expect(e?.reason).toContain(String(p.KOM));
    }
    expect(result.warnings.join("\n")).toMatch(/keine Konfidenzintervalle/);
  });

  it("Flensburg 2022: runs from the published fl_*.csv files (2021, 2022) with the map keyed STGT01…", async () => {
    const result = await runSourcesAnalysis(example("flensburg-2022", { mix: false }));
    expect(result.ranking).toHaveLength(13);
    expect(result.ranking.map((r) => r.sozialraum_id).sort()).toEqual(Array.from({ length: 13 }, (_, i) => `STGT${String(i + 1).padStart(2, "0")}`));
    expect(result.dynamicIndex).not.toBeNull();
    expect(result.neighbourhood?.weights.ids).toHaveLength(13);
    const read = result.inputs.map((i) => i.path.split(/[\\/]/).pop());
    for (const f of read) expect(f).toMatch(/^fl_.*\.csv$|^flensburg_stadtteile\.geojson$/);
    expect(result.inputs.every((i) => /^[0-9a-f]{64}$/.test(i.sha256))).toBe(true);
  });

  it("Hamburg 2014: ranks the 99 Stadtteile only; without a map the map steps are left out with a note", async () => {
    const result = await runSourcesAnalysis(example("hamburg-2014", { mix: false }));
    expect(result.ranking).toHaveLength(99);
    const ids = new Set(result.ranking.map((r) => r.sozialraum_id));
    for (const aggregate of ["Hamburg", "Hamburg-Mitte", "Altona", "Hamburg-Nord"]) expect(ids.has(aggregate)).toBe(false);
    // The 8 rows of the Bezirke and the city (spreadsheet rows 104–111) are listed, not lost; Wandsbek, Harburg,
    // Bergedorf and Eimsbüttel are Bezirk and Stadtteil: the Stadtteil stays in the ranking.
    const rows = result.excluded.filter((e) => e.step === "sources").map((e) => Number(/Zeile (\d+)/.exec(e.reason)?.[1]));
    expect(rows.sort()).toEqual([104, 105, 106, 107, 108, 109, 110, 111]);
    for (const both of ["Wandsbek", "Harburg", "Bergedorf", "Eimsbüttel"]) expect(ids.has(both)).toBe(true);
    expect(result.neighbourhood).toBeNull();
    expect(result.warnings.join("\n")).toMatch(/Nachbarschaft: keine Gebietsgrenzen/);
  });

  it.runIf(hasOgr)("the same map as GeoJSON (EPSG:4326) and as Shapefile in EPSG:25832/25833/3035 gives the same neighbourhood results", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sozialraum-map-"));
    const geojson = sharedPath("flensburg-sozialatlas-2022", "flensburg_stadtteile.geojson");
    const run = (data: AnalysisConfig["data"]) => runSourcesAnalysis(example("flensburg-2022", { mix: false, dynamicIndex: false, permutations: 99, data }));
    const base = await run({ geojson, mapId: "AREA_ID" });
    for (const epsg of ["25832", "25833", "3035"]) {
      const shp = join(dir, `fl_${epsg}.shp`);
      execFileSync("ogr2ogr", ["-t_srs", `EPSG:${epsg}`, "-f", "ESRI Shapefile", shp, geojson], { stdio: "ignore" });
      const other = await run({ geojson: shp, mapId: "AREA_ID" });
      expect(other.neighbourhood?.weights.neighbors).toEqual(base.neighbourhood?.weights.neighbors);
      expect(other.neighbourhood?.morans.map((m) => m.moran.statistic)).toEqual(base.neighbourhood?.morans.map((m) => m.moran.statistic));
      expect(other.neighbourhood?.lisa.map((l) => l.cluster)).toEqual(base.neighbourhood?.lisa.map((l) => l.cluster));
    }
  });

  it("a map without the table's keys is a German error naming the keys; a partial map goes on and lists the areas off the map", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sozialraum-map-"));
    const fc = JSON.parse(readFileSync(sharedPath("flensburg-sozialatlas-2022", "flensburg_stadtteile.geojson"), "utf8"));
    const renamed = { ...fc, features: fc.features.map((f: { properties: Record<string, unknown> }) => ({ ...f, properties: { ...f.properties, AREA_ID: String(f.properties.AREA_ID).replace("STGT", "") } })) };
    writeFileSync(join(dir, "numbers.geojson"), JSON.stringify(renamed));
    await expect(runSourcesAnalysis(example("flensburg-2022", { mix: false, data: { geojson: join(dir, "numbers.geojson"), mapId: "AREA_ID" } }))).rejects.toThrow(/kein Schlüssel der Karte.*passt/s);
    const partial = { ...fc, features: fc.features.filter((f: { properties: Record<string, unknown> }) => f.properties.AREA_ID !== "STGT05") };
    writeFileSync(join(dir, "partial.geojson"), JSON.stringify(partial));
    const result = await runSourcesAnalysis(example("flensburg-2022", { mix: false, data: { geojson: join(dir, "partial.geojson"), mapId: "AREA_ID" } }));
    expect(result.ranking).toHaveLength(13);
    expect(result.excluded.find((e) => e.id === "STGT05" && e.step === "map")?.reason).toMatch(/nicht in der Karte/);
    expect(result.warnings.join("\n")).toMatch(/STGT05/);
  });
});
