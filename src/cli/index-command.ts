import { closeSync, openSync, writeSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { Command, Option } from "commander";
import { compositeIndex, type CompositeIndexResult } from "../classify/compositeIndex.js";
import { classSchemes } from "../classify/schemes.js";
import type { TableInput } from "../classify/columns.js";
import { parseCsv } from "../io/parseCsv.js";
import type { Direction } from "../standardize/direction.js";

/** Options of {@link runIndexCommand} (the parsed command line). */
export interface IndexCommandOptions {
  /** Input CSV file. */
  table: string;
  /** Id column. */
  id: string;
  /** Indicator columns. */
  indicators: string[];
  /** Weight of each indicator in the sum (default all 1). */
  indicatorWeights?: number[];
  /** Direction of each indicator (default all 1: higher = worse). */
  directions?: Direction[];
  /** Only rows whose `column` holds `value` take part. */
  valid?: { column: string; value: string };
  /** Scheme id, e.g. "berlin-mss-status". */
  scheme: string;
  /** Output CSV file. */
  out: string;
  mean?: "unweighted" | "weighted";
  sd?: "population" | "sample";
  /** Weight column for mean "weighted". */
  weights?: string;
}

/** What {@link runIndexCommand} did. */
export interface IndexCommandResult {
  result: CompositeIndexResult;
  /** Rows written (valid areas). */
  written: number;
  /** "fast" (plain numeric CSV) or "full" (csv-parse with German numbers, quotes, missing markers). */
  reader: "fast" | "full";
  /** The reader's notes (encoding fallback, skipped empty rows, …). */
  warnings: string[];
}

/**
 * Registers `sozialraum index`: a composite index (e.g. the Berlin MSS status or dynamic index) for every area
 * of a CSV table.
 *
 * Output: a comma-separated CSV with the header `id,sum,index,class` and one row per VALID area, in input order;
 * `sum` is Σ weight · z, `index` the standardised sum (unrounded, shortest round-trip decimal), `class` the label of
 * the scheme. Areas left out (failing `--valid`, or with a missing value) are not written; their ids and reasons
 * are printed to stderr. A summary (areas, classes) goes to stdout.
 *
 * @example
 * sozialraum index mss.csv --id PLR_ID --indicators S1,S3,S4 --valid KOM=gültig --scheme berlin-mss-status --out status.csv
 */
export function registerIndexCommand(program: Command): Command {
  return program
    .command("index")
    .description("Zusammengesetzter Index (z. B. Status-/Dynamik-Index des MSS Berlin) je Gebiet berechnen und klassifizieren")
    .argument("<table>", "CSV-Datei mit einer Zeile je Gebiet")
    .requiredOption("--id <column>", "Spalte mit dem Gebietsschlüssel")
    .requiredOption("--indicators <columns>", "Indikatorspalten, durch Kommas getrennt (z. B. S1,S3,S4)")
    .addOption(
      new Option("--scheme <id>", "Klassenschema").choices(Object.keys(classSchemes)).makeOptionMandatory(),
    )
    .requiredOption("--out <file>", "Ausgabedatei (CSV: id,sum,index,class)")
    .option("--valid <column=value>", "nur Gebiete, deren Spalte diesen Wert hat (z. B. KOM=gültig)")
    .addOption(new Option("--mean <kind>", "Mittelwert").choices(["unweighted", "weighted"]).default("unweighted"))
    .addOption(new Option("--sd <kind>", "Standardabweichung").choices(["population", "sample"]).default("population"))
    .option("--weights <column>", "Gewichtsspalte für --mean weighted (z. B. Einwohner)")
    .option("--indicator-weights <numbers>", "Gewichte der Indikatoren in der Summe, durch Kommas getrennt")
    .option("--directions <signs>", "Richtung je Indikator: 1 (hoch = ungünstig) oder -1, durch Kommas getrennt")
    .addHelpText(
      "after",
      [
        "",
        "Ausgabe: CSV mit Komma und den Spalten id,sum,index,class; eine Zeile je gültigem Gebiet in der",
        "Reihenfolge der Eingabe. sum = Summe der (gewichteten) z-Werte, index = standardisierte Summe (ungerundet),",
        "class = Klasse des Schemas. Ausgeschlossene Gebiete (--valid nicht erfüllt, fehlender Wert) werden nicht",
        "geschrieben; ihre Schlüssel und Gründe stehen auf stderr.",
        "",
        "Beispiel (MSS Berlin 2021, Status-Index):",
        "  sozialraum index mss_2021_index_indikatoren.csv --id PLR_ID --indicators S1,S3,S4 \\",
        "    --valid KOM=gültig --scheme berlin-mss-status --out status.csv",
      ].join("\n"),
    )
    .action(async (table: string, opts: Record<string, string | undefined>) => {
      const options = parseCommandLine(table, opts);
      const { result, written, warnings } = await runIndexCommand(options);
      for (const w of warnings) process.stderr.write(`sozialraum index: ${w}\n`);
      if (result.excluded.length > 0) {
        const lines = result.excluded.map((e) => `  ${e.id}: ${e.reason}`);
        process.stderr.write(`sozialraum index: ${result.excluded.length} Gebiete ausgeschlossen:\n${lines.join("\n")}\n`);
      }
      const counts = result.scheme ? Object.entries(result.scheme.counts).map(([k, v]) => `${k} ${v}`).join(", ") : "";
      process.stdout.write(`${written} Gebiete nach ${options.out} geschrieben (${counts})\n`);
    });
}

function list(flag: string, text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(",").map((s) => s.trim());
  if (parts.some((p) => p === "")) throw new Error(`index: ${flag} has an empty entry: "${text}"`);
  return parts;
}

function parseCommandLine(table: string, opts: Record<string, string | undefined>): IndexCommandOptions {
  const indicators = list("--indicators", opts.indicators)!;
  const numbers = (flag: string, text: string | undefined): number[] | undefined => {
    const parts = list(flag, text);
    if (!parts) return undefined;
    if (parts.length !== indicators.length) {
      throw new Error(`index: ${flag} has ${parts.length} entries but --indicators has ${indicators.length}`);
    }
    return parts.map((p) => {
      const v = Number(p);
      if (!Number.isFinite(v)) throw new Error(`index: ${flag} entry "${p}" is not a number`);
      return v;
    });
  };
  const directions = numbers("--directions", opts.directions);
  if (directions?.some((d) => d !== 1 && d !== -1)) throw new Error(`index: --directions entries must be 1 or -1, got "${opts.directions}"`);
  let valid: IndexCommandOptions["valid"];
  if (opts.valid !== undefined) {
    const eq = opts.valid.indexOf("=");
    if (eq <= 0) throw new Error(`index: --valid must look like column=value, got "${opts.valid}"`);
    valid = { column: opts.valid.slice(0, eq), value: opts.valid.slice(eq + 1) };
  }
  return {
    table,
    id: opts.id!,
    indicators,
    indicatorWeights: numbers("--indicator-weights", opts.indicatorWeights),
    directions: directions as Direction[] | undefined,
    valid,
    scheme: opts.scheme!,
    out: opts.out!,
    mean: opts.mean as IndexCommandOptions["mean"],
    sd: opts.sd as IndexCommandOptions["sd"],
    weights: opts.weights,
  };
}

/**
 * Runs the index command: reads the table, computes {@link compositeIndex}, writes `id,sum,index,class`.
 * The same library function the notebooks and tests call; only reading and writing live here.
 */
export async function runIndexCommand(options: IndexCommandOptions): Promise<IndexCommandResult> {
  const scheme = classSchemes[options.scheme];
  if (!scheme) throw new Error(`index: unknown scheme "${options.scheme}" (${Object.keys(classSchemes).join(", ")})`);
  if (options.mean === "weighted" && !options.weights) throw new Error("index: --mean weighted needs --weights <column>");
  if (options.mean !== "weighted" && options.weights) throw new Error("index: --weights needs --mean weighted");
  const numberColumns = [...options.indicators, ...(options.weights ? [options.weights] : [])];
  const stringColumns = [options.id, ...(options.valid ? [options.valid.column] : [])];
  const bytes = await readFile(options.table);
  const read = readTable(bytes, options.table, stringColumns, numberColumns);
  const result = compositeIndex(read.data, {
    id: options.id,
    indicators: options.indicators.map((column, j) => ({
      column,
      weight: options.indicatorWeights?.[j] ?? 1,
      direction: options.directions?.[j] ?? 1,
    })),
    mean: options.mean ?? "unweighted",
    sd: options.sd ?? "population",
    weights: options.weights,
    valid: options.valid,
    scheme,
  });
  // Buffered output: lines joined per chunk of 4096 (short-lived strings), each chunk one write.
  const c = result.columns;
  const fd = openSync(options.out, "w");
  let written = 0;
  try {
    writeSync(fd, "id,sum,index,class\n");
    let lines: string[] = [];
    for (let i = 0; i < c.id.length; i++) {
      if (c.valid[i] !== 1) continue;
      lines.push(csvField(c.id[i]) + "," + c.sum[i] + "," + c.index[i] + "," + csvField(c.class[i] ?? "") + "\n");
      if (lines.length === 4096) {
        writeSync(fd, lines.join(""));
        written += lines.length;
        lines = [];
      }
    }
    writeSync(fd, lines.join(""));
    written += lines.length;
  } finally {
    closeSync(fd);
  }
  return { result, written, reader: read.reader, warnings: read.warnings };
}

function csvField(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 34 || ch === 44 || ch === 10 || ch === 13) return `"${s.replace(/"/g, '""')}"`;
  }
  return s;
}

