/**
 * Data layer: readers for CSV, XLSX and GeoJSON as German statistics offices publish them.
 * @module
 */
export { readCsv } from "./readCsv.js";
export { parseCsv } from "./parseCsv.js";
export type { CsvOptions } from "./parseCsv.js";
export { readCsvColumns } from "./readCsvColumns.js";
export type { CsvColumns, CsvColumnsRead, ReadCsvColumnsOptions } from "./readCsvColumns.js";
export type { CellOptions } from "./buildAreaTable.js";
export { parseGermanNumber } from "./parseGermanNumber.js";
export type { DecimalMark } from "./parseGermanNumber.js";
export { formatGermanNumber } from "./formatGermanNumber.js";
export type { GermanNumberOptions } from "./formatGermanNumber.js";
export { germanCsvField } from "./germanCsvField.js";
export { quoteCsvField } from "./quoteCsvField.js";
export { DEFAULT_MISSING_MARKERS } from "./missingMarkers.js";
export { decodeText } from "./decodeText.js";
export type { DecodedText, TextEncodingOption } from "./decodeText.js";
export { readXlsx } from "./readXlsx.js";
export { parseXlsx } from "./parseXlsx.js";
export type { XlsxOptions } from "./parseXlsx.js";
export { readGeoJson } from "./readGeoJson.js";
export { parseGeoJson } from "./parseGeoJson.js";
export type { GeoJsonOptions } from "./parseGeoJson.js";
export { geoJsonTable } from "./geoJsonTable.js";
export { readGeometry } from "./readGeometry.js";
export type { GeometryOptions } from "./readGeometry.js";
export { readShapefile } from "./readShapefile.js";
export type { ShapefileOptions } from "./readShapefile.js";
export { guessProjectedCrs } from "./guessProjectedCrs.js";
export { checkKeys } from "./checkKeys.js";
export type { KeyCheck } from "./checkKeys.js";
export { mapKeys } from "./mapKeys.js";
export type { KeyMapping, MappedAreas } from "./mapKeys.js";
export type {
  AreaFeature,
  AreaFeatureCollection,
  AreaGeometries,
  AreaGeometry,
  GeoJsonAreaFeature,
  MultiPolygonGeometry,
  PolygonGeometry,
  Position,
} from "./geoJsonTypes.js";
