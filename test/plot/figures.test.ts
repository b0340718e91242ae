import { describe, expect, it } from "vitest";
import {
  CATEGORICAL_COLORS,
  classMapFigure,
  indicatorBarFigure,
  MISSING_COLOR,
  orderedClassColors,
  rankingBarFigure,
  steppedColorscale,
  zScoreHeatmapFigure,
  type MapFeatureCollection,
} from "../../src/plot/index.js";
import { baseLayout, noteAnnotation, notesMargin } from "../../src/plot/layout.js";
import { formatGermanNumber } from "../../src/io/formatGermanNumber.js";
import { FIGURE_NUMBER } from "../../src/plot/rows.js";
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
    const status = rankingBarFigure(rows, { label: "name", value: "index", group: "klasse", groupOrder: order, groupTitle: "Statusklasse" });
    expect((status.layout as any).legend.title.text).toBe("Statusklasse");
    expect(layout.separators).toBe(",.");
    expect(layout.annotations[0].text).toBe("1 Gebiet ohne Wert nicht dargestellt");
    // FIGURE_NUMBER: decimal comma and the typographic minus plotly's axes use.
    expect((fig.data[0].customdata as string[][])[0]).toEqual(["Parkviertel", "−1,30"]);
  });

  it("colours explicit colours over the ramp and does not mutate its input", () => {
    const copy = structuredClone(rows.map((r) => ({ ...r, z2: 0, q: 0 })));
    const f = rankingBarFigure(copy, { label: "name", value: "index", group: "klasse", groupOrder: order, colors: { hoch: "#000000" } });
    expect((f.data[0].marker as any).color).toBe("#000000");
    expect(copy).toEqual(structuredClone(rows.map((r) => ({ ...r, z2: 0, q: 0 }))));
  });

  it("names a missing column", () => {
    expect(() => rankingBarFigure(rows, { value: "indx" })).toThrow('rankingBarFigure: Spalte "indx" nicht gefunden');
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
    expect(t.text[2]).toEqual(["−1,10", ""]); // 2 decimals by default
    expect(t.text[4]).toEqual(["0,00", "0,00"]);
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
      "zScoreHeatmapFigure: thresholds müssen positiv und aufsteigend sein, angegeben ist [1.5, 1]",
    );
    expect(() => zScoreHeatmapFigure(rows, { indicators: [] })).toThrow("zScoreHeatmapFigure: keine Indikatoren angegeben (Option indicators ist leer)");
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
    expect(() => classMapFigure(rows, { geojson: bad, group: "klasse" })).toThrow('classMapFigure: Feature 1 hat keine Eigenschaft "sozialraum_id"');
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
      'indicatorBarFigure: das Intervall [6, 7] enthält den Wert 5 in Gebiet "9" nicht',
    );
  });
});