type Columns = Record<string, string[] | Float64Array>;

/**
 * Reads the wanted columns: the fast path for plain numeric CSV, else the project's full CSV reader (`parseCsv`:
 * quotes, German numbers, missing markers, encodings, row-numbered errors).
 */
function readTable(
  bytes: Buffer,
  file: string,
  strings: string[],
  numbers: string[],
): { data: TableInput; reader: "fast" | "full"; warnings: string[] } {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const fast = readPlainNumericCsv(bytes, bom, strings, numbers);
  if (fast) return { data: fast, reader: "fast", warnings: [] };
  const types: Record<string, "string" | "number"> = {};
  for (const c of strings) types[c] = "string";
  for (const c of numbers) types[c] = "number";
  const table = parseCsv(bytes, { id: strings[0], types, file, fn: "index" });
  return { data: table.rows, reader: "full", warnings: table.warnings };
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The fast path: a UTF-8 file without quotes, delimiter "," ";" or tab, numbers with a decimal point. Returns null
 * (→ full reader) on anything else: quotes, decimal commas, missing markers other than an empty cell, ragged
 * rows. It scans a latin1 view of the bytes (one char per byte, no decoding cost); text cells with bytes ≥ 0x80
 * are decoded as UTF-8, and a text cell equal to the previous one in its column reuses that string (validity
 * columns repeat one value). Plain decimals with up to 15 significant digits are parsed as m / 10^k, which is
 * correctly rounded (m < 2^53 and 10^k ≤ 10^22 are exact doubles, IEEE division rounds once); longer ones and
 * exponents use Number().
 */
function readPlainNumericCsv(bytes: Buffer, start: number, strings: string[], numbers: string[]): Columns | null {
  if (bytes.indexOf(0x22 /* " */, start) !== -1) return null;
  const text = bytes.toString("latin1", start);
  let headerEnd = text.indexOf("\n");
  if (headerEnd === -1) headerEnd = text.length;
  const header = bytes.toString("utf8", start, start + headerEnd).replace(/\r$/, "");
  const delimiter = [";", "\t", ","].find((d) => header.includes(d)) ?? ",";
  const names = header.split(delimiter).map((s) => s.trim());
  const role = new Int32Array(names.length).fill(-1); // -1 skip, ≥0 slot
  const slots: { name: string; numeric: boolean }[] = [];
  for (const [want, numeric] of [...strings.map((s) => [s, false] as const), ...numbers.map((s) => [s, true] as const)]) {
    if (slots.some((s) => s.name === want)) continue;
    const k = names.indexOf(want);
    if (k === -1) return null; // the full reader reports the missing column
    role[k] = slots.length;
    slots.push({ name: want, numeric });
  }
  // Count data lines to size the arrays.
  let rows = 0;
  for (let p = headerEnd + 1; p < text.length; ) {
    let e = text.indexOf("\n", p);
    if (e === -1) e = text.length;
    if (e > p && !(e === p + 1 && text.charCodeAt(p) === 13)) rows++;
    p = e + 1;
  }
  const numCols = slots.map((s) => (s.numeric ? new Float64Array(rows) : null));
  const strCols = slots.map((s) => (s.numeric ? null : new Array<string>(rows)));
  const lastRaw = slots.map(() => "\u0000"); // previous cell per text column (latin1 view) …
  const lastValue = slots.map(() => ""); // … and its decoded string
  const d = delimiter.charCodeAt(0);
  const nFields = names.length;
  let r = 0;
  const len = text.length;
  let p = headerEnd + 1;
  while (p < len) {
    let lineEnd = text.indexOf("\n", p);
    if (lineEnd === -1) lineEnd = len;
    let end = lineEnd;
    if (end > p && text.charCodeAt(end - 1) === 13) end--;
    if (end === p) {
      p = lineEnd + 1;
      continue;
    }
    let a = p;
    for (let f = 0; f < nFields; f++) {
      const slot = role[f];
      const nc = slot >= 0 ? numCols[slot] : null;
      let e: number;
      if (nc !== null) {
        // Numbers are parsed in the same pass that finds the end of the cell.
        const v = parsePlainNumber(text, a, end, d);
        if (v === NOT_PLAIN_MARK) return null;
        nc[r] = v;
        e = fieldEnd;
      } else {
        e = text.indexOf(delimiter, a);
        if (e === -1 || e > end) e = end;
        if (slot >= 0) {
          const prev = lastRaw[slot];
          if (e - a === prev.length && text.startsWith(prev, a)) {
            strCols[slot]![r] = lastValue[slot];
          } else {
            const raw = text.slice(a, e);
            let high = false;
            for (let i = a; i < e; i++) if (text.charCodeAt(i) > 127) high = true;
            const value = high ? bytes.toString("utf8", start + a, start + e) : raw;
            lastRaw[slot] = raw;
            lastValue[slot] = value;
            strCols[slot]![r] = value;
          }
        }
      }
      if (f < nFields - 1) {
        if (e === end) return null; // too few cells: the full reader names the row
        a = e + 1;
      } else if (e !== end) {
        return null; // too many cells
      }
    }
    r++;
    p = lineEnd + 1;
  }
  const out: Columns = {};
  slots.forEach((s, k) => (out[s.name] = (numCols[k] ?? strCols[k])!));
  return out;
}

// Returned for a cell the fast path cannot read; a plain finite decimal never parses to -Infinity.
const NOT_PLAIN_MARK = -Infinity;

/** End of the cell that {@link parsePlainNumber} read last. */
let fieldEnd = 0;

/**
 * Parses the cell starting at `a` (ending at the delimiter `d` or at `end`) as a plain decimal and sets
 * `fieldEnd`; NaN for an empty cell; NOT_PLAIN_MARK if the cell is anything else.
 */
function parsePlainNumber(text: string, a: number, end: number, d: number): number {
  let i = a;
  let c = i < end ? text.charCodeAt(i) : d;
  if (c === d) {
    fieldEnd = i;
    return NaN;
  }
  let neg = false;
  if (c === 45 /* - */ || c === 43 /* + */) {
    neg = c === 45;
    i++;
  }
  let m = 0;
  let digits = 0;
  let frac = 0;
  let seenDot = false;
  let anyDigit = false;
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      anyDigit = true;
      if (digits < 15 && frac < 22) {
        m = m * 10 + (c - 48);
        if (m !== 0) digits++;
        if (seenDot) frac++;
      } else {
        return viaNumber(text, a, end, d);
      }
    } else if (c === 46 /* . */ && !seenDot) {
      seenDot = true;
    } else if (c === d) {
      break;
    } else if (c === 101 || c === 69 /* e E */) {
      return viaNumber(text, a, end, d);
    } else {
      return NOT_PLAIN_MARK;
    }
  }
  fieldEnd = i;
  if (!anyDigit) return NOT_PLAIN_MARK;
  const v = frac === 0 ? m : m / POW10[frac];
  return neg ? -v : v;
}

function viaNumber(text: string, a: number, end: number, d: number): number {
  let b = text.indexOf(String.fromCharCode(d), a);
  if (b === -1 || b > end) b = end;
  fieldEnd = b;
  const v = Number(text.slice(a, b));
  return Number.isFinite(v) ? v : NOT_PLAIN_MARK;
}
