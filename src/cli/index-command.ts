import { Command, Option } from "commander";
import { compositeIndex, type CompositeIndexResult } from "../classify/compositeIndex.js";
import { classSchemes } from "../classify/schemes.js";
import { readFileShared } from "../io/fastCsvColumnsParallel.js";
import { readCsvColumnsParallel } from "../io/readCsvColumns.js";
import type { Direction } from "../standardize/direction.js";
import { resolveThreads, warmWorkers } from "../inference/parallel.js";
import { INDEX_WRITER_MIN_WORK, writeIndexCsv } from "./writeIndexCsv.js";

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
  /** "full" reads with `parseCsv` only (for tests comparing both readers; default "auto", see `readCsvColumns`). */
  reader?: "auto" | "full";
}

/** What {@link runIndexCommand} did. */
export interface IndexCommandResult {
  result: CompositeIndexResult;
  /** Rows written (valid areas). */
  written: number;
  /** "fast" (`readCsvColumns`' byte-level path, plain or German CSV) or "full" (`parseCsv`; see `readCsvColumns`). */
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
    .argument("<tabelle>", "CSV-Datei mit einer Zeile je Gebiet")
    .requiredOption("--id <spalte>", "Spalte mit dem Gebietsschlüssel")
    .requiredOption("--indicators <spalten>", "Indikatorspalten, durch Kommas getrennt (z. B. S1,S3,S4)")
    .addOption(
      new Option("--scheme <schema>", "Klassenschema").choices(Object.keys(classSchemes)).makeOptionMandatory(),
    )
    .requiredOption("--out <datei>", "Ausgabedatei (CSV: id,sum,index,class)")
    .option("--valid <spalte=wert>", "nur Gebiete, deren Spalte diesen Wert hat (z. B. KOM=gültig)")
    .addOption(new Option("--mean <art>", "Mittelwert").choices(["unweighted", "weighted"]).default("unweighted"))
    .addOption(new Option("--sd <art>", "Standardabweichung").choices(["population", "sample"]).default("population"))
    .option("--weights <spalte>", "Gewichtsspalte für --mean weighted (z. B. Einwohner)")
    .option("--indicator-weights <zahlen>", "Gewichte der Indikatoren in der Summe, durch Kommas getrennt")
    .option("--directions <vorzeichen>", "Richtung je Indikator: 1 (hoch = ungünstig) oder -1, durch Kommas getrennt")
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
  if (parts.some((p) => p === "")) throw new Error(`index: ${flag} hat einen leeren Eintrag: "${text}"`);
  return parts;
}

function parseCommandLine(table: string, opts: Record<string, string | undefined>): IndexCommandOptions {
  const indicators = list("--indicators", opts.indicators)!;
  const numbers = (flag: string, text: string | undefined): number[] | undefined => {
    const parts = list(flag, text);
    if (!parts) return undefined;
    if (parts.length !== indicators.length) {
      throw new Error(`index: ${flag} hat ${parts.length} Einträge, --indicators aber ${indicators.length}`);
    }
    return parts.map((p) => {
      const v = Number(p);
      if (!Number.isFinite(v)) throw new Error(`index: ${flag}: Eintrag "${p}" ist keine Zahl`);
      return v;
    });
  };
  const directions = numbers("--directions", opts.directions);
  if (directions?.some((d) => d !== 1 && d !== -1)) throw new Error(`index: --directions: Einträge müssen 1 oder -1 sein, angegeben ist "${opts.directions}"`);
  let valid: IndexCommandOptions["valid"];
  if (opts.valid !== undefined) {
    const eq = opts.valid.indexOf("=");
    if (eq <= 0) throw new Error(`index: --valid muss die Form spalte=wert haben, angegeben ist "${opts.valid}"`);
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
  if (!scheme) throw new Error(`index: unbekanntes Klassenschema "${options.scheme}" (bekannt: ${Object.keys(classSchemes).join(", ")})`);
  if (options.mean === "weighted" && !options.weights) throw new Error("index: --mean weighted braucht --weights <spalte>");
  if (options.mean !== "weighted" && options.weights) throw new Error("index: --weights braucht --mean weighted");
  const numberColumns = [...options.indicators, ...(options.weights ? [options.weights] : [])];
  const stringColumns = [options.id, ...(options.valid ? [options.valid.column] : [])];
  const bytes = readFileShared(options.table);
  const read = await readCsvColumnsParallel(bytes, { file: options.table, text: stringColumns, numbers: numberColumns, fn: "index", reader: options.reader });
  // The writer's number printing thread starts on the idle core while this one computes the index.
  warmWorkers(resolveThreads("index", undefined, 2 * rowCount(read.data), INDEX_WRITER_MIN_WORK));
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
  const written = writeIndexCsv(options.out, result.columns);
  return { result, written, reader: read.reader, warnings: read.warnings };
}

/** Rows read: the length of the first column (fast path) or of the row list (full reader). */
function rowCount(data: Awaited<ReturnType<typeof readCsvColumnsParallel>>["data"]): number {
  if (Array.isArray(data)) return data.length;
  const first = Object.values(data)[0];
  return first ? first.length : 0;
}
