/**
 * Durchmischung: segregation and diversity measures (city-wide single-group and multigroup indices, per-area
 * location quotients, local diversity and deviation from the city's mix) with permutation inference.
 *
 * Conventions shared by every function here:
 * - Input: plain row objects or an arquero table; options name the columns (`group` + `total`, or `groups`
 *   with an optional `total` that adds a rest group), `id` names the area key. Inputs are never mutated.
 * - Results are PySAL-style `{ name, statistic, n, warnings, excluded, … }`; per-area results keep the input's
 *   order and length and carry the id.
 * - An area with total population 0 contributes nothing to any index: it is left out and listed in `excluded`
 *   (German reason). A missing count is an error naming the area, unless `missing: "exclude"`, which lists it.
 * - Errors are prefixed with the function name and name the area (`area "0101"`, or `row 3` without `id`):
 *   a group count above the total, negative / non-numeric counts, a group whose city total is 0.
 * - Inference (`segregationPermutationTest`, `compareSegregation`) takes an index function and adds fields to
 *   its result; the statistic is never changed. Every random step takes a `seed`. The permutation test and the
 *   bias-corrected D take `threads` (worker threads; the result is the same for any number, since simulated data
 *   set r draws from `createRng(streamSeed(seed, r))`); `compareSegregation` runs on one thread.
 * @module
 */
export type {
  ColumnarTable,
  IndexResult,
  MissingPolicy,
  MixBaseOptions,
  MixInput,
  MultigroupOptions,
  MultigroupResult,
  SingleGroupOptions,
  SingleGroupResult,
} from "./types.js";
export { dissimilarity } from "./dissimilarity.js";
export { gini } from "./gini.js";
export { theilH } from "./theilH.js";
export { isolation } from "./isolation.js";
export { interaction } from "./interaction.js";
export { atkinson } from "./atkinson.js";
export type { AtkinsonOptions, AtkinsonResult } from "./atkinson.js";
export { correlationRatio } from "./correlationRatio.js";
export { multigroupDissimilarity } from "./multigroupDissimilarity.js";
export { multigroupGini } from "./multigroupGini.js";
export { multigroupTheilH } from "./multigroupTheilH.js";
export { normalizedExposure } from "./normalizedExposure.js";
export { multigroupDiversity } from "./multigroupDiversity.js";
export type { MultigroupDiversityOptions, MultigroupDiversityResult } from "./multigroupDiversity.js";
export type { AreaOptions } from "./readAreas.js";
export { locationQuotients } from "./locationQuotients.js";
export type { LocationQuotientArea, LocationQuotientsResult } from "./locationQuotients.js";
export { localDiversity } from "./localDiversity.js";
export type { LocalDiversityArea, LocalDiversityResult } from "./localDiversity.js";
export { mixDeviation, MIX_DEVIATION_ALPHA, MIX_DEVIATION_THRESHOLD } from "./mixDeviation.js";
export type { MixDeviationArea, MixDeviationOptions, MixDeviationResult } from "./mixDeviation.js";
export { chiSquaredUpperTail } from "./chiSquaredUpperTail.js";
export { segregationPermutationTest } from "./segregationPermutationTest.js";
export type { MixIndexFunction, PermutationOptions, SegregationTestFields, SegregationTestOptions } from "./segregationPermutationTest.js";
export { simulateNull } from "./simulateNull.js";
export type { SegregationNull } from "./simulateNull.js";
export { sampleHypergeometric } from "./sampleHypergeometric.js";
export { compareSegregation } from "./compareSegregation.js";
export type { CompareSegregationOptions, CompareSegregationResult, ComparisonApproach } from "./compareSegregation.js";
export { biasCorrectedDissimilarity } from "./biasCorrectedDissimilarity.js";
export type { BiasCorrectedDissimilarityOptions, BiasCorrectedDissimilarityResult } from "./biasCorrectedDissimilarity.js";
export { columnarTable } from "./columnarTable.js";
export { mixAnalysis } from "./mixAnalysis.js";
export type { MixAnalysis, MixAnalysisOptions, MixArea, MixGroupIndices } from "./mixAnalysis.js";
