import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { sha256 } from "../audit/provenance.js";
import { stableStringify } from "../audit/stable-stringify.js";
import type { ImageFormat } from "../export/exportFigures.js";
import { reportHtml } from "../report/reportHtml.js";
import { reportWorkbook } from "../report/reportWorkbook.js";
import { analysisReport } from "../report/analysisReport.js";
import type { ReportDocument } from "../report/reportDocument.js";
import { DEFAULT_CHROMIUM_PATH } from "../export/chromiumExecutable.js";
import type { AnalysisResult } from "../analysis/analysisResult.js";
import { softwareVersions } from "../report/sections/provenanceSection.js";
import { rankingCsv } from "./rankingCsv.js";

/** Options of {@link writeAnalysisOutputs}. */
export interface WriteAnalysisOutputsOptions {
  /**
   * Also write every report figure as static images into `abbildungen/` next to the report (e.g. `["png", "svg"]`;
   * default none). Needs headless Chromium (`src/export`).
   */
  figures?: readonly ImageFormat[];
  /** Chromium executable for the figures and the PDFs (default `/usr/bin/chromium`). */
  executablePath?: string;
  /**
   * Write `steckbriefe.pdf`, the Steckbriefe of the auffälligen Sozialräume printed on A4 (default true). Without
   * Chromium the PDF is left out with a German warning in `warnings`.
   */
  steckbriefe?: boolean;
  /**
   * Also print the report to `bericht.pdf` with headless Chromium (default false). Without Chromium the PDF is
   * skipped with a German warning (in `warnings`, and to `onWarning` if given).
   */
  pdf?: boolean;
  /** Also receives the German warnings of the writing as they happen. */
  onWarning?: (message: string) => void;
}

/** The files written by {@link writeAnalysisOutputs} (absolute paths). */
export interface AnalysisOutputs {
  dir: string;
  /** `rangfolge.csv`: the ranking (see `rankingCsv`). */
  ranking: string;
  /** `sozialraumanalyse.xlsx`: every table of the report as a sheet, then "Parameter" and "Herkunft". */
  workbook: string;
  /** `bericht.html`: the German report, self-contained and offline. */
  report: string;
  /** `bericht.pdf`: the report printed to A4 (only with the option `pdf` and Chromium installed). */
  pdf?: string;
  /** `abbildungen/<section>-abbildung-<n>.png|svg`: the report's figures as images (empty unless asked for). */
  figures: string[];
  /** `steckbriefe.pdf` (null: no auffälliger Sozialraum, switched off, or no Chromium; see `warnings`). */
  steckbriefe: string | null;
  /** German warnings of the writing (e.g. Chromium missing for the PDF). */
  warnings: string[];
  /** `herkunft.json`: provenance of all outputs (inputs, parameters, versions, SHA-256 of every file written). */
  provenance: string;
}

/** The content of `herkunft.json`. */
export interface OutputProvenance {
  /** German note: what the file is and the one time stamp. */
  hinweis: string;
  library: { name: string; version: string };
  /** Versions of the software whose output is in the files. */
  software: Record<string, string>;
  /** Inputs with role, path (relative to the data folder), SHA-256 and size. */
  inputs: Array<{ role: string; path: string; sha256: string; bytes: number }>;
  /** Every parameter (as in `result.provenance.parameters`). */
  parameters: unknown;
  /** SHA-256 over library, inputs and parameters (independent of the report date). */
  fingerprint: string;
  /** The report date "YYYY-MM-DD": the one time stamp in all outputs. */
  createdAt: string | null;
  /** Every file written besides this one, relative to the output folder, with SHA-256 and size. */
  outputs: Array<{ path: string; sha256: string; bytes: number }>;
}

/**
 * Writes the outputs of an analysis into `dir` (created if needed): `rangfolge.csv`, `sozialraumanalyse.xlsx`,
 * `bericht.html`, `steckbriefe.pdf` (the Steckbriefe of the auffälligen Sozialräume, A4, printed by headless
 * Chromium; left out with a warning without it), optionally the figures as images in `abbildungen/`, and last `herkunft.json`, the provenance
 * of all of them (SHA-256 of every input and every output file, every parameter, the software versions).
 *
 * Deterministic: the same result gives byte-identical files. The report date (`parameters.report.date`, CLI
 * `--date`) is the only time stamp in them — in the report header, the workbook's document dates and zip entry
 * times, the PDF's creation date, and `createdAt` of the provenance. (PNG figures are Chromium rasters: identical on one machine, fonts
 * may differ between machines; SVG figures are identical everywhere.)
 *
 * @example
 * await writeAnalysisOutputs(runAnalysis(), "output/analyse");
 * await writeAnalysisOutputs(runAnalysis(), "output/analyse", { figures: ["png", "svg"] });
 */
