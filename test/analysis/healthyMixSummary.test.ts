/**
 * healthyMixSummary on a hand-built result: five unit squares in a row A–B–C–D–E (queen neighbours A:B, B:A C,
 * C:B D, D:C E, E:D); E has no rank (not counted) but its verdict still counts for its neighbour D. Every expected value below is counted by hand from the verdicts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { healthyMixSummary } from "../../src/analysis/healthyMixSummary.js";
import type { AnalysisResult } from "../../src/analysis/analysisResult.js";
import type { Verdict } from "../../src/classify/conspicuousness.js";
import { healthyMixSentence } from "../../src/report/sections/summarySection.js";

type V = Verdict | null;
const square = (id: string, x: number) => ({
  type: "Feature",
  properties: { sozialraum_id: id },
  geometry: { type: "Polygon", coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
});

/** A result with only what the summary reads. */
function fakeResult(verdicts: Record<string, { children: V; elderly: V; rank: number | null }>, withMap = true): AnalysisResult {
  const ids = Object.keys(verdicts);
  const flagged = (v: V) => v === "auffällig" || v === "stark auffällig";
  return {
    parameters: { id: "sozialraum_id", neighbourhood: null },
    areas: ids.map((id) => ({ id, name: `Gebiet ${id}`, stadtteilId: "1", stadtteil: "T", stadtbezirkId: "1", stadtbezirk: "B" })),
    geojson: withMap ? { type: "FeatureCollection", features: ids.map((id, i) => square(id, i)) } : null,
    indicators: { current: { indicators: [{ id: "kinderarmut", label: "Kinderarmut" }, { id: "altersarmut", label: "Altersarmut" }] }, previous: null },
    conspicuousness: {
      targetGroups: ["children", "elderly"],
      areas: ids.map((id) => ({
        id,
        flags: [],
        groups: (["children", "elderly"] as const).map((g) => ({
          targetGroup: g,
          verdict: verdicts[id][g],
          indicators: flagged(verdicts[id][g]) ? [g === "children" ? "kinderarmut" : "altersarmut"] : [],
          reason: flagged(verdicts[id][g]) ? "1 von 1 Indikatoren auffällig" : "",
        })),
      })),
    },
    ranking: ids.map((id) => ({
      rang: verdicts[id].rank,
      sozialraum_id: id,
      sozialraum_name: `Gebiet ${id}`,
      stadtteil_name: "T",
      verdicts: { children: verdicts[id].children, elderly: verdicts[id].elderly },
    })),
    neighbourhood: null,
    supply: null,
    vernetzung: null,
    verdictSensitivity: null,
  } as unknown as AnalysisResult;
}

const CITY = {
  A: { children: "stark auffällig", elderly: "unauffällig", rank: 1 },
  B: { children: "auffällig", elderly: "unauffällig", rank: 2 },
  C: { children: "unauffällig", elderly: "unauffällig", rank: 4 },
  D: { children: "auffällig", elderly: "auffällig", rank: 3 },
  E: { children: "stark auffällig", elderly: null, rank: null },
} as const;

