import type { Exclusion } from "../table/exclusion.js";

/** The classes of the areas in one survey year: area id → class (null/undefined: no class that year). */
export interface YearClasses {
  year: number | string;
  classes: Readonly<Record<string, string | null | undefined>>;
}

/** Transition table between two consecutive surveys. */
export interface ClassTransitionTable {
  from: number | string;
  to: number | string;
  /** Row and column classes of `counts`. */
  classes: string[];
  /** `counts[a][b]`: areas in class `classes[a]` in `from` and `classes[b]` in `to`. */
  counts: number[][];
  /** Areas with a class in both years. */
  total: number;
  /** Areas whose class stayed the same (the diagonal). */
  unchanged: number;
  /** Areas whose class changed, in order of first appearance. */
  changes: { id: string; from: string; to: string }[];
  /** Areas with a class in only one of the two years, with the German reason. */
  excluded: Exclusion[];
}

/**
 * Class transitions between consecutive surveys (e.g. status classes or "auffällig" verdicts 2019 → 2021 → 2023).
 *
 * Formula: for each pair of consecutive years (t, t+1) in the given order, counts[a][b] = #{areas i : class_t(i) = a
 * and class_{t+1}(i) = b}; the diagonal are the unchanged areas. Areas without a class in one of the two years are
 * left out of that table and listed. Source: a transition (mobility) matrix as in Markov chain analysis of
 * regional classes (e.g. Rey, Spatial empirics for economic growth and convergence, Geogr. Anal. 33 (2001)).
 *
 * @example
 * classTransitions([
 *   { year: 2019, classes: { a: "hoch", b: "mittel" } },
 *   { year: 2021, classes: { a: "mittel", b: "mittel" } },
 * ])[0].counts; // [[0, 1], [0, 1]] with classes ["hoch", "mittel"]
 */
export function classTransitions(
  byYear: readonly YearClasses[],
  options: { classOrder?: readonly string[] } = {},
): ClassTransitionTable[] {
  checkYears("classTransitions", byYear);
  const tables: ClassTransitionTable[] = [];
  for (let t = 0; t + 1 < byYear.length; t++) tables.push(transitionTable(byYear[t], byYear[t + 1], options.classOrder));
  return tables;
}

/** Throws on fewer than one year or a repeated year. */
export function checkYears(fn: string, byYear: readonly YearClasses[]): void {
  if (!Array.isArray(byYear) || byYear.length === 0) throw new Error(`${fn}: byYear ist leer`);
  const seen = new Set<string>();
  byYear.forEach((y, i) => {
    if (y == null || typeof y.classes !== "object" || y.classes === null) throw new Error(`${fn}: Eintrag ${i + 1} hat keine classes`);
    const key = String(y.year);
    if (seen.has(key)) throw new Error(`${fn}: Jahr ${key} kommt doppelt vor (Eintrag ${i + 1})`);
    seen.add(key);
  });
}

function transitionTable(a: YearClasses, b: YearClasses, classOrder?: readonly string[]): ClassTransitionTable {
  const ids = [...new Set([...Object.keys(a.classes), ...Object.keys(b.classes)])];
  const classes = classOrder ? [...classOrder] : [];
  const indexOf = (c: string): number => {
    let i = classes.indexOf(c);
    if (i < 0) {
      if (classOrder) throw new Error(`classTransitions: Klasse "${c}" fehlt in classOrder`);
      classes.push(c);
      i = classes.length - 1;
    }
    return i;
  };
  const pairs: [string, number, number][] = [];
  const excluded: Exclusion[] = [];
  for (const id of ids) {
    const ca = a.classes[id];
    const cb = b.classes[id];
    if (ca == null || cb == null) {
      const year = ca == null ? a.year : b.year;
      excluded.push({ id, step: "classTransitions", reason: `keine Klasse im Jahr ${String(year)}` });
      continue;
    }
    pairs.push([id, indexOf(ca), -1]);
    pairs[pairs.length - 1][2] = indexOf(cb);
  }
  const counts = classes.map(() => new Array<number>(classes.length).fill(0));
  const changes: ClassTransitionTable["changes"] = [];
  for (const [id, i, j] of pairs) {
    counts[i][j]++;
    if (i !== j) changes.push({ id, from: classes[i], to: classes[j] });
  }
  return { from: a.year, to: b.year, classes, counts, total: pairs.length, unchanged: pairs.length - changes.length, changes, excluded };
}
