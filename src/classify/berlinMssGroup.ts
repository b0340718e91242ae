import { berlinMssDynamic, berlinMssStatus } from "./schemes.js";

/**
 * The Berlin MSS combined group ("Status-Dynamik-Index"): status class number (1 hoch … 4 sehr niedrig)
 * followed by the dynamic sign ("+" positiv, "+/-" stabil, "-" negativ), e.g. "2+/-". Returns null if either
 * class is missing. 4 × 3 = 12 groups, see {@link berlinMssGroups}.
 *
 * @example
 * berlinMssGroup("mittel", "stabil");       // "2+/-"
 * berlinMssGroup("sehr niedrig", "negativ"); // "4-"
 */
export function berlinMssGroup(statusClass: string | null | undefined, dynamicClass: string | null | undefined): string | null {
  if (statusClass == null || dynamicClass == null) return null;
  const s = berlinMssStatus.classes.find((c) => c.label === statusClass);
  if (!s) throw new Error(`berlinMssGroup: unbekannte Statusklasse "${statusClass}" (hoch, mittel, niedrig, sehr niedrig)`);
  const d = berlinMssDynamic.classes.find((c) => c.label === dynamicClass);
  if (!d) throw new Error(`berlinMssGroup: unbekannte Dynamikklasse "${dynamicClass}" (positiv, stabil, negativ)`);
  return `${s.code}${d.symbol}`;
}

/** All 12 combined groups in order "1+", "1+/-", "1-", …, "4-". */
export const berlinMssGroups: readonly string[] = Object.freeze(
  berlinMssStatus.classes.flatMap((s) => berlinMssDynamic.classes.map((d) => `${s.code}${d.symbol}`)),
);
