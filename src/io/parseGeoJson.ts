import { formatGermanNumber } from "./formatGermanNumber.js";
import { DataError, type DataProblem } from "../table/dataError.js";
import { decodeText } from "./decodeText.js";
import type { AreaFeature, AreaGeometries, AreaGeometry, Position } from "./geoJsonTypes.js";
import { guessProjectedCrs } from "./guessProjectedCrs.js";
import { knownCrs } from "./knownCrs.js";
import { reprojectFeatures } from "./reprojectFeatures.js";
import { resolveCrs, type ResolvedCrs } from "./resolveCrs.js";

/** Options of `readGeoJson` and `parseGeoJson`. */
export interface GeoJsonOptions {
  /** The feature property holding the area key (required); numbers are turned into strings. */
  idProperty: string;
  /**
   * The CRS of the coordinates when the file does not declare one in its `crs` member: an EPSG reference
   * ("EPSG:25832", "urn:ogc:def:crs:EPSG::25832") or WKT (the text of a .prj file). Coordinates are reprojected to
   * WGS84. A file whose `crs` member names another system is an error.
   */
  crs?: string;
}

/**
 * Parses a GeoJSON FeatureCollection of areas (see `readGeoJson` for the rules and errors).
 *
 * @param input JSON text, bytes, or an already parsed object (never mutated; geometries are shared, not copied)
 * @param options `GeoJsonOptions` plus `file`, the name used in messages (default "<geojson>")
 * @example
 * const g = parseGeoJson({ type: "FeatureCollection", features: [{ type: "Feature",
 *   properties: { id: "01" }, geometry: { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }] },
 *   { idProperty: "id" });
 * g.ids; // ["01"]
 */
