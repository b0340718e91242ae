import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_SERVING_TYPES, supplyGaps, type GapFacility, type ServingType } from "../../src/supply/index.js";

const kita: ServingType = { type: "Kita", group: "children", population: ["ew_0_5"], populationLabel: "0–5", gapRule: "lowSupply", tags: ["Kita"] };

// Three areas 1° of longitude apart (≈ 70 km): no catchment reaches a neighbour unless a facility is moved.
const centroids = [{ id: "a", lon: 7, lat: 51 }, { id: "b", lon: 8, lat: 51 }, { id: "c", lon: 9, lat: 51 }];
const residents = [{ sozialraum_id: "a", ew_0_5: 400 }, { sozialraum_id: "b", ew_0_5: 200 }, { sozialraum_id: "c", ew_0_5: 100 }];
const need = [{ id: "a", group: "children", need: 2 }, { id: "b", group: "children", need: 0.5 }, { id: "c", group: "children", need: 1.5 }];
const facilities: GapFacility[] = [
  { id: "K1", type: "Kita", area: "a", capacity: 100, lon: 7, lat: 51 },
  { id: "K2", type: "Kita", area: "a", capacity: 100, lon: 7, lat: 51 },
  { id: "K3", type: "Kita", area: "b", capacity: 50, lon: 8, lat: 51 },
  { id: "J1", type: "Jugendzentrum", area: "c", capacity: 500, lon: 9, lat: 51 },
];

describe("supplyGaps (hand calculation)", () => {
  // city = (100 + 100 + 50) / (400 + 200 + 100) × 1000 = 357,142…; mean capacity c̄ = 250 / 3 = 83,33…
  // a: 400 × 0,357 = 142,9 ≥ c̄ → own area: 200 / 400 × 1000 = 500, relative 1,4
  // b: 200 × 0,357 = 71,4 < c̄ → max(own 250, 2SFCA 50/200×1000 = 250) = 250, relative 0,7 < 0,75 → low
  // c: 35,7 < c̄ → max(0, 0) = 0 → low
  it("rates, scale rule, low supply and the gap list (lowSupply rule)", () => {
    const r = supplyGaps({ facilities, residents, centroids, need }, { servingType: kita, decay: { type: "none" }, radiusKm: 2 });
    expect(r.cityRate).toBeCloseTo(357.142857, 5);
    expect(r.meanCapacity).toBeCloseTo(83.3333, 4);
    expect(r.rows.map((x) => x.id)).toEqual(["a", "b", "c"]);
    expect(r.rows.map((x) => [x.facilities, x.places])).toEqual([[2, 200], [1, 50], [0, 0]]);
    expect(r.rows[0]).toMatchObject({ scale: "area", supply: 500, lowSupply: false, highNeed: true, gap: false });
    expect(r.rows[0].relative).toBeCloseTo(1.4, 10);
    expect(r.rows[1]).toMatchObject({ supply: 250, lowSupply: true, highNeed: false, gap: true });
    expect(r.rows[1].relative).toBeCloseTo(0.7, 10);
    expect(r.rows[2]).toMatchObject({ supply: 0, relative: 0, lowSupply: true, highNeed: true, gap: true });
    // high need first (c), then the lowest relative supply
    expect(r.gaps.map((x) => x.id)).toEqual(["c", "b"]);
  });

  it("a small area counts the places within reach when they are more than its own", () => {
    // c now lies about 0,7 km from a's Kitas.
    const near = [centroids[0], centroids[1], { id: "c", lon: 7.01, lat: 51 }];
    const r = supplyGaps({ facilities, residents, centroids: near, need }, { servingType: kita, decay: { type: "none" }, radiusKm: 2 });
    // 2SFCA, no decay: K1, K2 each reach a (400) and c (100): R = 100 / 500; A_c = 2 × 0,2 × 1000 = 400
    expect(r.rows[2]).toMatchObject({ scale: "catchment", lowSupply: false, gap: false });
    expect(r.rows[2].supply).toBeCloseTo(400, 10);
    expect(r.rows[2].relative).toBeCloseTo(400 / (2500 / 7), 10);
    // a stays its own planning unit (500), although its accessibility fell to 400
    expect(r.rows[0]).toMatchObject({ scale: "area", supply: 500 });
  });

  it("highNeedLowSupply: only low supply with need above the threshold; the threshold is strict", () => {
    const t = { ...kita, gapRule: "highNeedLowSupply" as const };
    const r = supplyGaps({ facilities, residents, centroids, need }, { servingType: t, decay: { type: "none" } });
    expect(r.gaps.map((x) => x.id)).toEqual(["c"]);
    const low = supplyGaps({ facilities, residents, centroids, need }, { servingType: t, decay: { type: "none" }, needThreshold: 0.5 });
    expect(low.gaps.map((x) => x.id)).toEqual(["c"]); // b has need 0.5, not > 0.5
    const lower = supplyGaps({ facilities, residents, centroids, need }, { servingType: t, decay: { type: "none" }, needThreshold: 0.4 });
    expect(lower.gaps.map((x) => x.id)).toEqual(["c", "b"]);
  });

  it("low supply is strict: relative exactly at the share is not low", () => {
    const base = supplyGaps({ facilities, residents, centroids, need }, { servingType: kita, decay: { type: "none" } });
    const at = base.rows[1].relative as number;
    const r = supplyGaps({ facilities, residents, centroids, need }, { servingType: kita, decay: { type: "none" }, lowSupplyShare: at });
    expect(r.rows[1].lowSupply).toBe(false);
    expect(r.gaps.map((x) => x.id)).toEqual(["c"]);
    expect(supplyGaps({ facilities, residents, centroids, need }, { servingType: kita, decay: { type: "none" }, lowSupplyShare: at * 1.000001 }).gaps.map((x) => x.id)).toEqual(["c", "b"]);
  });

  it("counts only the serving type, and excludes areas without residents with the reason", () => {
    const rows = [...residents.slice(0, 2), { sozialraum_id: "c", ew_0_5: null }];
    const r = supplyGaps({ facilities, residents: rows, centroids, need }, { servingType: kita, decay: { type: "none" } });
    expect(r.rows[2]).toMatchObject({ population: null, supply: null, gap: false });
    expect(r.excluded).toEqual([{ id: "c", reason: "Einwohnerzahl fehlt (0–5)", step: "supplyGaps", column: "ew_0_5" }]);
    expect(r.cityRate).toBeCloseTo((250 / 600) * 1000, 10);
    expect(() => supplyGaps({ facilities, residents: [{ sozialraum_id: "a" }], centroids, need }, { servingType: kita })).toThrow(
      'supplyGaps: Einwohnerzeile 1 (Gebiet "a") hat keine Spalte "ew_0_5"',
    );
  });

  it("does not mutate its inputs; rows keep input order and length", () => {
    const before = JSON.stringify({ facilities, residents, need });
    const r = supplyGaps({ facilities, residents: [...residents].reverse(), centroids, need }, { servingType: kita });
    expect(r.rows.map((x) => x.id)).toEqual(["c", "b", "a"]);
    expect(JSON.stringify({ facilities, residents, need })).toBe(before);
  });
});

