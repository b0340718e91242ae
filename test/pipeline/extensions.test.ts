import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  analyseTables,
  resolveAnalysisConfig,
  runAnalysis,
  EMBEDDED_DATA_DIR,
} from "../../src/pipeline/index.js";
import { analysisReport, flattenParameters, mixAnalysisSection } from "../../src/report/index.js";
import { DEFAULT_INDICATORS } from "../../src/indicators/defaultIndicators.js";
import { syntheticStructureRows } from "./syntheticCity.js";

const CITY = resolve("test/reference/pipeline/city");
/**
 * Independent reference: test/reference/pipeline/extensions.R (R 4.2.2, sf 1.0.9, spdep 1.2.7) on the same files:
 * need index per target group, Moran's I (spdep moran.test, queen, style "W"), local Moran's I (spdep
 * localmoran), Kita places per 1 000 children under 6 (sf st_within), segregation index D (formula in base R).
 */
const REF = JSON.parse(readFileSync("test/reference/pipeline/extensions.json", "utf8")) as {
  ids: string[];
  need: Record<string, Array<number | null>>;
  moran: Record<string, { I: number; expected: number; variance: number; n: number }>;
  localMoranStatus: { ids: string[]; Ii: number[] };
  kitaPlaceRate: number[];
  dissimilaritySgb2: number;
};

