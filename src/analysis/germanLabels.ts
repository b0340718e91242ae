import { TARGET_GROUP_LABELS, isTargetGroup } from "../indicators/targetGroups.js";

/** German label of a target group id ("children" → "Kinder und Jugendliche"); unknown ids stay as they are. */
export function targetGroupLabel(group: string): string {
  return isTargetGroup(group) ? TARGET_GROUP_LABELS[group] : group;
}

/** A column key from a German label: lower case, umlauts transcribed, other characters "_". */
export function slug(label: string): string {
  return label
    .toLowerCase()
    .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/** German names of the analysis steps in `Exclusion.step`. */
export const STEP_LABELS: Readonly<Record<string, string>> = {
  sources: "Quelldaten",
  map: "Karte",
  join: "Abgleich mit Gebietsliste",
  minimumPopulation: "Mindesteinwohnerzahl",
  minimumBase: "Mindestbezugsgröße",
  missing: "fehlender Wert",
  zeroDenominator: "Bezugsgröße 0",
  conspicuousness: "Auffälligkeit",
  statusIndex: "Status-Index",
  changes: "Veränderung",
  dynamicIndex: "Dynamik-Index",
  needIndex: "Bedarfsindex",
  supply: "Bedarf und Angebot",
  neighbourhood: "Nachbarschaft",
  vernetzung: "Vernetzung",
};

/** Status classes (Berlin MSS) from least to most need, and the dynamic classes likewise. */
export const STATUS_CLASS_ORDER: readonly string[] = ["hoch", "mittel", "niedrig", "sehr niedrig"];
export const DYNAMIC_CLASS_ORDER: readonly string[] = ["positiv", "stabil", "negativ"];
