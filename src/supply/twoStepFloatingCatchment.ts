import type { Exclusion } from "../table/exclusion.js";
import { haversineKm } from "./haversineKm.js";

/** Distance decay of the catchment: none (classic 2SFCA), Gaussian, or weights per distance step (E2SFCA). */
export type CatchmentDecay =
  | { type: "none" }
  | { type: "gaussian" }
  | { type: "steps"; steps: ReadonlyArray<{ upToKm: number; weight: number }> };

/** Options of {@link twoStepFloatingCatchment}. */
export interface TwoStepFloatingCatchmentOptions {
  /** Catchment radius d0 in km (haversine distance). */
  radiusKm: number;
  /** Distance decay within the catchment (default none: every distance ≤ d0 weighs 1). */
  decay?: CatchmentDecay;
  /** Accessibility per this many residents (default 1000: places per 1 000 residents). */
  per?: number;
}

/** A demand location (an area's centroid) with the residents of the target group. */
export interface CatchmentDemand {
  id: string;
  lon: number;
  lat: number;
  population: number | null;
}

/** A supply location (a facility) with its capacity. */
export interface CatchmentSupply {
  id: string;
  lon: number;
  lat: number;
  capacity: number;
}

/** Result of {@link twoStepFloatingCatchment}. */
export interface TwoStepFloatingCatchmentResult {
  name: "twoStepFloatingCatchment";
  radiusKm: number;
  decay: CatchmentDecay["type"];
  per: number;
  n: number;
  /** Per demand location, in input order: A_i × per (places per `per` residents within reach). */
  rows: Array<{ id: string; population: number | null; accessibility: number | null; suppliesInReach: number }>;
  /** Per supply location, in input order: R_j (capacity per weighted resident in its catchment), null if none. */
  supplyRatios: Array<{ id: string; demand: number; ratio: number | null }>;
  /** Σ capacity / Σ population × per over all demand locations: the accessibility if supply were spread evenly. */
  cityLevel: number | null;
  excluded: Exclusion[];
  warnings: string[];
}

/** Weight of distance d (km) for catchment radius d0. */
export function catchmentWeight(d: number, d0: number, decay: CatchmentDecay): number {
  if (d > d0) return 0;
  switch (decay.type) {
    case "none":
      return 1;
    case "gaussian": {
      // Dai (2010), Wan, Zou & Sternberg (2012): G(d) = (e^{-½(d/d0)²} − e^{-½}) / (1 − e^{-½}), 1 at d = 0, 0 at d0
      const e = Math.exp(-0.5);
      return (Math.exp(-0.5 * (d / d0) ** 2) - e) / (1 - e);
    }
    case "steps": {
      for (const s of decay.steps) if (d <= s.upToKm) return s.weight;
      return 0;
    }
  }
}

/**
 * Two-step floating catchment area (2SFCA; Luo & Wang 2003, "Measures of spatial accessibility to health care in
 * a GIS environment", Environment and Planning B 30(6), 865–884), with the optional distance decay of the
 * enhanced 2SFCA (E2SFCA; Luo & Qi 2009, "An enhanced two-step floating catchment area (E2SFCA) method for
 * measuring spatial accessibility to primary care physicians", Health & Place 15(4), 1100–1107):
 *
 *   step 1, for each supply j:  R_j = S_j / Σ_{k: d_kj ≤ d0} P_k · W(d_kj)
 *   step 2, for each area i:    A_i = Σ_{j: d_ij ≤ d0} R_j · W(d_ij),   reported as A_i × per,
 *
 * with S_j the capacity, P_k the residents of the target group at the centroid of area k, d the haversine
 * distance in km ({@link haversineKm}) and W = 1 (classic), the Gaussian G(d) above, or stepwise weights
 * (Luo & Qi used 1, 0.68, 0.22 for three travel-time zones). Supply is conserved: Σ_i A_i P_i = Σ_j S_j over the
 * supplies with demand in reach; a supply with no residents in reach is unused and named in `warnings`.
 *
 * Areas are represented by their centroids, so d0 should be larger than the typical area size.
 *
 * @example
 * twoStepFloatingCatchment({ demand, supply }, { radiusKm: 1.5, decay: { type: "gaussian" } }).rows;
 */
