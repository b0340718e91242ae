import { existsSync } from "node:fs";
import type { AnalysisConfig, ResolvedAnalysisConfig } from "../../analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../../analysis/defaultAnalysisConfig.js";
import type { ConfigChecks } from "./configChecks.js";

/** Survey years tried by default (those whose structural data file exists are used). */
export const DEFAULT_SURVEYS: readonly number[] = DEFAULT_ANALYSIS_CONFIG.years.surveys;

const isYear = (x: number) => Number.isInteger(x) && x >= 1900 && x <= 2200;

/**
 * Analysis year, comparison year and the surveys of the monitoring (see `AnalysisConfig.years`). A list of years
 * (or `surveys` without `current`): the analysis year is the last, the comparison year the one before. Without
 * `years`: 2018 and 2016 as before, surveys = those of {@link DEFAULT_SURVEYS} whose file exists (`strukturdaten`
 * gives a year's path). Only `{ current, previous }`: the surveys are those two years.
 */
export function resolveYearsSection(
  value: AnalysisConfig["years"],
  context: { strukturdaten: (year: number) => string },
  checks: ConfigChecks,
): ResolvedAnalysisConfig["years"] {
  const { problems, num } = checks;
  const dflt = DEFAULT_ANALYSIS_CONFIG.years;
  const yearsConfig = Array.isArray(value) ? { surveys: value } : (value || {});
  const surveyList = surveysOf(yearsConfig.surveys, Array.isArray(value) ? "years" : "years.surveys", problems);
  const fromList = surveyList !== null && yearsConfig.current === undefined && surveyList.length > 0;
  const current = fromList ? surveyList[surveyList.length - 1] : num("years.current", yearsConfig.current, dflt.current, isYear, "ein Jahr (ganze Zahl)");
  const listPrevious = fromList && surveyList.length > 1 ? surveyList[surveyList.length - 2] : fromList ? null : dflt.previous;
  const previous =
    yearsConfig.previous === null ? null
    : yearsConfig.previous === undefined && fromList ? listPrevious
    : num("years.previous", yearsConfig.previous, dflt.previous, isYear, "ein Jahr (ganze Zahl) oder null");
  if (previous !== null && previous >= current) problems.push(`"years.previous" (${previous}) muss vor "years.current" (${current}) liegen`);
  const surveys =
    surveyList ??
    (value === undefined
      ? [...new Set([...DEFAULT_SURVEYS, current, ...(previous !== null ? [previous] : [])])]
          .sort((a, b) => a - b)
          .filter((y) => y === current || y === previous || existsSync(context.strukturdaten(y)))
      : [...(previous !== null ? [previous] : []), current]);
  return { current, previous, surveys };
}

/** Checks a list of survey years (null: not given): whole-number years, strictly ascending. */
function surveysOf(v: unknown, path: string, problems: string[]): number[] | null {
  if (v === undefined) return null;
  if (!Array.isArray(v) || v.some((x) => !isYear(x))) {
    problems.push(`"${path}" muss eine Liste von Jahren (ganze Zahlen) sein, angegeben: ${JSON.stringify(v)}`);
    return null;
  }
  const list = v as number[];
  const wrong = list.findIndex((y, i) => i > 0 && y <= list[i - 1]);
  if (wrong > 0) {
    problems.push(`"${path}" muss die Jahre aufsteigend und ohne Wiederholung nennen: ${list[wrong]} (Eintrag ${wrong + 1}) folgt auf ${list[wrong - 1]}`);
    return null;
  }
  return [...list];
}
