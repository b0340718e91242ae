import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { choroplethFigure, LISA_COLORS, LISA_LABELS, LISA_MISSING_STYLE } from "../../src/plot/choropleth.js";
import { moranScatterFigure } from "../../src/plot/moran-scatter.js";
import { contiguityWeights, localMoran, moran, readGal } from "../../src/spatial/index.js";
import { describeShared, sharedPath } from "../helpers/shared-data.js";
import { gridGeoJson, referencePath } from "./helpers.js";

const grid = gridGeoJson(2, 3); // ids 0_0 … 1_2

describe("choroplethFigure", () => {
  it("maps a numeric indicator with a colour bar; areas without a value are grey 'keine Daten'", () => {
    const rows = [
      { id: "0_0", kinderarmut: 10.5 },
      { id: "0_1", kinderarmut: 20 },
      { id: "0_2", kinderarmut: "." },
      { id: "1_0", kinderarmut: 30 },
      { id: "1_1", kinderarmut: 25.25 },
    ];
    const fig = choroplethFigure(grid, rows, { idProperty: "id", id: "id", value: "kinderarmut", label: "Kinderarmut (%)" });
    expect(fig.data).toHaveLength(2);
    const [main, none] = fig.data;
    expect(main).toMatchObject({ type: "choropleth", featureidkey: "properties.id", locations: ["0_0", "0_1", "1_0", "1_1"], z: [10.5, 20, 30, 25.25] });
    expect(main.text).toEqual(["10,50", "20,00", "30,00", "25,25"]);
    expect((main.geojson as { features: unknown[] }).features).toHaveLength(4);
    expect(none).toMatchObject({ name: "keine Daten", locations: ["0_2", "1_2"] });
    expect(fig.layout.geo).toEqual({ fitbounds: "locations", visible: false, projection: { type: "mercator" } });
    expect(fig.layout.separators).toBe(",.");
  });
  it("draws LISA clusters in the conventional colours and order, German legend", () => {
    const rows = ["LL", "HH", "nicht signifikant", "HL", "LH", "HH"].map((c, i) => ({ id: grid.features[i].properties.id, cluster: c }));
    const fig = choroplethFigure(grid, rows, { idProperty: "id", id: "id", value: "cluster" });
    expect(fig.data.map((t) => t.name)).toEqual([
      "Hoch–Hoch (Cluster hoher Werte)",
      "Niedrig–Niedrig (Cluster niedriger Werte)",
      "Hoch–Niedrig (hoher Wert, niedrige Nachbarn)",
      "Niedrig–Hoch (niedriger Wert, hohe Nachbarn)",
      "nicht signifikant",
    ]);
    expect(fig.data[0].locations).toEqual(["0_1", "1_2"]);
    expect(fig.data[0].colorscale).toEqual([[0, LISA_COLORS.HH], [1, LISA_COLORS.HH]]);
    expect(() => choroplethFigure(grid, [{ id: "0_0", c: "XX" }], { idProperty: "id", id: "id", value: "c", kind: "lisa" })).toThrow(
      'choroplethFigure: Spalte "c": "XX" ist keine LISA-Klasse (HH, LL, HL, LH, nicht signifikant, ohne Nachbarn)',
    );
  });
  it("maps the islands of localMoran ('ohne Nachbarn') in their own grey, after 'nicht signifikant'", () => {
    // 0_0 … 0_2 in a row as rook neighbours (no link across rows: the lower row is cut off), 1_1 a lone island.
    const cut = { ...grid, features: grid.features.filter((f) => ["0_0", "0_1", "0_2", "1_1"].includes(f.properties.id)) };
    cut.features = cut.features.map((f) => (f.properties.id === "1_1" ? { ...f, geometry: { type: "Polygon", coordinates: [[[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]]] } } : f));
    const w = contiguityWeights(cut, { idProperty: "id", kind: "rook" });
    expect(w.islands).toEqual(["1_1"]);
    const lisa = localMoran([1, 2, 9, 4], w, { permutations: 99, seed: 1 });
    const fig = choroplethFigure(cut, lisa.map((a) => ({ ...a })), { idProperty: "id", id: "id", value: "cluster" });
    const names = fig.data.map((t) => t.name);
    expect(names[names.length - 1]).toBe("ohne Nachbarn");
    expect(fig.data[names.length - 1]).toMatchObject({ locations: ["1_1"], colorscale: [[0, LISA_COLORS["ohne Nachbarn"]], [1, LISA_COLORS["ohne Nachbarn"]]] });
    expect(colorDistance(LISA_COLORS["ohne Nachbarn"], LISA_COLORS["nicht signifikant"])).toBeGreaterThan(40);
  });
  it("draws LISA areas without a value apart from 'nicht signifikant': own fill, dark outline", () => {
    const rows = ["HH", "nicht signifikant", null, "LL", "nicht signifikant", "."].map((c, i) => ({ id: grid.features[i].properties.id, cluster: c }));
    const fig = choroplethFigure(grid, rows, { idProperty: "id", id: "id", value: "cluster", kind: "lisa", missingLabel: "ohne Wert" });
    const none = fig.data[fig.data.length - 1] as { name: string; locations: string[]; colorscale: string[][]; marker: { line: { color: string } } };
    expect(none.name).toBe("ohne Wert");
    expect(none.locations).toEqual(["0_2", "1_2"]);
    expect(none.colorscale[0][1]).toBe(LISA_MISSING_STYLE.color);
    expect(none.marker.line.color).toBe(LISA_MISSING_STYLE.line);
    // clearly apart from every cluster colour, above all from the light grey of "nicht signifikant"
    for (const c of Object.values(LISA_COLORS)) expect(colorDistance(c, LISA_MISSING_STYLE.color)).toBeGreaterThan(40);
  });
  it("colours by log2 around a centre symmetrically, colour bar in the values' units (location quotients)", () => {
    const rows = [0.5, 1, 1.6, 0, 2, "."].map((v, i) => ({ id: grid.features[i].properties.id, lq: v }));
    const fig = choroplethFigure(grid, rows, { idProperty: "id", id: "id", value: "lq", scale: "log2", center: 1, label: "Standortquotient (SQ) der Gruppe" });
    const t = fig.data[0] as Record<string, any>;
    // log2: −1, 0, 0.678…, (0 → lowest colour), 1; symmetric range ±1 around log2(1) = 0
    expect(t.z).toEqual([-1, 0, Math.log2(1.6), -1, 1]);
    expect([t.zmin, t.zmax]).toEqual([-1, 1]);
    expect(t.text).toEqual(["0,50", "1,00", "1,60", "0,00", "2,00"]);
    expect(t.colorbar.tickvals).toEqual([-1, 0, 1]);
    expect(t.colorbar.ticktext).toEqual(["0,5", "1", "2"]);
    expect(t.colorscale[4]).toEqual([0.5, "#f7f7f7"]); // RdBu: near-white at the centre
    expect(t.colorbar.title.text).toBe("Standortquotient<br>(SQ) der Gruppe");
    // a narrow range gets finer ticks, still in the values' units
    const narrow = choroplethFigure(grid, rows.map((r, i) => ({ ...r, lq: [0.9, 1, 1.3, 1.1, 0.95, 1][i] })), { idProperty: "id", id: "id", value: "lq", scale: "log2", center: 1 });
    expect((narrow.data[0] as any).colorbar.ticktext).toEqual(["0,8", "1", "1,25"]);
    expect(() => choroplethFigure(grid, rows, { idProperty: "id", id: "id", value: "lq", scale: "log2", center: 0 })).toThrow(
      "choroplethFigure: center muss eine positive Zahl sein, angegeben ist 0",
    );
  });
  it("draws classes in the given order and notes rows without a geometry", () => {
    const rows = [
      { id: "0_0", klasse: "hoch" },
      { id: "0_1", klasse: "niedrig" },
      { id: "9_9", klasse: "hoch" },
    ];
    const fig = choroplethFigure(grid, rows, { idProperty: "id", id: "id", value: "klasse", categories: ["niedrig", "hoch"], colors: { hoch: "#ff0000" } });
    expect(fig.data.map((t) => t.name)).toEqual(["niedrig", "hoch", "keine Daten"]);
    expect(fig.data[1].colorscale).toEqual([[0, "#ff0000"], [1, "#ff0000"]]);
    expect((fig.layout.annotations as Array<{ text: string }>)[0].text).toBe("1 Gebiet(e) ohne Geometrie nicht dargestellt: 9_9");
    expect(() => choroplethFigure(grid, rows, { idProperty: "id", id: "id", value: "x" })).toThrow('choroplethFigure: Spalte "x" nicht gefunden');
  });
});

