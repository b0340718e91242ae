import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's data/ folder. */
export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "data");

/** Minimal reader for the committed semicolon CSVs (no field there contains ";" or quotes): header + rows. */
export function readDataCsv(name: string): Array<Record<string, string>> {
  const [head, ...lines] = readFileSync(resolve(DATA_DIR, name), "utf8").trimEnd().split("\n");
  const cols = head.split(";");
  return lines.map((line) => {
    const cells = line.split(";");
    if (cells.length !== cols.length) throw new Error(`${name}: ${cells.length} cells in "${line}"`);
    return Object.fromEntries(cols.map((c, i) => [c, cells[i]]));
  });
}
