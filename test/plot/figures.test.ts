import { describe, expect, it } from "vitest";
import { classMapFigure, indicatorBarFigure, rankingBarFigure, steppedColorscale, zScoreHeatmapFigure, type MapFeatureCollection } from "../../src/plot/index.js";
import { missing } from "../../src/table/missing.js";

const rows = [
  { id: "0101", name: "Altstadt", index: 0.4, klasse: "mittel", z1: 1.2, z2: -0.3, q: 12, lo: 10, hi: 14.5 },
  { id: "0102", name: "Hafen", index: 2.1, klasse: "sehr niedrig", z1: 2.5, z2: 1.6, q: 20, lo: 17, hi: 23 },
  { id: "0103", name: "Parkviertel", index: -1.3, klasse: "hoch", z1: -1.1, z2: missing("."), q: 5, lo: 3.5, hi: 7 },
  { id: "0104", name: "Neubau", index: null, klasse: null, z1: 0.2, z2: 0.1, q: missing("x"), lo: null, hi: null },
  { id: "0105", name: "Mühlenfeld", index: 0.4, klasse: "mittel", z1: 0, z2: 0, q: 9, lo: 8, hi: 11 },
];
const order = ["hoch", "mittel", "niedrig", "sehr niedrig"];

describe("rankingBarFigure", () => {
  const fig = rankingBarFigure(rows, { label: "name", value: "index", group: "klasse", groupOrder: order });
  const layout = fig.layout as any;

  it("sorts areas by index, highest first, ties in input order, and labels them with names", () => {
    // 2.1 > 0.4 = 0.4 > −1.3; the tie 0101/0105 keeps input order; 0104 has no value.
    expect(layout.yaxis.categoryarray).toEqual(["0102", "0101", "0105", "0103"]);
    expect(layout.yaxis.ticktext).toEqual(["Hafen", "Altstadt", "Mühlenfeld", "Parkviertel"]);
    expect(layout.yaxis.autorange).toBe("reversed");
  });

  it("makes one trace per class present, in class order, coloured along the ramp", () => {
    expect(fig.data.map((t) => t.name)).toEqual(["hoch", "mittel", "sehr niedrig"]);
    // Colours come from the 4-class ramp of the full class order (blue → red), "niedrig" is absent.
    expect(fig.data.map((t) => (t.marker as any).color)).toEqual(["#4575b4", "#abd9e9", "#d73027"]);
    const mittel = fig.data.find((t) => t.name === "mittel")!;
    expect(mittel.y).toEqual(["0101", "0105"]);
    expect(mittel.x).toEqual([0.4, 0.4]);
    expect(fig.data.every((t) => t.type === "bar" && t.orientation === "h")).toBe(true);
  });

  it("uses German labels and number format and notes the areas without a value", () => {
    expect(layout.title.text).toBe("Rangfolge der Sozialräume");
    expect(layout.xaxis.title.text).toBe("Indexwert");
    expect(layout.legend.title.text).toBe("Klasse");
    expect(layout.separators).toBe(",.");
    expect(layout.annotations[0].text).toBe("1 Gebiet ohne Wert nicht dargestellt");
    expect((fig.data[0].customdata as string[][])[0]).toEqual(["Parkviertel", "-1,30"]);
  });

  it("colours explicit colours over the ramp and does not mutate its input", () => {
    const copy = structuredClone(rows.map((r) => ({ ...r, z2: 0, q: 0 })));
    const f = rankingBarFigure(copy, { label: "name", value: "index", group: "klasse", groupOrder: order, colors: { hoch: "#000000" } });
    expect((f.data[0].marker as any).color).toBe("#000000");
    expect(copy).toEqual(structuredClone(rows.map((r) => ({ ...r, z2: 0, q: 0 }))));
  });

  it("names a missing column", () => {
    expect(() => rankingBarFigure(rows, { value: "indx" })).toThrow('rankingBarFigure: column "indx" not found');
  });
});

describe("zScoreHeatmapFigure", () => {
  const fig = zScoreHeatmapFigure(rows, {
    label: "name",
    indicators: [{ key: "z1", label: "SGB-II-Quote" }, { key: "z2", label: "Kinderarmut" }],
    thresholds: [1, 1.5],
  });
  const t = fig.data[0] as any;

  it("is areas (input order) × indicators with missing cells null", () => {
    expect(t.type).toBe("heatmap");
    expect(t.x).toEqual(["SGB-II-Quote", "Kinderarmut"]);
    expect(t.y).toEqual(["0101", "0102", "0103", "0104", "0105"]);
    expect(t.z[2]).toEqual([-1.1, null]);
    expect(t.text[2]).toEqual(["-1,1", ""]);
    expect((fig.layout as any).yaxis.ticktext[1]).toBe("Hafen");
  });

  it("centres a symmetric diverging scale at 0 with steps exactly at ±thresholds", () => {
    // zmax = max(|z| = 2.5, last threshold + 0.5 = 2) = 2.5
    expect(t.zmin).toBe(-2.5);
    expect(t.zmax).toBe(2.5);
    expect(t.zmid).toBe(0);
    const pos = (v: number) => (v + 2.5) / 5;
    const stops = t.colorscale.map((s: [number, string]) => s[0]);
    for (const v of [-1.5, -1, 1, 1.5]) expect(stops.filter((s: number) => Math.abs(s - pos(v)) < 1e-12)).toHaveLength(2);
    // Neutral band between −1 and +1.
    const neutral = t.colorscale.filter((s: [number, string]) => s[1] === "#f7f7f7").map((s: [number, string]) => s[0]);
    expect(neutral).toEqual([pos(-1), pos(1)]);
    expect(t.colorbar.tickvals).toEqual([-1.5, -1, 0, 1, 1.5]);
    expect(t.colorbar.ticktext).toEqual(["−1,5", "−1,0", "0", "+1,0 auffällig", "+1,5 stark auffällig"]);
  });

  it("steppedColorscale starts at 0 and ends at 1", () => {
    const s = steppedColorscale([1], 3);
    expect(s[0][0]).toBe(0);
    expect(s[s.length - 1][0]).toBe(1);
    expect(s.map((x) => x[1])).toEqual(["#67a9cf", "#67a9cf", "#f7f7f7", "#f7f7f7", "#ef8a62", "#ef8a62"]);
  });

  it("checks thresholds and indicators", () => {
    expect(() => zScoreHeatmapFigure(rows, { indicators: [{ key: "z1", label: "a" }], thresholds: [1.5, 1] })).toThrow(
      "zScoreHeatmapFigure: thresholds must be positive and ascending, got [1.5, 1]",
    );
    expect(() => zScoreHeatmapFigure(rows, { indicators: [] })).toThrow("zScoreHeatmapFigure: no indicators given");
  });
});

