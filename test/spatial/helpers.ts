import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Path of a committed reference file under test/reference/spatial. */
export function referencePath(name: string): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), "..", "reference", "spatial", name);
}

/** A comma-separated file with a header (the PySAL example CSVs: no quoted commas) as rows of strings. */
export function readCsv(path: string): Array<Record<string, string>> {
  const [head, ...lines] = readFileSync(path, "utf8").trim().split(/\r?\n/);
  const names = head.split(",").map((s) => s.replace(/"/g, ""));
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [names[i], v.replace(/"/g, "")])));
}

/** A GeoJSON grid of unit squares, ids "r_c" (row-major), sharing vertices exactly. */
export function gridGeoJson(rows: number, cols: number) {
  const features = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      features.push({
        type: "Feature",
        properties: { id: `${r}_${c}` },
        geometry: { type: "Polygon", coordinates: [[[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1], [c, r]]] },
      });
    }
  }
  return { type: "FeatureCollection", features };
}

/** Relative difference, for comparisons to reference values printed with 17 digits. */
export function relDiff(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}
