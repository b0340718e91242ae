export { stableStringify } from "./stable-stringify.js";
export { provenance, provenanceLines, sha256 } from "./provenance.js";
export type { Provenance, ProvenanceInput } from "./provenance.js";
export { suppressDisclosive } from "./disclosure.js";
export type { DisclosureOptions, DisclosureResult, SuppressedCell } from "./disclosure.js";
export { summarizeSensitivity } from "./sensitivity.js";
export type { AreaSensitivity, SensitivitySummary, VariantOutcome } from "./sensitivity.js";
export { runSensitivity, spearmanMatrix } from "./sensitivityAnalysis.js";
export type {
  SensitivityVariant,
  SensitivityOutcomeRow,
  RunSensitivityOptions,
  SensitivityResult,
  SpearmanMatrix,
  FamilySensitivity,
} from "./sensitivityAnalysis.js";
export { compositeIndexEvaluator } from "./compositeIndexEvaluator.js";
export { shiftScheme } from "./shiftScheme.js";
export type {
  IndexNormalization,
  VariantIndicator,
  CompositeVariantSpec,
  IndexVariantOptions,
  IndexVariantArea,
  IndexVariantResult,
  CompositeIndexEvaluator,
} from "./compositeIndexEvaluator.js";
export {
  compositeIndexVariants,
  monteCarloVariants,
  compositeSensitivity,
  describeIndexMethod,
  VARIANT_FAMILY_LABELS,
} from "./compositeIndexVariants.js";
export type {
  VariantFamilyId,
  IndexVariantGeneratorOptions,
  MonteCarloOptions,
  CompositeSensitivityOptions,
  SensitivityAnalysis,
} from "./compositeIndexVariants.js";