describe("classMapFigure", () => {
  const square = (id: string, x: number) => ({
    type: "Feature" as const,
    properties: { sozialraum_id: id },
    geometry: { type: "Polygon", coordinates: [[[x, 51], [x + 0.01, 51], [x + 0.01, 51.01], [x, 51.01], [x, 51]]] },
  });
  const geojson: MapFeatureCollection = { type: "FeatureCollection", features: ["0101", "0102", "0103", "0104", "0105", "0199"].map((id, i) => square(id, 7 + i * 0.01)) };
  const fig = classMapFigure(rows, { geojson, label: "name", group: "klasse", groupOrder: order });

  it("draws one choropleth trace per class with only its features, matched by properties.sozialraum_id", () => {
    expect(fig.data.map((t) => t.name)).toEqual(["hoch", "mittel", "sehr niedrig", "ohne Klasse (ausgeschlossen)"]);
    const mittel = fig.data[1] as any;
    expect(mittel.type).toBe("choropleth");
    expect(mittel.featureidkey).toBe("properties.sozialraum_id");
    expect(mittel.locations).toEqual(["0101", "0105"]);
    expect(mittel.geojson.features.map((f: any) => f.properties.sozialraum_id)).toEqual(["0101", "0105"]);
    expect(mittel.showlegend).toBe(true);
    // Areas without class (0104) or without row (0199) are grey.
    expect((fig.data[3] as any).locations).toEqual(["0104", "0199"]);
    expect((fig.data[3] as any).colorscale[0][1]).toBe("#d9d9d9");
    expect((fig.data[2] as any).colorscale[0][1]).toBe("#d73027");
  });

  it("has no base map: fitbounds locations, geo invisible", () => {
    expect((fig.layout as any).geo).toMatchObject({ fitbounds: "locations", visible: false });
    expect((fig.layout as any).title.text).toBe("Klassen der Sozialräume");
  });

  it("names a feature without the id property", () => {
    const bad: MapFeatureCollection = { type: "FeatureCollection", features: [{ type: "Feature", properties: { id: "x" }, geometry: null }] };
    expect(() => classMapFigure(rows, { geojson: bad, group: "klasse" })).toThrow('classMapFigure: feature 0 has no property "sozialraum_id"');
  });
});

describe("indicatorBarFigure", () => {
  const fig = indicatorBarFigure(rows, { label: "name", value: "q", lower: "lo", upper: "hi", reference: 11.5, sort: "descending", valueTitle: "SGB-II-Quote in %", level: 0.95 });
  const t = fig.data[0] as any;

  it("draws asymmetric error bars upper − value and value − lower, sorted descending", () => {
    expect(t.y).toEqual(["0102", "0101", "0105", "0103"]);
    expect(t.x).toEqual([20, 12, 9, 5]);
    expect(t.error_x.array).toEqual([3, 2.5, 2, 2]);
    expect(t.error_x.arrayminus).toEqual([3, 2, 1, 1.5]);
    expect(t.error_x.symmetric).toBe(false);
  });

  it("draws the reference line with a German label and German hover texts", () => {
    const layout = fig.layout as any;
    expect(layout.shapes[0]).toMatchObject({ type: "line", x0: 11.5, x1: 11.5 });
    expect(layout.annotations[0].text).toBe("Gesamtstadt: 11,5");
    expect(layout.annotations[1].text).toBe("1 Gebiet ohne Wert nicht dargestellt");
    expect(t.hovertemplate).toContain("95-%-Konfidenzintervall");
    expect(t.customdata[1]).toEqual(["Altstadt", "12,0", "10,0", "14,5"]);
  });

  it("greys muted bars and refuses an interval that misses the value", () => {
    const f = indicatorBarFigure(rows.map((r, i) => ({ ...r, grau: i === 1 })), { value: "q", muted: "grau" });
    expect((f.data[0] as any).marker.color).toEqual(["#4575b4", "#d9d9d9", "#4575b4", "#4575b4"]);
    expect(() => indicatorBarFigure([{ id: "9", q: 5, lo: 6, hi: 7 }], { value: "q", lower: "lo", upper: "hi" })).toThrow(
      'indicatorBarFigure: interval [6, 7] does not contain the value 5 in area "9"',
    );
  });
});
