import { isUtf8 } from "node:buffer";
import { closeSync, openSync, writeSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { Command, Option } from "commander";
import { compositeIndex, type CompositeIndexResult } from "../classify/compositeIndex.js";
import { classSchemes } from "../classify/schemes.js";
import type { TableInput } from "../classify/columns.js";
import { parseCsv } from "../io/parseCsv.js";
import { decimalEvidence, parseTrimmedNumber } from "../io/parseGermanNumber.js";
import { quoteCsvField } from "../io/quoteCsvField.js";
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
  const read = readIndexTable(bytes, { file: options.table, text: stringColumns, numbers: numberColumns });
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
      lines.push(quoteCsvField(c.id[i], ",") + "," + c.sum[i] + "," + c.index[i] + "," + quoteCsvField(c.class[i] ?? "", ",") + "\n");
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

type Columns = Record<string, string[] | Float64Array>;

/** What {@link readIndexTable} read. */
export interface IndexTableRead {
  /** Column data (fast reader) or rows (full reader), for `compositeIndex`. */
  data: TableInput;
  reader: "fast" | "full";
  /** The full reader's notes (encoding fallback, skipped empty rows, …); the fast reader has none. */
  warnings: string[];
}

/**
 * Reads the columns the index command needs from the bytes of a CSV file (internal; exported for the tests that
 * compare both readers). `reader: "auto"` (default) takes the fast path for plain UTF-8 CSV and falls back to the
 * full reader (`parseCsv`: quotes, German numbers, missing markers, encodings, row-numbered errors) whenever the
 * fast path cannot be sure to give exactly the full reader's data; `"full"` always uses the full reader.
 *
 * The one difference left: the full reader notes columns the command does not use that it reads as text although
 * most cells are numbers ("column … read as text"); the fast path never looks at those cells' values, only at
 * their decimal marks, and has no such note.
 *
 * @example
 * const { data, reader } = readIndexTable(readFileSync("mss.csv"), { file: "mss.csv", text: ["PLR_ID"], numbers: ["S1", "S3"] });
 */
export function readIndexTable(
  bytes: Buffer,
  options: { file: string; text: readonly string[]; numbers: readonly string[]; reader?: "auto" | "full" },
): IndexTableRead {
  const { file, text, numbers } = options;
  if ((options.reader ?? "auto") === "auto") {
    const fast = readPlainCsv(bytes, text, numbers);
    if (fast) return { data: fast, reader: "fast", warnings: [] };
  }
  const types: Record<string, "string" | "number"> = {};
  for (const c of text) types[c] = "string";
  for (const c of numbers) types[c] = "number";
  const table = parseCsv(bytes, { id: text[0], types, file, fn: "index" });
  return { data: table.rows, reader: "full", warnings: table.warnings };
}

const POINT = 46; // "."
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The fast path: the full reader's result for plain UTF-8 CSV without quotes, with a line feed, numbers with a
 * decimal point, or null (→ full reader) whenever that is not certain. It scans a latin1 view of the bytes (one
 * char per byte, no decoding cost); a text cell with bytes ≥ 0x80 is decoded as UTF-8, and a text cell equal to
 * the previous one in its column reuses that string (validity columns repeat one value).
 *
 * What the full reader does, and the fast path with it or by falling back:
 * - encoding: invalid UTF-8 is read as Windows-1252 (→ fall back; so is UTF-16, whose byte-order mark is not
 *   UTF-8), a byte-order mark is dropped;
 * - lines: split at "\n" (a "\r" before it dropped), or at "\r" when the file has no "\n" (→ fall back); empty
 *   lines skipped; a row of blank cells is skipped with a note (→ fall back: its id is empty);
 * - separator: the most frequent of ";", "," and tab in the first line; none or a tie is an error (→ fall back);
 * - header: names trimmed; an empty or repeated name is a note or an error (→ fall back);
 * - text cells: trimmed; an empty one is a missing value (→ fall back);
 * - number cells: trimmed; missing markers ("." "-" "NA" …) keep their marker (→ fall back), an empty cell is
 *   missing (NaN here, the same exclusion reason); anything not a number is an error (→ fall back);
 * - decimal mark: "." if some cell of a column not declared text can only be read with a decimal point ("4.22594",
 *   ".5"), "," if one can only be read with a decimal comma ("9,7", "1.234.567"; → fall back), and with neither
 *   the German reading with a note when a cell reads both ways ("1.675" = 1675; → fall back). The fast path looks
 *   at the decimal marks of every column, used or not, since the full reader does.
 * Plain decimals with up to 15 significant digits are parsed as m / 10^k, which is correctly rounded (m < 2^53
 * and 10^k ≤ 10^22 are exact doubles, IEEE division rounds once) and so equals the full reader's value; any other
 * number cell (exponent, more digits, blanks, "%") is read by the full reader's own `parseTrimmedNumber`.
 */
function readPlainCsv(bytes: Buffer, strings: readonly string[], numbers: readonly string[]): Columns | null {
  const bom = (k: number) => bytes.length >= k + 3 && bytes[k] === 0xef && bytes[k + 1] === 0xbb && bytes[k + 2] === 0xbf;
  const start = bom(0) ? 3 : 0;
  if (bom(start)) return null;
  if (bytes.indexOf(0x22 /* " */, start) !== -1) return null;
  if (bytes.indexOf(0x0a /* \n */, start) === -1) return null;
  if (!isUtf8(bytes)) return null;
  const text = bytes.toString("latin1", start);
  const headerEnd = text.indexOf("\n");
  const header = bytes.toString("utf8", start, start + headerEnd).replace(/\r$/, "");
  const delimiter = separatorOf(header);
  if (delimiter === null) return null;
  const names = header.split(delimiter).map((s) => s.trim());
  if (names.length < 2 || names.includes("") || new Set(names).size !== names.length) return null;
  // A column that is both text and number: the full reader takes it as a number (and refuses that for the id).
  if (strings.some((s) => numbers.includes(s))) return null;
  const role = new Int32Array(names.length).fill(-1); // -1 unused, ≥0 slot
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
  if (rows === 0) return null; // the full reader's error
  const numCols = slots.map((s) => (s.numeric ? new Float64Array(rows) : null));
  const strCols = slots.map((s) => (s.numeric ? null : new Array<string>(rows)));
  const lastRaw = slots.map((): string | null => null); // previous cell per text column (latin1 view) …
  const lastValue = slots.map(() => ""); // … and its decoded, trimmed string
  const d = delimiter.charCodeAt(0);
  const nFields = names.length;
  // Decimal-mark evidence (see above): a cell only "." reads, and a cell both marks read.
  let english = false;
  let ambiguous = false;
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
      let e: number;
      if (slot < 0) {
        // An unused column: only its decimal marks matter.
        let dots = 0;
        let comma = false;
        for (e = a; e < end; e++) {
          const c = text.charCodeAt(e);
          if (c === d) break;
          if (c === 46) dots++;
          else if (c === 44) comma = true;
        }
        if (comma || dots > 1 || (dots === 1 && !english)) {
          // Without a comma, a cell with one dot is never German-only ("1.675" reads both ways).
          // (Missing markers such as "." or "k.A." read neither way, so they are no evidence, as in the full reader.)
          const evidence = decimalEvidence(cellString(bytes, text, start, a, e));
          if (evidence === 1) return null;
          if (evidence === 2) english = true;
          else if (evidence === 3) ambiguous = true;
        }
      } else if (strCols[slot] === null) {
        // Numbers are parsed in the same pass that finds the end of the cell.
        let v = parsePlainNumber(text, a, end, d);
        e = fieldEnd;
        if (v === NOT_PLAIN_MARK) {
          e = text.indexOf(delimiter, a);
          if (e === -1 || e > end) e = end;
          const s = cellString(bytes, text, start, a, e);
          if (s === "") v = NaN;
          else {
            // Not a number (a missing marker such as "." keeps its marker in the full reader): → full reader.
            v = parseTrimmedNumber(s, POINT);
            if (Number.isNaN(v) || v === NOT_PLAIN_MARK) return null;
            if (s.includes(".") || s.includes(",")) {
              if (decimalEvidence(s) === 3) ambiguous = true;
              else english = true; // 2: it reads with "." (checked above), so not German-only
            }
          }
        } else if (plainDot === 2) english = true;
        else if (plainDot === 3) ambiguous = true;
        numCols[slot]![r] = v;
      } else {
        const sc = strCols[slot]!;
        e = text.indexOf(delimiter, a);
        if (e === -1 || e > end) e = end;
        const prev = lastRaw[slot];
        if (prev !== null && e - a === prev.length && text.startsWith(prev, a)) {
          sc[r] = lastValue[slot];
        } else {
          const value = cellString(bytes, text, start, a, e);
          if (value === "") return null; // missing for the full reader (or a row of blank cells)
          lastRaw[slot] = text.slice(a, e);
          lastValue[slot] = value;
          sc[r] = value;
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
  if (ambiguous && !english) return null; // the full reader reads "1.675" as 1675, with a note
  const out: Columns = {};
  slots.forEach((s, k) => (out[s.name] = (numCols[k] ?? strCols[k])!));
  return out;
}

/** The full reader's separator: the most frequent of ";", "," and tab in the header line; null for none or a tie. */
function separatorOf(header: string): ";" | "," | "\t" | null {
  const counts = [0, 0, 0];
  for (let i = 0; i < header.length; i++) {
    const c = header.charCodeAt(i);
    if (c === 59) counts[0]++;
    else if (c === 44) counts[1]++;
    else if (c === 9) counts[2]++;
  }
  const max = Math.max(...counts);
  if (max === 0 || counts.filter((c) => c === max).length > 1) return null;
  return ([";", ",", "\t"] as const)[counts.indexOf(max)];
}

/** The trimmed text of the cell [a, e) of the latin1 view, decoded as UTF-8 if it has bytes ≥ 0x80. */
function cellString(bytes: Buffer, text: string, start: number, a: number, e: number): string {
  for (let i = a; i < e; i++) if (text.charCodeAt(i) > 127) return bytes.toString("utf8", start + a, start + e).trim();
  // ASCII: String.prototype.trim removes only characters ≤ 32 here.
  return e > a && (text.charCodeAt(a) <= 32 || text.charCodeAt(e - 1) <= 32) ? text.slice(a, e).trim() : text.slice(a, e);
}

// Returned for a cell the fast path cannot read; a plain finite decimal never parses to -Infinity.
const NOT_PLAIN_MARK = -Infinity;

/** End of the cell that {@link parsePlainNumber} read last … */
let fieldEnd = 0;
/** … and its decimal-mark evidence: 0 no dot, 2 only a decimal point reads it, 3 both marks do ("1.675"). */
let plainDot = 0;

/**
 * Parses the cell starting at `a` (ending at the delimiter `d` or at `end`) as a plain decimal
 * `[+-]digits[.digits]` (at least one digit, and one after a dot, at most 15 significant and 22 decimal digits)
 * and sets `fieldEnd` and `plainDot`; NaN for an empty cell; NOT_PLAIN_MARK for anything else. "-0" gives 0, as
 * in the full reader.
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
  let significant = 0;
  let whole = 0;
  let frac = 0;
  let dot = false;
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (significant === 15 || frac === 22) return NOT_PLAIN_MARK;
      m = m * 10 + (c - 48);
      if (m !== 0) significant++;
      if (dot) frac++;
      else whole++;
    } else if (c === 46 /* . */ && !dot) {
      dot = true;
    } else if (c === d) {
      break;
    } else {
      return NOT_PLAIN_MARK;
    }
  }
  fieldEnd = i;
  if (dot ? frac === 0 : whole === 0) return NOT_PLAIN_MARK; // "5.", ".", "-": not numbers for the full reader
  // German reading of a dot: a thousands separator after 1–3 digits, followed by exactly 3 digits.
  plainDot = !dot ? 0 : whole >= 1 && whole <= 3 && frac === 3 ? 3 : 2;
  const v = frac === 0 ? m : m / POW10[frac];
  return (neg ? -v : v) + 0;
}