export function twoStepFloatingCatchment(
  input: { demand: ReadonlyArray<CatchmentDemand>; supply: ReadonlyArray<CatchmentSupply> },
  options: TwoStepFloatingCatchmentOptions,
): TwoStepFloatingCatchmentResult {
  const fn = "twoStepFloatingCatchment";
  const d0 = options?.radiusKm;
  if (!(typeof d0 === "number" && d0 > 0 && Number.isFinite(d0))) {
    throw new Error(`${fn}: die Option radiusKm muss eine positive Zahl sein, angegeben ist ${String(d0)}`);
  }
  const decay = options.decay ?? { type: "none" };
  if (decay.type === "steps") {
    let last = 0;
    for (const s of decay.steps) {
      if (!(s.upToKm > last) || !(s.weight >= 0 && s.weight <= 1)) {
        throw new Error(`${fn}: steps braucht steigende upToKm und Gewichte in [0, 1], angegeben ist ${JSON.stringify(decay.steps)}`);
      }
      last = s.upToKm;
    }
  } else if (decay.type !== "none" && decay.type !== "gaussian") {
    throw new Error(`${fn}: unbekannter Abnahmetyp "${(decay as { type: string }).type}"`);
  }
  const per = options.per ?? 1000;
  const { demand, supply } = input;
  for (const s of supply) {
    if (!(Number.isFinite(s.capacity) && s.capacity >= 0)) throw new Error(`${fn}: Angebot "${s.id}" hat die Kapazität ${String(s.capacity)}`);
    if (!Number.isFinite(s.lon) || !Number.isFinite(s.lat)) throw new Error(`${fn}: Angebot "${s.id}" hat keine endlichen Koordinaten`);
  }
  const excluded: Exclusion[] = [];
  const active: number[] = [];
  demand.forEach((d, i) => {
    if (d.population === null) excluded.push({ id: d.id, reason: "Einwohnerzahl der Zielgruppe fehlt", step: fn });
    else if (!(Number.isFinite(d.population) && d.population >= 0)) throw new Error(`${fn}: Gebiet "${d.id}" hat die Einwohnerzahl ${d.population}`);
    else if (!Number.isFinite(d.lon) || !Number.isFinite(d.lat)) throw new Error(`${fn}: Gebiet "${d.id}" hat keine endlichen Koordinaten`);
    else active.push(i);
  });

  // weights W(d_ij) for active demand i × supply j, as a dense matrix (row = demand)
  const m = supply.length;
  const W = new Float64Array(active.length * m);
  active.forEach((i, a) => {
    for (let j = 0; j < m; j++) {
      W[a * m + j] = catchmentWeight(haversineKm(demand[i].lon, demand[i].lat, supply[j].lon, supply[j].lat), d0, decay);
    }
  });
  // step 1
  const warnings: string[] = [];
  const supplyRatios = supply.map((s, j) => {
    let weighted = 0;
    active.forEach((i, a) => (weighted += (demand[i].population as number) * W[a * m + j]));
    const ratio = weighted > 0 ? s.capacity / weighted : null;
    if (ratio === null && s.capacity > 0) warnings.push(`Angebot "${s.id}": keine Einwohner im Einzugsbereich (${d0} km), nicht verteilt`);
    return { id: s.id, demand: weighted, ratio };
  });
  // step 2
  const rows = demand.map((d) => ({ id: d.id, population: d.population, accessibility: null as number | null, suppliesInReach: 0 }));
  active.forEach((i, a) => {
    let A = 0, k = 0;
    for (let j = 0; j < m; j++) {
      const w = W[a * m + j];
      if (w > 0) {
        k++;
        const r = supplyRatios[j].ratio;
        if (r !== null) A += r * w;
      }
    }
    rows[i].accessibility = A * per;
    rows[i].suppliesInReach = k;
  });
  const totalPop = active.reduce((s, i) => s + (demand[i].population as number), 0);
  const totalCap = supply.reduce((s, x) => s + x.capacity, 0);
  return {
    name: fn,
    radiusKm: d0,
    decay: decay.type,
    per,
    n: active.length,
    rows,
    supplyRatios,
    cityLevel: totalPop > 0 ? (totalCap / totalPop) * per : null,
    excluded,
    warnings,
  };
}
