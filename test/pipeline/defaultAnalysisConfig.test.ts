/**
 * DEFAULT_ANALYSIS_CONFIG and the per-section resolvers of resolveAnalysisConfig: every default key is accepted
 * and used, unknown keys are named with their section path, and a configuration made of default values resolves
 * exactly like `{}`. Expected values are the documented defaults (AnalysisConfig's doc comments, README), written
 * out by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnalysisConfig } from "../../src/analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG, type AnalysisConfigDefaults } from "../../src/analysis/defaultAnalysisConfig.js";
import { checkConfigFile } from "../../src/cli/checkConfig.js";
import { sectionKeys } from "../../src/pipeline/config/unknownKeyProblems.js";
import { DATA_FILE_KEYS } from "../../src/pipeline/config/resolveDataSection.js";
import { DEFAULT_SURVEYS } from "../../src/pipeline/config/resolveYearsSection.js";
import {
  DEFAULT_MIX_COMPOSITION,
  DEFAULT_MIX_GROUPS,
  DEFAULT_STATUS_INDICATORS,
  DEFAULT_SUPPLY_FACILITY_TYPES,
  packageDataDir,
  resolveAnalysisConfig,
} from "../../src/pipeline/resolveAnalysisConfig.js";

const D = DEFAULT_ANALYSIS_CONFIG as unknown as Record<string, unknown>;
const OPTIONS = { baseDir: "/tmp", today: "2024-03-01" };
const resolve = (c: unknown) => resolveAnalysisConfig(c as AnalysisConfig, OPTIONS);
const SECTIONS = Object.keys(D).filter((k) => sectionKeys(k) !== null);

/**
 * A valid value other than the default for every key (section keys as "section.key"): setting it must change the
 * resolved configuration, so no key of the defaults is dead. `sources` is covered by the sources tests.
 */
const OTHER: Record<string, unknown> = {
  "data.dir": "/tmp/daten",
  "data.gebiete": "gebiete_2024.csv",
  "data.strukturdaten": "sd_{year}.csv",
  "data.geojson": null,
  "data.einrichtungen": null,
  "data.stadtteiltreffen": null,
  "data.akteure": null,
  "data.kooperationen": null,
  "data.mapId": "STT",
  "data.mapKey": { pattern: "STGT{00}" },
  "data.geojsonCrs": "EPSG:25832",
  "years.current": 2020,
  "years.previous": null,
  "years.surveys": [2016, 2018],
  id: "gebiet",
  indicators: [{ id: "alo", label: "Arbeitslosigkeit", targetGroup: "working-age", numerator: ["a"], denominator: ["b"], unit: "%", direction: 1, source: "Test" }],
  minimumPopulation: 500,
  confidence: 0.9,
  smoothing: "empirical-bayes",
  "standardization.mean": "weighted",
  "standardization.sd": "sample",
  "thresholds.flag": 0.5,
  "thresholds.strong": 2,
  "verdictRule.strongIfAnyStrong": false,
  "verdictRule.strongMinFlags": 3,
  "verdictRule.minFlags": 2,
  "statusIndex.indicators": ["kinderarmut"],
  "dynamicIndex.indicators": ["kinderarmut"],
  seed: 2024,
  permutations: 99,
  "supply.facilityTypes": { children: ["Kita", "Familienzentrum"] },
  "supply.allowedTypes": ["Kita", "Beratungsstelle", "Seniorentreff", "Bolzplatz"],
  "supply.population": { elderly: ["ew_65_plus", "ew_25_64"] },
  "supply.measure": "places",
  "supply.radiusKm": 1,
  "supply.decay": { type: "none" },
  "supply.needLevel": "median",
  "mix.groups": { sgb2_personen: "SGB II" },
  "mix.composition": null,
  "neighbourhood.contiguity": "rook",
  "neighbourhood.indicators": ["kinderarmut"],
  "neighbourhood.alpha": 0.1,
  "neighbourhood.fdr": true,
  "neighbourhood.needIndex": false,
  "vernetzung.minDensity": 0.2,
  "vernetzung.minConnectedShare": 0.6,
  "sensitivity.draws": 10,
  "sensitivity.thresholdShift": 0.5,
  "types.explainedShare": 0.9,
  "types.kRange": [3, 5],
  "types.resamples": 0,
  "disclosure.minCount": 5,
  "disclosure.minBase": 50,
  "disclosure.marker": "x",
  "report.title": "Sozialbericht",
  "report.date": "2024-01-31",
  "report.source": "Amt für Statistik",
};

/** Every key path of the defaults: "section.key" for sections, the key for plain values; `sources` left out. */
const KEY_PATHS = Object.keys(D)
  .filter((k) => k !== "sources")
  .flatMap((k) => (sectionKeys(k) ?? [null]).map((s) => (s === null ? k : `${k}.${s}`)));

