export { stableStringify } from "./stable-stringify.js";
export { provenance, provenanceLines, sha256 } from "./provenance.js";
export type { Provenance, ProvenanceInput } from "./provenance.js";
export { suppressDisclosive } from "./disclosure.js";
export type { DisclosureOptions, DisclosureResult, SuppressedCell } from "./disclosure.js";
export { summarizeSensitivity } from "./sensitivity.js";
export type { AreaSensitivity, SensitivitySummary, VariantOutcome } from "./sensitivity.js";
export { quantileType7 } from "./quantile-type7.js";
