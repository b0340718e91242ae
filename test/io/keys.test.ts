import { expect, it, describe } from "vitest";
import fc from "fast-check";
import { checkKeys, mapKeys, parseGeoJson, readCsv, readGeometry } from "../../src/io/index.js";
import { contiguityWeights } from "../../src/spatial/index.js";
import { describeShared, sharedPath } from "../helpers/shared-data.js";

const square = (key: string, x: number) => ({
  type: "Feature",
  properties: { AREA_ID: key, NR: String(x + 1) },
  geometry: { type: "Polygon", coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] },
});
const strip = (keys: string[]) => parseGeoJson({ type: "FeatureCollection", features: keys.map((k, i) => square(k, i)) }, { idProperty: "AREA_ID", file: "karte.geojson" });

describe("checkKeys", () => {
  it("names unmatched keys on both sides and hints at leading zeros", () => {
    const r = checkKeys(["1", "2", "3"], ["01", "02", "3"]);
    expect(r.ok).toBe(false);
    expect(r.matched).toEqual(["3"]);
    expect(r.onlyInTable).toEqual(["1", "2"]);
    expect(r.onlyInMap).toEqual(["01", "02"]);
    expect(r.leadingZeros).toEqual([["1", "01"], ["2", "02"]]);
    expect(r.message).toBe(
      'Schlüssel von Tabelle und Karte passen nicht zusammen: 2 Schlüssel der Tabelle fehlen in der Karte ("1", "2"); ' +
        '2 Schlüssel der Karte fehlen in der Tabelle ("01", "02"); Hinweis: 2 Schlüssel unterscheiden sich nur durch führende Nullen ' +
        '(z. B. "1" in der Tabelle, "01" in der Karte) — Schlüssel als Text mit führenden Nullen speichern (nicht als Zahl) oder ein Schlüsselmuster angeben',
    );
  });

  it("suggests a key pattern when the map keys wrap the table keys", () => {
    const r = checkKeys(["1", "2", "10"], ["STGT01", "STGT02", "STGT10"]);
    expect(r.suggestedPattern).toBe("STGT{00}");
    expect(r.message).toMatch(/Hinweis: die Karte nennt die Gebiete mit dem Muster "STGT\{00\}" — Kartenschlüssel über mapKeys mit \{ pattern: "STGT\{00\}" \} zuordnen$/);
  });

  it("ok and no message when the keys agree (any order)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1 }), { maxLength: 30 }), (keys) => {
        const r = checkKeys(keys, [...keys].reverse());
        return r.ok && r.message === null && r.matched.length === keys.length;
      }),
    );
  });

  it("lists at most 10 keys per side", () => {
    const many = Array.from({ length: 14 }, (_, i) => `T${i}`);
    expect(checkKeys(many, []).message).toMatch(/14 Schlüssel der Tabelle fehlen in der Karte \("T0", .*"T9", … \(4 weitere\)\)$/);
  });
});

describe("mapKeys", () => {
  it("pattern STGT{00}: table key zero-padded to 2 digits; areas get the table keys in map order", () => {
    const { areas, unmatched } = mapKeys(strip(["STGT02", "STGT01", "STGT99"]), { pattern: "STGT{00}" }, { tableKeys: ["1", "2"], idProperty: "district_id" });
    expect(areas.ids).toEqual(["2", "1"]);
    expect(areas.idProperty).toBe("district_id");
    expect(areas.features.map((f) => f.properties.district_id)).toEqual(["2", "1"]);
    expect(unmatched).toEqual([{ mapKey: "STGT99", index: 2, reason: "kein Tabellenschlüssel" }]);
    expect(areas.warnings).toEqual(['mapKeys: karte.geojson: 1 Gebiete der Karte ohne Tabellenschlüssel weggelassen: "STGT99"']);
    expect(contiguityWeights(areas, { idProperty: "district_id" }).neighbors).toEqual({ "2": ["1"], "1": ["2"] });
  });

  it("column and crosswalk", () => {
    expect(mapKeys(strip(["a", "b"]), { column: "NR" }).areas.ids).toEqual(["1", "2"]);
    const crosswalk = [{ karte: "a", tabelle: "0101" }, { karte: "b", tabelle: "0102" }];
    expect(mapKeys(strip(["a", "b"]), { crosswalk, mapColumn: "karte", tableColumn: "tabelle" }).areas.ids).toEqual(["0101", "0102"]);
    expect(() => mapKeys(strip(["a", "b"]), { crosswalk: [{ karte: "a", tabelle: "1" }, { karte: "b", tabelle: "1" }], mapColumn: "karte", tableColumn: "tabelle" })).toThrow(
      'mapKeys: karte.geojson features[1], Spalte "AREA_ID": Kartenschlüssel "b" ergibt den Tabellenschlüssel "1", den schon features[0] hat',
    );
    expect(() => mapKeys(strip(["a"]), { crosswalk: [{ karte: "a" }], mapColumn: "karte", tableColumn: "tabelle", file: "schluessel.csv" })).toThrow(
      'mapKeys: schluessel.csv Zeile 2, Spalte "tabelle": Spalte fehlt in der Schlüsseltabelle',
    );
  });

  it("rejects a pattern without exactly one placeholder", () => {
    expect(() => mapKeys(strip(["a"]), { pattern: "STGT" }, { tableKeys: ["1"] })).toThrow(/Schlüsselmuster "STGT" braucht genau einen Platzhalter wie \{00\}/);
  });
});

describeShared("Flensburg: map keys STGT01… against table keys 1…13", () => {
  it("checkKeys finds the mismatch and suggests STGT{00}; mapKeys with it matches all 13 Stadtteile", async () => {
    const map = await readGeometry(sharedPath("flensburg-sozialatlas-2022", "flensburg_stadtteile.geojson"), { idProperty: "AREA_ID" });
    expect(map.crs).toBe("EPSG:4326"); // crs member urn:ogc:def:crs:OGC:1.3:CRS84
    const table = readCsv(sharedPath("flensburg-sozialatlas-2022", "fl_district.csv"));
    const tableKeys = table.rows.map((r) => String(r.district_id));
    expect(tableKeys).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1)));
    const before = checkKeys(tableKeys, map.ids);
    expect(before.ok).toBe(false);
    expect(before.onlyInTable).toHaveLength(13);
    expect(before.suggestedPattern).toBe("STGT{00}");
    const { areas, unmatched } = mapKeys(map, { pattern: before.suggestedPattern! }, { tableKeys, idProperty: "district_id" });
    expect(unmatched).toEqual([]);
    expect(checkKeys(tableKeys, areas.ids).ok).toBe(true);
    const w = contiguityWeights(areas, { idProperty: "district_id" });
    expect(w.ids).toEqual(areas.ids);
    expect(w.warnings).toEqual([]);
  });
});
