import { describe, expect, it } from "vitest";
import { observationContradictions, supplyGaps, type GapFacility, type Observation, type ServingType } from "../../src/supply/index.js";

const kita: ServingType = { type: "Kita", group: "children", population: ["ew_0_5"], populationLabel: "0–5", gapRule: "lowSupply", tags: ["Kita", "Betreuung"] };
const centroids = [{ id: "a", lon: 7, lat: 51 }, { id: "b", lon: 8, lat: 51 }, { id: "c", lon: 9, lat: 51 }];
const residents = [{ sozialraum_id: "a", ew_0_5: 400 }, { sozialraum_id: "b", ew_0_5: 200 }, { sozialraum_id: "c", ew_0_5: 100 }];
const need = [{ id: "a", group: "children", need: 2 }, { id: "b", group: "children", need: 0.5 }, { id: "c", group: "children", need: 1.5 }];
const facilities: GapFacility[] = [
  { id: "K1", type: "Kita", area: "a", capacity: 200, lon: 7, lat: 51 },
  { id: "K3", type: "Kita", area: "b", capacity: 50, lon: 8, lat: 51 },
];
// Hand calculation (see supplyGaps.test.ts): city 357,14; a 500 (1,4 × city), b 250 (0,7), c 0 → gaps b, c.
const gaps = supplyGaps({ facilities, residents, centroids, need }, { servingType: kita, decay: { type: "none" } });

const obs = (row: number, area: string, group: string, tags: string[], bedarf: string | null): Observation => ({
  row, date: "2018-01-01", area, group, source: "Stadtteilkonferenz", text: "…", tags, need: bedarf,
});

describe("observationContradictions (crafted cases)", () => {
  const observations = [
    obs(2, "a", "children", ["Kita", "Betreuung"], "hoch"), // shortage, but a has 140 % of the city's places
    obs(3, "b", "children", ["Sprache"], "mittel"), // need, but the need index 0,5 is not above 1
    obs(4, "c", "children", ["ausreichend"], "niedrig"), // "no need", but need 1,5 and a Kita gap
    obs(5, "a", "context", ["Wohnumfeld"], "mittel"), // no need judgement for context
    obs(6, "x", "children", ["Kita"], "hoch"), // no need value at all
  ];
  const r = observationContradictions(observations, need, [gaps], [kita]);

  it("finds both directions with the documented rules", () => {
    expect(gaps.gaps.map((g) => g.id)).toEqual(["c", "b"]);
    expect(r.contradictions.map((c) => [c.direction, c.kind, c.id, c.type, c.observationRows])).toEqual([
      ["observation-without-data", "shortage-but-high-supply", "a", "Kita", [2]],
      ["observation-without-data", "need-not-in-data", "b", null, [3]],
      ["observation-without-data", "need-not-in-data", "x", null, [6]],
      ["data-without-observation", "no-need-but-gap", "c", "Kita", [4]],
      // b's gap is mentioned by row 3 (a need for children in b); c's is not
      ["data-without-observation", "gap-not-observed", "c", "Kita", []],
    ]);
    expect(r.contradictions.map((c) => c.reason)).toEqual([
      "Mangel gemeldet (Kita), Angebot 140 % des Stadtwerts",
      "Bedarf gemeldet, Bedarfsindex 0,50 nicht über 1,00",
      "Bedarf gemeldet, kein Bedarfsindex in den Daten",
      "kein Bedarf gemeldet, die Daten zeigen Bedarfsindex 1,50; Lücke: Kita",
      "Lücke (Kita, 0 % des Stadtwerts), in keinem Stadtteiltreffen genannt",
    ]);
    expect(r.unchecked).toEqual([{ row: 5, id: "a", group: "context", reason: "Zielgruppe ohne Bedarfsurteil und ohne zugeordnete Einrichtungsart" }]);
  });

  it("a tag of another target group's type does not link; no observations: no 'gap-not-observed'", () => {
    const other = observationContradictions([obs(2, "a", "working-age", ["Kita"], "hoch")], [{ id: "a", group: "working-age", need: 3 }], [gaps], [kita], {
      groups: ["children", "working-age"],
    });
    expect(other.contradictions.filter((c) => c.kind === "shortage-but-high-supply")).toEqual([]);
    expect(observationContradictions([], need, [gaps], [kita]).contradictions).toEqual([]);
  });

  it("the need threshold is strict and configurable", () => {
    const at = observationContradictions([obs(2, "c", "children", ["x"], "hoch")], need, [], [kita], { needThreshold: 1.5 });
    expect(at.contradictions.map((c) => c.kind)).toEqual(["need-not-in-data"]);
    expect(observationContradictions([obs(2, "c", "children", ["x"], "hoch")], need, [], [kita], { needThreshold: 1.4 }).contradictions).toEqual([]);
  });
});
