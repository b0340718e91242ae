import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/table/index.js";
import { guessProjectedCrs, parseGeoJson, readGeometry } from "../../src/io/index.js";
import { crsFromWkt, epsgCode } from "../../src/io/knownCrs.js";
import { resolveCrs } from "../../src/io/resolveCrs.js";
import { encodingFromCpg } from "../../src/io/readShapefile.js";

// The malformed-geometry corpus: each case built in a temporary folder from the ogr2ogr fixtures of
// test/reference/geometry (make-fixtures.sh), with the German error it must give.
const REF = "test/reference/geometry";
const tmp = () => mkdtempSync(join(tmpdir(), "sozialraum-geometry-"));
const shpCopy = (parts: string[]) => {
  const dir = tmp();
  for (const ext of parts) copyFileSync(`${REF}/shp_25832/sozialraeume.${ext}`, join(dir, `sozialraeume.${ext}`));
  return join(dir, "sozialraeume.shp");
};
const projected = () => JSON.parse(readFileSync(`${REF}/sozialraeume_25832.geojson`, "utf8"));
const writeJson = (name: string, value: unknown) => {
  const path = join(tmp(), name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};
const rejects = async (p: Promise<unknown>, message: RegExp) => {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(DataError);
  expect((e as Error).message).toMatch(message);
  return e as DataError;
};

describe("readGeometry: malformed geometry corpus (German errors naming file, feature, property, value)", () => {
  it("Shapefile without .dbf", async () => {
    const shp = shpCopy(["shp", "shx", "prj"]);
    await rejects(readGeometry(shp, { idProperty: "sozialraum" }), /^readShapefile: .*sozialraeume\.shp: die Attributdatei .*sozialraeume\.dbf fehlt \(sie enthält die Schlüssel der Gebiete\)/);
  });

  it("Shapefile without .prj: names the likely EPSG from the coordinates; the crs option helps", async () => {
    const shp = shpCopy(["shp", "shx", "dbf", "cpg"]);
    await rejects(readGeometry(shp, { idProperty: "sozialraum" }), /die Projektionsdatei .*sozialraeume\.prj fehlt, das Koordinatensystem ist unbekannt, vermutlich EPSG:25832 oder EPSG:25833; die \.prj dazulegen oder die Option crs angeben \(z\. B\. crs: "EPSG:25832"\)/);
    const a = await readGeometry(shp, { idProperty: "sozialraum", crs: "EPSG:25832" });
    expect(a.crs).toBe("EPSG:25832");
    expect(a.ids).toHaveLength(61);
  });

  it("Shapefile whose .prj contradicts the crs option", async () => {
    const shp = shpCopy(["shp", "shx", "dbf", "prj"]);
    await rejects(readGeometry(shp, { idProperty: "sozialraum", crs: "EPSG:25833" }), /die \.prj nennt EPSG:25832 \(ETRS89 \/ UTM Zone 32N\), die Option crs aber EPSG:25833/);
  });

  it("Shapefile key Spalte nicht gefunden: lists the (10-character) .dbf columns", async () => {
    const shp = shpCopy(["shp", "shx", "dbf", "prj"]);
    const e = await rejects(readGeometry(shp, { idProperty: "sozialraum_id" }), /keine der 61 Flächen hat die Schlüsselspalte "sozialraum_id"; vorhanden sind: "sozialraum", "sozialra_1", "stadtteil_", "stadtbezir" \(Spaltennamen in \.dbf-Dateien haben höchstens 10 Zeichen\)/);
    expect(e.column).toBe("sozialraum_id");
  });

  it("projected GeoJSON without crs member: names the coordinate range and the likely EPSG", async () => {
    const fc = projected();
    delete fc.crs;
    const path = writeJson("ohne_crs.geojson", fc);
    await rejects(
      readGeometry(path, { idProperty: "sozialraum_id" }),
      /^readGeometry: .*ohne_crs\.geojson: projizierte Koordinaten ohne Angabe des Koordinatensystems \(x 356\.779 bis 370\.133, y 5\.651\.548 bis 5\.662\.840; .*vermutlich EPSG:25832 \(ETRS89 \/ UTM Zone 32N\) oder EPSG:25833 \(ETRS89 \/ UTM Zone 33N\)/,
    );
    expect((await readGeometry(path, { idProperty: "sozialraum_id", crs: "urn:ogc:def:crs:EPSG::25832" })).crs).toBe("EPSG:25832");
  });

  it("unknown CRS in the crs member or the option", async () => {
    const fc = projected();
    fc.crs.properties.name = "urn:ogc:def:crs:EPSG::2398";
    await rejects(readGeometry(writeJson("krassowski.geojson", fc), { idProperty: "sozialraum_id" }), /unbekanntes Koordinatensystem "urn:ogc:def:crs:EPSG::2398" \(crs-Angabe der Datei\); bekannt sind EPSG 4326, 4258, 25832/);
    await rejects(readGeometry("data/sozialraeume.geojson", { idProperty: "sozialraum_id", crs: "Gauß" }), /unbekanntes Koordinatensystem "Gauß" \(Option crs\)/);
    const odd = projected();
    odd.crs = { type: "link", properties: { href: "x.prj" } };
    await rejects(readGeometry(writeJson("link.geojson", odd), { idProperty: "sozialraum_id" }), /die crs-Angabe .* nennt kein Koordinatensystem/);
  });

  it("wrong CRS declared: coordinates still outside longitude/latitude after reprojection", () => {
    const fc = projected();
    fc.crs.properties.name = "EPSG:4258";
    expect(() => parseGeoJson(fc, { idProperty: "sozialraum_id", file: "falsch.geojson" })).toThrow(/^parseGeoJson: falsch\.geojson: nach der Umrechnung aus EPSG:4258 .* liegen Koordinaten außerhalb von Länge\/Breite/);
  });

  it("the checks of parseGeoJson run on reprojected files too (feature index, property, value)", async () => {
    const fc = projected();
    fc.features[3].properties.sozialraum_id = fc.features[0].properties.sozialraum_id;
    fc.features[5].geometry.coordinates[0].pop();
    const e = await rejects(readGeometry(writeJson("kaputt.geojson", fc), { idProperty: "sozialraum_id" }), /^readGeometry: 2 Probleme in .*kaputt\.geojson/);
    expect(e.problems.map((p) => [p.where, p.column, p.value])).toEqual([
      ["features[3]", "sozialraum_id", "010101"],
      ["features[5]", undefined, undefined],
    ]);
    expect(e.problems[1].message).toMatch(/^Ring 0 ist nicht geschlossen/);
  });

  it("unknown file type", async () => {
    await rejects(readGeometry("x.kml", { idProperty: "id" }), /^readGeometry: x\.kml: unbekanntes Dateiformat "\.kml"; Gebietsgrenzen als GeoJSON \(\.geojson, \.json\) oder Shapefile/);
  });
});

describe("CRS names, .prj WKT and guesses", () => {
  it("EPSG references as GeoJSON files and users write them", () => {
    expect(epsgCode("urn:ogc:def:crs:EPSG::25832")).toBe("EPSG:25832");
    expect(epsgCode("urn:ogc:def:crs:EPSG:6.6:25833")).toBe("EPSG:25833");
    expect(epsgCode("http://www.opengis.net/def/crs/EPSG/0/3035")).toBe("EPSG:3035");
    expect(epsgCode("EPSG:31467")).toBe("EPSG:31467");
    expect(epsgCode("urn:ogc:def:crs:OGC:1.3:CRS84")).toBe("EPSG:4326");
    expect(epsgCode("Gauß")).toBeNull();
  });

  it("ESRI WKT of the ogr2ogr .prj files and OGC WKT with AUTHORITY", () => {
    for (const e of ["25832", "25833", "3035"]) expect(crsFromWkt(readFileSync(`${REF}/shp_${e}/sozialraeume.prj`, "latin1"))?.code).toBe(`EPSG:${e}`);
    const ogc = 'PROJCS["DHDN / 3-degree Gauss-Kruger zone 3",GEOGCS["DHDN",AUTHORITY["EPSG","4314"]],PROJECTION["Transverse_Mercator"],AUTHORITY["EPSG","31467"]]';
    expect(crsFromWkt(ogc)?.code).toBe("EPSG:31467");
  });

  it("Gauß-Krüger zone 3 and Web-Mercator agree with PROJ (points_*.txt from make-fixtures.sh)", () => {
    // DHDN → WGS84 by the 7-parameter shift EPSG:1777: equal to PROJ's cct with that Helmert step.
    const [hLon, hLat] = readFileSync(`${REF}/points_31467_helmert.txt`, "utf8").trim().split(/\s+/).map(Number);
    const gk = resolveCrs("EPSG:31467", "t", "t", "t").toWgs84(3500000, 5700000);
    expect(Math.abs(gk[0] - hLon)).toBeLessThan(1e-9);
    expect(Math.abs(gk[1] - hLat)).toBeLessThan(1e-9);
    // gdaltransform uses the BeTA2007 grid here: the 7 parameters are within about 1 m (1e-5° ≈ 0,7 m) of it.
    const [gLon, gLat] = readFileSync(`${REF}/points_31467.txt`, "utf8").trim().split(/\s+/).map(Number);
    expect(Math.abs(gk[0] - gLon)).toBeLessThan(2e-5);
    expect(Math.abs(gk[1] - gLat)).toBeLessThan(2e-5);
    const [mLon, mLat] = readFileSync(`${REF}/points_3857.txt`, "utf8").trim().split(/\s+/).map(Number);
    const m = resolveCrs("EPSG:3857", "t", "t", "t").toWgs84(1000000, 6600000);
    expect(Math.abs(m[0] - mLon)).toBeLessThan(1e-9);
    expect(Math.abs(m[1] - mLat)).toBeLessThan(1e-9);
  });

  it("guesses the projected CRS of German coordinates by their ranges", () => {
    expect(guessProjectedCrs([357000, 5650000, 371000, 5666000])).toEqual(["EPSG:25832", "EPSG:25833"]);
    expect(guessProjectedCrs([690000, 5330000, 700000, 5340000])).toEqual(["EPSG:25832"]); // München
    expect(guessProjectedCrs([32357000, 5650000, 32371000, 5666000])).toEqual(["EPSG:4647"]);
    expect(guessProjectedCrs([4100000, 3100000, 4110000, 3110000])).toEqual(["EPSG:3035"]);
    expect(guessProjectedCrs([3560000, 5650000, 3570000, 5660000])).toEqual(["EPSG:31467"]);
    expect(guessProjectedCrs([770000, 7000000, 790000, 7020000])).toEqual(["EPSG:3857"]);
    expect(guessProjectedCrs([1, 2, 3, 4])).toEqual([]);
  });

  it(".cpg encodings", () => {
    expect(encodingFromCpg("UTF-8\n")).toBe("utf-8");
    expect(encodingFromCpg("1252")).toBe("windows-1252");
    expect(encodingFromCpg("ANSI 1252")).toBe("windows-1252");
    expect(encodingFromCpg("ISO-8859-1")).toBe("iso-8859-1");
    expect(encodingFromCpg("88591")).toBe("iso-8859-1");
  });
});
