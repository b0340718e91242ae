/**
 * The coordinate reference systems that German statistics offices publish area boundaries in, with their
 * PROJ definitions (from EPSG, as `projinfo EPSG:<code> -o PROJ` prints them; ETRS89 is taken as WGS84, the
 * null transformation GDAL/PROJ also use without a grid). Gauß-Krüger (DHDN) uses the 7-parameter datum shift
 * of EPSG:1777 (about 1 m accuracy; grid-based shifts such as BeTA2007 are not applied).
 */
export interface KnownCrs {
  /** e.g. "EPSG:25832" */
  code: string;
  /** German display name, e.g. "ETRS89 / UTM Zone 32N". */
  name: string;
  /** PROJ string for proj4. */
  proj4: string;
  /** true for longitude/latitude in degrees (no reprojection needed for WGS84/ETRS89). */
  geographic: boolean;
  /** Names in .prj files (ESRI and OGC WKT) that mean this CRS (compared without case, spaces, "_", "-", "/"). */
  wktNames: string[];
}

const ETRS89 = "+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs";
const DHDN = "+ellps=bessel +towgs84=598.1,73.7,418.2,0.202,0.045,-2.455,6.7 +units=m +no_defs";

export const KNOWN_CRS: readonly KnownCrs[] = [
  { code: "EPSG:4326", name: "WGS 84 (Länge/Breite)", proj4: "+proj=longlat +datum=WGS84 +no_defs", geographic: true, wktNames: ["GCS_WGS_1984", "WGS 84", "WGS84"] },
  { code: "EPSG:4258", name: "ETRS89 (Länge/Breite)", proj4: "+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs", geographic: true, wktNames: ["GCS_ETRS_1989", "ETRS89"] },
  { code: "EPSG:25832", name: "ETRS89 / UTM Zone 32N", proj4: `+proj=utm +zone=32 ${ETRS89}`, geographic: false, wktNames: ["ETRS_1989_UTM_Zone_32N", "ETRS89 / UTM zone 32N"] },
  { code: "EPSG:25833", name: "ETRS89 / UTM Zone 33N", proj4: `+proj=utm +zone=33 ${ETRS89}`, geographic: false, wktNames: ["ETRS_1989_UTM_Zone_33N", "ETRS89 / UTM zone 33N"] },
  { code: "EPSG:4647", name: "ETRS89 / UTM Zone 32N (mit Zonenkennziffer 32 im Rechtswert)", proj4: `+proj=tmerc +lat_0=0 +lon_0=9 +k=0.9996 +x_0=32500000 +y_0=0 ${ETRS89}`, geographic: false, wktNames: ["ETRS_1989_UTM_Zone_N32", "ETRS89 / UTM zone 32N (zE-N)"] },
  { code: "EPSG:5650", name: "ETRS89 / UTM Zone 33N (mit Zonenkennziffer 33 im Rechtswert)", proj4: `+proj=tmerc +lat_0=0 +lon_0=15 +k=0.9996 +x_0=33500000 +y_0=0 ${ETRS89}`, geographic: false, wktNames: ["ETRS_1989_UTM_Zone_N33", "ETRS89 / UTM zone 33N (zE-N)"] },
  { code: "EPSG:3035", name: "ETRS89 / LAEA Europe", proj4: `+proj=laea +lat_0=52 +lon_0=10 +x_0=4321000 +y_0=3210000 ${ETRS89}`, geographic: false, wktNames: ["ETRS_1989_LAEA", "ETRS89 / LAEA Europe", "ETRS89-extended / LAEA Europe", "ETRS_1989_LAEA_L52_M10"] },
  { code: "EPSG:31466", name: "DHDN / Gauß-Krüger Zone 2", proj4: `+proj=tmerc +lat_0=0 +lon_0=6 +k=1 +x_0=2500000 +y_0=0 ${DHDN}`, geographic: false, wktNames: ["DHDN_3_Degree_Gauss_Zone_2", "DHDN / 3-degree Gauss-Kruger zone 2", "DHDN / Gauss-Kruger zone 2"] },
  { code: "EPSG:31467", name: "DHDN / Gauß-Krüger Zone 3", proj4: `+proj=tmerc +lat_0=0 +lon_0=9 +k=1 +x_0=3500000 +y_0=0 ${DHDN}`, geographic: false, wktNames: ["DHDN_3_Degree_Gauss_Zone_3", "DHDN / 3-degree Gauss-Kruger zone 3", "DHDN / Gauss-Kruger zone 3"] },
  { code: "EPSG:31468", name: "DHDN / Gauß-Krüger Zone 4", proj4: `+proj=tmerc +lat_0=0 +lon_0=12 +k=1 +x_0=4500000 +y_0=0 ${DHDN}`, geographic: false, wktNames: ["DHDN_3_Degree_Gauss_Zone_4", "DHDN / 3-degree Gauss-Kruger zone 4", "DHDN / Gauss-Kruger zone 4"] },
  { code: "EPSG:3857", name: "WGS 84 / Pseudo-Mercator (Web-Mercator)", proj4: "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs", geographic: false, wktNames: ["WGS_1984_Web_Mercator_Auxiliary_Sphere", "WGS 84 / Pseudo-Mercator", "WGS_84_Pseudo_Mercator"] },
];