describeShared("moranScatterFigure", () => {
  const R = JSON.parse(readFileSync(referencePath("moran.json"), "utf8"));
  it("has slope = Moran's I (row-standardised) and the quadrants of localMoran", () => {
    const ref = R.columbus;
    const w = readGal(readFileSync(sharedPath(ref.gal), "utf8"));
    const fig = moranScatterFigure(ref.x, w, { label: "Kriminalität" });
    const line = fig.data[fig.data.length - 1] as { x: number[]; y: number[] };
    const slope = (line.y[1] - line.y[0]) / (line.x[1] - line.x[0]);
    expect(slope).toBeCloseTo(moran(ref.x, w, { permutations: 0 }).I, 12);
    expect((fig.layout.title as { text: string }).text).toBe("Moran-Streudiagramm: Kriminalität (I = 0,49)");
    const lisa = localMoran(ref.x, w, { permutations: 0 });
    for (const trace of fig.data.slice(0, -1)) {
      const ids = (trace.customdata as string[][]).map((c) => c[0]);
      // the legend shows the map's German labels; the quadrant code is in meta
      expect(trace.name).toBe(LISA_LABELS[trace.meta as string]);
      expect(ids).toEqual(lisa.filter((a) => a.quadrant === trace.meta).map((a) => a.id));
      (trace.x as number[]).forEach((x, k) => expect(x).toBeCloseTo(lisa.find((a) => a.id === ids[k])!.standardized, 12));
    }
  });
  it("draws islands in their own trace 'ohne Nachbarn' in the LISA map's colour, not as HL or LL", () => {
    // a–b–c a path, d–e a pair, f and g islands: f above the mean (lag 0 would make it "HL"), g below ("LL").
    const w = readGal("0 7\na 1\nb\nb 2\na c\nc 1\nb\nd 1\ne\ne 1\nd\nf 0\n\ng 0\n\n");
    const x = [1, 2, 3, 4, 5, 9, 0];
    const fig = moranScatterFigure(x, w);
    const lisa = localMoran(x, w, { permutations: 0 });
    expect(lisa.filter((a) => a.cluster === "ohne Nachbarn").map((a) => a.id)).toEqual(["f", "g"]);
    const points = fig.data.slice(0, -1);
    const island = points.find((t) => t.meta === "ohne Nachbarn")!;
    expect(island.name).toBe(LISA_LABELS["ohne Nachbarn"]);
    expect((island.marker as { color: string }).color).toBe(LISA_COLORS["ohne Nachbarn"]);
    expect((island.customdata as string[][]).map((c) => c[0])).toEqual(["f", "g"]);
    expect(island.y).toEqual([0, 0]);
    for (const trace of points.filter((t) => t !== island)) {
      const ids = (trace.customdata as string[][]).map((c) => c[0]);
      expect(ids).toEqual(lisa.filter((a) => a.quadrant === trace.meta).map((a) => a.id));
    }
    // The least-squares line is still that of all areas (islands at lag 0): slope = I · S0 / n, with S0 = 5
    // (five row-standardised rows; the islands' rows are empty) and n = 7; the title shows I itself.
    const line = fig.data[fig.data.length - 1] as { x: number[]; y: number[] };
    const I = moran(x, w, { permutations: 0 }).I;
    expect((line.y[1] - line.y[0]) / (line.x[1] - line.x[0])).toBeCloseTo((I * 5) / 7, 12);
    expect((fig.layout.title as { text: string }).text).toBe(`Moran-Streudiagramm: Wert (I = ${I.toFixed(2).replace(".", ",")})`);
  });
  it("names bad input", () => {
    const w = contiguityWeights(grid, { idProperty: "id" });
    expect(() => moranScatterFigure([1, 1, 1, 1, 1, 1], w)).toThrow("moranScatterFigure: alle 6 Werte sind gleich (1)");
    expect(() => moranScatterFigure([1, 2, 3, 4, 5, 6], w, { names: ["a"] })).toThrow("moranScatterFigure: 1 Namen für 6 Gebiete");
  });
});

/** Largest difference of the red, green or blue channel of two "#rrggbb" colours (0–255). */
function colorDistance(a: string, b: string): number {
  const rgb = (c: string) => [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16));
  const [x, y] = [rgb(a), rgb(b)];
  return Math.max(...x.map((v, k) => Math.abs(v - y[k])));
}
