import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command } from "commander";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerAnalyseCommand } from "../../src/cli/analyse.js";

const CITY = resolve("test/reference/pipeline/city");

/** Runs `sozialraum analyse …` in-process; returns what it wrote to stdout and stderr. */
async function analyse(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const program = new Command().exitOverride();
  registerAnalyseCommand(program);
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  try {
    await program.parseAsync(["node", "sozialraum", "analyse", ...args]);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { stdout, stderr };
}

function configFile(extra: object = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "sozialraum-cfg-"));
  const file = join(dir, "analyse.json");
  writeFileSync(file, JSON.stringify({ data: { dir: CITY }, ...extra }));
  return file;
}

describe("sozialraum analyse", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes rangfolge.csv, sozialraumanalyse.xlsx and bericht.html and reports progress on stderr", async () => {
    const out = mkdtempSync(join(tmpdir(), "sozialraum-out-"));
    const { stdout, stderr } = await analyse(["--config", configFile(), "--out", out, "--date", "2024-05-06"]);
    expect(stdout.trim().split("\n")).toEqual(["rangfolge.csv", "sozialraumanalyse.xlsx", "bericht.html"].map((f) => join(out, f)));
    expect(stderr).toContain("analyse: [1/8] Indikatoren 2018 berechnen\n");
    expect(stderr).toContain("analyse: [8/8] Klassen und Rangfolge bestimmen\n");
    expect(stderr).toMatch(/analyse: 30 Sozialräume, 28 mit Rang, \d+ Ausschlüsse/);

    const csv = readFileSync(join(out, "rangfolge.csv"), "utf8");
    expect(csv.split("\n")[0]).toBe(
      "rang;sozialraum_id;sozialraum_name;stadtteil_name;stadtbezirk_name;einwohner;status_index;status_klasse;dynamik_index;dynamik_klasse;gruppe;kinder_und_jugendliche;erwerbsfaehige;aeltere;auffaellige_zielgruppen;grund",
    );
    expect(csv.split("\n")[1]).toMatch(/^1;\d{4};Gitter \d\/\d;/);

    const html = readFileSync(join(out, "bericht.html"), "utf8");
    expect(html).toContain('<time datetime="2024-05-06">06.05.2024</time>');
    for (const heading of ["Rangfolge der Sozialräume", "Karten", "z-Werte der Indikatoren", "Zielgruppe Kinder und Jugendliche", "Ausgeschlossene Gebiete"]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    expect(html).toContain("<caption>Auffällige Sozialräume: Erwerbsfähige</caption>");
    expect(html).toContain("<caption>Sozialräume ohne Rang</caption>");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, "sozialraumanalyse.xlsx")) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Rangfolge", "Standardisierung", "Kinder und Jugendliche", "Erwerbsfähige", "Ältere", "Kontext", "Ausschlüsse", "Parameter"]);
    // Flags are highlighted by cell fill in the target-group sheets.
    const ws = wb.getWorksheet("Erwerbsfähige")!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const verdictCol = header.indexOf("Bewertung") + 1;
    let filled = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const verdict = row.getCell(verdictCol).value;
      const fill = row.getCell(verdictCol).fill as ExcelJS.FillPattern | undefined;
      if (verdict === "auffällig" || verdict === "stark auffällig") {
        expect(fill?.fgColor?.argb, `row ${n}`).toBe(verdict === "auffällig" ? "FFFDDBC7" : "FFF4A582");
        filled++;
      } else expect(fill, `row ${n}`).toBeUndefined();
    });
    expect(filled).toBeGreaterThan(0);
  });

  it("gives byte-identical files for the same input; only the report date differs between dates", async () => {
    const cfg = configFile();
    const a = mkdtempSync(join(tmpdir(), "sozialraum-a-"));
    const b = mkdtempSync(join(tmpdir(), "sozialraum-b-"));
    const c = mkdtempSync(join(tmpdir(), "sozialraum-c-"));
    await analyse(["--config", cfg, "--out", a, "--date", "2024-05-06", "--quiet"]);
    await new Promise((r) => setTimeout(r, 2100)); // past the 2-second resolution of zip times
    const quiet = await analyse(["--config", cfg, "--out", b, "--date", "2024-05-06", "--quiet"]);
    expect(quiet.stderr).toBe("");
    for (const f of ["rangfolge.csv", "sozialraumanalyse.xlsx", "bericht.html"]) {
      expect(Buffer.compare(readFileSync(join(a, f)), readFileSync(join(b, f))), f).toBe(0);
    }
    await analyse(["--config", cfg, "--out", c, "--date", "2025-01-31", "--quiet"]);
    expect(readFileSync(join(c, "rangfolge.csv"))).toEqual(readFileSync(join(a, "rangfolge.csv")));
    const norm = (s: string, iso: string, de: string) => s.split(iso).join("DATUM").split(de).join("DATUM");
    expect(norm(readFileSync(join(c, "bericht.html"), "utf8"), "2025-01-31", "31.01.2025")).toBe(
      norm(readFileSync(join(a, "bericht.html"), "utf8"), "2024-05-06", "06.05.2024"),
    );
  });

  it("fails with the configuration problem", async () => {
    const cfg = configFile({ thresholds: { flag: "1" } });
    await expect(analyse(["--config", cfg, "--out", mkdtempSync(join(tmpdir(), "x-")), "--quiet"])).rejects.toThrow(
      'resolveAnalysisConfig: 1 problem in the configuration:\n  - "thresholds.flag" must be a number, got "1"',
    );
  });
});
