import { join } from "node:path";
import type { ReportDocument } from "../report/reportDocument.js";
import { exportFigures, type ExportFiguresOptions, type ExportedFigure } from "./exportFigures.js";
import { reportFigures } from "./reportFigures.js";

/** Options of {@link exportReportFigures}. */
export interface ExportReportFiguresOptions extends Omit<ExportFiguresOptions, "dir"> {
  /** The report's folder; images go into its sub-folder `abbildungen/`. */
  dir: string;
  /** Name of the sub-folder (default "abbildungen"). */
  subdir?: string;
}

/**
 * Writes every figure of a report as static images next to the report: `<dir>/abbildungen/<section>-abbildung-<n>.png`
 * and `.svg` (names as in {@link reportFigures}), for pasting into Word or a PDF. One headless Chromium for all
 * figures. Returns the files written.
 *
 * @example
 * const doc = analysisReport(result);
 * writeFileSync("output/bericht.html", reportHtml(doc));
 * await exportReportFigures(doc, { dir: "output" }); // output/abbildungen/rangfolge-abbildung-1.png, …
 */
export async function exportReportFigures(doc: ReportDocument, options: ExportReportFiguresOptions): Promise<ExportedFigure[]> {
  if (typeof options?.dir !== "string" || options.dir === "") throw new Error(`exportReportFigures: die Option dir ist erforderlich, angegeben ist ${JSON.stringify(options?.dir) ?? "nichts"}`);
  const { subdir = "abbildungen", ...rest } = options;
  return exportFigures(reportFigures(doc), { ...rest, dir: join(options.dir, subdir) });
}
