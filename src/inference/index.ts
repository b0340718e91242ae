export { createRng, shuffleInPlace, streamSeed } from "./random.js";
export type { Rng } from "./random.js";
export { permutationInference } from "./permutation.js";
export type { PermutationInference } from "./permutation.js";
export { sampleBinomial } from "./binomial.js";
export { DEFAULT_SEED } from "./defaultSeed.js";
