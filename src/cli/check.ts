import type { Command } from "commander";

/**
 * Registers `sozialraum check [--config FILE]`: validates configuration and data in one pass without running the
 * analysis and prints every problem at once (German, with file, row, column, key and value, the columns that do
 * exist and "meinten Sie …?" suggestions). Exit code 0 when everything is in order, 1 otherwise.
 *
 * @example
 * registerCheckCommand(program); // in src/cli/commands.ts
 */
export function registerCheckCommand(program: Command): void {
  program
    .command("check")
    .description("Konfiguration und Daten prüfen, ohne die Analyse zu rechnen: alle Probleme auf einmal")
    .helpOption("-h, --help", "Hilfe anzeigen")
    .option("-c, --config <datei>", "JSON-Konfiguration (Standard: sozialraum.json im aktuellen Ordner)")
    .addHelpText(
      "after",
      [
        "",
        "Geprüft werden: JSON-Syntax, unbekannte Angaben, Analyse-Parameter, jede Tabelle unter \"sources\"",
        "(Dateien, Spalten, Schlüssel, Jahre, Werte), die Spalten der Indikatoren und die Index-Indikatoren.",
        "Jedes Problem nennt Datei, Zeile (wie in Excel), Spalte, Gebiet und Wert.",
        "",
        "Beispiel:",
        "  sozialraum check --config examples/flensburg-2022/sozialraum.json",
      ].join("\n"),
    )
    .action(async (options: { config?: string }) => {
      // Imported here: the config check pulls in the sources and pipeline modules (startup cost for every command).
      const { checkConfigFile, defaultConfigFile } = await import("./checkConfig.js");
      const file = defaultConfigFile(options.config);
      if (!file) {
        process.stderr.write("check: keine Konfiguration gefunden: --config DATEI angeben oder sozialraum.json in diesen Ordner legen\n");
        process.exitCode = 1;
        return;
      }
      const c = await checkConfigFile(file);
      for (const w of c.warnings) process.stderr.write(`Hinweis: ${w}\n`);
      if (c.problems.length) {
        process.stderr.write(`${c.problems.length === 1 ? "1 Problem" : `${c.problems.length} Probleme`} in ${file}:\n`);
        for (const p of c.problems) process.stderr.write(`  ${p}\n`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(`${file}: in Ordnung\n${c.summary.map((l) => `${l}\n`).join("")}`);
    });
}
