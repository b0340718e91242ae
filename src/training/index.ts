/**
 * Training: self-checks for the exercises in the training notebook (notebooks/10-uebungen.ipynb).
 * @module
 */
export { check, checkSummary, checkTally, resetChecks } from "./check.js";
export type { CheckSummaryOptions, CheckTally } from "./check.js";
export { checkAnswer } from "./checkAnswer.js";
export type { CheckResult, CheckValue } from "./checkAnswer.js";
