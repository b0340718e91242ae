import { DEFAULT_ANALYSIS_CONFIG } from "../../analysis/defaultAnalysisConfig.js";

/** The keys `resolveAnalysisConfig` accepts at the top level: those of `DEFAULT_ANALYSIS_CONFIG`, in its order. */
export const CONFIG_KEYS: readonly string[] = Object.freeze(Object.keys(DEFAULT_ANALYSIS_CONFIG));

/**
 * The keys of a section (`data`, `supply`, …): those of its default object; null for a plain value or a list
 * (`seed`, `indicators`, `sources`, whose contents are checked elsewhere).
 */
export function sectionKeys(key: string): readonly string[] | null {
  const d = (DEFAULT_ANALYSIS_CONFIG as Record<string, unknown>)[key];
  return d !== null && typeof d === "object" && !Array.isArray(d) ? Object.keys(d) : null;
}

/**
 * Problems of unknown keys (usually typos), one level deep, with the key's path and the known keys, and of
 * sections that are not objects. A section may be false (left out); `years` may be a list of survey years.
 *
 * @example
 * unknownKeyProblems({ supply: { radius: 1 } });
 * // ['unbekannter Schlüssel "supply.radius" (bekannt: facilityTypes, allowedTypes, population, measure, radiusKm, decay, needLevel)']
 */
export function unknownKeyProblems(config: object): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (!CONFIG_KEYS.includes(key)) {
      problems.push(`unbekannter Schlüssel "${key}" (bekannt: ${CONFIG_KEYS.join(", ")})`);
      continue;
    }
    const sub = sectionKeys(key);
    if (sub === null || value === undefined || value === false || (key === "years" && Array.isArray(value))) continue;
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      problems.push(`"${key}" muss ein Objekt sein, angegeben: ${JSON.stringify(value)}`);
      continue;
    }
    for (const k of Object.keys(value)) if (!sub.includes(k)) problems.push(`unbekannter Schlüssel "${key}.${k}" (bekannt: ${sub.join(", ")})`);
  }
  return problems;
}
