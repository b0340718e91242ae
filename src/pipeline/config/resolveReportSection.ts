import { basename } from "node:path";
import type { AnalysisConfig, ResolvedAnalysisConfig } from "../../analysis/analysisConfig.js";
import { parseReportDate, todayIsoDate } from "../../report/reportDocument.js";
import { sectionOf, type ConfigChecks } from "./configChecks.js";

/**
 * The report header: the date (default `today`, else the clock's date; "YYYY-MM-DD"), the title (default
 * "Sozialraumanalyse <current year>") and the source text (default: the years and the data folder, the folders of
 * the `sources` tables, or the package's synthetic city).
 */
export function resolveReportSection(
  value: AnalysisConfig["report"],
  context: { years: ResolvedAnalysisConfig["years"]; dir: string; packageData: boolean; sourceFolders?: string[]; today?: string },
  checks: ConfigChecks,
): ResolvedAnalysisConfig["report"] {
  const r = sectionOf(value);
  const { current, previous } = context.years;
  const date = r.date ?? context.today ?? todayIsoDate();
  try {
    parseReportDate("resolveAnalysisConfig", date);
  } catch {
    checks.problems.push(`"report.date" muss ein Datum "JJJJ-MM-TT" sein, angegeben: ${JSON.stringify(date)}`);
  }
  const title = checks.text("report.title", r.title, `Sozialraumanalyse ${current}`);
  const years = `${previous !== null ? `${previous} und ` : ""}${current}`;
  const source = checks.text(
    "report.source",
    r.source,
    context.packageData
      ? `Synthetische Beispielstadt des Pakets sozialraum (Strukturdaten ${years})`
      : context.sourceFolders !== undefined
        ? `Eigene Tabellen, Strukturdaten ${years} (Ordner ${context.sourceFolders.join(", ")})`
        : `Strukturdaten ${years} (Ordner ${basename(context.dir)})`,
  );
  return { title, date, source };
}
