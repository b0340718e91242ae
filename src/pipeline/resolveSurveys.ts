import { existsSync } from "node:fs";
import type { AnalysisConfig, ResolvedAnalysisConfig, TypesConfig } from "../analysis/analysisConfig.js";

/** Survey years tried by default (those whose structural data file exists are used). */
export const DEFAULT_SURVEYS: readonly number[] = Object.freeze([2014, 2016, 2018, 2020]);

/** The checks `resolveAnalysisConfig` shares with its helpers: the problem list and the number check. */
export interface ConfigChecks {
  problems: string[];
  num: (path: string, v: unknown, dflt: number, check: (x: number) => boolean, what: string) => number;
}

const isYear = (x: number) => Number.isInteger(x) && x >= 1900 && x <= 2200;

/**
 * Analysis year, comparison year and the surveys of the monitoring (see `AnalysisConfig.years`). A list of years
 * (or `surveys` without `current`): the analysis year is the last, the comparison year the one before. Without
 * `years`: 2018 and 2016 as before, surveys = those of {@link DEFAULT_SURVEYS} whose file exists (`strukturdaten`
 * gives a year's path). Only `{ current, previous }`: the surveys are those two years.
 */
export function resolveYears(
  config: AnalysisConfig,
  checks: ConfigChecks & { strukturdaten: (year: number) => string },
): ResolvedAnalysisConfig["years"] {
  const { problems, num } = checks;
  const yearsConfig = Array.isArray(config.years) ? { surveys: config.years } : (config.years ?? {});
  const surveyList = surveysOf(yearsConfig.surveys, Array.isArray(config.years) ? "years" : "years.surveys", problems);
  const fromList = surveyList !== null && yearsConfig.current === undefined && surveyList.length > 0;
  const current = fromList ? surveyList[surveyList.length - 1] : num("years.current", yearsConfig.current, 2018, isYear, "ein Jahr (ganze Zahl)");
  const listPrevious = fromList && surveyList.length > 1 ? surveyList[surveyList.length - 2] : fromList ? null : 2016;
  const previous =
    yearsConfig.previous === null ? null
    : yearsConfig.previous === undefined && fromList ? listPrevious
    : num("years.previous", yearsConfig.previous, 2016, isYear, "ein Jahr (ganze Zahl) oder null");
  if (previous !== null && previous >= current) problems.push(`"years.previous" (${previous}) muss vor "years.current" (${current}) liegen`);
  const surveys =
    surveyList ??
    (config.years === undefined
      ? [...new Set([...DEFAULT_SURVEYS, current, ...(previous !== null ? [previous] : [])])]
          .sort((a, b) => a - b)
          .filter((y) => y === current || y === previous || existsSync(checks.strukturdaten(y)))
      : [...(previous !== null ? [previous] : []), current]);
  return { current, previous, surveys };
}

/** Options of the "Sozialraumtypen" step with defaults; the seed is the analysis seed. */
export function resolveTypes(tc: TypesConfig, seed: number, checks: ConfigChecks): NonNullable<ResolvedAnalysisConfig["types"]> {
  const { problems, num } = checks;
  const explainedShare = num("types.explainedShare", tc.explainedShare, 0.8, (x) => x > 0 && x <= 1, "eine Zahl über 0 und höchstens 1");
  let kRange: [number, number] = [2, 8];
  if (tc.kRange !== undefined) {
    const k = tc.kRange as unknown;
    if (!Array.isArray(k) || k.length !== 2 || !k.every((x) => Number.isInteger(x)) || !(k[0] >= 2 && k[1] >= k[0])) {
      problems.push(`"types.kRange" muss zwei ganze Zahlen [min, max] mit 2 ≤ min ≤ max sein, angegeben: ${JSON.stringify(k)}`);
    } else kRange = [k[0], k[1]];
  }
  const resamples = num("types.resamples", tc.resamples, 100, (x) => Number.isInteger(x) && x >= 0, "eine ganze Zahl ≥ 0");
  return { explainedShare, kRange, resamples, seed };
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
