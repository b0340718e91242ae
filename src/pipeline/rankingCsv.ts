import { germanCsvField } from "../io/germanCsvField.js";
import type { AnalysisResult } from "../analysis/analysisResult.js";
import { slug, targetGroupLabel } from "../analysis/germanLabels.js";

/**
 * The ranking as CSV in the convention of the input data: ";"-separated, UTF-8 without byte-order mark,
 * decimal comma without thousands separator (numbers at full precision, so they read back exactly), empty cell
 * for a missing value, "\n" line ends. Columns: rang, sozialraum_id, sozialraum_name, stadtteil_name,
 * stadtbezirk_name, einwohner, status_index, status_klasse, dynamik_index, dynamik_klasse, gruppe, one verdict
 * column per target group (e.g. "kinder_und_jugendliche"), auffaellige_zielgruppen, grund.
 *
 * @example
 * writeFileSync("rangfolge.csv", rankingCsv(runAnalysis()));
 */
export function rankingCsv(result: AnalysisResult): string {
  const groups = result.conspicuousness.targetGroups;
  const header = [
    "rang", "sozialraum_id", "sozialraum_name", "stadtteil_name", "stadtbezirk_name", "einwohner",
    "status_index", "status_klasse", "dynamik_index", "dynamik_klasse", "gruppe",
    ...groups.map((g) => slug(targetGroupLabel(g))),
    "auffaellige_zielgruppen", "grund",
  ];
  const lines = [header.map(csvField).join(";")];
  for (const r of result.ranking) {
    const cells: unknown[] = [
      r.rang, r.sozialraum_id, r.sozialraum_name, r.stadtteil_name, r.stadtbezirk_name, r.einwohner,
      r.status_index, r.status_klasse, r.dynamik_index, r.dynamik_klasse, r.gruppe,
      ...groups.map((g) => r.verdicts[g]),
      r.auffaellige_zielgruppen, r.grund,
    ];
    lines.push(cells.map(csvField).join(";"));
  }
  return lines.join("\n") + "\n";
}

/**
 * One CSV field of the ranking: `germanCsvField` (numbers German without grouping, text quoted when it holds
 * ";", '"' or a line break), except that a number that is not finite is written as an empty cell.
 *
 * @example
 * csvField(-1.25); // "-1,25"
 * csvField(NaN);   // ""
 */
export function csvField(value: unknown): string {
  return typeof value === "number" && !Number.isFinite(value) ? "" : germanCsvField(value);
}
