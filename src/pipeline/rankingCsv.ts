import { germanCsvField } from "../io/germanCsvField.js";
import type { AnalysisResult } from "../analysis/analysisResult.js";
import { slug, targetGroupLabel } from "../analysis/germanLabels.js";

/** Decimals of the index values in `rangfolge.csv`. */
export const RANKING_CSV_DECIMALS = 3;

/** UTF-8 byte-order mark: Excel reads a ";"-CSV without it as Windows-1252 and garbles umlauts. */
const BOM = "\uFEFF";

/** An index value rounded to {@link RANKING_CSV_DECIMALS} decimals (half away from zero); others unchanged. */
function roundIndex(value: unknown): unknown {
  if (typeof value !== "number" || !Number.isFinite(value)) return value;
  const f = 10 ** RANKING_CSV_DECIMALS;
  const r = Math.sign(value) * Math.round(Math.abs(value) * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

/**
 * The ranking as CSV for Excel and for reading back: ";"-separated, UTF-8 with byte-order mark (so Excel shows
 * umlauts), decimal comma without thousands separator, empty cell for a missing value, "\n" line ends. Index
 * values (status_index, dynamik_index) are rounded to {@link RANKING_CSV_DECIMALS} decimals — enough to tell
 * indices apart at the precision the indicators are published with (the workbook keeps full precision). Counts
 * and ranks are integers. Columns: rang, sozialraum_id, sozialraum_name, stadtteil_name,
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
  const lines = [BOM + header.map(csvField).join(";")];
  for (const r of result.ranking) {
    const cells: unknown[] = [
      r.rang, r.sozialraum_id, r.sozialraum_name, r.stadtteil_name, r.stadtbezirk_name, r.einwohner,
      roundIndex(r.status_index), r.status_klasse, roundIndex(r.dynamik_index), r.dynamik_klasse, r.gruppe,
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
