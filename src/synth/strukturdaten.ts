import type { Rng } from "../inference/random.js";
import { missing, type Cell } from "../table/missing.js";
import { binomial, largestRemainder, logistic, logit, normal } from "./sampling.js";

/** Columns of data/strukturdaten_<year>.csv, in file order (all counts of persons or households). */
export const STRUKTURDATEN_COLUMNS = [
  "sozialraum_id",
  "einwohner",
  "ew_0_5",
  "ew_6_14",
  "ew_15_17",
  "ew_18_24",
  "ew_25_64",
  "ew_65_plus",
  "haushalte",
  "hh_mit_kindern",
  "hh_alleinerziehend",
  "sgb2_personen",
  "sgb2_elb_15_64",
  "sgb2_unter_15",
  "arbeitslose",
  "arbeitslose_sgb2",
  "arbeitslose_sgb3",
  "arbeitslose_15_24",
  "grundsicherung_65_plus",
  "migrationshintergrund",
] as const;

/** The counts of one Sozialraum in one year, before suppression. */
export type AreaCounts = Record<Exclude<(typeof STRUKTURDATEN_COLUMNS)[number], "sozialraum_id">, number>;

/** Persistent area effects (drawn once per Sozialraum, so that the survey years resemble each other). */
export interface AreaEffects {
  age: number[];
  sgb2: number;
  kids: number;
  elderly: number;
  migration: number;
  single: number;
  household: number;
}

/** Draws the persistent effects of one Sozialraum. */
export function drawAreaEffects(rng: Rng): AreaEffects {
  return {
    age: [0, 1, 2, 3, 4, 5].map(() => normal(rng, 0, 0.08)),
    sgb2: normal(rng, 0, 0.12),
    kids: normal(rng, 0, 0.12),
    elderly: normal(rng, 0, 0.15),
    migration: normal(rng, 0, 0.15),
    single: normal(rng, 0, 0.1),
    household: normal(rng, 0, 0.04),
  };
}

/** The survey years of the embedded city (biennial, 31 December). */
export const SURVEY_YEARS = [2014, 2016, 2018, 2020] as const;

/** One survey year of the embedded city. */
export type SurveyYear = (typeof SURVEY_YEARS)[number];

/**
 * Year-specific shifts of the city-wide levels on the logit scale (2018: more SGB II after 2015/16 arrivals;
 * 2020: a little more SGB II and Grundsicherung again).
 */
export const YEAR_SHIFT: Record<SurveyYear, { sgb2: number; elderly: number; migration: number }> = {
  2014: { sgb2: -0.03, elderly: -0.04, migration: -0.08 },
  2016: { sgb2: 0, elderly: 0, migration: 0 },
  2018: { sgb2: 0.06, elderly: 0.06, migration: 0.1 },
  2020: { sgb2: 0.09, elderly: 0.1, migration: 0.16 },
};

/**
 * Draws the counts of one Sozialraum with `einwohner` residents, latent deprivation `d` (z-scale, + = more
 * deprived) and ageing `a` (z-scale, + = older). Every consistency rule of the data contract holds by
 * construction: the age bands sum to einwohner, SGB II persons = under 15 + erwerbsfähige 15–64 + a few
 * non-employable, arbeitslose = SGB II + SGB III, and every subgroup is at most its population.
 */
