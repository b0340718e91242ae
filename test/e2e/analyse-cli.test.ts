import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command } from "commander";
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseFigureFormats, registerAnalyseCommand } from "../../src/cli/analyse.js";

/** steckbriefe.pdf needs Chromium; without it the PDF is left out with a warning. */
const HAS_CHROMIUM = existsSync("/usr/bin/chromium");
const OUTPUTS = ["rangfolge.csv", "sozialraumanalyse.xlsx", "bericht.html", ...(HAS_CHROMIUM ? ["steckbriefe.pdf"] : []), "herkunft.json"];
/** SHA-256 by coreutils' sha256sum: independent of the library's hashing. */
const sha256sum = (file: string) => execFileSync("sha256sum", [file], { encoding: "utf8" }).split(" ")[0];

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

  it("writes rangfolge.csv, sozialraumanalyse.xlsx, bericht.html and herkunft.json and reports progress on stderr", async () => {
    const out = mkdtempSync(join(tmpdir(), "sozialraum-out-"));
    const { stdout, stderr } = await analyse(["--config", configFile(), "--out", out, "--date", "2024-05-06"]);
    expect(stdout.trim().split("\n")).toEqual(OUTPUTS.map((f) => join(out, f)));
    expect(stderr).toContain("analyse: [1/15] Indikatoren 2018 berechnen\n");
    expect(stderr).toContain("analyse: [8/15] Klassen und Rangfolge bestimmen\n");
    expect(stderr).toContain("analyse: [15/15] Sensitivität von Status-Index und Bewertungen berechnen (Methodenvarianten, Monte-Carlo)\n");
    expect(stderr).toMatch(/analyse: 30 Sozialräume, 28 mit Rang, \d+ Ausschlüsse/);

    const csv = readFileSync(join(out, "rangfolge.csv"), "utf8");
    expect(csv.split("\n")[0]).toBe(
      "\uFEFFrang;sozialraum_id;sozialraum_name;stadtteil_name;stadtbezirk_name;einwohner;status_index;status_klasse;dynamik_index;dynamik_klasse;gruppe;kinder_und_jugendliche;erwerbsfaehige;aeltere;auffaellige_zielgruppen;grund",
    );
    expect(csv.split("\n")[1]).toMatch(/^1;\d{4};Gitter \d\/\d;/);

    const html = readFileSync(join(out, "bericht.html"), "utf8");
    expect(html).toContain('<time datetime="2024-05-06">06.05.2024</time>');
    for (const heading of [
      "Zusammenfassung", "Steckbriefe der auffälligen Sozialräume",
      "Rangfolge der Sozialräume", "Karten", "z-Werte der Indikatoren", "Zielgruppe Kinder und Jugendliche", "Bedarf und Angebot", "Durchmischung",
      "Nachbarschaft", "Sensitivität und Unsicherheit", "Ausgeschlossene Sozialräume", "Nachvollziehbarkeit",
    ]) {
      expect(html).toContain(`>${heading}</h2>`);
    }
    expect(html).toContain("<caption>Auffällige Sozialräume: Erwerbsfähige</caption>");
    expect(html).toContain("<caption>Sozialräume ohne Rang</caption>");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, "sozialraumanalyse.xlsx")) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Inhalt", "Auffällige Sozialräume",
      "Rangfolge", "Standardisierung", "Kinder und Jugendliche", "Erwerbsfähige", "Ältere", "Kontext",
      "Angebot je Sozialraum", "Lücken Bedarf und Angebot", "Beobachtungen Stadtteiltreffen", "Bedarf nicht in Daten sichtbar", "Widersprüche Treffen und Daten",
      "Segregationsindizes", "Durchmischung – Altersgruppen", "Standortquotienten", "Moran's I", "LISA Status-Index", "LISA Bedarfsindizes",
      "Sozialraumtypen", "Entwicklung",
      "Methodenvarianten", "Methodenabhängige Sozialräume", "Klassenstabilität je Sozialraum", "Spearman-Korrelationen", "Monte-Carlo-Rangintervalle",
      "Bewertungsvarianten", "Methodenabhängige Bewertungen", "Bewertungsstabilität",
      "Ausschlüsse", "Geheimhaltung", "Formeln und Parameter", "Indikatorenkatalog", "Klassengrenzen", "Herkunft", "Parameter",
    ]);
    // Provenance: every input's SHA-256 in the "Herkunft" sheet and the report, and herkunft.json lists every output.
    const herkunft = wb.getWorksheet("Herkunft")!;
    const cells = (herkunft.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    for (const f of ["gebiete.csv", "strukturdaten_2018.csv", "strukturdaten_2016.csv", "sozialraeume.geojson", "einrichtungen.csv", "stadtteiltreffen.csv"]) {
      const row = cells.find((r) => r[2] === f);
      expect(row, f).toBeDefined();
      expect(row![3], f).toBe(sha256sum(join(CITY, f)));
      expect(html).toContain(sha256sum(join(CITY, f)));
    }
    expect(cells.find((r) => r[1] === "Stand (Berichtsdatum, einziger Zeitstempel)")![2]).toEqual(new Date(Date.UTC(2024, 4, 6))); // a real Excel date
    expect(cells.find((r) => r[1] === "thresholds.flag")![2]).toBe("1");
    const record = JSON.parse(readFileSync(join(out, "herkunft.json"), "utf8"));
    expect(record.createdAt).toBe("2024-05-06");
    expect(record.library).toEqual({ name: "sozialraum", version: JSON.parse(readFileSync("package.json", "utf8")).version });
    expect(record.outputs.map((o: { path: string }) => o.path)).toEqual(OUTPUTS.slice(0, -1));
    for (const o of record.outputs) expect(o.sha256, o.path).toBe(sha256sum(join(out, o.path)));
    expect(record.inputs.map((i: { path: string }) => i.path)).toEqual(["gebiete.csv", "strukturdaten_2018.csv", "strukturdaten_2016.csv", "sozialraeume.geojson", "einrichtungen.csv", "stadtteiltreffen.csv"]);
    // No absolute path of this machine in any output: the records are the same everywhere.
    for (const f of OUTPUTS) expect(readFileSync(join(out, f)).includes(CITY), f).toBe(false);
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

  it("gives byte-identical files (all outputs) for the same input and date; only the report date differs between dates", async () => {
    const cfg = configFile();
    const a = mkdtempSync(join(tmpdir(), "sozialraum-a-"));
    const b = mkdtempSync(join(tmpdir(), "sozialraum-b-"));
    const c = mkdtempSync(join(tmpdir(), "sozialraum-c-"));
    await analyse(["--config", cfg, "--out", a, "--date", "2024-05-06", "--quiet"]);
    await new Promise((r) => setTimeout(r, 2100)); // past the 2-second resolution of zip times
    const quiet = await analyse(["--config", cfg, "--out", b, "--date", "2024-05-06", "--quiet"]);
    expect(quiet.stderr).toBe("");
    expect(readdirSync(b).sort()).toEqual([...OUTPUTS].sort());
    for (const f of OUTPUTS) {
      expect(Buffer.compare(readFileSync(join(a, f)), readFileSync(join(b, f))), f).toBe(0);
    }
    await analyse(["--config", cfg, "--out", c, "--date", "2025-01-31", "--quiet"]);
    expect(readFileSync(join(c, "rangfolge.csv"))).toEqual(readFileSync(join(a, "rangfolge.csv")));
    const norm = (s: string, iso: string, de: string) => s.split(iso).join("DATUM").split(de).join("DATUM");
    expect(norm(readFileSync(join(c, "bericht.html"), "utf8"), "2025-01-31", "31.01.2025")).toBe(
      norm(readFileSync(join(a, "bericht.html"), "utf8"), "2024-05-06", "06.05.2024"),
    );
    // herkunft.json: the same analysis (fingerprint) — only createdAt and the hashes of the dated outputs differ.
    const ra = JSON.parse(readFileSync(join(a, "herkunft.json"), "utf8"));
    const rc = JSON.parse(readFileSync(join(c, "herkunft.json"), "utf8"));
    expect(rc.fingerprint).toBe(ra.fingerprint);
    expect([ra.createdAt, rc.createdAt]).toEqual(["2024-05-06", "2025-01-31"]);
    expect({ ...rc, createdAt: null, outputs: null }).toEqual({ ...ra, createdAt: null, outputs: null });
    expect(rc.outputs[0]).toEqual(ra.outputs[0]); // rangfolge.csv has no date
  });

  it("parses --figures and rejects other formats", () => {
    expect(parseFigureFormats("png,svg")).toEqual(["png", "svg"]);
    expect(parseFigureFormats(" SVG ,svg")).toEqual(["svg"]);
    expect(() => parseFigureFormats("png,pdf")).toThrow('analyse: --figures muss png und/oder svg nennen, durch Kommas getrennt; angegeben ist "png,pdf"');
  });

  it.skipIf(!existsSync("/usr/bin/chromium"))("writes every report figure as SVG into abbildungen/, the same bytes twice, listed in herkunft.json", async () => {
    const cfg = configFile({ sensitivity: false });
    const a = mkdtempSync(join(tmpdir(), "sozialraum-fig-a-"));
    const b = mkdtempSync(join(tmpdir(), "sozialraum-fig-b-"));
    const { stdout } = await analyse(["--config", cfg, "--out", a, "--date", "2024-05-06", "--figures", "svg", "--quiet"]);
    await analyse(["--config", cfg, "--out", b, "--date", "2024-05-06", "--figures", "svg", "--quiet"]);
    const html = readFileSync(join(a, "bericht.html"), "utf8");
    const ids = [...html.matchAll(/<div id="([^"]+)" class="sr-figure"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(20);
    expect(readdirSync(join(a, "abbildungen")).sort()).toEqual(ids.map((id) => `${id}.svg`).sort());
    expect(stdout.trim().split("\n")).toHaveLength(5 + ids.length);
    for (const f of readdirSync(join(a, "abbildungen"))) {
      expect(Buffer.compare(readFileSync(join(a, "abbildungen", f)), readFileSync(join(b, "abbildungen", f))), f).toBe(0);
    }
    expect(readFileSync(join(a, "herkunft.json"))).toEqual(readFileSync(join(b, "herkunft.json")));
    const record = JSON.parse(readFileSync(join(a, "herkunft.json"), "utf8"));
    expect(record.outputs).toHaveLength(4 + ids.length);
    expect(record.outputs[3].path).toBe("steckbriefe.pdf");
    expect(record.outputs[4].path).toMatch(/^abbildungen\/.+\.svg$/);
  }, 300_000);

  it("fails with the configuration problem", async () => {
    const cfg = configFile({ thresholds: { flag: "1" } });
    await expect(analyse(["--config", cfg, "--out", mkdtempSync(join(tmpdir(), "x-")), "--quiet"])).rejects.toThrow(
      'resolveAnalysisConfig: 1 Problem in der Konfiguration:\n  - "thresholds.flag" muss eine Zahl sein, angegeben: "1"',
    );
  });
});