describe("layout and German number format", () => {
  it("FIGURE_NUMBER: decimal comma, thousands dot, no '-0', typographic minus, missing as '–'", () => {
    const f = (v: number | null, decimals = 2) => formatGermanNumber(v, { ...FIGURE_NUMBER, decimals });
    expect(f(1234.5, 1)).toBe("1.234,5");
    expect(f(-1.3)).toBe("\u22121,30");
    expect(f(-0)).toBe("0,00");
    expect(f(-0.004)).toBe("0,00"); // rounds to zero: no sign
    expect(f(-0.04, 1)).toBe("0,0");
    expect(f(Number.NaN)).toBe("–");
    expect(f(Number.POSITIVE_INFINITY)).toBe("–");
    expect(f(null)).toBe("–");
  });

  it("puts the title at the top left of the figure with a margin, not at the edge", () => {
    const title = baseLayout("Titel").title as Record<string, any>;
    expect(title).toMatchObject({ text: "Titel", x: 0, xref: "container", xanchor: "left", yref: "container", yanchor: "top" });
    expect(title.pad.l).toBeGreaterThanOrEqual(10);
    expect(title.pad.t).toBeGreaterThanOrEqual(10);
    expect(baseLayout("Titel").separators).toBe(",.");
  });

  it("stacks notes below the x-axis title and reserves the bottom margin for them", () => {
    // The x-axis title ends about 45 px below the plot area (tick labels ~18 px, title ~16 px, gaps).
    const first = noteAnnotation("a", 0);
    const second = noteAnnotation("b", 1);
    expect(first.yshift as number).toBeLessThanOrEqual(-50);
    expect((second.yshift as number) - (first.yshift as number)).toBe(-16);
    expect(notesMargin(2)).toBeGreaterThanOrEqual(-(second.yshift as number) + 16);
    expect(notesMargin(0)).toBe(50);
    const ranking = rankingBarFigure(rows, { label: "name", value: "index", group: "klasse", groupOrder: order }).layout as any;
    expect(ranking.margin.b).toBe(notesMargin(1));
    expect(ranking.annotations[0].yshift).toBe(first.yshift);
    const bars = indicatorBarFigure(rows.map((r, i) => ({ ...r, grau: i === 1 })), { value: "q", muted: "grau" }).layout as any;
    expect(bars.annotations.map((a: any) => [a.text, a.yshift])).toEqual([
      ["grau: nicht in der Auswertung", first.yshift],
      ["1 Gebiet ohne Wert nicht dargestellt", second.yshift],
    ]);
    expect(bars.margin.b).toBe(notesMargin(2));
  });

  it("lists the ranking legend in the order of the bars and keeps names apart from the bars", () => {
    const down = rankingBarFigure(rows, { value: "index", group: "klasse", groupOrder: order }).layout as any;
    expect(down.legend.traceorder).toBe("reversed"); // most need on top, as the bars
    expect((rankingBarFigure(rows, { value: "index", group: "klasse", descending: false }).layout as any).legend.traceorder).toBe("normal");
    expect(down.yaxis.ticklabelstandoff).toBeGreaterThan(0);
  });

  it("explains grey heatmap cells in a note, only when there are some", () => {
    const inds = [{ key: "z1", label: "SGB-II-Quote" }, { key: "z2", label: "Kinderarmut" }];
    expect((zScoreHeatmapFigure(rows, { indicators: inds }).layout as any).annotations[0].text).toBe("grau: kein z-Wert (Wert fehlt oder Gebiet ausgeschlossen)");
    expect((zScoreHeatmapFigure(rows, { indicators: [inds[0]] }).layout as any).annotations).toBeUndefined();
    expect((zScoreHeatmapFigure(rows, { indicators: inds, decimals: 1 }).data[0] as any).text[1]).toEqual(["2,5", "1,6"]);
  });
});

describe("palette", () => {
  // Colour-vision deficiency simulated with the matrices of Machado, Oliveira & Fernandes (2009), severity 1.0,
  // applied in linear sRGB; distance = CIE 1976 ΔE*ab in CIELAB (D65). Two colours with ΔE below ~10 are easily
  // confused at map-patch size; ColorBrewer Set2 (the former palette) falls to ΔE 2,5 (#8da0cb/#e78ac3, protan).
  const CVD: Record<string, number[][]> = {
    protan: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    deutan: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
    tritan: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
  };
  const linear = (hex: string) => [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const lab = (rgb: number[]) => {
    const [r, g, b] = rgb.map((c) => Math.min(1, Math.max(0, c)));
    const xyz = [0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b, 0.0193 * r + 0.1192 * g + 0.9505 * b];
    const f = xyz.map((t, i) => t / [0.95047, 1, 1.08883][i]).map((t) => (t > (6 / 29) ** 3 ? Math.cbrt(t) : t / (3 * (6 / 29) ** 2) + 4 / 29));
    return [116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])];
  };
  const minDeltaE = (colors: readonly string[], m: number[][] | null) => {
    const pts = colors.map((c) => {
      const l = linear(c);
      return lab(m ? m.map((row) => row[0] * l[0] + row[1] * l[1] + row[2] * l[2]) : l);
    });
    let min = Infinity;
    for (let i = 0; i < pts.length; i++) for (let j = i + 1; j < pts.length; j++) min = Math.min(min, Math.hypot(...pts[i].map((v, k) => v - pts[j][k])));
    return min;
  };

  it("keeps the first seven categorical colours apart for protan, deutan and tritan vision (ΔE ≥ 15)", () => {
    for (const [kind, m] of [["normal", null], ...Object.entries(CVD)] as const) {
      expect(minDeltaE(CATEGORICAL_COLORS.slice(0, 7), m), kind).toBeGreaterThanOrEqual(15);
    }
    expect(minDeltaE(["#8da0cb", "#e78ac3"], CVD.protan)).toBeLessThan(5); // the former Set2 pair, for contrast
    expect(CATEGORICAL_COLORS).not.toContain(MISSING_COLOR);
  });

  it("keeps the ordered class ramps (2 to 7 classes) apart for every simulated vision (ΔE ≥ 13)", () => {
    for (let k = 2; k <= 7; k++) {
      const ramp = Object.values(orderedClassColors(Array.from({ length: k }, (_, i) => `k${i}`)));
      for (const [kind, m] of [["normal", null], ...Object.entries(CVD)] as const) expect(minDeltaE(ramp, m), `${k} ${kind}`).toBeGreaterThanOrEqual(13);
    }
  });
});
