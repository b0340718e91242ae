import { describe, expect, it } from "vitest";
import { geoJsonTable, parseGeoJson, readGeoJson } from "../../src/io/index.js";
import { Missing } from "../../src/table/index.js";
import { tmpFile } from "./tmp.js";

const ring = (x: number, y: number) => [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]];

describe("readGeoJson / parseGeoJson", () => {
  const collection = {
    type: "FeatureCollection",
    features: [
      { type: "Feature", properties: { sozialraum_id: "010101", name: "Altstadt", ew: 1675 }, geometry: { type: "Polygon", coordinates: [ring(7, 51)] } },
      { type: "Feature", properties: { sozialraum_id: "010102", name: "Neustadt", ew: null }, geometry: { type: "MultiPolygon", coordinates: [[ring(8, 51)], [ring(9, 51), ring(9.2, 51.2)]] } },
      { type: "Feature", properties: { sozialraum_id: 20301, name: "Nord", extra: true }, geometry: { type: "Polygon", coordinates: [ring(7, 50)] } },
    ],
  };

  it("reads Polygons and MultiPolygons with string ids, properties and bbox", () => {
    const path = tmpFile("areas.geojson", "\ufeff" + JSON.stringify(collection));
    const g = readGeoJson(path, { idProperty: "sozialraum_id" });
    expect(g.file).toBe(path);
    expect(g.ids).toEqual(["010101", "010102", "20301"]);
    expect(g.features[1].geometry.type).toBe("MultiPolygon");
    expect(g.features[0].properties).toEqual({ sozialraum_id: "010101", name: "Altstadt", ew: 1675 });
    expect(g.bbox).toEqual([7, 50, 10.2, 52.2]);
    expect(g.warnings).toEqual([]);
  });

  it("does not mutate a parsed input object", () => {
    const copy = JSON.parse(JSON.stringify(collection));
    parseGeoJson(copy, { idProperty: "sozialraum_id" });
    expect(copy).toEqual(collection);
  });

  it("rejects projected coordinates without a CRS, naming the likely EPSG codes; reprojects with the crs option", () => {
    const utm = { type: "FeatureCollection", features: [{ type: "Feature", properties: { id: "1" }, geometry: { type: "Polygon", coordinates: [ring(385000, 5820000)] } }] };
    expect(() => parseGeoJson(utm, { idProperty: "id", file: "utm.geojson" })).toThrow(
      /^parseGeoJson: utm\.geojson: projizierte Koordinaten ohne Angabe des Koordinatensystems \(x 385\.000 bis 385\.001, y 5\.820\.000 bis 5\.820\.001.*vermutlich EPSG:25832 \(ETRS89 \/ UTM Zone 32N\) oder EPSG:25833/,
    );
    const g = parseGeoJson(utm, { idProperty: "id", file: "utm.geojson", crs: "EPSG:25832" });
    expect(g.crs).toBe("EPSG:25832");
    // ogr2ogr -s_srs EPSG:25832 -t_srs EPSG:4326 (GDAL 3.6.2): `echo 385000 5820000 | gdaltransform -s_srs EPSG:25832 -t_srs EPSG:4326 -output_xy` → 7.30515568005293 52.517963223521
    expect(g.features[0].geometry.coordinates[0][0][0]).toBeCloseTo(7.30515568005293, 7);
    expect(g.features[0].geometry.coordinates[0][0][1]).toBeCloseTo(52.517963223521, 7);
  });

  it("requires idProperty", () => {
    expect(() => parseGeoJson(collection, { idProperty: "" })).toThrow(/^parseGeoJson: <geojson>: die Option idProperty fehlt/);
  });

  it("turns the properties into an area table", () => {
    const t = geoJsonTable(parseGeoJson(collection, { idProperty: "sozialraum_id", file: "a.geojson" }));
    expect(t.id).toBe("sozialraum_id");
    expect(t.columns).toEqual(["sozialraum_id", "name", "ew", "extra"]);
    expect(t.columnTypes).toEqual({ sozialraum_id: "string", name: "string", ew: "number", extra: "string" });
    expect(t.rows[1]).toEqual({ sozialraum_id: "010102", name: "Neustadt", ew: new Missing(""), extra: new Missing("") });
    expect(t.rows[2].extra).toBe("true");
    expect(t.rowNumbers).toEqual([0, 1, 2]);
  });
});
