import { describe, expect, it } from "vitest";
import { transitionFigure, typeMapFigure } from "../../src/plot/index.js";
import { classTransitions } from "../../src/typology/index.js";
import type { SozialraumTypesResult } from "../../src/typology/index.js";

const order = ["unauffällig", "auffällig", "stark auffällig"];
const tables = classTransitions(
  [
    { year: 2019, classes: { A: "unauffällig", B: "auffällig", C: "stark auffällig", D: "unauffällig" } },
    { year: 2021, classes: { A: "unauffällig", B: "unauffällig", C: "stark auffällig", D: null } },
    { year: 2023, classes: { A: "auffällig", B: "unauffällig", C: "auffällig", D: "unauffällig" } },
  ],
  { classOrder: order },
);

describe("transitionFigure", () => {
  const fig = transitionFigure(tables);
  const t = fig.data[0] as { type: string; node: { label: string[]; color: string[] }; link: { source: number[]; target: number[]; value: number[]; customdata: string[] } };

  it("draws one Sankey link per non-empty cell of each table, with the counts", () => {
    expect(t.type).toBe("sankey");
    const links = t.link.source.map((s, k) => `${t.node.label[s]} → ${t.node.label[t.link.target[k]]} = ${t.link.value[k]}`);
    // 2019 → 2021: A unauff→unauff, B auff→unauff, C stark→stark (D has no class in 2021)
    // 2021 → 2023: A unauff→auff, B unauff→unauff, C stark→auff
    expect(links.sort()).toEqual(
      [
        "2019: unauffällig → 2021: unauffällig = 1",
        "2019: auffällig → 2021: unauffällig = 1",
        "2019: stark auffällig → 2021: stark auffällig = 1",
        "2021: unauffällig → 2023: unauffällig = 1",
        "2021: unauffällig → 2023: auffällig = 1",
        "2021: stark auffällig → 2023: auffällig = 1",
      ].sort(),
    );
    expect(t.link.value.reduce((s, v) => s + v, 0)).toBe(tables[0].total + tables[1].total);
  });

  it("colours classes along the blue → red ramp and notes areas without a class, in German", () => {
    expect(t.node.color[t.node.label.indexOf("2019: unauffällig")]).toBe("#4575b4");
    expect(t.node.color[t.node.label.indexOf("2019: stark auffällig")]).toBe("#d73027");
    expect(t.link.customdata).toContain("2019 auffällig → 2021 unauffällig: 1 Sozialraum");
    const notes = (fig.layout.annotations as Array<{ text: string }>).map((a) => a.text);
    expect(notes).toEqual(["2019 → 2021: 1 ohne Klasse in einem der beiden Jahre", "2021 → 2023: 1 ohne Klasse in einem der beiden Jahre"]);
  });

  it("errors name the function and the problem", () => {
    expect(() => transitionFigure([])).toThrow("transitionFigure: keine Übergangstabellen");
    expect(() => transitionFigure([tables[1], tables[0]])).toThrow("transitionFigure: Tabelle 2 beginnt mit 2019, Tabelle 1 endet aber mit 2023");
  });
});

describe("typeMapFigure", () => {
  const geojson = {
    type: "FeatureCollection" as const,
    features: ["a", "b", "c"].map((id, i) => ({
      type: "Feature" as const,
      properties: { sozialraum_id: id },
      geometry: { type: "Polygon", coordinates: [[[i, 0], [i + 1, 0], [i + 1, 1], [i, 0]]] },
    })),
  };
  const result = {
    areas: [{ id: "a", type: 1, silhouette: 0.5 }, { id: "b", type: 2, silhouette: 0.4 }, { id: "c", type: null, silhouette: null }],
    types: [
      { type: 1, above: ["Kinderarmut", "SGB II", "Alleinerziehende"], below: ["Ältere"] },
      { type: 2, above: [], below: [] },
    ],
  } as unknown as SozialraumTypesResult;

  it("one categorical colour per type, the excluded area grey, German legend", () => {
    const fig = typeMapFigure(result, { geojson, names: { a: "Nord" } });
    const names = fig.data.map((d) => d.name);
    expect(names).toEqual(["Typ 1: ↑ Kinderarmut, SGB II …; ↓ Ältere", "Typ 2: durchschnittlich", "ohne Typ (ausgeschlossen)"]);
    expect(fig.data[0].locations).toEqual(["a"]);
    expect(fig.data[2].locations).toEqual(["c"]);
  });
});
