import { describe, expect, it } from "vitest";
import { DEFAULT_INDICATORS, TARGET_GROUPS, indicatorColumns, TARGET_GROUP_LABELS, validateIndicators, type IndicatorDefinition } from "../../src/index.js";

// The column contract of data/strukturdaten_*.csv (BRIEF.md).
const STRUKTURDATEN = (
  "sozialraum_id;einwohner;ew_0_5;ew_6_14;ew_15_17;ew_18_24;ew_25_64;ew_65_plus;haushalte;hh_mit_kindern;" +
  "hh_alleinerziehend;sgb2_personen;sgb2_elb_15_64;sgb2_unter_15;arbeitslose;arbeitslose_sgb2;arbeitslose_sgb3;" +
  "arbeitslose_15_24;grundsicherung_65_plus;migrationshintergrund"
).split(";");

describe("DEFAULT_INDICATORS", () => {
  it("is valid against the synthetic city's columns and covers every target group", () => {
    const valid = validateIndicators(DEFAULT_INDICATORS, { columns: STRUKTURDATEN });
    expect(valid.length).toBe(DEFAULT_INDICATORS.length);
    for (const g of TARGET_GROUPS) expect(valid.some((d) => d.targetGroup === g)).toBe(true);
    expect(TARGET_GROUP_LABELS.children).toBe("Kinder und Jugendliche");
  });

  it("defines the core rates as in the brief", () => {
    const byId = new Map(DEFAULT_INDICATORS.map((d) => [d.id, d]));
    expect(byId.get("kinderarmut")).toMatchObject({ numerator: ["sgb2_unter_15"], denominator: ["ew_0_5", "ew_6_14"], unit: "%", direction: 1, targetGroup: "children" });
    expect(byId.get("alleinerziehende")).toMatchObject({ numerator: ["hh_alleinerziehend"], denominator: ["hh_mit_kindern"] });
    expect(byId.get("jugendarbeitslosigkeit")).toMatchObject({ numerator: ["arbeitslose_15_24"], denominator: ["ew_15_17", "ew_18_24"] });
    expect(byId.get("sgb2_quote")).toMatchObject({ numerator: ["sgb2_elb_15_64"], denominator: ["ew_15_17", "ew_18_24", "ew_25_64"], targetGroup: "working-age" });
    expect(byId.get("arbeitslosigkeit")).toMatchObject({ numerator: ["arbeitslose"], denominator: ["ew_15_17", "ew_18_24", "ew_25_64"] });
    expect(byId.get("transferbezug")).toMatchObject({ numerator: ["sgb2_personen", "grundsicherung_65_plus"], denominator: ["einwohner"] });
    expect(byId.get("altersarmut")).toMatchObject({ numerator: ["grundsicherung_65_plus"], denominator: ["ew_65_plus"], targetGroup: "elderly" });
    expect(byId.get("migrationshintergrund")).toMatchObject({ targetGroup: "context" });
  });

  it("is frozen and survives a JSON round trip", () => {
    expect(Object.isFrozen(DEFAULT_INDICATORS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_INDICATORS[0].numerator)).toBe(true);
    const roundTrip = JSON.parse(JSON.stringify(DEFAULT_INDICATORS));
    expect(validateIndicators(roundTrip)).toEqual(validateIndicators(DEFAULT_INDICATORS));
  });
});

describe("indicatorColumns", () => {
  it("lists each count column once, in catalogue order", () => {
    expect(indicatorColumns(DEFAULT_INDICATORS.filter((d) => d.targetGroup === "elderly"))).toEqual(["grundsicherung_65_plus", "ew_65_plus"]);
    const all = indicatorColumns();
    expect(new Set(all).size).toBe(all.length);
    // every count column of the contract except the key and arbeitslose_sgb3
    expect([...all].sort()).toEqual(STRUKTURDATEN.filter((c) => !["sozialraum_id", "arbeitslose_sgb3"].includes(c)).sort());
  });
});

describe("validateIndicators", () => {
  const base: IndicatorDefinition = {
    id: "eigene_quote", label: "Eigene Quote", targetGroup: "children", numerator: "sgb2_unter_15",
    denominator: ["ew_0_5", "ew_6_14"], unit: "‰", direction: -1, source: "eigene Definition",
  };

  it("normalises a single column to a list and fills minimumBase", () => {
    const [v] = validateIndicators([base]);
    expect(v.numerator).toEqual(["sgb2_unter_15"]);
    expect(v.minimumBase).toBe(0);
    expect(base.numerator).toBe("sgb2_unter_15"); // input untouched
  });

  it("names an unknown column", () => {
    expect(() => validateIndicators([{ ...base, denominator: ["ew_0_5", "ew_6_13"] }], { columns: STRUKTURDATEN })).toThrow(
      'validateIndicators: 1 Problem in der Indikatorkonfiguration:\n  - Indikator "eigene_quote": unbekannte Spalte "ew_6_13" in denominator',
    );
  });

  it("names an unknown target group", () => {
    expect(() => validateIndicators([{ ...base, targetGroup: "kids" as "children" }])).toThrow(
      'Indikator "eigene_quote": unbekannte Zielgruppe "kids" (möglich: children, working-age, elderly, context)',
    );
  });

  it("names a bad direction and unit", () => {
    expect(() => validateIndicators([{ ...base, direction: 0 as 1 }])).toThrow('Indikator "eigene_quote": direction muss 1 oder -1 sein, angegeben ist 0');
    expect(() => validateIndicators([{ ...base, unit: "percent" as "%" }])).toThrow('Indikator "eigene_quote": unit muss "%" oder "‰" sein, angegeben ist "percent"');
  });

  it("lists every problem at once", () => {
    const bad = [
      { ...base, minimumBase: -5, extra: 1 },
      { ...base, label: "" },
      "kinderarmut",
    ];
    let message = "";
    try {
      validateIndicators(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      [
        "validateIndicators: 5 Probleme in der Indikatorkonfiguration:",
        '  - Indikator "eigene_quote": unbekannte Eigenschaft "extra"',
        '  - Indikator "eigene_quote": minimumBase muss eine endliche Zahl ≥ 0 sein, angegeben ist -5',
        '  - Indikator "eigene_quote": id doppelt (auch in Eintrag 1)',
        '  - Indikator "eigene_quote": label muss eine nicht leere Zeichenkette sein, angegeben ist ""',
        '  - Eintrag 3: erwartet wird ein Objekt, angegeben ist "kinderarmut"',
      ].join("\n"),
    );
  });

  it("rejects a non-list and an empty list", () => {
    expect(() => validateIndicators({})).toThrow("validateIndicators: erwartet wird eine Liste von Indikatordefinitionen, angegeben ist ein Objekt");
    expect(() => validateIndicators([])).toThrow("validateIndicators: die Liste der Indikatoren ist leer");
    expect(() => validateIndicators([{ ...base, numerator: [] }])).toThrow(
      'Indikator "eigene_quote": numerator muss ein Spaltenname oder eine nicht leere Liste von Spaltennamen sein, angegeben ist []',
    );
  });
});
