import { beforeAll, expect, it } from "vitest";
import {
  berlinMssStatus,
  compositeIndexEvaluator,
  compositeSensitivity,
  readCsv,
  sensitivitySection,
  stableStringify,
  type CompositeVariantSpec,
  type SensitivityAnalysis,
} from "../../src/index.js";
import { describeShared, sharedPath } from "../helpers/shared-data.js";

const file = (name: string) => sharedPath("berlin-mss-2021", name);

// Berlin Monitoring Soziale Stadtentwicklung 2021: the status index (S1, S3, S4) of the 536 valid
// Planungsräume under the method variants. Publisher's results: mss_2021_indizes.csv (SI_V) and table 3.
describeShared("Berlin MSS 2021 status index under method variants", () => {
  let rows: Array<Record<string, unknown>>;
  let published: Map<string, Record<string, unknown>>;
  let table3: Map<string, Record<string, unknown>>;
  let spec: CompositeVariantSpec;
  let s: SensitivityAnalysis;
  let baseIndex: Map<string, number>;
  beforeAll(() => {
    rows = readCsv(file("mss_2021_index_indikatoren.csv"), { id: "PLR_ID" }).rows;
    published = new Map(readCsv(file("mss_2021_indizes.csv"), { id: "PLR_ID" }).rows.map((r) => [String(r.PLR_ID), r]));
    table3 = new Map(readCsv(file("mss_2021_index-indikatoren_z-werte_plr.csv"), { id: "PLR-ID" }).rows.map((r) => [String(r["PLR-ID"]), r]));
    // The WFS table has residents (EW) but not the age groups: for the Monte Carlo draws the bases of S1
    // (residents 15 to under 65) and S4 (under 15) are approximated with Berlin's age structure 2020
    // (about 66 % and 14 % of residents). S3 is a share of all residents.
    spec = {
      id: "PLR_ID",
      label: "Status-Index",
      indicators: [
        { column: "S1", label: "Arbeitslosigkeit", denominator: (r) => Math.round((r.EW as number) * 0.66) },
        { column: "S3", label: "Transferbezug", denominator: "EW" },
        { column: "S4", label: "Kinderarmut", denominator: (r) => Math.round((r.EW as number) * 0.14) },
      ],
      scheme: berlinMssStatus,
      valid: { column: "KOM", value: "gültig" },
      population: "EW",
    };
    s = compositeSensitivity(rows, spec, { seed: 2021, draws: 20, name: "PLR_NAME" });
    baseIndex = new Map(
      compositeIndexEvaluator(rows, spec).evaluate().areas.filter((a) => a.valid).map((a) => [a.id, a.index!]),
    );
  });
  const outcome = (name: string) => new Map(s.methods.outcomes.find((o) => o.name === name)!.results.map((r) => [r.id, r]));

  it("the baseline reproduces the publisher's status classes (mittel 366, hoch 75, sehr niedrig 49, niedrig 46)", () => {
    const base = s.methods.outcomes[0];
    expect(base.name).toBe("Basis");
    const ranked = base.results.filter((r) => r.rank !== null);
    expect(ranked).toHaveLength(536);
    const counts: Record<string, number> = {};
    for (const r of ranked) counts[r.class!] = (counts[r.class!] ?? 0) + 1;
    expect(counts).toEqual({ mittel: 366, hoch: 75, "sehr niedrig": 49, niedrig: 46 });
    for (const r of ranked) expect([r.id, r.class]).toEqual([r.id, published.get(r.id)!.SI_V]);
  });

  it("runs 17 variants and reports per area median rank, 5–95 % interval and class stability", () => {
    expect(s.methods.variants).toHaveLength(17);
    const areas = s.methods.summary.areas.filter((a) => a.baselineRank !== null);
    expect(areas).toHaveLength(536);
    for (const a of areas) {
      expect(a.nVariants).toBe(17);
      expect(a.rankP05!).toBeLessThanOrEqual(a.medianRank!);
      expect(a.medianRank!).toBeLessThanOrEqual(a.rankP95!);
      expect(a.classStability! * 17).toBeCloseTo(17 - a.differingVariants.length, 12);
    }
    expect(s.methods.summary.methodDependent.length).toBeGreaterThan(0);
    expect(s.methods.summary.methodDependent.length).toBeLessThan(536);
  });

  it("the variant 'unweighted mean + population SD' (the MSS method) equals the baseline exactly", () => {
    expect(s.methods.outcomes.find((o) => o.name === "ungewichtet, SD Grundgesamtheit (n)")!.results).toEqual(s.methods.outcomes[0].results);
    const c = Object.fromEntries(s.methods.summary.correlations.map((x) => [x.variant, x.spearman]));
    expect(c["ungewichtet, SD Grundgesamtheit (n)"]).toBe(1);
    expect(s.methods.spearman!.values[0][0]).toBe(1); // Spearman of the baseline with itself
    expect(c.Basis).toBeCloseTo(1, 14);
  });

  it("sample instead of population SD scales the index by √((n−1)/n) and changes exactly the predicted classes", () => {
    // With n = 536 valid areas: s_sample = s_pop · √(n/(n−1)), so every indicator z-value is multiplied by
    // c = √((n−1)/n) = √(535/536) ≈ 0.99906672. The status sum Σ z is multiplied by c too; its mean stays 0 and its
    // sample SD is c · s_pop(sum) · √(n/(n−1)) = s_pop(sum), so the index becomes c · index: every area moves
    // toward 0 by (1 − c)·|x| ≤ 0.00093 · |x|. Ranks do not change at all, and a class changes exactly when a
    // boundary b lies between c·x and x: 1 < x ≤ 1/c, 1.5 < x ≤ 1.5/c, or −1/c ≤ x < −1.
    const n = 536;
    const c = Math.sqrt((n - 1) / n);
    const ev = compositeIndexEvaluator(rows, spec);
    const sample = new Map(ev.evaluate({ sd: "sample" }).areas.filter((a) => a.valid).map((a) => [a.id, a]));
    for (const [id, x] of baseIndex) expect(sample.get(id)!.index!).toBeCloseTo(c * x, 13);
    const predicted = [...baseIndex].filter(([, x]) => (x > 1 && x <= 1 / c) || (x > 1.5 && x <= 1.5 / c) || (x >= -1 / c && x < -1)).map(([id]) => id);
    const variant = outcome("ungewichtet, SD Stichprobe (n − 1)");
    const changed = s.methods.outcomes[0].results.filter((r) => r.rank !== null && variant.get(r.id)!.class !== r.class).map((r) => r.id);
    // The bands are only 0.00093, 0.0014 and 0.00093 wide; in 2021 no Planungsraum lies in one, so no class changes.
    expect(predicted).toEqual([]);
    expect(changed).toEqual(predicted);
    expect([...variant.values()].map((r) => r.rank)).toEqual(s.methods.outcomes[0].results.map((r) => r.rank));
    // Hence every area whose published index (table 3, two decimals) lies farther than 0.5 from every class
    // boundary keeps its class: |x| < 3.73 here, so (1 − c)|x| < 0.0035 ≪ 0.5.
    expect(Math.max(...[...baseIndex.values()].map(Math.abs))).toBeLessThan(3.73);
    const far = [...baseIndex.keys()].filter((id) => {
      const x = table3.get(id)!["Status-Index (standardisierte Statussumme)"] as number;
      return [-1, 1, 1.5].every((b) => Math.abs(x - b) > 0.5);
    });
    expect(far.length).toBe(197); // of 536 (table 3); the other 339 lie within 0.5 of −1, 1 or 1.5
    for (const id of far) expect(variant.get(id)!.class).toBe(published.get(id)!.SI_V);
  });

  it("moving the class boundaries by +0.25 changes exactly the areas within 0.25 above a boundary", () => {
    // hoch x < −0.75, mittel ≤ 1.25, niedrig ≤ 1.75: an area changes class iff −1 ≤ x < −0.75, 1 < x ≤ 1.25 or 1.5 < x ≤ 1.75.
    const variant = outcome("Klassengrenzen +0,25");
    const predicted = [...baseIndex].filter(([, x]) => (x >= -1 && x < -0.75) || (x > 1 && x <= 1.25) || (x > 1.5 && x <= 1.75)).map(([id]) => id);
    const changed = s.methods.outcomes[0].results.filter((r) => r.rank !== null && variant.get(r.id)!.class !== r.class).map((r) => r.id);
    expect(changed).toEqual(predicted);
    expect(predicted.length).toBeGreaterThan(0);
  });

  it("the Monte Carlo draws are seeded: the same seed gives the same bytes", () => {
    const again = compositeSensitivity(rows, spec, { seed: 2021, draws: 20, name: "PLR_NAME", families: [] });
    expect(stableStringify(again.monteCarlo)).toBe(stableStringify(s.monteCarlo));
    expect(s.monteCarlo!.summary.areas.filter((a) => a.baselineRank !== null)).toHaveLength(536);
  });

  it("builds the report section with the method-dependent Planungsräume", () => {
    const section = sensitivitySection(s.methods, { monteCarlo: s.monteCarlo, areaNoun: "Planungsräume" });
    const dep = section.tables!.find((t) => t.title === "Methodenabhängige Planungsräume")!;
    expect(dep.rows.map((r) => r.sozialraum_id).sort()).toEqual([...s.methods.summary.methodDependent].sort());
    expect(section.tables!.find((t) => t.title === "Klassenstabilität")!.html).toBe(false); // 536 rows: workbook only
    expect(dep.rows[0].name).toBe(rows.find((r) => r.PLR_ID === dep.rows[0].sozialraum_id)!.PLR_NAME);
  });
});
