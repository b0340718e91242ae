import { contiguityWeights } from "./contiguityWeights.js";
import { dropMissingValues } from "./dropMissingValues.js";
import type { SpatialFeatureCollection } from "./geometry.js";
import { localMoran, type LocalMoranArea } from "./localMoran.js";
import { moran, type MoranResult } from "./moran.js";
import { rowStandardize } from "./rowStandardize.js";
import type { SpatialWeights } from "./spatialWeights.js";
import type { Exclusion } from "../table/exclusion.js";
import { DEFAULT_SEED } from "../inference/defaultSeed.js";

/** One variable of {@link neighbourhoodAnalysis}: its values per area (by id) and a German label. */
export interface NeighbourhoodVariable {
  /** Key, e.g. "status_index" or an indicator id. */
  id: string;
  /** German label, e.g. "Status-Index". */
  label: string;
  /** Value per area id (missing, null or non-finite: left out with a reason). */
  values: ReadonlyMap<string, unknown>;
}

/** Global Moran's I of one variable. */
export interface NeighbourhoodMoran {
  id: string;
  label: string;
  moran: MoranResult;
  /** Areas of the map without a value for this variable. */
  excluded: Exclusion[];
}

/** Options of {@link neighbourhoodAnalysis}. */
export interface NeighbourhoodAnalysisOptions {
  /** Feature property with the area id. */
  idProperty: string;
  /** "queen" (default) or "rook" contiguity. */
  contiguity?: "queen" | "rook";
  /** Permutations of every test (default 999) and their seed (default 1). */
  permutations?: number;
  seed?: number;
  /** Significance level of the LISA clusters (default 0.05) and Benjamini–Hochberg adjustment (default false). */
  alpha?: number;
  fdr?: boolean;
  /** Ids of further variables that get LISA clusters too (besides the first), e.g. the need index per target group. */
  lisaFor?: readonly string[];
}

/** LISA of a further variable (option `lisaFor`): clusters, the weights they ran on and the values. */
export interface NeighbourhoodLisa {
  id: string;
  label: string;
  lisa: LocalMoranArea[];
  weights: SpatialWeights;
  values: number[];
}

/** Result of {@link neighbourhoodAnalysis}. */
export interface NeighbourhoodAnalysis {
  name: "neighbourhoodAnalysis";
  contiguity: "queen" | "rook";
  permutations: number;
  seed: number;
  alpha: number;
  fdr: boolean;
  /** Row-standardised contiguity weights of every area on the map (feature order). */
  weights: SpatialWeights;
  /** Moran's I per variable, in the order given (the first is the one with LISA clusters). */
  morans: NeighbourhoodMoran[];
  /** LISA of the first variable, on the areas with a value (order of `lisaWeights.ids`). */
  lisa: LocalMoranArea[];
  /** The weights the LISA ran on (areas without a value removed) and the values, for the Moran scatter plot. */
  lisaWeights: SpatialWeights;
  lisaValues: number[];
  /** LISA of the variables named in `lisaFor`, in that order (empty without it). */
  furtherLisa: NeighbourhoodLisa[];
  warnings: string[];
}

/**
 * The "Nachbarschaft" step of the analysis: contiguity weights of the area polygons (row-standardised), global
 * Moran's I with a seeded permutation test for each variable, and local Moran's I (LISA clusters, conditional
 * permutations) for the first variable (the status index in the pipeline) and those named in `lisaFor`. Areas without a value are left out
 * of that variable's statistics (spdep `subset.listw`) and listed in `excluded`.
 *
 * @example
 * const nb = neighbourhoodAnalysis(geojson, [{ id: "status_index", label: "Status-Index", values }], { idProperty: "sozialraum_id", seed: 1 });
 * nb.morans[0].moran.I;
 */
export function neighbourhoodAnalysis(
  geojson: SpatialFeatureCollection,
  variables: readonly NeighbourhoodVariable[],
  options: NeighbourhoodAnalysisOptions,
): NeighbourhoodAnalysis {
  const fn = "neighbourhoodAnalysis";
  if (variables.length === 0) throw new Error(`${fn}: braucht mindestens eine Variable`);
  const contiguity = options.contiguity ?? "queen";
  const permutations = options.permutations ?? 999;
  const seed = options.seed ?? DEFAULT_SEED;
  const alpha = options.alpha ?? 0.05;
  const fdr = options.fdr ?? false;
  const weights = rowStandardize(contiguityWeights(geojson, { kind: contiguity, idProperty: options.idProperty }));
  const warnings = [...weights.warnings];
  const complete = (v: NeighbourhoodVariable) => {
    const d = dropMissingValues(weights.ids.map((id) => v.values.get(id) ?? null), weights);
    if (d.values.length < 4) throw new Error(`${fn}: "${v.label}" hat nur für ${d.values.length} Gebiete der Karte Werte; Moran's I braucht mindestens 4`);
    return d;
  };
  const morans = variables.map((v) => {
    const d = complete(v);
    const m = moran(d.values, d.weights, { permutations, seed });
    for (const w of m.warnings) warnings.push(`${v.label}: ${w}`);
    return { id: v.id, label: v.label, moran: m, excluded: d.excluded.map((e) => ({ ...e, step: "neighbourhood", reason: `${v.label}: ${e.reason}` })) };
  });
  const first = complete(variables[0]);
  const lisa = localMoran(first.values, first.weights, { permutations, seed, alpha, fdr });
  const furtherLisa = (options.lisaFor ?? []).map((id) => {
    const v = variables.find((x) => x.id === id);
    if (!v) throw new Error(`${fn}: Option "lisaFor" nennt "${id}", das ist keine der Variablen (${variables.map((x) => x.id).join(", ")})`);
    const d = complete(v);
    // Same seed for every variable: each LISA is reproducible on its own, whatever else is computed.
    return { id, label: v.label, lisa: localMoran(d.values, d.weights, { permutations, seed, alpha, fdr }), weights: d.weights, values: d.values };
  });
  return { name: fn, contiguity, permutations, seed, alpha, fdr, weights, morans, lisa, lisaWeights: first.weights, lisaValues: first.values, furtherLisa, warnings };
}
