import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { reportHtml } from "../report/reportHtml.js";
import { reportWorkbook } from "../report/reportWorkbook.js";
import { analysisReport } from "./analysisReport.js";
import type { AnalysisResult } from "./analysisResult.js";
import { rankingCsv } from "./rankingCsv.js";

/** The files written by {@link writeAnalysisOutputs} (absolute paths). */
export interface AnalysisOutputs {
  dir: string;
  /** `rangfolge.csv`: the ranking (see `rankingCsv`). */
  ranking: string;
  /** `sozialraumanalyse.xlsx`: ranking, one sheet per target group, standardisation, exclusions, parameters. */
  workbook: string;
  /** `bericht.html`: the German report, self-contained and offline. */
  report: string;
}

/**
 * Writes the outputs of an analysis into `dir` (created if needed): `rangfolge.csv`, `sozialraumanalyse.xlsx`
 * and `bericht.html`. Deterministic: the same result (same report date) gives byte-identical files; the report
 * date (`parameters.report.date`) is the only time stamp in them.
 *
 * @example
 * await writeAnalysisOutputs(runAnalysis(), "output/analyse");
 */
export async function writeAnalysisOutputs(result: AnalysisResult, dir: string): Promise<AnalysisOutputs> {
  const out = resolve(dir);
  mkdirSync(out, { recursive: true });
  const doc = analysisReport(result);
  const files: AnalysisOutputs = {
    dir: out,
    ranking: join(out, "rangfolge.csv"),
    workbook: join(out, "sozialraumanalyse.xlsx"),
    report: join(out, "bericht.html"),
  };
  writeFileSync(files.ranking, rankingCsv(result), "utf8");
  writeFileSync(files.workbook, await reportWorkbook(doc));
  writeFileSync(files.report, reportHtml(doc), "utf8");
  return files;
}
