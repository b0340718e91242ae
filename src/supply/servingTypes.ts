import type { TargetGroup } from "../indicators/targetGroups.js";

/**
 * How a gap of one facility type is decided:
 * - "lowSupply": every area with low supply is a gap, whatever its social need. For services everyone in the age
 *   group is entitled to (Kita: Rechtsanspruch from age 1, § 24 SGB VIII), planning covers the whole cohort
 *   (Kita-Bedarfsplanung, Versorgungsquote per Planungsraum); high need only raises the priority.
 * - "highNeedLowSupply": a gap needs low supply AND high need of the target group. For targeted services (open
 *   youth work, family centres, senior meeting points, counselling) the planning follows social need
 *   (Sozialraumorientierung); low supply where the need index is unremarkable is not a gap.
 */
export type GapRule = "lowSupply" | "highNeedLowSupply";

/**
 * At which scale supply is measured: "area" the places in the Sozialraum per 1,000 residents served
 * (Versorgungsquote), "catchment" the 2SFCA accessibility within the radius, "auto" (default) the area where it
 * can carry a facility of its own (see `supplyGaps`), otherwise the catchment.
 */
export type SupplyScale = "auto" | "area" | "catchment";

/** One facility type and whom it serves. */
export interface ServingType {
  /** Facility type as in `einrichtungen.csv` (`typ`), e.g. "Kita". */
  type: string;
  /** Target group whose need index is compared (children, working-age, elderly, context). */
  group: TargetGroup | string;
  /** Structural-data columns whose sum is the population served (the denominator of the rate), e.g. ["ew_0_5"]. */
  population: readonly string[];
  /** German name of the population served, e.g. "Kinder 0–5 Jahre". */
  populationLabel: string;
  /** Gap rule (see {@link GapRule}). */
  gapRule: GapRule;
  /** Scale of the supply measure (default "auto"). */
  scale?: SupplyScale;
  /**
   * Observation tags (compared case-insensitively) that say an observation is about this type of facility,
   * e.g. ["Kita", "Betreuung"]; with the target group they link a district-meeting report to this supply.
   */
  tags: readonly string[];
}

/**
 * Default mapping of facility types to the people they serve (German municipal practice):
 * Kita → children 0–5 (Kita age, § 24 SGB VIII), Jugendzentrum → young people 6–17 (offene Kinder- und
 * Jugendarbeit, § 11 SGB VIII), Familienzentrum → households with children (NRW Familienzentren), Seniorentreff →
 * residents 65+, Beratungsstelle → working age 15–64 (as in SGB II). The need index compared is that of the
 * target group the residents belong to (children for Kita, Jugendzentrum and Familienzentrum). Replace or extend
 * it through the `servingTypes` option of {@link needSupplyAnalysis}.
 *
 * @example
 * DEFAULT_SERVING_TYPES.find((t) => t.type === "Kita")?.population; // ["ew_0_5"]
 */
export const DEFAULT_SERVING_TYPES: readonly ServingType[] = Object.freeze([
  { type: "Kita", group: "children", population: ["ew_0_5"], populationLabel: "Kinder 0–5 Jahre", gapRule: "lowSupply", tags: ["Kita", "Betreuung"] },
  {
    type: "Jugendzentrum", group: "children", population: ["ew_6_14", "ew_15_17"], populationLabel: "Kinder und Jugendliche 6–17 Jahre",
    gapRule: "highNeedLowSupply", tags: ["Jugend", "Jugendzentrum", "Treffpunkt"],
  },
  {
    type: "Familienzentrum", group: "children", population: ["hh_mit_kindern"], populationLabel: "Haushalte mit Kindern",
    gapRule: "highNeedLowSupply", tags: ["Familie", "Familienzentrum", "Alleinerziehende"],
  },
  {
    type: "Seniorentreff", group: "elderly", population: ["ew_65_plus"], populationLabel: "Einwohner 65 Jahre und älter",
    gapRule: "highNeedLowSupply", tags: ["Seniorentreff", "Treffpunkt", "Vereinsamung"],
  },
  {
    type: "Beratungsstelle", group: "working-age", population: ["ew_15_17", "ew_18_24", "ew_25_64"], populationLabel: "Einwohner 15–64 Jahre",
    gapRule: "highNeedLowSupply", tags: ["Beratung"],
  },
] satisfies ServingType[]);

/** Default share of the city value below which supply is low (a quarter below the city's Versorgungsquote). */
export const DEFAULT_LOW_SUPPLY_SHARE = 0.75;

/** Default need threshold: the flag threshold of conspicuousness (z > 1, `DEFAULT_THRESHOLDS.flag`). */
export const DEFAULT_NEED_THRESHOLD = 1;
