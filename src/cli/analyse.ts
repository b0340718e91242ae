import type { Command } from "commander";
import { formatGermanNumber } from "../io/formatGermanNumber.js";
import type { AnalysisConfig } from "../analysis/analysisConfig.js";
import type { ImageFormat } from "../export/exportFigures.js";
import { cliWarning } from "./cliWarning.js";

/** Options of the `analyse` subcommand as commander parses them. */
interface AnalyseOptions {
  config?: string;
  out: string;
  date?: string;
  figures?: string;
  pdf?: boolean;
  quiet?: boolean;
}

/** Parses `--figures png,svg` into the formats (each once, in the order given). */
export function parseFigureFormats(text: string): ImageFormat[] {
  const parts = text.split(",").map((s) => s.trim().toLowerCase());
  const bad = parts.filter((p) => p !== "png" && p !== "svg");
  if (parts.length === 0 || bad.length > 0) throw new Error(`analyse: --figures muss png und/oder svg nennen, durch Kommas getrennt; angegeben ist "${text}"`);
  return [...new Set(parts)] as ImageFormat[];
}

/**
 * Registers `sozialraum analyse [--config FILE] [--out DIR] [--date YYYY-MM-DD] [--figures png,svg] [--quiet]`:
 * runs the whole analysis (by default on the embedded synthetic city: indicators, auffällige Sozialräume per
 * target group, indices and ranking, Bedarf und Angebot, Durchmischung, Nachbarschaft, Sozialraumtypen, monitoring
 * across the surveys, sensitivity) and writes
 * `rangfolge.csv`, `sozialraumanalyse.xlsx`, `bericht.html`, with `--figures` the figures as images in
 * `abbildungen/`, and `herkunft.json` (provenance of all outputs) into the output folder (default
 * `output/analyse/`). Same inputs and `--date` → byte-identical files. Progress goes to stderr, one line per
 * step (suppressed by `--quiet`); the written files are listed on stdout.
 *
 * @example
 * registerAnalyseCommand(program); // in src/cli/commands.ts
 */
export function registerAnalyseCommand(program: Command): void {
  program
    .command("analyse")
    .description("Sozialraumanalyse: Indikatoren, Auffälligkeiten, Indizes und Rangfolge; schreibt CSV, Excel-Arbeitsmappe und HTML-Bericht")
    .option("-c, --config <datei>", "JSON-Datei mit Parametern (Indikatoren, Schwellen, Mindesteinwohnerzahl, Jahre, Datenpfade)")
    .option("-o, --out <ordner>", "Ausgabeordner", "output/analyse")
    .option("--date <YYYY-MM-DD>", "Berichtsdatum (Stand), der einzige Zeitstempel der Ausgaben; Standard: report.date der Konfiguration, sonst heute")
    .option("--figures <formate>", "Abbildungen zusätzlich als Bilder nach abbildungen/ schreiben: png, svg oder png,svg (braucht Chromium)")
    .option("--pdf", "den Bericht zusätzlich als bericht.pdf (A4) drucken (braucht Chromium)")
    .option("-q, --quiet", "keine Fortschrittsmeldungen auf stderr")
    .addHelpText(
      "after",
      [
        "",
        "Ausgaben im Ausgabeordner:",
        "  bericht.html            deutscher Bericht (offline lesbar): Zusammenfassung, Rangfolge, Karten, Zielgruppen,",
        "                          Bedarf und Angebot, Durchmischung, Nachbarschaft, Vernetzung, Sozialraumtypen,",
        "                          Entwicklung über die Erhebungen, Sensitivität, Methodenanhang, Nachvollziehbarkeit,",
        "                          Steckbriefe der auffälligen Sozialräume",
        "  steckbriefe.pdf         je auffälligem Sozialraum ein Steckbrief (A4, mit Chromium gedruckt; ohne Chromium entfällt er)",
        "  sozialraumanalyse.xlsx  jede Tabelle als Arbeitsblatt, dazu \"Parameter\" und \"Herkunft\"",
        "  rangfolge.csv           Rangfolge (\";\"-getrennt, Dezimalkomma)",
        "  bericht.pdf             mit --pdf: der Bericht als PDF (A4, breite Tabellen quer)",
        "  abbildungen/            mit --figures: jede Abbildung als PNG und/oder SVG",
        "  herkunft.json           SHA-256 aller Ein- und Ausgaben, alle Parameter, Programmversionen",
        "",
        "Gleiche Eingaben, Parameter und --date ergeben byte-gleiche Dateien; das Berichtsdatum ist der einzige",
        "Zeitstempel. Zufallsschritte verwenden \"seed\" der Konfiguration (Standard 1).",
        "",
        "Beispiel:",
        "  sozialraum analyse --config analyse.json --out bericht --date 2024-05-06 --figures png,svg",
      ].join("\n"),
    )
    .action(async (options: AnalyseOptions) => {
      const log = (line: string) => {
        if (!options.quiet) process.stderr.write(`analyse: ${line}\n`);
      };
      const started = Date.now();
      // Imported here, not at the top: the pipeline (exceljs, plot, report, …) costs ~0.5 s of startup that the
      // other commands (and --help) should not pay.
      const [{ loadAnalysisConfig }, { runSourcesAnalysis }, { writeAnalysisOutputs }] = await Promise.all([
        import("../pipeline/loadAnalysisConfig.js"),
        import("../pipeline/runSourcesAnalysis.js"),
        import("../pipeline/writeAnalysisOutputs.js"),
      ]);
      const figures = options.figures !== undefined ? parseFigureFormats(options.figures) : undefined;
      let config: AnalysisConfig = options.config ? loadAnalysisConfig(options.config) : {};
      if (options.date) config = { ...config, report: { ...(config.report ?? {}), date: options.date } };
      const result = await runSourcesAnalysis(config, {
        onProgress: (p) => log(p.total > 0 ? `[${p.step}/${p.total}] ${p.message}` : p.message),
      });
      log(`Bericht, Arbeitsmappe und Rangfolge schreiben${figures ? `, Abbildungen als ${figures.join(" und ").toUpperCase()}` : ""}`);
      const files = await writeAnalysisOutputs(result, options.out, { figures, pdf: options.pdf });
      // The same warning can come from several steps (e.g. status and need index): print each once.
      for (const w of new Set([...result.warnings, ...files.warnings].map(cliWarning))) log(`Hinweis: ${w}`);
      const ranked = result.ranking.filter((r) => r.rang !== null).length;
      log(`${result.areas.length} Sozialräume, ${ranked} mit Rang, ${result.excluded.length} Ausschlüsse (${formatGermanNumber((Date.now() - started) / 1000, { decimals: 1 })} s)`);
      process.stdout.write([files.ranking, files.workbook, files.report, ...(files.pdf ? [files.pdf] : []), ...(files.steckbriefe ? [files.steckbriefe] : []), ...files.figures, files.provenance].map((f) => `${f}\n`).join(""));
    });
}