describe("runAnalysis: the steps after the ranking against the R reference (grid city)", () => {
  const result = runAnalysis({ data: { dir: CITY }, report: { date: "2024-01-02" } });

  it("computes the need index of every target group as the status-index method on the group's indicators", () => {
    let compared = 0;
    for (const [group, values] of Object.entries(REF.need)) {
      const areas = result.needIndex[group].areas;
      expect(areas.map((a) => a.id)).toEqual(REF.ids);
      values.forEach((v, i) => {
        if (v === null) expect(areas[i].index, `${group} ${REF.ids[i]}`).toBeNull();
        else {
          expect(areas[i].index!, `${group} ${REF.ids[i]}`).toBeCloseTo(v, 12);
          compared++;
        }
      });
    }
    expect(compared).toBe(29 + 28 + 28);
    // The need rows carry the verdict as "flagged".
    const row = result.need.find((r) => r.id === "0201" && r.group === "children")!;
    const verdict = result.ranking.find((r) => r.sozialraum_id === "0201")!.verdicts.children;
    expect(row.flagged).toBe(verdict === "auffällig" || verdict === "stark auffällig");
  });

  it("gives Moran's I, E[I] and Var[I] of the status index and every valued indicator as spdep", () => {
    const nb = result.neighbourhood!;
    // The need indices (neighbourhood.needIndex) have no R reference here; see the next test.
    const morans = nb.morans.filter((m) => !m.id.startsWith("need_index_"));
    expect(morans.map((m) => m.id)).toEqual(Object.keys(REF.moran));
    for (const m of morans) {
      const ref = REF.moran[m.id];
      expect(m.moran.n, m.id).toBe(ref.n);
      expect(m.moran.I, m.id).toBeCloseTo(ref.I, 12);
      expect(m.moran.expected, m.id).toBeCloseTo(ref.expected, 14);
      expect(m.moran.variance, m.id).toBeCloseTo(ref.variance, 12);
      expect(m.excluded.length, m.id).toBe(30 - ref.n);
    }
    expect(nb.morans[0].moran.permutations).toBe(999);
    expect(nb.morans[0].moran.seed).toBe(1);
  });

  it("runs LISA on the need index of every target group, on its values (wiring; localMoran itself is checked against spdep)", () => {
    const nb = result.neighbourhood!;
    const groups = Object.keys(result.needIndex);
    expect(groups.length).toBeGreaterThan(0);
    expect(nb.furtherLisa.map((v) => v.id)).toEqual(groups.map((g) => `need_index_${g}`));
    for (const v of nb.furtherLisa) {
      const g = v.id.slice("need_index_".length);
      const valued = result.needIndex[g].areas.filter((a) => a.index !== null);
      expect(v.lisa.map((a) => a.id).sort()).toEqual(valued.map((a) => a.id).sort());
      const byId = new Map(valued.map((a) => [a.id, a.index]));
      v.weights.ids.forEach((id, i) => expect(v.values[i]).toBe(byId.get(id)));
      expect(nb.morans.some((m) => m.id === v.id)).toBe(true);
    }
    const off = runAnalysis({ data: { dir: CITY }, neighbourhood: { needIndex: false }, sensitivity: false, report: { date: "2024-01-02" } });
    expect(off.neighbourhood!.furtherLisa).toEqual([]);
    expect(off.neighbourhood!.morans.some((m) => m.id.startsWith("need_index_"))).toBe(false);
    expect(() => runAnalysis({ data: { dir: CITY }, neighbourhood: { needIndex: "ja" as never } })).toThrow('"neighbourhood.needIndex" muss true oder false sein, angegeben: "ja"');
  });

  it("gives the local Moran's I of the status index as spdep localmoran", () => {
    const lisa = result.neighbourhood!.lisa;
    expect(lisa.map((a) => a.id)).toEqual(REF.localMoranStatus.ids);
    lisa.forEach((a, i) => expect(a.Ii, a.id).toBeCloseTo(REF.localMoranStatus.Ii[i], 12));
  });

  it("counts Kita places per 1 000 children under 6 as R sf, reports the facility outside the city", () => {
    const children = result.supply!.groups.find((g) => g.group === "children")!;
    expect(children.types).toEqual(["Kita"]);
    expect(children.ratios.rows.map((r) => r.id)).toEqual(REF.ids);
    children.ratios.rows.forEach((r, i) => expect(r.placeRate!, r.id).toBeCloseTo(REF.kitaPlaceRate[i], 10));
    expect(result.supply!.excludedFacilities.map((e) => e.id)).toEqual(["E028"]);
    expect(result.supply!.groups.map((g) => g.group)).toEqual(["children", "working-age", "elderly"]);
    expect(children.supplyMeasure).toBe("catchment");
    expect(result.supply!.radiusKm).toBe(1.5);
  });

  it("puts the segregation index D of SGB II recipients into the Durchmischung section", () => {
    const mix = result.mix!;
    expect(mix.indices[0].label).toBe("SGB-II-Leistungsberechtigte");
    expect(mix.indices[0].d).toBeCloseTo(REF.dissimilaritySgb2, 12);
    const table = mixAnalysisSection(mix).tables![0];
    expect(table.title).toBe("Segregationsindizes");
    expect(table.rows[0].gruppe).toBe("SGB-II-Leistungsberechtigte");
    expect(table.rows[0].d as number).toBeCloseTo(REF.dissimilaritySgb2, 12);
    expect(mixAnalysisSection(mix).paragraphs!.join(" ")).toContain("999 Zufallsverteilungen");
  });

  it("runs the sensitivity analysis seeded by the configuration", () => {
    const s = result.sensitivity!;
    expect(s.methods.variants.length).toBeGreaterThan(5);
    expect(s.monteCarlo!.parameters).toMatchObject({ seed: 1, draws: 1000 });
    const v = result.verdictSensitivity!;
    expect(v.targetGroups).toEqual(["children", "working-age", "elderly"]);
    expect(v.groups[0].monteCarlo!.parameters).toMatchObject({ seed: 1, draws: 1000 });
    const ranked = s.methods.summary.areas.filter((a) => a.baselineRank !== null).map((a) => a.id);
    expect(ranked.sort()).toEqual(result.ranking.filter((r) => r.rang !== null).map((r) => r.sozialraum_id).sort());
  });
});