export async function writeAnalysisOutputs(result: AnalysisResult, dir: string, options: WriteAnalysisOutputsOptions = {}): Promise<AnalysisOutputs> {
  const out = resolve(dir);
  mkdirSync(out, { recursive: true });
  const doc = analysisReport(result);
  const files: AnalysisOutputs = {
    dir: out,
    ranking: join(out, "rangfolge.csv"),
    workbook: join(out, "sozialraumanalyse.xlsx"),
    report: join(out, "bericht.html"),
    figures: [],
    steckbriefe: null,
    warnings: [],
    provenance: join(out, "herkunft.json"),
  };
  const written: Array<{ path: string; content: Uint8Array }> = [];
  const write = (path: string, content: string | Uint8Array) => {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    writeFileSync(path, bytes);
    written.push({ path, content: bytes });
  };
  write(files.ranking, rankingCsv(result));
  write(files.workbook, await reportWorkbook(doc));
  write(files.report, reportHtml(doc));
  if (options.steckbriefe !== false) {
    const pdf = await steckbriefePdf(doc, options.executablePath);
    if (typeof pdf === "string") files.warnings.push(pdf);
    else if (pdf) {
      files.steckbriefe = join(out, "steckbriefe.pdf");
      write(files.steckbriefe, pdf);
    }
  }
  if (options.pdf) {
    const { chromiumExecutable } = await import("../export/chromiumExecutable.js");
    let browser: string | undefined;
    try {
      browser = chromiumExecutable(options.executablePath, "writeAnalysisOutputs");
    } catch {
      const warning = `bericht.pdf nicht erstellt: Chromium fehlt (${options.executablePath ?? "/usr/bin/chromium"}; Debian/Ubuntu: apt-get install chromium)`;
      files.warnings.push(warning);
      options.onWarning?.(`Hinweis: ${warning}`);
    }
    if (browser) {
      const { printPdf } = await import("../export/printPdf.js");
      const pdf = join(out, "bericht.pdf");
      write(pdf, await printPdf({ file: files.report }, { executablePath: browser, date: doc.date, figures: true }));
      files.pdf = pdf;
    }
  }
  if (options.figures && options.figures.length > 0) {
    // Loaded only when asked for: the export starts a headless Chromium (playwright-core).
    const { exportReportFigures } = await import("../export/exportReportFigures.js");
    const images = await exportReportFigures(doc, { dir: out, formats: options.figures, executablePath: options.executablePath });
    for (const img of images) {
      files.figures.push(img.path);
      written.push({ path: img.path, content: readFileSync(img.path) });
    }
  }
  writeFileSync(files.provenance, outputProvenanceJson(result, written.map((w) => ({ path: relative(out, w.path).split("\\").join("/"), content: w.content }))));
  return files;
}

/**
 * The Steckbriefe of a report as an A4 PDF (null: the report has none), or a German warning when Chromium is
 * missing. The PDF's time stamps are the report date, so it is reproducible on one machine.
 */
async function steckbriefePdf(doc: ReportDocument, executablePath: string | undefined): Promise<Uint8Array | string | null> {
  const sections = doc.sections.filter((s) => s.id === "steckbriefe" || s.className === "steckbrief");
  if (sections.length === 0) return null;
  const path = executablePath ?? DEFAULT_CHROMIUM_PATH;
  if (!existsSync(path)) return `steckbriefe.pdf nicht geschrieben: Chromium fehlt (${path}; Debian/Ubuntu: apt-get install chromium)`;
  // Loaded only when needed: the PDF starts a headless Chromium (playwright-core).
  const { printPdf } = await import("../export/printPdf.js");
  // Every Steckbrief expanded (in bericht.html they are collapsed).
  const html = reportHtml({ ...doc, title: `Steckbriefe – ${doc.title}`, parameters: [], intro: [], sections }, { expanded: true });
  return printPdf({ html }, { executablePath: path, date: doc.date, margin: "12mm" });
}

/**
 * The text of `herkunft.json`: the analysis' provenance plus the SHA-256 of every output file (paths relative
 * to the output folder), as stable JSON (sorted keys, 2-space indent, final line break).
 *
 * @example
 * outputProvenanceJson(result, [{ path: "rangfolge.csv", content: rankingCsv(result) }]);
 */
export function outputProvenanceJson(result: AnalysisResult, outputs: ReadonlyArray<{ path: string; content: string | Uint8Array }>): string {
  const p = result.provenance;
  const record: OutputProvenance = {
    hinweis:
      "Herkunft der Ausgaben von sozialraum analyse: gleiche Eingaben (SHA-256), gleiche Parameter und gleiche Software ergeben byte-gleiche Ausgaben. " +
      "Einziger Zeitstempel ist createdAt, das Berichtsdatum (report.date bzw. --date).",
    library: p.library,
    software: softwareVersions(p.library),
    inputs: result.inputs.map((i) => ({ ...i })),
    parameters: p.parameters,
    fingerprint: p.fingerprint,
    createdAt: p.createdAt,
    outputs: outputs.map((o) => ({ path: o.path, sha256: sha256(o.content), bytes: typeof o.content === "string" ? Buffer.byteLength(o.content) : o.content.byteLength })),
  };
  return stableStringify(record, 2) + "\n";
}
