import type { Rng } from "../inference/random.js";
import type { CitySpec } from "./citySpec.js";
import { largestRemainder, normal } from "./sampling.js";
import { drawAreaCounts, type AreaCounts, type AreaEffects } from "./strukturdaten.js";

/** What the generator keeps of one Sozialraum to draw further survey years of the same panel. */
export interface PanelBasis {
  /** Persistent area effects (the same as in 2016 and 2018). */
  effects: AreaEffects;
  /** Latent ageing (z). */
  ageing: number;
  /** Population weight of 2016 (0 for a planted very small area). */
  weight: number;
  /** Population growth factor per two years (as 2016 → 2018). */
  growth: number;
  /** Planted size of a very small area. */
  smallSize?: number;
  /** Planted change of the latent deprivation 2014 → 2016 and 2018 → 2020 (bump values over the area's cells). */
  trendBefore: number;
  trendAfter: number;
}

/** One extra survey year: latent deprivation and counts per Sozialraum, in the order of the input. */
export interface PanelYear {
  deprivation: number[];
  counts: AreaCounts[];
}

/**
 * Draws the survey years before (2014) and after (2018 → 2020) the original two of the embedded city, each from its
 * own random stream so that 2016 and 2018 stay byte-identical. A panel: the same areas and persistent effects;
 * deprivation 2014 = deprivation 2016 − planted change 2014 → 2016 + noise (sd 0,1); deprivation 2020 =
 * deprivation 2018 + planted change 2018 → 2020 + noise (sd 0,1); population drifts with the area's growth
 * (backwards for 2014) and a little noise, scaled to the city totals of the spec.
 *
 * @example
 * const { before, after } = panelYears(spec, deprivation, basis, stream(5), stream(6));
 * before.counts[0].einwohner; // residents of the first area in 2014
 */
export function panelYears(
  spec: CitySpec,
  deprivation: ReadonlyArray<{ 2016: number; 2018: number }>,
  basis: readonly PanelBasis[],
  rngBefore: Rng,
  rngAfter: Rng,
): { before: PanelYear; after: PanelYear } {
  const before = drawYear(rngBefore, spec.einwohner[2014], 2014, basis, (b, k) => deprivation[k][2016] - b.trendBefore, (b) => 1 / b.growth);
  const after = drawYear(rngAfter, spec.einwohner[2020], 2020, basis, (b, k) => deprivation[k][2018] + b.trendAfter, (b) => b.growth * b.growth);
  return { before, after };
}

function drawYear(
  rng: Rng,
  total: number,
  year: 2014 | 2020,
  basis: readonly PanelBasis[],
  latent: (b: PanelBasis, k: number) => number,
  growthFrom2016: (b: PanelBasis) => number,
): PanelYear {
  const deprivation = basis.map((b, k) => latent(b, k) + normal(rng, 0, 0.1));
  const fixed = basis.map((b) => (b.smallSize === undefined ? 0 : Math.round(b.smallSize * (1 + normal(rng, 0, 0.04)))));
  const weights = basis.map((b) => (b.smallSize === undefined ? b.weight * growthFrom2016(b) * Math.exp(normal(rng, 0, 0.01)) : 0));
  const parts = largestRemainder(total - fixed.reduce((s, x) => s + x, 0), weights);
  const einwohner = basis.map((b, k) => (b.smallSize === undefined ? parts[k] : fixed[k]));
  const counts = basis.map((b, k) => drawAreaCounts(rng, { einwohner: einwohner[k], d: deprivation[k], a: b.ageing, effects: b.effects, year }));
  return { deprivation, counts };
}