export function parseGeoJson(input: string | Uint8Array | object, options: GeoJsonOptions & { file?: string; fn?: string }): AreaGeometries {
  const fn = options.fn ?? "parseGeoJson";
  const file = options.file ?? "<geojson>";
  const idProperty = options?.idProperty;
  if (typeof idProperty !== "string" || idProperty === "") throw new DataError(fn, { file, message: "die Option idProperty fehlt (die Eigenschaft mit dem Gebietsschlüssel)" });
  let root: unknown = input;
  if (typeof input === "string" || input instanceof Uint8Array) {
    const text = typeof input === "string" ? input : decodeText(input, { file, fn, encoding: "utf-8" }).text;
    if (text.trim() === "") throw new DataError(fn, { file, message: "die Datei ist leer" });
    try {
      root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (e) {
      throw new DataError(fn, { file, message: `kein gültiges JSON (${(e as Error).message})` });
    }
  }
  const fc = root as { type?: unknown; features?: unknown };
  if (fc === null || typeof fc !== "object" || fc.type !== "FeatureCollection") {
    const type = fc !== null && typeof fc === "object" ? fc.type : typeof fc;
    throw new DataError(fn, { file, value: type, message: `keine GeoJSON-FeatureCollection (type ${JSON.stringify(type)})` });
  }
  if (!Array.isArray(fc.features)) throw new DataError(fn, { file, message: `"features" ist keine Liste` });
  if (fc.features.length === 0) throw new DataError(fn, { file, message: "die FeatureCollection hat keine Features" });
  const crs = sourceCrs(fn, file, (root as { crs?: unknown }).crs, options.crs);
  const rawFeatures = crs ? reprojectFeatures(fc.features, crs) : fc.features;

  const problems: DataProblem[] = [];
  const features: AreaFeature[] = [];
  const firstIndex = new Map<string, number>();
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  rawFeatures.forEach((f: unknown, index: number) => {
    const where = `features[${index}]`;
    const add = (message: string, value?: unknown, column?: string) => problems.push({ file, row: index, where, column, value, message });
    const feature = f as { type?: unknown; properties?: unknown; geometry?: unknown };
    if (feature === null || typeof feature !== "object" || feature.type !== "Feature") return add(`ist kein Feature`);
    const props = (feature.properties ?? null) as Record<string, unknown> | null;
    const raw = props !== null && typeof props === "object" ? props[idProperty] : undefined;
    let id: string | null = null;
    if (typeof raw === "string" && raw.trim() !== "") id = raw.trim();
    else if (typeof raw === "number" && Number.isFinite(raw)) id = String(raw);
    else if (raw === undefined || raw === null || raw === "") add(`die Eigenschaft ${JSON.stringify(idProperty)} (der Gebietsschlüssel) fehlt`, raw, idProperty);
    else add(`die Eigenschaft ${JSON.stringify(idProperty)} ist weder Text noch Zahl: ${JSON.stringify(raw)}`, raw, idProperty);
    if (id !== null) {
      const before = firstIndex.get(id);
      if (before !== undefined) add(`doppelter Schlüssel ${JSON.stringify(id)} (auch features[${before}])`, id, idProperty);
      else firstIndex.set(id, index);
    }
    const geometryProblem = checkGeometry(feature.geometry, box);
    if (geometryProblem !== null) add(geometryProblem, undefined, undefined);
    if (id !== null && geometryProblem === null) features.push({ type: "Feature", id, geometry: feature.geometry as AreaGeometry, properties: { ...(props ?? {}), [idProperty]: id } });
  });
  if (problems.length) throw new DataError(fn, problems);

  if (box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90) throw projectedError(fn, file, box, crs);
  const warnings: string[] = [];
  return { type: "FeatureCollection", file, idProperty, features, ids: features.map((f) => f.id), bbox: box, crs: crs?.code ?? "EPSG:4326", warnings };
}

/** The CRS declared by the file's `crs` member or the option (null: WGS84 as RFC 7946 says). */
function sourceCrs(fn: string, file: string, member: unknown, option: string | undefined): ResolvedCrs | null {
  let declared: ResolvedCrs | null = null;
  if (member !== undefined && member !== null) {
    const name = (member as { properties?: { name?: unknown } }).properties?.name;
    if (typeof name !== "string") {
      throw new DataError(fn, { file, column: "crs", value: member, message: `die crs-Angabe ${JSON.stringify(member)} nennt kein Koordinatensystem (erwartet {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}})` });
    }
    declared = resolveCrs(name, fn, file, "crs-Angabe der Datei");
  }
  const given = option !== undefined ? resolveCrs(option, fn, file, "Option crs") : null;
  if (declared && given && declared.code !== given.code) {
    throw new DataError(fn, { file, column: "crs", value: option, message: `die Datei nennt ${declared.code} (${declared.name}), die Option crs aber ${given.code} (${given.name}); die Option weglassen oder die Datei prüfen` });
  }
  return declared ?? given;
}

/** German error for coordinates outside longitude/latitude, naming the likely CRS. */
function projectedError(fn: string, file: string, box: readonly [number, number, number, number], crs: ResolvedCrs | null): DataError {
  const r = (v: number) => formatGermanNumber(v, { decimals: 0 });
  const range = `x ${r(box[0])} bis ${r(box[2])}, y ${r(box[1])} bis ${r(box[3])}`;
  if (crs) {
    return new DataError(fn, { file, value: crs.code, message: `nach der Umrechnung aus ${crs.code} (${crs.name}) liegen Koordinaten außerhalb von Länge/Breite (${range}); passt das Koordinatensystem zur Datei?` });
  }
  const guesses = guessProjectedCrs(box).map((c) => `${c} (${knownCrs(c)!.name})`);
  const hint = guesses.length
    ? `vermutlich ${guesses.join(" oder ")}; das Koordinatensystem angeben (Option crs, z. B. crs: "${guessProjectedCrs(box)[0]}") oder die Datei mit ogr2ogr -t_srs EPSG:4326 nach WGS 84 umwandeln`
    : "das Koordinatensystem angeben (Option crs, z. B. crs: \"EPSG:25832\") oder die Datei mit ogr2ogr -t_srs EPSG:4326 nach WGS 84 umwandeln";
  return new DataError(fn, { file, value: range, message: `projizierte Koordinaten ohne Angabe des Koordinatensystems (${range}; GeoJSON ohne crs-Angabe muss nach RFC 7946 Länge/Breite in WGS 84 haben): ${hint}` });
}

/** null if the geometry is a valid Polygon/MultiPolygon (extends `box`), else the problem. */
function checkGeometry(g: unknown, box: [number, number, number, number]): string | null {
  const geometry = g as { type?: unknown; coordinates?: unknown } | null;
  if (geometry === null || geometry === undefined) return "hat keine Geometrie";
  if (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon") return `Geometrietyp ${JSON.stringify(geometry.type)} ist weder Polygon noch MultiPolygon`;
  if (!Array.isArray(geometry.coordinates)) return `${geometry.type} hat keine Koordinatenliste`;
  const polygons = (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates) as unknown[];
  if (polygons.length === 0) return `${geometry.type} hat keine Koordinaten`;
  for (let p = 0; p < polygons.length; p++) {
    const rings = polygons[p];
    const name = geometry.type === "Polygon" ? "" : ` von Polygon ${p}`;
    if (!Array.isArray(rings) || rings.length === 0) return `Polygon ${p} hat keine Ringe`;
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r] as Position[];
      const label = `Ring ${r}${name}`;
      if (!Array.isArray(ring)) return `${label} ist keine Liste von Positionen`;
      for (let k = 0; k < ring.length; k++) {
        const pos = ring[k];
        if (!Array.isArray(pos) || pos.length < 2) return `${label}, Position ${k} ist nicht [Länge, Breite]`;
        const x = pos[0];
        const y = pos[1];
        if (typeof x !== "number" || typeof y !== "number" || !Number.isFinite(x) || !Number.isFinite(y)) {
          return `${label}, Position ${k} hat eine nicht endliche Koordinate ${JSON.stringify(pos)}`;
        }
        if (x < box[0]) box[0] = x;
        if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x;
        if (y > box[3]) box[3] = y;
      }
      if (ring.length < 4) return `${label} hat ${ring.length} Positionen; ein geschlossener Ring braucht mindestens 4`;
      const a = ring[0];
      const b = ring[ring.length - 1];
      if (a[0] !== b[0] || a[1] !== b[1]) return `${label} ist nicht geschlossen (erste Position ${JSON.stringify(a)}, letzte ${JSON.stringify(b)})`;
    }
  }
  return null;
}
