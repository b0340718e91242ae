import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { checkConfigFile } from "../../src/cli/checkConfig.js";
import { describeShared, sharedPath } from "../helpers/shared-data.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const example = (name: string) => resolve(root, "examples", name, "sozialraum.json");

/** Plain comma-separated lines (the reference values are read without the project's readers). */
function rawCsv(path: string, separator = ","): string[][] {
  return readFileSync(path, "utf8").replace(/^\uFEFF/, "").trimEnd().split(/\r?\n/).map((l) => l.split(separator).map((f) => f.replace(/^"|"$/g, "")));
}

describeShared("the example configurations check green on the publishers' files", () => {
  it("Flensburg: 13 Stadtteile, 2021 and 2022 from eleven panel files with renamed columns", async () => {
    const c = await checkConfigFile(example("flensburg-2022"));
    expect(c.problems).toEqual([]);
    const s = c.sources!;
    expect([...s.years.keys()]).toEqual([2021, 2022]);
    expect(s.years.get(2022)!.rows).toHaveLength(13);
    expect(s.excluded).toEqual([]);
    // Reference: fl_residents_by_district.csv and fl_unemployed_residents_by_district.csv, every area and year.
    for (const [file, column] of [["fl_residents_by_district.csv", "einwohner"], ["fl_unemployed_residents_by_district.csv", "arbeitslose"]]) {
      const raw = rawCsv(sharedPath("flensburg-sozialatlas-2022", file));
      for (const [year, district, value] of raw.slice(1)) {
        if (year !== "2021" && year !== "2022") continue;
        const row = s.years.get(Number(year))!.rows.find((r) => r.sozialraum_id === `STGT${district.padStart(2, "0")}`);
        expect(row?.[column], `${file} ${year} ${district}`).toBe(Number(value));
      }
    }
    expect(s.areas.find((a) => a.id === "STGT01")?.name).toBe("Altstadt");
    // The unassigned rows ("NULL") are listed, not lost.
    expect(s.dropped.map((d) => [d.key, d.year])).toEqual([["STGTNULL", 2021], ["STGTNULL", 2022]]);
  });

  it("Hamburg: 99 Stadtteile; the 7 Bezirk rows and the city row kept out and listed", async () => {
    const c = await checkConfigFile(example("hamburg-2014"));
    expect(c.problems).toEqual([]);
    const s = c.sources!;
    // Reference: the CSV edition of the same table: 99 Stadtteile before "Hamburg-Mitte", then 7 Bezirke and the city.
    const raw = rawCsv(sharedPath("hamburg-stadtteilprofile-2014", "Daten_fuer_die_Stadtteilprofile_2014.csv"), ";");
    const names = raw.slice(1).map((r) => r[0].trim());
    const firstBezirk = names.indexOf("Hamburg-Mitte");
    expect(s.years.get(2013)!.rows.map((r) => r.sozialraum_id)).toEqual(names.slice(0, firstBezirk));
    expect(s.dropped.map((d) => d.key)).toEqual(names.slice(firstBezirk));
    const altstadt = raw.find((r) => r[0] === "Hamburg-Altstadt")!;
    expect(s.years.get(2013)!.rows[0].einwohner).toBe(Number(altstadt[1].replace(/\s/g, "")));
  });

  it("Berlin MSS 2021: 542 Planungsräume, 536 valid, the 6 invalid ones excluded with the publisher's reason", async () => {
    const c = await checkConfigFile(example("berlin-mss-2021"));
    expect(c.problems).toEqual([]);
    const s = c.sources!;
    const raw = rawCsv(sharedPath("berlin-mss-2021", "mss_2021_index_indikatoren.csv"));
    const head = raw[0];
    const kom = head.indexOf("KOM");
    const id = head.indexOf("PLR_ID");
    const invalid = raw.slice(1).filter((r) => r[kom] !== "gültig").map((r) => [r[id], r[kom]]);
    expect(invalid).toHaveLength(6);
    expect(s.excluded.map((e) => [e.id, e.reason.replace(/ \(laut .*\)$/, "")])).toEqual(invalid);
    expect(s.areas).toHaveLength(542);
    expect(s.years.get(2020)!.rows).toHaveLength(536);
    expect(s.shares.map((d) => [d.id, d.column, d.hasCounts])).toEqual([
      ["arbeitslosigkeit", "s1_arbeitslosigkeit", false],
      ["transferbezug", "s3_transferbezug", false],
      ["kinderarmut", "s4_kinderarmut", false],
    ]);
    // -9999 never reaches the data: no valid area has it, and the markers of invalid ones are not in the table.
    for (const r of s.years.get(2020)!.rows) for (const v of Object.values(r)) expect(v).not.toBe(-9999);
    const s1 = head.indexOf("S1");
    const first = raw[1];
    expect(s.years.get(2020)!.rows[0].s1_arbeitslosigkeit).toBe(Number(first[s1]));
    expect(s.areas[0].hierarchy).toEqual({ bezirksregion: "Tiergarten Süd", prognoseraum: "Zentrum", bezirk: "Mitte" });
  });
});

describeShared("sozialraum init on the publishers' files", () => {
  it("Hamburg XLSX: the proposal finds the key, the Bezirk and city rows as sums, and checks green", async () => {
    const { proposeSourcesConfig } = await import("../../src/sources/proposeSourcesConfig.js");
    const { checkSources } = await import("../../src/sources/loadSources.js");
    const file = sharedPath("hamburg-stadtteilprofile-2014", "Daten_fuer_die_Stadtteilprofile_2014.xlsx");
    const p = await proposeSourcesConfig([file], { configDir: dirname(file) });
    expect(p.guesses).toContain('Daten_fuer_die_Stadtteilprofile_2014.xlsx: Schlüsselspalte "Stadtgebiet"');
    expect(p.guesses).toContain('Daten_fuer_die_Stadtteilprofile_2014.xlsx: "Arbeitslose (Dez 2013)" → "arbeitslose" (Arbeitslose)');
    const c = await checkSources(p.config.sources, { baseDir: dirname(file), indicators: p.config.indicators });
    expect(c.problems).toEqual([]);
    expect(c.result!.dropped.map((d) => d.key)).toEqual(["Hamburg-Mitte", "Altona", "Eimsbüttel", "Hamburg-Nord", "Wandsbek", "Bergedorf", "Harburg", "Hamburg"]);
    expect([...c.result!.years.values()][0].rows).toHaveLength(99);
    expect(p.config.indicators.map((d) => d.id)).toContain("alleinerziehende");
  });
});
