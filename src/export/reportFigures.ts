import type { ReportDocument } from "../report/reportDocument.js";
import type { NamedFigure } from "./exportFigures.js";

/**
 * Every figure of a report, in report order, named like its div in the HTML report:
 * `<section id>-abbildung-<n>` (n counts from 1 within the section), e.g. "rangfolge-abbildung-1". So
 * `abbildungen/rangfolge-abbildung-1.png` is the static twin of the figure with that id in `bericht.html`.
 *
 * @example
 * reportFigures(analysisReport(runAnalysis())).map((f) => f.name); // ["rangfolge-abbildung-1", "karten-abbildung-1", …]
 */
export function reportFigures(doc: ReportDocument): NamedFigure[] {
  if (!doc || !Array.isArray(doc.sections)) throw new Error(`reportFigures: doc muss ein Berichtsdokument mit sections sein, angegeben ist ${doc === null ? "null" : typeof doc}`);
  return doc.sections.flatMap((section) =>
    (section.figures ?? []).map((f, i) => ({ name: `${section.id}-abbildung-${i + 1}`, figure: f.figure })),
  );
}
