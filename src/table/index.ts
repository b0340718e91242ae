export { Missing, missing, isMissing, numberOrNull } from "./missing.js";
export type { Cell } from "./missing.js";
export type { Exclusion } from "./exclusion.js";
