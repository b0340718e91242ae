import type { Command } from "commander";
import type { AnalysisConfig } from "../pipeline/analysisConfig.js";
import { loadAnalysisConfig } from "../pipeline/resolveAnalysisConfig.js";
import { runAnalysis } from "../pipeline/runAnalysis.js";
import { writeAnalysisOutputs } from "../pipeline/writeAnalysisOutputs.js";

/** Options of the `analyse` subcommand as commander parses them. */
interface AnalyseOptions {
  config?: string;
  out: string;
  date?: string;
  quiet?: boolean;
}

/**
 * Registers `sozialraum analyse [--config FILE] [--out DIR] [--date YYYY-MM-DD] [--quiet]`: runs the whole
 * analysis (by default on the embedded synthetic city) and writes `rangfolge.csv`, `sozialraumanalyse.xlsx`
 * and `bericht.html` into the output folder (default `output/analyse/`). Progress goes to stderr, one line
 * per step (suppressed by `--quiet`); the written files are listed on stdout.
 *
 * @example
 * registerAnalyseCommand(program); // in src/cli/commands.ts
 */
export function registerAnalyseCommand(program: Command): void {
  program
    .command("analyse")
    .description("Sozialraumanalyse: Indikatoren, Auffälligkeiten, Indizes und Rangfolge; schreibt CSV, Excel-Arbeitsmappe und HTML-Bericht")
    .option("-c, --config <file>", "JSON-Datei mit Parametern (Indikatoren, Schwellen, Mindesteinwohnerzahl, Jahre, Datenpfade)")
    .option("-o, --out <dir>", "Ausgabeordner", "output/analyse")
    .option("--date <YYYY-MM-DD>", "Berichtsdatum (Stand); Standard: report.date der Konfiguration, sonst heute")
    .option("-q, --quiet", "keine Fortschrittsmeldungen auf stderr")
    .action(async (options: AnalyseOptions) => {
      const log = (line: string) => {
        if (!options.quiet) process.stderr.write(`analyse: ${line}\n`);
      };
      const started = Date.now();
      let config: AnalysisConfig = options.config ? loadAnalysisConfig(options.config) : {};
      if (options.date) config = { ...config, report: { ...(config.report ?? {}), date: options.date } };
      const result = runAnalysis(config, {
        onProgress: (p) => log(p.total > 0 ? `[${p.step}/${p.total}] ${p.message}` : p.message),
      });
      log("Bericht, Arbeitsmappe und Rangfolge schreiben");
      const files = await writeAnalysisOutputs(result, options.out);
      for (const w of result.warnings) log(`Hinweis: ${w}`);
      const ranked = result.ranking.filter((r) => r.rang !== null).length;
      log(`${result.areas.length} Sozialräume, ${ranked} mit Rang, ${result.excluded.length} Ausschlüsse (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      process.stdout.write(`${files.ranking}\n${files.workbook}\n${files.report}\n`);
    });
}