export function drawAreaCounts(rng: Rng, options: { einwohner: number; d: number; a: number; effects: AreaEffects; year: SurveyYear }): AreaCounts {
  const { einwohner: n, d, a, effects: e, year } = options;
  const shift = YEAR_SHIFT[year];
  const yr = (): number => normal(rng, 0, 0.04); // year-to-year wobble of a rate
  const share = [
    0.054 * Math.exp(0.16 * d - 0.2 * a + e.age[0] + yr()),
    0.081 * Math.exp(0.14 * d - 0.16 * a + e.age[1] + yr()),
    0.028 * Math.exp(0.08 * d - 0.08 * a + e.age[2] + yr()),
    0.076 * Math.exp(0.1 * d - 0.1 * a + e.age[3] + yr()),
    0.545 * Math.exp(e.age[4] + yr()),
    0.216 * Math.exp(-0.1 * d + 0.28 * a + e.age[5] + yr()),
  ];
  const [ew_0_5, ew_6_14, ew_15_17, ew_18_24, ew_25_64, ew_65_plus] = largestRemainder(n, share);
  const kids = ew_0_5 + ew_6_14; // under 15
  const under18 = kids + ew_15_17;
  const age15to64 = ew_15_17 + ew_18_24 + ew_25_64;

  const sgb2_unter_15 = binomial(rng, kids, logistic(logit(0.15) + 0.6 * d + e.kids + shift.sgb2 + yr()));
  const sgb2_elb_15_64 = binomial(rng, age15to64, logistic(logit(0.078) + 0.55 * d + e.sgb2 + shift.sgb2 + yr()));
  const notEmployable = binomial(rng, age15to64 - sgb2_elb_15_64, 0.004 * Math.exp(0.4 * d));
  const sgb2_personen = sgb2_unter_15 + sgb2_elb_15_64 + notEmployable;

  const arbeitslose_sgb2 = binomial(rng, sgb2_elb_15_64, logistic(logit(0.4) + 0.15 * d + yr()));
  const arbeitslose_sgb3 = binomial(rng, age15to64 - sgb2_elb_15_64, 0.017 * Math.exp(0.12 * d + yr()));
  const arbeitslose = arbeitslose_sgb2 + arbeitslose_sgb3;
  const arbeitslose_15_24 = Math.min(binomial(rng, arbeitslose, 0.095), ew_15_17 + ew_18_24);

  const grundsicherung_65_plus = binomial(rng, ew_65_plus, logistic(logit(0.033) + 0.48 * d + e.elderly + shift.elderly + yr()));
  const migrationshintergrund = binomial(rng, n, logistic(logit(0.31) + 0.55 * d + e.migration + shift.migration + yr()));

  const householdSize = (1.72 + 2.3 * (n > 0 ? under18 / n : 0)) * Math.exp(e.household + yr() / 2);
  const haushalte = n > 0 ? Math.max(1, Math.round(n / householdSize)) : 0;
  const hh_mit_kindern = Math.min(haushalte, under18, Math.round(under18 / (1.62 * Math.exp(0.06 * d + yr()))));
  const hh_alleinerziehend = binomial(rng, hh_mit_kindern, logistic(logit(0.2) + 0.45 * d + e.single + yr()));

  return {
    einwohner: n,
    ew_0_5,
    ew_6_14,
    ew_15_17,
    ew_18_24,
    ew_25_64,
    ew_65_plus,
    haushalte,
    hh_mit_kindern,
    hh_alleinerziehend,
    sgb2_personen,
    sgb2_elb_15_64,
    sgb2_unter_15,
    arbeitslose,
    arbeitslose_sgb2,
    arbeitslose_sgb3,
    arbeitslose_15_24,
    grundsicherung_65_plus,
    migrationshintergrund,
  };
}

/** Areas with fewer residents than this get the statistics office's suppression rule. */
export const SUPPRESSION_THRESHOLD = 300;

/** Groups in which one cell is the sum of the others: one suppressed cell alone could be recomputed. */
const ADDITIVE_GROUPS: string[][] = [
  ["ew_0_5", "ew_6_14", "ew_15_17", "ew_18_24", "ew_25_64", "ew_65_plus"],
  ["arbeitslose", "arbeitslose_sgb2", "arbeitslose_sgb3"],
];

/**
 * One published row: in areas under {@link SUPPRESSION_THRESHOLD} residents, counts of 1 or 2 are suppressed
 * (".", Geheimhaltung) and zeros are shown as "-" (nichts vorhanden), as German statistics offices do; einwohner
 * itself is always published. Secondary suppression: where a group adds up (age bands to einwohner, arbeitslose
 * = SGB II + SGB III), a lone "." would be recomputable, so the smallest other published cell of the group is
 * suppressed too. `emptyColumns` are published as empty cells (Merkmal nicht erfasst).
 */
export function publishRow(id: string, counts: AreaCounts, options: { emptyColumns?: string[] } = {}): Record<string, Cell> {
  const row: Record<string, Cell> = { sozialraum_id: id };
  const small = counts.einwohner < SUPPRESSION_THRESHOLD;
  for (const col of STRUKTURDATEN_COLUMNS.slice(1)) {
    const v = counts[col as keyof AreaCounts];
    if (small && col !== "einwohner" && v === 0) row[col] = missing("-");
    else if (small && col !== "einwohner" && v <= 2) row[col] = missing(".");
    else row[col] = v;
  }
  if (small) {
    for (const group of ADDITIVE_GROUPS) {
      const hidden = group.filter((c) => String(row[c]) === ".");
      if (hidden.length !== 1) continue;
      const candidates = group
        .filter((c) => typeof row[c] === "number" && (row[c] as number) > 0)
        .sort((x, y) => (row[x] as number) - (row[y] as number) || group.indexOf(x) - group.indexOf(y));
      if (candidates.length > 0) row[candidates[0]] = missing(".");
    }
  }
  for (const col of options.emptyColumns ?? []) row[col] = missing("");
  return row;
}