describe("seeds and switches", () => {
  const base = { data: { dir: CITY }, report: { date: "2024-01-02" }, sensitivity: { draws: 50 } };

  it("same seed: same p-values; another seed: the statistics stay, the p-values move", () => {
    const a = runAnalysis(base);
    const b = runAnalysis(base);
    const c = runAnalysis({ ...base, seed: 99 });
    expect(b.neighbourhood!.morans.map((m) => m.moran.pSim)).toEqual(a.neighbourhood!.morans.map((m) => m.moran.pSim));
    expect(b.neighbourhood!.lisa).toEqual(a.neighbourhood!.lisa);
    expect(c.neighbourhood!.morans.map((m) => m.moran.I)).toEqual(a.neighbourhood!.morans.map((m) => m.moran.I));
    const pA = a.neighbourhood!.lisa.map((x) => x.pSim);
    const pC = c.neighbourhood!.lisa.map((x) => x.pSim);
    expect(pC).not.toEqual(pA);
    expect(c.mix!.indices[0].d).toBe(a.mix!.indices[0].d);
    expect(c.mix!.indices.map((r) => r.dRandom)).not.toEqual(a.mix!.indices.map((r) => r.dRandom));
  });

  it("leaves out switched-off steps and their sections", () => {
    const r = runAnalysis({ ...base, supply: false, mix: false, neighbourhood: false, sensitivity: false });
    expect([r.supply, r.mix, r.neighbourhood, r.sensitivity]).toEqual([null, null, null, null]);
    const ids = analysisReport(r).sections.map((s) => s.id);
    for (const id of ["bedarf-angebot", "durchmischung", "nachbarschaft", "sensitivitaet"]) expect(ids).not.toContain(id);
    expect(ids).toContain("nachvollziehbarkeit");
    expect(r.inputs.map((i) => i.path)).toEqual(["gebiete.csv", "strukturdaten_2018.csv", "strukturdaten_2016.csv", "sozialraeume.geojson"]);
  });

  it("uses configured facility types, population columns and supply measure", () => {
    const r = runAnalysis({
      ...base,
      supply: { facilityTypes: { children: ["Kita", "Jugendzentrum"] }, measure: "places", needLevel: 0 },
    });
    const g = r.supply!.groups.find((x) => x.group === "children")!;
    expect(g.types).toEqual(["Kita", "Jugendzentrum"]);
    // Not only Kitas: the children's population is 0–17 again.
    const row = r.data.current.find((x) => x.sozialraum_id === "0203")!;
    const pop = ["ew_0_5", "ew_6_14", "ew_15_17"].reduce((s, k) => s + (row[k] as number), 0);
    expect(g.ratios.rows.find((x) => x.id === "0203")!.population).toBe(pop);
    expect(g.comparison.needLevel).toBe(0);
    // A configured facilityTypes replaces the default: the other groups count every type serving them.
    expect(r.supply!.groups.map((x) => [x.group, x.types])).toEqual([["children", ["Kita", "Jugendzentrum"]], ["working-age", null], ["elderly", null]]);
  });

  it("without a map or facilities: no supply and no neighbourhood, each with a German warning", () => {
    const r = analyseTables(
      { gebiete: null, current: syntheticStructureRows({ cols: 4, rows: 4, seed: 3 }), previous: null },
      resolveAnalysisConfig({ years: { previous: null }, report: { date: "2024-01-02" }, sensitivity: false }),
    );
    expect(r.supply).toBeNull();
    expect(r.neighbourhood).toBeNull();
    expect(r.mix).not.toBeNull();
    expect(r.warnings).toContain("Bedarf und Angebot: keine Gebietsgrenzen (GeoJSON); der Abschnitt entfällt");
    expect(r.warnings).toContain("Nachbarschaft: keine Gebietsgrenzen (GeoJSON); der Abschnitt entfällt");
    expect(r.inputs.map((i) => i.path)).toEqual(["tabelle:strukturdaten_2018"]);
  });

  it("leaves default mix columns missing from the data out with a warning, but not configured ones", () => {
    const rows = syntheticStructureRows({ cols: 4, rows: 4, seed: 3 }).map(({ migrationshintergrund: _m, ...r }) => r);
    const indicators = DEFAULT_INDICATORS.filter((d) => d.id !== "migrationshintergrund");
    const config = (extra: object) => resolveAnalysisConfig({ years: { previous: null }, indicators, report: { date: "2024-01-02" }, sensitivity: false, ...extra });
    const r = analyseTables({ gebiete: null, current: rows, previous: null }, config({}));
    expect(r.mix!.indices.map((x) => x.label)).toEqual(["SGB-II-Leistungsberechtigte"]);
    expect(r.warnings).toContain('Durchmischung: Spalte "migrationshintergrund" fehlt in den Strukturdaten; die Gruppe Migrationshintergrund entfällt');
    expect(() => analyseTables({ gebiete: null, current: rows, previous: null }, config({ mix: { groups: { migrationshintergrund: "MH" } } }))).toThrow(
      'analyseTables: Durchmischung: Spalte "migrationshintergrund" aus "mix.groups" fehlt in den Strukturdaten',
    );
  });

  it("checks the new configuration keys", () => {
    expect(() =>
      resolveAnalysisConfig({
        seed: 1.5,
        permutations: -1,
        supply: { facilityTypes: { kinder: ["Kita"], elderly: ["Altenheim"] }, measure: "nah", radiusKm: 0 },
        neighbourhood: { contiguity: "bishop", indicators: ["kinderarmut", "foo"] },
        sensitivity: { draws: 2.5 },
        mix: { groups: {} },
      } as never),
    ).toThrow(
      [
        "resolveAnalysisConfig: 10 Probleme in der Konfiguration:",
        '  - "seed" muss eine ganze Zahl von -2147483648 bis 2147483647 sein, angegeben: 1.5',
        '  - "permutations" muss eine ganze Zahl von 1 bis 99999 (mehr bringt keine nützliche Genauigkeit) sein, angegeben: -1',
        '  - "supply.facilityTypes": unbekannte Zielgruppe "kinder" (bekannt: children, working-age, elderly, context)',
        '  - "supply.facilityTypes.elderly": Art "Altenheim" ist keine zulässige Einrichtungsart (Kita, Jugendzentrum, Familienzentrum, Seniorentreff, Beratungsstelle)',
        '  - "supply.measure" muss "places", "withinReach" oder "catchment" sein, angegeben: "nah"',
        '  - "supply.radiusKm" muss eine Zahl > 0 sein, angegeben: 0',
        '  - "mix.groups" muss ein Objekt: Spalte → deutsche Bezeichnung (mindestens eine) sein, angegeben: {}',
        '  - "neighbourhood.contiguity" muss "queen" oder "rook" sein, angegeben: "bishop"',
        '  - "neighbourhood.indicators": Indikator "foo" ist nicht im Indikatorenkatalog',
        '  - "sensitivity.draws" muss eine ganze Zahl ≥ 0 sein, angegeben: 2.5',
      ].join("\n"),
    );
  });

  it("names a facility file given in the configuration that does not exist; a missing default file only skips the step", () => {
    expect(() => runAnalysis({ ...base, data: { dir: CITY, einrichtungen: "fehlt.csv" } })).toThrow(/^readFacilities: .*fehlt\.csv.*die Datei kann nicht gelesen werden/);
    const r = runAnalysis({ ...base, data: { dir: CITY, einrichtungen: null } });
    expect(r.supply).toBeNull();
    expect(r.warnings).toContain("Bedarf und Angebot: keine Einrichtungsdatei (data.einrichtungen); der Abschnitt entfällt");
  });
});

