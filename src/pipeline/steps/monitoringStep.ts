import { berlinMssStatus } from "../../classify/schemes.js";
import { monitorYears, type MonitorYearsResult } from "../../monitoring/monitorYears.js";
import type { RowsInput } from "../../indicators/areaRows.js";
import { withContext, type AnalysisContext } from "./context.js";

/**
 * Step "Entwicklung über die Erhebungen": `monitorYears` over the structural data of every survey
 * (`tables.surveys`, oldest first) with the options of the analysis (indicator catalogue, minimum population,
 * thresholds, verdict rule; status classes of the status index with the Berlin MSS scheme). Every year is
 * standardised over its own areas, as the report of each year would be. Areas without a verdict in a survey other
 * than the analysis year are added to `ctx.excluded` with the year (those of the analysis year are there already).
 * null with fewer than two surveys.
 */
export function monitoringStep(ctx: AnalysisContext): MonitorYearsResult | null {
  const surveys = ctx.tables.surveys ?? [];
  if (surveys.length < 2) return null;
  const { config } = ctx;
  ctx.progress(`Entwicklung über die Erhebungen ${surveys.map((s) => s.year).join(", ")}`);
  const result = withContext("Entwicklung über die Erhebungen", () =>
    monitorYears(
      surveys.map((s) => ({ year: s.year, rows: s.rows as RowsInput })),
      {
        id: ctx.id,
        indicators: config.indicators,
        minimumPopulation: config.minimumPopulation,
        thresholds: config.thresholds,
        rule: config.verdictRule,
        status: { indicators: config.statusIndex.indicators.map((i) => i.id), scheme: berlinMssStatus, label: "Status-Index" },
      },
    ),
  );
  for (const e of result.excluded) {
    if (e.year !== ctx.cur) ctx.excluded.push({ id: e.id, step: "monitoring", reason: `${e.year}: Entwicklung über die Erhebungen: ${e.reason}`, ...(e.column ? { column: e.column } : {}) });
  }
  return result;
}