/** `{ section: { key: value } }` or `{ key: value }`. */
function withKey(path: string, value: unknown): Record<string, unknown> {
  const [section, key] = path.split(".");
  return key === undefined ? { [section]: value } : { [section]: { [key]: value } };
}

describe("DEFAULT_ANALYSIS_CONFIG", () => {
  it("holds the documented defaults", () => {
    expect(DEFAULT_ANALYSIS_CONFIG.thresholds).toEqual({ flag: 1, strong: 1.5 });
    expect(DEFAULT_ANALYSIS_CONFIG.minimumPopulation).toBe(300);
    expect(DEFAULT_ANALYSIS_CONFIG.years).toEqual({ current: 2018, previous: 2016, surveys: [2014, 2016, 2018, 2020] });
    expect(DEFAULT_ANALYSIS_CONFIG.supply.radiusKm).toBe(1.5);
    expect(DEFAULT_ANALYSIS_CONFIG.types.kRange).toEqual([2, 8]);
    expect(DEFAULT_ANALYSIS_CONFIG.disclosure).toEqual({ minCount: 3, minBase: 30, marker: "." });
    // Berlin MSS S1, S3, S4.
    expect(DEFAULT_STATUS_INDICATORS).toEqual(["arbeitslosigkeit", "transferbezug", "kinderarmut"]);
  });

  it("is frozen on every level, and the former default constants are views of it", () => {
    const unfrozen: string[] = [];
    const walk = (v: unknown, path: string) => {
      if (v === null || typeof v !== "object") return;
      if (!Object.isFrozen(v)) unfrozen.push(path);
      for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(DEFAULT_ANALYSIS_CONFIG, "DEFAULT_ANALYSIS_CONFIG");
    expect(unfrozen).toEqual([]);
    expect(DEFAULT_STATUS_INDICATORS).toBe(DEFAULT_ANALYSIS_CONFIG.statusIndex.indicators);
    expect(DEFAULT_SUPPLY_FACILITY_TYPES).toBe(DEFAULT_ANALYSIS_CONFIG.supply.facilityTypes);
    expect(DEFAULT_MIX_GROUPS).toBe(DEFAULT_ANALYSIS_CONFIG.mix.groups);
    expect(DEFAULT_MIX_COMPOSITION).toBe(DEFAULT_ANALYSIS_CONFIG.mix.composition);
    expect(DEFAULT_SURVEYS).toBe(DEFAULT_ANALYSIS_CONFIG.years.surveys);
  });

  it("names a default file for every data key loadAnalysisConfig makes relative to the configuration file", () => {
    const files = Object.entries(DEFAULT_ANALYSIS_CONFIG.data).filter(([, v]) => typeof v === "string").map(([k]) => k);
    expect([...DATA_FILE_KEYS]).toEqual(files);
  });

  it("is checked against the configuration type by TypeScript (a missing key or a wrong value does not compile)", () => {
    // @ts-expect-error a section key missing from the defaults
    const missing: AnalysisConfigDefaults = { ...DEFAULT_ANALYSIS_CONFIG, vernetzung: { minDensity: 0.1 } };
    // @ts-expect-error a value of the wrong type
    const wrong: AnalysisConfigDefaults = { ...DEFAULT_ANALYSIS_CONFIG, seed: "1" };
    // @ts-expect-error a key the configuration does not have
    const extra: AnalysisConfigDefaults = { ...DEFAULT_ANALYSIS_CONFIG, types: { ...DEFAULT_ANALYSIS_CONFIG.types, k: 3 } };
    expect([missing, wrong, extra].length).toBe(3);
  });

  it("every key is accepted alone with its default value, and with another valid value it changes the result", () => {
    expect(Object.keys(OTHER).sort()).toEqual([...KEY_PATHS].sort());
    const base = resolve({});
    for (const path of KEY_PATHS) {
      const [section, key] = path.split(".");
      const dflt = key === undefined ? D[section] : (D[section] as Record<string, unknown>)[key];
      expect(() => resolve(withKey(path, dflt)), path).not.toThrow();
      const other = withKey(path, OTHER[path]);
      if (path === "indicators") other.statusIndex = { indicators: ["alo"] }; // the default index names default indicators
      expect(resolve(other), path).not.toEqual(base);
    }
  });

  it("the whole object resolves like {} (frozen input, not modified)", () => {
    expect(resolve(DEFAULT_ANALYSIS_CONFIG)).toStrictEqual(resolve({}));
    expect(resolve(structuredClone(DEFAULT_ANALYSIS_CONFIG))).toStrictEqual(resolve({}));
  });

  it("property: any part of the defaults resolves like {} (sections and keys chosen at random; years as one block)", () => {
    const expected = resolve({});
    const part = fc.record(
      Object.fromEntries(
        Object.keys(D).map((k) => {
          const keys = sectionKeys(k);
          const whole = keys === null || k === "years";
          return [k, whole ? fc.constant(D[k]) : fc.subarray([...keys]).map((ks) => Object.fromEntries(ks.map((s) => [s, (D[k] as Record<string, unknown>)[s]])))];
        }),
      ),
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(part, fc.boolean(), (config, clone) => {
        expect(resolve(clone ? structuredClone(config) : config)).toStrictEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe("unknown keys", () => {
  it("an unknown key in each section is named with its section path and the section's keys", () => {
    // The sections and their keys as documented in AnalysisConfig.
    expect(SECTIONS).toEqual(["data", "years", "standardization", "thresholds", "verdictRule", "statusIndex", "dynamicIndex", "supply", "mix", "neighbourhood", "vernetzung", "sensitivity", "types", "disclosure", "report"]);
    for (const section of SECTIONS) {
      expect(() => resolve({ [section]: { gibtsnicht: 1 } }), section).toThrow(
        `unbekannter Schlüssel "${section}.gibtsnicht" (bekannt: ${Object.keys(D[section] as object).join(", ")})`,
      );
    }
    expect(() => resolve({ supply: { radius: 1 } })).toThrow(
      'unbekannter Schlüssel "supply.radius" (bekannt: facilityTypes, allowedTypes, population, measure, radiusKm, decay, needLevel)',
    );
    expect(() => resolve({ data: { ordner: "x" } })).toThrow(
      'unbekannter Schlüssel "data.ordner" (bekannt: dir, gebiete, strukturdaten, geojson, einrichtungen, stadtteiltreffen, akteure, kooperationen, mapId, mapKey, geojsonCrs)',
    );
  });

  it("reports an unknown key in every section at once", () => {
    const config = Object.fromEntries(SECTIONS.map((s) => [s, { gibtsnicht: 1 }]));
    expect(() => resolve(config)).toThrow(`resolveAnalysisConfig: ${SECTIONS.length} Probleme in der Konfiguration:`);
  });

  it("a name of Object.prototype is no key", () => {
    expect(() => resolve({ toString: 1 })).toThrow('unbekannter Schlüssel "toString"');
    expect(() => resolve({ supply: { constructor: 1 } })).toThrow('unbekannter Schlüssel "supply.constructor"');
  });

  it("a section that is not an object is named; false switches an optional step off", () => {
    expect(() => resolve({ mix: [] })).toThrow('"mix" muss ein Objekt sein, angegeben: []');
    const off = resolve({ supply: false, mix: false, neighbourhood: false, vernetzung: false, sensitivity: false, types: false, disclosure: false, dynamicIndex: false });
    expect([off.supply, off.mix, off.neighbourhood, off.vernetzung, off.sensitivity, off.types, off.disclosure, off.dynamicIndex]).toEqual(Array(8).fill(null));
  });
});

describe("values", () => {
  it("null for a choice or a switch means its default, null for a number or a text is a problem (as before)", () => {
    expect(resolve({ smoothing: null, standardization: { sd: null }, supply: { measure: null }, neighbourhood: { fdr: null, needIndex: null } })).toStrictEqual(resolve({}));
    expect(() => resolve({ seed: null, report: { title: null } })).toThrow(
      ['"seed" muss eine ganze Zahl von -2147483648 bis 2147483647 sein, angegeben: null', '"report.title" muss ein nicht leerer Text sein, angegeben: null'].join("\n  - "),
    );
  });
});

describe("changes of this restructuring", () => {
  it("a wrong data.gebiete is reported (it was replaced by the default without a word)", () => {
    expect(() => resolve({ data: { gebiete: 5 } })).toThrow('"data.gebiete" muss ein nicht leerer Text sein, angegeben: 5');
  });

  it("the default mix columns named in the configuration count as the defaults (missing ones: a warning)", () => {
    const m = resolve({ mix: { groups: { ...DEFAULT_MIX_GROUPS }, composition: { ...DEFAULT_MIX_COMPOSITION } } }).mix!;
    expect([m.defaultGroups, m.defaultComposition]).toEqual([true, true]);
    const own = resolve({ mix: { groups: { sgb2_personen: "SGB II" }, composition: null } }).mix!;
    expect([own.defaultGroups, own.defaultComposition]).toEqual([false, false]);
  });

  it("sozialraum check knows every key of the defaults, vernetzung included", async () => {
    const dir = mkdtempSync(join(tmpdir(), "config-keys-"));
    const file = join(dir, "sozialraum.json");
    writeFileSync(file, JSON.stringify({ data: { dir: packageDataDir() }, vernetzung: { minDensity: 0.2 }, years: [2016, 2018] }));
    expect((await checkConfigFile(file)).problems).toEqual([]);
    writeFileSync(file, JSON.stringify({ data: { dir: packageDataDir() }, vernetzung: { minDensity: 2 } }));
    expect((await checkConfigFile(file)).problems).toEqual([`${file}: Analyse-Parameter: "vernetzung.minDensity" muss eine Zahl zwischen 0 und 1 sein, angegeben: 2`]);
  });
});
