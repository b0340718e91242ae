import type { ClassScheme } from "../classify/assignClass.js";
import { compositeIndex } from "../classify/compositeIndex.js";
import { conspicuousness, type ConspicuousnessResult, type Verdict, type VerdictRule } from "../classify/conspicuousness.js";
import type { ConspicuousnessThresholds } from "../classify/schemes.js";
import type { RowsInput } from "../indicators/areaRows.js";
import { computeIndicators, type IndicatorResult } from "../indicators/computeIndicators.js";
import type { IndicatorDefinition } from "../indicators/indicatorDefinition.js";
import { indicatorRows } from "../indicators/indicatorRows.js";
import { standardizeTable } from "../standardize/standardizeTable.js";
import type { Exclusion } from "../table/exclusion.js";

/** Options of {@link yearVerdicts} (and of `monitorYears`, which applies them to every year alike). */
export interface YearVerdictsOptions {
  /** The area id column (e.g. "sozialraum_id"). */
  id: string;
  /** Indicator catalogue; default the package's default catalogue. */
  indicators?: readonly IndicatorDefinition[];
  /** Areas with fewer residents get no verdict (see `computeIndicators`); default 0. */
  minimumPopulation?: number;
  /** Markers read as 0, e.g. ["-"] (see `computeIndicators`). */
  zeroMarkers?: readonly string[];
  /** z thresholds of `conspicuousness` (default 1 / 1,5). */
  thresholds?: ConspicuousnessThresholds;
  /** Verdict rule of `conspicuousness`. */
  rule?: VerdictRule;
  /** Optional status index per year (e.g. indicators ["arbeitslosigkeit_sgb2", "transferbezug", "kinderarmut"] with `berlinMssStatus`). */
  status?: { indicators: readonly string[]; scheme: ClassScheme; label?: string };
}

/** Verdicts (and status classes) of one survey year. */
export interface YearVerdictsResult {
  indicators: IndicatorResult;
  conspicuousness: ConspicuousnessResult;
  /** Area id → overall verdict (the worst over the target groups); null: no verdict in any group. */
  overall: Record<string, Verdict | null>;
  /** Target group → area id → verdict. */
  byGroup: Record<string, Record<string, Verdict | null>>;
  /** Area id → status class (only with `status`). */
  status: Record<string, string | null> | null;
  /** Areas without an overall verdict, with the reason. */
  excluded: Exclusion[];
}

const SEVERITY: Record<Verdict, number> = { unauffällig: 0, auffällig: 1, "stark auffällig": 2 };

/**
 * The verdicts of one survey year, computed as notebook 04 and the report do: `computeIndicators` →
 * `indicatorRows` → `standardizeTable` (z-values of the evaluating indicators, i.e. all but target group
 * "context", direction-adjusted) → `conspicuousness`. The overall verdict of an area is the worst verdict over its
 * target groups ("stark auffällig" > "auffällig" > "unauffällig"); an area with no verdict in any group gets null
 * and is listed in `excluded` with the reasons of `computeIndicators` (e.g. "Einwohner unter 300 (134)").
 *
 * @example
 * const y = yearVerdicts(rows2018, { id: "sozialraum_id", minimumPopulation: 300 });
 * y.overall["010301"]; // "stark auffällig"
 */
export function yearVerdicts(rows: RowsInput, options: YearVerdictsOptions): YearVerdictsResult {
  const { id } = options;
  const indicators = computeIndicators(rows, { id, indicators: options.indicators, minimumPopulation: options.minimumPopulation, zeroMarkers: options.zeroMarkers });
  const wide = indicatorRows(indicators);
  const evaluating = indicators.indicators.filter((d) => d.targetGroup !== "context");
  if (evaluating.length === 0) throw new Error("yearVerdicts: der Indikatorenkatalog hat keinen Indikator außerhalb der Zielgruppe \"context\"");
  const z = standardizeTable(wide, { id, indicators: evaluating.map((d) => ({ id: d.id, direction: d.direction })) });
  const c = conspicuousness(z.rows, {
    id,
    indicators: evaluating.map((d) => ({ id: d.id, targetGroup: d.targetGroup, label: d.label })),
    thresholds: options.thresholds,
    rule: options.rule,
  });
  const overall: Record<string, Verdict | null> = {};
  const byGroup: Record<string, Record<string, Verdict | null>> = Object.fromEntries(c.targetGroups.map((g) => [g, {}]));
  const excluded: Exclusion[] = [];
  for (const a of c.areas) {
    let worst: Verdict | null = null;
    for (const g of a.groups) {
      byGroup[g.targetGroup][a.id] = g.verdict;
      if (g.verdict !== null && (worst === null || SEVERITY[g.verdict] > SEVERITY[worst])) worst = g.verdict;
    }
    overall[a.id] = worst;
    if (worst === null) {
      const own = indicators.excluded.filter((e) => e.id === a.id);
      // The area-level reason (e.g. "Einwohner unter 300 (134)") says it all; else the per-indicator reasons.
      const areaLevel = own.filter((e) => e.step === "minimumPopulation");
      const reasons = [...new Set((areaLevel.length > 0 ? areaLevel : own).map((e) => e.reason))];
      excluded.push({ id: a.id, step: "yearVerdicts", reason: reasons.length > 0 ? reasons.join("; ") : "kein Indikator mit Wert" });
    }
  }
  let status: Record<string, string | null> | null = null;
  if (options.status) {
    const s = compositeIndex(wide, { id, indicators: options.status.indicators, scheme: options.status.scheme, label: options.status.label ?? "Status-Index" });
    status = Object.fromEntries(s.areas.map((a) => [a.id, a.class]));
  }
  return { indicators, conspicuousness: c, overall, byGroup, status, excluded };
}
