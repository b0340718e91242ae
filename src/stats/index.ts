export { tiedRanks } from "./tiedRanks.js";
export type { TieMethod } from "./tiedRanks.js";
export { quantileType7 } from "./quantileType7.js";
export { median } from "./median.js";
export { spearman, spearmanComplete } from "./spearman.js";
