import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { registerCheckCommand } from "../../src/cli/check.js";
import { registerInitCommand } from "../../src/cli/init.js";

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "sources");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sozialraum-check-test-"));
  for (const f of ["areas.csv", "strukturdaten_2022.csv", "garbage.csv"]) copyFileSync(join(fixtures, f), join(dir, f));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** Runs a subcommand in-process; returns what it printed and the exit code it set. */
async function run(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  const program = new Command("sozialraum").exitOverride();
  registerInitCommand(program);
  registerCheckCommand(program);
  try {
    await program.parseAsync(args, { from: "user" });
  } finally {
    vi.restoreAllMocks();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { stdout, stderr, code };
}

describe("sozialraum init and check", () => {
  it("init writes a starter configuration from the headers, lists every guess, and check finds it in order", async () => {
    const out = join(dir, "sozialraum.json");
    const init = await run(["init", join(dir, "areas.csv"), join(dir, "strukturdaten_2022.csv"), "--out", out]);
    expect(init.code).toBe(0);
    expect(init.stderr).toContain('strukturdaten_2022.csv: "Leistungsempfänger nach SGB II" → "sgb2_personen" (SGB-II-Leistungsberechtigte)');
    expect(init.stderr).toContain('strukturdaten_2022.csv: Spalte "Anteil Arbeitslose in %" ist ein Anteil (Anteil oder Quote), nicht übernommen');
    expect(init.stderr).toContain('areas.csv: Spalte "bezirk" ist die Hierarchieebene "bezirk"');
    expect(init.stderr).toContain("strukturdaten_2022.csv: Jahr 2022 aus dem Dateinamen");
    const config = JSON.parse(readFileSync(out, "utf8"));
    expect(config.sources.tables.map((t: { file: string }) => t.file)).toEqual(["areas.csv", "strukturdaten_2022.csv"]);
    expect(config.indicators.map((d: { id: string }) => d.id)).toEqual(["arbeitslosigkeit", "transferbezug", "anteil_aeltere"]);
    const check = await run(["check", "--config", out]);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("Sozialräume: 4 in der Gebietsliste, 4 verwendbar, 0 ausgeschlossen");
    // A second init does not overwrite.
    const again = await run(["init", join(dir, "areas.csv"), "--out", out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("gibt es schon; mit --force überschreiben");
  });

  it("check reports every problem at once, in German, with suggestions, and exits with 1", async () => {
    const file = join(dir, "kaputt.json");
    writeFileSync(
      file,
      JSON.stringify({
        minimumPopulaton: 300,
        indicators: [{ id: "alo", label: "Arbeitslosigkeit", targetGroup: "working-age", numerator: ["arbeitslos"], denominator: ["einwohner"], unit: "%", direction: 1, source: "Test" }],
        statusIndex: { indicators: ["alo", "kinderarmut"] },
        sources: { areas: { population: "einwohner" }, tables: [{ file: "garbage.csv", key: "gebiet", year: 2022, columns: { einwohner: { kind: "count" }, arbeitslose: "arbeitslos" } }] },
      }),
    );
    const r = await run(["check", "--config", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(`5 Probleme in ${file}:`);
    expect(lines.slice(1)).toEqual([
      `  ${file}: unbekannte Angabe "minimumPopulaton" – meinten Sie "minimumPopulation"?`,
      `  garbage.csv, Spalte "arbeitslose": Spalte nicht gefunden (vorhanden: "einwohner")`,
      `  garbage.csv Zeile 3, Spalte "einwohner", Gebiet "02": Wert "12a" ist keine Zahl`,
      `  indicators[0].numerator, Spalte "arbeitslos": Indikator "alo": Spalte nicht gefunden (vorhanden: "einwohner")`,
      `  ${file}: statusIndex.indicators: kein Indikator "kinderarmut" (vorhanden: alo)`,
    ]);
  });

  it("check asks for analysis years the sources provide", async () => {
    const file = join(dir, "jahre.json");
    writeFileSync(file, JSON.stringify({ indicators: [], sources: { tables: [{ file: "strukturdaten_2022.csv", key: "gebiet", year: 2022 }] } }));
    const r = await run(["check", "--config", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}: years.current: 2018 (Standard) ist kein Jahr der Datenquellen (vorhanden: 2022); "years": { "current": 2022 } angeben`);
    expect(r.stderr).toContain(`${file}: years.previous: 2016 (Standard) ist kein Jahr der Datenquellen (vorhanden: 2022); ein vorhandenes Jahr oder null angeben`);
  });

  it("check without a configuration says what to do", async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      rmSync(join(dir, "sozialraum.json"), { force: true });
      const r = await run(["check"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("check: keine Konfiguration gefunden: --config DATEI angeben oder sozialraum.json in diesen Ordner legen\n");
    } finally {
      process.chdir(cwd);
    }
  });

  it("--help is German", async () => {
    const program = new Command("sozialraum");
    registerCheckCommand(program);
    registerInitCommand(program);
    const help = program.commands.map((c) => c.helpInformation()).join("\n");
    expect(help).toContain("Konfiguration und Daten prüfen, ohne die Analyse zu rechnen");
    expect(help).toContain("Start-Konfiguration aus den Spaltenköpfen eigener Dateien");
  });
});
