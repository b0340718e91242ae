import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { AnalysisConfig } from "../../src/analysis/analysisConfig.js";
import { loadAnalysisConfig, resolveAnalysisConfig } from "../../src/pipeline/resolveAnalysisConfig.js";
import { runAnalysis } from "../../src/pipeline/runAnalysis.js";
import { runSourcesAnalysis, sourcesAreaTable } from "../../src/pipeline/runSourcesAnalysis.js";
import { loadSources } from "../../src/sources/loadSources.js";
import { analysisParameters } from "../../src/report/analysisParameters.js";

/** A small city of 8 areas in two files; `cell` replaces the unemployed count of area "05". */
function city(cell = "40"): string {
  const dir = mkdtempSync(join(tmpdir(), "sozialraum-sources-"));
  const ids = ["01", "02", "03", "04", "05", "06", "07", "08"];
  writeFileSync(join(dir, "gebiete.csv"), "nr;name;bezirk\n" + ids.map((k, i) => `${k};Gebiet ${i + 1};${i < 4 ? "Nord" : "Süd"}`).join("\n") + "\n");
  const rows = ids.map((k, i) => `${k};${1000 + 100 * i};${k === "05" ? cell : 20 + 7 * i};${600 + 50 * i};${12.5 + i}`);
  writeFileSync(join(dir, "daten.csv"), "nr;ew;alo;ew_15_64;quote\n" + rows.join("\n") + "\n");
  const config: AnalysisConfig = {
    years: { current: 2024, previous: null },
    minimumPopulation: 300,
    sources: {
      areas: { table: "gebiete", name: "name", population: "einwohner", hierarchy: { bezirk: "bezirk" } },
      tables: [
        { name: "gebiete", file: "gebiete.csv", key: "nr" },
        { file: "daten.csv", key: "nr", year: 2024, columns: { ew: { name: "einwohner", kind: "count" }, alo: { name: "arbeitslose", kind: "count" }, ew_15_64: { name: "ew_15_64", kind: "count" }, quote: { name: "sgb2_quote", kind: "share" } } },
      ],
      shares: [{ id: "transferbezug", label: "Transferbezug", targetGroup: "working-age", column: "sgb2_quote", unit: "%", base: "einwohner", minimumBase: 1100 }],
    },
    indicators: [
      { id: "arbeitslosigkeit", label: "Arbeitslosigkeit", targetGroup: "working-age", numerator: ["arbeitslose"], denominator: ["ew_15_64"], unit: "%", direction: 1, source: "Testdaten" },
    ],
    statusIndex: { indicators: ["arbeitslosigkeit", "transferbezug"] },
    sensitivity: false,
    mix: false,
    report: { date: "2026-01-01" },
  };
  writeFileSync(join(dir, "sozialraum.json"), JSON.stringify(config));
  return dir;
}

