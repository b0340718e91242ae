import type { ResolvedAnalysisConfig, SupplyConfig } from "../../analysis/analysisConfig.js";
import { DEFAULT_ANALYSIS_CONFIG } from "../../analysis/defaultAnalysisConfig.js";
import { isTargetGroup, TARGET_GROUPS } from "../../indicators/targetGroups.js";
import { TARGET_GROUP_POPULATION_COLUMNS } from "../../supply/targetGroupPopulation.js";
import type { ConfigChecks } from "./configChecks.js";

type Supply = NonNullable<ResolvedAnalysisConfig["supply"]>;

/**
 * The "Bedarf und Angebot" section: facility types per target group (each an allowed type), the population
 * columns per target group (by default the Kita age for children when only Kitas are counted), the measure, the
 * 2SFCA radius and decay, and the need level of the quadrants.
 */
export function resolveSupplySection(sc: Partial<SupplyConfig>, checks: ConfigChecks): Supply {
  const d = DEFAULT_ANALYSIS_CONFIG.supply;
  const allowedTypes = sc.allowedTypes === undefined ? [...d.allowedTypes] : checks.stringList("supply.allowedTypes", sc.allowedTypes);
  const facilityTypes = groupLists("supply.facilityTypes", sc.facilityTypes, d.facilityTypes, checks);
  for (const [g, types] of Object.entries(facilityTypes)) {
    for (const t of types) if (!allowedTypes.includes(t)) checks.problems.push(`"supply.facilityTypes.${g}": Art "${t}" ist keine zulässige Einrichtungsart (${allowedTypes.join(", ")})`);
  }
  // Kita places are for children under 6: counting only Kitas, the children's population is the Kita age.
  const onlyKita = facilityTypes.children?.length === 1 && facilityTypes.children[0] === "Kita";
  const population = groupLists("supply.population", undefined, { ...TARGET_GROUP_POPULATION_COLUMNS, ...(onlyKita ? { children: ["ew_0_5"] } : {}) }, checks);
  if (sc.population !== undefined) Object.assign(population, groupLists("supply.population", sc.population, {}, checks));
  const measure = checks.choice("supply.measure", sc.measure, d.measure, ["places", "withinReach", "catchment"]);
  const radiusKm = checks.num("supply.radiusKm", sc.radiusKm, d.radiusKm, (x) => x > 0, "eine Zahl > 0");
  const decay = sc.decay ?? { ...d.decay };
  if (decay === null || typeof decay !== "object" || !["none", "gaussian", "steps"].includes((decay as { type?: unknown }).type as string)) {
    checks.problems.push(`"supply.decay" muss { "type": "none" }, { "type": "gaussian" } oder { "type": "steps", "steps": [...] } sein, angegeben: ${JSON.stringify(decay)}`);
  }
  const needLevel = sc.needLevel ?? d.needLevel;
  if (needLevel !== "median" && !(typeof needLevel === "number" && Number.isFinite(needLevel))) {
    checks.problems.push(`"supply.needLevel" muss "median" oder eine Zahl sein, angegeben: ${JSON.stringify(needLevel)}`);
  }
  return { facilityTypes, allowedTypes, population, measure, radiusKm, decay: decay as Supply["decay"], needLevel };
}

/** An object target group → list of texts (copied; a group must be one of `TARGET_GROUPS`). */
function groupLists(path: string, v: unknown, dflt: Readonly<Record<string, readonly string[]>>, checks: ConfigChecks): Record<string, string[]> {
  if (v === undefined) return Object.fromEntries(Object.entries(dflt).map(([k, list]) => [k, [...list]]));
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    checks.problems.push(`"${path}" muss ein Objekt: Zielgruppe → Liste sein, angegeben: ${JSON.stringify(v)}`);
    return {};
  }
  const out: Record<string, string[]> = {};
  for (const [k, list] of Object.entries(v)) {
    if (!isTargetGroup(k)) checks.problems.push(`"${path}": unbekannte Zielgruppe "${k}" (bekannt: ${TARGET_GROUPS.join(", ")})`);
    out[k] = checks.stringList(`${path}.${k}`, list);
  }
  return out;
}