/**
 * The EPSG code named by a CRS reference as GeoJSON files and users write it: "EPSG:25832", "25832",
 * "urn:ogc:def:crs:EPSG::25832", "urn:ogc:def:crs:EPSG:6.6:25832", "http://www.opengis.net/def/crs/EPSG/0/25832",
 * "urn:ogc:def:crs:OGC:1.3:CRS84" (→ "EPSG:4326"). Returns null for anything else.
 *
 * @example
 * epsgCode("urn:ogc:def:crs:EPSG::25832"); // "EPSG:25832"
 */
export function epsgCode(reference: string): string | null {
  const s = reference.trim();
  if (/^(urn:ogc:def:crs:OGC:(1\.3)?:CRS84|CRS84|OGC:CRS84|http:\/\/www\.opengis\.net\/def\/crs\/OGC\/1\.3\/CRS84)$/i.test(s)) return "EPSG:4326";
  const m =
    /^(?:EPSG:|urn:ogc:def:crs:EPSG:[\d.]*:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/\d+\/)?(\d{4,5})$/i.exec(s);
  return m ? `EPSG:${Number(m[1])}` : null;
}

/** The known CRS with this EPSG code ("EPSG:25832"), or undefined. */
export function knownCrs(code: string): KnownCrs | undefined {
  return KNOWN_CRS.find((c) => c.code === code);
}

const normalise = (s: string) => s.toLowerCase().replace(/[\s_\-/()]+/g, "");

/**
 * The known CRS a WKT text (a .prj file) describes: its EPSG AUTHORITY (OGC WKT) or the name of its outermost
 * PROJCS/GEOGCS (ESRI WKT as ArcGIS and ogr2ogr write it, e.g. `PROJCS["ETRS_1989_UTM_Zone_32N",…]`).
 *
 * @example
 * crsFromWkt('PROJCS["ETRS_1989_UTM_Zone_32N",GEOGCS[…]]')?.code; // "EPSG:25832"
 */
export function crsFromWkt(wkt: string): KnownCrs | undefined {
  const root = /^\s*(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS|PROJECTEDCRS)\s*\[\s*"([^"]*)"/i.exec(wkt);
  if (!root) return undefined;
  // The root's own AUTHORITY/ID is the last one in the text (nested ones come first).
  const ids = [...wkt.matchAll(/(?:AUTHORITY|ID)\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const last = ids.length ? knownCrs(`EPSG:${ids[ids.length - 1][1]}`) : undefined;
  if (last && wkt.trimEnd().endsWith(`${ids[ids.length - 1][0]}]`)) return last;
  const name = normalise(root[2]);
  return KNOWN_CRS.find((c) => c.wktNames.some((n) => normalise(n) === name)) ?? last;
}