describe("healthyMixSummary", () => {
  const s = healthyMixSummary(fakeResult(CITY as never));

  it("counts the ranked Sozialräume unauffällig in every target group (E has no rank and does not count)", () => {
    expect(s.ranked).toBe(4);
    expect(s.unremarkable).toBe(1); // only C
    expect(s.healthyMix).toBe(false);
    expect(healthyMixSentence(s)).toBe(
      "Von 4 Sozialräumen mit Rang ist 1 in allen Zielgruppen unauffällig; 3 sind in mindestens einer Zielgruppe auffällig – " +
        "eine gesunde soziale Mischung (jeder Sozialraum in jeder Zielgruppe unauffällig) ist damit nicht erreicht.",
    );
  });

  it("lists the auffälligen per target group and the indicators behind each verdict", () => {
    expect(s.targetGroups).toEqual([
      { group: "children", label: "Kinder und Jugendliche", auffaellig: ["B", "D"], starkAuffaellig: ["A"] },
      { group: "elderly", label: "Ältere", auffaellig: ["D"], starkAuffaellig: [] },
    ]);
    expect(s.areas.map((a) => a.id)).toEqual(["A", "B", "D"]);
    expect(s.areas[2].groups.map((g) => [g.group, g.verdict, g.indicators])).toEqual([
      ["children", "auffällig", ["Kinderarmut"]],
      ["elderly", "auffällig", ["Altersarmut"]],
    ]);
  });

  it("places each verdict among the queen neighbours: allein, im Verbund, am Rand eines Verbunds", () => {
    const pos = (id: string, g: string) => s.areas.find((a) => a.id === id)!.groups.find((x) => x.group === g)!;
    // A: 1 neighbour (B, auffällig) → 1 of 1 → im Verbund.
    expect([pos("A", "children").flaggedNeighbours, pos("A", "children").neighbours, pos("A", "children").position]).toEqual([1, 1, "im Verbund"]);
    // B: neighbours A (stark auffällig) and C (unauffällig) → 1 of 2 → 2·1 ≥ 2 → im Verbund.
    expect([pos("B", "children").flaggedNeighbours, pos("B", "children").neighbours, pos("B", "children").position]).toEqual([1, 2, "im Verbund"]);
    // D: neighbours C (unauffällig) and E (children stark auffällig, elderly without verdict).
    expect([pos("D", "children").flaggedNeighbours, pos("D", "children").neighbours, pos("D", "children").position]).toEqual([1, 2, "im Verbund"]);
    expect([pos("D", "elderly").flaggedNeighbours, pos("D", "elderly").neighbours, pos("D", "elderly").position]).toEqual([0, 2, "allein"]);
    expect(s.areas.find((a) => a.id === "B")!.neighbours.map((n) => n.id)).toEqual(["A", "C"]);
  });

  it("names what it could not use", () => {
    expect(s.notes).toEqual([
      "keine Sensitivitätsanalyse: Stabilität der Bewertungen nicht bestimmt",
      "kein Schritt „Bedarf und Angebot“: Angebot nicht einbezogen",
      "kein Schritt „Vernetzung“: Vernetzung nicht einbezogen",
    ]);
    const noMap = healthyMixSummary(fakeResult(CITY as never, false));
    expect(noMap.notes).toContain("keine Gebietsgrenzen: Nachbarschaft nicht einbezogen");
    expect(noMap.areas[0].groups[0].position).toBeNull();
  });

  it("a healthy mix when every ranked area is unauffällig in every group", () => {
    const h = healthyMixSummary(fakeResult({ A: { children: "unauffällig", elderly: "unauffällig", rank: 1 }, B: { children: "unauffällig", elderly: null, rank: null } }));
    expect([h.ranked, h.unremarkable, h.healthyMix, h.areas]).toEqual([1, 1, true, []]);
    expect(healthyMixSentence(h)).toMatch(/^Alle 1 Sozialräume mit Rang sind in allen Zielgruppen unauffällig/);
  });

  it("invariant: unauffällige + auffällige = ranked, and every listed area is auffällig in a listed group", () => {
    const verdict = fc.constantFrom<V>("unauffällig", "auffällig", "stark auffällig", null);
    fc.assert(
      fc.property(fc.array(fc.record({ children: verdict, elderly: verdict, ranked: fc.boolean() }), { minLength: 1, maxLength: 8 }), (rows) => {
        const input = Object.fromEntries(rows.map((r, i) => [`X${i}`, { children: r.children, elderly: r.elderly, rank: r.ranked ? i + 1 : null }]));
        const sum = healthyMixSummary(fakeResult(input as never));
        expect(sum.unremarkable + sum.areas.length).toBe(rows.filter((r) => r.ranked).length);
        for (const a of sum.areas) expect(a.groups.length).toBeGreaterThan(0);
        const listed = sum.targetGroups.reduce((n, g) => n + g.auffaellig.length + g.starkAuffaellig.length, 0);
        expect(listed).toBe(sum.areas.reduce((n, a) => n + a.groups.length, 0));
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
