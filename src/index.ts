/**
 * sozialraum — Sozialraumanalyse in TypeScript.
 *
 * The public barrel. Every stage of the analysis has its own module; this file only re-exports them.
 * @packageDocumentation
 */
export * from "./inference/index.js";
export * from "./io/index.js";
export * from "./table/index.js";
export * from "./indicators/index.js";
export * from "./standardize/index.js";
export * from "./classify/index.js";
export * from "./mix/index.js";
export * from "./spatial/index.js";
export * from "./supply/index.js";
export * from "./plot/index.js";
export * from "./render/index.js";
export * from "./report/index.js";
export * from "./audit/index.js";
export * from "./analysis/index.js";
export * from "./notebook/index.js";
export * from "./synth/index.js";
export * from "./pipeline/index.js";
export * from "./export/index.js";
export * from "./training/index.js";
export * from "./adapters/danfo.js";
export { VERSION } from "./version.js";
