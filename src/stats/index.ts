export { tiedRanks } from "./tiedRanks.js";
export type { TieMethod } from "./tiedRanks.js";
export { quantileType7 } from "./quantileType7.js";
export { spearman, spearmanComplete, midRanks } from "./spearman.js";
