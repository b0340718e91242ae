import { existsSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Command } from "commander";

/**
 * Registers `sozialraum init <dateien…> [--out FILE] [--force]`: writes a starter configuration from the files'
 * headers (key, name and year columns, common German column names renamed to the catalogue's, aggregate rows,
 * indicators from the catalogue) and lists every guess it made on stderr. Check the result with
 * `sozialraum check`.
 *
 * @example
 * registerInitCommand(program); // in src/cli/commands.ts
 */
export function registerInitCommand(program: Command): void {
  program
    .command("init")
    .description("Start-Konfiguration aus den Spaltenköpfen eigener Dateien (CSV, XLSX) schreiben")
    .helpOption("-h, --help", "Hilfe anzeigen")
    .argument("<dateien...>", "CSV- oder XLSX-Dateien mit den Daten der Sozialräume")
    .option("-o, --out <datei>", "die zu schreibende Konfiguration", "sozialraum.json")
    .option("-f, --force", "eine vorhandene Konfiguration überschreiben")
    .addHelpText(
      "after",
      [
        "",
        "Erkannt werden Schlüssel-, Namens- und Jahresspalten und übliche Spaltennamen (Einwohner, unter 18,",
        "65 und älter, SGB II, Arbeitslose, Alleinerziehende, Migrationshintergrund, Grundsicherung …).",
        "Jede Annahme wird aufgelistet; danach mit \"sozialraum check\" prüfen.",
        "",
        "Beispiel:",
        "  sozialraum init daten/*.csv --out sozialraum.json",
      ].join("\n"),
    )
    .action(async (files: string[], options: { out: string; force?: boolean }) => {
      if (existsSync(options.out) && !options.force) {
        process.stderr.write(`init: ${options.out} gibt es schon; mit --force überschreiben oder --out angeben\n`);
        process.exitCode = 1;
        return;
      }
      // Imported here: the sources modules are startup cost for every other command.
      const { proposeSourcesConfig } = await import("../sources/proposeSourcesConfig.js");
      const p = await proposeSourcesConfig(files, { configDir: dirname(resolve(options.out)) });
      for (const problem of p.problems) process.stderr.write(`init: nicht lesbar: ${problem}\n`);
      if (p.config.sources.tables.length === 0) {
        process.stderr.write("init: keine Datei lesbar; keine Konfiguration geschrieben\n");
        process.exitCode = 1;
        return;
      }
      writeFileSync(options.out, JSON.stringify(p.config, null, 2) + "\n");
      process.stderr.write(`Annahmen (${p.guesses.length}):\n${p.guesses.map((g) => `  ${g}\n`).join("")}`);
      process.stdout.write(`${options.out}\n`);
      process.stderr.write(`Weiter: sozialraum check --config ${options.out}\n`);
    });
}
