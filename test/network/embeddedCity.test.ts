import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { conspicuousPoorlyNetworked, cooperationNetwork, readActors, readCooperations } from "../../src/network/index.js";
import { assignPointsToAreas, readFacilities } from "../../src/supply/index.js";
import { generateSyntheticCity } from "../../src/synth/index.js";
import { DATA_DIR, readDataCsv } from "../synth/helpers.js";

// The committed files, read with the package's readers; the planted truth comes from the generator.
const geojson = JSON.parse(readFileSync(join(DATA_DIR, "sozialraeume.geojson"), "utf8"));
const areas = readDataCsv("gebiete.csv").map((g) => ({ id: g.sozialraum_id, name: g.sozialraum_name }));
const facilities = readFacilities(join(DATA_DIR, "einrichtungen.csv"));
const areaOf = assignPointsToAreas(facilities, geojson, { idProperty: "sozialraum_id" });
const net = cooperationNetwork({
  areas,
  facilities: facilities.map((f, i) => ({ ...f, areaId: areaOf[i] })),
  actors: readActors(join(DATA_DIR, "akteure.csv"), { areaIds: areas.map((a) => a.id) }),
  cooperations: readCooperations(join(DATA_DIR, "kooperationen.csv")),
});
const city = generateSyntheticCity();
const plan = city.vernetzung;
const row = (id: string) => net.rows.find((r) => r.id === id)!;

describe("Vernetzung in the embedded city: planted cases", () => {
  it("plans 4 well and 3 hardly networked Sozialräume and 4 facilities without cooperation", () => {
    expect(plan.wellNetworked).toEqual(["010103", "010301", "020101", "030201"]);
    expect(plan.poorlyNetworked).toEqual(["010104", "010305", "010306"]);
    expect(plan.isolatedFacilities).toHaveLength(4);
  });

  it("one row per Sozialraum in gebiete.csv order; the very small areas without actors have zeros", () => {
    expect(net.rows.map((r) => r.id)).toEqual(areas.map((a) => a.id));
    for (const small of city.areas.filter((a) => a.small)) expect(row(small.id)).toMatchObject({ localActors: 0, cooperationsInside: 0 });
    expect(row("030205")).toMatchObject({ actors: 0, density: null, connectedShare: null, linkedAreas: [] });
  });

  it("hardly networked: one active pair inside, no tie across the border, most facilities without partner", () => {
    for (const id of plan.poorlyNetworked) {
      const r = row(id);
      expect(r.cooperationsInside, id).toBe(1);
      expect(r.cooperationsAcross, id).toBe(0);
      expect(r.linkedAreas, id).toEqual([]);
      expect(r.connectedActors, id).toBe(2);
      expect(r.facilitiesWithoutPartner.length, id).toBe(r.facilities - 1);
    }
  });

  it("well networked: the Quartiersmanagement reaches everyone (share 1), density ≥ 0,4, ties to other Sozialräume", () => {
    for (const id of plan.wellNetworked) {
      const r = row(id);
      expect(r.connectedShare, id).toBe(1);
      expect(r.density!, id).toBeGreaterThanOrEqual(0.4);
      expect(r.linkedAreaCount, id).toBeGreaterThan(0);
    }
  });

  it("the planted isolated facilities have no partner; ties cross Sozialraum borders", () => {
    const without = net.rows.flatMap((r) => r.facilitiesWithoutPartner);
    for (const id of plan.isolatedFacilities) expect(without).toContain(id);
    expect(net.city.crossBorderPairs).toBeGreaterThan(50);
    expect(net.city.inactiveCooperations).toBeGreaterThan(0);
  });

  it("of the 12 most deprived Sozialräume (2018), the planted ones are 'auffällig, aber kaum vernetzt', the well networked not", () => {
    const top = [...city.areas].sort((a, b) => b.deprivation[2018] - a.deprivation[2018] || a.id.localeCompare(b.id)).slice(0, 12);
    const r = conspicuousPoorlyNetworked(net, top.map((a) => ({ id: a.id, group: "Gesamt" })));
    for (const id of plan.poorlyNetworked) expect(r.poorlyNetworked).toContain(id);
    for (const id of plan.poorlyNetworked) expect(r.rows.find((x) => x.id === id)?.reason).toMatch(/^Dichte 0,\d\d unter 0,10; Anteil vernetzter Akteure 0,\d\d unter 0,50$/);
    expect(r.rows.find((x) => x.id === "030205")?.reason).toBe("keine Akteure");
    for (const id of plan.wellNetworked.filter((w) => top.some((a) => a.id === w))) expect(r.rows.find((x) => x.id === id)?.poorlyNetworked).toBe(false);
  });
});

describe("Vernetzung in the embedded city: against R (sf + igraph)", () => {
  // test/reference/network/vernetzung.R: facilities placed with sf::st_within, graph and density with igraph.
  const ref = readFileSync(join(DATA_DIR, "..", "test", "reference", "network", "vernetzung.csv"), "utf8").trimEnd().split("\n").slice(1).map((l) => l.split(";"));
  const split = (s: string) => (s === "" ? [] : s.split("|"));

  it("matches n, m, density, pairs across, linked Sozialräume and facilities without partner in every Sozialraum", () => {
    expect(ref.map((r) => r[0])).toEqual(net.rows.map((r) => r.id));
    for (const [id, n, m, density, across, linked, without] of ref) {
      const r = row(id);
      expect({ id, n: r.actors, m: r.cooperationsInside, across: r.cooperationsAcross, linked: r.linkedAreas, without: r.facilitiesWithoutPartner }).toEqual({
        id, n: Number(n), m: Number(m), across: Number(across), linked: split(linked), without: split(without),
      });
      if (density === "NA") expect(r.density).toBeNull();
      else expect(r.density!).toBeCloseTo(Number(density), 14);
    }
  });
});
