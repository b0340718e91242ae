/**
 * Benchmark of the data layer: parse a 100 000-row, 20-column semicolon CSV in German format (keys with leading
 * zeros, thousands dots, decimal commas, a few "." and "-" markers) — without quotes (split fast path) and with
 * quoted names (csv-parse) — then check it with checkAreaTable.
 * Run: node bench/run.mjs readCsv
 */
import { createRng } from "../src/inference/index.js";
import { parseCsv } from "../src/io/index.js";
import { checkAreaTable } from "../src/table/index.js";
import { measure } from "./measure.js";

const N = 100_000;
const rng = createRng(7);
const counts = Array.from({ length: 17 }, (_, k) => `count_${k + 1}`);
const lines = [["sozialraum_id", "name", "anteil", ...counts].join(";")];
for (let i = 0; i < N; i++) {
  const cells = [String(i).padStart(8, "0"), `Gebiet ${i}`, (rng.next() * 100).toFixed(1).replace(".", ",")];
  for (let k = 0; k < counts.length; k++) {
    const u = rng.next();
    cells.push(u < 0.01 ? "." : u < 0.02 ? "-" : Math.floor(rng.next() * 20000).toLocaleString("de-DE"));
  }
  lines.push(cells.join(";"));
}
const text = lines.join("\n") + "\n";
const bytes = new TextEncoder().encode(text);

const table = await measure("parseCsv", "100 000 rows × 20 columns, German format, from bytes", () => parseCsv(bytes, { id: "sozialraum_id", file: "bench.csv" }));
await measure("parseCsv", "same, types declared", () =>
  parseCsv(bytes, { id: "sozialraum_id", file: "bench.csv", decimal: ",", types: Object.fromEntries(counts.map((c) => [c, "number" as const])) }),
);
const quoted = new TextEncoder().encode(text.replace(/;Gebiet (\d+);/g, ';"Gebiet $1";'));
await measure("parseCsv", "same with quoted names (csv-parse path)", () => parseCsv(quoted, { id: "sozialraum_id", file: "bench.csv" }));
await measure("checkAreaTable", "100 000 rows, 17 count columns, 1 ratio", () =>
  checkAreaTable(table, { counts, ratios: [{ numerator: "count_1", denominator: "count_1" }] }),
);
