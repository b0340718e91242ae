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

  it("gives another city for another seed", () => {
    const a = syntheticCityFiles(generateSyntheticCity({ seed: 1 }));
    const b = syntheticCityFiles(generateSyntheticCity({ seed: 2 }));
    expect(a["strukturdaten_2016.csv"]).not.toBe(b["strukturdaten_2016.csv"]);
    expect(a["sozialraeume.geojson"]).not.toBe(b["sozialraeume.geojson"]);
  });
});
