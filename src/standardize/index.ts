/**
 * Standardisation: put indicators on one scale where high always means more disadvantage.
 * @module standardize
 */
export { zScores } from "./zScores.js";
export type { ZScoresOptions, ZScoresResult } from "./zScores.js";
export { robustZ, MAD_CONSTANT } from "./robustZ.js";
export type { RobustZOptions, RobustZResult } from "./robustZ.js";
export { minMax } from "./minMax.js";
export type { MinMaxOptions, MinMaxResult } from "./minMax.js";
export { percentileRank } from "./percentileRank.js";
export type { PercentileRankOptions, PercentileRankResult } from "./percentileRank.js";
export { rank } from "./rank.js";
export type { RankOptions, RankResult, TieMethod } from "./rank.js";
export type { Direction } from "./direction.js";
export type { StandardizedBase, StandardizeCommonOptions } from "./result.js";
export { meanAndSd } from "./meanAndSd.js";
export type { MeanAndSdOptions, MeanAndSd } from "./meanAndSd.js";
export { standardizeTable } from "./standardizeTable.js";
export type { StandardizeColumn, StandardizeTableOptions, StandardizeTableResult } from "./standardizeTable.js";