describe("runSourcesAnalysis: a city's own tables in the main job", () => {
  it("reads the tables relative to the configuration file and uses shares as published (rate = value / 100, no interval)", async () => {
    const dir = city();
    const result = await runSourcesAnalysis(loadAnalysisConfig(join(dir, "sozialraum.json")));
    expect(result.ranking).toHaveLength(8);
    const a1 = result.indicators.current.areas.find((a) => a.id === "01")!;
    // Hand calculation: the share is taken as published; 12.5 % → rate 0.125, no Wilson limits.
    expect(a1.values.transferbezug).toMatchObject({ value: 12.5, rate: 0.125, lower: null, upper: null });
    // Area 01 has 1000 residents, below the share's minimumBase 1100: not usable, listed with its reason.
    expect(a1.values.transferbezug.usable).toBe(false);
    expect(result.excluded.find((e) => e.id === "01" && e.column === "transferbezug")?.reason).toMatch(/Bezugsgröße unter 1\.100 \(1\.000\)/);
    // Arbeitslosigkeit 20 / 600 = 3.333… % (a count indicator keeps its Wilson interval).
    expect(a1.values.arbeitslosigkeit.value).toBeCloseTo((20 / 600) * 100, 10);
    expect(a1.values.arbeitslosigkeit.lower).not.toBeNull();
    // Names and the hierarchy come from the area list.
    expect(result.areas.find((a) => a.id === "05")).toMatchObject({ name: "Gebiet 5", stadtteil: "Süd" });
    // Every source file is in the provenance with its SHA-256.
    expect(result.inputs.map((i) => i.path.split(/[\\/]/).pop())).toEqual(["gebiete.csv", "daten.csv"]);
    // The parameter table names the tables read and their key column, not the defaults gebiete.csv / sozialraum_id.
    const params = Object.fromEntries(analysisParameters(result).map((q) => [q.label, q.value]));
    expect(params["Tabellen (eigene Daten)"]).toEqual(["gebiete.csv", "daten.csv"]);
    expect(params["Schlüsselspalte"]).toBe("nr");
    expect(params["Gebietsliste"]).toBeUndefined();
  });

  it("ends in the table layer's AreaTable: the area list with the rows of gebiete.csv, the years from loadSources", async () => {
    const dir = city();
    const resolved = resolveAnalysisConfig(loadAnalysisConfig(join(dir, "sozialraum.json")));
    const loaded = await loadSources(resolved.sources!.config, { baseDir: resolved.sources!.baseDir, indicators: resolved.indicators });
    const areas = sourcesAreaTable(loaded);
    expect(areas.id).toBe("sozialraum_id");
    expect(areas.file).toBe(join(dir, "gebiete.csv"));
    // gebiete.csv: header in row 1, areas 01…08 in rows 2…9.
    expect(areas.rowNumbers).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(areas.rows[4]).toEqual({ sozialraum_id: "05", sozialraum_name: "Gebiet 5", bezirk: "Süd" });
    expect(loaded.years.get(2024)!.rows.map((r) => r.sozialraum_id)).toEqual(areas.rows.map((r) => r.sozialraum_id));
  });

  it("the report header names the city's own tables, not the package's synthetic city", () => {
    const dir = city();
    const resolved = resolveAnalysisConfig(loadAnalysisConfig(join(dir, "sozialraum.json")));
    const folder = dir.split(/[\\/]/).pop();
    expect(resolved.report.source).toBe(`Eigene Tabellen, Strukturdaten 2024 (Ordner ${folder})`);
    expect(resolveAnalysisConfig({}).report.source).toMatch(/^Synthetische Beispielstadt/);
  });

  it("a garbage cell (\"12a\") is a German error naming its area and value", async () => {
    const dir = city("12a");
    await expect(runSourcesAnalysis(loadAnalysisConfig(join(dir, "sozialraum.json")))).rejects.toThrow(/05.*12a|12a.*05/s);
  });

  it("rejects unknown keys in sources and an unbounded number of permutations", () => {
    expect(() => resolveAnalysisConfig({ sources: { tables: [{ file: "a.csv", kee: "x" }] } as never })).toThrow(/meinten Sie "key"/);
    expect(() => resolveAnalysisConfig({ permutations: 1_000_000 })).toThrow(/permutations.*99999/);
    expect(resolveAnalysisConfig({ permutations: 99_999 }).permutations).toBe(99_999);
  });

  it("an area missing from the analysis year's table is listed as excluded in every step, and the default run goes on", () => {
    const dir = mkdtempSync(join(tmpdir(), "sozialraum-missing-"));
    cpSync(resolve("data"), dir, { recursive: true });
    const file = join(dir, "strukturdaten_2018.csv");
    const lines = readFileSync(file, "utf8").split("\n");
    const removed = lines[3].split(";")[0];
    writeFileSync(file, [...lines.slice(0, 3), ...lines.slice(4)].join("\n"));
    const result = runAnalysis({ data: { dir }, sensitivity: false, mix: false, permutations: 99, report: { date: "2026-01-01" } });
    expect(result.ranking.some((r) => r.sozialraum_id === removed)).toBe(false);
    const steps = result.excluded.filter((e) => e.id === removed).map((e) => `${e.step}: ${e.reason}`);
    expect(steps).toContain("join: keine Strukturdaten 2018");
    expect(steps).toContain("supply: keine Strukturdaten 2018: nicht in Bedarf und Angebot");
    expect(result.supply).not.toBeNull();
  });

  it("facilities in Windows-1252 are read with a warning in the run's warnings (umlauts kept)", () => {
    const dir = mkdtempSync(join(tmpdir(), "sozialraum-cp1252-"));
    cpSync(resolve("data"), dir, { recursive: true });
    const file = join(dir, "einrichtungen.csv");
    writeFileSync(file, Buffer.from(readFileSync(file, "utf8"), "latin1"));
    const result = runAnalysis({ data: { dir }, sensitivity: false, mix: false, neighbourhood: false, permutations: 99, report: { date: "2026-01-01" } });
    expect(result.warnings.join("\n")).toMatch(/Windows-1252/);
    const original = readFileSync(resolve("data/einrichtungen.csv"), "utf8");
    const withUmlaut = result.supply!.facilities.find((f) => /[äöüß]/.test(f.name));
    expect(withUmlaut && original.includes(withUmlaut.name)).toBe(true);
  });

  it("data.mapKey: map keys \"X01\"… join the table by a pattern; keys without leading zeros are an error with the hint", async () => {
    const dir = city();
    // 8 unit squares in a 4 × 2 grid (queen neighbours share an edge or a corner).
    const grid = (key: (i: number) => string) => ({
      type: "FeatureCollection",
      features: Array.from({ length: 8 }, (_, i) => {
        const x = 9 + (i % 4) * 0.01;
        const y = 54 + Math.floor(i / 4) * 0.01;
        return { type: "Feature", properties: { STT: key(i) }, geometry: { type: "Polygon", coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]] } };
      }),
    });
    writeFileSync(join(dir, "x.geojson"), JSON.stringify(grid((i) => `X0${i + 1}`)));
    writeFileSync(join(dir, "plain.geojson"), JSON.stringify(grid((i) => String(i + 1))));
    const config = loadAnalysisConfig(join(dir, "sozialraum.json"));
    const mapped = await runSourcesAnalysis({ ...config, supply: false, permutations: 99, data: { geojson: join(dir, "x.geojson"), mapId: "STT", mapKey: { pattern: "X{00}" } } });
    expect(mapped.neighbourhood?.weights.ids).toEqual(["01", "02", "03", "04", "05", "06", "07", "08"]);
    expect(mapped.neighbourhood?.weights.neighbors["01"]).toEqual(["02", "05", "06"]);
    await expect(runSourcesAnalysis({ ...config, data: { geojson: join(dir, "plain.geojson"), mapId: "STT" } })).rejects.toThrow(/kein Schlüssel der Karte.*führende Nullen/s);
  });
});
