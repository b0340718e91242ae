import { checkYears, type YearClasses } from "./classTransitions.js";

/** Persistence of one area. */
export interface AreaPersistence {
  id: string;
  /** Number of consecutive surveys, counted back from the latest, in which the area was auffällig. */
  streak: number;
  /** The years of that streak, oldest first. */
  streakYears: (number | string)[];
  /** All years in which the area was auffällig, in survey order. */
  auffaelligYears: (number | string)[];
  /** Years without a class for the area (a missing survey ends a streak). */
  missingYears: (number | string)[];
}

/**
 * Persistence of "auffällig" areas across surveys: how long an area has been auffällig without interruption.
 *
 * Formula: with the surveys in the given (chronological) order y_1 … y_T, streak(i) = the largest s such that the
 * area is auffällig in each of y_{T−s+1} … y_T (0 if it is not auffällig in y_T or has no class there). A survey
 * without a class for the area ends the streak. `auffaellig` names the classes that count (default:
 * "auffällig" and "stark auffällig", the verdicts of `conspicuousness`). Source: hand definition of the
 * Leverkusen-style monitoring ("seit mehreren Erhebungen auffällig"); tests by hand calculation.
 *
 * @example
 * auffaelligPersistence([
 *   { year: 2019, classes: { a: "auffällig" } },
 *   { year: 2021, classes: { a: "stark auffällig" } },
 * ])[0]; // { id: "a", streak: 2, streakYears: [2019, 2021], … }
 */
export function auffaelligPersistence(
  byYear: readonly YearClasses[],
  options: { auffaellig?: readonly string[] } = {},
): AreaPersistence[] {
  checkYears("auffaelligPersistence", byYear);
  const flagged = new Set(options.auffaellig ?? ["auffällig", "stark auffällig"]);
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const y of byYear) for (const id of Object.keys(y.classes)) if (!seen.has(id)) { seen.add(id); ids.push(id); }
  return ids.map((id) => {
    const auffaelligYears: (number | string)[] = [];
    const missingYears: (number | string)[] = [];
    for (const y of byYear) {
      const c = y.classes[id];
      if (c == null) missingYears.push(y.year);
      else if (flagged.has(c)) auffaelligYears.push(y.year);
    }
    const streakYears: (number | string)[] = [];
    for (let t = byYear.length - 1; t >= 0; t--) {
      const c = byYear[t].classes[id];
      if (c == null || !flagged.has(c)) break;
      streakYears.unshift(byYear[t].year);
    }
    return { id, streak: streakYears.length, streakYears, auffaelligYears, missingYears };
  });
}
