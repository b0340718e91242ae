import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conspicuousPoorlyNetworked, cooperationNetwork } from "../../src/network/index.js";
import { DataError } from "../../src/table/dataError.js";
import { ACTORS, AREAS, COOPERATIONS, FACILITIES } from "./crafted.js";

const net = () => cooperationNetwork({ areas: AREAS, facilities: FACILITIES, actors: ACTORS, cooperations: COOPERATIONS });

describe("cooperationNetwork on a crafted network (hand calculation)", () => {
  it("S1: n = 3 (F1, F2, A1), active pairs inside F1–A1, F2–A1 → density 2 / (3·2/2) = 2/3; one tie to S2", () => {
    const s1 = net().rows[0];
    expect(s1).toEqual({
      id: "S1", name: "Eins", facilities: 2, localActors: 1, actors: 3,
      cooperationsInside: 2, cooperationsAcross: 1, inactivePairs: 0, possiblePairs: 3, density: 2 / 3,
      connectedActors: 3, connectedShare: 1, linkedAreas: ["S2"], linkedAreaCount: 1, facilitiesWithoutPartner: [],
    });
  });

  it("S2: n = 4 (F3, F5, A2, A3), the only pair inside has ended → density 0 / 6 = 0; ties to S1 and outside; F5 without partner", () => {
    const s2 = net().rows[1];
    expect(s2).toMatchObject({
      facilities: 2, localActors: 2, actors: 4, cooperationsInside: 0, cooperationsAcross: 2, inactivePairs: 1,
      possiblePairs: 6, density: 0, connectedActors: 2, connectedShare: 0.5, linkedAreas: ["S1"], linkedAreaCount: 1,
      facilitiesWithoutPartner: ["F5"],
    });
  });

  it("S3 without actors appears with zeros, density and share null; rows keep the area order", () => {
    const r = net();
    expect(r.rows.map((x) => x.id)).toEqual(["S1", "S2", "S3"]);
    expect(r.rows[2]).toMatchObject({ actors: 0, cooperationsInside: 0, cooperationsAcross: 0, possiblePairs: 0, density: null, connectedShare: null, linkedAreas: [] });
  });

  it("city: 8 actors, 5 active and 1 ended cooperation, 4 active pairs (2 across borders), density 4 / 28; F4 outside noted", () => {
    const r = net();
    expect(r.city).toEqual({ actors: 8, activeCooperations: 5, inactiveCooperations: 1, activePairs: 4, crossBorderPairs: 2, density: 4 / 28, facilitiesWithoutPartner: 1 });
    expect(r.notes[0]).toMatch(/1 Einrichtung\(en\) liegen in keinem Sozialraum.*F4/);
    const e = r.edges.find((x) => x.cooperations.includes("K2"));
    expect(e).toMatchObject({ cooperations: ["K1", "K2"], topics: ["Thema K1", "Thema K2"], active: true, crossesBorder: false });
    expect(r.nodes.find((n) => n.id === "F1")?.partners).toBe(2);
  });

  it("rejects unknown partners, actor ids that are facilities and actors in unknown areas, naming file, row, column and value", () => {
    const bad = [...COOPERATIONS, { ...COOPERATIONS[0], id: "K9", b: "X7", row: 9 }];
    expect(() => cooperationNetwork({ areas: AREAS, facilities: FACILITIES, actors: ACTORS, cooperations: bad })).toThrow(
      'cooperationNetwork: kooperationen.csv Zeile 9, Spalte "akteur_b": unbekannter Partner (weder Einrichtung noch Akteur): "X7"',
    );
    const clash = [...ACTORS, { ...ACTORS[0], id: "F1", row: 5 }];
    expect(() => cooperationNetwork({ areas: AREAS, facilities: FACILITIES, actors: clash, cooperations: COOPERATIONS })).toThrow(/akteure.csv Zeile 5, Spalte "akteur_id": Kennung ist auch eine Einrichtung: "F1"/);
    try {
      cooperationNetwork({ areas: AREAS, facilities: FACILITIES, actors: [{ ...ACTORS[0], areaId: "S9" }], cooperations: [] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).column).toBe("sozialraum_id");
      expect((e as DataError).value).toBe("S9");
    }
  });

  it("invariants: order of cooperations does not matter; 0 ≤ density ≤ 1; inside ≤ possible pairs", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(COOPERATIONS, { minLength: 0, maxLength: COOPERATIONS.length }), fc.boolean(), (subset, reverse) => {
        const cs = reverse ? [...subset].reverse() : subset;
        const a = cooperationNetwork({ areas: AREAS, facilities: FACILITIES, actors: ACTORS, cooperations: subset });
        const b = cooperationNetwork({ areas: AREAS, facilities: FACILITIES, actors: ACTORS, cooperations: cs });
        const strip = (rows: typeof a.rows) => rows.map((r) => ({ ...r }));
        expect(strip(a.rows)).toEqual(strip(b.rows));
        for (const r of a.rows) {
          expect(r.cooperationsInside).toBeLessThanOrEqual(r.possiblePairs);
          if (r.density !== null) expect(r.density >= 0 && r.density <= 1).toBe(true);
          expect(r.connectedActors).toBeLessThanOrEqual(r.actors);
        }
        expect(a.rows.length).toBe(AREAS.length);
      }),
    );
  });
});

describe("conspicuousPoorlyNetworked", () => {
  const conspicuous = [{ id: "S2", group: "children" }, { id: "S1", group: "elderly" }, { id: "S2", group: "elderly" }, { id: "S3" }];

  it("names S2 (density 0 < 0,1) and S3 (no actors), not S1 (2/3, all connected); rows in area order", () => {
    const r = conspicuousPoorlyNetworked(net(), conspicuous);
    expect(r.rows.map((x) => [x.id, x.poorlyNetworked, x.reason])).toEqual([
      ["S1", false, "vernetzt"],
      ["S2", true, "Dichte 0,00 unter 0,10"],
      ["S3", true, "keine Akteure"],
    ]);
    expect(r.rows[1].groups).toEqual(["children", "elderly"]);
    expect(r.poorlyNetworked).toEqual(["S2", "S3"]);
  });

  it("thresholds are options: share 0,5 < 0,6 adds a reason; minDensity 0 leaves S2 only under the share rule", () => {
    const r = conspicuousPoorlyNetworked(net(), conspicuous, { minConnectedShare: 0.6 });
    expect(r.rows[1].reason).toBe("Dichte 0,00 unter 0,10; Anteil vernetzter Akteure 0,50 unter 0,60");
    const r2 = conspicuousPoorlyNetworked(net(), conspicuous, { minDensity: 0 });
    expect(r2.poorlyNetworked).toEqual(["S3"]);
  });

  it("rejects an auffälliger Sozialraum outside the area list and thresholds outside [0, 1]", () => {
    expect(() => conspicuousPoorlyNetworked(net(), [{ id: "S9" }])).toThrow('conspicuousPoorlyNetworked: auffälliger Sozialraum "S9" ist nicht in der Gebietsliste des Netzwerks');
    expect(() => conspicuousPoorlyNetworked(net(), [], { minDensity: 2 })).toThrow(/minDensity muss zwischen 0 und 1 liegen, ist 2/);
  });
});
