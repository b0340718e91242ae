import { describe, expect, it } from "vitest";
import { dissimilarity, locationQuotients, missing, mixSection } from "../../src/index.js";
import { deepFreeze } from "./helpers.js";

const square = (x: number, id: string) => ({
  type: "Feature",
  properties: { sozialraum_id: id },
  geometry: { type: "Polygon", coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
});
const geojson = deepFreeze({ type: "FeatureCollection", features: ["01", "02", "03", "04"].map((id, i) => square(i, id)) });
const y2018 = deepFreeze([
  { sozialraum_id: "01", name: "Nord", ew: 1000, sgb2: 300, jung: 400, alt: 600 },
  { sozialraum_id: "02", name: "Süd", ew: 1000, sgb2: 50, jung: 500, alt: 500 },
  { sozialraum_id: "03", name: "Ost", ew: 800, sgb2: 40, jung: 300, alt: 500 },
  { sozialraum_id: "04", name: "West", ew: 20, sgb2: missing("."), jung: 10, alt: 10 },
]);
const y2016 = deepFreeze(y2018.map((r) => ({ ...r, sgb2: typeof r.sgb2 === "number" ? Math.round(r.sgb2 * 0.9) : r.sgb2 })));

describe("mixSection", () => {
  const section = mixSection(y2018, {
    id: "sozialraum_id",
    total: "ew",
    groups: { sgb2: "SGB-II-Leistungsberechtigte" },
    composition: { jung: "unter 40", alt: "40 und älter" },
    previous: y2016,
    years: ["2016", "2018"],
    geojson,
    name: "name",
    permutations: 99,
  });

  it("is a ReportSection with German texts, the index table, the composition, the LQ table and map", () => {
    expect(section.id).toBe("durchmischung");
    expect(section.title).toBe("Durchmischung");
    expect(section.tables!.map((t) => t.title)).toEqual(["Segregationsindizes", "Durchmischung: Altersgruppen", "Standortquotienten"]);
    const [idx, , lq] = section.tables!;
    // the values are the module's own (the suppressed area 04 is excluded, as `missing: "exclude"` documents)
    expect(idx.rows[0].d).toBe(dissimilarity(y2018, { group: "sgb2", total: "ew", missing: "exclude" }).statistic);
    expect(idx.columns.map((c) => c.label)).toContain("Veränderung D (2018 − 2016)");
    expect(lq.rows.map((r) => r.id)).toEqual(["01", "02", "03", "04"]);
    expect(lq.rows[0].name).toBe("Nord");
    const expected = locationQuotients(y2018, { group: "sgb2", total: "ew", id: "sozialraum_id", missing: "exclude" });
    expect(lq.rows.map((r) => r.lq_sgb2)).toEqual(expected.areas.map((a) => a.lq.sgb2));
    expect(lq.rows[3].lq_sgb2).toBeNull();
    // Nord: 30 % SGB II against 390/2800 ≈ 13.9 % in the city, 16 points off and far beyond chance → highlighted
    expect(lq.highlight).toContainEqual({ row: 0, key: "abw_sgb2", level: "auffällig" });
    expect(section.figures).toHaveLength(1);
    expect(section.figures![0].title).toBe("Standortquotient SGB-II-Leistungsberechtigte");
    expect(section.figures![0].figure.data[0].type).toBe("choropleth");
    // diverging around SQ 1 on the log scale: colour = log2(SQ), range symmetric around 0, hover in SQ
    const map = section.figures![0].figure.data[0] as Record<string, any>;
    const lqs = lq.rows.slice(0, 3).map((r) => r.lq_sgb2 as number);
    expect(map.z).toEqual(lqs.map((v) => Math.log2(v)));
    const m = Math.max(...lqs.map((v) => Math.abs(Math.log2(v))));
    expect([map.zmin, map.zmax]).toEqual([-m, m]);
    expect(map.text[0]).toBe(lqs[0].toFixed(2).replace(".", ","));
    expect(map.colorbar.ticktext).toContain("1");
    expect(section.paragraphs!.join(" ")).toContain("MAUP");
  });

  it("checks its options", () => {
    expect(() => mixSection(y2018, { id: "sozialraum_id", total: "ew", groups: {} })).toThrow('mixSection: die Option "groups" braucht mindestens eine Spalte');
    expect(() => mixSection(y2018, { id: "sozialraum_id", total: "ew", groups: { sgb2: "SGB II" }, geojson, mapGroup: "x", permutations: 9 })).toThrow(
      'mixSection: mapGroup "x" ist keine der Gruppen (sgb2)',
    );
  });
});
