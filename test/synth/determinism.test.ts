import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateSyntheticCity, SYNTHETIC_CITY_FILES, syntheticCityFiles, writeSyntheticCity } from "../../src/synth/index.js";
import { DATA_DIR } from "./helpers.js";

describe("embedded city: determinism", () => {
  const dirs = [mkdtempSync(join(tmpdir(), "sozialraum-synth-a-")), mkdtempSync(join(tmpdir(), "sozialraum-synth-b-"))];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("writes identical bytes twice and matches the committed data/ files", () => {
    for (const d of dirs) writeSyntheticCity({ dir: d });
    for (const name of SYNTHETIC_CITY_FILES) {
      const a = readFileSync(join(dirs[0], name));
      const b = readFileSync(join(dirs[1], name));
      expect(a.equals(b), `${name} differs between two runs`).toBe(true);
      const committed = readFileSync(join(DATA_DIR, name));
      expect(a.equals(committed), `data/${name} is not what the generator writes (run: npx tsx scripts/generate-data.ts)`).toBe(true);
    }
  });

  it("includes the network files (Vernetzung) in the byte-for-byte comparison", () => {
    expect(SYNTHETIC_CITY_FILES).toEqual(expect.arrayContaining(["akteure.csv", "kooperationen.csv"]));
  });

  it("has the four biennial surveys 2014–2020 in the byte-for-byte comparison (2016 and 2018 as before)", () => {
    expect(SYNTHETIC_CITY_FILES.filter((f) => f.startsWith("strukturdaten_"))).toEqual([
      "strukturdaten_2014.csv",
      "strukturdaten_2016.csv",
      "strukturdaten_2018.csv",
      "strukturdaten_2020.csv",
    ]);
  });

  it("draws 2014 and 2020 from their own streams: another seed changes them, the panel keeps its areas", () => {
    const a = syntheticCityFiles(generateSyntheticCity({ seed: 1 }));
    const b = syntheticCityFiles(generateSyntheticCity({ seed: 2 }));
    expect(a["strukturdaten_2014.csv"]).not.toBe(b["strukturdaten_2014.csv"]);
    expect(a["strukturdaten_2020.csv"]).not.toBe(b["strukturdaten_2020.csv"]);
    const ids = (csv: string): string[] => csv.trimEnd().split("\n").slice(1).map((l) => l.split(";")[0]);
    for (const y of [2014, 2018, 2020] as const) expect(ids(a[`strukturdaten_${y}.csv`])).toEqual(ids(a["strukturdaten_2016.csv"]));
  });

  it("gives another city for another seed", () => {
    const a = syntheticCityFiles(generateSyntheticCity({ seed: 1 }));
    const b = syntheticCityFiles(generateSyntheticCity({ seed: 2 }));
    expect(a["strukturdaten_2016.csv"]).not.toBe(b["strukturdaten_2016.csv"]);
    expect(a["sozialraeume.geojson"]).not.toBe(b["sozialraeume.geojson"]);
  });
});
