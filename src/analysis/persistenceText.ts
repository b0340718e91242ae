import type { AreaPersistence } from "../typology/auffaelligPersistence.js";

const WORDS = ["", "einer", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"];

/** German number word after "seit" (dative: "einer"; 1–12 as words, larger numbers as digits). */
export function surveyCountWord(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= 12 ? WORDS[n] : String(n);
}

/**
 * The persistence of an area as a German phrase for the Zusammenfassung, the Steckbriefe and the report:
 * "seit drei Erhebungen auffällig (2016–2020)", "seit einer Erhebung auffällig (2020)"; an area not auffällig in
 * the latest survey gives "in der letzten Erhebung nicht auffällig". Numbers 1–12 are written as words (DIN 5008
 * custom for small numbers), larger ones as digits.
 *
 * @example
 * persistenceText({ id: "010204", streak: 3, streakYears: [2016, 2018, 2020], auffaelligYears: [2016, 2018, 2020], missingYears: [] });
 * // "seit drei Erhebungen auffällig (2016–2020)"
 */
export function persistenceText(p: Pick<AreaPersistence, "streak" | "streakYears">): string {
  if (p == null || !Number.isInteger(p.streak) || p.streak < 0) throw new Error(`persistenceText: streak muss eine ganze Zahl ≥ 0 sein, angegeben: ${JSON.stringify(p?.streak)}`);
  if (p.streak === 0) return "in der letzten Erhebung nicht auffällig";
  const years = p.streakYears;
  const span = years.length === 0 ? "" : years.length === 1 ? ` (${String(years[0])})` : ` (${String(years[0])}–${String(years[years.length - 1])})`;
  return `seit ${surveyCountWord(p.streak)} ${p.streak === 1 ? "Erhebung" : "Erhebungen"} auffällig${span}`;
}