describe("supplyGaps (invariants)", () => {
  // random areas on a line 0,5 km apart, random Kitas in them, random need
  const cityArb = fc.array(
    fc.record({ children: fc.integer({ min: 0, max: 600 }), places: fc.array(fc.integer({ min: 10, max: 120 }), { maxLength: 3 }), need: fc.double({ min: -3, max: 3, noNaN: true }) }),
    { minLength: 2, maxLength: 12 },
  );
  const build = (areas: Array<{ children: number; places: number[]; need: number }>) => ({
    residents: areas.map((a, i) => ({ sozialraum_id: `s${i}`, ew_0_5: a.children })),
    centroids: areas.map((_, i) => ({ id: `s${i}`, lon: 7 + i * 0.007, lat: 51 })),
    need: areas.map((a, i) => ({ id: `s${i}`, group: "children", need: a.need })),
    facilities: areas.flatMap((a, i) => a.places.map((c, k) => ({ id: `K${i}_${k}`, type: "Kita", area: `s${i}`, capacity: c, lon: 7 + i * 0.007, lat: 51 }))),
  });
  it("gaps are exactly the rows with gap; lowSupply ⇔ relative < share; highNeedLowSupply gaps ⊆ lowSupply gaps; a larger share never shortens the list", () => {
    fc.assert(
      fc.property(cityArb, fc.double({ min: 0.1, max: 1.5, noNaN: true }), (areas, share) => {
        const input = build(areas);
        const low = supplyGaps(input, { servingType: kita, lowSupplyShare: share });
        const high = supplyGaps(input, { servingType: { ...kita, gapRule: "highNeedLowSupply" }, lowSupplyShare: share });
        const wider = supplyGaps(input, { servingType: kita, lowSupplyShare: share * 1.2 });
        expect(low.rows.map((r) => r.id)).toEqual(input.residents.map((r) => r.sozialraum_id));
        expect(new Set(low.gaps.map((r) => r.id))).toEqual(new Set(low.rows.filter((r) => r.gap).map((r) => r.id)));
        for (const r of low.rows) if (r.relative !== null) expect(r.lowSupply).toBe(r.relative < share);
        for (const r of high.gaps) expect(r.need! > 1 && low.gaps.some((g) => g.id === r.id)).toBe(true);
        for (const r of low.gaps) expect(wider.gaps.some((g) => g.id === r.id)).toBe(true);
      }),
    );
  });
});

describe("DEFAULT_SERVING_TYPES", () => {
  it("maps every facility type of einrichtungen.csv to whom it serves", () => {
    expect(DEFAULT_SERVING_TYPES.map((t) => [t.type, t.group, t.population.join("+"), t.gapRule])).toEqual([
      ["Kita", "children", "ew_0_5", "lowSupply"],
      ["Jugendzentrum", "children", "ew_6_14+ew_15_17", "highNeedLowSupply"],
      ["Familienzentrum", "children", "hh_mit_kindern", "highNeedLowSupply"],
      ["Seniorentreff", "elderly", "ew_65_plus", "highNeedLowSupply"],
      ["Beratungsstelle", "working-age", "ew_15_17+ew_18_24+ew_25_64", "highNeedLowSupply"],
    ]);
  });
});