describe("provenance", () => {
  const result = runAnalysis({ data: { dir: CITY }, report: { date: "2024-01-02" }, sensitivity: false });

  it("records the SHA-256 of every file read (checked with coreutils sha256sum), paths relative to the data folder", () => {
    expect(result.inputs.map((i) => [i.role, i.path])).toEqual([
      ["Gebietsliste", "gebiete.csv"],
      ["Strukturdaten 2018", "strukturdaten_2018.csv"],
      ["Strukturdaten 2016", "strukturdaten_2016.csv"],
      ["Gebietsgrenzen", "sozialraeume.geojson"],
      ["Einrichtungen", "einrichtungen.csv"],
      ["Stadtteiltreffen", "stadtteiltreffen.csv"],
    ]);
    for (const i of result.inputs) {
      expect(i.sha256, i.path).toBe(execFileSync("sha256sum", [join(CITY, i.path)], { encoding: "utf8" }).split(" ")[0]);
      expect(i.bytes, i.path).toBe(readFileSync(join(CITY, i.path)).byteLength);
    }
    expect(result.provenance.inputs).toEqual(result.inputs.map(({ role: _r, ...rest }) => rest));
  });

  it("records every parameter without machine paths and without the report date; the date is createdAt", () => {
    const p = result.provenance;
    expect(p.library.name).toBe("sozialraum");
    expect(p.createdAt).toBe("2024-01-02");
    const params = p.parameters as Record<string, Record<string, unknown>>;
    expect(params.data).toEqual({
      dir: "city", gebiete: "gebiete.csv", strukturdaten: "strukturdaten_{year}.csv", geojson: "sozialraeume.geojson",
      einrichtungen: "einrichtungen.csv", stadtteiltreffen: "stadtteiltreffen.csv", akteure: null, kooperationen: null,
    });
    expect(params.report).not.toHaveProperty("date");
    expect(params.thresholds).toEqual({ flag: 1, strong: 1.5 });
    expect(params.seed).toBe(1);
    expect(JSON.stringify(p)).not.toContain(CITY);
    const other = runAnalysis({ data: { dir: CITY }, report: { date: "2030-12-31" }, sensitivity: false });
    expect(other.provenance.fingerprint).toBe(p.fingerprint);
    const changed = runAnalysis({ data: { dir: CITY }, report: { date: "2024-01-02" }, sensitivity: false, thresholds: { flag: 1.2 } });
    expect(changed.provenance.fingerprint).not.toBe(p.fingerprint);
  });

  it("marks the embedded data folder instead of its path", () => {
    const r = resolveAnalysisConfig({ report: { date: "2024-01-02" } });
    const embedded = runAnalysis({ report: { date: "2024-01-02" }, sensitivity: false, mix: false, neighbourhood: false });
    expect((embedded.provenance.parameters as { data: { dir: string } }).data.dir).toBe(EMBEDDED_DATA_DIR);
    expect(JSON.stringify(embedded.provenance)).not.toContain(r.data.dir);
  });

  it("flattens parameters into one row per setting, lists of objects by id", () => {
    expect(flattenParameters({ b: { c: 1, d: [1, 2] }, a: "x", l: [{ id: "k", w: 2 }], e: {}, n: null })).toEqual([
      ["a", "x"],
      ["b.c", "1"],
      ["b.d", "[1,2]"],
      ["e", "{}"],
      ["l[k]", '{"id":"k","w":2}'],
      ["n", "null"],
    ]);
    const section = analysisReport(result).sections.find((s) => s.id === "nachvollziehbarkeit")!;
    expect(section.tables!.map((t) => [t.title, t.sheet !== false, t.html !== false])).toEqual([
      ["Programm, Lauf und Eingabedateien", false, true],
      ["Parameter (vollständig, wie in herkunft.json)", false, true],
      ["Herkunft", true, false],
    ]);
    const rows = section.tables![2].rows;
    expect(rows.find((r) => r.name === "statusIndex.indicators[kinderarmut]")!.wert).toBe('{"id":"kinderarmut","weight":1}');
    expect(rows.filter((r) => r.bereich === "Eingabe")).toHaveLength(6);
    expect(rows.find((r) => r.bereich === "Programm" && r.name === "sozialraum")!.wert).toBe(result.provenance.library.version);
  });
});
